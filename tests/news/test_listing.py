"""Listings: filters with shareable URLs, month archive in Vietnamese time, city aggregation with a
ward filter, featured ward news on the city home page, bad parameters, query counts."""

from datetime import datetime, timedelta
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory
from django.utils import timezone
from taggit.models import Tag

from news import listing
from news.models import NewsIndexFeature
from tests.conftest import host_of
from tests.factories import StandardPageFactory
from tests.news.conftest import make_news

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def titles(response):
    return [item.title for item in response.context["items"]]


def test_ward_index_lists_its_own_news_newest_first(client, ward, ward_index, other_index, categories):
    make_news(ward_index, categories["news"], title="Cũ", date=datetime(2024, 1, 5, tzinfo=VN))
    make_news(ward_index, categories["news"], title="Mới", date=datetime(2024, 3, 5, tzinfo=VN))
    make_news(other_index, categories["news"], title="Của phường khác")
    response = client.get("/tin-tuc/", HTTP_HOST=host_of(ward))
    assert response.status_code == 200
    assert titles(response) == ["Mới", "Cũ"]


def test_unpublished_news_is_not_listed(client, ward, ward_index, categories):
    page = make_news(ward_index, categories["news"], title="Bản nháp")
    page.unpublish()
    assert "Bản nháp" not in titles(client.get("/tin-tuc/", HTTP_HOST=host_of(ward)))


def test_filters_by_category_tag_and_month(client, ward, ward_index, categories):
    make_news(
        ward_index,
        categories["news"],
        title="Tin tháng 5",
        date=datetime(2024, 5, 31, 23, 30, tzinfo=VN),
        tags=["môi trường"],
    )
    make_news(ward_index, categories["news"], title="Tin tháng 6", date=datetime(2024, 6, 1, 0, 30, tzinfo=VN))
    make_news(
        ward_index,
        categories["notice"],
        title="Thông báo tháng 6",
        date=datetime(2024, 6, 2, tzinfo=VN),
        valid_from=datetime(2024, 6, 2, tzinfo=VN),
    )
    host = host_of(ward)
    # 31 May 23:30 in Vũng Tàu is 16:30 UTC: still May here.
    assert titles(client.get("/tin-tuc/?year=2024&month=5", HTTP_HOST=host)) == ["Tin tháng 5"]
    assert titles(client.get("/tin-tuc/?year=2024&month=6", HTTP_HOST=host)) == ["Thông báo tháng 6", "Tin tháng 6"]
    assert titles(client.get("/tin-tuc/?category=thong-bao", HTTP_HOST=host)) == ["Thông báo tháng 6"]
    assert titles(client.get("/tin-tuc/?year=2024&category=tin-tuc", HTTP_HOST=host)) == ["Tin tháng 6", "Tin tháng 5"]
    tag = Tag.objects.get(name="môi trường")
    assert titles(client.get(f"/tin-tuc/?tag={quote(tag.slug)}", HTTP_HOST=host)) == ["Tin tháng 5"]
    months = client.get("/tin-tuc/", HTTP_HOST=host).context["months"]
    assert [(m.year, m.month, count) for m, count in months] == [(2024, 6, 2), (2024, 5, 1)]


def test_filtered_listing_is_noindex_and_keeps_filters_in_pagination_links(client, ward, ward_index, categories):
    for number in range(25):
        make_news(ward_index, categories["news"], date=datetime(2024, 5, 1, tzinfo=VN) + timedelta(hours=number))
    response = client.get("/tin-tuc/?year=2024&month=5", HTTP_HOST=host_of(ward))
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'href="?year=2024&amp;month=5&amp;page=2"' in html
    second = client.get("/tin-tuc/?year=2024&month=5&page=2", HTTP_HOST=host_of(ward))
    assert len(second.context["items"]) == 5
    assert (
        '<meta name="robots" content="noindex">'
        not in client.get("/tin-tuc/", HTTP_HOST=host_of(ward)).content.decode()
    )


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?category=khong-co", 404),
        ("?year=abc", 404),
        ("?year=20245", 404),
        ("?year=2024&month=13", 404),
        ("?month=5", 404),
        ("?ward=phuong-99", 404),
        ("?tag=khong-co-tu-khoa-nay", 404),
        ("?tag=%3Cscript%3E", 404),
        ("?page=abc", 200),
        ("?page=-3", 200),
        ("?page=999", 404),
        ("?page=1&year=2024&month=1", 200),
        ("?current=yes", 200),
    ],
)
def test_bad_parameters_give_404_or_the_first_page_never_500(client, city, city_index, categories, query, status):
    make_news(city_index, categories["news"])
    response = client.get("/tin-tuc/" + query, HTTP_HOST=host_of(city))
    assert response.status_code == status
    if status == 200 and "page" in query:
        assert response.context["page_obj"].number == 1


