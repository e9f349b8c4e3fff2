"""The catalogue finder: filters, facet counts, sorting, A–Z, pagination, and its query budget.

Expected counts are computed from the source records' own text (not from the parsers)."""

import re
import unicodedata
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures.models import FeaturedProcedure, ProcedurePage
from tests.procedures.conftest import SAMPLE_CODES, codes_at_level, source_fields

pytestmark = pytest.mark.django_db


source = source_fields


def nfc(text):
    return unicodedata.normalize("NFC", text)


def commune_codes():
    return codes_at_level("cấp xã")


def result_codes(response):
    return re.findall(r"<span>Mã ([0-9A-Za-z.]+)</span>", response.content.decode())


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_unfiltered_catalogue_counts_every_level(client, imported, catalogue):
    html = get(client, catalogue.url).content.decode()
    assert f"{len(SAMPLE_CODES)} thủ tục" in html
    expected = len(commune_codes())
    assert f'Cấp xã <span class="finder__count">({expected})</span>' in html
    ministry = len(codes_at_level("cấp bộ"))
    assert f'Cấp bộ <span class="finder__count">({ministry})</span>' in html


def test_level_and_sector_filters_and_counts_under_other_filters(client, imported, catalogue):
    response = get(client, f"{catalogue.url}?cap=xa")
    assert set(result_codes(response)) == commune_codes()
    # With the level filter on, the sector options count only commune-level procedures.
    civil = {code for code in commune_codes() if nfc(source(code)["sector"]) == "Hộ tịch"}
    assert f'value="ho-tich" >Hộ tịch ({len(civil)})' not in response.content.decode()
    assert re.search(rf'value="ho-tich">Hộ tịch \({len(civil)}\)', response.content.decode())
    both = get(client, f"{catalogue.url}?cap=xa&linh-vuc=ho-tich")
    assert set(result_codes(both)) == civil == {"1.001193", "1.000894", "1.000080"}
    assert '<meta name="robots" content="noindex">' in both.content.decode()


def test_free_text_filter_folds_accents_and_matches_codes_and_keywords(client, imported, catalogue):
    assert result_codes(get(client, f"{catalogue.url}?q=dang+ky+khai+sinh")) == ["1.001193"]
    assert result_codes(get(client, f"{catalogue.url}?q=1.000757")) == ["1.000757"]
    page = ProcedurePage.objects.get(code="1.004222")
    page.keywords = "nhập hộ khẩu"
    page.save_revision().publish()
    assert result_codes(get(client, f"{catalogue.url}?q=nhap+ho+khau")) == ["1.004222"]
    empty = get(client, f"{catalogue.url}?q=khong+co+thu+tuc+nay").content.decode()
    assert "Không tìm thấy thủ tục phù hợp" in empty


def test_a_to_z_letter(client, imported, catalogue):
    def letter(name):
        name = re.sub(r"^thủ tục\s+", "", nfc(name).strip(), flags=re.IGNORECASE)
        return name[0].upper()

    expected = {code for code in SAMPLE_CODES if letter(source(code)["name"]) == "Đ"}
    assert set(result_codes(get(client, f"{catalogue.url}?chu-cai=%C4%90"))) == expected
    assert {"1.001193", "1.000894", "1.004222"} <= expected


def test_sorting_by_code_and_by_views(client, imported, catalogue):
    assert result_codes(get(client, f"{catalogue.url}?sap-xep=ma")) == sorted(SAMPLE_CODES)
    page = ProcedurePage.objects.get(code="1.012518")
    for _ in range(2):
        assert client.get(page.url).status_code == 200
    assert page.stats.views == 2
    assert result_codes(get(client, f"{catalogue.url}?sap-xep=xem-nhieu"))[0] == "1.012518"


def test_pagination_keeps_the_filters(client, imported, catalogue):
    catalogue.page_size = 4
    catalogue.save_revision().publish()
    first = get(client, f"{catalogue.url}?cap=bo")
    html = first.content.decode()
    assert len(result_codes(first)) == 4
    assert 'href="/thu-tuc-hanh-chinh/?cap=bo&amp;trang=2"' in html
    second = get(client, f"{catalogue.url}?cap=bo&trang=2")
    assert not set(result_codes(second)) & set(result_codes(first))
    past_the_end = get(client, f"{catalogue.url}?cap=bo&trang=99")
    assert result_codes(past_the_end)  # clamped to the last page


def test_invalid_parameters_are_ignored_with_a_notice(client, imported, catalogue):
    html = get(client, f"{catalogue.url}?trang=abc&sap-xep=zzz&truc-tuyen=x&chu-cai=%3C").content.decode()
    assert "Một số tham số lọc không hợp lệ đã được bỏ qua." in html
    assert f"{len(SAMPLE_CODES)} thủ tục" in html


def test_online_level_filter_and_featured_block(client, imported, catalogue):
    page = ProcedurePage.objects.get(code="1.001193")
    page.online_service_level = "toan_trinh"
    page.save_revision().publish()
    ignored = get(client, f"{catalogue.url}?truc-tuyen=toan-trinh")  # not a level code: ignored, with a notice
    assert len(result_codes(ignored)) == len(SAMPLE_CODES)
    assert result_codes(get(client, f"{catalogue.url}?truc-tuyen=toan_trinh")) == ["1.001193"]
    unknown = get(client, f"{catalogue.url}?truc-tuyen=chua-xac-dinh")
    assert len(result_codes(unknown)) == len(SAMPLE_CODES) - 1
    FeaturedProcedure.objects.create(index_page=catalogue, procedure=page, sort_order=0)
    html = get(client, catalogue.url).content.decode()
    featured = html.split('id="featured-heading"')[1].split("</section>")[0]
    assert f"/thu-tuc-hanh-chinh/{page.slug}/" in featured


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


FILTER_COMBINATIONS = [
    "", "?cap=xa", "?cap=xa&cap=bo&linh-vuc=ho-tich", "?q=dang+ky&sap-xep=xem-nhieu",
    "?truc-tuyen=chua-xac-dinh&trang=2",
    "?doi-tuong=cong-dan-viet-nam&co-quan=x&chu-cai=%C4%90&sap-xep=ma", "?q=khong+co",
]


@pytest.mark.parametrize("query", FILTER_COMBINATIONS)
def test_every_filter_combination_renders_in_at_most_ten_queries(
    client, imported, catalogue, city, query, django_assert_max_num_queries
):
    """The whole response, warm as on a running server (the shared frame comes from the frame cache)."""
    count_queries(client, catalogue.url)
    with django_assert_max_num_queries(10):
        assert client.get(catalogue.url + query).status_code == 200


def test_agency_filter_and_open_data_links_keep_vietnamese_values(client, imported, catalogue):
    agency = ProcedurePage.objects.get(code="1.000757").implementing_agency
    response = client.get(catalogue.url, {"co-quan": agency})
    assert result_codes(response) == ["1.000757"]
    html = response.content.decode()
    encoded = urlencode({"co-quan": agency})
    assert f'href="/api/procedures/?{encoded}"' in html
    assert client.get(f"/api/procedures/?{encoded}").json()["count"] == 1
