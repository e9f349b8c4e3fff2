"""City home, a ward home by its own host name and the English home in a real browser."""

import re

from tests.browser.conftest import assert_accessible, ward_url


def test_city_home_renders_navigates_and_is_accessible(page, live_portal):
    page.goto(live_portal + "/")
    assert page.locator("h1").inner_text() == "Cổng thông tin điện tử thành phố Vũng Tàu"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert_accessible(page)
    page.get_by_role("link", name="Phường Thắng Tam").click()
    page.wait_for_url(re.compile(r"/phuong-thang-tam/$"))
    assert page.locator("h1").inner_text() == "Phường Thắng Tam"
    assert page.locator(".site-identity__name").inner_text() == "Phường Thắng Tam"


def test_ward_home_on_its_own_host(page, live_portal):
    page.goto(ward_url(live_portal, "xa-long-son") + "/")
    assert page.locator("h1").inner_text() == "Xã Long Sơn"
    assert "Bộ phận tiếp nhận và trả kết quả" in page.locator("main").inner_text()
    assert_accessible(page)


def test_language_switch_to_english_and_back(page, live_portal):
    page.goto(ward_url(live_portal, "phuong-1") + "/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Ward 1"
    assert_accessible(page)
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(re.compile(r"phuong-1\.localhost:\d+/$"))
    assert page.locator("h1").inner_text() == "Phường 1"


def test_english_city_home(page, live_portal):
    page.goto(live_portal + "/en/")
    assert page.locator("h1").inner_text() == "Vũng Tàu City Web Portal"
    assert_accessible(page)


def test_skip_link_is_first_and_moves_focus_to_main(page, live_portal):
    page.goto(live_portal + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Bỏ qua, đến nội dung chính"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_usable_at_320_px_without_horizontal_scroll(browser, live_portal):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_portal + "/")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    assert tab.get_by_role("link", name="Phường 1", exact=True).is_visible()
    context.close()
