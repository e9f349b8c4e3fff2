"""News listings: the scope of an index, filters from the query string, archive months, pagination.

Filters are plain GET parameters (shareable URLs, a form without JavaScript)::

    ?category=thong-bao&tag=chuyen-doi-so&year=2024&month=5&ward=phuong-1&current=1&page=2

Unknown category, tag, ward, a malformed year/month or a page past the end raise ``InvalidFilter``
(the view answers 404); a page number that is not a number gives the first page.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from wagtail.models import Page

from . import notices

TAG_SLUG = re.compile(r"^[-\w]{1,100}$")
YEAR_RANGE = range(1990, 2101)


class InvalidFilter(ValueError):
    """A filter value that names nothing (unknown category, ward, month…): the listing answers 404."""


@dataclass
class Filters:
    category: object = None
    tag: str = ""
    year: int | None = None
    month: int | None = None
    ward: object = None
    current: bool = False

    @property
    def active(self):
        return bool(self.category or self.tag or self.year or self.ward or self.current)

    def params(self):
        params = {}
        if self.category:
            params["category"] = self.category.slug
        if self.tag:
            params["tag"] = self.tag
        if self.year:
            params["year"] = self.year
        if self.month:
            params["month"] = self.month
        if self.ward:
            params["ward"] = self.ward.slug
        if self.current:
            params["current"] = 1
        return params

    def querystring(self, **overrides):
        params = {**self.params(), **overrides}
        params = {key: value for key, value in params.items() if value not in (None, "", 0)}
        return "?" + urlencode(params) if params else ""


def news_in_scope(index_page):
    """Live, non-alias news of an index: a ward's own; for the city index, the city's and all wards'."""
    from news.models import NewsPage

    news = NewsPage.objects.live().filter(alias_of__isnull=True)
    if index_page.is_city_index:
        city_path = index_page.path[: -Page.steplen]
        return news.filter(path__startswith=city_path)
    return news.filter(path__startswith=index_page.path, depth=index_page.depth + 1)


def _int(value, allowed, message):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InvalidFilter(message) from None
    if number not in allowed:
        raise InvalidFilter(message)
    return number


def parse_filters(params, categories, wards=()):
    """Read the filters from a QueryDict/dict; ``categories`` and ``wards`` are the valid choices."""
    filters = Filters()
    if params.get("category"):
        filters.category = next((c for c in categories if c.slug == params["category"]), None)
        if filters.category is None:
            raise InvalidFilter(f"Không có chuyên mục “{params['category']}”.")
    if params.get("tag"):
        if not TAG_SLUG.match(params["tag"]):
            raise InvalidFilter("Từ khóa không hợp lệ.")
        filters.tag = params["tag"]
    if params.get("year"):
        filters.year = _int(params["year"], YEAR_RANGE, "Năm không hợp lệ.")
    if params.get("month"):
        if not filters.year:
            raise InvalidFilter("Lọc theo tháng cần chọn năm.")
        filters.month = _int(params["month"], range(1, 13), "Tháng không hợp lệ.")
    if params.get("ward"):
        filters.ward = next((w for w in wards if w.slug == params["ward"]), None)
        if filters.ward is None:
            raise InvalidFilter(f"Không có phường, xã “{params['ward']}”.")
    filters.current = params.get("current") == "1"
    return filters


def period_bounds(year, month=None):
    """Start (inclusive) and end (exclusive) of a year or month in the current time zone (Asia/Ho_Chi_Minh)."""
    tz = timezone.get_current_timezone()
    if month:
        start = datetime(year, month, 1, tzinfo=tz)
        end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    else:
        start, end = datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)
    return start, end


def apply_filters(news, filters, now=None):
    if filters.category:
        news = news.filter(category_id=filters.category.pk)
    if filters.tag:
        news = news.filter(tagged_items__tag__slug=filters.tag)
    if filters.year:
        start, end = period_bounds(filters.year, filters.month)
        news = news.filter(date__gte=start, date__lt=end)
    if filters.ward:
        news = news.filter(unit_code=filters.ward.gso_code)
    if filters.current:
        news = news.filter(notices.current_q(now))
    return news


