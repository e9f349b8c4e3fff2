"""The Vietnamese database backend (SQLite FTS5 or PostgreSQL, whichever DATABASE_URL selects),
through Wagtail's own API: ``.search()``, ``.autocomplete()`` on real indexed pages."""

import unicodedata

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from tests.search.conftest import paragraph, publish

# Each test runs on the database backend and on the live search engine (tests/search/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


@pytest.fixture
def pages(city):
    return {
        "khai_sinh": publish(city, "Đăng ký khai sinh", "Thủ tục cấp giấy khai sinh cho trẻ em."),
        "ket_hon": publish(city, "Đăng kí kết hôn", "Hai bên nam nữ nộp tờ khai."),
        "ca": publish(city, "Nuôi cá lồng bè", "Kỹ thuật nuôi cá biển."),
        "ca_nhac": publish(city, "Ca nhạc mùa hè", "Chương trình ca nhạc ngoài trời."),
        "ca_phe": publish(city, "Cà phê sáng", "Quán cà phê."),
        "nfd": publish(city, unicodedata.normalize("NFD", "Chứng thực bản sao"), body=paragraph("Bản sao")),
    }


def titles(results):
    return [page.title for page in results]


def search(query, operator="and", **kwargs):
    """Every word required, as the search service asks (Wagtail's engine backends default to "or")."""
    return titles(get_search_backend().search(query, StandardPage.objects.live(), operator=operator, **kwargs))


def test_backend_is_the_vietnamese_subclass():
    assert type(get_search_backend()).__module__.startswith("search.backends.")


@pytest.mark.parametrize("query", ["dang ky khai sinh", "Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH", "đang kỹ khai sinh",
                                   unicodedata.normalize("NFD", "Đăng ký khai sinh")])
def test_accented_unaccented_and_decomposed_queries_match(pages, query):
    assert search(query) == ["Đăng ký khai sinh"]


def test_decomposed_content_is_found_by_composed_and_folded_queries(pages):
    assert search("chứng thực bản sao") == [pages["nfd"].title]
    assert search("chung thuc ban sao") == [pages["nfd"].title]


def test_i_and_y_spellings_match_each_other(pages):
    assert search("đăng ký kết hôn") == ["Đăng kí kết hôn"]
    assert search("dang ki khai sinh") == ["Đăng ký khai sinh"]


def test_exact_diacritics_rank_above_folded_matches(pages):
    assert search("cá")[0] == "Nuôi cá lồng bè"
    assert search("cà")[0] == "Cà phê sáng"
    assert search("ca nhạc")[0] == "Ca nhạc mùa hè"
    assert set(search("ca")) == {"Nuôi cá lồng bè", "Ca nhạc mùa hè", "Cà phê sáng"}


def test_title_matches_rank_above_body_matches(city, pages):
    publish(city, "Thông báo lịch tiếp dân", "Không liên quan đến khai sinh.")
    assert search("khai sinh")[0] == "Đăng ký khai sinh"


def test_autocomplete_folds_too(pages):
    backend = get_search_backend()
    assert set(titles(backend.autocomplete("dang k", StandardPage))) == {"Đăng kí kết hôn", "Đăng ký khai sinh"}
    assert titles(backend.autocomplete("chứng th", StandardPage)) == [pages["nfd"].title]
    assert titles(backend.autocomplete("CHUNG TH", StandardPage)) == [pages["nfd"].title]


def test_fuzzy_search_finds_typos(pages, search_backend):
    results, corrected = get_search_backend().fuzzy_search("dang ky ket hong", StandardPage.objects.live())
    assert titles(results)[0] == "Đăng kí kết hôn"
    # The database backends correct against the index vocabulary; the engine matches within an edit distance.
    assert corrected == ("dang ky ket hon" if search_backend == "database" else None)


@pytest.mark.database_only("near-title search (trigrams on PostgreSQL); on the engine every word must be within "
                           "its edit distance, and the service's all-but-one stage finds such titles")
def test_fuzzy_search_finds_titles_when_no_word_can_be_corrected(pages):
    # "khaisinh" is no indexed word, nor near one: the near-title search (trigrams on PostgreSQL) finds it.
    results, corrected = get_search_backend().fuzzy_search("dang ky khaisinh", StandardPage.objects.live())
    assert corrected is None
    assert "Đăng ký khai sinh" in titles(results)[:2]


@pytest.mark.parametrize("query", ['"(*:)~^[]{}\\/', "' OR 1=1; --", "a & b | !c", "<script>", "%_\\", "NEAR(a b)"])
def test_query_syntax_is_never_passed_through(pages, query):
    get_search_backend().search(query, Page.objects.live()).results()
    get_search_backend().autocomplete(query, Page.objects.live()).results()


def test_unpublished_pages_leave_the_live_results(pages):
    pages["khai_sinh"].unpublish()
    assert search("khai sinh") == []


def test_search_query_count_is_bounded(pages, django_assert_max_num_queries):
    # SQLite: ranked ids, scope filter, pages. PostgreSQL: title matches, other matches, ranks, scope, pages,
    # and around the matches the index-only planner setting (savepoint, set_config, release).
    with django_assert_max_num_queries(8):
        search("dang ky")


@pytest.mark.database_only("PostgreSQL storage settings")
def test_postgres_index_rows_keep_vectors_out_of_line():
    # search/migrations/0004: common words match tens of thousands of rows; narrow rows keep that cheap.
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL storage settings")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'wagtailsearch_indexentry'")
        assert "toast_tuple_target=128" in cursor.fetchone()[0]
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'wagtailsearch_indexentry'::regclass "
            "AND attname IN ('title_text', 'body', 'body_text')"
        )
        assert dict(cursor.fetchall()) == {"title_text": "m", "body": "x", "body_text": "x"}
