"""Editing a guide in the Wagtail admin: an image without description blocks publishing, in Vietnamese."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guides.models import GuidePage
from guides.validation import ALT_TEXT_MISSING

pytestmark = pytest.mark.django_db


def guide_form(topic, image, alt_text):
    screenshots = {"count": "1", "0": {"value": {"image": image.pk, "alt_text": alt_text, "caption": "", "credit": ""},
                                       "deleted": "", "order": "0", "id": ""}}
    step_value = {
        "title": "Quét mã",
        "instruction": rich_text("<p>Đưa camera vào mã QR.</p>"),
        "screenshots": screenshots,
        "callouts": {"count": "0"},
        "video": {"video": "", "transcript": ""},
    }
    data = nested_form_data({
        "title": "Trả tiền bằng mã QR",
        "slug": "tra-tien-bang-ma-qr",
        "summary": "",
        "topics": [topic.pk],
        "outcomes": "Trả tiền bằng mã QR",
        "requirements": "Điện thoại",
        "duration_minutes": "10",
        "difficulty": "easy",
        "steps": streamfield([("step", step_value)]),
        "common_problems": streamfield([]),
        "related_procedures": inline_formset([]),
        "related_guides": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    })
    data["topics"] = [str(topic.pk)]
    return data


def messages(error):
    """Every message in a (nested) block validation error."""
    found = list(getattr(error, "non_block_errors", []) or [])
    children = getattr(error, "block_errors", None)
    if children is None:
        return found + list(error.messages)
    for child in children.values():
        found += messages(child)
    return found


def test_a_step_image_without_alt_text_cannot_be_published(client, admin_user, guide_index, topic, image):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=["guides", "guidepage", guide_index.pk])
    response = client.post(url, guide_form(topic, image, alt_text=""))
    assert response.status_code == 200
    assert ALT_TEXT_MISSING in messages(response.context["form"].errors.as_data()["steps"][0])
    assert not GuidePage.objects.filter(slug="tra-tien-bang-ma-qr").exists()

    response = client.post(url, guide_form(topic, image, alt_text="Điện thoại hiện mã QR minh họa"))
    assert response.status_code == 302
    assert GuidePage.objects.get(slug="tra-tien-bang-ma-qr").live
