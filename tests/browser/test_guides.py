"""Guides in a real browser: axe at every text size and in high contrast, preferences without cookies,
keyboard-only feedback, the JavaScript-off path, filters, the A4 handout and the ward's help sessions."""

import re

import pytest

from tests.browser.conftest import assert_accessible, ward_url

GUIDE = "/huong-dan/thanh-toan-bang-ma-vietqr/"
SIZES = {"normal": "18px", "large": "21px", "xlarge": "24px"}


def size_button(page, size):
    return page.locator(f"[data-text-size='{size}']")


def test_guide_is_accessible_at_every_text_size_and_in_high_contrast(page, live_portal):
    page.goto(live_portal + GUIDE)
    contrast = page.locator("[data-high-contrast]")
    for high_contrast in (False, True):
        if high_contrast:
            contrast.click()
            assert contrast.get_attribute("aria-pressed") == "true"
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
        for size, pixels in SIZES.items():
            size_button(page, size).click()
            assert size_button(page, size).get_attribute("aria-pressed") == "true"
            assert page.locator("[data-text-size][aria-pressed='true']").count() == 1
            assert page.evaluate("getComputedStyle(document.querySelector('.step__text p')).fontSize") == pixels
            assert_accessible(page)


def test_preferences_persist_in_local_storage_without_cookies(browser, live_portal):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_portal + GUIDE)
    size_button(page, "xlarge").click()
    page.locator("[data-high-contrast]").click()
    page.get_by_role("link", name="Hướng dẫn kỹ năng số").first.click()
    page.wait_for_url(re.compile(r"/huong-dan/$"))
    assert page.evaluate("document.documentElement.className") == "text-size-xlarge high-contrast"
    assert size_button(page, "xlarge").get_attribute("aria-pressed") == "true"
    assert_accessible(page)
    assert page.evaluate("localStorage.getItem('portal.textSize')") == "xlarge"
    assert context.cookies() == []
    context.close()


def test_feedback_form_can_be_completed_with_the_keyboard_only(page, live_portal):
    page.goto(live_portal + GUIDE)
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "helpful-yes":
            break
    else:
        pytest.fail("Tab never reached the “Có” answer")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "feedback-comment"
    page.keyboard.type("Bước 4 rất hữu ích.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Gửi góp ý"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"gop-y=da-gui#gop-y$"))
    assert page.get_by_role("status").inner_text().startswith("Cảm ơn bạn đã góp ý!")
    assert_accessible(page)


def test_refused_feedback_is_explained_accessibly(page, live_portal):
    page.goto(live_portal + GUIDE)
    page.get_by_label("Không", exact=True).check()
    page.get_by_label("Góp ý thêm (không bắt buộc)").fill("<b>đậm</b>")
    page.get_by_role("button", name="Gửi góp ý").click()
    alert = page.get_by_role("alert")
    assert "không được chứa mã HTML" in alert.inner_text()
    assert page.get_by_label("Góp ý thêm (không bắt buộc)").input_value() == "<b>đậm</b>"
    assert_accessible(page)


def test_without_javascript_the_guide_and_feedback_still_work(browser, live_portal):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_portal + GUIDE)
    assert not page.locator("[data-reading-controls]").is_visible()
    assert "Ctrl" in page.locator(".reading-note").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_label("Có", exact=True).check()
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_url(re.compile(r"gop-y=da-gui"))
    assert "Cảm ơn bạn đã góp ý!" in page.locator("#gop-y").inner_text()
    context.close()


def test_largest_text_fits_a_320_px_screen(browser, live_portal):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_portal + GUIDE)
    size_button(page, "xlarge").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_topic_filter_and_unknown_topic(page, live_portal):
    page.goto(live_portal + "/huong-dan/")
    assert_accessible(page)
    page.locator(".guide-filters").get_by_role("link", name=re.compile("^An toàn thông tin")).click()
    page.wait_for_url(re.compile(r"\?topic=an-toan-thong-tin$"))
    assert page.locator(".guide-card__title").all_inner_texts() == ["Nhận biết cuộc gọi lừa đảo và đường link giả mạo"]
    assert page.locator("[aria-current='true']", has_text="An toàn thông tin").count() == 1
    assert page.goto(live_portal + "/huong-dan/?topic=khong-co").status == 404


def test_handout_prints_numbered_steps_with_the_qr_code(page, live_portal):
    page.goto(live_portal + GUIDE + "ban-in/")
    assert_accessible(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".handout__screen-note").is_visible()
    assert page.locator(".handout__qr svg").is_visible()
    first_step = page.locator("ol.steps > li h3").first
    assert first_step.is_visible() and first_step.text_content().startswith("Bước 1.")
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "18.6667px"  # 14 pt


def test_ward_home_lists_sample_help_sessions(page, live_portal):
    page.goto(ward_url(live_portal, "phuong-1") + "/")
    section = page.locator("section[aria-labelledby='section-guides']")
    assert "Tổ công nghệ số cộng đồng" in section.inner_text()
    assert section.locator(".help-session").count() == 2
    assert section.locator(".sample-badge").first.is_visible()
    assert_accessible(page)
