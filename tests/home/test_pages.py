"""City and ward portals over HTTP: hosts, paths, languages, errors, metadata."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import host_of
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def h1(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


def test_city_home_lists_every_ward_and_shows_the_contact_block(client, wards):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert h1(response) == "Cổng thông tin điện tử thành phố Vũng Tàu"
    for ward in wards:
        assert f'href="/{ward.slug}/"' in html
    assert "Thứ Hai – Thứ Sáu" in html  # office hours in the footer contact block


def test_ward_portal_on_its_own_host_and_under_the_city_path(client, ward):
    by_host = client.get("/", HTTP_HOST=host_of(ward))
    by_path = client.get(f"/{ward.slug}/")
    for response in (by_host, by_path):
        assert response.status_code == 200
        assert h1(response) == ward.title
        assert '<span class="site-identity__name">Phường 1</span>' in response.content.decode()


def test_english_portals(client, ward):
    city_en = client.get("/en/")
    assert city_en.status_code == 200 and '<html lang="en">' in city_en.content.decode()
    assert h1(city_en) == "Vũng Tàu City Web Portal"
    assert h1(client.get("/en/", HTTP_HOST=host_of(ward))) == "Ward 1"
    assert h1(client.get(f"/en/{ward.slug}/")) == "Ward 1"


def test_unknown_host_falls_back_to_the_city_site(client):
    response = client.get("/", HTTP_HOST="khong-ton-tai.example.org")
    assert response.status_code == 200
    assert h1(response) == "Cổng thông tin điện tử thành phố Vũng Tàu"


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [("/khong-co-trang-nay/", "vi", "Không tìm thấy trang"), ("/en/no-such-page/", "en", None)],
)
def test_missing_page_gives_a_styled_404_in_the_right_language(client, path, lang, heading):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert 'class="site-header"' in html  # styled: the portal's own layout
    if heading:
        assert h1(response) == heading


def test_language_switcher_links_to_the_translation(client, ward):
    html = client.get("/", HTTP_HOST=host_of(ward)).content.decode()
    assert re.search(r'<a href="/en/" lang="en" hreflang="en">English</a>', html)
    html_en = client.get("/en/", HTTP_HOST=host_of(ward)).content.decode()
    assert re.search(r'<a href="/" lang="vi" hreflang="vi"', html_en)


def test_breadcrumbs_navigation_and_metadata_of_a_content_page(client, ward):
    page = StandardPageFactory(parent=ward, title="Giới thiệu phường", slug="gioi-thieu",
                               summary="Lịch sử và địa giới hành chính.", show_in_menus=True)
    html = client.get("/gioi-thieu/", HTTP_HOST=host_of(ward)).content.decode()
    assert '<nav class="breadcrumbs"' in html and '<span aria-current="page">Giới thiệu phường</span>' in html
    assert re.search(r'<a href="/gioi-thieu/" aria-current="page">Giới thiệu phường</a>', html)  # main menu
    assert '<meta name="description" content="Lịch sử và địa giới hành chính.">' in html
    assert '<meta property="og:title" content="Giới thiệu phường">' in html
    assert f'<link rel="canonical" href="http://{host_of(ward)}/gioi-thieu/">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "WebPage" and data["name"] == "Giới thiệu phường" and data["inLanguage"] == "vi"
    assert 'name="robots"' not in html
    page.noindex = True
    page.save_revision().publish()
    html = client.get("/gioi-thieu/", HTTP_HOST=host_of(ward)).content.decode()
    assert '<meta name="robots" content="noindex">' in html


def test_json_ld_cannot_break_out_of_its_script_tag(client, ward):
    StandardPageFactory(parent=ward, title="</script><script>alert(1)</script>", slug="xss")
    html = client.get("/xss/", HTTP_HOST=host_of(ward)).content.decode()
    assert "<script>alert(1)</script>" not in html


def sitemap_locations(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", namespace)]


def test_sitemaps_are_per_site_in_both_languages_without_duplicates(client, ward):
    hidden = StandardPageFactory(parent=ward, slug="an", noindex=True)
    ward_locations = sitemap_locations(client, host_of(ward))
    assert f"http://{host_of(ward)}/" in ward_locations and f"http://{host_of(ward)}/en/" in ward_locations
    assert not any(hidden.slug in loc for loc in ward_locations)
    city_locations = sitemap_locations(client, "localhost")
    assert "http://localhost/" in city_locations and "http://localhost/en/" in city_locations
    assert not any(ward.slug in loc for loc in city_locations)  # ward pages belong to the ward sites


def test_robots_txt_points_at_the_sites_sitemap(client, ward):
    text = client.get("/robots.txt", HTTP_HOST=host_of(ward)).content.decode()
    assert f"Sitemap: http://{host_of(ward)}/sitemap.xml" in text and "Disallow: /admin/" in text
