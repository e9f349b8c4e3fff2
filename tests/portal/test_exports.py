"""Formula injection (issue 12, finding 3): text a citizen or an editor typed comes out of every CSV
and XLSX export as text a spreadsheet will not run, through the one writer (portal/exports.py).
Each export is fetched through the test client, parsed back, and checked cell by cell."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.contrib.search_promotions.models import Query

from guides.models import GuideFeedback
from portal import exports
from procedures.models import ProcedurePage
from tests.directory.conftest import add_directory, make_merchant
from tests.guides.conftest import guide_index, make_guide, topic  # noqa: F401 (fixtures)
from tests.procedures.conftest import catalogue, imported, sample_file  # noqa: F401 (fixtures)
from tests.transparency.conftest import add_figure, plan  # noqa: F401 (fixtures)
from transparency.periods import Period

pytestmark = pytest.mark.django_db

PAYLOADS = ['=HYPERLINK("http://x","y")', "-2+3", "@SUM(1)", "\t=1", "\r=1", "+1", "\n=1"]
NEUTRALISED = {f"'{payload}" for payload in PAYLOADS}
# XML turns a stored carriage return into a line feed when the workbook is read back.


def _looks_numeric(text):
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def csv_rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def assert_csv_safe(rows):
    """No text cell anywhere starts like a formula (numbers such as -5 are numbers, not text)."""
    for row in rows:
        for value in row:
            assert not (value.startswith(exports.FORMULA_PREFIXES) and not _looks_numeric(value)), (value, row)


def xlsx_cells(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    workbook = load_workbook(io.BytesIO(body))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def texts(cells):
    return [cell.value for cell in cells if isinstance(cell.value, str)]


def assert_xlsx_safe(cells):
    for cell in cells:
        assert cell.data_type != "f", cell.value
        if isinstance(cell.value, str):
            assert not cell.value.startswith(exports.FORMULA_PREFIXES), cell.value


def neutralised_values(values, expected=NEUTRALISED):
    """The cells that hold one of the ``expected`` texts, neutralised or not."""
    raw = {value[1:] for value in expected}
    return {value for value in values if value.lstrip("'") in raw}


# --- the writer itself ------------------------------------------------------------------------------


def check_export(response, export_format, expected=NEUTRALISED):
    """Every payload neutralised in a CSV or XLSX export; returns its rows or cells."""
    assert response.status_code == 200
    if export_format == "csv":
        rows = csv_rows(response)
        assert neutralised_values((v for row in rows for v in row), expected) == expected
        assert_csv_safe(rows)
        return rows
    cells = xlsx_cells(response)
    expected = {value.replace("\r", "\n") for value in expected}  # openpyxl reads a stored CR back as LF
    assert neutralised_values(texts(cells), expected) == expected
    assert_xlsx_safe(cells)
    return cells


def test_the_writer_neutralises_text_and_keeps_numbers():
    assert [exports.csv_cell(p) for p in PAYLOADS] == [f"'{p}" for p in PAYLOADS]
    assert [exports.xlsx_cell(p) for p in PAYLOADS] == [f"'{p}" for p in PAYLOADS]
    assert exports.csv_cell(-5) == "-5" and exports.csv_cell(Decimal("-2.50")) == "-2.5"
    assert exports.csv_cell(Decimal("1E+2")) == "100" and exports.csv_cell(None) == ""
    assert exports.xlsx_cell(-5) == -5 and exports.xlsx_cell(Decimal("-1.5")) == Decimal("-1.5")
    assert exports.csv_cell("-5") == "'-5"  # text stays text, whatever it looks like
    assert exports.csv_cell("Phở 24") == "Phở 24" and exports.csv_cell("a=b") == "a=b"


# --- directory: public CSV and the admin merchant export ----------------------------------------------


@pytest.fixture
def hostile_merchants(city, ward):
    add_directory(city)
    add_directory(ward)
    return [make_merchant(ward, name) for name in PAYLOADS]


def test_public_merchant_csv(client, hostile_merchants):
    rows = csv_rows(client.get("/du-lieu-mo/thanh-toan/cua-hang.csv"))
    names = [row[rows[0].index("ten")] for row in rows[1:]]
    assert set(names) == NEUTRALISED
    assert_csv_safe(rows)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_admin_merchant_export(client, admin_user, hostile_merchants, export_format):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailsnippets_directory_merchant:list"), {"export": export_format})
    cells = check_export(response, export_format)
    if export_format == "xlsx":
        latitudes = [c for c in cells if c.value == pytest.approx(10.347)]
        assert len(latitudes) == len(PAYLOADS) and all(c.data_type == "n" for c in latitudes)


# --- procedures CSV ----------------------------------------------------------------------------------


def test_procedures_csv(client, imported):  # noqa: F811
    codes = list(ProcedurePage.objects.order_by("code").values_list("code", flat=True)[: len(PAYLOADS)])
    for code, payload in zip(codes, PAYLOADS, strict=True):
        ProcedurePage.objects.filter(code=code).update(name=payload, conditions=payload)
    rows = csv_rows(client.get("/api/procedures.csv"))
    by_code = {row[0]: row for row in rows[1:]}
    for code, payload in zip(codes, PAYLOADS, strict=True):
        assert by_code[code][1] == f"'{payload}" and f"'{payload}" in by_code[code]
    assert_csv_safe(rows)


# --- transparency: open data and the period export ----------------------------------------------------

JUNE = Period(2024, 6)


@pytest.fixture
def hostile_figures(plan, city):  # noqa: F811
    from django.test import Client

    from tests.factories import editor_of
    from transparency.permissions import grant_measurement_permissions

    grant_measurement_permissions()
    codes = ["CQS-01", "CQS-02", "CQS-03", "CQS-04", "CQS-05", "CQS-06", "CQS-07"]
    for code, payload in zip(codes, PAYLOADS, strict=True):
        add_figure(plan[code], JUNE, -5, source=payload, notes=payload)
    client = Client()
    client.force_login(editor_of(city))
    return client


def test_transparency_open_data_csv(client, hostile_figures):
    rows = csv_rows(client.get("/du-lieu-mo/minh-bach/so-lieu.csv"))
    assert neutralised_values(v for row in rows for v in row) == NEUTRALISED
    assert "-5" in {v for row in rows for v in row}  # a real number stays a number
    assert_csv_safe(rows)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_transparency_period_export(hostile_figures, export_format):
    response = hostile_figures.get(reverse("transparency_period_export", args=[JUNE.key, export_format]))
    cells = check_export(response, export_format)
    if export_format == "xlsx":
        values = [c for c in cells if c.value == -5]
        assert len(values) == len(PAYLOADS) and all(c.data_type == "n" for c in values)


# --- Wagtail listings and reports: the project's report and Wagtail's own ---------------------------------


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_guides_feedback_report(client, admin_user, make_guide, export_format):  # noqa: F811
    for number, payload in enumerate(PAYLOADS):
        guide = make_guide(payload, slug=f"huong-dan-{number}")
        GuideFeedback.objects.create(guide=guide, helpful=True, comment=payload)
    client.force_login(admin_user)
    response = client.get(reverse("guides_feedback_report"), {"export": export_format})
    check_export(response, export_format)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtail_search_terms_report(client, admin_user, export_format):
    """What citizens type in the search box reaches the editors' search-terms report (Wagtail keeps
    its own normalised form of each query: lower case, surrounding spaces stripped)."""
    for payload in PAYLOADS:
        Query.get(payload).add_hit()
    stored = {f"'{query}" for query in Query.objects.values_list("query_string", flat=True)
              if query.startswith(exports.FORMULA_PREFIXES)}
    assert {"'+1", "'-2+3", "'@sum(1)", "'=1"} <= stored
    client.force_login(admin_user)
    response = client.get(reverse("wagtailsearchpromotions:search_terms"), {"export": export_format})
    check_export(response, export_format, expected=stored)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtail_site_history_report(client, admin_user, make_guide, export_format):  # noqa: F811
    for number, payload in enumerate(PAYLOADS):
        make_guide(payload, slug=f"lich-su-{number}")
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": export_format})
    check_export(response, export_format)


def test_a_public_signup_name_reaches_the_admin_export_neutralised(client, admin_user, city, ward):
    from tests.directory.test_signup import valid_data

    directory = add_directory(city)
    payload = '=HYPERLINK("http://x","y")'
    response = client.post(f"{directory.url}dang-ky/", valid_data(ward, name=payload, address="-2+3 Lê Lợi"))
    assert response.status_code == 302
    client.force_login(admin_user)
    rows = csv_rows(client.get(reverse("wagtailsnippets_directory_merchant:list"), {"export": "csv"}))
    assert [row[1] for row in rows[1:]] == [f"'{payload}"]
    assert "'-2+3 Lê Lợi" in rows[1]
    assert_csv_safe(rows)
