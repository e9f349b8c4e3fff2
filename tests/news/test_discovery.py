"""Feeds (RSS 2.0, Atom) parsed with feedparser, sitemap.xml per site, robots.txt, OpenGraph, JSON-LD."""

import json
import re
from datetime import datetime, timedelta
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.utils import timezone

from home.translation import translate_page
from tests.conftest import host_of
from tests.news.conftest import make_news

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse_feed(client, host, path):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize(("path", "version"), [("/tin-tuc/rss/", "rss20"), ("/tin-tuc/atom/", "atom10")])
def test_ward_feeds_validate_with_titles_links_on_the_ward_host_and_dates(
    client, ward, ward_index, other_index, categories, path, version
):
    make_news(
        ward_index,
        categories["news"],
        title="Phường 1 ra quân",
        date=datetime(2024, 5, 2, 9, tzinfo=VN),
        lead="Sáng 2/5, phường ra quân dọn vệ sinh.",
        author="Nguyễn Văn A",
    )
    make_news(other_index, categories["news"], title="Tin phường khác")
    response, feed = parse_feed(client, host_of(ward), path)
    assert feed.version == version
    assert "Phường 1" in feed.feed.title
    assert feed.feed.link == f"http://{host_of(ward)}/tin-tuc/"
    assert [entry.title for entry in feed.entries] == ["Phường 1 ra quân"]
    entry = feed.entries[0]
    assert entry.link.startswith(f"http://{host_of(ward)}/tin-tuc/tin-thu-")
    assert entry.published_parsed[:4] == (2024, 5, 2, 2)  # 09:00 in Vũng Tàu = 02:00 UTC
    assert "dọn vệ sinh" in entry.summary
    assert entry.tags[0].term == "Tin tức"


def test_a_ward_feed_read_through_the_city_path_still_links_to_the_ward_host(
    client, city, ward, ward_index, categories
):
    make_news(ward_index, categories["news"], title="Tin Phường 1")
    _, feed = parse_feed(client, host_of(city), "/phuong-1/tin-tuc/rss/")
    assert feed.entries[0].link.startswith(f"http://{host_of(ward)}/")


def test_category_feeds_and_city_aggregate_feed(client, city, city_index, ward_index, categories):
    make_news(city_index, categories["press"], title="Thông cáo thành phố")
    make_news(ward_index, categories["notice"], title="Thông báo Phường 1", valid_from=timezone.now())
    _, everything = parse_feed(client, host_of(city), "/tin-tuc/rss/")
    assert {e.title for e in everything.entries} == {"Thông cáo thành phố", "Thông báo Phường 1"}
    _, press = parse_feed(client, host_of(city), "/tin-tuc/chuyen-muc/thong-cao-bao-chi/atom/")
    assert [e.title for e in press.entries] == ["Thông cáo thành phố"]
    assert "Thông cáo báo chí" in press.feed.title
    assert client.get("/tin-tuc/chuyen-muc/khong-co/rss/", HTTP_HOST=host_of(city)).status_code == 404


def test_index_pages_advertise_their_feeds(client, ward, ward_index):
    html = client.get("/tin-tuc/", HTTP_HOST=host_of(ward)).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/tin-tuc/atom/"' in html


def sitemap_locations(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        url.find("s:loc", SITEMAP_NS).text: url.find("s:lastmod", SITEMAP_NS)
        for url in root.findall("s:url", SITEMAP_NS)
    }


def test_sitemaps_per_site_with_both_languages_and_lastmod(client, city, ward, city_index, ward_index, categories):
    city_item = make_news(city_index, categories["news"], title="Tin thành phố", slug="tin-tp", publish=True)
    ward_item = make_news(ward_index, categories["news"], title="Tin phường", publish=True)
    translate_page(city_index, "en", {"Tin tức": "News"})
    translate_page(city_item, "en", {"Tin thành phố": "City news"})
    translate_page(ward_index, "en", {"Tin tức": "News"})

    city_map = sitemap_locations(client, host_of(city))
    city_url = f"http://{host_of(city)}/tin-tuc/tin-tp/"
    assert city_url in city_map and city_map[city_url] is not None
    assert f"http://{host_of(city)}/en/tin-tuc/tin-tp/" in city_map
    assert not any("tin-thu-" in loc for loc in city_map), "ward news belong to the ward's sitemap"

    ward_map = sitemap_locations(client, host_of(ward))
    ward_url = ward_item.get_full_url()
    assert ward_url.startswith(f"http://{host_of(ward)}/") and ward_url in ward_map
    assert ward_map[ward_url].text.startswith(str(timezone.now().year))
    assert f"http://{host_of(ward)}/en/tin-tuc/" in ward_map
    assert not any("tin-tp" in loc for loc in ward_map)


def test_noindex_and_unpublished_news_stay_out_of_the_sitemap(client, city, city_index, categories):
    make_news(city_index, categories["news"], slug="an-khoi-google", noindex=True)
    draft = make_news(city_index, categories["news"], slug="ban-nhap")
    draft.unpublish()
    locations = sitemap_locations(client, host_of(city))
    assert not any("an-khoi-google" in loc or "ban-nhap" in loc for loc in locations)


def test_robots_txt_points_at_the_sites_own_sitemap(client, ward):
    response = client.get("/robots.txt", HTTP_HOST=host_of(ward))
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: http://{host_of(ward)}/sitemap.xml" in response.content.decode().splitlines()


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_news_article_json_ld_and_opengraph(client, ward, ward_index, categories):
    page = make_news(
        ward_index,
        categories["news"],
        title="Khánh thành </script> nhà văn hóa",
        date=datetime(2024, 5, 2, 9, tzinfo=VN),
        author="Trần Thị B",
        publish=True,
    )
    html = client.get(page.url_path.split("/phuong-1", 1)[1], HTTP_HOST=host_of(ward)).content.decode()
    data = json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Khánh thành </script> nhà văn hóa"
    assert data["datePublished"] == "2024-05-02T02:00:00+00:00"
    assert data["author"] == {"@type": "Person", "name": "Trần Thị B"}
    assert data["publisher"]["name"] == "Phường 1"
    assert data["url"] == page.get_full_url()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="article:published_time" content="2024-05-02T09:00:00+07:00">' in html


def test_event_json_ld(client, ward, ward_index, categories):
    start = datetime(2024, 6, 1, 8, tzinfo=VN)
    page = make_news(
        ward_index,
        categories["event"],
        title="Ngày hội chuyển đổi số",
        event_start=start,
        event_end=start + timedelta(hours=3),
        event_place="Nhà văn hóa Phường 1",
    )
    html = client.get(page.url_path.split("/phuong-1", 1)[1], HTTP_HOST=host_of(ward)).content.decode()
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-06-01T01:00:00+00:00" and data["endDate"] == "2024-06-01T04:00:00+00:00"
    assert data["location"]["name"] == "Nhà văn hóa Phường 1"
    assert "Nhà văn hóa Phường 1" in html
