"""Cached search answers (search/cache.py): a repeated question costs no query, and every change that
could alter an answer (publishing, unpublishing, an indexed object, a synonym, a promotion) is seen
at once."""

import pytest
from django.core.files.base import ContentFile
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents.models import Document
from wagtail.models import Collection

from search import service
from search.models import Synonym
from tests.search.conftest import publish
from tests.search.test_service import found, request_for, scope_for

pytestmark = pytest.mark.django_db


def test_a_repeated_search_costs_no_query(city, django_assert_num_queries):
    publish(city, "Đăng ký khai sinh", "Cấp giấy khai sinh.")
    scope, request = scope_for(city), request_for(city)
    first = service.search(scope, "dang ky khai sinh", request=request)
    with django_assert_num_queries(0):
        again = service.search(scope, "dang ky khai sinh", request=request)
    assert found(again) == found(first) == ["Đăng ký khai sinh"]
    assert again.items[0].url == first.items[0].url


def test_a_repeated_suggestion_costs_no_query(city, django_assert_num_queries):
    publish(city, "Đăng ký khai sinh", "Cấp giấy khai sinh.")
    scope, request = scope_for(city), request_for(city)
    first = service.autocomplete(scope, "dang ky kh", request=request)
    with django_assert_num_queries(0):
        assert service.autocomplete(scope, "dang ky kh", request=request) == first
    assert [suggestion.title for suggestion in first] == ["Đăng ký khai sinh"]


def test_publishing_and_unpublishing_change_the_answer_at_once(city):
    scope = scope_for(city)
    first = publish(city, "Đăng ký khai sinh", "Cấp giấy khai sinh.")
    assert found(service.search(scope, "khai sinh")) == ["Đăng ký khai sinh"]
    assert len(service.autocomplete(scope, "khai si")) == 1
    publish(city, "Đăng ký khai sinh có yếu tố nước ngoài", "Khai sinh cho trẻ có cha hoặc mẹ là người nước ngoài.")
    assert len(found(service.search(scope, "khai sinh"))) == 2
    assert len(service.autocomplete(scope, "khai si")) == 2
    first.unpublish()
    assert found(service.search(scope, "khai sinh")) == ["Đăng ký khai sinh có yếu tố nước ngoài"]
    assert len(service.autocomplete(scope, "khai si")) == 1


def test_the_answer_differs_per_scope_and_language(city, ward):
    publish(ward, "Phường 1 tổ chức tiếp công dân", "Tiếp công dân.")
    publish(city, "Thành phố tiếp công dân", "Tiếp công dân.")
    assert set(found(service.search(scope_for(city), "tiep cong dan"))) == {
        "Phường 1 tổ chức tiếp công dân", "Thành phố tiếp công dân"}
    assert found(service.search(scope_for(ward), "tiep cong dan")) == ["Phường 1 tổ chức tiếp công dân"]
    assert len(found(service.search(scope_for(ward, wide=True), "tiep cong dan"))) == 2


def test_a_new_synonym_changes_the_answer_at_once(city):
    publish(city, "Cấp giấy chứng nhận quyền sử dụng đất", "Đất đai.")
    scope = scope_for(city)
    assert "Cấp giấy chứng nhận quyền sử dụng đất" not in found(service.search(scope, "bìa hồng"))
    Synonym.objects.create(term="bìa hồng", equivalents="giấy chứng nhận quyền sử dụng đất", two_way=False)
    assert found(service.search(scope, "bìa hồng"))[0] == "Cấp giấy chứng nhận quyền sử dụng đất"


def test_a_new_promotion_shows_at_once(city):
    page = publish(city, "Bộ phận một cửa", "Giờ tiếp nhận hồ sơ.")
    scope = scope_for(city)
    assert service.search(scope, "mot cua").promotions == []
    promotion = SearchPromotion.objects.create(query=Query.get("một cửa"), page=page, description="Nộp hồ sơ.")
    assert service.search(scope, "mot cua").promotions == [promotion]
    promotion.delete()
    assert service.search(scope, "mot cua").promotions == []


def test_saving_an_indexed_object_changes_the_answer_at_once(city, ward):
    from wagtail import hooks

    collection = Collection.get_first_root_node().get_children().get(name=ward.title)

    def documents():
        return {"model": Document, "queryset": lambda scope: Document.objects.all(),
                "url": lambda obj, request: obj.url, "type_label": "Tài liệu"}

    with hooks.register_temporarily("register_search_model", documents):
        scope = scope_for(ward)
        assert found(service.search(scope, "to khai tam tru")) == []
        document = Document.objects.create(title="Biểu mẫu tờ khai tạm trú", collection=collection,
                                           file=ContentFile(b"PDF", name="to-khai.pdf"))
        assert found(service.search(scope, "to khai tam tru")) == ["Biểu mẫu tờ khai tạm trú"]
        document.title = "Danh sách hộ nghèo năm 2024"
        document.save()
        assert found(service.search(scope, "to khai tam tru")) == []


def test_the_cache_can_be_turned_off(city, settings, django_assert_max_num_queries):
    settings.SEARCH_CACHE_SECONDS = 0
    publish(city, "Đăng ký khai sinh", "Cấp giấy khai sinh.")
    scope, request = scope_for(city), request_for(city)
    service.search(scope, "dang ky khai sinh", request=request)
    with django_assert_max_num_queries(30) as queries:
        service.search(scope, "dang ky khai sinh", request=request)
    assert len(queries) > 0
