"""Fixtures of the search tests: published pages (indexed by Wagtail's signals as on a real
publish), the Elasticsearch settings used by the outage tests, and the live search engine
(``live_engine``; ``search_backend`` runs a test module on the database backend and on the engine)."""

import os
import uuid

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.module_loading import import_string
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from search import outage
from tests.search import engine


def publish(parent, title, summary="", body=None, **fields):
    """Create and publish a StandardPage under ``parent`` (the publish indexes it)."""
    page = StandardPage(title=title, summary=summary, body=body or [], locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture(autouse=True)
def _vietnamese():
    """Each test starts in Vietnamese (a request to /en/ leaves English active in the thread)."""
    with translation.override("vi"):
        yield


@pytest.fixture(autouse=True)
def _elasticsearch_considered_up():
    outage.reset()
    yield
    outage.reset()


@pytest.fixture
def closed_port_elasticsearch(settings):
    """Elasticsearch configured at a closed port (a real connection refusal), database fallback."""
    from search.es_analysis import index_settings

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": ["http://127.0.0.1:9"],
            "INDEX_PREFIX": "test_outage_",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0},
            "ICU": "auto",
            "INDEX_SETTINGS": index_settings(synonyms_set="test_outage_synonyms"),
        },
        "database": {"BACKEND": "search.backends"},
    }
    return settings.WAGTAILSEARCH_BACKENDS


@pytest.fixture(scope="session")
def engine_indices():
    """One index prefix for the session's engine tests; its indices are built by the first test
    that uses the engine (``update_index``) and deleted at the end of the session."""
    state = {"prefix": f"test_{uuid.uuid4().hex[:8]}_", "built": False}
    yield state
    if state["built"]:
        params = dict(engine.engine_backends(state["prefix"])["default"])
        backend = import_string(params.pop("BACKEND")).SearchBackend(params)
        engine.drop_indices(backend)


@pytest.fixture
def live_engine(settings, db, engine_indices):
    """The default backend is the live engine (OpenSearch or Elasticsearch, tests/search/engine.py),
    with the database backend as its fallback. Its indices hold what the database holds when the
    fixture runs (the session's indices, emptied and refilled); later publishes are indexed as
    they happen. Skips (fails in CI) without a node."""
    engine.require_engine()
    settings.WAGTAILSEARCH_BACKENDS = engine.engine_backends(engine_indices["prefix"])
    if not engine_indices["built"]:
        call_command("update_index", backend_name="default", stdout=open(os.devnull, "w"))
        engine_indices["built"] = True
    backend = get_search_backend("default")
    engine.fill(backend)
    return backend


@pytest.fixture(params=["database", pytest.param("engine", marks=pytest.mark.engine)])
def search_backend(request):
    """Runs a test on the database backend and on the live engine: ``pytestmark =
    pytest.mark.usefixtures("search_backend")``. A test about database-only behaviour is marked
    ``@pytest.mark.database_only("why")`` and skipped on the engine."""
    if request.param == "engine":
        only = request.node.get_closest_marker("database_only")
        if only:
            pytest.skip(f"database backends only: {only.args[0] if only.args else ''}")
        request.getfixturevalue("live_engine")
    return request.param
