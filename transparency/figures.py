"""Figures of every indicator: entered measurements, provider figures, and city figures computed
from ward figures (never typed twice).

Rules (documented in docs/transparency.md):
- a city-level indicator's figure for a period is the city measurement of that period;
- a per-ward indicator's city figure for period P is computed from each ward's **latest figure at
  or before P** (a ward that set up video-conferencing in March still has it in June); a ward
  *qualifies* when its figure is ≥ 1 (yes, or at least one street, …). Unit ``wards``: the number
  of qualifying wards; unit ``percent``: qualifying wards / all wards × 100. It is computed for
  every period in which at least one ward reported;
- figures supplied by a registered provider (``transparency/sources.py``) take the place of a
  typed figure for the same indicator, ward and period.

``collect`` reads all measurements of the given indicators in one query.
"""

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from transparency.periods import Period
from transparency.progress import WARDS

ENTERED, COMPUTED, PROVIDED = "entered", "computed", "provided"


@dataclass(frozen=True)
class Figure:
    indicator_id: int
    period: Period
    ward_id: int | None
    value: Decimal
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    source: str = ""
    source_url: str = ""
    notes: str = ""
    is_sample: bool = False
    origin: str = ENTERED
    updated_at: datetime | None = None
    reporting_wards: int | None = None  # computed figures: wards with a figure in this very period
    known_wards: int | None = None  # computed figures: wards with a figure at or before this period

    @property
    def qualifies(self):
        return self.value >= 1


MEASUREMENT_FIELDS = (
    "indicator_id", "period", "ward_id", "value", "numerator", "denominator",
    "source", "source_url", "notes", "is_sample", "entered_at",
)


def figure_from_row(row):
    return Figure(
        indicator_id=row["indicator_id"],
        period=Period.from_date(row["period"]),
        ward_id=row["ward_id"],
        value=row["value"],
        numerator=row["numerator"],
        denominator=row["denominator"],
        source=row["source"],
        source_url=row["source_url"],
        notes=row["notes"],
        is_sample=row["is_sample"],
        updated_at=row["entered_at"],
    )


def aggregate_wards(indicator, ward_figures, ward_ids):
    """City figures of a per-ward indicator, one per period in which some ward reported."""
    ward_ids = list(ward_ids)
    total = len(ward_ids)
    history = defaultdict(list)
    for figure in ward_figures:
        if figure.ward_id in ward_ids:
            history[figure.ward_id].append(figure)
    for figures in history.values():
        figures.sort(key=lambda figure: figure.period)
    periods = sorted({figure.period for figures in history.values() for figure in figures})
    city = {}
    for period in periods:
        latest = {}
        for ward_id, figures in history.items():
            known = [figure for figure in figures if figure.period <= period]
            if known:
                latest[ward_id] = known[-1]
        qualifying = sum(1 for figure in latest.values() if figure.qualifies)
        if indicator.unit == WARDS:
            value = Decimal(qualifying)
        else:
            value = (Decimal(qualifying) * 100 / Decimal(total)).quantize(Decimal("0.01")) if total else Decimal(0)
        city[period] = Figure(
            indicator_id=indicator.pk,
            period=period,
            ward_id=None,
            value=value,
            numerator=Decimal(qualifying),
            denominator=Decimal(total),
            is_sample=any(figure.is_sample for figure in latest.values()),
            origin=COMPUTED,
            updated_at=max((f.updated_at for f in latest.values() if f.updated_at), default=None),
            reporting_wards=sum(1 for figure in latest.values() if figure.period == period),
            known_wards=len(latest),
        )
    return city


@dataclass
class IndicatorFigures:
    indicator: object
    city: dict  # Period → Figure (entered, provided or computed)
    wards: dict  # ward_id → {Period → Figure} (per-ward indicators only)

    def city_series(self, periods=None):
        if periods is None:
            return dict(sorted(self.city.items()))
        return {period: self.city[period] for period in periods if period in self.city}

    def latest(self, until=None):
        periods = [period for period in self.city if until is None or period <= until]
        return self.city[max(periods)] if periods else None

    def ward_latest(self, ward_id, until=None):
        figures = self.wards.get(ward_id, {})
        periods = [period for period in figures if until is None or period <= until]
        return figures[max(periods)] if periods else None

    def ward_figure(self, ward_id, period):
        return self.wards.get(ward_id, {}).get(period)


def merge_provided(figures, provided):
    """Provider figures replace typed figures for the same indicator, ward and period."""
    slots = {(f.indicator_id, f.ward_id, f.period): f for f in figures}
    for figure in provided:
        slots[(figure.indicator_id, figure.ward_id, figure.period)] = replace(figure, origin=PROVIDED)
    return list(slots.values())


def build(indicators, figures, ward_ids):
    """Group ``figures`` (entered and provided) by indicator; compute per-ward indicators' city figures."""
    by_indicator = defaultdict(list)
    for figure in figures:
        by_indicator[figure.indicator_id].append(figure)
    result = {}
    for indicator in indicators:
        own = by_indicator.get(indicator.pk, [])
        if indicator.per_ward:
            ward_figures = [figure for figure in own if figure.ward_id is not None]
            wards = defaultdict(dict)
            for figure in ward_figures:
                wards[figure.ward_id][figure.period] = figure
            city = aggregate_wards(indicator, ward_figures, ward_ids)
            result[indicator.pk] = IndicatorFigures(indicator, city, dict(wards))
        else:
            city = {figure.period: figure for figure in own if figure.ward_id is None}
            result[indicator.pk] = IndicatorFigures(indicator, city, {})
    return result


def collect(indicators, wards, moment=None, providers=True):
    """Figures of ``indicators`` from the database (one query) and the registered providers."""
    from transparency.models import Measurement
    from transparency.sources import provided_figures

    indicators = list(indicators)
    rows = Measurement.objects.filter(indicator__in=[i.pk for i in indicators]).values(*MEASUREMENT_FIELDS)
    figures = [figure_from_row(row) for row in rows]
    if providers:
        figures = merge_provided(figures, provided_figures(indicators, wards, moment))
    return build(indicators, figures, [ward.pk for ward in wards])
