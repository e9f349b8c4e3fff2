"""What the procedure templates show: context builders for the catalogue, the procedure page (also in
a ward's context), the ward listing, JSON-LD, and the home-page sections."""

from decimal import Decimal
from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from wagtail.models import Locale

from home.locales import language_of
from home.units import live_wards

from .blocks import CHANNEL_CHOICES
from .catalogue import SORTS, Filters, load_rows, search
from .models import ONLINE_LEVELS, FeaturedProcedure, ProcedureIndexPage, ProcedurePage
from .parsing import LEVELS

CHANNEL_LABELS = dict(CHANNEL_CHOICES)
ONLINE_LABELS = dict(ONLINE_LEVELS)
NATIONAL_PORTAL_URL = "https://dichvucong.gov.vn/"
ISO_UNITS = {"Ngày làm việc": "D", "Ngày": "D", "Tuần": "W", "Tháng": "M", "Năm": "Y", "Giờ": "H",
             "Giờ làm việc": "H", "Phút": "M"}


def format_vnd(amount):
    """``1200000`` → ``"1.200.000 đồng"``; ``0`` → ``"Miễn phí"``."""
    if amount is None:
        return ""
    if amount == 0:
        return "Miễn phí"
    return f"{amount:,}".replace(",", ".") + " đồng"


def format_number(value):
    number = Decimal(str(value))
    return str(number.quantize(Decimal(1)) if number == number.to_integral() else number.normalize())


def channel_rows(page):
    """Channels as table rows: kind, time and fee as citizens read them."""
    rows = []
    for block in page.channels:
        value = block.value
        if value.get("time_value") not in (None, ""):
            time = f"{format_number(value['time_value'])} {value.get('time_unit') or ''}".strip()
            if not value.get("time_unit"):
                time += " (nguồn không ghi đơn vị)"
        else:
            time = value.get("time_text") or "Không có thông tin"
        amount = value.get("fee_amount")
        rows.append({
            "kind": value.get("kind"),
            "label": CHANNEL_LABELS.get(value.get("kind"), value.get("kind")),
            "time": time,
            "fee": value.get("fee_text") or "Không có thông tin",
            "fee_amount": format_vnd(amount) if amount is not None else "",
            "description": value.get("description") or "",
        })
    return rows


def document_groups(page):
    """Documents grouped under their case headings, in source order: ``[(heading, [value…]), …]``."""
    groups = []
    for block in page.documents:
        heading = block.value.get("group") or ""
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(block.value)
    return groups


def is_online(page, channels):
    """Whether to offer the "Nộp hồ sơ trực tuyến" start button: the editors' online level for Vũng Tàu
    says so, or (not yet set) the national data lists an online channel."""
    if page.online_service_level:
        return page.online_service_level in ("toan_trinh", "mot_phan")
    return any(row["kind"] == "truc_tuyen" for row in channels)


def target_groups_of(page):
    """The page's target groups, fetched once per page object (the template and the JSON-LD use them)."""
    if not hasattr(page, "_target_groups_list"):
        page._target_groups_list = list(page.target_groups.all())
    return page._target_groups_list


def procedure_context(page, request, ward=None):
    channels = channel_rows(page)
    online = is_online(page, channels)
    related = [
        link.page for link in page.related_links.select_related("page").all() if link.page.live
    ]
    levels = list(page.levels.all())
    level_codes = [level.code for level in levels]
    return {
        "print_view": "ban-in" in request.GET,
        "level_codes": level_codes,
        "ward_links": ward_links(page, request) if ward is None and "xa" in level_codes else [],
        "procedure": page,
        "ward": ward,
        "channels": channels,
        "document_groups": document_groups(page),
        "steps": [block.value for block in page.steps],
        "legal_basis": [block.value for block in page.legal_basis],
        "levels": levels,
        "target_groups": target_groups_of(page),
        "is_online": online,
        "start_url": page.online_url or page.national_url or NATIONAL_PORTAL_URL,
        "online_label": ONLINE_LABELS.get(page.online_service_level, ""),
        "related_pages": related,
        "result_lines": [line for line in page.result.split("\n") if line],
        "canonical_url": page.get_full_url(request),
    }


