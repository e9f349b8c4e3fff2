"""The citizen search in a real browser: unaccented queries, the autocomplete combobox by keyboard,
the page without JavaScript, the ward scope switch, 320 px, and axe (WCAG 2.2 AA)."""

import re

from tests.browser.conftest import assert_accessible, ward_url


def test_unaccented_search_finds_the_procedure_and_is_accessible(page, live_portal):
    page.goto(live_portal + "/tim-kiem/")
    page.get_by_role("combobox", name="Tìm thủ tục, tin tức, hướng dẫn").fill("dang ky khai sinh")
    with page.expect_navigation():
        page.get_by_role("button", name="Tìm kiếm", exact=True).click()
    assert page.url.endswith("/tim-kiem/?q=dang+ky+khai+sinh")
    first = page.locator(".search-result h3 a").first
    assert first.inner_text() == "Thủ tục đăng ký khai sinh"
    assert first.locator("mark").count() == 4
    assert "Có phải bạn muốn tìm" in page.locator(".search-notice").inner_text()
    assert page.locator("meta[name=robots]").get_attribute("content") == "noindex"
    assert_accessible(page)


def test_autocomplete_combobox_by_keyboard(page, live_portal):
    page.goto(live_portal + "/tim-kiem/")
    box = page.get_by_role("combobox", name="Tìm thủ tục, tin tức, hướng dẫn")
    box.press_sequentially("dang ky ket", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = page.get_by_role("option")
    assert options.count() >= 1
    assert_accessible(page)
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    title = page.locator(f"#{active} .search-suggestions__title").inner_text()
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title


def test_escape_closes_the_suggestions(page, live_portal):
    page.goto(live_portal + "/tim-kiem/")
    box = page.get_by_role("combobox", name="Tìm thủ tục, tin tức, hướng dẫn")
    box.press_sequentially("phuong", delay=30)
    page.get_by_role("listbox").wait_for()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"


def test_search_without_javascript_and_at_320_px(browser, live_portal):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_portal + "/")
    tab.get_by_label("Tìm thủ tục, tin tức, hướng dẫn").fill("thang tam")
    tab.get_by_role("button", name="Tìm kiếm").click()
    tab.wait_for_url(re.compile(r"/tim-kiem/"))
    assert tab.locator(".search-result h3 a").first.inner_text() == "Phường Thắng Tam"
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    facet = tab.locator(".search-facets .facet a").first
    facet.click()
    assert tab.locator(".search-facets a[aria-current]").count() == 1
    context.close()


def test_ward_scope_switch(page, live_portal):
    page.goto(ward_url(live_portal, "phuong-1") + "/tim-kiem/?q=xa+long+son")
    assert page.get_by_role("radio", name=re.compile("Chỉ Phường 1")).is_checked()
    assert "Xã Long Sơn" not in page.locator(".search-result h3 a").all_inner_texts()
    page.get_by_role("radio", name="Toàn thành phố").check()
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"scope=city"))
    assert page.locator(".search-result h3 a").first.inner_text() == "Xã Long Sơn"
    assert_accessible(page)
