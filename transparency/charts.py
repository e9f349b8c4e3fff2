"""Geometry of the server-rendered SVG trend charts (template: transparency/includes/trend_chart.html).

One chart per indicator: the city figure of each reporting period of the plan year (x: the twelve
periods, y: the unit's full range), the target as a dashed line and, for "reach" indicators, the
linear expectation used by ``progress`` as a dotted line. Every point carries its value as text
(an SVG ``<title>``) and the template renders the same ``rows`` as a data table.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from transparency import formatting, progress
from transparency.periods import periods_of_year

WIDTH, HEIGHT = 600, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40


def _c(number):
    """An SVG coordinate as text (never localised: "56.5", not "56,5")."""
    return f"{number:.1f}"


@dataclass(frozen=True)
class Point:
    x: str
    y: str
    period_label: str
    value_label: str
    status_label: str
    is_sample: bool


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    points: list
    y_ticks: list
    x_ticks: list
    target_y: str | None
    expected: tuple | None  # (x1, y1, x2, y2) as text
    rows: list = field(default_factory=list)  # the data table: (period label, value label, status label)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM
    label_x: int = LEFT - 8
    axis_label_y: int = HEIGHT - BOTTOM + 24

    @property
    def last_label_dy(self):
        """Put the last value's label under its point when the point is near the top edge."""
        point = self.last_point
        return "1.7em" if point and float(point.y) < TOP + 24 else "-0.8em"

    @property
    def polyline(self):
        return " ".join(f"{p.x},{p.y}" for p in self.points)

    @property
    def last_point(self):
        return self.points[-1] if self.points else None


def y_range(unit, ward_total=formatting.WARD_TOTAL):
    if unit == progress.PERCENT:
        return Decimal(100), [0, 25, 50, 75, 100]
    if unit == progress.WARDS:
        return Decimal(ward_total), [0, 4, 8, 12, ward_total]
    return Decimal(1), [0, 1]


def _x(index, count=12):
    return LEFT + (WIDTH - RIGHT - LEFT) * index / (count - 1)


def _y(value, top_value):
    share = min(max(Decimal(value) / top_value, Decimal(0)), Decimal(1)) if top_value else Decimal(0)
    return float(TOP + (HEIGHT - BOTTOM - TOP) * (1 - share))


def _tick_label(tick, unit, language):
    if unit == progress.PERCENT:
        return f"{tick}%"
    if unit == progress.MILESTONE:
        if language == "en":
            return "Done" if tick else "Not done"
        return "Xong" if tick else "Chưa"
    return str(tick)


def trend_chart(chart_id, indicator, series, language="vi", ward_total=formatting.WARD_TOTAL):
    """``series``: {Period → Figure} (city figures). Returns a ``Chart`` for the plan year, or ``None``
    when the year has no figure."""
    year = indicator.plan_year
    periods = periods_of_year(year)
    in_year = [(index, period, series[period]) for index, period in enumerate(periods) if period in series]
    if not in_year:
        return None
    target = indicator.target_spec()
    top_value, ticks = y_range(indicator.unit, ward_total)
    points, rows = [], []
    for index, period, figure in in_year:
        value_label = formatting.format_value(figure.value, indicator.unit, language, ward_total)
        status = progress.assess(target, figure.value, period.end).label(language)
        period_label = period.label(language)
        points.append(
            Point(_c(_x(index)), _c(_y(figure.value, top_value)), period_label, value_label, status, figure.is_sample)
        )
        rows.append((period_label, value_label, status, figure.is_sample))
    expected = None
    if indicator.kind == progress.REACH and indicator.unit != progress.MILESTONE:
        first, last = periods[0], periods[-1]
        end_day = min(target.due, last.end)
        end_index = 11 * (end_day - first.end).days / max((last.end - first.end).days, 1)
        expected = tuple(
            _c(number)
            for number in (
                _x(0),
                _y(progress.expected_value(target, first.end), top_value),
                LEFT + (WIDTH - RIGHT - LEFT) * max(end_index, 0) / 11,
                _y(progress.expected_value(target, end_day), top_value),
            )
        )
    text = indicator.text(language)
    target_label = indicator.target_label(language)
    if language == "en":
        title = f"{indicator.code}: figures by reporting period, {year}"
        desc = (f"{text}. Target: {target_label}. {len(points)} period(s) with figures, from "
                f"{rows[0][0]} ({rows[0][1]}) to {rows[-1][0]} ({rows[-1][1]}).")
    else:
        title = f"{indicator.code}: số liệu theo kỳ báo cáo năm {year}"
        desc = (f"{text}. Chỉ tiêu: {target_label}. Có số liệu {len(points)} kỳ, từ "
                f"{rows[0][0]} ({rows[0][1]}) đến {rows[-1][0]} ({rows[-1][1]}).")
    return Chart(
        id=chart_id,
        title=title,
        desc=desc,
        points=points,
        y_ticks=[(_c(_y(tick, top_value)), _tick_label(tick, indicator.unit, language)) for tick in ticks],
        x_ticks=[(_c(_x(index)), f"T{period.month}" if language == "vi" else f"M{period.month}")
                 for index, period in enumerate(periods)],
        target_y=_c(_y(indicator.target, top_value)) if indicator.unit != progress.MILESTONE else None,
        expected=expected,
        rows=rows,
    )