def ward_links(page, request):
    """Where a commune-level procedure is filed: each ward's view of it (1 query; wards from the frame cache)."""
    from .models import WardProceduresPage

    titles = {ward.path: ward.title for ward in live_wards(language_of(page))}
    links = []
    for ward_page in WardProceduresPage.objects.live().filter(locale_id=page.locale_id).order_by("path"):
        title = titles.get(ward_page.path[: -ward_page.steplen])
        if title:
            links.append({"title": title, "url": f"{ward_page.get_url(request)}{page.slug}/"})
    return links


def _iso_duration(value, unit):
    if value in (None, "") or unit not in ISO_UNITS:
        return None
    number = format_number(value)
    return f"PT{number}{ISO_UNITS[unit]}" if unit in ("Giờ", "Giờ làm việc", "Phút") else f"P{number}{ISO_UNITS[unit]}"


def government_service_json_ld(page, request, base):
    """Schema.org ``GovernmentService`` for a procedure (extends BasePage's WebPage data)."""
    channels = []
    for block in page.channels:
        value = block.value
        channel = {"@type": "ServiceChannel", "name": CHANNEL_LABELS.get(value.get("kind"), "")}
        duration = _iso_duration(value.get("time_value"), value.get("time_unit"))
        if duration:
            channel["processingTime"] = duration
        if value.get("kind") == "truc_tuyen":
            channel["serviceUrl"] = page.online_url or page.national_url or NATIONAL_PORTAL_URL
        ward = getattr(request, "ward_for_procedure", None)
        if value.get("kind") == "truc_tiep" and ward is not None and ward.one_stop_address:
            channel["serviceLocation"] = {"@type": "Place", "name": f"Bộ phận một cửa {ward.title}",
                                          "address": ward.one_stop_address}
            if ward.one_stop_phone:
                channel["servicePhone"] = {"@type": "ContactPoint", "telephone": ward.one_stop_phone}
        channels.append(channel)
    data = {
        **base,
        "@type": "GovernmentService",
        "name": page.display_name,
        "identifier": page.code,
        "url": page.get_full_url(request),
        "areaServed": {"@type": "City", "name": "Thành phố Vũng Tàu"},
        "availableChannel": channels,
    }
    if page.sector_id:
        data["serviceType"] = page.sector.name
    if page.implementing_agency:
        data["provider"] = {"@type": "GovernmentOrganization", "name": page.implementing_agency.split("\n")[0]}
    audiences = [group.name for group in target_groups_of(page)]
    if audiences:
        data["audience"] = [{"@type": "Audience", "audienceType": name} for name in audiences]
    if page.national_url:
        data["sameAs"] = page.national_url
    if not data.get("description"):
        data["description"] = strip_tags(page.result)[:300] or page.display_name
    return data


# --- Catalogue -------------------------------------------------------------------------------------

