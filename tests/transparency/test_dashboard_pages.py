"""The dashboard, the indicator permalinks and their accessible SVG charts."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from home.translation import translate_page
from tests.transparency.conftest import add_figure
from transparency.bootstrap import ENGLISH
from transparency.charts import trend_chart
from transparency.figures import Figure
from transparency.models import OpenDataPage, TransparencyPage
from transparency.periods import Period

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost")


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card(page, code):
    return page.find("li", id=code.lower())


def test_every_indicator_is_on_the_dashboard_in_its_group(client, dashboard):
    page = soup(client.get("/minh-bach/"))
    groups = page.select("section.indicator-group")
    assert [g.h2.get_text(strip=True) for g in groups] == [
        "Phát triển chính quyền số",
        "Phát triển kinh tế số",
        "Phát triển xã hội số",
        "An toàn, an ninh mạng",
        "Phát triển đô thị thông minh",
    ]
    assert len(page.select("li.indicator-card")) == 42
    cqs12 = card(page, "CQS-12")
    assert "Đạt 17/17 phường, xã" in cqs12.get_text(" ", strip=True)
    assert cqs12.select_one(".status").get_text(strip=True) == "Chưa có số liệu"
    assert "Duy trì 85%" in card(page, "XHS-06").get_text(" ", strip=True)
    assert "Duy trì trên 90%" in card(page, "XHS-09").get_text(" ", strip=True)
    assert page.select_one("#ket-qua-2023").get_text(" ", strip=True).count("98,27% (23.391/23.802)") == 1
    assert not page.select(".sample-notice")


def test_status_progress_and_latest_value_follow_the_figures(client, dashboard, plan):
    add_figure(plan["XHS-06"], "2024-05", 85)  # maintain 85%: met at 85
    add_figure(plan["XHS-09"], "2024-05", 90)  # stay above 90%: not met at 90
    add_figure(plan["CQS-03"], "2024-04", 30)
    add_figure(plan["CQS-03"], "2024-06", 45)  # expectation on 9/6: 85 × 182/365 ≈ 42.4 → on track
    page = soup(client.get("/minh-bach/"))
    assert card(page, "XHS-06").select_one(".status").get_text(strip=True) == "Đạt"
    assert card(page, "XHS-09").select_one(".status").get_text(strip=True) == "Chưa đạt"
    cqs03 = card(page, "CQS-03")
    assert cqs03.select_one(".status").get_text(strip=True) == "Đúng tiến độ"
    assert "45% (kỳ tháng 6/2024)" in cqs03.get_text(" ", strip=True)
    assert "53% chỉ tiêu" in cqs03.get_text(" ", strip=True)  # 45 / 85
    counts = {li["class"][1].rsplit("--", 1)[1]: li.span.get_text() for li in page.select(".status-counts__item")}
    assert counts == {"met": "1", "on_track": "1", "not_met": "1", "no_data": "39"}


def test_per_ward_figures_make_the_city_figure_and_the_ward_table(client, dashboard, plan, wards):
    for ward in wards[:9]:
        add_figure(plan["CQS-12"], "2024-06", 1, ward=ward)
    add_figure(plan["XHS-15"], "2024-06", 2, ward=wards[0], is_sample=True)
    page = soup(client.get("/minh-bach/"))
    cqs12 = card(page, "CQS-12")
    assert "9/17 (kỳ tháng 6/2024)" in cqs12.get_text(" ", strip=True)
    assert cqs12.select_one(".status").get_text(strip=True) == "Đúng tiến độ"  # 9 ≥ 17 × 182/365
    table = page.select_one("#ward-table")
    headers = [th.abbr.get_text() for th in table.thead.select("th") if th.abbr]
    assert headers == ["CQS-12", "XHS-03", "XHS-15", "ATTT-02"]
    rows = {
        tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in table.tbody.select("tr")
    }
    assert len(rows) == 17
    assert rows[wards[0].title][0] == "Có (6/2024)"
    assert rows[wards[0].title][2] == "2 (6/2024) mẫu"
    assert rows[wards[16].title] == ["—", "—", "—", "—"]
    assert page.select(".sample-notice")  # a sample figure is shown: the page says so


def test_the_chart_shows_each_value_and_the_table_matches(client, dashboard, plan):
    values = {"2024-03": "40", "2024-05": "52.5", "2024-08": "71.25"}
    for period, value in values.items():
        add_figure(plan["CQS-03"], period, value)
    chart = card(soup(client.get("/minh-bach/")), "CQS-03").select_one("figure.trend-chart")
    svg = chart.svg
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == "CQS-03: số liệu theo kỳ báo cáo năm 2024"
    assert "Chỉ tiêu: Đạt 85%" in svg.find("desc", id=desc_id).get_text()
    point_titles = [circle.title.get_text() for circle in svg.select("circle")]
    # Expectations of the linear line (85 × days since 10/12/2023 / 365): 9/3 → 21.0, 9/5 → 35.2, 9/8 → 56.6.
    assert point_titles == [
        "kỳ tháng 3/2024: 40% – Đúng tiến độ",
        "kỳ tháng 5/2024: 52,5% – Đúng tiến độ",
        "kỳ tháng 8/2024: 71,25% – Đúng tiến độ",
    ]
    rows = [[cell.get_text(strip=True) for cell in tr.select("th, td")] for tr in chart.table.tbody.select("tr")]
    assert [(r[0], r[1], r[2]) for r in rows] == [tuple(t.replace(":", " –").split(" – ")) for t in point_titles]
    assert [r[1] for r in rows] == ["40%", "52,5%", "71,25%"]


def test_chart_geometry_places_values_on_the_unit_scale(plan):
    indicator = plan["CQS-01"]
    series = {
        Period(2024, 1): Figure(indicator.pk, Period(2024, 1), None, Decimal(0)),
        Period(2024, 12): Figure(indicator.pk, Period(2024, 12), None, Decimal(100)),
    }
    chart = trend_chart("c", indicator, series)
    first, last = chart.points
    assert (float(first.x), float(first.y)) == (chart.left, chart.bottom)
    assert (float(last.x), float(last.y)) == (chart.right, chart.top)
    assert chart.target_y == f"{chart.top:.1f}"
    assert chart.rows[0][:2] == ("kỳ tháng 1/2024", "0%")
    assert trend_chart("c", indicator, {Period(2023, 5): series[Period(2024, 1)]}) is None  # outside the year


def test_the_dashboard_stays_within_15_queries(client, dashboard, plan, wards, django_assert_max_num_queries):
    translate_page(dashboard, "en", ENGLISH)  # as built: the language switcher finds the translation
    for ward in wards:
        add_figure(plan["CQS-12"], "2024-06", 1, ward=ward)
    add_figure(plan["CQS-01"], "2024-06", 70)
    client.get("/minh-bach/")  # fills the dashboard cache
    with django_assert_max_num_queries(15):
        response = client.get("/minh-bach/")
    assert "17/17 (kỳ tháng 6/2024)" in card(soup(response), "CQS-12").get_text(" ", strip=True)


def test_new_figures_show_up_at_once(client, dashboard, plan):
    client.get("/minh-bach/")
    add_figure(plan["CQS-01"], "2024-06", 70)
    assert "70% (kỳ tháng 6/2024)" in card(soup(client.get("/minh-bach/")), "CQS-01").get_text(" ", strip=True)


def test_the_indicator_page_has_history_sources_and_ward_figures(client, dashboard, plan, wards):
    indicator = plan["CQS-12"]
    add_figure(indicator, "2024-04", 1, ward=wards[0], source="Báo cáo tháng 4 của UBND phường")
    add_figure(indicator, "2024-06", 1, ward=wards[1])
    page = soup(client.get("/minh-bach/chi-tieu/cqs-12/"))
    assert page.h1.get_text(" ", strip=True).startswith("CQS-12 Phường, xã được triển khai")
    history = [
        [c.get_text(" ", strip=True) for c in tr.select("th, td")] for tr in page.select(".history-table tbody tr")
    ]
    assert [row[0].split(" 10/")[0] for row in history] == ["kỳ tháng 6/2024", "kỳ tháng 4/2024"]
    assert history[0][1] == "2/17" and history[1][1] == "1/17"
    assert "Tính từ số liệu 2/17 phường, xã (1 nộp trong kỳ)" in history[0][3]
    ward_rows = {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in page.select(".ward-table tbody tr")}
    assert ward_rows[wards[0].title] == "Có" and ward_rows[wards[2].title] == "—"
    assert "Báo cáo tháng 4 của UBND phường" in page.select_one(".ward-history").get_text()
    assert client.get("/minh-bach/chi-tieu/CQS-12/").status_code == 200  # case-insensitive permalink
    assert client.get("/minh-bach/chi-tieu/khong-co/").status_code == 404


def test_an_indicator_page_cites_its_source_link(client, dashboard, plan):
    add_figure(
        plan["CQS-08"],
        "2024-05",
        "46.15",
        numerator=600,
        denominator=1300,
        source="Hệ thống một cửa",
        source_url="https://dichvucong.example/bao-cao",
        notes="Số liệu chốt ngày 9/5",
    )
    page = soup(client.get("/minh-bach/chi-tieu/cqs-08/"))
    row = page.select_one(".history-table tbody tr")
    assert row.a["href"] == "https://dichvucong.example/bao-cao"
    assert "(600/1300)" in row.get_text(" ", strip=True) and "Số liệu chốt ngày 9/5" in row.get_text()


def test_the_demo_in_english_and_on_the_home_pages(client, demo, ward, plan):
    """Both on one demo build (pages, translations, sample figures)."""
    page = soup(client.get("/en/minh-bach/"))
    assert page.html["lang"] == "en"
    assert page.select_one("#summary-heading").get_text() == "Overview"  # the interface is translated too
    assert "Eligible administrative procedures offered as end-to-end online public services" in page.get_text()
    assert [g.h2.get_text(strip=True) for g in page.select("section.indicator-group")][0] == "Digital government"
    statuses = {s.get_text(strip=True) for s in page.select(".indicator-card .status")}
    assert statuses <= {"Met", "On track", "Not met", "No data"} and "No data" in statuses
    # DTTM-01 (due 30/6/2024): the small demo's latest figure is 0 in period 6/2024 (ends 9/6): on track.
    dttm01 = soup(client.get("/en/minh-bach/chi-tieu/dttm-01/"))
    assert dttm01.select_one(".status").get_text(strip=True) == "On track"

    def no_data_count():
        section = soup(client.get("/")).select_one(".transparency-section")
        assert "Xem 42 chỉ tiêu" in section.get_text()
        return int(section.select_one(".status-counts__item--no_data .status-counts__number").get_text())

    before = no_data_count()
    add_figure(plan["CQS-02"], "2024-06", 100)  # the cached section follows new figures at once
    assert no_data_count() == before - 1
    ward_home = soup(Client(HTTP_HOST=f"{ward.slug}.localhost").get("/"))
    rows = ward_home.select(".transparency-section tbody tr")
    assert [tr.th.a["href"].rsplit("/", 2)[1] for tr in rows] == ["cqs-12", "xhs-03", "xhs-15", "attt-02"]
    assert all(tr.th.a["href"].startswith("http://localhost/minh-bach/chi-tieu/") for tr in rows)


def test_page_types_declare_their_parents():
    assert TransparencyPage.parent_page_types == ["home.CityHomePage"]
    assert OpenDataPage.parent_page_types == ["transparency.TransparencyPage"]


def test_the_sitemap_lists_every_indicator_permalink(client, dashboard):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))
    assert "http://localhost/minh-bach/" in locations
    permalinks = {loc for loc in locations if "/minh-bach/chi-tieu/" in loc}
    assert len(permalinks) == 42 and "http://localhost/minh-bach/chi-tieu/xhs-15/" in permalinks
