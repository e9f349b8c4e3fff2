"""The search pipeline on real pages: scope per portal, city-wide content, facets, filters,
promotions, synonyms, did-you-mean, fuzzy and partial stages."""

import pytest
from django.test import RequestFactory
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.models import StandardPage
from search import service
from search.models import Synonym
from search.scope import resolve_scope
from tests.conftest import host_of
from tests.search.conftest import paragraph, publish

# Each test runs on the database backend and on the live search engine (tests/search/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def request_for(page, path="/tim-kiem/"):
    return RequestFactory().get(path, HTTP_HOST=host_of(page))


def scope_for(page, wide=False, path="/tim-kiem/"):
    return resolve_scope(request_for(page, path), wide=wide)


def found(outcome):
    return [item.title for item in outcome.items]


@pytest.fixture
def content(city, ward, other_ward):
    return {
        "city_news": publish(city, "Thông báo lịch tiếp công dân của thành phố", "Lịch tiếp công dân tháng 7."),
        "ward_news": publish(ward, "Phường 1 tổ chức tiếp công dân", "Tiếp công dân định kỳ tại Phường 1."),
        "other_news": publish(other_ward, "Thắng Tam tiếp công dân", "Tiếp công dân tại Thắng Tam."),
        "guide": publish(city, "Hướng dẫn tiếp công dân trực tuyến", "Cách đăng ký tiếp công dân qua mạng."),
    }


def test_city_portal_searches_the_whole_city(city, content):
    outcome = service.search(scope_for(city), "tiep cong dan")
    assert set(found(outcome)) == {page.title for page in content.values()}


def test_ward_portal_searches_its_ward_only_by_default(ward, content):
    outcome = service.search(scope_for(ward), "tiep cong dan")
    assert found(outcome) == ["Phường 1 tổ chức tiếp công dân"]


def test_ward_portal_includes_city_wide_types(ward, content, monkeypatch):
    monkeypatch.setattr(StandardPage, "search_city_wide", True, raising=False)
    outcome = service.search(scope_for(ward), "tiep cong dan")
    # City-level pages of a city-wide type come in; another ward's pages do not.
    assert set(found(outcome)) == {
        "Phường 1 tổ chức tiếp công dân",
        "Thông báo lịch tiếp công dân của thành phố",
        "Hướng dẫn tiếp công dân trực tuyến",
    }


def test_ward_portal_scope_switch_searches_the_whole_city(ward, content):
    outcome = service.search(scope_for(ward, wide=True), "tiep cong dan")
    assert len(outcome.items) == 4


def test_english_requests_search_the_english_tree(city, content, english):
    english_city = city.get_translation(english)
    publish(english_city, "Citizen reception schedule", "Reception of citizens.")
    request = RequestFactory().get("/en/search/", HTTP_HOST=host_of(city))
    from django.utils import translation

    with translation.override("en"):
        scope = resolve_scope(request)
        outcome = service.search(scope, "citizen reception")
    assert found(outcome) == ["Citizen reception schedule"]
    assert service.search(scope_for(city), "citizen reception").total == 0


def test_facets_count_types_and_wards(city, ward, content):
    outcome = service.search(scope_for(city), "tiep cong dan")
    assert [(f.value, f.count) for f in outcome.facets["type"]] == [("home.standardpage", 4)]
    wards = {f.label: f.count for f in outcome.facets["ward"]}
    assert wards == {"Thành phố Vũng Tàu": 2, "Phường 1": 1, "Phường Thắng Tam": 1}


def test_ward_filter_and_city_filter(city, ward, content):
    outcome = service.search(scope_for(city), "tiep cong dan", service.Filters(ward=ward.gso_code))
    assert found(outcome) == ["Phường 1 tổ chức tiếp công dân"]
    outcome = service.search(scope_for(city), "tiep cong dan", service.Filters(ward="city"))
    assert set(found(outcome)) == {content["city_news"].title, content["guide"].title}


def test_sector_facet_and_filter_use_the_search_sector_attribute(city, content, monkeypatch):
    monkeypatch.setattr(StandardPage, "search_sector", property(lambda page: "Tiếp công dân" if "Hướng dẫn" in
                                                                page.title else "Tin tức"), raising=False)
    outcome = service.search(scope_for(city), "tiep cong dan")
    assert {(f.value, f.label, f.count) for f in outcome.facets["sector"]} == {
        ("tiep-cong-dan", "Tiếp công dân", 1), ("tin-tuc", "Tin tức", 3)}
    outcome = service.search(scope_for(city), "tiep cong dan", service.Filters(sector="tiep-cong-dan"))
    assert found(outcome) == ["Hướng dẫn tiếp công dân trực tuyến"]


def test_invalid_filters_are_ignored_and_reported(city, content):
    outcome = service.search(scope_for(city), "tiep cong dan", service.Filters(type="auth.user", ward="99999"))
    assert outcome.invalid_filters == ["type"]
    assert outcome.total == 4


def test_pagination_clamps_to_the_last_page(city):
    for number in range(12):
        publish(city, f"Thông báo số {number} về lịch trực")
    outcome = service.search(scope_for(city), "lich truc", page_number=99, page_size=5)
    assert (outcome.total, outcome.num_pages, outcome.page_number, len(outcome.items)) == (12, 3, 3, 2)