UI = {
    "vi": {
        "filters": "Lọc thủ tục", "search_within": "Tìm trong danh mục (tên, mã, từ khóa)", "sector": "Lĩnh vực",
        "all_sectors": "Tất cả lĩnh vực", "level": "Cấp thực hiện", "online": "Mức độ trực tuyến tại Vũng Tàu",
        "all": "Tất cả", "target": "Đối tượng thực hiện", "agency": "Cơ quan thực hiện",
        "all_agencies": "Tất cả cơ quan", "sort": "Sắp xếp theo", "apply": "Áp dụng bộ lọc", "clear": "Xóa bộ lọc",
        "az": "Tra theo chữ cái đầu", "procedures": "thủ tục", "showing": "đang xem", "code": "Mã",
        "no_results": "Không tìm thấy thủ tục phù hợp",
        "no_results_help": "Thử bỏ bớt bộ lọc, kiểm tra chính tả hoặc tìm bằng từ khác (có thể gõ không dấu).",
        "ignored": "Một số tham số lọc không hợp lệ đã được bỏ qua.", "pages": "Phân trang", "previous": "Trang trước",
        "next": "Trang sau", "featured": "Thủ tục được tìm nhiều", "open_data": "Dữ liệu mở",
        "open_data_text": "Tải danh mục (theo bộ lọc đang chọn) dưới dạng", "missing": "Danh mục đang được cập nhật.",
        "vietnamese_only_heading": "", "vietnamese_only": "",
    },
    "en": {
        "filters": "Filter procedures", "search_within": "Search the catalogue (name, code, keyword)",
        "sector": "Sector", "all_sectors": "All sectors", "level": "Level of government",
        "online": "Online service level in Vũng Tàu", "all": "All", "target": "Who it is for",
        "agency": "Implementing agency", "all_agencies": "All agencies", "sort": "Sort by", "apply": "Apply filters",
        "clear": "Clear filters", "az": "Browse by first letter", "procedures": "procedures", "showing": "showing",
        "code": "Code", "no_results": "No matching procedures",
        "no_results_help": "Try fewer filters or other words (Vietnamese words can be typed without accents).",
        "ignored": "Some invalid filter values were ignored.", "pages": "Pages", "previous": "Previous",
        "next": "Next", "featured": "Most requested procedures", "open_data": "Open data",
        "open_data_text": "Download the catalogue (with the current filters) as",
        "missing": "The catalogue is being updated.",
        "vietnamese_only_heading": "Procedures are published in Vietnamese only",
        "vietnamese_only": (
            "The procedures below have not been translated: their names, documents and steps are shown in "
            "Vietnamese, as published in the National Database of Administrative Procedures. Filter names and "
            "sectors are in Vietnamese too."
        ),
    },
}


def _result_items(rows, base_url):
    return [
        {
            "row": row,
            "url": f"{base_url}{row.slug}/",
            "levels": [LEVELS.get(code, name) for code, name in sorted(row.levels.items(), key=_level_order)],
            "online_label": ONLINE_LABELS.get(row.online, ""),
        }
        for row in rows
    ]


def _level_order(item):
    order = list(LEVELS)
    return order.index(item[0]) if item[0] in order else len(order)


def _page_links(filters, base_url, results):
    numbers = sorted({1, results.num_pages, *range(results.number - 2, results.number + 3)})
    links, previous = [], 0
    for number in numbers:
        if number < 1 or number > results.num_pages:
            continue
        if number - previous > 1:
            links.append({"gap": True})
        links.append({"number": number, "url": filters.url(base_url, page=number), "current": number == results.number})
        previous = number
    return links


def finder_context(request, rows, base_url, page_size, fixed_level=None, language="vi"):
    """Everything a finder template needs, from the query string and the rows."""
    filters, ignored = Filters.from_query(request.GET)
    if fixed_level:
        rows = [row for row in rows if fixed_level in row.levels]
    results, facets = search(rows, filters, page_size)
    sorts = [{"value": value, "label": label, "selected": value == filters.sort} for value, label in SORTS.items()]
    return {
        "ui": UI.get(language, UI["vi"]),
        "filters": filters,
        "ignored_filters": ignored,
        "results": results,
        "result_items": _result_items(results.rows, base_url),
        "facets": facets,
        "sorts": sorts,
        "total": len(rows),
        "page_links": _page_links(filters, base_url, results),
        "previous_url": filters.url(base_url, page=results.number - 1) if results.has_previous else "",
        "next_url": filters.url(base_url, page=results.number + 1) if results.has_next else "",
        "clear_url": base_url,
        "letter_links": [
            {"option": option, "url": filters.url(base_url, letter="" if option.selected else option.value)}
            for option in facets["letter"]
        ],
        "base_url": base_url,
        "noindex": filters.active or filters.page > 1 or filters.sort != "ten",
    }


def vietnamese_catalogue(index_page):
    """The catalogue whose procedures a (possibly translated) index page shows."""
    if language_of(index_page) == "vi":
        return index_page
    vi = Locale.objects.filter(language_code="vi").first()
    return index_page.get_translation_or_none(vi) if vi else None


