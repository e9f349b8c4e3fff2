"""Reporting periods of the digital-transformation plan (plain date maths, no database).

The plan (Phần V.1) asks wards to report "định kỳ hàng tháng vào ngày 12 của tháng, thời điểm chốt
số liệu báo cáo từ 10 tháng trước đến ngày 10 tháng tiếp theo", and the city's Culture and
Information Office to aggregate "định kỳ vào ngày 25 hàng tháng". Precisely, in Asia/Ho_Chi_Minh:

- the period of month M/Y ("kỳ tháng M/Y") covers the days from the **10th of month M-1 to the 9th
  of month M, both included** (00:00 on the 10th of M-1 up to, not including, 00:00 on the 10th of M);
  it is named after the month in which it closes, as in the national reporting rules (Nghị định
  09/2019/NĐ-CP names monthly periods the same way);
- wards submit its figures by the **12th of month M** (end of day);
- the city office aggregates them by the **25th of month M** (end of day).

A period is stored as the first day of its month (``date(Y, M, 1)``).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
CUTOFF_DAY = 10
WARD_DEADLINE_DAY = 12
CITY_DEADLINE_DAY = 25


@dataclass(frozen=True, order=True)
class Period:
    year: int
    month: int

    def __post_init__(self):
        if not 1 <= self.month <= 12:
            raise ValueError(f"tháng không hợp lệ: {self.month}")

    # --- naming and storage ---------------------------------------------------------------
    @property
    def key(self):
        """``"2024-06"``: used in URLs, forms and open data."""
        return f"{self.year:04d}-{self.month:02d}"

    def label(self, language="vi"):
        if language == "en":
            return f"period {self.month}/{self.year}"
        return f"kỳ tháng {self.month}/{self.year}"

    @property
    def short_label(self):
        return f"{self.month}/{self.year}"

    def range_label(self):
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    def as_date(self):
        return date(self.year, self.month, 1)

    @classmethod
    def from_date(cls, value):
        """The period stored as ``value`` (any day of its month)."""
        return cls(value.year, value.month)

    @classmethod
    def parse(cls, text):
        """``"2024-06"`` → ``Period(2024, 6)``; ``ValueError`` on anything else."""
        text = (text or "").strip()
        parts = text.split("-")
        if len(parts) != 2 or not all(part.isdigit() for part in parts) or len(parts[0]) != 4:
            raise ValueError(f"kỳ báo cáo phải có dạng YYYY-MM, nhận được {text!r}")
        return cls(int(parts[0]), int(parts[1]))

    # --- neighbours -------------------------------------------------------------------------
    def previous(self):
        return Period(self.year - 1, 12) if self.month == 1 else Period(self.year, self.month - 1)

    def next(self):
        return Period(self.year + 1, 1) if self.month == 12 else Period(self.year, self.month + 1)

    # --- dates ------------------------------------------------------------------------------
    @property
    def start(self):
        """First day of the period: the 10th of the previous month."""
        before = self.previous()
        return date(before.year, before.month, CUTOFF_DAY)

    @property
    def end(self):
        """Last day of the period (included): the 9th of the period's month."""
        return date(self.year, self.month, CUTOFF_DAY - 1)

    @property
    def ward_deadline(self):
        return date(self.year, self.month, WARD_DEADLINE_DAY)

    @property
    def city_deadline(self):
        return date(self.year, self.month, CITY_DEADLINE_DAY)

    def contains(self, day):
        return self.start <= day <= self.end


def local_date(moment=None):
    """The calendar date in Vietnam of an aware datetime (default: now)."""
    moment = moment or datetime.now(TIME_ZONE)
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError("cần datetime có múi giờ (aware)")
        return moment.astimezone(TIME_ZONE).date()
    return moment


def period_containing(day):
    """The period whose days include ``day`` (a date in Vietnam)."""
    if day.day >= CUTOFF_DAY:
        return Period(day.year, day.month).next()
    return Period(day.year, day.month)


def current_reporting_period(moment=None):
    """The latest period whose figures are closed (cut off) at ``moment``: the one wards report on now.

    From the 10th of a month (00:00, Vietnam time) it is the period that has just closed (named
    after this month); before the 10th it is the previous month's period.
    """
    return period_containing(local_date(moment)).previous()


def is_future(period, moment=None):
    """A period that has not started yet at ``moment``."""
    return period.start > local_date(moment)


def periods_of_year(year):
    """The twelve periods named after the months of ``year`` (10/12/Y-1 to 9/12/Y)."""
    return [Period(year, month) for month in range(1, 13)]


def year_window(year):
    """First and last day covered by the periods of ``year`` (10/12/Y-1 – 9/12/Y)."""
    return Period(year, 1).start, Period(year, 12).end


def end_of_day(day):
    """The last instant of ``day`` in Vietnam, as an aware datetime."""
    return datetime(day.year, day.month, day.day, tzinfo=TIME_ZONE) + timedelta(days=1, microseconds=-1)
