"""The citizen search page (``/tim-kiem/``, ``/en/search/``) and the JSON search API (``/api/search``).

Both run ``search.service``; neither ever answers 500 to bad input: the page ignores what it cannot
use and says so, the API answers 400 with ``{"error": …, "field": …}``. A long pasted question is
never refused: past ``MAX_QUERY_LENGTH`` characters it is trimmed, and both say so.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from search import service, stats
from search.query import MAX_QUERY_LENGTH, clean_query, is_trimmed
from search.scope import SCOPE_CITY, SCOPE_WARD, resolve_scope

MAX_PAGE_NUMBER = 1000
FILTER_PARAMS = ("type", "ward", "sector")
LANGUAGES = ("vi", "en")


class BadParameter(ValueError):
    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def _param(request, name, max_length=100):
    values = request.GET.getlist(name)
    return clean_query(values[-1] if values else "", max_length)


def _page_number(value, strict=False):
    try:
        number = int(value or 1)
    except (TypeError, ValueError):
        if strict:
            raise BadParameter("page", "Số trang phải là số nguyên dương.") from None
        return 1
    if not 1 <= number <= MAX_PAGE_NUMBER:
        if strict:
            raise BadParameter("page", f"Số trang phải từ 1 đến {MAX_PAGE_NUMBER}.")
        return 1
    return number


def _filters(request):
    return service.Filters(**{name: _param(request, name) for name in FILTER_PARAMS})


def _wide(request):
    return _param(request, "scope") == SCOPE_CITY


def _query_url(request, **changes):
    """The current search URL with some parameters changed (``None`` removes one); page resets."""
    params = {key: request.GET.getlist(key)[-1] for key in request.GET if key in ("q", "scope", *FILTER_PARAMS)}
    params.update(changes)
    params = {key: value for key, value in params.items() if value not in (None, "")}
    return "?" + urlencode(params)


def _facet_groups(request, outcome):
    titles = {"type": _("Loại nội dung"), "ward": _("Phường, xã"), "sector": _("Lĩnh vực thủ tục")}
    groups = []
    for name, values in outcome.facets.items():
        if not values:
            continue
        selected = any(value.selected for value in values)
        groups.append(
            {
                "name": name,
                "title": titles[name],
                "values": [
                    {"facet": value, "url": _query_url(request, **{name: None if value.selected else value.value})}
                    for value in values
                ],
                "clear_url": _query_url(request, **{name: None}) if selected else "",
            }
        )
    return groups


def _page_links(request, outcome):
    first = max(1, outcome.page_number - 2)
    last = min(outcome.num_pages, first + 4)
    return [
        {"number": number, "url": _query_url(request, page=number), "current": number == outcome.page_number}
        for number in range(first, last + 1)
    ]


@require_GET
def search_page(request):
    raw = request.GET.get("q", "")
    too_long = is_trimmed(raw)
    scope = resolve_scope(request, wide=_wide(request))
    filters = _filters(request)
    page_number = _page_number(request.GET.get("page"))
    outcome = service.search(scope, raw, filters, page_number=page_number, request=request)
    if outcome.query and page_number == 1 and not filters.active:
        stats.record_search(scope.site, outcome.query, outcome.total)
    context = {
        "search_query": outcome.query,
        "outcome": outcome,
        "scope": scope,
        "scope_city": SCOPE_CITY,
        "scope_ward": SCOPE_WARD,
        "too_long": too_long,
        "max_length": MAX_QUERY_LENGTH,
        "facet_groups": _facet_groups(request, outcome),
        "page_links": _page_links(request, outcome) if outcome.num_pages > 1 else [],
        "previous_url": _query_url(request, page=outcome.page_number - 1) if outcome.has_previous else "",
        "next_url": _query_url(request, page=outcome.page_number + 1) if outcome.has_next else "",
        "suggestion_url": _query_url(request, q=outcome.suggestion) if outcome.suggestion else "",
        "original_url": _query_url(request, q=outcome.query),
        "noindex": True,
    }
    response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _api_error(field, message):
    return _json({"error": message, "field": field}, status=400)


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Robots-Tag"] = "noindex"
    return response


def _api_params(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    if not query:
        raise BadParameter("q", "Thiếu từ khóa tìm kiếm (tham số q).")
    scope = _param(request, "scope")
    if scope not in ("", SCOPE_WARD, SCOPE_CITY):
        raise BadParameter("scope", "Phạm vi chỉ nhận 'ward' hoặc 'city'.")
    language = _param(request, "lang") or "vi"
    if language not in LANGUAGES:
        raise BadParameter("lang", "Ngôn ngữ chỉ nhận 'vi' hoặc 'en'.")
    mode = _param(request, "mode") or "search"
    if mode not in ("search", "suggest"):
        raise BadParameter("mode", "Chế độ chỉ nhận 'search' hoặc 'suggest'.")
    try:
        page_size = int(request.GET.get("page_size") or service.PAGE_SIZE)
    except ValueError:
        raise BadParameter("page_size", "page_size phải là số nguyên.") from None
    if not 1 <= page_size <= service.MAX_PAGE_SIZE:
        raise BadParameter("page_size", f"page_size phải từ 1 đến {service.MAX_PAGE_SIZE}.")
    return {
        "query": query,
        "query_trimmed": is_trimmed(raw),
        "wide": scope == SCOPE_CITY,
        "language": language,
        "mode": mode,
        "page": _page_number(request.GET.get("page"), strict=True),
        "page_size": page_size,
    }


def _promotion_url(promotion, request):
    return promotion.page.get_full_url(request) if promotion.page_id else promotion.external_link_url


@require_GET
def search_api(request):
    try:
        params = _api_params(request)
    except BadParameter as error:
        return _api_error(error.field, error.message)
    with translation.override(params["language"]):
        scope = resolve_scope(request, wide=params["wide"])
        if params["mode"] == "suggest":
            suggestions = service.autocomplete(scope, params["query"], limit=params["page_size"], request=request,
                                               absolute_urls=True)
            return _json({
                "count": len(suggestions),
                "results": [{"title": s.title, "url": s.url, "type": s.type_label} for s in suggestions],
            })
        filters = _filters(request)
        try:
            service.validate_filters(filters, scope)
        except service.InvalidFilter as error:
            return _api_error(str(error), f"Giá trị lọc “{getattr(filters, str(error))}” không tồn tại.")
        outcome = service.search(scope, params["query"], filters, page_number=params["page"],
                                 page_size=params["page_size"], request=request, absolute_urls=True)
    if params["page"] == 1 and not filters.active:
        stats.record_search(scope.site, outcome.query, outcome.total)
    return _json({
        "count": outcome.total,
        "count_is_lower_bound": outcome.total_at_least,
        "page": outcome.page_number,
        "num_pages": outcome.num_pages,
        "query": outcome.query,
        "query_trimmed": params["query_trimmed"],
        "max_query_length": MAX_QUERY_LENGTH,
        # A long question: the words it was searched for (any of them), question and story words aside.
        "searched_terms": outcome.terms if outcome.question else None,
        "corrected_query": outcome.corrected_query,
        "suggestion": outcome.suggestion,
        "promoted": [
            {"title": promotion.title, "url": _promotion_url(promotion, request), "description": promotion.description}
            for promotion in outcome.promotions
        ],
        "results": [
            {
                "title": item.title,
                "url": item.url,
                "type": item.type_label,
                "summary": item.summary,
                "code": item.code or None,
                "ward": item.ward_title if item.ward_title != (scope.city.title if scope.city else "") else None,
                "date": item.date.isoformat() if item.date else None,
            }
            for item in outcome.items
        ],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in outcome.facets.items()
        },
    })
