"""City figures of per-ward indicators are computed from ward figures; providers plug in figures."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from wagtail import hooks

from tests.transparency.conftest import add_figure
from transparency import figures
from transparency.figures import COMPUTED, PROVIDED, Figure, aggregate_wards
from transparency.periods import TIME_ZONE, Period
from transparency.sources import HOOK_NAME, MeasurementSource, ProvidedFigure, registered_sources

NOW = datetime(2024, 11, 20, tzinfo=TIME_ZONE)


class FakeIndicator:
    def __init__(self, unit):
        self.pk, self.unit = 1, unit


def ward_figure(ward_id, month, value, sample=False):
    return Figure(1, Period(2024, month), ward_id, Decimal(value), is_sample=sample)


def test_ward_count_carries_each_wards_latest_figure_forward():
    ward_figures = [
        ward_figure(1, 3, 1),
        ward_figure(2, 3, 0),
        ward_figure(2, 5, 1),
        ward_figure(3, 5, 2, sample=True),  # a count: two streets qualify the ward
        ward_figure(1, 6, 0),  # ward 1 reports it lost its system
    ]
    city = aggregate_wards(FakeIndicator("wards"), ward_figures, ward_ids=range(1, 18))
    assert sorted(city) == [Period(2024, 3), Period(2024, 5), Period(2024, 6)]
    march, may, june = city[Period(2024, 3)], city[Period(2024, 5)], city[Period(2024, 6)]
    assert (march.value, march.known_wards, march.reporting_wards) == (1, 2, 2)
    assert (may.value, may.known_wards, may.reporting_wards) == (3, 3, 2)  # ward 1's March figure carried
    assert (june.value, june.known_wards, june.reporting_wards) == (2, 3, 1)
    assert (june.numerator, june.denominator, june.origin) == (2, 17, COMPUTED)
    assert not march.is_sample and may.is_sample


def test_ward_share_is_a_percentage_of_all_wards():
    ward_figures = [ward_figure(ward_id, 4, 1) for ward_id in range(1, 11)]  # 10 of 17
    city = aggregate_wards(FakeIndicator("percent"), ward_figures, ward_ids=range(1, 18))
    assert city[Period(2024, 4)].value == Decimal("58.82")


def test_figures_of_unknown_wards_are_ignored():
    city = aggregate_wards(FakeIndicator("wards"), [ward_figure(99, 4, 1)], ward_ids=range(1, 18))
    assert city == {}


def test_collect_computes_city_figures_from_the_database(plan, wards):
    cqs12, cqs01 = plan["CQS-12"], plan["CQS-01"]
    for ward in wards[:12]:
        add_figure(cqs12, "2024-05", 1, ward=ward)
    add_figure(cqs12, "2024-05", 0, ward=wards[12])
    add_figure(cqs01, "2024-05", "88.5")
    collected = figures.collect([cqs12, cqs01], wards, NOW)
    assert collected[cqs12.pk].city[Period(2024, 5)].value == 12
    assert collected[cqs12.pk].ward_figure(wards[12].pk, Period(2024, 5)).value == 0
    assert collected[cqs01.pk].latest().value == Decimal("88.5")
    assert collected[cqs01.pk].wards == {}


def test_a_typed_city_figure_of_a_per_ward_indicator_is_not_used(plan, wards):
    add_figure(plan["CQS-12"], "2024-05", 17)  # e.g. entered before the indicator was per ward
    add_figure(plan["CQS-12"], "2024-05", 1, ward=wards[0])
    assert figures.collect([plan["CQS-12"]], wards, NOW)[plan["CQS-12"].pk].city[Period(2024, 5)].value == 1


def streets_provider():
    return {
        "indicator": "XHS-15",
        "label": "Danh bạ tuyến đường thanh toán không dùng tiền mặt",
        "figures": lambda: [
            {"ward": "26506", "value": 2, "period": "2024-06"},  # Phường 1
            {"ward": "26508", "value": 1, "period": date(2024, 6, 1)},  # Phường Thắng Tam (a day → its period)
            {"ward": "99999", "value": 1, "period": "2024-06"},  # unknown ward: skipped
            {"ward": "26509", "value": -3, "period": "2024-06"},  # invalid: skipped
            {"ward": None, "value": 17, "period": "2024-06"},  # a city figure for a per-ward indicator: skipped
            {"ward": "26509", "value": 1, "period": "2030-01"},  # future: skipped
        ],
    }


def test_a_registered_provider_supplies_ward_figures_that_feed_the_city_figure(plan, wards):
    xhs15 = plan["XHS-15"]
    phuong_1 = next(w for w in wards if w.gso_code == "26506")
    add_figure(xhs15, "2024-06", 0, ward=phuong_1, source="Báo cáo phường")  # replaced by the provider's
    with hooks.register_temporarily(HOOK_NAME, streets_provider):
        collected = figures.collect([xhs15], wards, NOW)
    data = collected[xhs15.pk]
    june = data.city[Period(2024, 6)]
    assert june.value == 2 and june.known_wards == 2
    provided = data.ward_figure(phuong_1.pk, Period(2024, 6))
    assert (provided.value, provided.origin, provided.source) == (
        2,
        PROVIDED,
        "Danh bạ tuyến đường thanh toán không dùng tiền mặt",
    )
    assert Period(2030, 1) not in data.city


def test_providers_may_use_dataclasses_and_return_several_sources(plan, wards):
    def provider():
        return [
            MeasurementSource(
                "CQS-01", "Cổng dịch vụ công", lambda: [ProvidedFigure(value=91, period=Period(2024, 4))]
            ),
            MeasurementSource("NOT-A-CODE", "Không dùng", lambda: [ProvidedFigure(value=1)]),
        ]

    with hooks.register_temporarily(HOOK_NAME, provider):
        labels = [source.label for source in registered_sources()]
        assert {"Cổng dịch vụ công", "Không dùng"} <= set(labels)  # next to other apps' providers
        collected = figures.collect([plan["CQS-01"]], wards, NOW)
    assert collected[plan["CQS-01"].pk].city[Period(2024, 4)].value == 91


def test_a_failing_provider_is_skipped(plan, wards, caplog):
    def broken():
        raise RuntimeError("directory offline")

    def broken_figures():
        return {"indicator": "XHS-15", "label": "x", "figures": lambda: 1 / 0}

    with hooks.register_temporarily([(HOOK_NAME, broken), (HOOK_NAME, broken_figures)]):
        collected = figures.collect([plan["XHS-15"]], wards, NOW)
    assert collected[plan["XHS-15"].pk].city == {}
    assert "bị lỗi" in caplog.text


@pytest.mark.django_db
def test_provider_figures_without_a_period_belong_to_the_period_containing_today(plan, wards):
    def provider():
        return {"indicator": "CQS-12", "label": "x", "figures": lambda: [{"ward": wards[0].gso_code, "value": 1}]}

    with hooks.register_temporarily(HOOK_NAME, provider):
        collected = figures.collect([plan["CQS-12"]], wards, NOW)  # 20/11/2024 is in the December period
    assert list(collected[plan["CQS-12"].pk].city) == [Period(2024, 12)]
