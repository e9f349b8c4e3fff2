"""A real search node dying while the portal runs: its own OpenSearch node (tools/search-node, on a
port of its own) answers, is killed (SIGKILL: no goodbye) mid-run, and the search page, the API and
publishing go on from the database backend — no 500, no error shown to the citizen.

Needs Java and Maven (CI has them; the node is built by ``tools/search-node/start.sh``). Marked
``engine``: skipped outside CI without an engine configured, failed in CI."""

import logging
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from search import outage
from tests.conftest import host_of
from tests.search import engine
from tests.search.conftest import publish

pytestmark = [pytest.mark.engine, pytest.mark.django_db]
START = Path(__file__).resolve().parents[2] / "tools" / "search-node" / "start.sh"
PORT = int(os.environ.get("SEARCH_NODE_OUTAGE_PORT", "9299"))


@pytest.fixture
def own_node(tmp_path):
    """A node of this test's own, started in the background; its PID."""
    engine.require_engine()  # the engine tests are wanted here (and a node can be built)
    environment = {**os.environ, "SEARCH_NODE_PORT": str(PORT), "SEARCH_NODE_PIDFILE": str(tmp_path / "node.pid"),
                   "SEARCH_NODE_LOG": str(tmp_path / "node.log"), "SEARCH_NODE_HEAP": "256m"}
    subprocess.run([str(START), "--background"], env=environment, check=True, timeout=600)
    pid = int((tmp_path / "node.pid").read_text())
    yield pid
    subprocess.run([str(START), "--stop"], env=environment, check=False, timeout=120)


def titles_on(response):
    return [a.get_text() for a in BeautifulSoup(response.content, "html.parser").select(".search-result h3 a")]


def test_the_node_killed_mid_run_leaves_citizens_with_database_results(client, city, settings, own_node, caplog):
    publish(city, "Đăng ký khai sinh", "Thủ tục đăng ký khai sinh.")
    url = engine.configured()[1]
    settings.SEARCH_CACHE_SECONDS = 0  # every request below really searches
    settings.WAGTAILSEARCH_BACKENDS = engine.engine_backends(TIMEOUT=3, OPTIONS={"max_retries": 0})
    settings.WAGTAILSEARCH_BACKENDS["default"]["URLS"] = [f"http://127.0.0.1:{PORT}"]
    assert url  # the shared node stays untouched; this test's node is its own
    call_command("update_index", backend_name="default", stdout=open(os.devnull, "w"))
    host = host_of(city)

    assert titles_on(client.get("/tim-kiem/", {"q": "dang ky khai sinh"}, HTTP_HOST=host)) == ["Đăng ký khai sinh"]
    assert not outage.is_down()  # answered by the node

    os.kill(own_node, signal.SIGKILL)
    for _ in range(100):  # gone when its port refuses connections
        try:
            os.kill(own_node, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)

    with caplog.at_level(logging.WARNING):
        response = client.get("/tim-kiem/", {"q": "dang ky khai sinh"}, HTTP_HOST=host)
        assert response.status_code == 200
        assert titles_on(response) == ["Đăng ký khai sinh"]
        assert outage.is_down()
        data = client.get("/api/search", {"q": "khai sinh"}, HTTP_HOST=host).json()
        assert [r["title"] for r in data["results"]] == ["Đăng ký khai sinh"]
        suggestions = client.get("/api/search", {"q": "dang k", "mode": "suggest"}, HTTP_HOST=host).json()
        assert [r["title"] for r in suggestions["results"]] == ["Đăng ký khai sinh"]
        page = publish(city, "Thông báo mất điện", "Lịch cắt điện.")  # publishing does not fail either
    assert page.live
    assert [p.title for p in get_search_backend("database").search("mat dien", StandardPage)] == ["Thông báo mất điện"]
    messages = [record.getMessage() for record in caplog.records]
    assert any("answering from the database backend" in message for message in messages)
