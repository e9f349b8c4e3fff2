"""Session-wide test fixtures.

The test database gets the real portal structure once per session, built by the same code as
``bootstrap_portal`` (city, 17 wards, sites, groups, collections, workflows, English tree). Each
test then runs in a transaction that is rolled back, so tests may change anything.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.models import CityHomePage, WardHomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("bootstrap_portal", "--no-demo", "--no-admin", stdout=StringIO())


@pytest.fixture
def city(db):
    return CityHomePage.objects.get(locale__language_code="vi")


@pytest.fixture
def wards(db):
    return list(WardHomePage.objects.filter(locale__language_code="vi").order_by("path"))


@pytest.fixture
def ward(wards):
    """Phường 1."""
    return next(w for w in wards if w.slug == "phuong-1")


@pytest.fixture
def other_ward(wards):
    """Phường Thắng Tam."""
    return next(w for w in wards if w.slug == "phuong-thang-tam")


def host_of(page):
    """The host name of the Site whose root is ``page`` (a ward or the city)."""
    return Site.objects.get(root_page=page).hostname


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty cache (cached frames, rate limits): the DB rolls back, so must it."""
    from django.core.cache import cache

    cache.clear()
