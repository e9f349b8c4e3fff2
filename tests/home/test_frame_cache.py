"""The cached frame (site, unit, header, breadcrumbs, footer) never serves stale navigation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.conftest import host_of
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_newly_published_menu_page_appears_in_every_cached_header(client, ward):
    StandardPageFactory(parent=ward, slug="gioi-thieu", title="Giới thiệu")
    host = host_of(ward)
    assert "Liên hệ" not in client.get("/gioi-thieu/", HTTP_HOST=host).content.decode()  # header now cached

    contact = StandardPageFactory(parent=ward, slug="lien-he", title="Liên hệ", live=False, show_in_menus=True)
    contact.save_revision().publish()
    assert '<a href="/lien-he/">Liên hệ</a>' in client.get("/gioi-thieu/", HTTP_HOST=host).content.decode()

    contact.refresh_from_db()
    contact.unpublish()
    assert "/lien-he/" not in client.get("/gioi-thieu/", HTTP_HOST=host).content.decode()


def test_edited_contact_block_shows_after_publishing(client, ward):
    host = host_of(ward)
    client.get("/", HTTP_HOST=host)
    ward.phone = "0254 3 000 000"
    ward.save_revision().publish()
    assert "0254 3 000 000" in client.get("/", HTTP_HOST=host).content.decode()


def test_warm_frame_costs_only_routing_queries(client, ward):
    StandardPageFactory(parent=ward, slug="gioi-thieu")
    host = host_of(ward)
    client.get("/gioi-thieu/", HTTP_HOST=host)
    with CaptureQueriesContext(connection) as cold_free:
        client.get("/gioi-thieu/", HTTP_HOST=host)
    tables = " ".join(query["sql"] for query in cold_free.captured_queries)
    assert "wagtailcore_site" not in tables  # the Site comes from the cache
    assert len(cold_free) <= 7, [q["sql"][:80] for q in cold_free.captured_queries]


def test_host_names_outside_allowed_hosts_are_refused_before_anything_is_cached(client, settings):
    from django.core.cache import cache

    from home.frame import frame_key

    settings.ALLOWED_HOSTS = ["localhost", ".localhost"]
    city_site = Site.objects.get(is_default_site=True)
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    assert cache.get(frame_key("site", [city_site.pk])) is None  # the Site is cached per Site, not per host
    assert client.get("/", HTTP_HOST="localhost").status_code == 200
    assert cache.get(frame_key("site", [city_site.pk])) is not None
