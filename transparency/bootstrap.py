"""Transparency content for ``bootstrap_portal`` (hook ``portal_bootstrap``), idempotent.

Real: the plan's 42 indicators and 2023 results, the plan itself (full text) and the documents it
cites (metadata only, as the plan gives them), the dashboard, library and open-data pages.
Sample (``is_sample=True``, labelled on every page and in the admin): a few months of figures for
some indicators and wards. ``options["small"]`` keeps the sample tiny for the browser tests.
Nothing existing is overwritten: a slot (indicator, period, ward) that has a figure is left alone.
"""

import json
from datetime import date
from decimal import Decimal

from home.models import WardHomePage
from home.translation import translate_page
from portal.vietnamese import slugify_vi
from transparency import importer, library, plan_text
from transparency.periods import Period
from transparency.permissions import grant_measurement_permissions

PLAN_FILE = importer.DATA_DIR / "ke-hoach-chuyen-doi-so-2024.txt"
LEGAL_BASES_FILE = importer.DATA_DIR / "legal-bases.json"
PLAN_TITLE = (
    "Kế hoạch triển khai thực hiện các nhiệm vụ trọng tâm về chuyển đổi số năm 2024 trên địa bàn thành phố Vũng Tàu"
)
PLAN_ABSTRACT = "Triển khai thực hiện các nhiệm vụ trọng tâm về chuyển đổi số năm 2024 trên địa bàn thành phố Vũng Tàu"
SAMPLE_SOURCE = "Số liệu mẫu (minh họa) – không phải số liệu chính thức"

DASHBOARD = {
    "title": "Minh bạch – Kế hoạch chuyển đổi số 2024",
    "slug": "minh-bach",
    "summary": "Chỉ tiêu của Kế hoạch chuyển đổi số năm 2024 và kết quả thực hiện của thành phố và 17 phường, xã.",
    "intro": (
        "Kế hoạch chuyển đổi số năm 2024 của thành phố đặt ra 42 chỉ tiêu trong năm nhóm. Phường, xã báo cáo "
        "hằng tháng trước ngày 12 (số liệu từ ngày 10 tháng trước đến hết ngày 9 tháng báo cáo); Phòng Văn hóa "
        "và Thông tin thành phố tổng hợp trước ngày 25."
    ),
}
LIBRARY = {
    "title": "Văn bản",
    "slug": "van-ban",
    "summary": "Kế hoạch, quyết định, báo cáo và thông báo về chuyển đổi số của thành phố và các cơ quan cấp trên.",
}
OPEN_DATA = {
    "title": "Dữ liệu mở",
    "slug": "du-lieu-mo",
    "summary": "Tải chỉ tiêu và số liệu thực hiện dạng CSV và JSON; từ điển dữ liệu.",
    "intro": "Dữ liệu được cập nhật mỗi khi có số liệu mới; địa chỉ tải về cố định, dùng được cho ứng dụng khác.",
}
ENGLISH = {
    DASHBOARD["title"]: "Transparency – 2024 digital-transformation plan",
    DASHBOARD["summary"]: (
        "The targets of the 2024 digital-transformation plan and what the city and its 17 wards achieved."
    ),
    DASHBOARD["intro"]: (
        "The city's 2024 digital-transformation plan sets 42 targets in five groups. Wards report every month by "
        "the 12th (figures from the 10th of the previous month to the 9th of the reporting month); the city's "
        "Culture and Information Office aggregates them by the 25th."
    ),
    LIBRARY["title"]: "Documents",
    LIBRARY["summary"]: "Plans, decisions, reports and notices on digital transformation (in Vietnamese).",
    OPEN_DATA["title"]: "Open data",
    OPEN_DATA["summary"]: "Download the targets and the figures achieved as CSV and JSON; data dictionary.",
    OPEN_DATA["intro"]: "Updated whenever new figures arrive; the download addresses are stable and fit for reuse.",
}

