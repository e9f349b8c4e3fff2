"""What content apps get by duck typing, with the real procedures app: city-wide procedures on ward
portals, code pinning, the sector facet, hidden keywords; and a registered non-page model."""

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory
from wagtail import hooks
from wagtail.documents.models import Document
from wagtail.models import Collection

from procedures.models import ProcedureIndexPage, ProcedurePage, Sector
from search import service
from search.scope import resolve_scope
from tests.conftest import host_of

# Each test runs on the database backend and on the live search engine (tests/search/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def scope_for(unit, wide=False):
    return resolve_scope(RequestFactory().get("/tim-kiem/", HTTP_HOST=host_of(unit)), wide=wide)


def titles(outcome):
    return [item.title for item in outcome.items]


@pytest.fixture
def catalogue(city):
    index = ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc-hanh-chinh")
    city.add_child(instance=index)
    civil, land = Sector.objects.create(name="Hộ tịch"), Sector.objects.create(name="Đất đai")
    pages = {}
    for code, title, sector, keywords in [
        ("1.001193", "Thủ tục đăng ký khai sinh", civil, "làm giấy khai sinh, khai sinh cho con"),
        ("2.000635", "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh", civil, ""),
        ("1.000894", "Thủ tục đăng ký kết hôn", civil, ""),
        ("1.012753", "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu", land, ""),
    ]:
        page = ProcedurePage(title=title, slug=code.replace(".", "-"), code=code, name=title, sector=sector,
                             keywords=keywords)
        index.add_child(instance=page)
        page.save_revision().publish()
        pages[code] = page
    return pages


def test_ward_portals_find_city_procedures_by_default(ward, catalogue):
    assert titles(service.search(scope_for(ward), "dang ky ket hon")) == ["Thủ tục đăng ký kết hôn"]


def test_a_procedure_code_comes_first(city, catalogue):
    outcome = service.search(scope_for(city), "khai sinh 1.000894")
    assert (outcome.items[0].title, outcome.items[0].code) == ("Thủ tục đăng ký kết hôn", "1.000894")
    suggestions = service.autocomplete(scope_for(city), "1.012753")
    assert suggestions[0].title.startswith("Đăng ký đất đai")


def test_sector_facet_and_filter(city, catalogue):
    outcome = service.search(scope_for(city), "dang ky")
    assert {(f.value, f.label, f.count) for f in outcome.facets["sector"]} == {
        ("ho-tich", "Hộ tịch", 2), ("dat-dai", "Đất đai", 1)}
    outcome = service.search(scope_for(city), "dang ky", service.Filters(sector="dat-dai"))
    assert [item.code for item in outcome.items] == ["1.012753"]
    outcome = service.search(scope_for(city), "dang ky", service.Filters(type="procedures.procedurepage"))
    assert outcome.total == 3


def test_hidden_keywords_rank_like_titles(city, catalogue):
    assert titles(service.search(scope_for(city), "lam giay khai sinh"))[0] == "Thủ tục đăng ký khai sinh"


def test_synonyms_reach_procedures(city, catalogue):
    assert titles(service.search(scope_for(city), "làm sổ đỏ"))[0].startswith("Đăng ký đất đai")


def test_a_registered_non_page_model_is_searched(ward, other_ward):
    collection = Collection.get_first_root_node().get_children().get(name=ward.title)
    document = Document.objects.create(title="Biểu mẫu tờ khai tạm trú", collection=collection,
                                       file=ContentFile(b"PDF", name="to-khai-tam-tru.pdf"))

    def documents():
        return {
            "model": Document,
            "queryset": lambda scope: Document.objects.filter(
                collection__in=Collection.objects.filter(name=scope.root.title).values("pk")
            ),
            "url": lambda obj, request: obj.url,
            "ward": lambda obj: ward.gso_code if obj.collection.name == ward.title else None,
            "type_label": "Tài liệu",
        }

    with hooks.register_temporarily("register_search_model", documents):
        outcome = service.search(scope_for(ward), "to khai tam tru")
        other = service.search(scope_for(other_ward), "to khai tam tru")
    item = outcome.items[0]
    assert (item.title, item.type_label, item.url, item.ward_title) == (
        "Biểu mẫu tờ khai tạm trú", "Tài liệu", document.url, "Phường 1")
    assert [(f.value, f.count) for f in outcome.facets["type"]] == [("wagtaildocs.document", 1)]
    assert "Biểu mẫu tờ khai tạm trú" not in titles(other)
