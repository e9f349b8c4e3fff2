"""The search page and the JSON API through the Django test client, on the city and ward hosts."""

import unicodedata

import pytest
from bs4 import BeautifulSoup

from portal.vietnamese import fold
from search.models import SearchQueryStat
from search.query import MAX_QUERY_LENGTH, MAX_QUESTION_WORDS
from tests.conftest import host_of
from tests.search.conftest import paragraph, publish

# Each test runs on the database backend and on the live search engine (tests/search/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


@pytest.fixture
def pages(city, ward):
    return {
        "khai_sinh": publish(city, "Đăng ký khai sinh", body=paragraph("Hồ sơ đăng ký khai sinh gồm tờ khai.")),
        "ward_page": publish(ward, "Lịch tiếp dân Phường 1", "Chủ tịch phường tiếp dân."),
    }


def get(client, unit, url, headers=None, **params):
    return client.get(url, params, HTTP_HOST=host_of(unit), **(headers or {}))


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_page_without_query_shows_the_form_and_examples(client, city):
    response = get(client, city, "/tim-kiem/")
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one("form[role=search] input[name=q]")
    assert html.find("meta", attrs={"name": "robots", "content": "noindex"})
    assert response["X-Robots-Tag"] == "noindex"


def test_page_shows_highlighted_results(client, city, pages):
    response = get(client, city, "/tim-kiem/", q="dang ky khai sinh")
    html = soup(response)
    assert html.select_one("[role=status]").get_text(strip=True) == "1 kết quả cho “dang ky khai sinh”"
    result = html.select_one(".search-result")
    marked = "<mark>Đăng</mark> <mark>ký</mark> <mark>khai</mark> <mark>sinh</mark>"
    assert result.select_one("h3 a").decode_contents() == marked
    assert result.select_one(".search-result__type").get_text(strip=True) == "Trang nội dung"
    assert result.select_one("time")
    assert "<mark>khai</mark> <mark>sinh</mark>" in str(result.select_one(".search-result__snippet"))
    suggestion = html.select_one(".search-notice a")
    assert suggestion.get_text() == "đăng ký khai sinh"


def test_html_in_the_query_comes_back_escaped(client, city, pages):
    response = get(client, city, "/tim-kiem/", q='<script>alert("x")</script> khai sinh')
    body = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body


def test_ward_page_has_the_scope_switch(client, ward, pages):
    response = get(client, ward, "/tim-kiem/", q="tiep dan")
    html = soup(response)
    radios = html.select("fieldset.search-scope input[name=scope]")
    assert [(r["value"], r.has_attr("checked")) for r in radios] == [("ward", True), ("city", False)]
    assert [a.get_text() for a in html.select(".search-result h3 a")] == ["Lịch tiếp dân Phường 1"]
    assert not soup(get(client, ward, "/tim-kiem/", q="khai sinh")).select(".search-result")
    wide = soup(get(client, ward, "/tim-kiem/", q="khai sinh", scope="city"))
    assert [a.get_text() for a in wide.select(".search-result h3 a")] == ["Đăng ký khai sinh"]


def test_city_page_has_no_scope_switch(client, city, pages):
    assert not soup(get(client, city, "/tim-kiem/", q="khai sinh")).select("fieldset.search-scope")


def test_facet_links_filter_and_clear(client, city, ward, pages):
    publish(city, "Lịch tiếp dân của thành phố", "Chủ tịch thành phố tiếp dân.")
    html = soup(get(client, city, "/tim-kiem/", q="lich tiep dan"))
    assert html.select(".search-facets")
    ward_link = next(a for a in html.select(".facet a") if a.get_text(strip=True).startswith("Phường 1"))
    filtered = soup(client.get("/tim-kiem/" + ward_link["href"], HTTP_HOST=host_of(city)))
    assert [a.get_text() for a in filtered.select(".search-result h3 a")] == ["Lịch tiếp dân Phường 1"]
    assert filtered.select_one(".facet a[aria-current]")


@pytest.mark.parametrize(
    "params",
    [{"q": "khai sinh", "page": "abc"}, {"q": "khai sinh", "page": "-3"}, {"q": "khai sinh", "page": "9999999"},
     {"q": "khai sinh", "type": "nope"}, {"q": "khai sinh", "ward": "<x>"}, {"q": "khai sinh", "sector": "Đ đ"},
     {"q": "khai sinh", "scope": "everything"}, {"q": ""}, {"q": "\x00"}],
)
def test_bad_parameters_still_answer_200(client, city, pages, params):
    assert get(client, city, "/tim-kiem/", **params).status_code == 200


