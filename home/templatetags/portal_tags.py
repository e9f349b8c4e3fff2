"""Template tags for the portal's shared components (header, navigation, breadcrumbs, languages)."""

import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from home.context_processors import site_root
from home.frame import frame_cached
from home.site_urls import absolute_url, site_key
from home.units import unit_home_for_page

register = template.Library()


@register.simple_tag(takes_context=True)
def unit_home(context, page=None):
    """The city or ward home page whose identity the current page shows (cached per frame version:
    every page under the same depth-3 ancestor shares it)."""
    request = context["request"]
    if not page:
        return site_root(request)
    return frame_cached(
        "unit",
        [site_key(request), page.locale_id, page.path[: 3 * Page.steplen]],
        lambda: unit_home_for_page(page, site_root(request)),
    )


@register.simple_tag(takes_context=True)
def site_url(context, path):
    """``path`` made absolute on the Site serving the request (never the request's Host header)."""
    return absolute_url(context.get("request"), path)


@register.simple_tag
def main_menu(unit, page=None):
    """Top-level menu of a unit: its live children marked "show in menus", each with ``current``
    ("page" for the page itself, "true" for an ancestor of it, "" otherwise) for ``aria-current``."""
    if unit is None:
        return []
    items = unit.get_children().live().in_menu().public().only("id", "title", "url_path", "depth", "path")
    current_path = getattr(page, "path", "")
    return [
        {
            "page": item,
            "current": "page" if item.path == current_path else ("true" if current_path.startswith(item.path) else ""),
        }
        for item in items
    ]


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    root = context.get("portal_root")
    ancestors = []
    if page and root is not None:
        ancestors = list(
            page.get_ancestors().filter(depth__gte=root.depth).only("id", "title", "url_path", "depth", "path")
        )
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    request = context["request"]
    current = get_language()
    links = []
    translations = {}
    if page:
        translations = {
            p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    for code, name in settings.LANGUAGES:
        if page:
            target = translations.get(code)
            if target is None:
                root = context.get("portal_root")
                locale = Locale.objects.filter(language_code=code).first()
                target = root.get_translation_or_none(locale) if (root and locale) else None
            url = target.get_url(request) if target else "/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """``<script type="application/ld+json">`` for a page with ``get_json_ld``; '<' is escaped."""
    if not page or not hasattr(page, "get_json_ld"):
        return ""
    data = json.dumps(page.get_json_ld(context["request"]), ensure_ascii=False)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))


EMBED_RATIOS = {"21x9": 9 / 21, "16x9": 9 / 16, "4x3": 3 / 4, "1x1": 1.0, "3x4": 4 / 3, "9x16": 16 / 9}


@register.simple_tag
def embed_ratio_class(ratio):
    """The ``responsive-object--…`` class (portal.css) nearest to an embed's height/width ratio;
    ``16x9`` when the provider gave none."""
    if not ratio:
        return "16x9"
    return min(EMBED_RATIOS, key=lambda name: abs(EMBED_RATIOS[name] - float(ratio)))
