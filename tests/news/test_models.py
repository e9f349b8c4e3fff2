"""Page rules, the unit a news page belongs to, sample marking, search fields."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.models import CityHomePage, WardHomePage
from news.models import NewsIndexPage, NewsPage, PressPage
from tests.news.conftest import make_news

pytestmark = pytest.mark.django_db


def test_page_type_rules():
    assert NewsIndexPage.parent_page_types == ["home.CityHomePage", "home.WardHomePage"]
    assert NewsPage.parent_page_types == ["news.NewsIndexPage"] and NewsPage.subpage_types == []
    assert PressPage.parent_page_types == ["news.NewsIndexPage"]
    assert NewsIndexPage.can_create_at(CityHomePage()) and NewsIndexPage.can_create_at(WardHomePage())
    assert not NewsPage.can_create_at(Page())


def test_unit_code_follows_the_ward_and_moves(city_index, ward_index, other_index, ward, other_ward, categories):
    city_item = make_news(city_index, categories["news"])
    ward_item = make_news(ward_index, categories["news"])
    assert (city_item.unit_code, ward_item.unit_code) == ("", ward.gso_code)
    ward_item.move(other_index, pos="last-child")
    assert NewsPage.objects.get(pk=ward_item.pk).unit_code == other_ward.gso_code


def test_sample_items_are_prefixed_once(ward_index, categories):
    page = make_news(ward_index, categories["news"], title="Ra quân", is_sample=True)
    page.save()
    assert NewsPage.objects.get(pk=page.pk).title == "Tin mẫu: Ra quân"


def test_events_need_a_start_and_an_end_after_it(ward_index, categories):
    from django.utils import timezone

    with pytest.raises(ValidationError) as error:
        make_news(ward_index, categories["event"])
    assert "event_start" in error.value.message_dict
    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        make_news(ward_index, categories["event"], event_start=now, event_end=now.replace(year=now.year - 1))
    assert "event_end" in error.value.message_dict


def test_summary_and_listing_image_default_from_lead_and_featured_image(ward_index, categories):
    page = make_news(ward_index, categories["news"], lead="Sáng nay, phường tổ chức ra quân.")
    assert page.summary == "Sáng nay, phường tổ chức ra quân." and page.meta_description == page.summary


def test_search_fields_cover_text_and_filters():
    names = {field.field_name for field in NewsPage.search_fields}
    assert {"title", "lead", "body", "date", "category", "unit_code", "valid_until"} <= names
