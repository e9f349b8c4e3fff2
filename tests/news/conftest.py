"""Fixtures of the news tests: the four categories (data migration), news indices, news items."""

from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import NewsCategory, NewsIndexPage, NewsPage


@pytest.fixture
def categories(db):
    return {category.kind: category for category in NewsCategory.objects.all()}


def make_index(home, title="Tin tức", slug="tin-tuc"):
    index = NewsIndexPage.objects.child_of(home).first()
    if index:
        return index
    index = NewsIndexPage(title=title, slug=slug)
    home.add_child(instance=index)
    return index


@pytest.fixture
def city_index(city):
    return make_index(city)


@pytest.fixture
def ward_index(ward):
    return make_index(ward)


@pytest.fixture
def other_index(other_ward):
    return make_index(other_ward)


_counter = {"n": 0}


def make_news(index, category, title=None, publish=False, tags=(), **fields):
    """A live news item under ``index`` (``publish=True`` goes through a revision, like an editor)."""
    _counter["n"] += 1
    number = _counter["n"]
    fields.setdefault("date", timezone.now() - timedelta(minutes=number))
    fields.setdefault("slug", f"tin-thu-{number}")
    page = NewsPage(title=title or f"Tin thử {number}", category=category, **fields)
    index.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
        page.save()
    if publish:
        page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def notice(index, category, valid_from, valid_until=None, **fields):
    return make_news(index, category, valid_from=valid_from, valid_until=valid_until, **fields)