# Sample figures: (code, first value, last value) over the sample periods, rising linearly.
SAMPLE_CITY = [
    ("CQS-01", "62", "100"), ("CQS-03", "40", "71"), ("CQS-08", "30", "58"), ("CQS-11", "91", "97"),
    ("KTS-04", "12", "26"), ("XHS-04", "45", "68"), ("XHS-06", "86", "88"), ("XHS-09", "89", "90"),
    ("XHS-11", "96", "97"), ("ATTT-07", "8", "12"), ("DTTM-01", "0", "1"),
]
SAMPLE_CITY_SMALL = ["CQS-01", "XHS-06", "DTTM-01"]
SAMPLE_WARD_CODES = ["CQS-12", "XHS-15", "XHS-03", "ATTT-02"]
SAMPLE_PERIODS = [Period(2024, month) for month in range(3, 11)]
SAMPLE_PERIODS_SMALL = [Period(2024, 5), Period(2024, 6)]


def build_transparency(structure, stdout, options):
    small = bool(options.get("small"))
    counts = importer.import_plan()
    grant_measurement_permissions()
    dashboard = ensure_page(structure.city, "TransparencyPage", DASHBOARD, show_in_menus=True, plan_year=2024)
    library_page = ensure_page(dashboard, "DocumentIndexPage", LIBRARY)
    open_data_page = ensure_page(dashboard, "OpenDataPage", OPEN_DATA)
    cited = ensure_legal_bases(library_page)
    plan = ensure_plan_document(library_page, cited)
    if dashboard.plan_document_id is None:
        dashboard.plan_document = plan
        dashboard.save_revision().publish()
    for page in (dashboard, library_page, open_data_page):
        translate_page(page, "en", ENGLISH)
    created = ensure_sample_figures(small)
    stdout.write(
        f"  Minh bạch: {counts['created']} mục chỉ tiêu mới, {len(cited)} văn bản căn cứ, "
        f"{created} số liệu mẫu mới."
    )


def _page_class(name):
    from transparency import models

    return getattr(models, name)


