"""Open data: the catalogue as JSON (paginated) and CSV, with the catalogue page's filters.

``/api/procedures/?linh-vuc=ho-tich&cap=xa&trang=2`` — the parameters are those of the catalogue page
(docs/procedures.md lists them), so a filtered catalogue URL's query string works here unchanged.
"""


from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from home.site_urls import absolute_url
from portal import exports

from .catalogue import Filters, filter_rows, load_rows, paginate, sort_rows
from .importer import ImportProblem, catalogue_page
from .models import ProcedurePage
from .presentation import CHANNEL_LABELS
from .sources import CSV_COLUMNS, CSV_IGNORED

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
EXPORT_ONLY_COLUMNS = list(CSV_IGNORED)


def _page_size(request):
    text = request.GET.get("so-luong", "")
    return min(int(text), MAX_PAGE_SIZE) if text.isdigit() and int(text) > 0 else DEFAULT_PAGE_SIZE


def _matching(request):
    """``(index, filters, sorted matching rows)`` or ``None`` when there is no catalogue yet."""
    try:
        index = catalogue_page()
    except ImportProblem:
        return None
    filters, _ = Filters.from_query(request.GET)
    return index, filters, sort_rows(filter_rows(load_rows(index), filters), filters.sort)


def _details(ids):
    fields = ["id", "decision_number", "procedure_type", "implementing_agency", "competent_agency",
              "coordinating_agency", "receiving_address", "issuing_body", "conditions", "result", "national_url",
              "last_synced", "channels"]
    return {page.id: page for page in ProcedurePage.objects.filter(id__in=ids).only(*fields)}


def _channels(page):
    return [
        {key: item["value"].get(key) for key in ("kind", "time_value", "time_unit", "time_text", "fee_text",
                                                  "fee_amount")}
        for item in page.channels.raw_data
    ]


@require_GET
def procedures_json(request):
    found = _matching(request)
    if found is None:
        return JsonResponse({"count": 0, "results": [], "detail": "Chưa có danh mục thủ tục."}, status=404)
    index, filters, rows = found
    results = paginate(rows, filters.page, _page_size(request))
    details = _details([row.id for row in results.rows])
    base = index.get_full_url(request)
    api = absolute_url(request, request.path)  # the Site's host, never the Host header
    size = request.GET.get("so-luong")
    extra = {"so-luong": size} if size else {}

    def link(number):
        from urllib.parse import urlencode

        return f"{api}?{urlencode([*filters.query_items(page=number), *extra.items()])}"

    payload = {
        "count": results.count,
        "page": results.number,
        "num_pages": results.num_pages,
        "page_size": results.page_size,
        "next": link(results.number + 1) if results.has_next else None,
        "previous": link(results.number - 1) if results.has_previous else None,
        "results": [
            {
                "code": row.code,
                "name": row.title,
                "url": f"{base}{row.slug}/",
                "sector": row.sector_name or None,
                "levels": sorted(row.levels.values()),
                "target_groups": sorted(row.targets.values()),
                "implementing_agency": row.agency or None,
                "online_service_level": row.online or None,
                "decision_number": details[row.id].decision_number or None,
                "national_url": details[row.id].national_url or None,
                "channels": _channels(details[row.id]),
                "last_synced": details[row.id].last_synced.isoformat() if details[row.id].last_synced else None,
            }
            for row in results.rows
        ],
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def procedures_csv(request):
    found = _matching(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="thu-tuc-hanh-chinh.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    response.write("\ufeff")  # BOM: spreadsheet programs then read the file as UTF-8
    writer = exports.csv_writer(response)
    writer.writerow([*CSV_COLUMNS, *EXPORT_ONLY_COLUMNS])
    if found is None:
        return response
    index, _, rows = found
    details = _details([row.id for row in rows])
    base = index.get_full_url(request)
    for row in rows:
        page = details[row.id]
        channels = _channels(page)
        first = channels[0] if channels else {}
        time = " ".join(str(x) for x in (first.get("time_value"), first.get("time_unit")) if x) or first.get(
            "time_text") or ""
        writer.writerow([
            row.code, row.title, page.decision_number, ", ".join(row.levels.values()), page.procedure_type,
            row.sector_name, ", ".join(row.targets.values()), page.issuing_body, row.agency, page.competent_agency,
            page.coordinating_agency, page.receiving_address,
            "; ".join(dict.fromkeys(CHANNEL_LABELS.get(c.get("kind"), "") for c in channels)), time,
            first.get("fee_text") or "", page.conditions, page.result, page.national_url, row.online,
            f"{base}{row.slug}/",
        ])
    return response
