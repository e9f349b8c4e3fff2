"""Editorial flow: a ward editor's notice through the approval workflow over HTTP, scheduled publishing,
previews, English translations, sanitised bodies, image upload limits."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.translation import translate_page
from news.models import NewsPage
from tests.conftest import host_of
from tests.factories import editor_of
from tests.news.conftest import make_news

pytestmark = pytest.mark.django_db


def notice_form(category, title, body_html="<p>Nội dung thông báo.</p>"):
    now = timezone.localtime()
    return nested_form_data(
        {
            "title": title,
            "slug": "lich-cat-dien-thu-bay",
            "category": category.pk,
            "date": now.strftime("%Y-%m-%d %H:%M"),
            "lead": "Điện lực tạm ngừng cấp điện để bảo trì lưới điện.",
            "body": streamfield([("paragraph", rich_text(body_html))]),
            "tags": "điện",
            "valid_from": (now - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "valid_until": (now + timedelta(days=2)).strftime("%Y-%m-%d %H:%M"),
            "related_pages": inline_formset([]),
            "summary": "",
            "comments": inline_formset([]),
            "action-submit": "Gửi duyệt",
        }
    )


def test_ward_editor_submits_a_notice_the_ward_approver_publishes_it_on_that_ward_only(
    client, ward, other_ward, city, ward_index, other_index, categories
):
    editor = editor_of(ward)
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", ward_index.pk))
    response = client.post(add_url, notice_form(categories["notice"], "Lịch cắt điện thứ Bảy"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="lich-cat-dien-thu-bay")
    assert not page.live
    task_state = page.current_workflow_task_state

    # The editor cannot publish it, and another ward's editor cannot even add to this ward.
    other_editor = editor_of(other_ward)
    client.force_login(other_editor)
    assert client.get(add_url).status_code in (302, 403)

    approver = editor_of(ward, "Lãnh đạo duyệt")
    client.force_login(approver)
    action_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(action_url, {"comment": "Đồng ý đăng."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.unit_code == ward.gso_code
    client.logout()

    ward_home = client.get("/", HTTP_HOST=host_of(ward)).content.decode()
    assert "Lịch cắt điện thứ Bảy" in ward_home
    assert "Lịch cắt điện thứ Bảy" in client.get("/tin-tuc/", HTTP_HOST=host_of(ward)).content.decode()
    assert "Lịch cắt điện thứ Bảy" not in client.get("/", HTTP_HOST=host_of(other_ward)).content.decode()
    assert "Lịch cắt điện thứ Bảy" not in client.get("/tin-tuc/", HTTP_HOST=host_of(other_ward)).content.decode()
    assert "Lịch cắt điện thứ Bảy" not in client.get("/", HTTP_HOST=host_of(city)).content.decode()


def test_a_ward_approver_cannot_approve_another_wards_notice(client, ward, other_ward, ward_index, categories):
    client.force_login(editor_of(ward))
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", ward_index.pk))
    assert client.post(add_url, notice_form(categories["notice"], "Thông báo Phường 1")).status_code == 302
    page = NewsPage.objects.get(slug="lich-cat-dien-thu-bay")
    task_state = page.current_workflow_task_state
    client.force_login(editor_of(other_ward, "Lãnh đạo duyệt"))
    client.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)), {})
    page.refresh_from_db()
    assert not page.live


def test_the_admin_refuses_a_notice_ending_before_it_starts(client, ward, ward_index, categories):
    client.force_login(editor_of(ward))
    data = notice_form(categories["notice"], "Thông báo sai")
    data["valid_until"], data["valid_from"] = data["valid_from"], data["valid_until"]
    response = client.post(reverse("wagtailadmin_pages:add", args=("news", "newspage", ward_index.pk)), data)
    assert response.status_code == 200
    assert "Thời điểm hết hiệu lực phải sau thời điểm bắt đầu hiệu lực." in response.content.decode()
    assert not NewsPage.objects.filter(slug="lich-cat-dien-thu-bay").exists()


def test_scheduled_publishing_and_expiry_with_publish_scheduled(client, ward, ward_index, categories):
    page = make_news(ward_index, categories["news"], title="Tin hẹn giờ")
    page.unpublish()
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live and Revision.objects.get(pk=revision.pk).approved_go_live_at is not None

    call_command("publish_scheduled")  # not yet time
    assert not NewsPage.objects.get(pk=page.pk).live

    # An hour passes: the scheduled time (in the revision and its approval) is now in the past.
    past = timezone.now() - timedelta(seconds=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert "Tin hẹn giờ" in client.get("/tin-tuc/", HTTP_HOST=host_of(ward)).content.decode()

    NewsPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired
    assert "Tin hẹn giờ" not in client.get("/tin-tuc/", HTTP_HOST=host_of(ward)).content.decode()


def test_previews_of_a_news_item_and_an_index(client, ward, ward_index, categories):
    page = make_news(ward_index, categories["event"], title="Ngày hội", event_start=timezone.now())
    for target in (page, ward_index.specific):
        response = target.make_preview_request()
        assert response.status_code == 200
    client.force_login(editor_of(ward))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))
    assert response.status_code == 200 and "Ngày hội" in response.content.decode()


def test_english_is_optional_and_untranslated_items_stay_off_the_english_site(client, ward, ward_index, categories):
    translate_page(ward_index, "en", {"Tin tức": "News"})
    translated = make_news(ward_index, categories["news"], title="Khai trương chợ đêm", slug="cho-dem")
    make_news(ward_index, categories["news"], title="Tin chỉ có tiếng Việt", slug="chi-tieng-viet")
    english = translate_page(translated, "en", {"Khai trương chợ đêm": "Night market opens"})
    response = client.get("/en/tin-tuc/", HTTP_HOST=host_of(ward))
    assert [item.title for item in response.context["items"]] == ["Night market opens"]
    assert "Tin chỉ có tiếng Việt" not in response.content.decode()
    assert client.get("/en/tin-tuc/chi-tieng-viet/", HTTP_HOST=host_of(ward)).status_code == 404
    assert english.locale.language_code == "en"


def test_an_alias_under_english_redirects_to_the_vietnamese_original(client, ward, ward_index, categories):
    from wagtail.models import Locale

    translate_page(ward_index, "en", {"Tin tức": "News"})
    source = make_news(ward_index, categories["news"], title="Tin chưa dịch", slug="chua-dich")
    alias = source.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    response = client.get("/en/tin-tuc/chua-dich/", HTTP_HOST=host_of(ward))
    assert response.status_code == 302 and response["Location"].endswith("/tin-tuc/chua-dich/")
    english_index = client.get("/en/tin-tuc/", HTTP_HOST=host_of(ward))
    assert alias.pk not in [item.pk for item in english_index.context["items"]]


def test_script_pasted_into_the_body_never_reaches_citizens(client, ward, ward_index, categories):
    client.force_login(editor_of(ward))
    page = make_news(
        ward_index,
        categories["news"],
        title="Tin có mã độc",
        body=[
            (
                "paragraph",
                '<p onclick="steal()">Xin chào<script>alert("x")</script></p><style>p{}</style>'
                '<a href="javascript:alert(1)">liên kết</a><iframe src="http://evil.example"></iframe>',
            ),
            ("callout", {"kind": "info", "text": "<p>Lưu ý<script>bad()</script></p>"}),
        ],
    )
    stored = Page.objects.get(pk=page.pk).specific.body.raw_data
    assert "script" not in str(stored) and "onclick" not in str(stored)
    client.logout()
    html = client.get("/tin-tuc/" + page.slug + "/", HTTP_HOST=host_of(ward)).content.decode()
    body = html[html.find("news-article__body") :]
    assert "Xin chào" in body and "Lưu ý" in body
    for bad in ("<script>alert", "bad()", "onclick", "javascript:", "<iframe", "<style"):
        assert bad not in body


def test_sanitiser_also_cleans_html_stored_before_it_existed(ward_index, categories):
    """Raw rows (an import, an old revision) are cleaned when read, not only when saved."""
    page = make_news(ward_index, categories["news"], title="Tin cũ")
    NewsPage.objects.filter(pk=page.pk).update(
        body=[{"type": "paragraph", "value": "<p>Cũ<script>alert(1)</script></p>", "id": "a"}]
    )
    rendered = str(NewsPage.objects.get(pk=page.pk).body)
    assert "Cũ" in rendered and "<script" not in rendered and "alert(1)" not in rendered


def _image_upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_images_of_the_wrong_type_or_over_20_mb_are_refused_with_a_clear_message(client, ward):
    client.force_login(editor_of(ward))
    url = reverse("wagtailimages:add")
    from wagtail.models import Collection

    collection = Collection.objects.get(name=ward.title)
    text = client.post(
        url,
        {
            "title": "Không phải ảnh",
            "collection": collection.pk,
            "file": _image_upload("tai-lieu.jpg", b"day la van ban, khong phai anh"),
        },
    )
    assert text.status_code == 200
    assert text.context["form"].errors["file"]
    exe = client.post(
        url,
        {
            "title": "Tệp lạ",
            "collection": collection.pk,
            "file": _image_upload("virus.exe", b"MZ\x90\x00", "application/octet-stream"),
        },
    )
    assert "file" in exe.context["form"].errors
    big = BytesIO()
    PILImage.new("RGB", (10, 10)).save(big, "PNG")
    payload = big.getvalue() + b"\0" * (20 * 1024 * 1024)
    too_big = client.post(
        url,
        {"title": "Ảnh quá lớn", "collection": collection.pk, "file": _image_upload("lon.png", payload, "image/png")},
    )
    errors = " ".join(too_big.context["form"].errors["file"])
    assert "20" in errors and ("MB" in errors or "Mb" in errors), errors
    ok = BytesIO()
    PILImage.new("RGB", (40, 30), "navy").save(ok, "PNG")
    accepted = client.post(
        url,
        {
            "title": "Ảnh hợp lệ",
            "collection": collection.pk,
            "file": _image_upload("hop-le.png", ok.getvalue(), "image/png"),
        },
    )
    assert accepted.status_code == 302


def test_admin_edit_forms_render_and_featuring_is_offered_on_the_city_index_only(
    client, city, ward, city_index, ward_index, categories
):
    item = make_news(ward_index, categories["news"])
    client.force_login(editor_of(city))
    city_form = client.get(reverse("wagtailadmin_pages:edit", args=(city_index.pk,)))
    assert city_form.status_code == 200 and "Tin nổi bật trên trang chủ thành phố" in city_form.content.decode()
    ward_form = client.get(reverse("wagtailadmin_pages:edit", args=(ward_index.pk,)))
    assert ward_form.status_code == 200 and "Tin nổi bật trên trang chủ thành phố" not in ward_form.content.decode()
    client.force_login(editor_of(ward))
    item_form = client.get(reverse("wagtailadmin_pages:edit", args=(item.pk,)))
    assert item_form.status_code == 200 and "Thông báo: thời hạn hiệu lực" in item_form.content.decode()
    assert client.get(reverse("wagtailadmin_pages:edit", args=(city_index.pk,))).status_code in (302, 403)
