"""Guide models: page rules, the step blocks' validation (alt text, transcript), help sessions, JSON-LD."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError

from guides.blocks import ScreenshotBlock, StepBlock, VideoBlock
from guides.models import GuideIndexPage, GuidePage, HelpSession
from guides.validation import ALT_TEXT_GENERIC, ALT_TEXT_MISSING, TRANSCRIPT_MISSING
from home.models import CityHomePage, WardHomePage
from tests.guides.conftest import step

pytestmark = pytest.mark.django_db


def test_guides_live_under_one_city_index():
    assert GuideIndexPage.parent_page_types == ["home.CityHomePage"]
    assert GuideIndexPage.max_count_per_parent == 1
    assert GuidePage.parent_page_types == ["guides.GuideIndexPage"]
    assert GuidePage.subpage_types == []
    assert GuideIndexPage.can_create_at(CityHomePage.objects.first())
    assert not GuideIndexPage.can_create_at(WardHomePage.objects.first())


def test_screenshot_without_alt_text_is_refused_with_a_vietnamese_message(image):
    block = ScreenshotBlock()
    value = block.to_python({"image": image.pk, "alt_text": "   ", "caption": "", "credit": ""})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert error.value.block_errors["alt_text"].messages == [ALT_TEXT_MISSING]
    assert "không thể xuất bản" in ALT_TEXT_MISSING


@pytest.mark.parametrize("alt", ["Ảnh", "hinh minh hoa", "screenshot", "IMG_2024.JPG"])
def test_alt_text_that_says_nothing_is_refused(image, alt):
    block = ScreenshotBlock()
    value = block.to_python({"image": image.pk, "alt_text": alt, "caption": "", "credit": ""})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert error.value.block_errors["alt_text"].messages == [ALT_TEXT_GENERIC]


def test_screenshot_with_a_description_is_accepted(image):
    block = ScreenshotBlock()
    value = block.to_python(
        {"image": image.pk, "alt_text": "Điện thoại hiện một mã QR minh họa", "caption": "", "credit": ""}
    )
    assert block.clean(value)["alt_text"] == "Điện thoại hiện một mã QR minh họa"


def test_step_block_reports_the_missing_alt_inside_the_screenshot_list(image):
    block = StepBlock()
    value = block.to_python(step(screenshots=[{"image": image.pk, "alt_text": ""}])["value"])
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    screenshot_errors = error.value.block_errors["screenshots"].block_errors[0]
    assert screenshot_errors.block_errors["alt_text"].messages == [ALT_TEXT_MISSING]


def test_video_without_transcript_is_refused_before_any_network_lookup():
    block = VideoBlock()
    value = block.to_python({"video": "https://www.youtube.com/watch?v=abc", "transcript": ""})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert error.value.block_errors["transcript"].messages == [TRANSCRIPT_MISSING]


def test_a_step_without_video_needs_no_transcript():
    block = VideoBlock()
    assert block.clean(block.to_python({"video": None, "transcript": ""}))["video"] is None


def test_a_guide_with_an_undescribed_image_cannot_be_saved_or_published(make_guide, image):
    with pytest.raises(ValidationError) as error:
        make_guide(steps=[step(), step("Quét mã", screenshots=[{"image": image.pk, "alt_text": ""}])])
    assert error.value.message_dict["steps"] == [f"Bước 2: {ALT_TEXT_MISSING}"]
    assert not GuidePage.objects.filter(title="Kích hoạt VNeID").exists()


def test_a_guide_with_described_images_is_published(make_guide, image):
    guide = make_guide(steps=[step(screenshots=[{"image": image.pk, "alt_text": "Mã QR minh họa trên điện thoại"}])])
    assert guide.live


def test_lists_are_read_one_item_a_line(make_guide):
    guide = make_guide()
    assert guide.outcome_list == ["Kích hoạt được tài khoản", "Đăng nhập được"]
    assert guide.requirement_list == ["Căn cước gắn chip", "Điện thoại"]


def test_json_ld_describes_a_howto_with_its_steps(make_guide, rf):
    guide = make_guide(duration_minutes=25)
    data = guide.get_json_ld(rf.get("/"))
    assert data["@type"] == "HowTo"
    assert data["totalTime"] == "PT25M"
    assert [s["name"] for s in data["step"]] == ["Mở ứng dụng", "Đăng nhập"]
    assert data["step"][1]["url"].endswith("#buoc-2")
    assert data["supply"][0] == {"@type": "HowToSupply", "name": "Căn cước gắn chip"}


def test_help_session_must_end_after_it_starts(ward):
    start = timezone.now()
    session = HelpSession(
        ward=ward, title="Hướng dẫn", starts_at=start, ends_at=start - datetime.timedelta(hours=1), place="UBND"
    )
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert error.value.message_dict["ends_at"] == ["Giờ kết thúc phải sau giờ bắt đầu."]


def test_sample_records_say_so_in_the_admin(ward, make_session):
    session = make_session(ward, is_sample=True)
    assert str(session).endswith("(mẫu)")