def test_long_query_is_capped_with_a_notice(client, city, pages):
    response = get(client, city, "/tim-kiem/", q="khai sinh " * 300)
    assert response.status_code == 200
    assert "chỉ phần đầu được dùng" in response.content.decode()


LONG_QUESTION = (
    "Dạ em chào anh chị ạ, cho em hỏi là vợ chồng em mới sinh bé được hai tuần, hiện đang ở trọ gần chợ, "
    "giờ em muốn làm giấy khai sinh cho bé thì cần mang theo những giấy tờ gì, nộp ở đâu và mất bao lâu ạ? "
    "Em có thể nộp online được không hay phải lên tận nơi? Em cảm ơn nhiều ạ."
)


@pytest.mark.parametrize("typed", [LONG_QUESTION, fold(LONG_QUESTION), unicodedata.normalize("NFD", LONG_QUESTION)])
def test_a_pasted_question_gets_ranked_results_on_the_page_and_the_api(client, city, pages, typed):
    assert 250 < len(LONG_QUESTION) < 400
    for _ in range(3):  # other pages sharing the question's everyday words must not outrank the answer
        publish(city, "Thông báo lịch họp chợ", "Ban quản lý chợ họp với tiểu thương hai tuần một lần.")
    html = soup(get(client, city, "/tim-kiem/", q=typed))
    assert html.select_one(".search-result h3 a").get_text() == "Đăng ký khai sinh"
    assert "Câu hỏi dài" in html.select_one(".search-notice").get_text()
    assert not html.select(".callout--warning")  # nothing was trimmed
    response = get(client, city, "/api/search", q=typed)
    assert response.status_code == 200
    data = response.json()
    assert data["results"][0]["title"] == "Đăng ký khai sinh"
    assert data["query_trimmed"] is False
    assert {"khai", "sinh"} <= {fold(term) for term in data["searched_terms"]}
    assert len(data["searched_terms"]) <= MAX_QUESTION_WORDS
    assert not {"dạ", "em", "chào", "ạ", "cảm", "ơn"} & set(data["searched_terms"])


def test_a_question_past_the_cap_is_trimmed_with_a_note_never_refused(client, city, pages):
    question = LONG_QUESTION + " " + "Xin cảm ơn. " * 200
    assert len(question) > MAX_QUERY_LENGTH
    data = get(client, city, "/api/search", q=question).json()
    assert data["query_trimmed"] is True
    assert len(data["query"]) <= MAX_QUERY_LENGTH
    assert data["results"][0]["title"] == "Đăng ký khai sinh"
    html = soup(get(client, city, "/tim-kiem/", q=question))
    assert "chỉ phần đầu được dùng để tìm" in html.select_one(".callout--warning").get_text()


def test_length_is_measured_after_composing_decomposed_text(client, city, pages):
    decomposed = unicodedata.normalize("NFD", "Đăng ký khai sinh cho con ở phường nào ạ? " * 40)
    composed_length = len(unicodedata.normalize("NFC", decomposed).strip())
    assert len(decomposed) > MAX_QUERY_LENGTH >= composed_length
    data = get(client, city, "/api/search", q=decomposed).json()
    assert data["query_trimmed"] is False
    assert data["results"][0]["title"] == "Đăng ký khai sinh"


def test_suggestions_for_a_pasted_question_are_empty_not_an_error(client, city, pages):
    response = get(client, city, "/api/search", q=LONG_QUESTION, mode="suggest")
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_the_search_box_takes_a_whole_pasted_question(client, city):
    html = soup(get(client, city, "/tim-kiem/"))
    assert int(html.select_one("form[role=search] input[name=q]")["maxlength"]) == MAX_QUERY_LENGTH


def test_pagination_links(client, city):
    for number in range(23):
        publish(city, f"Thông báo số {number} về lịch trực")
    html = soup(get(client, city, "/tim-kiem/", q="lich truc", page="2"))
    nav = html.select_one("nav.pagination")
    assert nav.select_one("[aria-current=page]").get_text() == "2"
    assert nav.select_one("a[rel=prev]")["href"].endswith("page=1")
    assert nav.select_one("a[rel=next]")["href"].endswith("page=3")
    assert html.select_one("ol.search-result-list")["start"] == "11"


