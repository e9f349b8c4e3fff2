"""How figures are written, and which figures are refused (with which Vietnamese message)."""

from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from transparency.formatting import format_number, format_target, format_value, format_ward_value
from transparency.periods import TIME_ZONE, Period
from transparency.validation import check_measurement, fraction_errors, scope_errors, value_errors

PERCENT_INDICATOR = SimpleNamespace(code="CQS-03", unit="percent", per_ward=False, ward_value_kind="")
WARDS_INDICATOR = SimpleNamespace(code="X-01", unit="wards", per_ward=False, ward_value_kind="")
MILESTONE_INDICATOR = SimpleNamespace(code="DTTM-01", unit="milestone", per_ward=False, ward_value_kind="")
YES_NO_WARD = SimpleNamespace(code="CQS-12", unit="wards", per_ward=True, ward_value_kind="yes_no")
COUNT_WARD = SimpleNamespace(code="XHS-15", unit="wards", per_ward=True, ward_value_kind="count")
WARD_1 = SimpleNamespace(pk=1, title="Phường 1")
WARD_2 = SimpleNamespace(pk=2, title="Phường Thắng Tam")
NOW = datetime(2024, 7, 1, tzinfo=TIME_ZONE)


def test_vietnamese_and_english_number_style():
    assert format_number(Decimal("23391")) == "23.391"
    assert format_number(Decimal("98.27")) == "98,27"
    assert format_number(Decimal("80.00")) == "80"
    assert format_number(Decimal("1126"), "en") == "1,126"
    assert format_number(Decimal("-1234.5")) == "-1.234,5"
    assert format_value(Decimal("98.27"), "percent") == "98,27%"
    assert format_value(Decimal("12"), "wards") == "12/17"
    assert format_value(Decimal("1"), "milestone") == "Hoàn thành"
    assert format_value(Decimal("0"), "milestone", "en") == "Not done"
    assert format_value(None, "percent") == "—"
    assert format_target(Decimal("17"), "wards") == "17/17 phường, xã"
    assert format_ward_value(Decimal("1"), "yes_no") == "Có"
    assert format_ward_value(Decimal("0"), "yes_no") == "Chưa"
    assert format_ward_value(Decimal("3"), "count") == "3"


@pytest.mark.parametrize(
    "indicator, value, message",
    [
        (PERCENT_INDICATOR, "100.01", "Tỷ lệ phần trăm không được vượt quá 100 (nhận được 100,01)."),
        (PERCENT_INDICATOR, "-1", "Giá trị không được âm (nhận được -1)."),
        (WARDS_INDICATOR, "18", "Số phường, xã không được vượt quá 17 (nhận được 18)."),
        (WARDS_INDICATOR, "3.5", "Số phường, xã phải là số nguyên (nhận được 3,5)."),
        (
            MILESTONE_INDICATOR,
            "0.5",
            "Chỉ tiêu mốc chỉ nhận 1 (đã hoàn thành) hoặc 0 (chưa hoàn thành), nhận được 0,5.",
        ),
        (PERCENT_INDICATOR, None, "Hãy nhập giá trị (hoặc tử số và mẫu số để tính tỷ lệ)."),
    ],
)
def test_out_of_range_values_are_refused(indicator, value, message):
    assert value_errors(indicator, None if value is None else Decimal(value), ward_level=False) == [message]


@pytest.mark.parametrize(
    "indicator, value",
    [
        (PERCENT_INDICATOR, "0"),
        (PERCENT_INDICATOR, "100"),
        (WARDS_INDICATOR, "17"),
        (WARDS_INDICATOR, "0"),
        (MILESTONE_INDICATOR, "1"),
        (MILESTONE_INDICATOR, "0"),
    ],
)
def test_values_at_the_edges_of_the_range_are_accepted(indicator, value):
    assert value_errors(indicator, Decimal(value), ward_level=False) == []


def test_a_wards_own_figure_is_yes_no_or_a_whole_count():
    assert value_errors(YES_NO_WARD, Decimal(1), ward_level=True) == []
    assert value_errors(YES_NO_WARD, Decimal(2), ward_level=True) == [
        "Số liệu của phường cho chỉ tiêu này là 1 (có) hoặc 0 (chưa có), nhận được 2."
    ]
    assert value_errors(COUNT_WARD, Decimal(25), ward_level=True) == []
    assert value_errors(COUNT_WARD, Decimal("1.5"), ward_level=True)
    assert value_errors(COUNT_WARD, Decimal(-1), ward_level=True) == ["Giá trị không được âm (nhận được -1)."]


def test_numerator_and_denominator_must_agree_with_the_percentage():
    ok = fraction_errors(PERCENT_INDICATOR, Decimal("98.27"), Decimal(23391), Decimal(23802))
    assert ok == {}
    assert fraction_errors(PERCENT_INDICATOR, Decimal("90"), Decimal(23391), Decimal(23802)) == {
        "value": ["Giá trị 90% không khớp với tử số/mẫu số (23.391/23.802 = 98,27%)."]
    }
    assert fraction_errors(PERCENT_INDICATOR, None, Decimal(5), None) == {
        "denominator": ["Nhập cả tử số và mẫu số, hoặc để trống cả hai."]
    }
    assert "denominator" in fraction_errors(PERCENT_INDICATOR, None, Decimal(0), Decimal(0))
    assert "numerator" in fraction_errors(PERCENT_INDICATOR, None, Decimal(6), Decimal(5))


def test_scope_a_ward_user_enters_only_its_own_wards_figures():
    assert scope_errors(YES_NO_WARD, WARD_1, [WARD_1], city_user=False) == {}
    assert scope_errors(YES_NO_WARD, WARD_2, [WARD_1], city_user=False) == {
        "ward": ["Bạn không được nhập số liệu cho Phường Thắng Tam; bạn chỉ được nhập số liệu của: Phường 1."]
    }
    city_figure = scope_errors(PERCENT_INDICATOR, None, [WARD_1], city_user=False)
    assert city_figure["ward"][0].startswith("Số liệu chung của thành phố do Phòng Văn hóa và Thông tin")
    assert scope_errors(YES_NO_WARD, WARD_2, [], city_user=True) == {}
    assert scope_errors(PERCENT_INDICATOR, None, [], city_user=True) == {}


def test_per_ward_indicators_have_no_typed_city_figure_and_city_indicators_no_ward_figure():
    assert "tính tự động" in scope_errors(YES_NO_WARD, None, [], city_user=True)["ward"][0]
    assert "chỉ tiêu chung của thành phố" in scope_errors(PERCENT_INDICATOR, WARD_1, [], city_user=True)["ward"][0]


def test_a_period_that_has_not_started_is_refused():
    errors = check_measurement(PERCENT_INDICATOR, Period(2024, 8), None, Decimal(50), city_user=True, moment=NOW)
    assert errors == {
        "period": [
            "Kỳ báo cáo tháng 8/2024 (10/07/2024 – 09/08/2024) chưa bắt đầu: không nhập số liệu cho kỳ trong tương lai."
        ]
    }
    # July's period (10/06 – 09/07) is open on 1/7: figures so far may be entered.
    assert check_measurement(PERCENT_INDICATOR, Period(2024, 7), None, Decimal(50), city_user=True, moment=NOW) == {}


def test_check_measurement_gathers_every_problem():
    errors = check_measurement(
        PERCENT_INDICATOR, Period(2025, 1), WARD_2, Decimal(101), allowed_wards=[WARD_1], moment=NOW
    )
    assert set(errors) == {"ward", "period", "value"}
