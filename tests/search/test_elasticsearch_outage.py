"""Elasticsearch down for real: ELASTICSEARCH settings pointing at a closed port (connections are
refused). Citizens still get results from the database backend, with a logged warning, and
publishing does not fail or wait on the cluster."""

import logging

import pytest
from bs4 import BeautifulSoup
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from search import outage
from search.models import Synonym
from tests.conftest import host_of
from tests.search.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed_page(city):
    # Published before Elasticsearch is configured, so the database index has it.
    return publish(city, "Đăng ký khai sinh", "Thủ tục đăng ký khai sinh.")


def test_search_page_falls_back_to_the_database(client, city, indexed_page, closed_port_elasticsearch, caplog):
    with caplog.at_level(logging.WARNING, logger="search.fallback"):
        response = client.get("/tim-kiem/", {"q": "dang ky khai sinh"}, HTTP_HOST=host_of(city))
    assert response.status_code == 200
    titles = [a.get_text() for a in BeautifulSoup(response.content, "html.parser").select(".search-result h3 a")]
    assert titles == ["Đăng ký khai sinh"]
    assert any("answering from the database backend" in record.getMessage() for record in caplog.records)
    assert outage.is_down()


def test_api_and_suggestions_fall_back_too(client, city, indexed_page, closed_port_elasticsearch):
    data = client.get("/api/search", {"q": "khai sinh"}, HTTP_HOST=host_of(city)).json()
    assert [r["title"] for r in data["results"]] == ["Đăng ký khai sinh"]
    outage.reset()  # the suggestion request meets the closed port itself
    data = client.get("/api/search", {"q": "dang k", "mode": "suggest"}, HTTP_HOST=host_of(city)).json()
    assert [r["title"] for r in data["results"]] == ["Đăng ký khai sinh"]


def test_publishing_during_an_outage_succeeds_and_updates_the_database_index(city, closed_port_elasticsearch,
                                                                            caplog):
    with caplog.at_level(logging.WARNING):
        first = publish(city, "Thông báo mất điện", "Lịch cắt điện.")
        second = publish(city, "Thông báo cắt nước", "Lịch cắt nước.")
    assert StandardPage.objects.live().filter(pk__in=[first.pk, second.pk]).count() == 2
    database = get_search_backend("database")
    assert [p.title for p in database.search("cat dien", StandardPage)] == ["Thông báo mất điện"]
    assert [p.title for p in database.search("cat nuoc", StandardPage)] == ["Thông báo cắt nước"]
    messages = [record.getMessage() for record in caplog.records]
    # The first publish met the refused connection (logged by Wagtail); the next ones skip the cluster.
    assert any("Exception raised while adding" in message for message in messages)
    assert any("Elasticsearch is down: index update" in message for message in messages)


def test_editing_synonyms_during_an_outage_does_not_fail(closed_port_elasticsearch, caplog):
    with caplog.at_level(logging.WARNING, logger="search.synonyms"):
        Synonym.objects.create(term="GPLX2", equivalents="giấy phép lái xe hạng hai")
    assert any("synonyms set" in record.getMessage() for record in caplog.records)
