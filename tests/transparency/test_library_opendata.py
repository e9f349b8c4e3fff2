"""Document library (filters, search, the plan and its legal bases) and open data (CSV, JSON, JSON-LD)."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.transparency.conftest import add_figure
from transparency import bootstrap
from transparency.opendata import FIGURE_COLUMNS, INDICATOR_COLUMNS

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def open_data_page(dashboard):
    return bootstrap.ensure_page(dashboard, "OpenDataPage", bootstrap.OPEN_DATA)


def test_the_library(client, pages, monkeypatch):
    """Every listing check on one library (building its 14 document pages takes a while)."""
    check_the_library_lists_the_plan_and_the_thirteen_documents_it_cites(client, pages)
    check_filters_and_malformed_filters(client, pages)
    check_full_text_search_finds_words_of_the_plan_only_in_its_full_text(client, pages)
    check_a_document_number_is_found_whatever_the_search_backend(client, pages)
    check_pagination_keeps_the_filters(client, pages, monkeypatch)  # last: it shrinks the page size


def test_the_documents(client, pages):
    check_the_plan_is_published_with_its_number_as_published_and_its_legal_bases(client, pages)
    check_a_cited_document_is_metadata_only_and_links_back_to_the_plan(client, pages)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(page):
    return [h.get_text(strip=True) for h in page.select(".document-item__title")]


def check_the_library_lists_the_plan_and_the_thirteen_documents_it_cites(client, pages):
    page = soup(client.get("/minh-bach/van-ban/"))
    assert page.select_one(".result-count").get_text(strip=True) == "14 văn bản"
    assert "Quyết định số 2207/QĐ-UBND" in titles(page)
    assert {o.get_text() for o in page.select("#library-year option")} == {"Tất cả", "2021", "2022", "2023", "2024"}
    assert not page.select('meta[name="robots"]')


FILTER_CASES = [
    ({"loai": "ke-hoach"}, 5),  # the plan + 91, 228, 8966, 9124
    ({"nam": "2023"}, 3),  # 2704, 228, 9124
    ({"co-quan": "Ủy ban nhân dân thành phố Vũng Tàu"}, 3),  # the plan, 8966, 9124
    ({"loai": "quyet-dinh", "nam": "2021"}, 4),  # 2207, 3769, 4167 and 942/QĐ-TTg
    ({"q": "2207"}, None),
]


def check_filters_and_malformed_filters(client, pages):
    """One page set-up for every case (building the library takes a while)."""
    for query, expected in FILTER_CASES:
        page = soup(client.get("/minh-bach/van-ban/", query))
        if expected is not None:
            assert page.select_one(".result-count").get_text(strip=True) == f"{expected} văn bản", query
        else:
            assert titles(page)[0] == "Quyết định số 2207/QĐ-UBND"
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"  # filtered listings are not indexed
    ignored = {"loai": "khong-co", "nam": "abc", "co-quan": "", "trang": "x"}
    page = soup(client.get("/minh-bach/van-ban/", ignored))
    assert page.select_one(".result-count").get_text(strip=True) == "14 văn bản"
    assert client.get("/minh-bach/van-ban/", {"q": "x" * 5000, "nam": "99999999999999999999"}).status_code == 200


def check_full_text_search_finds_words_of_the_plan_only_in_its_full_text(client, pages):
    page = soup(client.get("/minh-bach/van-ban/", {"q": "Zalo OA"}))
    assert titles(page) == [pages["plan"].title]
    nothing = soup(client.get("/minh-bach/van-ban/", {"q": "không có từ này xyzxyz"}))
    assert "Không có văn bản nào phù hợp" in nothing.get_text()


def check_the_plan_is_published_with_its_number_as_published_and_its_legal_bases(client, pages):
    page = soup(client.get(pages["plan"].url))
    meta = {
        div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True) for div in page.select(".document-meta > div")
    }
    assert meta["Số hiệu"] == "/KH-UBND"
    assert meta["Cơ quan ban hành"] == "Ủy ban nhân dân thành phố Vũng Tàu"
    assert meta["Người ký"] == "Vũ Hồng Thuấn (KT. Chủ tịch – Phó Chủ tịch)"
    assert meta["Ngày ban hành"] == "Năm 2024 (văn bản không ghi ngày)"
    bases = [li.a.get_text() for li in page.select("#references-heading ~ ul")[0].select("li")]
    assert len(bases) == 11 and bases[0] == "Quyết định số 2207/QĐ-UBND"
    assert "Vũ Hồng Thuấn" in page.select_one(".document__full-text").get_text()
    assert page.select(".document__full-text h2")[1].get_text() == "Phần I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023"
    ld = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert ld["@type"] == "Legislation" and ld["legislationIdentifier"] == "/KH-UBND"


def check_a_cited_document_is_metadata_only_and_links_back_to_the_plan(client, pages):
    cited, _ = pages["cited"]["942/QĐ-TTg"]
    page = soup(client.get(cited.url))
    text = page.get_text(" ", strip=True)
    assert "Thủ tướng Chính phủ" in text and "15/06/2021" in text
    assert "toàn văn chưa được đăng tải" in text
    assert "cần đối chiếu với văn bản gốc" in text
    assert [a.get_text() for a in page.select("#cited-by-heading ~ ul a")] == [pages["plan"].title]


def test_indicators_open_data_csv_and_json(client, dashboard):
    response = client.get("/du-lieu-mo/minh-bach/chi-tieu.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 42 and list(rows[0]) == [c.name for c in INDICATOR_COLUMNS]
    first = rows[0]
    assert (first["code"], first["target"], first["unit"], first["kind"], first["per_ward"]) == (
        "CQS-01",
        "100",
        "percent",
        "reach",
        "false",
    )
    assert first["url"] == "http://localhost/minh-bach/chi-tieu/cqs-01/"
    payload = json.loads(client.get("/du-lieu-mo/minh-bach/chi-tieu.json").content)
    assert [c["name"] for c in payload["columns"]] == [c.name for c in INDICATOR_COLUMNS]
    by_code = {row["code"]: row for row in payload["data"]}
    assert by_code["XHS-09"]["kind"] == "stay_above" and by_code["DTTM-01"]["due_date"] == "2024-06-30"
    assert by_code["CQS-12"]["per_ward"] is True and by_code["CQS-12"]["target"] == 17


def test_figures_open_data_has_typed_and_computed_figures(client, dashboard, plan, wards):
    add_figure(plan["CQS-01"], "2024-06", "72.5", source="Cổng dịch vụ công")
    add_figure(plan["CQS-12"], "2024-06", 1, ward=wards[0], is_sample=True)
    rows = list(
        csv.DictReader(io.StringIO(client.get("/du-lieu-mo/minh-bach/so-lieu.csv").content.decode("utf-8-sig")))
    )
    assert list(rows[0]) == [c.name for c in FIGURE_COLUMNS]
    simple = [
        (r["indicator_code"], r["period"], r["scope"], r["ward_code"], r["value"], r["origin"], r["is_sample"])
        for r in rows
    ]
    assert simple == [
        ("CQS-01", "2024-06", "city", "", "72.5", "entered", "false"),
        ("CQS-12", "2024-06", "city", "", "1", "computed", "true"),
        ("CQS-12", "2024-06", "ward", wards[0].gso_code, "1", "entered", "true"),
    ]
    assert rows[0]["period_start"] == "2024-05-10" and rows[0]["period_end"] == "2024-06-09"
    payload = json.loads(client.get("/du-lieu-mo/minh-bach/so-lieu.json").content)
    assert payload["data"][0]["value"] == 72.5 and payload["data"][1]["denominator"] == 17


def test_unknown_datasets_and_formats_are_not_found(client, plan):
    assert client.get("/du-lieu-mo/minh-bach/khac.csv").status_code == 404
    assert client.get("/du-lieu-mo/minh-bach/chi-tieu.xml").status_code == 404


def test_the_open_data_page_has_the_dictionary_and_a_dataset_json_ld(client, open_data_page):
    page = soup(client.get(open_data_page.url))
    dictionaries = page.select("table.dictionary")
    assert [[th.code.get_text() for th in table.tbody.select("th")] for table in dictionaries] == [
        [c.name for c in INDICATOR_COLUMNS],
        [c.name for c in FIGURE_COLUMNS],
    ]
    links = [a["href"] for a in page.select(".dataset a")]
    assert links == [
        "/du-lieu-mo/minh-bach/chi-tieu.csv",
        "/du-lieu-mo/minh-bach/chi-tieu.json",
        "/du-lieu-mo/minh-bach/so-lieu.csv",
        "/du-lieu-mo/minh-bach/so-lieu.json",
    ]
    ld = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert ld["@type"] == "Dataset" and ld["isAccessibleForFree"] is True
    assert {d["contentUrl"] for d in ld["distribution"]} == {f"http://localhost{link}" for link in links}
    assert {d["encodingFormat"] for d in ld["distribution"]} == {"text/csv", "application/json"}


def check_pagination_keeps_the_filters(client, pages, monkeypatch):
    monkeypatch.setattr("transparency.library.PAGE_SIZE", 2)
    page = soup(client.get("/minh-bach/van-ban/", {"loai": "ke-hoach", "trang": "2"}))
    links = [a["href"] for a in page.select(".pagination a")]
    assert links == ["?loai=ke-hoach&trang=1", "?loai=ke-hoach&trang=3"]
    assert page.select_one(".pagination [aria-current]").get_text() == "Trang 2/3"


def check_a_document_number_is_found_whatever_the_search_backend(client, pages):
    page = soup(client.get("/minh-bach/van-ban/", {"q": "968/QĐ-UBND"}))
    assert titles(page)[0] == "Quyết định số 968/QĐ-UBND"
