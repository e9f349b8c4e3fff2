"""Against a live Elasticsearch 9 cluster: run with ELASTICSEARCH_URL set (skipped otherwise).

Builds a throw-away index (prefix ``test_<random>_``), indexes real pages and checks folding,
exact-diacritic ranking, autocomplete folding, synonyms and the page on top of it."""

import os
import uuid

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from search.es_analysis import index_settings
from tests.conftest import host_of
from tests.search.conftest import publish

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not ELASTICSEARCH_URL, reason="needs a live Elasticsearch cluster: set ELASTICSEARCH_URL"),
]


@pytest.fixture
def live_elasticsearch(settings, city):
    prefix = f"test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 10,
            "ICU": "auto",
            "INDEX_SETTINGS": index_settings(synonyms_set=f"{prefix}synonyms"),
        },
        "database": {"BACKEND": "search.backends"},
    }
    pages = {
        "khai_sinh": publish(city, "Đăng ký khai sinh", "Thủ tục cấp giấy khai sinh."),
        "ca": publish(city, "Nuôi cá lồng bè", "Kỹ thuật nuôi cá."),
        "ca_nhac": publish(city, "Ca nhạc mùa hè", "Ca nhạc ngoài trời."),
        "cccd": publish(city, "Cấp thẻ căn cước công dân", "Làm thẻ căn cước."),
    }
    call_command("update_index", backend_name="default", stdout=open(os.devnull, "w"))
    backend = get_search_backend("default")
    yield backend, pages
    for index in backend.all_indexes():
        index.delete()
    backend.es.synonyms.delete_synonym(id=backend.synonyms_set)


def titles(results):
    return [page.title for page in results]


def test_live_search_folds_and_ranks_exact_diacritics_first(live_elasticsearch):
    backend, _ = live_elasticsearch
    assert titles(backend.search("dang ky khai sinh", StandardPage)) == ["Đăng ký khai sinh"]
    assert titles(backend.search("ĐĂNG KÍ KHAI SINH", StandardPage)) == ["Đăng ký khai sinh"]
    assert titles(backend.search("cá", StandardPage))[0] == "Nuôi cá lồng bè"


def test_live_autocomplete_folds_on_the_query_side(live_elasticsearch):
    backend, _ = live_elasticsearch
    assert titles(backend.autocomplete("dang k", StandardPage)) == ["Đăng ký khai sinh"]


def test_live_synonyms(live_elasticsearch):
    backend, _ = live_elasticsearch
    assert titles(backend.search("CCCD", StandardPage)) == ["Cấp thẻ căn cước công dân"]


def test_live_search_page(client, city, live_elasticsearch):
    response = client.get("/tim-kiem/", {"q": "dang ky khai sinh"}, HTTP_HOST=host_of(city))
    assert response.status_code == 200
    assert "<mark>Đăng</mark> <mark>ký</mark> <mark>khai</mark> <mark>sinh</mark>" in response.content.decode()
