"""Demo content of the procedures app, built by ``bootstrap_portal`` (the ``portal_bootstrap`` hook).

- The catalogue page under the city home (and its English translation), a procedures page per ward.
- The bundled real catalogue: all 2,849 records (``procedures/data/``), or with ``--small`` the 48
  real records of ``data/samples/demo-small.jsonl.gz`` (a verbatim subset: the well-known commune
  procedures below, the first records of each ministry, some non-NFC and flattened-table hard cases,
  and six Defence records), so that the browser-test server builds in seconds.
- Editor data for a handful of well-known commune procedures: the online service level in Vũng Tàu
  (marked on the page and in the admin as demo data until an editor confirms it), hidden search
  keywords citizens use, and the catalogue's "most requested" list. Set only where still empty.
"""

from .importer import run_import
from .models import FeaturedProcedure, ProcedurePage
from .structure import DATA_DIR, ensure_catalogue, ensure_ward_pages

FULL_SOURCES = [
    *sorted((DATA_DIR / "dichvucong").glob("*.jsonl.gz")),
    DATA_DIR / "bqp-structured" / "bo-quoc-phong.jsonl.gz",
]
SMALL_SOURCES = [DATA_DIR / "samples" / "demo-small.jsonl.gz"]
DEMO_NOTE = (
    "Dữ liệu mẫu của bản trình diễn: mức độ dịch vụ công trực tuyến tại Vũng Tàu chưa được cán bộ xác nhận."
)
# code: (online service level, hidden keywords)
WELL_KNOWN = {
    "1.001193": ("toan_trinh", "làm giấy khai sinh, khai sinh cho con, đăng ký khai sinh cho bé, giấy khai sinh"),
    "1.000894": ("mot_phan", "đăng ký kết hôn, làm giấy đăng ký kết hôn, giấy chứng nhận kết hôn"),
    "1.004222": ("toan_trinh", "nhập hộ khẩu, đăng ký hộ khẩu, hộ khẩu thường trú"),
    "1.004194": ("toan_trinh", "khai báo tạm trú, đăng ký tạm trú, sổ tạm trú"),
    "2.000815": ("mot_phan", "sao y bản chính, công chứng bản sao, chứng thực giấy tờ, photo công chứng"),
    "2.000884": ("truc_tiep", "chứng thực chữ ký, công chứng chữ ký"),
    "1.000656": ("mot_phan", "làm giấy chứng tử, khai tử, báo tử"),
    "1.004873": ("mot_phan", "giấy xác nhận độc thân, xác nhận tình trạng hôn nhân"),
}


def build_demo(structure, stdout, small=False):
    created = []
    index = ensure_catalogue(structure.city, created)
    ensure_ward_pages(structure.wards, created)
    summary = run_import(SMALL_SOURCES if small else FULL_SOURCES, index_page=index)
    stdout.write(
        f"  Thủ tục hành chính: {len(summary.created)} tạo mới, {len(summary.updated)} cập nhật, "
        f"{len(summary.unchanged)} không đổi ({summary.seconds:.1f} giây)."
    )
    set_editor_data(index)
    for item in created:
        structure.created.append(item)


def set_editor_data(index):
    """The well-known procedures' local data, set once (an editor's later choice is never overwritten)."""
    pages = {page.code: page for page in ProcedurePage.objects.child_of(index).filter(code__in=WELL_KNOWN)}
    for code, (level, keywords) in WELL_KNOWN.items():
        page = pages.get(code)
        if page is None or page.online_service_level or page.has_unpublished_changes:
            continue
        page.online_service_level = level
        page.keywords = ", ".join(part for part in (page.keywords, keywords) if part)
        page.sample_note = DEMO_NOTE
        page.save_revision().publish()
    if not index.featured_procedures.exists():
        for order, code in enumerate(WELL_KNOWN):
            if code in pages:
                FeaturedProcedure.objects.create(index_page=index, procedure=pages[code], sort_order=order)
