"""Cashless directory in a real browser, with and without JavaScript; map tiles are blocked (the
portal's visitors reach the tile server, this machine does not), so nothing depends on them."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, ward_url

DIRECTORY = "/thanh-toan-khong-dung-tien-mat/"
STREET = "/thanh-toan-khong-dung-tien-mat/thuy-van/"


def block_external(tab, live_portal):
    """Abort every request that does not go to the portal itself (map tiles included)."""
    port = live_portal.rsplit(":", 1)[1]
    tab.route(re.compile(rf"^(?!http://([a-z0-9-]+\.)?localhost:{port}/).*"), lambda route: route.abort())


@pytest.fixture
def tab(page, live_portal):
    block_external(page, live_portal)
    return page


def tab_until_marker(tab, limit=80):
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.classList.contains('leaflet-marker-icon')"):
            return True
    return False


def test_directory_map_markers_are_keyboard_reachable_and_page_is_accessible(tab, live_portal):
    tab.goto(live_portal + DIRECTORY)
    tab.wait_for_selector(".directory-map[data-map-ready=true]")
    assert tab.locator(".directory-map__fallback").count() == 0
    markers = tab.locator(".directory-map .leaflet-marker-icon")
    assert markers.count() > 0
    assert all(tabindex == "0" for tabindex in markers.evaluate_all("els => els.map(e => e.getAttribute('tabindex'))"))
    assert tab.locator(".merchant-list .merchant").count() > 0  # the list mirrors the map
    assert_accessible(tab)
    tab.locator(".directory-map").focus()
    assert tab_until_marker(tab)
    zoom_before = tab.evaluate("getComputedStyle(document.querySelector('.leaflet-proxy')).transform")
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(600)
    popup_open = tab.locator(".leaflet-popup").count() > 0
    zoom_after = tab.evaluate("getComputedStyle(document.querySelector('.leaflet-proxy')).transform")
    assert popup_open or zoom_after != zoom_before  # a marker opens its popup, a cluster zooms in


def test_street_page_map_and_list_with_javascript(tab, live_portal):
    tab.goto(ward_url(live_portal, "phuong-thang-tam") + STREET)
    tab.wait_for_selector(".directory-map[data-map-ready=true]")
    assert tab.locator(".directory-map path.leaflet-interactive").count() == 1  # the street line
    assert tab.locator(".directory-map .leaflet-marker-icon").count() > 0
    assert "Dữ liệu mẫu" in tab.locator("main").inner_text()
    assert_accessible(tab)


def test_merchant_marker_opens_its_popup_with_the_keyboard(tab, live_portal):
    tab.goto(live_portal + DIRECTORY)
    first = tab.locator(".merchant-list .merchant__name a").first
    name = first.inner_text()
    first.click()
    tab.wait_for_selector(".directory-map[data-map-ready=true]")
    marker = tab.locator(".directory-map .leaflet-marker-icon")
    assert marker.get_attribute("alt") == name
    marker.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_selector(".leaflet-popup")
    # expect(), not wait_for_function: a string predicate is eval'd in the page, which the CSP forbids.
    expect(tab.locator(".leaflet-popup")).to_have_css("opacity", "1")
    assert name in tab.locator(".leaflet-popup").inner_text()
    assert_accessible(tab)


@pytest.mark.parametrize("path", [DIRECTORY, STREET, DIRECTORY + "dang-ky/"])
def test_pages_work_without_javascript(browser, live_portal, path):
    """JavaScript off: the list and the map's fallback text are there, nothing overflows at 360 px.
    axe needs JavaScript itself, so the accessibility check runs with the page's scripts blocked."""
    base = ward_url(live_portal, "phuong-thang-tam") if path == STREET else live_portal
    has_list = path != DIRECTORY + "dang-ky/"
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    tab = context.new_page()
    block_external(tab, live_portal)
    tab.goto(base + path)
    if has_list:
        assert tab.locator(".directory-map__fallback").is_visible()
        assert tab.locator(".merchant-list .merchant").count() > 0
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()

    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    block_external(tab, live_portal)
    tab.route(re.compile(r".*\.js(\?.*)?$"), lambda route: route.abort())
    tab.goto(base + path)
    if has_list:
        assert tab.locator(".directory-map__fallback").is_visible()
    assert_accessible(tab)
    context.close()


def test_filters_without_javascript_keep_a_shareable_url(browser, live_portal):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    block_external(tab, live_portal)
    tab.goto(live_portal + DIRECTORY)
    tab.select_option("#f-tt", "momo")
    tab.get_by_role("button", name="Lọc").click()
    tab.wait_for_url(re.compile(r"thanh-toan=momo"))
    count = tab.locator(".merchant-list .merchant").count()
    assert count > 0
    assert tab.locator(".merchant-list .merchant").filter(has_text="Ví MoMo").count() == count
    context.close()
