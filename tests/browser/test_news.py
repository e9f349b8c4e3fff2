"""News in a real browser: a news item, a ward news index (filters without JavaScript), the press page,
the urgent banner; axe-core (WCAG 2.2 AA) on each."""

import re

from tests.browser.conftest import assert_accessible, ward_url


def test_news_item_is_accessible(page, live_portal):
    page.goto(live_portal + "/tin-tuc/ke-hoach-chuyen-doi-so-nam-2024/")
    assert page.locator("h1").inner_text().startswith("Kế hoạch triển khai thực hiện các nhiệm vụ trọng tâm")
    assert "98,27%" in page.locator(".news-article__lead").inner_text()
    assert_accessible(page)


def test_ward_news_index_filters_without_javascript_and_is_accessible(browser, live_portal):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(ward_url(live_portal, "phuong-1") + "/tin-tuc/")
    assert tab.locator("h1").inner_text() == "Tin tức"
    assert tab.locator(".news-card").count() >= 2
    assert tab.locator(".news-card__title a").first.inner_text().startswith("Tin mẫu: ")
    tab.select_option("#filter-category", "thong-bao")
    tab.get_by_role("button", name="Lọc").click()
    tab.wait_for_url(re.compile(r"\?category=thong-bao"))
    titles = tab.locator(".news-card__title").all_inner_texts()
    assert titles and all("điện" in title or "Thông báo" in title or "Lịch" in title for title in titles)
    context.close()


def test_ward_news_index_axe(page, live_portal):
    page.goto(ward_url(live_portal, "phuong-1") + "/tin-tuc/")
    assert_accessible(page)


def test_press_page_is_accessible(page, live_portal):
    page.goto(live_portal + "/tin-tuc/bao-chi/")
    assert page.locator("h1").inner_text() == "Báo chí"
    assert "Đầu mối liên hệ báo chí" in page.locator("main").inner_text()
    assert_accessible(page)


def test_urgent_banner_on_its_ward_only(page, live_portal):
    page.goto(ward_url(live_portal, "xa-long-son") + "/")
    banner = page.locator(".urgent-banners")
    assert "áp thấp nhiệt đới" in banner.inner_text()
    assert_accessible(page)
    page.goto(ward_url(live_portal, "phuong-1") + "/")
    assert page.locator(".urgent-banners").count() == 0


def test_news_index_at_320_px(browser, live_portal):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(live_portal + "/tin-tuc/")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
