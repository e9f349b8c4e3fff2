"""A cache that hangs or is gone (issue 12, finding 4): public pages still answer 200, quickly.

Real sockets, no mocks: a listener on 127.0.0.1 that accepts connections and never answers (what
made a request hang for more than 40 s), and a closed port. ``CACHE_URL`` is pointed at each through
the same ``redis_cache`` entry the settings build; every page is fetched uncached and timed.
"""

import socket
import threading
import time

import pytest
from django.core.cache import cache, caches
from django.test import override_settings

from portal import cache as portal_cache
from portal.settings.base import redis_cache
from procedures.models import ProcedurePage
from procedures.structure import ensure_catalogue
from tests.procedures.conftest import SAMPLE_CODES, write_jsonl

pytestmark = pytest.mark.django_db
LIMIT_SECONDS = 2.0


class SilentServer:
    """Accepts TCP connections and never sends a byte."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.port = self.socket.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.held.append(connection)

    def close(self):
        self.socket.close()
        for connection in self.held:
            connection.close()


def closed_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there any more
    return port


@pytest.fixture(params=["hanging", "closed"])
def broken_cache_url(request):
    """``(kind, url, server)``: a Redis URL that hangs (``server`` counts its connections) or refuses."""
    server = SilentServer() if request.param == "hanging" else None
    port = server.port if server else closed_port()
    portal_cache.reset_breakers()
    yield request.param, f"redis://127.0.0.1:{port}/0", server
    portal_cache.reset_breakers()
    if server:
        server.close()


@pytest.fixture
def content(city, ward, tmp_path):
    from procedures.importer import run_import
    from procedures.structure import ensure_ward_pages

    catalogue = ensure_catalogue(city, english=False)
    run_import([write_jsonl(tmp_path, SAMPLE_CODES)], index_page=catalogue)
    ensure_ward_pages([ward])
    return ProcedurePage.objects.live().get(code="1.001193")


def page_urls(procedure, ward):
    return [
        ("localhost", "/"),
        ("localhost", f"/{ward.slug}/"),
        ("localhost", procedure.get_url_parts()[2]),
        ("localhost", "/thu-tuc-hanh-chinh/"),
        ("localhost", "/tim-kiem/?q=khai+sinh"),
        ("localhost", "/api/search?q=ket+hon"),
    ]


def timed_get(client, host, path):
    started = time.monotonic()
    response = client.get(path, HTTP_HOST=host)
    return response.status_code, time.monotonic() - started


def test_public_pages_answer_quickly_with_a_broken_cache(client, content, ward, broken_cache_url):
    kind, url, server = broken_cache_url
    urls = page_urls(content, ward)
    for host, path in urls:  # a warm process (templates compiled, modules imported), as in production
        assert client.get(path, HTTP_HOST=host).status_code == 200
    cache.clear()
    results = []
    with override_settings(CACHES={"default": redis_cache(url)}):
        assert isinstance(caches["default"], portal_cache.BreakerRedisCache)
        assert cache.get("anything", "missed") == "missed"  # the cache is really unreachable
        for host, path in urls:
            portal_cache.reset_breakers()  # each page pays the first failed call itself, as if alone
            connections = len(server.held) if server else 0
            status, seconds = timed_get(client, host, path)
            attempts = len(server.held) - connections if server else None
            results.append((path, status, round(seconds, 2), attempts))
    print(kind, results)
    assert [status for _, status, _, _ in results] == [200] * len(results), results
    assert max(seconds for _, _, seconds, _ in results) < LIMIT_SECONDS, results
    if server and portal_cache.breaker_seconds() > 0:
        # The breaker: one attempt to reach the hung cache per page, not one per cache call.
        assert all(attempts <= 1 for _, _, _, attempts in results), results
