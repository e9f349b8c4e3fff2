"""The transparency dashboard, an indicator page and the document library in a real browser, with axe."""

import re

from tests.browser.conftest import assert_accessible


def test_dashboard_is_accessible_and_links_to_an_indicator(page, live_portal):
    page.goto(live_portal + "/minh-bach/")
    assert page.locator("h1").inner_text() == "Minh bạch – Kế hoạch chuyển đổi số 2024"
    assert page.locator("li.indicator-card").count() == 42
    assert page.locator(".sample-notice").is_visible()  # the small demo shows sample figures, and says so
    chart = page.locator("#cqs-01 svg[role=img]")
    assert chart.get_attribute("aria-labelledby") == "chart-cqs-01-title chart-cqs-01-desc"
    page.locator("#cqs-01 summary").click()  # the data table behind the chart
    assert page.locator("#cqs-01 table tbody tr").count() == 2
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^CQS-12 ")).click()
    page.wait_for_url(re.compile(r"/minh-bach/chi-tieu/cqs-12/$"))
    assert page.locator("h1").inner_text().startswith("CQS-12")


def test_indicator_page_is_accessible(page, live_portal):
    page.goto(live_portal + "/minh-bach/chi-tieu/xhs-15/")
    assert page.locator(".ward-table tbody tr").count() == 17
    assert page.locator(".history-table tbody tr").count() == 2
    page.locator(".ward-history summary").click()
    assert_accessible(page)


def test_library_is_accessible(page, live_portal):
    page.goto(live_portal + "/minh-bach/van-ban/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91")
    assert page.locator(".document-item").count() >= 1
    assert_accessible(page)


def test_library_filters_work_without_javascript_at_320_px(browser, live_portal):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(live_portal + "/minh-bach/van-ban/")
        tab.select_option("#library-year", "2023")
        tab.get_by_role("button", name="Lọc văn bản").click()
        tab.wait_for_url(re.compile(r"nam=2023"))
        assert tab.locator(".result-count").inner_text() == "3 văn bản"
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320
        tab.goto(live_portal + "/minh-bach/")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320  # wide tables scroll in their region
    finally:
        context.close()
