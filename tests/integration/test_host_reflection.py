"""Host reflection (issue 12, finding 9): every ``*.PORTAL_DOMAIN`` host name is accepted (the ward
wildcard), so none may reach a link or a cache key. Absolute URLs come from the Site record; an unknown
host is served as the city Site and adds no cache entry."""

import json
import re
import uuid

import pytest
from django.core.cache import cache, caches
from django.test import RequestFactory
from wagtail.models import Site

from home.site_urls import site_for_request
from tests.conftest import host_of
from tests.directory.conftest import add_directory, make_merchant
from tests.news.conftest import make_index, make_news
from tests.procedures.conftest import catalogue, imported, sample_file  # noqa: F401
from tests.transparency.conftest import dashboard  # noqa: F401

pytestmark = pytest.mark.django_db
EVIL = "evil.localhost"


def get(client, path, host=EVIL):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode("utf-8-sig")


def links(text):
    return re.findall(r"https?://[^\s\"'<>,]+", text)


def assert_no_evil(text):
    assert "evil" not in text, [link for link in links(text) if "evil" in link]


def test_feeds_link_to_the_site_not_the_host(client, city, categories):
    make_news(make_index(city), categories["news"], title="Tin thành phố")
    for path in ("/tin-tuc/rss/", "/tin-tuc/atom/"):
        text = get(client, path)
        assert_no_evil(text)
        assert "http://localhost/tin-tuc/" in text  # the self link is the city Site's


def test_procedure_api_next_links_use_the_site(client, imported):  # noqa: F811
    data = json.loads(get(client, "/api/procedures/?so-luong=2"))
    assert data["next"].startswith("http://localhost/api/procedures/?")
    assert_no_evil(json.dumps(data))
    assert_no_evil(get(client, "/api/procedures.csv"))


def test_merchant_canonical_and_directory_open_data_use_the_site(client, city, ward, methods):
    directory = add_directory(city)
    shop = make_merchant(ward, "Quán Ba Cu", methods=("vietqr",))
    path = directory.relative_url(Site.objects.get(is_default_site=True))
    html = get(client, f"{path}cua-hang/{shop.pk}/")
    assert_no_evil(html)
    assert f'<link rel="canonical" href="http://localhost{path}cua-hang/{shop.pk}/">' in html
    for path in ("/du-lieu-mo/thanh-toan/cua-hang.csv", "/du-lieu-mo/thanh-toan/cua-hang.geojson",
                 "/du-lieu-mo/thanh-toan/tuyen-duong.geojson"):
        assert_no_evil(get(client, path))


def test_transparency_open_data_uses_the_site(client, dashboard):  # noqa: F811
    for path in ("/du-lieu-mo/minh-bach/chi-tieu.csv", "/du-lieu-mo/minh-bach/chi-tieu.json",
                 "/du-lieu-mo/minh-bach/so-lieu.csv"):
        text = get(client, path)
        assert_no_evil(text)
    assert "http://localhost/minh-bach/chi-tieu/cqs-01/" in get(client, "/du-lieu-mo/minh-bach/chi-tieu.csv")


def test_pages_canonical_og_url_sitemap_robots_use_the_site(client, city, ward):
    for host in (EVIL, f"evil.{host_of(ward)}"):
        html = get(client, "/", host=host)
        assert_no_evil(html)
        assert '<link rel="canonical" href="http://localhost/">' in html
        assert_no_evil(get(client, "/sitemap.xml", host=host))
        assert_no_evil(get(client, "/robots.txt", host=host))
    # The ward's own host keeps its own Site.
    assert f'<link rel="canonical" href="http://{host_of(ward)}/">' in get(client, "/", host=host_of(ward))


def test_og_image_uses_the_site(client, city):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image
    from wagtail.images import get_image_model

    from tests.factories import StandardPageFactory

    buffer = BytesIO()
    Image.new("RGB", (1300, 700), "teal").save(buffer, "PNG")
    picture = get_image_model().objects.create(title="Ảnh thử", file=ImageFile(buffer, name="anh-thu-og.png"))
    StandardPageFactory(parent=city, slug="gioi-thieu-og", listing_image=picture)
    html = get(client, "/gioi-thieu-og/")
    assert 'property="og:image" content="http://localhost/' in html
    assert_no_evil(html)


def _frame_keys():
    return sorted(key for key in cache._cache if ":portal:frame:" in key or "template.cache" in key)


def test_random_host_names_add_no_cache_entries(client, city, ward):
    """Keys are counted in the local-memory cache (the test settings' cache)."""
    assert caches["default"].__class__.__name__ == "LocMemCache"
    for path in ("/", "/sitemap.xml", "/robots.txt"):
        get(client, path, host="localhost")
        get(client, path, host=host_of(ward))
    warm = _frame_keys()
    assert warm  # the frame is cached: the count below is a real comparison
    for _ in range(25):
        host = f"zzz-{uuid.uuid4().hex[:12]}.localhost"
        for path in ("/", "/sitemap.xml", "/robots.txt"):
            get(client, path, host=host)
    assert _frame_keys() == warm
    assert len(cache._cache) == len(set(cache._cache))  # sanity


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "phuong-1.localhost", "PHUONG-1.localhost:80",
                                  "evil.localhost", "127.0.0.1", "xa-long-son.localhost:8000", "testserver"])
def test_the_cached_resolution_picks_the_site_wagtail_would(db, host):
    request = RequestFactory().get("/", HTTP_HOST=host)
    expected = Site._find_for_request(request)
    resolved = site_for_request(request)
    assert (resolved.pk if resolved else None) == (expected.pk if expected else None)


def test_the_resolution_prefers_host_and_port_then_a_unique_host(db, city, ward):
    site = Site.objects.get(root_page=ward)
    Site.objects.create(hostname=site.hostname, port=8080, root_page=city)  # the same host on another port
    for port in ("80", "8080", "9999"):
        request = RequestFactory().get("/", HTTP_HOST=f"{site.hostname}:{port}")
        expected = Site._find_for_request(request)
        assert site_for_request(request).pk == (expected.pk if expected else None)