def ensure_page(parent, class_name, spec, **fields):
    model = _page_class(class_name)
    page = model.objects.child_of(parent).first()
    if page:
        return page
    values = {"title": spec["title"], "slug": spec["slug"], "summary": spec["summary"], **fields}
    if "intro" in spec:
        values["intro"] = f"<p>{spec['intro']}</p>"
    page = model(**values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_legal_bases(path=LEGAL_BASES_FILE):
    return json.loads(path.read_text(encoding="utf-8"))["documents"]


def ensure_legal_bases(library_page):
    """Metadata-only pages for the documents the plan cites. Returns ``{number: (page, relation)}``."""
    from transparency.models import DocumentPage

    note = (
        "Thông tin mô tả (số hiệu, ngày, cơ quan ban hành, trích yếu) lấy đúng như "
        f"“{PLAN_TITLE}” dẫn; toàn văn chưa được đăng tải trên cổng."
    )
    cited = {}
    for item in load_legal_bases():
        page = DocumentPage.objects.descendant_of(library_page).filter(doc_number=item["number"]).first()
        if page is None:
            type_label = library.TYPE_LABELS[item["type"]]
            title = f"{type_label} số {item['number']}"
            page = DocumentPage(
                title=title,
                slug=slugify_vi(f"{type_label} {item['number']}"),
                doc_number=item["number"],
                doc_type=item["type"],
                issuer=item["issuer"],
                date_issued=date.fromisoformat(item["date"]),
                abstract=item["summary"],
                summary=item["summary"][:500],
                source_note=f"{note} {item.get('note', '')}".strip(),
            )
            library_page.add_child(instance=page)
            page.save_revision().publish()
        cited[item["number"]] = (page, item["relation"])
    return cited


def ensure_plan_document(library_page, cited):
    from transparency.models import DocumentPage, DocumentReference

    plan = DocumentPage.objects.descendant_of(library_page).filter(slug="ke-hoach-chuyen-doi-so-2024").first()
    if plan:
        return plan
    plan = DocumentPage(
        title=PLAN_TITLE,
        slug="ke-hoach-chuyen-doi-so-2024",
        doc_number="/KH-UBND",
        doc_type="ke-hoach",
        issuer="Ủy ban nhân dân thành phố Vũng Tàu",
        year=2024,
        signer="Vũ Hồng Thuấn",
        signer_title="KT. Chủ tịch – Phó Chủ tịch",
        abstract=PLAN_ABSTRACT,
        summary=(
            "Kế hoạch của UBND thành phố Vũng Tàu: kết quả năm 2023, 42 chỉ tiêu năm 2024, "
            "giải pháp và tổ chức thực hiện."
        ),
        full_text=plan_text.to_html(PLAN_FILE.read_text(encoding="utf-8")),
        source_note=(
            "Văn bản công bố để trống số và ngày ban hành (“Số: /KH-UBND”); cổng giữ nguyên như bản công bố. "
            "Năm 2024: kế hoạch cho năm 2024, dẫn Quyết định số 968/QĐ-UBND ngày 10/4/2024 làm căn cứ."
        ),
    )
    for order, (page, relation) in enumerate(cited.values()):
        plan.references.add(DocumentReference(cited=page, relation=relation, sort_order=order))
    library_page.add_child(instance=plan)
    plan.save_revision().publish()
    return plan


def _sample_values(first, last, count):
    first, last = Decimal(first), Decimal(last)
    if count == 1:
        return [last]
    return [(first + (last - first) * index / (count - 1)).quantize(Decimal("0.01")) for index in range(count)]


def ensure_sample_figures(small=False):
    """Create sample figures in free slots only; return how many were created."""
    from transparency.models import Indicator, Measurement

    periods = SAMPLE_PERIODS_SMALL if small else SAMPLE_PERIODS
    indicators = {i.code: i for i in Indicator.objects.all()}
    wards = list(WardHomePage.objects.filter(locale__language_code="vi").order_by("path"))
    if small:
        wards = wards[:5]
    taken = set(Measurement.objects.values_list("indicator_id", "period", "ward_id"))
    new = []

    def add(indicator, period, ward, value, **extra):
        key = (indicator.pk, period.as_date(), ward.pk if ward else None)
        if key in taken:
            return
        taken.add(key)
        new.append(
            Measurement(indicator=indicator, period=period.as_date(), ward=ward, value=value,
                        source=SAMPLE_SOURCE, is_sample=True, **extra)
        )

    for code, first, last in SAMPLE_CITY:
        if small and code not in SAMPLE_CITY_SMALL:
            continue
        indicator = indicators[code]
        values = _sample_values(first, last, len(periods))
        for period, value in zip(periods, values, strict=True):
            if indicator.unit == "milestone":
                value = Decimal(1) if period >= Period(2024, 7) else Decimal(0)
            extra = {}
            if code == "CQS-08":
                denominator = Decimal(1800 + 40 * period.month)
                numerator = (denominator * value / 100).quantize(Decimal("1"))
                value = (numerator * 100 / denominator).quantize(Decimal("0.01"))
                extra = {"numerator": numerator, "denominator": denominator}
            add(indicator, period, None, value, **extra)

    last_period = periods[-1]
    for code in SAMPLE_WARD_CODES[: 2 if small else None]:
        indicator = indicators[code]
        for position, ward in enumerate(wards):
            for step, period in enumerate(periods):
                if period == last_period and not small and position % 6 == 5:
                    continue  # a few wards have not reported the last sample period yet
                ready = position < 3 + step + 2 * SAMPLE_WARD_CODES.index(code)
                if indicator.ward_value_kind == "count":
                    value = Decimal(1 + (position + step) % 3) if ready else Decimal(0)
                else:
                    value = Decimal(1) if ready else Decimal(0)
                add(indicator, period, ward, value)
    Measurement.objects.bulk_create(new)
    return len(new)
