"""What the dashboard and indicator pages show, computed from the figures (plain functions).

Queries: indicators with their groups (1), wards (1), measurements (1), 2023 results (1).
"""

from collections import Counter
from dataclasses import dataclass

from home.models import WardHomePage
from transparency import charts, figures, formatting, progress
from transparency.periods import current_reporting_period, local_date, period_containing


@dataclass
class IndicatorRow:
    indicator: object
    text: str
    target_label: str
    latest: object  # figures.Figure or None
    value_label: str
    period_label: str
    assessment: progress.Assessment
    status_label: str
    chart: object
    url: str = ""

    @property
    def status(self):
        return self.assessment.status

    @property
    def is_sample(self):
        return bool(self.latest and self.latest.is_sample)


def vietnamese_wards():
    return list(
        WardHomePage.objects.filter(locale__language_code="vi").order_by("path").only("id", "title", "slug", "gso_code")
    )


def indicators_queryset():
    from transparency.models import Indicator

    return Indicator.objects.select_related("group").order_by("group__sort_order", "sort_order", "code")


def latest_assessment(indicator, data, today):
    """The latest figure up to today (or ``None``) and its status, assessed at the figure's date."""
    latest = data.latest(until=period_containing(today))
    target = indicator.target_spec()
    if latest is None:
        return None, progress.assess(target, None, today)
    return latest, progress.assess(target, latest.value, latest.period.end)


def indicator_row(indicator, data, language, today, url="", chart_prefix="chart"):
    latest, assessment = latest_assessment(indicator, data, today)
    if latest is None:
        value_label, period_label = "—", ""
    else:
        value_label = formatting.format_value(latest.value, indicator.unit, language)
        period_label = latest.period.label(language)
    return IndicatorRow(
        indicator=indicator,
        text=indicator.text(language),
        target_label=indicator.target_label(language),
        latest=latest,
        value_label=value_label,
        period_label=period_label,
        assessment=assessment,
        status_label=assessment.label(language),
        chart=charts.trend_chart(f"{chart_prefix}-{indicator.slug}", indicator, data.city, language),
        url=url,
    )


def ward_cell(indicator, figure, language):
    if figure is None:
        return {"label": "—", "qualifies": None, "period": "", "is_sample": False}
    label = formatting.format_ward_value(figure.value, indicator.ward_value_kind, language)
    return {
        "label": label,
        "qualifies": figure.qualifies,
        "period": figure.period.short_label,
        "is_sample": figure.is_sample,
    }


def ward_table(per_ward_indicators, collected, wards, language, today):
    until = period_containing(today)
    rows = []
    for ward in wards:
        cells = [
            ward_cell(indicator, collected[indicator.pk].ward_latest(ward.pk, until), language)
            for indicator in per_ward_indicators
        ]
        rows.append({"ward": ward, "cells": cells})
    return {"indicators": per_ward_indicators, "rows": rows}


def build_dashboard(language="vi", moment=None, indicator_url=None):
    """Context of the dashboard: groups with indicator rows, summary, per-ward table, 2023 results."""
    from transparency.models import BaselineResult

    today = local_date(moment)
    indicators = list(indicators_queryset())
    wards = vietnamese_wards()
    collected = figures.collect(indicators, wards, moment)
    groups, current = [], None
    for indicator in indicators:
        if current is None or current["group"].pk != indicator.group_id:
            current = {"group": indicator.group, "name": indicator.group.name(language), "rows": []}
            groups.append(current)
        url = indicator_url(indicator) if indicator_url else ""
        current["rows"].append(indicator_row(indicator, collected[indicator.pk], language, today, url))
    rows = [row for group in groups for row in group["rows"]]
    counts = Counter(row.status for row in rows)
    per_ward = [indicator for indicator in indicators if indicator.per_ward]
    return {
        "groups": groups,
        "summary": [
            {"status": status, "label": progress.STATUS_LABELS[language][status], "count": counts.get(status, 0)}
            for status in progress.STATUSES
        ],
        "indicator_count": len(rows),
        "ward_table": ward_table(per_ward, collected, wards, language, today),
        "results": list(BaselineResult.objects.order_by("year", "sort_order")),
        "has_sample": any(row.is_sample for row in rows),
        "reporting_period": current_reporting_period(moment),
        "today": today,
    }


def build_indicator(indicator, language="vi", moment=None):
    """Context of one indicator's page: its row, full city history, per-ward figures and history."""
    today = local_date(moment)
    wards = vietnamese_wards()
    data = figures.collect([indicator], wards, moment)[indicator.pk]
    target = indicator.target_spec()
    row = indicator_row(indicator, data, language, today, chart_prefix="indicator-chart")
    history = []
    for period, figure in sorted(data.city.items(), reverse=True):
        history.append(
            {
                "period": period,
                "period_label": period.label(language),
                "range": period.range_label(),
                "figure": figure,
                "value_label": formatting.format_value(figure.value, indicator.unit, language),
                "status_label": progress.assess(target, figure.value, period.end).label(language),
            }
        )
    ward_names = {ward.pk: ward.title for ward in wards}
    ward_history = sorted(
        (
            {
                "ward": ward_names.get(ward_id, ""),
                "period": period,
                "period_label": period.label(language),
                "figure": figure,
                "value_label": formatting.format_ward_value(figure.value, indicator.ward_value_kind, language),
            }
            for ward_id, by_period in data.wards.items()
            for period, figure in by_period.items()
        ),
        key=lambda item: (item["period"], item["ward"]),
        reverse=True,
    )
    until = period_containing(today)
    return {
        "row": row,
        "history": history,
        "ward_rows": [
            {"ward": ward, "cell": ward_cell(indicator, data.ward_latest(ward.pk, until), language)} for ward in wards
        ]
        if indicator.per_ward
        else [],
        "ward_history": ward_history,
        "has_sample": any(item["figure"].is_sample for item in history)
        or any(item["figure"].is_sample for item in ward_history),
    }


def status_summary(language="vi", moment=None):
    """How many indicators are met, on track, not met, without data (for the city home page)."""
    today = local_date(moment)
    indicators = list(indicators_queryset())
    collected = figures.collect(indicators, vietnamese_wards(), moment)
    counts = Counter(latest_assessment(i, collected[i.pk], today)[1].status for i in indicators)
    return {
        "total": len(indicators),
        "items": [
            {"status": status, "label": progress.STATUS_LABELS[language][status], "count": counts.get(status, 0)}
            for status in progress.STATUSES
        ],
    }


def ward_summary(ward, language, dashboard_page, moment=None):
    """A ward's own figures for the per-ward indicators (for the ward's home page)."""
    today = local_date(moment)
    indicators = list(indicators_queryset().filter(per_ward=True))
    collected = figures.collect(indicators, [ward], moment)
    base_url = dashboard_page.get_url()
    until = period_containing(today)
    return [
        {
            "indicator": indicator,
            "label": indicator.ward_label(language) or indicator.text(language),
            "cell": ward_cell(indicator, collected[indicator.pk].ward_latest(ward.pk, until), language),
            "url": dashboard_page.indicator_url(indicator, base_url=base_url),
        }
        for indicator in indicators
    ]
