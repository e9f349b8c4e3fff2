"""The city office's view of a reporting period (missing submissions, deadlines) and its exports."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import editor_of
from tests.transparency.conftest import add_figure
from transparency.periods import TIME_ZONE, Period
from transparency.reporting import period_report

pytestmark = pytest.mark.django_db
JUNE = Period(2024, 6)
ON_13_JUNE = datetime(2024, 6, 13, 9, 0, tzinfo=TIME_ZONE)  # after the wards' deadline, before the city's


def login(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


@pytest.fixture
def june_figures(plan, wards):
    """Ward 1 reports all four per-ward figures for June, ward 2 two of them, nobody else anything."""
    for code in ("CQS-12", "XHS-03", "XHS-15", "ATTT-02"):
        add_figure(plan[code], JUNE, 1, ward=wards[0])
    add_figure(plan["CQS-12"], JUNE, 1, ward=wards[1])
    add_figure(plan["XHS-15"], JUNE, 2, ward=wards[1])
    add_figure(plan["CQS-12"], "2024-05", 1, ward=wards[2])  # May only: still missing for June
    add_figure(plan["CQS-01"], JUNE, 72)
    return wards


def test_missing_submissions_per_ward_with_deadlines(june_figures, plan):
    wards = june_figures
    report = period_report(JUNE, ON_13_JUNE)
    assert (report.period.ward_deadline, report.period.city_deadline) == (date(2024, 6, 12), date(2024, 6, 25))
    assert report.ward_overdue and not report.city_overdue
    missing = {status.ward.title: [i.code for i in status.missing] for status in report.wards}
    assert len(missing) == 17
    assert missing[wards[0].title] == []
    assert missing[wards[1].title] == ["XHS-03", "ATTT-02"]
    assert missing[wards[2].title] == ["CQS-12", "XHS-03", "XHS-15", "ATTT-02"]
    assert report.complete_wards == 1 and report.missing_count == 2 + 15 * 4
    city_missing = [i.code for i in report.city_missing]
    assert "CQS-01" not in city_missing and "CQS-02" in city_missing and len(city_missing) == 38 - 1


def test_a_ward_user_sees_only_its_ward(june_figures):
    report = period_report(JUNE, ON_13_JUNE, ward_ids={june_figures[1].pk})
    assert [status.ward for status in report.wards] == [june_figures[1]]


def test_the_admin_report_page(june_figures, city_editor):
    response = login(city_editor).get(reverse("transparency_reporting"), {"ky": "2024-06"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Kỳ tháng 6/2024: 10/05/2024 – 09/06/2024" in text
    assert "Hạn phường, xã nộp: <strong>12/06/2024</strong> (đã quá hạn)" in text
    assert "1/17 phường, xã đã nộp đủ" in text
    assert reverse("transparency_period_export", args=["2024-06", "xlsx"]) in text


def test_the_admin_report_for_a_ward_editor_and_bad_input(june_figures, ward, plan):
    client = login(editor_of(ward))
    response = client.get(reverse("transparency_reporting"), {"ky": "tháng sáu"})
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Kỳ báo cáo “tháng sáu” không hợp lệ (dạng YYYY-MM); đang hiển thị kỳ hiện tại."
    ]
    assert [status.ward for status in response.context["report"].wards] == [ward]
    assert response.context["exports"] == []
    assert client.get(reverse("transparency_period_export", args=["2024-06", "csv"])).status_code in (302, 403)


def test_the_csv_export_parses_back(june_figures, city_editor, plan):
    response = login(city_editor).get(reverse("transparency_period_export", args=["2024-06", "csv"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="so-lieu-chuyen-doi-so-2024-06.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 42 + 4 * 17
    city = {row["Mã chỉ tiêu"]: row for row in rows if row["Đơn vị"] == "Thành phố Vũng Tàu"}
    assert city["CQS-01"]["Giá trị"] == "72" and city["CQS-01"]["Trạng thái"] == "Đúng tiến độ"
    # Wards 1 and 2 reported in June; ward 3's May figure still counts (latest figure per ward).
    assert city["CQS-12"]["Giá trị"] == "3" and city["CQS-12"]["Hiển thị"] == "3/17"
    assert city["CQS-12"]["Nguồn"] == "Tính từ số liệu 3/17 phường, xã (2 nộp trong kỳ)"
    assert city["CQS-12"]["Cách có số liệu"] == "Tính từ số liệu phường, xã"
    assert city["CQS-02"]["Giá trị"] == "" and city["CQS-02"]["Trạng thái"] == "Chưa có số liệu"
    ward_3 = next(r for r in rows if r["Đơn vị"] == june_figures[2].title and r["Mã chỉ tiêu"] == "CQS-12")
    assert (ward_3["Giá trị"], ward_3["Kỳ của số liệu"], ward_3["Nộp trong kỳ"]) == ("1", "2024-05", "chưa")


def test_the_xlsx_export_parses_back(june_figures, city_editor):
    response = login(city_editor).get(reverse("transparency_period_export", args=["2024-06", "xlsx"]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Thông tin", "Tổng hợp thành phố", "Phường, xã"]
    info = {row[0]: row[1] for row in workbook["Thông tin"].iter_rows(values_only=True)}
    assert info["Kỳ báo cáo"] == "kỳ tháng 6/2024 (10/05/2024 – 09/06/2024)"
    assert info["Hạn phường, xã nộp"] == "12/06/2024"
    summary = list(workbook["Tổng hợp thành phố"].iter_rows(values_only=True))
    header, body = summary[0], summary[1:]
    assert header[:3] == ("Kỳ báo cáo", "Mã chỉ tiêu", "Nhóm") and len(body) == 42
    by_code = {row[1]: dict(zip(header, row, strict=True)) for row in body}
    assert by_code["CQS-01"]["Giá trị"] == 72 and by_code["CQS-12"]["Giá trị"] == 3
    assert by_code["CQS-02"]["Giá trị"] is None
    wards_sheet = list(workbook["Phường, xã"].iter_rows(values_only=True))
    assert len(wards_sheet) == 1 + 4 * 17
    street = next(r for r in wards_sheet if r[4] == june_figures[1].title and r[1] == "XHS-15")
    assert street[7] == 2 and street[13] == "có"


def test_an_unknown_period_or_format_is_not_found(city_editor, plan):
    client = login(city_editor)
    assert client.get(reverse("transparency_period_export", args=["2024-13", "csv"])).status_code == 404
    assert client.get(reverse("transparency_period_export", args=["2024-06", "pdf"])).status_code == 404


def test_numbers_are_exported_as_numbers(plan, wards):
    add_figure(plan["CQS-08"], JUNE, "46.15", numerator=600, denominator=1300)
    row = next(r for r in period_report(JUNE, ON_13_JUNE).city_rows if r["code"] == "CQS-08")
    assert (row["value"], row["numerator"], row["denominator"]) == (Decimal("46.15"), 600, 1300)


def test_exports_do_not_turn_text_into_spreadsheet_formulas(plan, city_editor):
    add_figure(plan["CQS-01"], JUNE, 50, source='=HYPERLINK("http://example.test","x")')
    client = login(city_editor)
    rows = csv.DictReader(
        io.StringIO(
            client.get(reverse("transparency_period_export", args=["2024-06", "csv"])).content.decode("utf-8-sig")
        )
    )
    assert next(r for r in rows if r["Mã chỉ tiêu"] == "CQS-01")["Nguồn"] == '\'=HYPERLINK("http://example.test","x")'
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("transparency_period_export", args=["2024-06", "xlsx"])).content)
    )
    cells = [
        c for row in workbook["Tổng hợp thành phố"].iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)
    ]
    assert [c.data_type for c in cells] == ["s"]
