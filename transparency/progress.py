"""Progress and status of a plan indicator (plain maths, no database).

Kinds (``kind``) — how the plan phrases the target:
- ``reach``: reach at least the target by the end of the plan year ("100% …", "17/17 phường, xã …");
- ``maintain``: keep the figure at the target or higher all along ("Duy trì 85% …"): met at ≥ target;
- ``stay_above``: keep the figure strictly above the target ("Duy trì trên 90% …", "Trên 95% …"):
  met at > target, so exactly 90% does not meet "trên 90%".

Units (``unit``): ``percent`` (0–100), ``wards`` (wards/communes out of 17), ``milestone``
(1 = done, 0 = not yet).

Statuses:
- ``met`` "đạt": the figure satisfies the target;
- ``on_track`` "đúng tiến độ" (``reach`` only): not met yet, but the figure is at or above the
  *linear expectation* on the figure's date and the due date has not passed. The expectation rises
  in a straight line from the baseline (0 when unknown) at the start of the plan year's reporting
  window to the target on the due date::

      expected(d) = baseline + (target − baseline) × clamp((d − start) / (due − start), 0, 1)

  ``start`` is the first day of the year's first reporting period (10/12 of the year before) and
  ``due`` the last day of its last one (9/12), unless the indicator has its own due date (e.g.
  "quý II/2024" → 30/6/2024). For a milestone there is no straight line: 0 is on track up to and
  including its due date, not met after it;
- ``not_met`` "chưa đạt": below the target (for ``reach``: below the expectation, or the due
  date has passed);
- ``no_data`` "chưa có số liệu": no figure.

``d`` is the date a figure stands for: the last day of its reporting period.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

REACH, MAINTAIN, STAY_ABOVE = "reach", "maintain", "stay_above"
KINDS = (REACH, MAINTAIN, STAY_ABOVE)
PERCENT, WARDS, MILESTONE = "percent", "wards", "milestone"
UNITS = (PERCENT, WARDS, MILESTONE)

MET, ON_TRACK, NOT_MET, NO_DATA = "met", "on_track", "not_met", "no_data"
STATUSES = (MET, ON_TRACK, NOT_MET, NO_DATA)
STATUS_LABELS = {
    "vi": {MET: "Đạt", ON_TRACK: "Đúng tiến độ", NOT_MET: "Chưa đạt", NO_DATA: "Chưa có số liệu"},
    "en": {MET: "Met", ON_TRACK: "On track", NOT_MET: "Not met", NO_DATA: "No data"},
}
KIND_LABELS = {
    "vi": {REACH: "Đạt", MAINTAIN: "Duy trì", STAY_ABOVE: "Duy trì trên"},
    "en": {REACH: "Reach", MAINTAIN: "Maintain", STAY_ABOVE: "Stay above"},
}

ZERO, ONE = Decimal(0), Decimal(1)


def as_decimal(value):
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value))


@dataclass(frozen=True)
class Target:
    """What an indicator asks for, in the terms of this module."""

    value: Decimal
    unit: str
    kind: str
    window_start: date
    due: date
    baseline: Decimal | None = None

    def __post_init__(self):
        if self.unit not in UNITS:
            raise ValueError(f"đơn vị không hợp lệ: {self.unit!r}")
        if self.kind not in KINDS:
            raise ValueError(f"loại chỉ tiêu không hợp lệ: {self.kind!r}")
        if self.due < self.window_start:
            raise ValueError("hạn hoàn thành phải sau ngày bắt đầu")
        object.__setattr__(self, "value", as_decimal(self.value))
        object.__setattr__(self, "baseline", as_decimal(self.baseline))


@dataclass(frozen=True)
class Assessment:
    status: str
    value: Decimal | None
    progress: Decimal | None  # 0..1, share of the way to the target (for a bar)
    expected: Decimal | None  # linear expectation on the figure's date (reach only)

    def label(self, language="vi"):
        return STATUS_LABELS.get(language, STATUS_LABELS["vi"])[self.status]

    @property
    def progress_percent(self):
        if self.progress is None:
            return None
        return int((self.progress * 100).to_integral_value())


def clamp(number, low=ZERO, high=ONE):
    return max(low, min(high, number))


def elapsed_share(target, on):
    """Share (0..1) of the way from the window start to the due date on day ``on``."""
    span = (target.due - target.window_start).days
    if span <= 0:
        return ONE
    return clamp(Decimal((on - target.window_start).days) / Decimal(span))


def expected_value(target, on):
    """The linear expectation (see the module docstring) on day ``on``."""
    baseline = target.baseline or ZERO
    return baseline + (target.value - baseline) * elapsed_share(target, on)


def progress_share(target, value):
    """How far ``value`` has come toward the target, 0..1 (1 once the target is reached)."""
    if target.kind == REACH:
        baseline = target.baseline or ZERO
        span = target.value - baseline
        if span <= 0:
            return ONE if value >= target.value else ZERO
        return clamp((value - baseline) / span)
    if target.value <= 0:
        return ONE if is_met(target, value) else ZERO
    return clamp(value / target.value)


def is_met(target, value):
    if target.kind == STAY_ABOVE:
        return value > target.value
    return value >= target.value


def assess(target, value, on):
    """Status and progress of ``value`` (a figure standing for day ``on``) against ``target``."""
    value = as_decimal(value)
    if value is None:
        return Assessment(NO_DATA, None, None, None)
    progress = progress_share(target, value)
    if is_met(target, value):
        return Assessment(MET, value, progress, None)
    if target.kind != REACH:
        return Assessment(NOT_MET, value, progress, None)
    if target.unit == MILESTONE:
        return Assessment(ON_TRACK if on <= target.due else NOT_MET, value, progress, None)
    expected = expected_value(target, on)
    on_track = on < target.due and value >= expected
    return Assessment(ON_TRACK if on_track else NOT_MET, value, progress, expected)
