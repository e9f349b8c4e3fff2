"""Directory page and street page: filters with shareable URLs and counts, list without JavaScript,
map data, JSON-LD, merchant pages, home sections."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import host_of
from tests.directory.conftest import make_merchant

pytestmark = pytest.mark.django_db


@pytest.fixture
def shops(ward, other_ward, street, other_street):
    return [
        make_merchant(ward, "Quán Ba Cu", street, methods=("vietqr", "momo")),
        make_merchant(ward, "Tạp hóa Ba Cu", street, methods=("vietqr",), category="bach-hoa"),
        make_merchant(ward, "Tiệm không trên tuyến", None, methods=("the",), category="dich-vu", lat=None, lon=None),
        make_merchant(
            other_ward,
            "Khách sạn Thùy Vân",
            other_street,
            methods=("the", "momo"),
            category="luu-tru",
            lat="10.3450",
            lon="107.0940",
        ),
        make_merchant(other_ward, "Chưa xác minh", other_street, published=False, lat="10.3450", lon="107.0940"),
    ]


def names(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(h.get_text(" ", strip=True) for h in soup.select(".merchant-list .merchant__name"))


def option_counts(response, select_id):
    soup = BeautifulSoup(response.content, "html.parser")
    return {o["value"]: o.get_text() for o in soup.select(f"#{select_id} option") if o["value"]}


def test_city_directory_lists_published_merchants_without_javascript(client, city_directory, shops):
    response = client.get(city_directory.url)
    assert response.status_code == 200
    assert names(response) == ["Khách sạn Thùy Vân", "Quán Ba Cu", "Tiệm không trên tuyến", "Tạp hóa Ba Cu"]
    assert "4 cửa hàng" in response.text
    assert "Chưa xác minh" not in response.text
    assert "Bản đồ cần JavaScript" in response.text  # the map's fallback text, replaced by the script


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?phuong=phuong-1", ["Quán Ba Cu", "Tiệm không trên tuyến", "Tạp hóa Ba Cu"]),
        ("?loai=bach-hoa", ["Tạp hóa Ba Cu"]),
        ("?thanh-toan=momo", ["Khách sạn Thùy Vân", "Quán Ba Cu"]),
        ("?phuong=phuong-1&thanh-toan=momo", ["Quán Ba Cu"]),
        ("?q=khach+san+thuy+van", ["Khách sạn Thùy Vân"]),
    ],
)
def test_filters_are_shareable_urls(client, city_directory, shops, query, expected):
    response = client.get(city_directory.url + query)
    assert names(response) == expected
    assert '<meta name="robots" content="noindex">' in response.text


def test_street_filter_and_counts_keep_the_other_filters(client, city_directory, shops, street, other_street):
    response = client.get(f"{city_directory.url}?tuyen={street.pk}&thanh-toan=momo")
    assert names(response) == ["Quán Ba Cu"]
    # Counts of one facet apply the other filters: street options count momo merchants.
    streets = option_counts(response, "f-tuyen")
    assert streets[str(street.pk)].endswith("(1)") and streets[str(other_street.pk)].endswith("(1)")
    methods = option_counts(response, "f-tt")
    assert methods["momo"].endswith("(1)") and methods["vietqr"].endswith("(2)") and methods["the"].endswith("(0)")
    wards = option_counts(response, "f-phuong")
    assert wards["phuong-1"] == "Phường 1 (1)" and wards["phuong-thang-tam"] == "Phường Thắng Tam (0)"
    assert len(wards) == 17


def test_unknown_filter_values_are_ignored_with_a_message_not_an_error(client, city_directory, shops):
    response = client.get(city_directory.url + "?phuong=phuong-6&loai=xyz&tuyen=abc&thanh-toan=bitcoin&trang=99")
    assert response.status_code == 200
    assert len(names(response)) == 4
    assert "Bỏ qua bộ lọc không hợp lệ" in response.text


def test_pagination_keeps_filters(client, city_directory, ward, street):
    for number in range(55):
        make_merchant(ward, f"Cửa hàng {number:02d}", street)
    first = client.get(city_directory.url + "?phuong=phuong-1")
    assert len(names(first)) == 50
    assert 'href="?phuong=phuong-1&amp;trang=2#results"' in first.text
    second = client.get(city_directory.url + "?phuong=phuong-1&trang=2")
    assert len(names(second)) == 5


def test_map_data_mirrors_the_filtered_merchants_and_streets(client, city_directory, shops):
    response = client.get(city_directory.url + "?thanh-toan=momo")
    soup = BeautifulSoup(response.content, "html.parser")
    data = json.loads(soup.find("script", id="map-data").string)
    assert sorted(m["name"] for m in data["merchants"]) == ["Khách sạn Thùy Vân", "Quán Ba Cu"]
    assert {s["name"] for s in data["streets"]} == {"Tuyến đường Ba Cu", "Tuyến đường Thùy Vân"}
    assert data["tiles"]["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    for item in data["merchants"]:
        assert soup.find(id=item["anchor"]) is not None  # every marker has its list entry


def test_ward_directory_shows_only_its_ward(client, ward, ward_directory, shops):
    response = client.get(ward_directory.url, HTTP_HOST=host_of(ward))
    assert response.status_code == 200
    assert names(response) == ["Quán Ba Cu", "Tiệm không trên tuyến", "Tạp hóa Ba Cu"]
    assert 'id="f-phuong"' not in response.text
    assert "/du-lieu-mo/thanh-toan/cua-hang.csv?phuong=phuong-1" in response.text


def test_street_page_lists_its_merchants_with_json_ld(client, ward, street, shops):
    response = client.get(street.url, HTTP_HOST=host_of(ward))
    assert response.status_code == 200
    assert names(response) == ["Quán Ba Cu", "Tạp hóa Ba Cu"]
    soup = BeautifulSoup(response.content, "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    items = data["mainEntity"]["itemListElement"]
    assert [i["item"]["@type"] for i in items] == ["LocalBusiness", "LocalBusiness"]
    quan = next(i["item"] for i in items if i["item"]["name"] == "Quán Ba Cu")
    assert quan["paymentAccepted"] == "Bank transfer (VietQR), MoMo"
    assert quan["geo"] == {"@type": "GeoCoordinates", "latitude": 10.347, "longitude": 107.076}
    assert "áp phích" in response.text.lower()


def test_merchant_page_has_local_business_json_ld(client, city_directory, shops):
    quan = shops[0]
    response = client.get(f"{city_directory.url}cua-hang/{quan.pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "LocalBusiness" and data["name"] == "Quán Ba Cu"
    assert data["paymentAccepted"] == "Bank transfer (VietQR), MoMo"
    assert data["address"]["addressLocality"] == "Phường 1"
    assert soup.find("link", rel="canonical")["href"].endswith(f"/cua-hang/{quan.pk}/")
    assert soup.h1.get_text() == "Quán Ba Cu"


def test_unpublished_or_unknown_merchant_pages_are_404(client, city_directory, shops):
    assert client.get(f"{city_directory.url}cua-hang/{shops[4].pk}/").status_code == 404
    assert client.get(f"{city_directory.url}cua-hang/999999/").status_code == 404


def test_sample_data_is_marked_on_the_page(client, city_directory, ward, street):
    make_merchant(ward, "Quán Hải Âu 1 (mẫu)", street, is_sample=True)
    response = client.get(city_directory.url)
    assert "Dữ liệu mẫu" in response.text
    assert re.search(r"badge--sample", response.text)


def test_home_sections_link_to_the_directory(client, city, ward, city_directory, ward_directory, street, shops):
    city_home = client.get("/")
    assert "Thanh toán không dùng tiền mặt" in city_home.text
    assert 'href="/thanh-toan-khong-dung-tien-mat/"' in city_home.text
    ward_home = client.get("/", HTTP_HOST=host_of(ward))
    assert "Tuyến đường Ba Cu" in ward_home.text
    assert "3 cửa hàng trong phường, xã" in ward_home.text