def test_title_match_outranks_body_mentions(city):
    publish(city, "Tin tổng hợp", body=paragraph("Nhắc lại thủ tục đăng ký khai sinh và nhiều việc khác."))
    publish(city, "Đăng ký khai sinh", "Thủ tục.")
    assert found(service.search(scope_for(city), "dang ky khai sinh"))[0] == "Đăng ký khai sinh"


def test_natural_questions_drop_question_words(city):
    publish(city, "Đăng ký kết hôn", body=paragraph("Giấy tờ phải nộp: tờ khai đăng ký kết hôn."))
    outcome = service.search(scope_for(city), "cần giấy tờ gì để đăng ký kết hôn")
    assert found(outcome) == ["Đăng ký kết hôn"]


def test_synonyms_apply(city):
    publish(city, "Cấp thẻ căn cước công dân", "Làm thẻ căn cước.")
    publish(city, "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai.")
    assert found(service.search(scope_for(city), "CCCD")) == ["Cấp thẻ căn cước công dân"]
    assert found(service.search(scope_for(city), "làm sổ đỏ")) == ["Cấp giấy chứng nhận quyền sử dụng đất lần đầu"]


def test_editing_a_synonym_applies_at_once(city):
    publish(city, "Cấp phép khai thác thủy sản", "Tàu thuyền.")
    assert service.search(scope_for(city), "giấy đánh bắt").total == 0
    Synonym.objects.create(term="giấy đánh bắt", equivalents="cấp phép khai thác thủy sản", two_way=False)
    assert found(service.search(scope_for(city), "giấy đánh bắt")) == ["Cấp phép khai thác thủy sản"]


def test_did_you_mean_restores_diacritics(city):
    publish(city, "Đăng ký khai sinh", "Thủ tục.")
    outcome = service.search(scope_for(city), "dang ky khai sinh")
    assert (outcome.stage, outcome.suggestion) == ("exact", "đăng ký khai sinh")
    assert service.search(scope_for(city), "đăng ký khai sinh").suggestion is None


def test_a_mistyped_word_among_right_ones_is_corrected(city):
    publish(city, "Đăng ký kết hôn", "Thủ tục.")
    outcome = service.search(scope_for(city), "dang ky ket hong")
    assert found(outcome)[0] == "Đăng ký kết hôn"
    assert outcome.suggestion == "đăng ký kết hôn"


def test_fuzzy_search_when_no_word_matches(city):
    publish(city, "Đăng ký khai sinh", "Thủ tục.")
    outcome = service.search(scope_for(city), "khaii sinhh")
    assert outcome.stage == "fuzzy"
    assert found(outcome) == ["Đăng ký khai sinh"]
    assert outcome.suggestion == "khai sinh"


def test_partial_matches_when_no_page_has_every_word(city):
    publish(city, "Đăng ký khai sinh", "Thủ tục.")
    outcome = service.search(scope_for(city), "khai sinh zzqqxx")
    assert outcome.stage in ("partial", "fuzzy")  # PostgreSQL's typo search finds the title first
    assert found(outcome) == ["Đăng ký khai sinh"]


def test_results_carry_type_ward_date_and_highlighted_snippet(ward):
    page = publish(ward, "Lịch tiêm chủng", body=paragraph("Tiêm chủng mở rộng cho trẻ em tại trạm y tế."))
    request = request_for(ward)
    item = service.search(scope_for(ward), "tiem chung", request=request).items[0]
    assert item.type_label == "Trang nội dung"
    assert item.ward_title == "Phường 1"
    assert item.date is not None
    assert "<mark>Tiêm</mark> <mark>chủng</mark>" in item.snippet_html
    assert item.title_html == "Lịch <mark>tiêm</mark> <mark>chủng</mark>"
    assert item.url == page.get_url(request) == f"/{page.slug}/"


def test_promotions_are_shown_only_in_their_scope(city, ward, other_ward):
    page = publish(ward, "Bộ phận một cửa Phường 1", "Giờ tiếp nhận hồ sơ.")
    promotion = SearchPromotion.objects.create(query=Query.get("một cửa"), page=page, description="Nộp hồ sơ.")
    assert service.search(scope_for(ward), "mot cua").promotions == [promotion]
    assert service.search(scope_for(city), "Một Cửa").promotions == [promotion]
    assert service.search(scope_for(other_ward), "một cửa").promotions == []
    # The promoted page is not repeated among the results.
    assert "Bộ phận một cửa Phường 1" not in found(service.search(scope_for(ward), "một cửa"))


def test_autocomplete_suggests_titles_from_folded_prefixes(city, ward):
    page = publish(ward, "Đăng ký thường trú", "Cư trú.")
    suggestions = service.autocomplete(scope_for(ward), "dang ky thu", request=request_for(ward))
    assert [(s.title, s.url) for s in suggestions] == [("Đăng ký thường trú", f"/{page.slug}/")]
    assert service.autocomplete(scope_for(ward), "d") == []


def test_search_query_count_is_bounded(city, content, django_assert_max_num_queries):
    scope = scope_for(city)
    service.search(scope, "tiep cong dan")  # warm, as a running server is (Wagtail's site root paths cache)
    with django_assert_max_num_queries(20):
        service.search(scope, "tiep cong dan")


def test_the_ward_list_of_a_scope_follows_publishing(city, other_ward):
    """The scope's wards come from the shared frame cache: an unpublished ward leaves every worker's facets."""
    assert other_ward.pk in [w.pk for w in scope_for(city).wards]
    other_ward.unpublish()
    assert other_ward.pk not in [w.pk for w in scope_for(city).wards]
