"""Registry of measurement providers: other apps supply computed figures for an indicator code.

An app registers a provider in its ``wagtail_hooks.py`` without importing anything from this app::

    @hooks.register("transparency_measurement_sources")
    def cashless_streets():
        from directory.progress import streets_per_ward   # {GSO ward code: number of streets}
        return {
            "indicator": "XHS-15",
            "label": "Danh bạ tuyến đường thanh toán không dùng tiền mặt",
            "figures": lambda: [{"ward": code, "value": count} for code, count in streets_per_ward().items()],
        }

A provider returns one source or a list of them, each a mapping (or ``MeasurementSource``) with
``indicator`` (code), ``label`` (shown as the figures' source) and ``figures`` (a callable returning
an iterable of mappings or ``ProvidedFigure``): ``ward`` (GSO code, or ``None`` for a city figure),
``value``, optional ``period`` (``"2024-06"``, a ``Period``, or a ``date`` in the period; default: the
period containing today), ``numerator``, ``denominator``, ``source_url``.

Provided figures are checked like typed ones; invalid figures, unknown codes and failing providers
are logged and skipped, so a broken provider never breaks the dashboard. A provided figure takes
the place of a typed figure for the same indicator, ward and period (``figures.merge_provided``).
"""

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from wagtail import hooks

from transparency.periods import Period, local_date, period_containing
from transparency.validation import fraction_errors, value_errors

HOOK_NAME = "transparency_measurement_sources"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProvidedFigure:
    value: object
    ward: str | None = None
    period: object = None
    numerator: object = None
    denominator: object = None
    source_url: str = ""


@dataclass(frozen=True)
class MeasurementSource:
    indicator: str
    label: str
    figures: Callable[[], Iterable] = field(repr=False)


def _as_source(item):
    if isinstance(item, MeasurementSource):
        return item
    if isinstance(item, Mapping):
        return MeasurementSource(item["indicator"], item.get("label", ""), item["figures"])
    raise TypeError(f"nguồn số liệu không hợp lệ: {item!r}")


def _as_figure(item):
    if isinstance(item, ProvidedFigure):
        return item
    if isinstance(item, Mapping):
        return ProvidedFigure(
            value=item["value"],
            ward=item.get("ward"),
            period=item.get("period"),
            numerator=item.get("numerator"),
            denominator=item.get("denominator"),
            source_url=item.get("source_url", ""),
        )
    raise TypeError(f"số liệu không hợp lệ: {item!r}")


def _as_period(value, today):
    if value is None:
        return period_containing(today)
    if isinstance(value, Period):
        return value
    if isinstance(value, date):
        return period_containing(value)
    return Period.parse(str(value))


def _decimal(value):
    return None if value is None else Decimal(str(value))


def registered_sources():
    """Every source registered through the hook (a provider may return one source or several)."""
    sources = []
    for provider in hooks.get_hooks(HOOK_NAME):
        try:
            result = provider()
            items = [result] if isinstance(result, (Mapping, MeasurementSource)) else list(result or [])
            sources.extend(_as_source(item) for item in items)
        except Exception:  # a broken provider must not break the portal
            logger.exception("transparency: nguồn số liệu %r bị lỗi, bỏ qua", provider)
    return sources


def provided_figures(indicators, wards, moment=None):
    """``figures.Figure`` objects from every registered source whose indicator code is known."""
    from transparency.figures import PROVIDED, Figure

    sources = registered_sources()
    if not sources:
        return []
    by_code = {indicator.code: indicator for indicator in indicators}
    ward_by_code = {ward.gso_code: ward for ward in wards}
    today = local_date(moment)
    figures = []
    for source in sources:
        indicator = by_code.get(source.indicator)
        if indicator is None:
            continue
        try:
            items = [_as_figure(item) for item in source.figures()]
        except Exception:
            logger.exception("transparency: nguồn %r (%s) bị lỗi, bỏ qua", source.label, source.indicator)
            continue
        for item in items:
            try:
                period = _as_period(item.period, today)
                value, numerator, denominator = (
                    _decimal(item.value), _decimal(item.numerator), _decimal(item.denominator)
                )
            except (ValueError, InvalidOperation) as error:
                logger.warning("transparency: %s: số liệu không hợp lệ (%s), bỏ qua", source.indicator, error)
                continue
            ward = ward_by_code.get(item.ward) if item.ward is not None else None
            if item.ward is not None and ward is None:
                logger.warning("transparency: %s: không có phường mã %r, bỏ qua", source.indicator, item.ward)
                continue
            problems = value_errors(indicator, value, ward_level=ward is not None) + list(
                fraction_errors(indicator, value, numerator, denominator).values()
            )
            if problems or (ward is None) == bool(indicator.per_ward) or period.start > today:
                logger.warning("transparency: %s: số liệu bị từ chối: %s", source.indicator, problems or item)
                continue
            figures.append(
                Figure(
                    indicator_id=indicator.pk,
                    period=period,
                    ward_id=ward.pk if ward else None,
                    value=value,
                    numerator=numerator,
                    denominator=denominator,
                    source=source.label,
                    source_url=item.source_url,
                    origin=PROVIDED,
                )
            )
    return figures
