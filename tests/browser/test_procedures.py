"""The procedure catalogue, a procedure page and a ward's view of it in a real browser, with axe."""

import re

from tests.browser.conftest import assert_accessible, ward_url

KHAI_SINH = "/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-sinh-1-001193/"


def test_catalogue_filters_without_javascript(browser, live_portal):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_portal + "/thu-tuc-hanh-chinh/")
    assert page.locator("h1").inner_text() == "Thủ tục hành chính"
    page.get_by_label(re.compile(r"^Cấp xã")).check()
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(re.compile(r"\?.*cap=xa"))
    assert page.get_by_role("link", name="Thủ tục đăng ký khai sinh", exact=True).is_visible()
    page.get_by_role("link", name="Đ", exact=True).click()
    page.wait_for_url(re.compile(r"chu-cai=%C4%90"))
    assert "cap=xa" in page.url
    context.close()


def test_catalogue_is_accessible(page, live_portal):
    page.goto(live_portal + "/thu-tuc-hanh-chinh/")
    assert_accessible(page)
    page.goto(live_portal + "/thu-tuc-hanh-chinh/?cap=xa&linh-vuc=ho-tich&trang=1")
    assert_accessible(page)
    page.goto(live_portal + "/en/thu-tuc-hanh-chinh/")
    assert page.get_by_text("Procedures are published in Vietnamese only").is_visible()
    assert_accessible(page)


def test_procedure_page_is_accessible_and_offers_the_online_start(page, live_portal):
    page.goto(live_portal + KHAI_SINH)
    assert page.locator("h1").inner_text() == "Thủ tục đăng ký khai sinh"
    assert page.get_by_role("link", name=re.compile("Nộp hồ sơ trực tuyến")).is_visible()
    assert page.get_by_role("heading", name="Thời hạn và phí, lệ phí").is_visible()
    assert_accessible(page)


def test_ward_view_of_a_procedure(page, live_portal):
    page.goto(ward_url(live_portal, "phuong-1") + KHAI_SINH)
    assert page.locator(".site-identity__name").inner_text() == "Phường 1"
    assert page.get_by_role("heading", name="Bộ phận một cửa Phường 1").is_visible()
    assert_accessible(page)


def test_catalogue_at_320_px(browser, live_portal):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(live_portal + "/thu-tuc-hanh-chinh/")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    tab.goto(live_portal + KHAI_SINH)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
