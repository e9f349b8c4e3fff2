"""Pages the catalogue needs: the city's catalogue page (and its English translation) and one
procedures page under each ward home. Idempotent: existing pages are left as editors made them."""

from pathlib import Path

from home.translation import translate_page

from .models import ProcedureIndexPage, WardProceduresPage

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_SLUG = "thu-tuc-hanh-chinh"
CATALOGUE_TITLE = "Thủ tục hành chính"
CATALOGUE_INTRO = (
    "Tra cứu thủ tục hành chính: cần chuẩn bị giấy tờ gì, nộp ở đâu, mất bao lâu, lệ phí bao nhiêu và "
    "có nộp trực tuyến được không. Dữ liệu từ Cơ sở dữ liệu quốc gia về thủ tục hành chính."
)
CATALOGUE_SUMMARY = (
    "Danh mục thủ tục hành chính áp dụng tại thành phố Vũng Tàu, có bộ lọc theo lĩnh vực, cấp thực hiện."
)
ENGLISH = {
    CATALOGUE_TITLE: "Administrative procedures",
    CATALOGUE_INTRO: (
        "Look up administrative procedures: which documents to prepare, where to file, how long it takes, the "
        "fees and whether you can apply online. Data from the National Database of Administrative Procedures."
    ),
    CATALOGUE_SUMMARY: "Catalogue of administrative procedures in Vũng Tàu City, filterable by sector and level.",
}


def ensure_catalogue(city, created=None):
    """The city's ProcedureIndexPage (Vietnamese, published) and its English translation."""
    index = ProcedureIndexPage.objects.child_of(city).first()
    if index is None:
        index = ProcedureIndexPage(
            title=CATALOGUE_TITLE, slug=CATALOGUE_SLUG, intro=CATALOGUE_INTRO, summary=CATALOGUE_SUMMARY,
            show_in_menus=True,
        )
        city.add_child(instance=index)
        index.save_revision().publish()
        if created is not None:
            created.append(f"danh mục {index.title}")
    if city.get_translations().exists():
        translate_page(index, "en", ENGLISH)
    return index


def ensure_ward_pages(wards, created=None):
    """A WardProceduresPage under each ward home (same slug as the city catalogue)."""
    pages = []
    for ward in wards:
        page = WardProceduresPage.objects.child_of(ward).first()
        if page is None:
            page = WardProceduresPage(
                title="Thủ tục hành chính",
                slug=CATALOGUE_SLUG,
                show_in_menus=True,
                summary=f"Thủ tục hành chính cấp xã giải quyết tại bộ phận một cửa {ward.title}.",
                intro=(
                    f"Các thủ tục hành chính cấp xã do {ward.title} tiếp nhận và giải quyết. Chọn một thủ tục "
                    "để xem giấy tờ cần chuẩn bị, thời hạn, lệ phí và địa chỉ bộ phận một cửa của phường, xã."
                ),
            )
            ward.add_child(instance=page)
            page.save_revision().publish()
            if created is not None:
                created.append(f"thủ tục hành chính {ward.title}")
        pages.append(page)
    return pages
