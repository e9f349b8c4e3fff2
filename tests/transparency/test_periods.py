"""Reporting periods: 10th of M-1 to 9th of M, ward deadline 12th, city 25th, in Asia/Ho_Chi_Minh."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transparency.periods import (
    TIME_ZONE,
    Period,
    current_reporting_period,
    is_future,
    local_date,
    period_containing,
    periods_of_year,
    year_window,
)


def vn(*args):
    return datetime(*args, tzinfo=TIME_ZONE)


def test_a_period_runs_from_the_10th_of_the_previous_month_to_the_9th():
    june = Period(2024, 6)
    assert june.start == date(2024, 5, 10)
    assert june.end == date(2024, 6, 9)
    assert june.ward_deadline == date(2024, 6, 12)
    assert june.city_deadline == date(2024, 6, 25)
    assert june.range_label() == "10/05/2024 – 09/06/2024"
    assert june.label() == "kỳ tháng 6/2024"
    assert june.key == "2024-06"


def test_january_starts_in_december_of_the_year_before():
    assert Period(2024, 1).start == date(2023, 12, 10)
    assert Period(2024, 1).previous() == Period(2023, 12)
    assert Period(2023, 12).next() == Period(2024, 1)
    assert year_window(2024) == (date(2023, 12, 10), date(2024, 12, 9))


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2024, 6, 9), Period(2024, 6)),  # last day of the June period
        (date(2024, 6, 10), Period(2024, 7)),  # the cut-off day opens the July period
        (date(2024, 5, 10), Period(2024, 6)),
        (date(2024, 5, 9), Period(2024, 5)),
        (date(2024, 12, 10), Period(2025, 1)),
        (date(2024, 12, 31), Period(2025, 1)),
        (date(2024, 1, 9), Period(2024, 1)),
    ],
)
def test_period_containing_a_day(day, expected):
    assert period_containing(day) == expected
    assert expected.contains(day)


@pytest.mark.parametrize(
    "moment, expected",
    [
        (vn(2024, 6, 9, 23, 59, 59), Period(2024, 5)),  # June period still open: wards report May's
        (vn(2024, 6, 10, 0, 0, 0), Period(2024, 6)),  # June's figures are cut off at midnight
        (datetime(2024, 6, 9, 16, 59, 59, tzinfo=UTC), Period(2024, 5)),  # 23:59:59 in Vietnam
        (datetime(2024, 6, 9, 17, 0, 0, tzinfo=UTC), Period(2024, 6)),  # 00:00 on the 10th in Vietnam
        (vn(2025, 1, 10, 0, 0), Period(2025, 1)),
        (vn(2025, 1, 9, 12, 0), Period(2024, 12)),
    ],
)
def test_current_reporting_period_follows_vietnamese_midnight(moment, expected):
    assert current_reporting_period(moment) == expected


def test_future_means_not_started_yet():
    july = Period(2024, 7)  # starts 10/06/2024
    assert is_future(july, vn(2024, 6, 9, 23, 59))
    assert not is_future(july, vn(2024, 6, 10, 0, 0))
    assert not is_future(Period(2024, 6), vn(2024, 6, 1))


def test_parse_accepts_year_month_and_refuses_the_rest():
    assert Period.parse("2024-06") == Period(2024, 6)
    assert Period.parse(" 2024-6 ") == Period(2024, 6)
    for bad in ["", "2024", "24-06", "2024-13", "2024-00", "2024/06", "abcd-ef", None]:
        with pytest.raises(ValueError):
            Period.parse(bad)


def test_local_date_needs_an_aware_datetime():
    with pytest.raises(ValueError):
        local_date(datetime(2024, 6, 10))
    assert local_date(date(2024, 6, 10)) == date(2024, 6, 10)


def test_the_twelve_periods_of_a_year_tile_its_window():
    periods = periods_of_year(2024)
    assert [p.month for p in periods] == list(range(1, 13))
    for before, after in zip(periods, periods[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_day_falls_in_exactly_one_period(day):
    period = period_containing(day)
    assert period.start <= day <= period.end
    assert not period.previous().contains(day) and not period.next().contains(day)
    assert period.next().start == period.end + timedelta(days=1)
    assert Period.from_date(period.as_date()) == period
