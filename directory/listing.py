"""Filters, counts and listings of the directory pages, in a fixed, small number of queries.

The directory loads every published merchant of its scope once (two queries: rows and their payment
methods), then filters and counts in Python. That keeps the page at a constant number of queries
whatever the filters, and is fast for the few thousand shops a city has (see docs/directory.md).

Filter parameters (shareable URLs): ``phuong`` (ward slug), ``tuyen`` (street page id), ``loai``
(category code), ``thanh-toan`` (payment-method code), ``q`` (text, accents optional), ``trang``.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator

from directory.importer import FIELDS as IMPORTED_FIELDS
from directory.models import CashlessStreetPage, Category, Merchant, PaymentMethod
from directory.progress import summarise_streets
from home.units import live_wards
from portal.vietnamese import fold

PAGE_SIZE = 50
# (GET parameter, Filters attribute, label in the "ignored" message)
FACETS = [
    ("phuong", "ward", "phường, xã"),
    ("tuyen", "street", "tuyến đường"),
    ("loai", "category", "loại hình"),
    ("thanh-toan", "method", "phương thức thanh toán"),
]
MERCHANT_FIELDS = ("id", "key", "search_text", *IMPORTED_FIELDS)
STREET_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "street_name",
    "ward_id",
    "status",
    "launch_date",
    "segment_from",
    "segment_to",
    "path_text",
    "is_sample",
    "summary",
)


@dataclass
class Filters:
    """The valid filters of a request; unknown values are dropped and reported in ``ignored``."""

    ward: str = ""
    street: int | None = None
    category: str = ""
    method: str = ""
    text: str = ""
    ignored: list = field(default_factory=list)

    @property
    def active(self):
        return bool(self.ward or self.street or self.category or self.method or self.text)

    def as_params(self, **changes):
        values = {parameter: getattr(self, attribute) or "" for parameter, attribute, _ in FACETS}
        values["q"] = self.text
        values.update(changes)
        return {key: value for key, value in values.items() if value}

    def query_string(self, **changes):
        params = self.as_params(**changes)
        return "?" + urlencode(params) if params else ""


def parse_filters(query, ward_slugs, street_ids, method_codes):
    """Read filter parameters from a QueryDict/dict against the known options."""
    allowed = {
        "ward": set(ward_slugs),
        "street": {str(pk) for pk in street_ids},
        "category": set(Category.values),
        "method": set(method_codes),
    }
    filters = Filters()
    for parameter, attribute, label in FACETS:
        value = (query.get(parameter) or "").strip()
        if not value:
            continue
        if value in allowed[attribute]:
            setattr(filters, attribute, int(value) if attribute == "street" else value)
        else:
            filters.ignored.append(label)
    filters.text = (query.get("q") or "").strip()[:100]
    return filters


def _matches(merchant, filters, ward_ids_by_slug, method_ids_by_code, skip=None):
    if skip != "ward" and filters.ward and merchant.ward_id != ward_ids_by_slug[filters.ward]:
        return False
    if skip != "street" and filters.street and merchant.street_id != filters.street:
        return False
    if skip != "category" and filters.category and merchant.category != filters.category:
        return False
    if skip != "method" and filters.method and method_ids_by_code[filters.method] not in merchant.method_ids:
        return False
    if filters.text and fold(filters.text) not in merchant.search_text:
        return False
    return True


def filter_merchants(merchants, filters, ward_ids_by_slug, method_ids_by_code):
    return [m for m in merchants if _matches(m, filters, ward_ids_by_slug, method_ids_by_code)]


def facet_counts(merchants, filters, ward_ids_by_slug, method_ids_by_code):
    """For each facet, how many merchants each option would give with the other filters kept."""
    counts = {"ward": Counter(), "street": Counter(), "category": Counter(), "method": Counter()}
    for merchant in merchants:
        if _matches(merchant, filters, ward_ids_by_slug, method_ids_by_code, skip="ward"):
            counts["ward"][merchant.ward_id] += 1
        if _matches(merchant, filters, ward_ids_by_slug, method_ids_by_code, skip="street"):
            counts["street"][merchant.street_id] += 1
        if _matches(merchant, filters, ward_ids_by_slug, method_ids_by_code, skip="category"):
            counts["category"][merchant.category] += 1
        if _matches(merchant, filters, ward_ids_by_slug, method_ids_by_code, skip="method"):
            for method_id in merchant.method_ids:
                counts["method"][method_id] += 1
    return counts


def load_merchants(ward=None, street=None, published=True):
    """Published merchants (of a ward or street), each with ``method_ids`` (a set): two queries."""
    queryset = Merchant.objects.filter(published=published).only(*MERCHANT_FIELDS).order_by("name", "id")
    through = Merchant.payment_methods.through.objects.filter(merchant__published=published)
    if ward is not None:
        queryset = queryset.filter(ward=ward)
        through = through.filter(merchant__ward=ward)
    if street is not None:
        queryset = queryset.filter(street=street)
        through = through.filter(merchant__street=street)
    merchants = list(queryset)
    methods_of = {}
    for merchant_id, method_id in through.values_list("merchant_id", "paymentmethod_id"):
        methods_of.setdefault(merchant_id, set()).add(method_id)
    for merchant in merchants:
        merchant.method_ids = methods_of.get(merchant.pk, set())
    return merchants


def load_streets(locale_id, ward=None):
    queryset = CashlessStreetPage.objects.live().filter(locale_id=locale_id).only(*STREET_FIELDS)
    if ward is not None:
        queryset = queryset.filter(ward=ward)
    return list(queryset.order_by("street_name", "id"))


def decorate(merchants, wards_by_id, streets_by_id, methods_by_id, detail_base):
    """Attach display data (ward, street, method objects, detail URL) without further queries."""
    for merchant in merchants:
        merchant.ward_page = wards_by_id.get(merchant.ward_id)
        merchant.street_page = streets_by_id.get(merchant.street_id)
        merchant.methods = sorted(
            (methods_by_id[i] for i in merchant.method_ids if i in methods_by_id), key=lambda m: (m.sort_order, m.name)
        )
        merchant.detail_url = f"{detail_base}cua-hang/{merchant.pk}/" if detail_base else ""
    return merchants


def map_data(merchants, streets, request):
    """What the map script needs (embedded with ``json_script``): markers, street lines, tiles."""
    return {
        "tiles": {"url": settings.DIRECTORY_TILE_URL, "attribution": settings.DIRECTORY_TILE_ATTRIBUTION},
        "bounds": settings.DIRECTORY_BOUNDS,
        "merchants": [
            {
                "id": m.pk,
                "lat": float(m.latitude),
                "lon": float(m.longitude),
                "name": str(m),
                "category": m.get_category_display(),
                "methods": ", ".join(method.name for method in m.methods),
                "url": m.detail_url,
                "anchor": m.anchor,
            }
            for m in merchants
            if m.has_location
        ],
        "streets": [
            {
                "name": street.title,
                "url": street.get_url(request),
                "active": street.is_active,
                "points": [[float(lat), float(lon)] for lat, lon in street.points],
            }
            for street in streets
            if street.points
        ],
    }


def _lookup_tables(wards, streets, methods):
    return (
        {w.pk: w for w in wards},
        {s.pk: s for s in streets},
        {m.pk: m for m in methods},
        {w.slug: w.pk for w in wards},
        {m.code: m.pk for m in methods},
    )


def directory_context(page, request, paginate=True):
    """Context of a directory page (city or ward): filters with counts, streets, list, map."""
    ward = page.scope_ward
    wards = [ward] if ward else live_wards("vi")
    streets = load_streets(page.locale_id, ward)
    methods = list(PaymentMethod.objects.all())
    merchants = load_merchants(ward)
    root = page if ward is None else page.get_directory_root()
    detail_base = root.get_url(request) if root else ""
    wards_by_id, streets_by_id, methods_by_id, ward_ids_by_slug, method_ids_by_code = _lookup_tables(
        wards, streets, methods
    )
    filters = parse_filters(request.GET, ward_ids_by_slug if ward is None else {}, streets_by_id, method_ids_by_code)
    decorate(merchants, wards_by_id, streets_by_id, methods_by_id, detail_base)
    results = filter_merchants(merchants, filters, ward_ids_by_slug, method_ids_by_code)
    counts = facet_counts(merchants, filters, ward_ids_by_slug, method_ids_by_code)
    paginator = Paginator(results, PAGE_SIZE if paginate else max(len(results), 1))
    page_obj = paginator.get_page(request.GET.get("trang"))
    for street in streets:
        street.ward_page = wards_by_id.get(street.ward_id)
        street.merchant_count = sum(1 for m in merchants if m.street_id == street.pk)
    return {
        "scope_ward": ward,
        "filters": filters,
        "noindex": filters.active or page_obj.number > 1,
        "facets": {
            "ward": [(w.slug, w.title, counts["ward"][w.pk]) for w in wards] if ward is None else [],
            "street": [(s.pk, _street_label(s, ward), counts["street"][s.pk]) for s in streets],
            "category": [(value, label, counts["category"][value]) for value, label in Category.choices],
            "method": [(m.code, m.name, counts["method"][m.pk]) for m in methods],
        },
        "streets": streets,
        "active_streets": [s for s in streets if s.is_active],
        "planned_streets": [s for s in streets if not s.is_active],
        "progress": summarise_streets(wards, streets) if ward is None else None,
        "merchant_total": len(merchants),
        "result_count": len(results),
        "results": results,
        "page_obj": page_obj,
        "merchants": page_obj.object_list,
        "pagination_query": filters.query_string(),
        "has_sample_data": any(m.is_sample for m in merchants) or any(s.is_sample for s in streets),
        "map_data": map_data(results, streets, request) if paginate else None,
        "directory_root": root,
        "export_query": filters.query_string(**({"phuong": ward.slug} if ward else {})),
        "street_export_query": f"?phuong={ward.slug}" if ward else "",
        "methods": methods,
    }


def _street_label(street, scope_ward):
    if scope_ward is not None or street.ward_page is None:
        return street.street_name
    return f"{street.street_name} – {street.ward_page.title}"


def street_context(page, request):
    """Context of a street page: its merchants (list and map), poster and QR links."""
    methods = list(PaymentMethod.objects.all())
    merchants = page_merchants(page, request, methods)
    return {
        "merchants": merchants,
        "methods": methods,
        "map_data": map_data(merchants, [page], request),
        "has_sample_data": page.is_sample or any(m.is_sample for m in merchants),
        "directory_root": page._directory_root,
        "poster_url": page.get_url(request) + page.reverse_subpage("poster_route"),
    }


def page_merchants(page, request, methods=None):
    """Published merchants of a street page, decorated; cached on the page (JSON-LD reuses them)."""
    if getattr(page, "_street_merchants", None) is None:
        methods = methods if methods is not None else list(PaymentMethod.objects.all())
        merchants = load_merchants(street=page)
        page._directory_root = page.get_directory_root()
        detail_base = page._directory_root.get_url(request) if page._directory_root else ""
        decorate(merchants, {page.ward_id: page.ward_home}, {page.pk: page}, {m.pk: m for m in methods}, detail_base)
        page._street_merchants = merchants
    return page._street_merchants


def merchants_item_list(page, request):
    """Schema.org ItemList of a street's merchants (LocalBusiness entries)."""
    from directory.structured_data import local_business

    merchants = page_merchants(page, request)
    return {
        "@type": "ItemList",
        "numberOfItems": len(merchants),
        "itemListElement": [
            {"@type": "ListItem", "position": index, "item": local_business(merchant, request)}
            for index, merchant in enumerate(merchants, start=1)
        ],
    }
