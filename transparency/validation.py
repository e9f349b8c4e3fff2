"""Checks on a measurement before it is saved, with the Vietnamese messages editors see.

Plain functions over plain values (an indicator-like object with ``code``, ``unit``, ``per_ward``,
``ward_value_kind``; a ward-like object with ``pk`` and ``title``), used by the admin form, by the
measurement providers and by the tests. They return ``{field: [message, …]}``; empty means valid.
"""

from decimal import Decimal

from transparency.formatting import COUNT, WARD_TOTAL, YES_NO, format_number
from transparency.periods import is_future
from transparency.progress import MILESTONE, PERCENT, WARDS, as_decimal

CITY_OFFICE = "Phòng Văn hóa và Thông tin thành phố"


def _n(value):
    return format_number(value)


def value_errors(indicator, value, ward_level, ward_total=WARD_TOTAL):
    """Range of a value in the indicator's unit (or, for a ward's own figure, its ward value kind)."""
    value = as_decimal(value)
    if value is None:
        return ["Hãy nhập giá trị (hoặc tử số và mẫu số để tính tỷ lệ)."]
    if value < 0:
        return [f"Giá trị không được âm (nhận được {_n(value)})."]
    if ward_level and indicator.per_ward:
        if indicator.ward_value_kind == YES_NO and value not in (0, 1):
            return [f"Số liệu của phường cho chỉ tiêu này là 1 (có) hoặc 0 (chưa có), nhận được {_n(value)}."]
        if indicator.ward_value_kind == COUNT and value != value.to_integral_value():
            return [f"Số liệu của phường cho chỉ tiêu này là một số nguyên không âm, nhận được {_n(value)}."]
        return []
    if indicator.unit == PERCENT and value > 100:
        return [f"Tỷ lệ phần trăm không được vượt quá 100 (nhận được {_n(value)})."]
    if indicator.unit == WARDS:
        if value > ward_total:
            return [f"Số phường, xã không được vượt quá {ward_total} (nhận được {_n(value)})."]
        if value != value.to_integral_value():
            return [f"Số phường, xã phải là số nguyên (nhận được {_n(value)})."]
    if indicator.unit == MILESTONE and value not in (0, 1):
        return [f"Chỉ tiêu mốc chỉ nhận 1 (đã hoàn thành) hoặc 0 (chưa hoàn thành), nhận được {_n(value)}."]
    return []


def fraction_errors(indicator, value, numerator, denominator):
    """Numerator and denominator: both or neither, 0 ≤ numerator ≤ denominator, matching a percent value."""
    numerator, denominator, value = as_decimal(numerator), as_decimal(denominator), as_decimal(value)
    if numerator is None and denominator is None:
        return {}
    if numerator is None or denominator is None:
        field = "numerator" if numerator is None else "denominator"
        return {field: ["Nhập cả tử số và mẫu số, hoặc để trống cả hai."]}
    if numerator < 0 or denominator < 0:
        return {"numerator" if numerator < 0 else "denominator": ["Tử số và mẫu số không được âm."]}
    if denominator == 0:
        return {"denominator": ["Mẫu số phải lớn hơn 0."]}
    if indicator.unit == PERCENT and numerator > denominator:
        return {"numerator": [f"Tử số ({_n(numerator)}) không được lớn hơn mẫu số ({_n(denominator)})."]}
    if indicator.unit == PERCENT and value is not None:
        computed = percent_of(numerator, denominator)
        if abs(computed - value) > Decimal("0.01"):
            return {
                "value": [
                    f"Giá trị {_n(value)}% không khớp với tử số/mẫu số "
                    f"({_n(numerator)}/{_n(denominator)} = {_n(computed)}%)."
                ]
            }
    return {}


def percent_of(numerator, denominator):
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"))


def scope_errors(indicator, ward, allowed_wards, city_user):
    """Who may enter what: city users any ward or the city; ward users only their own ward."""
    if ward is None:
        if indicator.per_ward:
            return {
                "ward": [
                    f"Chỉ tiêu {indicator.code} được đo theo từng phường, xã: hãy chọn phường, xã. "
                    "Số liệu của thành phố được tính tự động từ số liệu các phường, không nhập lại."
                ]
            }
        if not city_user:
            names = ", ".join(sorted(w.title for w in allowed_wards)) or "không có đơn vị nào"
            return {
                "ward": [
                    f"Số liệu chung của thành phố do {CITY_OFFICE} nhập; bạn chỉ được nhập số liệu của: {names}."
                ]
            }
        return {}
    if not indicator.per_ward:
        return {
            "ward": [f"Chỉ tiêu {indicator.code} là chỉ tiêu chung của thành phố, không nhập theo phường, xã."]
        }
    if not city_user and ward.pk not in {w.pk for w in allowed_wards}:
        names = ", ".join(sorted(w.title for w in allowed_wards)) or "không có đơn vị nào"
        return {"ward": [f"Bạn không được nhập số liệu cho {ward.title}; bạn chỉ được nhập số liệu của: {names}."]}
    return {}


def period_errors(period, moment=None):
    if is_future(period, moment):
        return {
            "period": [
                f"Kỳ báo cáo tháng {period.short_label} ({period.range_label()}) chưa bắt đầu: "
                "không nhập số liệu cho kỳ trong tương lai."
            ]
        }
    return {}


def check_measurement(
    indicator, period, ward, value, numerator=None, denominator=None, *,
    allowed_wards=(), city_user=False, moment=None, ward_total=WARD_TOTAL,
):
    """Every check at once; returns ``{field: [messages]}`` (empty when the measurement is valid)."""
    errors = {}

    def add(found):
        for field, messages in found.items():
            errors.setdefault(field, []).extend(messages)

    add(scope_errors(indicator, ward, allowed_wards, city_user))
    if period is not None:
        add(period_errors(period, moment))
    add({"value": value_errors(indicator, value, ward_level=ward is not None, ward_total=ward_total)})
    add(fraction_errors(indicator, value, numerator, denominator))
    return {field: messages for field, messages in errors.items() if messages}
