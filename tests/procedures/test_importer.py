"""The importer against the real database: creation, idempotency, editor-owned fields, drafts, atomicity."""

import json
import unicodedata
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook
from wagtail.documents.models import Document
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search.models import IndexEntry

from procedures.importer import run_import
from procedures.models import ProcedurePage, Sector
from procedures.structure import DATA_DIR
from tests.factories import editor_of
from tests.procedures.conftest import SAMPLE_CODES, real_line, real_record, write_jsonl

pytestmark = pytest.mark.django_db


def state():
    """What an aborted import must leave untouched."""
    return (
        ProcedurePage.objects.count(), Revision.objects.count(), Sector.objects.count(),
        PageLogEntry.objects.count(), IndexEntry.objects.count(),
    )


def import_command(*args):
    out = StringIO()
    call_command("import_procedures", *map(str, args), stdout=out)
    return out.getvalue()


def test_import_creates_published_pages_in_a_sound_tree(imported, catalogue):
    assert sorted(imported.created) == sorted(SAMPLE_CODES)
    pages = ProcedurePage.objects.child_of(catalogue)
    assert pages.count() == len(SAMPLE_CODES)
    assert pages.live().count() == len(SAMPLE_CODES)
    catalogue.refresh_from_db()
    assert catalogue.numchild == len(SAMPLE_CODES)
    assert Page.find_problems() == ([], [], [], [], [])
    for page in pages:
        revisions = Revision.page_revisions.filter(object_id=str(page.pk))
        assert revisions.count() == 1
        assert page.latest_revision_id == page.live_revision_id == revisions.get().pk
        assert set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True)) == {
            "wagtail.create", "wagtail.publish"
        }
        assert revisions.get().as_object().title == page.title
    assert IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages]).count() == len(SAMPLE_CODES)


def test_imported_values_are_nfc_and_shared_taxonomies(imported, catalogue):
    page = ProcedurePage.objects.get(code="1.000757")
    source = real_record("1.000757")
    assert page.title == unicodedata.normalize("NFC", source["ten_thu_tuc"])
    assert page.sector.name == "Cấp, quản lý căn cước"
    assert page.url_path.startswith(catalogue.url_path) and page.slug.endswith("-1-000757")
    assert [level.code for level in page.levels.all()] == ["bo"]
    khai_sinh = ProcedurePage.objects.get(code="1.001193")
    ket_hon = ProcedurePage.objects.get(code="1.000894")
    assert khai_sinh.sector_id == ket_hon.sector_id and khai_sinh.sector.name == "Hộ tịch"
    assert khai_sinh.national_url == real_record("1.001193")["detail_url"]
    assert khai_sinh.last_synced is not None and khai_sinh.source_name == "mau.jsonl"
    defence = ProcedurePage.objects.get(code="1.013124")
    assert defence.decision_number == "6225/QĐ-BQP" and defence.issuing_body == "Bộ Quốc phòng"


def test_second_run_reports_no_changes(imported, catalogue, sample_file):
    before = state()
    output = import_command(sample_file)
    assert "0 tạo mới, 0 cập nhật (đã xuất bản), 11 không đổi, 0 bỏ qua" in output
    assert "Không có thay đổi nào (0 thay đổi)." in output
    assert state() == before


def test_update_keeps_editor_owned_fields(imported, tmp_path, catalogue):
    page = ProcedurePage.objects.get(code="1.001193")
    document = Document.objects.create(title="Tờ khai đăng ký khai sinh")
    page.online_service_level = "toan_trinh"
    page.keywords = "làm giấy khai sinh"
    page.last_reviewed = "2026-01-15"
    raw = list(page.documents.raw_data)
    raw[0]["value"]["form_document"] = document.pk
    page.documents = raw
    editor = editor_of(page.get_parent().get_parent(), "Lãnh đạo duyệt")
    page.save_revision(user=editor).publish(user=editor)

    changed = real_record("1.001193")
    changed["so_quyet_dinh"] = "9999/QĐ-BTP"  # the national data changed
    path = tmp_path / "moi.jsonl"
    path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    summary = run_import([path], index_page=catalogue)
    assert summary.updated == ["1.001193"] and summary.changes[0].fields == ["decision_number"]

    page = ProcedurePage.objects.get(code="1.001193")
    assert page.decision_number == "9999/QĐ-BTP"
    assert (page.online_service_level, page.keywords, str(page.last_reviewed)) == (
        "toan_trinh", "làm giấy khai sinh", "2026-01-15"
    )
    assert page.documents[0].value["form_document"] == document
    assert page.live and not page.has_unpublished_changes
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == 3


def test_dry_run_changes_nothing(catalogue, sample_file):
    before = state()
    output = import_command(sample_file, "--dry-run")
    assert "Chạy thử (--dry-run)" in output
    assert "11 sẽ tạo mới" in output
    assert "  + 1.001193 Thủ tục đăng ký khai sinh" in output
    assert state() == before


def test_draft_import_then_publish(catalogue, sample_file):
    summary = run_import([sample_file], index_page=catalogue, draft=True)
    assert len(summary.created) == 11
    pages = ProcedurePage.objects.child_of(catalogue)
    assert not pages.live().exists()
    assert all(p.has_unpublished_changes and p.latest_revision_id and p.live_revision_id is None for p in pages)
    again = run_import([sample_file], index_page=catalogue, draft=True)
    assert again.changed == 0 and len(again.unchanged) == 11
    published = run_import([sample_file], index_page=catalogue)
    assert len(published.updated) == 11
    assert pages.live().count() == 11
    assert run_import([sample_file], index_page=catalogue).changed == 0


