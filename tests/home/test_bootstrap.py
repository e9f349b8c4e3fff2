"""bootstrap_portal: the structure it builds, idempotency, edits preserved, atomic on bad input."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail import hooks
from wagtail.models import Collection, GroupPagePermission, Page, Revision, Site, WorkflowPage

from home.models import CityHomePage, WardHomePage
from home.portal_tree import WARDS_FILE

pytestmark = pytest.mark.django_db

SOURCE = json.loads(WARDS_FILE.read_text(encoding="utf-8"))


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "groups": Group.objects.count(),
        "permissions": GroupPagePermission.objects.count(),
        "collections": Collection.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
    }


def test_builds_the_17_real_units_with_their_gso_codes(wards):
    assert len(wards) == 17
    assert {w.gso_code: w.title for w in wards} == {u["code"]: u["name"] for u in SOURCE["wards"]}
    assert "Phường 6" not in {w.title for w in wards}
    assert sum(w.unit_type == "Xã" for w in wards) == 1


def test_every_ward_is_its_own_site_and_the_city_is_the_default(city, wards):
    default = Site.objects.get(is_default_site=True)
    assert default.root_page_id == city.pk and default.hostname == "localhost"
    for ward in wards:
        assert Site.objects.get(root_page=ward).hostname == f"{ward.slug}.localhost"


def test_english_tree_mirrors_the_vietnamese_one(city, wards):
    english_city = city.get_translation(_en())
    assert english_city.live and english_city.title == "Vũng Tàu City"
    english_wards = WardHomePage.objects.child_of(english_city).live()
    assert english_wards.count() == 17
    assert {w.title for w in english_wards} >= {"Ward 1", "Thắng Tam Ward", "Long Sơn Commune"}


def _en():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def test_each_unit_has_editor_and_approver_groups_collection_and_workflow(city, wards):
    for unit in [city, *wards]:
        assert Group.objects.filter(name=f"Biên tập viên – {unit.title}").exists()
        assert Group.objects.filter(name=f"Lãnh đạo duyệt – {unit.title}").exists()
        assert Collection.objects.filter(name=unit.title).exists()
        workflow = WorkflowPage.objects.get(page=unit).workflow
        assert workflow.name == f"Duyệt nội dung – {unit.title}"
        task = workflow.tasks.get().specific
        assert list(task.groups.values_list("name", flat=True)) == [f"Lãnh đạo duyệt – {unit.title}"]


def test_rerunning_changes_nothing_and_keeps_editors_edits(ward):
    ward.intro = "Lời giới thiệu do biên tập viên viết."
    ward.save_revision().publish()
    before = snapshot()
    output = StringIO()
    call_command("bootstrap_portal", "--no-demo", "--no-admin", stdout=output)
    assert snapshot() == before
    assert "(0 trang mới)" in output.getvalue()
    assert WardHomePage.objects.get(pk=ward.pk).intro == "Lời giới thiệu do biên tập viên viết."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "không tìm thấy"),
        ("{ not json", "JSON không hợp lệ"),
        (json.dumps({"city": {"name": "X", "code": "1"}, "wards": [{"code": "12", "name": "A", "type": "Phường"}]}),
         "wards[0]: code"),
        (json.dumps({"city": {"name": "X", "code": "1"}, "wards": [{"code": "26506", "name": "A", "type": "Quận"}]}),
         "wards[0]: type"),
        (json.dumps({"city": {"name": "X", "code": "1"}, "wards": []}), "wards:"),
    ],
)
def test_broken_wards_file_stops_with_a_clear_message_and_changes_nothing(tmp_path, content, message):
    path = tmp_path / "wards.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError, match=message.replace("[", r"\[").replace("]", r"\]")):
        call_command("bootstrap_portal", "--wards-file", str(path), "--no-admin", stdout=StringIO())
    assert snapshot() == before


def test_a_failure_after_pages_were_created_rolls_everything_back(tmp_path, city):
    data = json.loads(json.dumps(SOURCE))
    data["wards"].append({"code": "99999", "name": "Phường Thử Nghiệm", "type": "Phường"})
    path = tmp_path / "wards.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def failing_demo(structure, stdout, options):
        assert WardHomePage.objects.filter(gso_code="99999").exists()  # the new ward was written…
        raise RuntimeError("demo content failed")

    before = snapshot()
    with hooks.register_temporarily("portal_bootstrap", failing_demo):
        with pytest.raises(RuntimeError):
            call_command("bootstrap_portal", "--wards-file", str(path), "--no-admin", stdout=StringIO())
    assert not WardHomePage.objects.filter(gso_code="99999").exists()  # …and rolled back
    assert snapshot() == before


def test_admin_user_gets_the_password_from_the_environment(monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "mat-khau-quan-tri")
    call_command("bootstrap_portal", "--no-demo", stdout=StringIO())
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("mat-khau-quan-tri")


def test_city_home_is_the_only_vietnamese_city(city):
    assert CityHomePage.objects.filter(locale=city.locale).count() == 1
    assert not Page.objects.filter(depth=2, title__startswith="Welcome").exists()
