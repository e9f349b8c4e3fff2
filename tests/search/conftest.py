"""Fixtures of the search tests: published pages (indexed by Wagtail's signals as on a real
publish), and the Elasticsearch settings used by the outage tests."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from home.models import StandardPage
from search import outage


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