def test_english_search_page(client, city, english):
    publish(city.get_translation(english), "Birth registration", "How to register a birth.")
    response = get(client, city, "/en/search/", q="birth")
    assert response.status_code == 200
    html = soup(response)
    assert html.find("html")["lang"] == "en"
    assert [a.get_text() for a in html.select(".search-result h3 a")] == ["Birth registration"]
    assert html.select_one("form[role=search]")["action"] == "/en/search/"


def test_searches_are_counted_without_personal_data(client, city, pages):
    get(client, city, "/tim-kiem/", q="Đăng ký khai sinh", headers={"REMOTE_ADDR": "203.0.113.9"})
    get(client, city, "/tim-kiem/", q="dang ky khai sinh")
    get(client, city, "/tim-kiem/", q="cccd 079203001234")
    get(client, city, "/tim-kiem/", q="dang ky khai sinh", page="2")
    stats = {s.query: (s.searches, s.zero_result_searches) for s in SearchQueryStat.objects.all()}
    assert stats == {"dang ky khai sinh": (2, 0), "cccd #": (1, 1)}
    assert "203.0.113.9" not in str(list(SearchQueryStat.objects.values()))


# --- API ---------------------------------------------------------------------------------------


def test_api_returns_results_in_relevance_order(client, city, pages):
    response = get(client, city, "/api/search", q="dang ky khai sinh")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 1
    result = data["results"][0]
    assert set(result) >= {"title", "url", "type", "summary", "code", "ward"}
    assert (result["title"], result["type"], result["code"], result["ward"]) == (
        "Đăng ký khai sinh", "Trang nội dung", None, None)
    assert result["url"] == pages["khai_sinh"].get_full_url()


def test_api_on_a_ward_host_scopes_like_the_page(client, ward, pages):
    data = get(client, ward, "/api/search", q="tiep dan").json()
    assert [(r["title"], r["ward"]) for r in data["results"]] == [("Lịch tiếp dân Phường 1", "Phường 1")]
    assert get(client, ward, "/api/search", q="khai sinh").json()["count"] == 0
    assert get(client, ward, "/api/search", q="khai sinh", scope="city").json()["count"] == 1


def test_api_suggest_mode(client, city, pages):
    data = get(client, city, "/api/search", q="dang k", mode="suggest").json()
    assert data["results"] == [{"title": "Đăng ký khai sinh", "url": pages["khai_sinh"].get_full_url(),
                                "type": "Trang nội dung"}]


@pytest.mark.parametrize(
    ("params", "field"),
    [({}, "q"), ({"q": "   "}, "q"), ({"q": "a", "page": "0"}, "page"),
     ({"q": "a", "page": "x"}, "page"), ({"q": "a", "page_size": "500"}, "page_size"),
     ({"q": "a", "scope": "all"}, "scope"), ({"q": "a", "lang": "fr"}, "lang"), ({"q": "a", "type": "x.y"}, "type"),
     ({"q": "a", "ward": "00000"}, "ward"), ({"q": "a", "mode": "x"}, "mode")],
)
def test_api_rejects_bad_parameters_with_400(client, city, params, field):
    response = get(client, city, "/api/search", **params)
    assert response.status_code == 400
    assert response.json()["field"] == field


def test_api_english(client, city, english):
    publish(city.get_translation(english), "Birth registration", "How to register a birth.")
    data = get(client, city, "/api/search", q="birth", lang="en").json()
    assert [r["title"] for r in data["results"]] == ["Birth registration"]
    assert data["results"][0]["url"].endswith("/en/birth-registration/")


def test_search_page_query_count(client, city, pages, django_assert_max_num_queries):
    get(client, city, "/tim-kiem/", q="dang ky")  # warm, as a running server is (site root paths, frame)
    with django_assert_max_num_queries(30):
        get(client, city, "/tim-kiem/", q="dang ky khai sinh")


def test_english_page_speaks_english(client, city, english):
    publish(city.get_translation(english), "Birth registration", "How to register a birth.")
    html = soup(get(client, city, "/en/search/", q="birth"))
    assert html.select_one("[role=status]").get_text(strip=True) == "1 result for “birth”"
    assert html.select_one("form[role=search] label").get_text() == "Search procedures, news and guides"
    assert html.select_one("#facets-heading").get_text() == "Filter results"