def test_city_index_aggregates_city_and_ward_news_with_a_ward_filter(
    client, city, ward, city_index, ward_index, other_index, categories
):
    make_news(city_index, categories["news"], title="Tin thành phố")
    make_news(ward_index, categories["news"], title="Tin Phường 1")
    make_news(other_index, categories["news"], title="Tin Thắng Tam")
    response = client.get("/tin-tuc/", HTTP_HOST=host_of(city))
    assert set(titles(response)) == {"Tin thành phố", "Tin Phường 1", "Tin Thắng Tam"}
    html = response.content.decode()
    assert '<span class="news-card__ward">Phường 1</span>' in html
    ward_item = next(item for item in response.context["items"] if item.title == "Tin Phường 1")
    assert ward_item.get_full_url().startswith(f"http://{host_of(ward)}/tin-tuc/")  # canonical: the ward's host
    url = urlsplit(ward_item.get_full_url())
    assert client.get(url.path, HTTP_HOST=url.netloc).status_code == 200
    assert titles(client.get("/tin-tuc/?ward=phuong-1", HTTP_HOST=host_of(city))) == ["Tin Phường 1"]
    assert len(response.context["wards"]) == 17
    # A ward's index has no ward filter and never shows the city's items.
    ward_response = client.get("/tin-tuc/", HTTP_HOST=host_of(ward))
    assert titles(ward_response) == ["Tin Phường 1"] and ward_response.context["wards"] == []


def test_city_editors_feature_ward_news_on_the_city_home_without_copying(
    client, city, city_index, ward_index, categories
):
    item = make_news(ward_index, categories["news"], title="Phường 1 khánh thành nhà văn hóa")
    assert "Phường 1 khánh thành nhà văn hóa" not in client.get("/", HTTP_HOST=host_of(city)).content.decode()
    NewsIndexFeature.objects.create(index_page=city_index, page=item, sort_order=0)
    home = client.get("/", HTTP_HOST=host_of(city)).content.decode()
    assert "Tin nổi bật" in home and "Phường 1 khánh thành nhà văn hóa" in home
    assert item.get_parent().pk == ward_index.pk  # still the ward's item, nothing copied
    item.unpublish()
    assert "Phường 1 khánh thành nhà văn hóa" not in client.get("/", HTTP_HOST=host_of(city)).content.decode()


def test_listing_query_count_does_not_grow_with_items(
    client, django_assert_max_num_queries, ward, ward_index, categories
):
    """Page 1 and an archive month: the whole response stays within 10 SQL queries whatever the volume
    (the shared frame — site, header, menu, breadcrumbs, footer — comes from the frame cache when warm),
    and the listing itself within 10 even when called on its own."""
    StandardPageFactory(parent=ward, slug="gioi-thieu")
    host = host_of(ward)
    client.get("/gioi-thieu/", HTTP_HOST=host)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as baseline:
        client.get("/gioi-thieu/", HTTP_HOST=host)
    counts = []
    for batch in range(2):
        for number in range(30 if batch else 3):
            make_news(ward_index, categories["news"], date=datetime(2024, 5, 1 + number % 28, tzinfo=VN))
        for url in ("/tin-tuc/", "/tin-tuc/?year=2024&month=5"):
            client.get(url, HTTP_HOST=host)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url, HTTP_HOST=host).status_code == 200
            counts.append(len(queries))
            request = RequestFactory().get(url, HTTP_HOST=host)
            request.LANGUAGE_CODE = "vi"
            with django_assert_max_num_queries(10):
                listing.listing_context(ward_index, request)
    assert counts[:2] == counts[2:], "query count grows with the number of items"
    assert max(counts) <= 10, counts
    assert max(counts) - len(baseline) <= 6, (counts, len(baseline))


def test_paginate_and_parse_filters_as_plain_functions(categories):
    filters = listing.parse_filters({"category": "su-kien", "year": "2024", "month": "2"}, list(categories.values()))
    assert filters.category.kind == "event" and (filters.year, filters.month) == (2024, 2)
    assert filters.querystring(page=3) == "?category=su-kien&year=2024&month=2&page=3"
    start, end = listing.period_bounds(2024, 12)
    assert (start.isoformat(), end.isoformat()) == ("2024-12-01T00:00:00+07:00", "2025-01-01T00:00:00+07:00")


def test_future_dates_and_now_are_timezone_aware(ward_index, categories):
    page = make_news(ward_index, categories["news"])
    assert timezone.is_aware(page.date)
