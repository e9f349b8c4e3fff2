"""The admin form for measurements: ward-scoped choices, the period as a month, Vietnamese checks."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.text import Truncator
from wagtail.admin.forms import WagtailAdminModelForm

from home.models import WardHomePage
from home.permissions import scope_for
from transparency import validation
from transparency.periods import Period
from transparency.progress import PERCENT

PERIOD_HELP = (
    "Chọn tháng của kỳ báo cáo (dạng YYYY-MM). Kỳ tháng M gồm số liệu từ ngày 10 tháng M-1 đến hết ngày 9 "
    "tháng M; phường, xã báo cáo trước ngày 12 tháng M, thành phố tổng hợp trước ngày 25 tháng M."
)
VALUE_HELP = (
    "Tỷ lệ %: 0–100 (có thể để trống nếu nhập tử số và mẫu số); số phường, xã: 0–17; mốc: 1 = hoàn thành, "
    "0 = chưa. Số liệu của phường cho chỉ tiêu theo phường: 1 = có, 0 = chưa, hoặc số lượng (ví dụ số tuyến đường)."
)


class MonthInput(forms.TextInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__({"placeholder": "2024-06", "pattern": r"\d{4}-\d{2}", **(attrs or {})})


class PeriodField(forms.Field):
    """A reporting period typed as ``YYYY-MM``; cleaned to the period's storage date (day 1)."""

    widget = MonthInput
    default_error_messages = {
        "invalid": "Kỳ báo cáo phải có dạng YYYY-MM, ví dụ 2024-06 (kỳ tháng 6/2024: 10/05 – 09/06/2024).",
        "required": "Hãy chọn kỳ báo cáo.",
    }

    def prepare_value(self, value):
        if hasattr(value, "year") and hasattr(value, "month"):
            return f"{value.year:04d}-{value.month:02d}"
        return value

    def to_python(self, value):
        if value in (None, ""):
            return None
        if hasattr(value, "year"):
            return Period(value.year, value.month).as_date()
        try:
            return Period.parse(str(value)).as_date()
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        suffix = " (theo phường, xã)" if obj.per_ward else ""
        return f"{obj.code} – {Truncator(obj.text_vi).chars(80)}{suffix}"


class WardChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class MeasurementForm(WagtailAdminModelForm):
    indicator = IndicatorChoiceField(queryset=None, label="Chỉ tiêu")
    ward = WardChoiceField(
        queryset=None,
        required=False,
        label="Phường, xã",
        empty_label="— Số liệu chung của thành phố —",
    )
    period = PeriodField(label="Kỳ báo cáo", help_text=PERIOD_HELP)
    value = forms.DecimalField(label="Giá trị", required=False, max_digits=14, decimal_places=2, help_text=VALUE_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from transparency.models import Indicator

        self.scope = scope_for(self.for_user) if self.for_user is not None else None
        city_user = self.scope is None or self.scope.city_user
        indicators = Indicator.objects.select_related("group").order_by("group__sort_order", "sort_order")
        wards = WardHomePage.objects.filter(locale__language_code="vi").order_by("path")
        if not city_user:
            names = ", ".join(ward.title for ward in self.scope.wards) or "không có đơn vị nào"
            indicators = indicators.filter(per_ward=True)
            wards = wards.filter(pk__in=self.scope.ward_ids)
            self.fields["ward"].required = True
            self.fields["ward"].empty_label = None if len(self.scope.wards) == 1 else "— Chọn phường, xã —"
            self.fields["ward"].error_messages.update(
                {
                    "invalid_choice": f"Bạn chỉ được nhập số liệu của: {names}.",
                    "required": f"Số liệu chung của thành phố do {validation.CITY_OFFICE} nhập; "
                    f"bạn chỉ được nhập số liệu của: {names}.",
                }
            )
            self.fields["indicator"].error_messages["invalid_choice"] = (
                "Phường, xã chỉ nhập số liệu cho các chỉ tiêu đo theo từng phường, xã."
            )
        self.fields["indicator"].queryset = indicators
        self.fields["ward"].queryset = wards

    def clean(self):
        cleaned = super().clean()
        indicator = cleaned.get("indicator")
        period = cleaned.get("period")
        if indicator is None or "ward" in self.errors:
            return cleaned
        value, numerator, denominator = cleaned.get("value"), cleaned.get("numerator"), cleaned.get("denominator")
        if value is None and indicator.unit == PERCENT and numerator is not None and denominator:
            value = cleaned["value"] = validation.percent_of(numerator, denominator)
        errors = validation.check_measurement(
            indicator,
            Period.from_date(period) if period else None,
            cleaned.get("ward"),
            value,
            numerator,
            denominator,
            allowed_wards=self.scope.wards if self.scope else (),
            city_user=self.scope is None or self.scope.city_user,
        )
        for field, messages in errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        if period and not errors:
            self._check_slot_is_free(indicator, period, cleaned.get("ward"))
        return cleaned

    def _check_slot_is_free(self, indicator, period, ward):
        from transparency.models import Measurement

        clash = Measurement.objects.filter(indicator=indicator, period=period, ward=ward).exclude(pk=self.instance.pk)
        if clash.exists():
            unit = ward.title if ward else "thành phố"
            self.add_error(
                "period",
                f"Đã có số liệu của {unit} cho chỉ tiêu {indicator.code}, {Period.from_date(period).label()}; "
                "hãy mở bản ghi đó để sửa (lịch sử sửa đổi được lưu lại).",
            )

    def save(self, commit=True):
        instance = super().save(commit=False)
        if self.scope is not None:
            if not self.scope.allows(instance.ward_id):  # defence in depth: never save out of scope
                raise PermissionDenied("Không được lưu số liệu ngoài phạm vi đơn vị của bạn.")
            instance.entered_by = self.for_user
        if commit:
            instance.save()
            self.save_m2m()
        return instance
