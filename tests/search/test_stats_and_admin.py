"""Query statistics (no personal data), the admin search report, and the synonyms admin."""

from datetime import date, timedelta

import pytest
from wagtail.models import Site

from search import stats
from search.models import SearchQueryStat, Synonym
from search.synonyms import active_rules, rules_from
from tests.factories import UserFactory, editor_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "logged"),
    [("Đăng Ký  Khai Sinh", "dang ky khai sinh"), ("cccd 079 203 001 234", "cccd #"), ("gọi 0912345678", "goi #"),
     ("mail a.b@example.vn giúp", "mail # giup"), ("thủ tục 1.000110", "thu tuc 1.000110"), ("   ", "")],
)
def test_loggable_query_folds_and_blanks_personal_numbers(query, logged):
    assert stats.loggable_query(query) == logged


def test_record_and_report_per_site(city, ward):
    city_site, ward_site = Site.objects.get(root_page=city), Site.objects.get(root_page=ward)
    today = date(2026, 7, 15)
    for _ in range(3):
        stats.record_search(city_site, "đăng ký khai sinh", 4, day=today)
    stats.record_search(city_site, "dang ky khai sinh", 4, day=today - timedelta(days=1))
    stats.record_search(city_site, "zzz", 0, day=today)
    stats.record_search(city_site, "old query", 0, day=today - timedelta(days=31))
    stats.record_search(ward_site, "lich tiep dan", 1, day=today)
    top, zero = stats.report(city_site, today=today)
    assert top == [{"query": "dang ky khai sinh", "total": 4, "zero": 0}, {"query": "zzz", "total": 1, "zero": 1}]
    assert zero == [{"query": "zzz", "total": 1, "zero": 1}]
    assert stats.report(ward_site, today=today)[0] == [{"query": "lich tiep dan", "total": 1, "zero": 0}]


def test_purge_removes_old_statistics(city):
    site = Site.objects.get(root_page=city)
    stats.record_search(site, "cu", 1, day=date(2024, 1, 1))
    stats.record_search(site, "moi", 1, day=date(2026, 7, 1))
    assert stats.purge(today=date(2026, 7, 2)) == 1
    assert list(SearchQueryStat.objects.values_list("query", flat=True)) == ["moi"]


def test_stat_rows_hold_no_personal_fields():
    fields = {field.name for field in SearchQueryStat._meta.get_fields()}
    assert fields == {"id", "site", "day", "query", "searches", "zero_result_searches"}


def test_rules_from_two_way_and_one_way_synonyms():
    rows = [Synonym(term="CCCD", equivalents="căn cước công dân\ncăn cước", two_way=True),
            Synonym(term="hộ khẩu", equivalents="thường trú", two_way=False)]
    assert rules_from(rows) == [
        (["cccd"], [["căn", "cước", "công", "dân"], ["căn", "cước"]]),
        (["căn", "cước", "công", "dân"], [["cccd"], ["căn", "cước"]]),
        (["căn", "cước"], [["cccd"], ["căn", "cước", "công", "dân"]]),
        (["hộ", "khẩu"], [["thường", "trú"]]),
    ]


def test_initial_synonyms_are_installed():
    terms = {rule[0][0] for rule in active_rules()}
    assert {"cccd", "sổ", "hộ"} <= terms


def test_report_is_for_admins_only(client, city):
    stats.record_search(Site.objects.get(root_page=city), "khai sinh", 2)
    client.force_login(editor_of(city))
    assert client.get("/admin/search-report/").status_code in (302, 403)
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    response = client.get("/admin/search-report/")
    assert response.status_code == 200
    assert "khai sinh" in response.content.decode()


def test_synonyms_are_edited_in_the_admin(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    response = client.post("/admin/snippets/search/synonym/add/", {
        "term": "giấy phép con", "equivalents": "giấy phép kinh doanh có điều kiện", "two_way": "on", "active": "on",
        "note": "",
    })
    assert response.status_code == 302
    synonym = Synonym.objects.get(term="giấy phép con")
    assert (["giấy", "phép", "con"], [["giấy", "phép", "kinh", "doanh", "có", "điều", "kiện"]]) in active_rules()
    assert client.get("/admin/snippets/search/synonym/").status_code == 200
    assert synonym.two_way
