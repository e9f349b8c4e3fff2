"""Ward editors are confined to their own ward: proven over HTTP through the Wagtail admin.

Each denied action is checked on the database afterwards (nothing changed), not only on the
response; each allowed action is checked to really happen, so the tests can fail both ways.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage
from tests.factories import StandardPageFactory, editor_of

pytestmark = pytest.mark.django_db


def page_form(title, slug, action=None):
    data = nested_form_data({"title": title, "slug": slug, "summary": "", "body": streamfield([])})
    if action:
        data[f"action-{action}"] = "1"
    return data


def png_upload(name="anh.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "navy").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def admin(name, *args):
    return reverse(f"wagtailadmin_pages:{name}", args=args)


@pytest.fixture
def editor(client, ward):
    user = editor_of(ward)
    client.force_login(user)
    return user


@pytest.fixture
def foreign_page(other_ward):
    return StandardPageFactory(parent=other_ward, title="Trang của phường khác", slug="trang-phuong-khac")


# --- Every ward against every other ward, on one action ------------------------------------------


def test_every_ward_editor_can_open_only_its_own_wards_pages_in_the_editor(client, wards):
    denied, allowed = 0, 0
    for ward in wards:
        client.force_login(editor_of(ward))
        assert client.get(admin("edit", ward.pk)).status_code == 200, ward.title
        allowed += 1
        for other in wards:
            if other.pk != ward.pk:
                response = client.get(admin("edit", other.pk))
                assert response.status_code == 302 and response["Location"] == "/admin/", (ward.title, other.title)
                denied += 1
    assert (allowed, denied) == (17, 17 * 16)


def test_every_ward_editor_is_refused_the_city_home_and_city_pages(client, city, wards):
    city_page = StandardPageFactory(parent=city, title="Trang của thành phố")
    for ward in wards:
        client.force_login(editor_of(ward))
        for target in (city, city_page):
            assert client.get(admin("edit", target.pk)).status_code == 302, (ward.title, target.title)


# --- Each action, in both directions ----------------------------------------------------------------


@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_editor_cannot_create_edit_publish_unpublish_delete_move_or_preview_in_another_ward(
    client, ward, other_ward, direction
):
    home, foreign = (ward, other_ward) if direction == "forward" else (other_ward, ward)
    client.force_login(editor_of(home))
    target = StandardPageFactory(parent=foreign, title="Trang gốc", slug="trang-goc")
    own = StandardPageFactory(parent=home, title="Trang của mình", slug="trang-cua-minh")
    children_before = foreign.get_children().count()

    # create
    client.post(admin("add", "home", "standardpage", foreign.pk), page_form("Xâm nhập", "xam-nhap", "publish"))
    assert foreign.get_children().count() == children_before
    assert not Page.objects.filter(slug="xam-nhap").exists()
    # edit (save draft) and publish
    for action in (None, "publish"):
        client.post(admin("edit", target.pk), page_form("Đã sửa", "trang-goc", action))
        target.refresh_from_db()
        assert target.title == "Trang gốc" and not target.has_unpublished_changes
    # unpublish
    client.post(admin("unpublish", target.pk))
    target.refresh_from_db()
    assert target.live
    # delete
    client.post(admin("delete", target.pk))
    assert Page.objects.filter(pk=target.pk).exists()
    # move theirs into mine, and mine into theirs
    client.post(admin("move_confirm", target.pk, home.pk))
    client.post(admin("move_confirm", own.pk, foreign.pk))
    assert Page.objects.get(pk=target.pk).get_parent().pk == foreign.pk
    assert Page.objects.get(pk=own.pk).get_parent().pk == home.pk
    # preview a draft and view the draft
    target.title = "Bản nháp bí mật"
    target.save_revision()
    for name in ("preview_on_edit", "view_draft"):
        response = client.get(admin(name, target.pk))
        assert response.status_code == 302
        assert "Bản nháp bí mật" not in response.content.decode()
    response = client.post(admin("preview_on_edit", target.pk), page_form("Xem trước", "trang-goc"))
    assert response.status_code == 302


def test_editor_can_draft_in_own_ward_but_not_publish_and_submits_to_the_ward_approver(client, editor, ward, wards):
    client.post(admin("add", "home", "standardpage", ward.pk), page_form("Thông báo mới", "thong-bao-moi", "publish"))
    page = StandardPage.objects.get(slug="thong-bao-moi")
    assert page.get_parent().pk == ward.pk
    assert not page.live  # an editor's "publish" does not publish

    client.post(admin("edit", page.pk), page_form("Thông báo mới", "thong-bao-moi", "submit"))
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    assert state.workflow.name == f"Duyệt nội dung – {ward.title}"
    task_state = state.current_task_state

    # The approver of another ward cannot approve it…
    client.force_login(editor_of(next(w for w in wards if w.slug == "phuong-2"), "Lãnh đạo duyệt"))
    client.post(admin("workflow_action", page.pk, "approve", task_state.pk), {"comment": ""})
    assert not StandardPage.objects.get(pk=page.pk).live
    # …this ward's approver can, which publishes.
    client.force_login(editor_of(ward, "Lãnh đạo duyệt"))
    client.post(admin("workflow_action", page.pk, "approve", task_state.pk), {"comment": ""})
    assert StandardPage.objects.get(pk=page.pk).live


def test_approver_publishes_and_unpublishes_only_in_own_ward(client, ward, other_ward):
    own = StandardPageFactory(parent=ward, slug="cua-minh")
    foreign = StandardPageFactory(parent=other_ward, slug="cua-nguoi")
    client.force_login(editor_of(ward, "Lãnh đạo duyệt"))
    client.post(admin("unpublish", own.pk))
    client.post(admin("unpublish", foreign.pk))
    assert not Page.objects.get(pk=own.pk).live
    assert Page.objects.get(pk=foreign.pk).live


# --- Images and documents -------------------------------------------------------------------------


def test_editor_chooses_and_uploads_only_into_own_wards_collection(client, editor, ward, other_ward):
    Image, Document = get_image_model(), get_document_model()
    own_collection = Collection.objects.get(name=ward.title)
    foreign_collection = Collection.objects.get(name=other_ward.title)
    Image.objects.create(title="Ảnh phường mình", file=png_upload("a.png"), collection=own_collection)
    Image.objects.create(title="Ảnh phường khác", file=png_upload("b.png"), collection=foreign_collection)
    Document.objects.create(title="Văn bản phường khác", file=SimpleUploadedFile("b.txt", b"x"),
                            collection=foreign_collection)

    listing = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert "Ảnh phường mình" in listing and "Ảnh phường khác" not in listing
    assert "Văn bản phường khác" not in client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]

    # With one permitted collection Wagtail hides the field: a forged value cannot steer the upload.
    client.post(reverse("wagtailimages:add"),
                {"title": "Tải lên trái phép", "file": png_upload(), "collection": foreign_collection.pk})
    assert list(Image.objects.filter(collection=foreign_collection).values_list("title", flat=True)) == [
        "Ảnh phường khác"
    ]
    client.post(reverse("wagtailimages:add"),
                {"title": "Tải lên hợp lệ", "file": png_upload(), "collection": own_collection.pk})
    assert Image.objects.get(title="Tải lên hợp lệ").collection == own_collection

    client.post(reverse("wagtaildocs:add"), {"title": "Văn bản lạ", "file": SimpleUploadedFile("c.txt", b"y"),
                                              "collection": foreign_collection.pk})
    assert list(Document.objects.filter(collection=foreign_collection).values_list("title", flat=True)) == [
        "Văn bản phường khác"
    ]


def test_city_editors_reach_ward_pages_by_design(client, city, ward):
    client.force_login(editor_of(city))
    assert client.get(admin("edit", ward.pk)).status_code == 200