def test_draft_update_leaves_the_live_page(imported, tmp_path, catalogue):
    changed = {**real_record("1.000894"), "so_quyet_dinh": "1/QĐ-BTP"}
    path = tmp_path / "moi.jsonl"
    path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    assert run_import([path], index_page=catalogue, draft=True).updated == ["1.000894"]
    page = ProcedurePage.objects.get(code="1.000894")
    assert page.decision_number == real_record("1.000894")["so_quyet_dinh"]
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().decision_number == "1/QĐ-BTP"
    assert run_import([path], index_page=catalogue, draft=True).changed == 0


def test_pages_editors_are_working_on_are_skipped(imported, tmp_path, catalogue):
    page = ProcedurePage.objects.get(code="1.000894")
    page.summary = "Bản nháp của biên tập viên"
    page.save_revision(user=editor_of(page.get_parent().get_parent()))
    locked = ProcedurePage.objects.get(code="1.001193")
    locked.locked = True
    locked.save()
    records = [{**real_record(code), "so_quyet_dinh": "1/QĐ-BTP"} for code in ("1.000894", "1.001193")]
    path = tmp_path / "moi.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    summary = run_import([path], index_page=catalogue)
    assert summary.skipped == [
        ("1.000894", "có bản nháp của biên tập viên chưa xuất bản"),
        ("1.001193", "trang đang bị khóa trong trang quản trị"),
    ]


def test_catalogue_rows_update_only_their_columns(imported, tmp_path, catalogue):
    # Two real rows of the Ministry of Justice's catalogue export, copied into a new workbook.
    source = load_workbook(DATA_DIR / "dichvucong-lists" / "danh-sach-tthc-BoTuPhap.xlsx", read_only=True)
    rows = list(source.worksheets[0].iter_rows(values_only=True))
    workbook = Workbook()
    workbook.active.append(rows[1])
    for row in rows:
        if row[0] in ("1.000894", "1.001193"):
            workbook.active.append(row)
    path = tmp_path / "danh-sach.xlsx"
    workbook.save(path)
    page_before = ProcedurePage.objects.get(code="1.000894")
    summary = run_import([path], index_page=catalogue)
    page = ProcedurePage.objects.get(code="1.000894")
    assert page.issuing_body == "Bộ Tư pháp"
    assert "issuing_body" in next(c.fields for c in summary.changes if c.record.code == "1.000894")
    assert page.documents.raw_data[0]["value"]["name"] == page_before.documents.raw_data[0]["value"]["name"]
    assert page.decision_number == page_before.decision_number
    assert run_import([path], index_page=catalogue).changed == 0


BAD_INPUTS = {
    "malformed_json": ("hong.jsonl", lambda: real_line("1.001193") + "\n{not json\n", "hong.jsonl:2: json:"),
    "missing_code": ("thieu-ma.jsonl", lambda: json.dumps({**real_record("1.001193"), "ma_thu_tuc": ""}),
                     "thieu-ma.jsonl:1: ma_thu_tuc: thiếu mã thủ tục"),
    "missing_name": ("thieu-ten.jsonl", lambda: json.dumps({**real_record("1.001193"), "ten_thu_tuc": ""}),
                     "thieu-ten.jsonl:1: ten_thu_tuc: thiếu tên thủ tục"),
    "unknown_columns": ("cot-la.csv", lambda: "ma,ten\n1.001193,x\n", "cot-la.csv:1: cột: cột không nhận ra: ma, ten"),
    "wrong_type": ("danh-muc.docx", lambda: "x", "danh-muc.docx:1: tệp: loại tệp không hỗ trợ"),
    "conflicting_duplicate": (
        "trung.jsonl",
        lambda: json.dumps({**real_record("1.000894"), "linh_vuc": "Chứng thực"}, ensure_ascii=False),
        "trung.jsonl:1: ma_thu_tuc: mã 1.000894 trùng với",
    ),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_stops_the_run_and_changes_nothing(kind, catalogue, tmp_path):
    good = write_jsonl(tmp_path, ["1.000894", "1.004222"], name="tot.jsonl")
    name, content, message = BAD_INPUTS[kind]
    bad = tmp_path / name
    bad.write_text(content(), encoding="utf-8")
    before = state()
    with pytest.raises(CommandError) as caught:
        import_command(good, bad)
    assert f"{tmp_path}/{message}" in str(caught.value)
    assert "không có thay đổi nào được ghi" in str(caught.value)
    assert state() == before


def test_failure_while_writing_rolls_back(catalogue, sample_file, monkeypatch):
    """An error after pages were written (here: the search index) leaves the database as it was."""
    from procedures import importer

    def broken(pages):
        raise RuntimeError("search index unavailable")

    monkeypatch.setattr(importer, "update_search_index", broken)
    before = state()
    with pytest.raises(RuntimeError):
        run_import([sample_file], index_page=catalogue)
    assert state() == before


def test_no_catalogue_page_is_a_clear_error(sample_file):
    with pytest.raises(CommandError, match="chưa có trang “Danh mục thủ tục hành chính”"):
        import_command(sample_file)


def test_command_summary_and_timing(catalogue, sample_file):
    output = import_command(sample_file)
    assert "Thủ tục: 11 tạo mới, 0 cập nhật (đã xuất bản), 0 không đổi, 0 bỏ qua. Thời gian:" in output
