"""Template tags of the news app: the urgent-notice banner shown on every page, category labels."""

from django import template
from django.utils.translation import get_language

from home.units import ward_for_page
from news import notices

register = template.Library()


@register.inclusion_tag("news/components/urgent_banners.html", takes_context=True)
def urgent_banners(context, page=None, unit=None):
    """Current urgent notices of the page's ward and of the city (≤ 2 queries, no cron needed).

    ``unit`` is the ward or city home page the page belongs to (base.html has it already); without it
    the ward is looked up with ``home.units.ward_for_page``.
    """
    if unit is None:
        unit = ward_for_page(page)
    unit_code = getattr(unit, "gso_code", "") or ""
    return {
        "notices": notices.urgent_notices(unit_code, get_language() or "vi"),
        "request": context.get("request"),
    }


@register.filter
def category_label(category):
    """The category's name in the current language (English name when there is one)."""
    return category.label(get_language()) if category else ""