def for_listing(news):
    """The columns a listing card needs, newest first (no StreamField bodies)."""
    return (
        news.select_related("category", "featured_image")
        .defer("body", "search_description", "seo_title", "latest_revision_created_at", "draft_title")
        .order_by("-date", "-pk")
    )


def archive_months(news):
    """``[(month_start, count), …]`` newest first, months counted in the portal's time zone. One query."""
    rows = (
        news.order_by()
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )
    return [(row["month"], row["count"]) for row in rows]


def paginate(news, page_param, per_page):
    """Page ``page_param`` of ``news``: not a number → page 1; past the last page → ``InvalidFilter``."""
    paginator = Paginator(news, per_page)
    try:
        number = int(page_param or 1)
    except (TypeError, ValueError):
        number = 1
    if number < 1:
        number = 1
    try:
        return paginator.page(number)
    except EmptyPage:
        if number == 1:
            return paginator.page(1) if paginator.count else _empty_page(paginator)
        raise InvalidFilter("Trang không tồn tại.") from None


def _empty_page(paginator):
    paginator.allow_empty_first_page = True
    return paginator.page(1)


def prefetch_images(items):
    """Load the renditions of the items' images in one query (listing thumbnails)."""
    from django.db.models import prefetch_related_objects

    images = [item.featured_image for item in items if item.featured_image_id]
    if images:
        prefetch_related_objects(images, "renditions")


def wards_of(index_page):
    """The Vietnamese/English ward home pages next to a city news index (for the ward filter and labels)."""
    from home.models import WardHomePage

    city_path = index_page.path[: -Page.steplen]
    return list(
        WardHomePage.objects.filter(path__startswith=city_path, depth=index_page.depth)
        .live()
        .order_by("path")
        .only("id", "title", "slug", "gso_code", "path", "depth", "url_path")
    )


def listing_context(index_page, request, now=None):
    from news.models import NewsCategory

    categories = list(NewsCategory.objects.all())
    wards = wards_of(index_page) if index_page.is_city_index else []
    filters = parse_filters(request.GET, categories, wards)
    scope = news_in_scope(index_page)
    news = for_listing(apply_filters(scope, filters, now))
    page_obj = paginate(news, request.GET.get("page"), index_page.PER_PAGE)
    items = list(page_obj.object_list)
    if filters.tag and not items:
        from taggit.models import Tag

        if not Tag.objects.filter(slug=filters.tag).exists():
            raise InvalidFilter("Không có từ khóa này.")
    prefetch_images(items)
    ward_names = {ward.gso_code: ward.title for ward in wards}
    for item in items:
        item.ward_name = ward_names.get(item.unit_code, "")
    months = archive_months(scope)
    return {
        "filters": filters,
        "categories": categories,
        "wards": wards,
        "items": items,
        "page_obj": page_obj,
        "months": months,
        "years": sorted({month.year for month, _ in months}, reverse=True),
        "page_links": page_links(page_obj, filters),
        "previous_url": filters.querystring(page=page_obj.previous_page_number() if page_obj.number > 2 else None)
        or "?"
        if page_obj.has_previous()
        else "",
        "next_url": filters.querystring(page=page_obj.next_page_number()) if page_obj.has_next() else "",
        "noindex": filters.active,
    }


def page_links(page_obj, filters, window=2):
    """Links for the pagination nav: first, last and ``window`` pages either side of the current one
    (``None`` marks a gap), each keeping the active filters."""
    last = page_obj.paginator.num_pages
    numbers = sorted({1, last, *range(max(1, page_obj.number - window), min(last, page_obj.number + window) + 1)})
    links, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            links.append(None)
        links.append(
            {
                "number": number,
                "url": filters.querystring(page=number if number > 1 else None) or "?",
                "current": number == page_obj.number,
            }
        )
        previous = number
    return links


def press_releases(index_page, limit=20):
    from news.models import NewsCategory

    releases = news_in_scope(index_page).filter(category__kind=NewsCategory.KIND_PRESS)
    return list(for_listing(releases)[:limit])


def feed_items(index_page, category=None, limit=30):
    news = news_in_scope(index_page)
    if category is not None:
        news = news.filter(category_id=category.pk)
    return list(for_listing(news)[:limit])
