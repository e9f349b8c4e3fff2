"""Feedback path: "Hướng dẫn này có hữu ích không?" stored without personal data, bad input refused politely."""

import pytest
from django.test import override_settings
from django.urls import reverse

from guides import feedback
from guides.models import GuideFeedback
from tests.guides.conftest import path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(make_guide):
    return make_guide()


def post(client, guide, **data):
    return client.post(reverse("guides_feedback", args=[guide.pk]), data, REMOTE_ADDR="203.0.113.7")


def test_the_guide_page_has_the_form_and_sets_no_cookie(client, guide):
    response = client.get(path_of(guide))
    html = response.content.decode()
    assert "Hướng dẫn này có hữu ích không?" in html
    assert f'action="{reverse("guides_feedback", args=[guide.pk])}"' in html
    assert 'maxlength="1000"' in html
    assert not response.cookies


def test_yes_with_a_comment_is_stored_and_thanked(client, guide):
    response = post(client, guide, helpful="yes", comment="  Bước 2 rất rõ ràng.  ")
    assert response.status_code == 303
    assert response["Location"] == f"{path_of(guide)}?gop-y=da-gui#gop-y"
    stored = GuideFeedback.objects.get()
    assert (stored.guide_id, stored.helpful, stored.comment) == (guide.pk, True, "Bước 2 rất rõ ràng.")
    thanks = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã góp ý!" in thanks
    assert "Hướng dẫn này có hữu ích không?" not in thanks


def test_no_without_comment_is_stored(client, guide):
    assert post(client, guide, helpful="no").status_code == 303
    assert GuideFeedback.objects.get().helpful is False


def test_nothing_identifying_is_stored():
    fields = {field.name for field in GuideFeedback._meta.get_fields()}
    assert fields == {"id", "guide", "helpful", "comment", "created_at"}


def test_phone_numbers_and_emails_in_a_comment_are_masked(client, guide):
    post(client, guide, helpful="no", comment="Gọi tôi 0901 234 567 hoặc ba@example.com, CCCD 077123456789")
    assert GuideFeedback.objects.get().comment == "Gọi tôi [đã ẩn] hoặc [đã ẩn], CCCD [đã ẩn]"


def test_a_comment_over_1000_characters_is_refused_politely(client, guide):
    response = post(client, guide, helpful="yes", comment="a" * 1001)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Góp ý dài quá 1.000 ký tự (bạn đã viết 1001 ký tự)" in html
    assert 'aria-invalid="true"' in html
    assert not GuideFeedback.objects.exists()


def test_exactly_1000_characters_is_accepted(client, guide):
    assert post(client, guide, helpful="yes", comment="a" * 1000).status_code == 303


@pytest.mark.parametrize("comment", ["<script>alert(1)</script>", "xem <a href='x'>đây</a>", "&lt;b&gt;", "</p>"])
def test_html_is_refused_and_echoed_escaped(client, guide, comment):
    response = post(client, guide, helpful="no", comment=comment)
    assert response.status_code == 400
    html = response.content.decode()
    assert "không được chứa mã HTML" in html
    assert "<script>alert(1)</script>" not in html
    assert not GuideFeedback.objects.exists()


def test_comparison_signs_in_plain_text_are_fine(client, guide):
    assert post(client, guide, helpful="yes", comment="Tuổi > 60 vẫn làm được, 3 < 5 bước").status_code == 303


@pytest.mark.parametrize("data", [{}, {"helpful": "maybe"}, {"comment": "thiếu lựa chọn"}])
def test_a_missing_or_invalid_choice_is_refused(client, guide, data):
    response = post(client, guide, **data)
    assert response.status_code == 400
    assert feedback.CHOICE_REQUIRED in response.content.decode()


@override_settings(GUIDES_FEEDBACK_RATE_LIMIT=(3, 600))
def test_a_client_over_the_rate_limit_is_refused_without_storing(client, guide):
    for _ in range(3):
        assert post(client, guide, helpful="yes").status_code == 303
    response = post(client, guide, helpful="yes", comment="lần thứ tư")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bạn đã gửi nhiều góp ý trong thời gian ngắn" in html
    assert "lần thứ tư" in html  # what the visitor typed is kept
    assert GuideFeedback.objects.count() == 3
    url = reverse("guides_feedback", args=[guide.pk])
    assert client.post(url, {"helpful": "no"}, REMOTE_ADDR="198.51.100.2").status_code == 303  # another client




def test_bots_filling_the_hidden_field_are_thanked_and_ignored(client, guide):
    assert post(client, guide, helpful="yes", website="http://spam.example").status_code == 303
    assert not GuideFeedback.objects.exists()


def test_get_redirects_to_the_form(client, guide):
    response = client.get(reverse("guides_feedback", args=[guide.pk]))
    assert response.status_code == 302 and response["Location"].endswith("#gop-y")


def test_unknown_or_unpublished_guides_are_404(client, make_guide):
    draft = make_guide("Bản nháp", publish=False)
    assert client.post(reverse("guides_feedback", args=[draft.pk]), {"helpful": "yes"}).status_code == 404
    assert client.post(reverse("guides_feedback", args=[999999]), {"helpful": "yes"}).status_code == 404
    assert not GuideFeedback.objects.exists()


def test_helpful_percent():
    assert feedback.helpful_percent(2, 3) == 67
    assert feedback.helpful_percent(0, 0) is None


# --- cross-site posts (issue 12, finding 10) -------------------------------------------------------

@pytest.mark.parametrize("headers", [
    {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://attacker.example"},
    {"HTTP_ORIGIN": "https://attacker.example"},  # a browser that sends Origin but not Sec-Fetch-Site
    {"HTTP_ORIGIN": "null"},  # sandboxed frame or data: page
    {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://other.example.localhost.attacker.example"},
])
def test_a_cross_site_post_is_refused_and_stores_nothing(client, guide, headers):
    response = client.post(reverse("guides_feedback", args=[guide.pk]), {"helpful": "yes", "comment": "x"},
                           REMOTE_ADDR="203.0.113.7", **headers)
    assert response.status_code == 403
    assert "chỉ nhận dữ liệu gửi từ chính Cổng thông tin" in response.content.decode()
    assert not GuideFeedback.objects.exists()


@pytest.mark.parametrize("headers", [
    {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://localhost"},
    {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://phuong-1.localhost"},  # a ward's page
    {},  # an old browser that sends neither header
])
def test_same_site_posts_are_accepted(client, guide, headers):
    response = client.post(reverse("guides_feedback", args=[guide.pk]), {"helpful": "yes"},
                           REMOTE_ADDR="203.0.113.7", HTTP_HOST="localhost", **headers)
    assert response.status_code == 303 and GuideFeedback.objects.count() == 1
