"""Procedure pages, ward views, the English catalogue, open data and home sections."""

import csv
import io
import json
import re

import pytest

from procedures.models import ProcedurePage
from procedures.sources import CSV_COLUMNS, read_sources
from tests.conftest import host_of
from tests.procedures.conftest import SAMPLE_CODES, codes_at_level

pytestmark = pytest.mark.django_db


def path_of(page):
    return page.url_path[len("/trang-chu"):]


def html_of(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode()


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_procedure_page_shows_what_a_citizen_needs(client, imported):
    page = ProcedurePage.objects.get(code="1.000811")  # Cấp mới thẻ ABTC: 3 channels, 1,200,000 đồng
    html = html_of(client, path_of(page))
    assert "<h1>Cấp mới thẻ ABTC (thực hiện tại cấp trung ương)</h1>" in html
    table = html.split('id="thoi-han-phi-heading"')[1].split("</table>")[0]
    assert table.count("<tr>") == 4  # header + 3 channels
    assert "<th scope=\"row\">Trực tuyến</th>" in table and "<strong>1.200.000 đồng</strong>" in table
    assert "21 Ngày làm việc" in table
    assert 'class="button button--start"' in html  # the national data lists an online channel
    assert 'id="ho-so-heading"' in html and 'id="cac-buoc-heading"' in html and 'id="can-cu-heading"' in html
    data = json_ld(html)
    assert data["@type"] == "GovernmentService"
    assert data["identifier"] == "1.000811"
    assert [c["processingTime"] for c in data["availableChannel"]] == ["P21D", "P21D", "P21D"]
    assert data["availableChannel"][0]["serviceUrl"] == page.national_url


def test_documents_with_form_names_and_the_legal_basis(client, imported):
    html = html_of(client, path_of(ProcedurePage.objects.get(code="1.012518")))
    assert "Mẫu: Mẫu số 05.docx" in html
    assert "1 bản chính" in html
    law = html_of(client, path_of(ProcedurePage.objects.get(code="1.007664")))
    legal = law.split('id="can-cu-heading"')[1].split("</table>")[0]
    assert '<td class="nowrap">54/2014/QH13</td><td>Luật 54/2014/QH13</td>' in legal


def test_start_button_follows_the_editors_online_level(client, imported):
    page = ProcedurePage.objects.get(code="1.000811")
    page.online_service_level = "truc_tiep"
    page.last_reviewed = "2026-03-02"
    page.save_revision().publish()
    html = html_of(client, path_of(page))
    assert "button--start" not in html
    assert "Chỉ nộp trực tiếp" in html
    assert '<time datetime="2026-03-02">02/03/2026</time>' in html
    page.online_service_level = "toan_trinh"
    page.online_url = "https://dichvucong.baria-vungtau.gov.vn/thu-tuc/1.000811"
    page.save_revision().publish()
    html = html_of(client, path_of(page))
    assert 'href="https://dichvucong.baria-vungtau.gov.vn/thu-tuc/1.000811" rel="external noopener">Nộp hồ sơ' in html


def test_print_view(client, imported):
    html = html_of(client, path_of(ProcedurePage.objects.get(code="1.001193")) + "?ban-in")
    assert "print-view" in html and '<meta name="robots" content="noindex">' in html


def test_commune_procedure_lists_where_to_file_in_each_ward(client, imported, ward_pages, ward):
    page = ProcedurePage.objects.get(code="1.001193")
    html = html_of(client, path_of(page))
    links = html.split("Nộp tại bộ phận một cửa phường, xã nơi bạn cư trú")[1].split("</ul>")[0]
    assert links.count("<li>") == 17
    assert f'href="/phuong-1/thu-tuc-hanh-chinh/{page.slug}/">Phường 1<' in links


def test_ward_view_shows_the_wards_one_stop_office(client, imported, ward_pages, ward):
    ward.one_stop_address = "Số 2 Lý Thường Kiệt, Phường 1, Vũng Tàu"
    ward.one_stop_phone = "0254 3852 111"
    ward.save_revision().publish()
    page = ProcedurePage.objects.get(code="1.001193")
    html = html_of(client, f"/phuong-1/thu-tuc-hanh-chinh/{page.slug}/")
    filing = html.split('id="noi-nop-heading"')[1].split("</section>")[0]
    assert "Bộ phận một cửa Phường 1" in filing
    assert "Số 2 Lý Thường Kiệt, Phường 1, Vũng Tàu" in filing and "0254 3852 111" in filing
    assert ward.one_stop_hours in filing
    assert '<span class="site-identity__name">Phường 1</span>' in html
    assert f'<link rel="canonical" href="http://localhost/thu-tuc-hanh-chinh/{page.slug}/">' in html
    assert json_ld(html)["availableChannel"][2]["serviceLocation"]["address"] == ward.one_stop_address
    on_ward_host = html_of(client, f"/thu-tuc-hanh-chinh/{page.slug}/", HTTP_HOST=host_of(ward))
    assert "Số 2 Lý Thường Kiệt" in on_ward_host
    assert ProcedurePage.objects.filter(code="1.001193").count() == 1  # no per-ward copies


def test_ward_listing_has_only_commune_procedures_and_refuses_others(client, imported, ward_pages):
    html = html_of(client, "/phuong-1/thu-tuc-hanh-chinh/")
    codes = set(re.findall(r"<span>Mã ([0-9.]+)</span>", html))
    assert codes == codes_at_level("cấp xã")
    assert 'href="/phuong-1/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-sinh-1-001193/"' in html
    ministry_only = ProcedurePage.objects.get(code="1.000811")
    assert client.get(f"/phuong-1/thu-tuc-hanh-chinh/{ministry_only.slug}/").status_code == 404
    assert client.get("/phuong-1/thu-tuc-hanh-chinh/khong-co/").status_code == 404


def test_english_catalogue_says_procedures_are_vietnamese(client, imported, english_catalogue):
    html = html_of(client, "/en/thu-tuc-hanh-chinh/")
    assert "<h1>Administrative procedures</h1>" in html
    assert "Procedures are published in Vietnamese only" in html
    assert f"{len(SAMPLE_CODES)} procedures" in html
    assert '<a href="/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-sinh-1-001193/" lang="vi">' in html


def test_detail_page_query_budget(client, imported, city, ward_pages, django_assert_max_num_queries):
    """Warm, as on a running server: routing, the procedure's own data (channels, documents, levels,
    sector, related links), the view counter and the urgent-notice banner; the frame is cached."""
    page = ProcedurePage.objects.get(code="1.001193")
    urls = [path_of(page), f"/phuong-1/thu-tuc-hanh-chinh/{page.slug}/"]
    for url in urls:
        client.get(url)
    for url in urls:
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200


# --- Open data ---------------------------------------------------------------------------------------


def test_json_api_with_filters_and_pages(client, imported):
    response = client.get("/api/procedures/?cap=xa&so-luong=3")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == len(codes_at_level("cấp xã")) == 7
    assert data["num_pages"] == 3 and len(data["results"]) == 3
    # Absolute links come from the Site record (the city's for the test client's unknown host), not the Host header.
    assert data["next"] == "http://localhost/api/procedures/?cap=xa&trang=2&so-luong=3" and data["previous"] is None
    item = client.get("/api/procedures/?q=dang+ky+khai+sinh").json()["results"][0]
    assert item["code"] == "1.001193" and item["sector"] == "Hộ tịch" and item["levels"] == ["Cấp xã"]
    assert item["url"] == "http://localhost/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-sinh-1-001193/"
    assert {"kind", "time_value", "time_unit", "fee_text", "fee_amount"} <= item["channels"][0].keys()
    assert client.get("/api/procedures/?trang=2&so-luong=3&cap=xa").json()["previous"]


def test_csv_export_can_be_read_back_by_the_importer(client, imported, tmp_path):
    response = client.get("/api/procedures.csv?cap=bo")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][: len(CSV_COLUMNS)] == list(CSV_COLUMNS)
    ministry = codes_at_level("cấp bộ")
    assert {row[0] for row in rows[1:]} == ministry
    path = tmp_path / "xuat.csv"
    path.write_text(text, encoding="utf-8")
    records, _ = read_sources([path])
    assert {record.code for record in records} == ministry


def test_api_without_a_catalogue(client):
    assert client.get("/api/procedures/").status_code == 404
    assert client.get("/api/procedures.csv").status_code == 200


# --- Home sections and demo ---------------------------------------------------------------------------


def test_home_sections(client, imported, ward_pages, ward):
    city_html = html_of(client, "/")
    section = city_html.split('id="section-procedures"')[1].split("</section>")[0]
    assert 'action="/thu-tuc-hanh-chinh/"' in section and f"Xem toàn bộ {len(SAMPLE_CODES)} thủ tục" in section
    ward_html = html_of(client, "/", HTTP_HOST=host_of(ward))
    assert f"Phường 1 tiếp nhận {len(codes_at_level('cấp xã'))} thủ tục hành chính cấp xã" in ward_html


def test_admin_edit_views(admin_client, imported, catalogue):
    page = ProcedurePage.objects.get(code="1.000080")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Mức dịch vụ công trực tuyến tại Vũng Tàu" in html and "Thành phần hồ sơ" in html
    assert admin_client.get(f"/admin/pages/{catalogue.pk}/edit/").status_code == 200
    assert admin_client.get("/admin/snippets/procedures/sector/").status_code == 200
