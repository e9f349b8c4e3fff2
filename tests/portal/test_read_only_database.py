"""A database that refuses writes (issue 12, finding 5): every public page still answers 200; the
side writes of a read (search statistics, the procedure view counter) are skipped; the forms that
exist to store something answer 503 with a clear Vietnamese message, never 500.

The database is made read-only for real, on the test's own connection: SQLite ``PRAGMA query_only``,
PostgreSQL ``SET TRANSACTION READ ONLY`` (the test's transaction is rolled back afterwards).
"""

from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from wagtail.models import Page, Site

from guides.models import GuideFeedback, GuidePage
from news.models import NewsIndexPage
from procedures.models import ProcedurePage, ProcedureStats
from search.models import SearchQueryStat

pytestmark = pytest.mark.django_db


@contextmanager
def read_only_database():
    """The test's connection refuses every write inside the block, and accepts them again after."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = ON")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = OFF")
        return
    # PostgreSQL: read-only for a savepoint; rolling the savepoint back makes the transaction writable again.
    savepoint = transaction.savepoint()
    with connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION READ ONLY")
    try:
        yield
    finally:
        transaction.savepoint_rollback(savepoint)


def test_the_database_really_refuses_writes(city):
    with read_only_database(), pytest.raises(DatabaseError), transaction.atomic():
        Site.objects.update(site_name="x")
    assert Site.objects.update(site_name="x")  # and takes them again afterwards


@pytest.fixture
def demo(city):
    """The small demo content of every app (what the browser tests' portal shows)."""
    call_command("bootstrap_portal", "--small", "--no-admin", stdout=StringIO())


def _url(page):
    """Path and host of a page on its own Site (ward pages on the ward host)."""
    site_id, root, path = page.get_url_parts()
    host = Site.objects.get(pk=site_id).hostname
    return host, path


def public_urls():
    """One page of every live public page type (both languages), plus the routes that are not pages."""
    urls, seen = [], set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        key = (type(page), page.locale.language_code)
        if key in seen or page.get_url_parts() is None:
            continue
        seen.add(key)
        urls.append(_url(page))
    city_host = Site.objects.get(is_default_site=True).hostname
    ward_host = Site.objects.get(root_page__slug="phuong-1", root_page__locale__language_code="vi").hostname
    news = NewsIndexPage.objects.live().filter(locale__language_code="vi").first()
    host, path = _url(news)
    urls += [(host, path + "rss/"), (host, path + "atom/")]
    procedure = ProcedurePage.objects.live().filter(locale__language_code="vi").first()
    urls += [
        (city_host, "/"),
        (ward_host, "/"),
        (city_host, "/en/"),
        (city_host, "/tim-kiem/?q=khai+sinh"),
        (city_host, "/tim-kiem/?q=dang+ky+ket+hon"),
        (ward_host, "/tim-kiem/?q=khai+sinh"),
        (city_host, "/api/search?q=khai+sinh"),
        (city_host, "/api/procedures/"),
        (city_host, "/api/procedures.csv"),
        (city_host, "/du-lieu-mo/thanh-toan/cua-hang.csv"),
        (city_host, "/sitemap.xml"),
        (ward_host, "/sitemap.xml"),
        _url(procedure),
    ]
    return urls


def test_every_public_page_answers_on_a_read_only_database(client, demo):
    urls = public_urls()
    types = {type(page).__name__ for page in Page.objects.live().specific()}
    assert {"CityHomePage", "WardHomePage", "ProcedurePage", "GuidePage", "NewsPage"} <= types
    stats_before, views_before = SearchQueryStat.objects.count(), list(ProcedureStats.objects.values_list())
    with read_only_database():
        failures = []
        for host, path in urls:
            response = client.get(path, HTTP_HOST=host)
            if response.status_code != 200:
                failures.append((host, path, response.status_code))
    assert failures == []
    assert len(urls) > 30
    assert SearchQueryStat.objects.count() == stats_before  # nothing was written
    assert list(ProcedureStats.objects.values_list()) == views_before
    # Writable again: the same reads count.
    client.get("/tim-kiem/?q=khai+sinh")
    assert SearchQueryStat.objects.count() == stats_before + 1


def test_feedback_on_a_read_only_database_is_a_clear_503(client, demo):
    guide = GuidePage.objects.live().filter(locale__language_code="vi").first()
    host, _ = _url(guide)
    with read_only_database():
        response = client.post(
            reverse("guides_feedback", args=[guide.pk]),
            {"helpful": "no", "comment": "Bước 2 khó hiểu"},
            HTTP_HOST=host,
        )
    assert response.status_code == 503
    text = response.content.decode()
    assert "Hệ thống đang bảo trì, chưa ghi nhận được góp ý của bạn" in text
    assert "Bước 2 khó hiểu" in text  # what the visitor typed is kept
    assert not GuideFeedback.objects.filter(guide=guide).exists()


def test_merchant_signup_on_a_read_only_database_is_a_clear_503(client, city, ward):
    from directory.models import Merchant
    from tests.directory.conftest import add_directory
    from tests.directory.test_signup import valid_data

    directory = add_directory(city)
    with read_only_database():
        response = client.post(f"{directory.url}dang-ky/", valid_data(ward, name="Quán Cô Ba"))
    assert response.status_code == 503
    text = response.content.decode()
    assert "Hệ thống đang bảo trì, chưa ghi nhận được đăng ký của bạn" in text
    assert "Quán Cô Ba" in text  # the form keeps what was typed
    assert not Merchant.objects.filter(name="Quán Cô Ba").exists()
