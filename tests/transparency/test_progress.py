"""Progress and status maths at the boundaries, for every kind and unit."""

from datetime import date
from decimal import Decimal

import pytest

from transparency.periods import Period, year_window
from transparency.progress import (
    MAINTAIN,
    MET,
    MILESTONE,
    NO_DATA,
    NOT_MET,
    ON_TRACK,
    PERCENT,
    REACH,
    STAY_ABOVE,
    WARDS,
    Target,
    assess,
    expected_value,
)

START, END = year_window(2024)  # 10/12/2023 – 09/12/2024
SPAN = (END - START).days  # 365 days
MIDDLE = date.fromordinal(START.toordinal() + SPAN // 2)  # half way: 10/06/2024 minus half a day


def target(value, unit=PERCENT, kind=REACH, due=END, baseline=None):
    return Target(value=Decimal(value), unit=unit, kind=kind, window_start=START, due=due, baseline=baseline)


def status(t, value, on=END):
    return assess(t, None if value is None else Decimal(str(value)), on).status


@pytest.mark.parametrize(
    "value, expected", [("84.99", NOT_MET), ("85", MET), ("85.00", MET), ("85.01", MET), ("100", MET), ("0", NOT_MET)]
)
def test_reach_percent_at_year_end(value, expected):
    assert status(target(85), value) == expected


@pytest.mark.parametrize("value, expected", [("84.99", NOT_MET), ("85", MET), ("99", MET)])
def test_maintain_is_met_at_the_target_itself_at_any_time(value, expected):
    for on in (START, MIDDLE, END):
        assert status(target(85, kind=MAINTAIN), value, on) == expected


@pytest.mark.parametrize("value, expected", [("89.99", NOT_MET), ("90", NOT_MET), ("90.01", MET), ("100", MET)])
def test_stay_above_needs_strictly_more_than_the_target(value, expected):
    for on in (START, MIDDLE, END):
        assert status(target(90, kind=STAY_ABOVE), value, on) == expected


def test_maintain_and_stay_above_are_never_on_track():
    assert status(target(85, kind=MAINTAIN), "10", START) == NOT_MET
    assert status(target(90, kind=STAY_ABOVE), "10", START) == NOT_MET


@pytest.mark.parametrize("value, expected", [(16, NOT_MET), (17, MET)])
def test_reach_ward_count_at_year_end(value, expected):
    assert status(target(17, unit=WARDS), value) == expected


def test_linear_expectation_starts_at_the_baseline_and_ends_at_the_target():
    t = target(17, unit=WARDS)
    assert expected_value(t, START) == 0
    assert expected_value(t, END) == 17
    assert expected_value(t, date(2023, 1, 1)) == 0  # before the window: clamped
    assert expected_value(t, date(2025, 6, 1)) == 17  # after it: clamped
    with_baseline = target(100, baseline=Decimal(60))
    assert expected_value(with_baseline, START) == 60
    assert expected_value(with_baseline, END) == 100


def test_on_track_is_at_or_above_the_linear_expectation_before_the_due_date():
    t = target(17, unit=WARDS)
    june = Period(2024, 6).end  # 09/06/2024: 182 of 365 days → expectation 17 × 182/365 = 8.476…
    expected = expected_value(t, june)
    assert Decimal("8.47") < expected < Decimal("8.48")
    assert status(t, 9, june) == ON_TRACK
    assert status(t, 8, june) == NOT_MET
    assert assess(t, Decimal(expected), june).status == ON_TRACK  # exactly on the line counts
    assert status(t, 16, END) == NOT_MET  # on the due date, only meeting the target counts
    assert status(t, 17, june) == MET


def test_percent_on_track_with_a_baseline():
    t = target(100, baseline=Decimal(60))
    june = Period(2024, 6).end
    line = expected_value(t, june)  # 60 + 40 × 182/365 ≈ 79.95
    assert status(t, line + Decimal("0.01"), june) == ON_TRACK
    assert status(t, line - Decimal("0.01"), june) == NOT_MET


def test_milestone_is_on_track_until_its_due_date_then_not_met():
    due = date(2024, 6, 30)
    t = target(1, unit=MILESTONE, due=due)
    assert status(t, 0, date(2024, 6, 9)) == ON_TRACK
    assert status(t, 0, due) == ON_TRACK
    assert status(t, 0, date(2024, 7, 9)) == NOT_MET
    assert status(t, 1, date(2024, 3, 9)) == MET
    assert status(t, 1, date(2024, 12, 9)) == MET


def test_no_figure_means_no_data():
    for kind in (REACH, MAINTAIN, STAY_ABOVE):
        result = assess(target(50, kind=kind), None, MIDDLE)
        assert result.status == NO_DATA and result.progress is None
        assert result.label() == "Chưa có số liệu" and result.label("en") == "No data"


def test_progress_share_is_clamped_and_respects_the_baseline():
    assert assess(target(80), Decimal(40), END).progress_percent == 50
    assert assess(target(80), Decimal(120), END).progress_percent == 100
    assert assess(target(100, baseline=Decimal(60)), Decimal(80), END).progress_percent == 50
    assert assess(target(100, baseline=Decimal(60)), Decimal(50), END).progress_percent == 0
    assert assess(target(90, kind=STAY_ABOVE), Decimal(45), END).progress_percent == 50
    assert assess(target(17, unit=WARDS), Decimal(17), END).progress_percent == 100


def test_status_labels_in_both_languages():
    assert assess(target(85), Decimal(85), END).label() == "Đạt"
    assert assess(target(85), Decimal(10), END).label() == "Chưa đạt"
    assert assess(target(17, unit=WARDS), Decimal(9), Period(2024, 6).end).label() == "Đúng tiến độ"
    assert assess(target(85), Decimal(85), END).label("en") == "Met"


def test_a_target_refuses_unknown_units_kinds_and_inverted_dates():
    with pytest.raises(ValueError):
        Target(Decimal(1), "litres", REACH, START, END)
    with pytest.raises(ValueError):
        Target(Decimal(1), PERCENT, "exceed", START, END)
    with pytest.raises(ValueError):
        Target(Decimal(1), PERCENT, REACH, END, START)
