"""How figures are written on the portal: Vietnamese number style (1.126; 98,27%) or English."""

from decimal import Decimal

from transparency.progress import MILESTONE, PERCENT, WARDS, as_decimal

WARD_TOTAL = 17
YES_NO, COUNT = "yes_no", "count"


def format_number(value, language="vi"):
    """``Decimal("23391")`` → ``"23.391"``; ``Decimal("98.270")`` → ``"98,27"`` (English: 23,391; 98.27)."""
    value = as_decimal(value)
    if value is None:
        return ""
    quantised = value.quantize(Decimal("0.01"))
    sign = "-" if quantised < 0 else ""
    integer, _, fraction = f"{abs(quantised):f}".partition(".")
    fraction = fraction.rstrip("0")
    thousands, decimal = (",", ".") if language == "en" else (".", ",")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    text = thousands.join(groups)
    return f"{sign}{text}{decimal}{fraction}" if fraction else f"{sign}{text}"


def format_value(value, unit, language="vi", ward_total=WARD_TOTAL):
    """A city-level figure in its unit: ``98,27%``, ``12/17``, ``Hoàn thành``."""
    value = as_decimal(value)
    if value is None:
        return "—"
    if unit == PERCENT:
        return f"{format_number(value, language)}%"
    if unit == WARDS:
        return f"{format_number(value, language)}/{ward_total}"
    if unit == MILESTONE:
        done = value >= 1
        if language == "en":
            return "Done" if done else "Not done"
        return "Hoàn thành" if done else "Chưa hoàn thành"
    return format_number(value, language)


def format_target(target, unit, language="vi", ward_total=WARD_TOTAL):
    if unit == WARDS:
        suffix = "wards and communes" if language == "en" else "phường, xã"
        return f"{format_number(target, language)}/{ward_total} {suffix}"
    return format_value(target, unit, language, ward_total)


def format_ward_value(value, ward_value_kind, language="vi"):
    """A ward's own figure for a per-ward indicator: ``Có`` / ``Chưa`` or a count."""
    value = as_decimal(value)
    if value is None:
        return "—"
    if ward_value_kind == YES_NO:
        if language == "en":
            return "Yes" if value >= 1 else "Not yet"
        return "Có" if value >= 1 else "Chưa"
    return format_number(value, language)
