"""The guide index: topic and audience filters, unknown filters as 404, noindex on filtered views."""

import pytest
from bs4 import BeautifulSoup

from guides.models import GuideTopic
from tests.guides.conftest import path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(make_guide, topic, other_topic):
    return {
        "vneid": make_guide("Kích hoạt VNeID", topics=[topic], audiences=["nguoi-cao-tuoi"]),
        "qr": make_guide("Trả tiền bằng mã QR", topics=[other_topic], audiences=["ho-kinh-doanh"]),
        "bills": make_guide("Trả tiền điện", topics=[other_topic], audiences=["nguoi-cao-tuoi"]),
        "draft": make_guide("Bản nháp", topics=[other_topic], publish=False),
    }


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".guide-card__title")]


def test_lists_live_guides_alphabetically(client, guide_index, guides):
    response = client.get(path_of(guide_index))
    assert response.status_code == 200
    assert titles(response) == ["Kích hoạt VNeID", "Trả tiền bằng mã QR", "Trả tiền điện"]
    assert b'name="robots" content="noindex"' not in response.content


def test_filters_by_topic(client, guide_index, guides, other_topic):
    response = client.get(path_of(guide_index), {"topic": other_topic.slug})
    assert titles(response) == ["Trả tiền bằng mã QR", "Trả tiền điện"]
    assert b'name="robots" content="noindex"' in response.content


def test_filters_by_audience_and_by_both(client, guide_index, guides, other_topic):
    assert titles(client.get(path_of(guide_index), {"audience": "nguoi-cao-tuoi"})) == [
        "Kích hoạt VNeID",
        "Trả tiền điện",
    ]
    both = client.get(path_of(guide_index), {"audience": "nguoi-cao-tuoi", "topic": other_topic.slug})
    assert titles(both) == ["Trả tiền điện"]


def test_topic_list_counts_only_live_guides_and_hides_empty_topics(client, guide_index, guides):
    soup = BeautifulSoup(client.get(path_of(guide_index)).content, "html.parser")
    topic_links = [a.get_text(" ", strip=True) for a in soup.select(".guide-filters .filter-list")[0].select("a")]
    assert topic_links == [
        "Tất cả chủ đề",
        "Định danh điện tử VNeID (1)",
        "Thanh toán không dùng tiền mặt (2)",
    ]


def test_a_topic_with_no_guide_shows_the_empty_state(client, guide_index, guides):
    response = client.get(path_of(guide_index), {"topic": "y-te-so"})
    assert response.status_code == 200
    assert "Chưa có hướng dẫn nào cho lựa chọn này." in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"topic": "khong-co"}, {"audience": "khong-co"}, {"topic": ["y-te-so", "chu-ky-so"]}, {"topic": "<script>"}],
)
def test_unknown_or_repeated_filters_are_404(client, guide_index, guides, params):
    assert client.get(path_of(guide_index), params).status_code == 404


def test_empty_filter_means_no_filter(client, guide_index, guides):
    assert len(titles(client.get(path_of(guide_index), {"topic": ""}))) == 3


def test_an_editor_renamed_topic_filters_under_its_new_slug(client, guide_index, guides, topic):
    GuideTopic.objects.filter(pk=topic.pk).update(slug="vneid")
    assert titles(client.get(path_of(guide_index), {"topic": "vneid"})) == ["Kích hoạt VNeID"]
    assert client.get(path_of(guide_index), {"topic": "dinh-danh-dien-tu-vneid"}).status_code == 404


def test_index_query_count_does_not_grow(client, guide_index, guides, make_guide, django_assert_max_num_queries):
    for number in range(6):
        make_guide(f"Hướng dẫn thêm {number}")
    url = path_of(guide_index)
    client.get(url)  # warm the site-root cache, as in production
    with django_assert_max_num_queries(22):
        response = client.get(url)
    assert len(titles(response)) == 9