def catalogue_context(index_page, request):
    source = vietnamese_catalogue(index_page)
    if source is None:
        return {"catalogue_missing": True, "ui": UI.get(language_of(index_page), UI["vi"])}
    base_url = source.get_url(request)
    rows = load_rows(source)
    language = language_of(index_page)
    context = finder_context(request, rows, base_url, index_page.page_size, language=language)
    context["form_action"] = index_page.get_url(request)
    context["english"] = language_of(index_page) != "vi"
    by_id = {row.id: row for row in rows}
    featured_ids = FeaturedProcedure.objects.filter(index_page=source).order_by("sort_order").values_list(
        "procedure_id", flat=True
    )
    context["featured"] = _result_items([by_id[pk] for pk in featured_ids if pk in by_id], base_url)
    context["api_query"] = urlencode(context["filters"].query_items())
    return context


def ward_catalogue_context(ward_page, request):
    index = ProcedureIndexPage.objects.filter(locale__language_code="vi").order_by("path").first()
    if index is None:
        return {"catalogue_missing": True, "ui": UI["vi"], "ward": ward_page.get_parent().specific}
    base_url = ward_page.get_url(request)
    rows = load_rows(index)
    context = finder_context(request, rows, base_url, index.page_size, fixed_level="xa")
    context["form_action"] = base_url
    context["ward"] = ward_page.get_parent().specific
    context["city_catalogue_url"] = index.get_url(request)
    return context


def ward_procedure_response(ward_page, request, slug):
    """The city's procedure page rendered for a ward: the ward's one-stop office is the filing place."""
    index = ProcedureIndexPage.objects.filter(locale__language_code="vi").order_by("path").first()
    if index is None:
        return None
    procedure = (
        ProcedurePage.objects.live()
        .child_of(index)
        .filter(slug=slug, levels__code="xa")
        .select_related("sector")
        .first()
    )
    if procedure is None:
        return None
    ward = ward_page.get_parent().specific
    request.ward_procedure = procedure
    request.ward_for_procedure = ward
    context = procedure.get_context(request, ward=ward)
    context.update({
        "page": ward_page,
        "self": ward_page,
        "ward_listing_url": ward_page.get_url(request),
        "canonical_url": procedure.get_full_url(request),
    })
    return TemplateResponse(request, "procedures/procedure_page.html", context)


# --- Home-page sections -------------------------------------------------------------------------------


def city_section_context(home_page, request):
    index = ProcedureIndexPage.objects.child_of(home_page).live().first()
    if index is None:
        return None
    source = vietnamese_catalogue(index) or index
    featured = list(
        FeaturedProcedure.objects.filter(index_page=source, procedure__live=True)
        .order_by("sort_order")
        .values_list("procedure__title", "procedure__slug")[:6]
    )
    base_url = source.get_url(request)
    return {
        "catalogue_url": index.get_url(request),
        "total": ProcedurePage.objects.live().child_of(source).count(),
        "featured": [{"title": title, "url": f"{base_url}{slug}/"} for title, slug in featured],
        "english": language_of(index) != "vi",
    }


def ward_section_context(ward_home, request):
    from .models import WardProceduresPage

    ward_page = WardProceduresPage.objects.child_of(ward_home).live().first()
    if ward_page is None:
        return None
    base_url = ward_page.get_url(request)
    featured = list(
        FeaturedProcedure.objects.filter(procedure__live=True, procedure__levels__code="xa",
                                         index_page__locale__language_code="vi")
        .order_by("sort_order")
        .values_list("procedure__title", "procedure__slug")[:6]
    )
    return {
        "catalogue_url": base_url,
        "total": ProcedurePage.objects.live().filter(levels__code="xa", locale__language_code="vi").count(),
        "featured": [{"title": title, "url": f"{base_url}{slug}/"} for title, slug in featured],
        "ward": ward_home,
    }
