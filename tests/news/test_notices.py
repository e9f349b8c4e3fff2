"""Notices: validity at the boundary (Asia/Ho_Chi_Minh), automatic expiry, urgent banner scoping."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from news import notices
from news.models import NewsPage
from tests.conftest import host_of
from tests.news.conftest import make_news, notice

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_settings_use_the_vietnamese_time_zone():
    assert str(timezone.get_current_timezone()) == "Asia/Ho_Chi_Minh"


def test_notice_state_at_the_boundary_in_vietnamese_time():
    # Valid until midnight of 1 June 2024 in Vũng Tàu, i.e. 31 May 17:00 UTC.
    valid_from = datetime(2024, 5, 1, 0, 0, tzinfo=VN)
    valid_until = datetime(2024, 6, 1, 0, 0, tzinfo=VN)
    just_before = datetime(2024, 5, 31, 16, 59, 59, tzinfo=ZoneInfo("UTC"))
    at_boundary = datetime(2024, 5, 31, 17, 0, 0, tzinfo=ZoneInfo("UTC"))
    assert notices.notice_state(valid_from, valid_until, just_before) == "current"
    assert notices.notice_state(valid_from, valid_until, at_boundary) == "expired"
    assert notices.notice_state(valid_from, valid_until, valid_from - timedelta(seconds=1)) == "upcoming"
    assert notices.notice_state(valid_from, None, at_boundary + timedelta(days=999)) == "current"
    assert notices.notice_state(None, None, at_boundary) is None


def test_current_filter_in_the_database_agrees_at_the_boundary(ward_index, categories):
    valid_until = datetime(2024, 6, 1, 0, 0, tzinfo=VN)
    page = notice(ward_index, categories["notice"], datetime(2024, 5, 1, tzinfo=VN), valid_until)
    current = NewsPage.objects.filter(pk=page.pk)
    assert current.filter(notices.current_q(valid_until - timedelta(microseconds=1))).exists()
    assert not current.filter(notices.current_q(valid_until)).exists()
    assert current.filter(notices.expired_q(valid_until)).exists()


def test_valid_until_before_valid_from_cannot_be_saved(ward_index, categories):
    page = NewsPage(
        title="Thông báo sai thời hạn",
        slug="sai-thoi-han",
        category=categories["notice"],
        valid_from=datetime(2024, 5, 2, tzinfo=VN),
        valid_until=datetime(2024, 5, 1, tzinfo=VN),
    )
    with pytest.raises(ValidationError) as error:
        ward_index.add_child(instance=page)  # Wagtail validates on every save
    assert "Thời điểm hết hiệu lực phải sau thời điểm bắt đầu hiệu lực." in error.value.message_dict["valid_until"]


def test_a_notice_without_start_starts_at_its_date(ward_index, categories):
    date = datetime(2024, 5, 2, 8, tzinfo=VN)
    page = NewsPage(title="Thông báo", slug="tb", category=categories["notice"], date=date)
    ward_index.add_child(instance=page)
    assert NewsPage.objects.get(pk=page.pk).valid_from == date


def test_urgent_needs_a_validity_period(ward_index, categories):
    page = NewsPage(title="Khẩn", slug="khan", category=categories["news"], is_urgent=True)
    with pytest.raises(ValidationError) as error:
        ward_index.add_child(instance=page)
    assert "is_urgent" in error.value.message_dict


def _banner(client, host, path="/"):
    html = client.get(path, HTTP_HOST=host).content.decode()
    start = html.find('class="urgent-banners"')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def test_urgent_banner_scoping(client, city, ward, other_ward, city_index, ward_index, other_index, categories):
    now = timezone.now()
    cat = categories["notice"]
    notice(ward_index, cat, now - timedelta(hours=1), now + timedelta(days=1), is_urgent=True, title="Khẩn phường 1")
    notice(other_index, cat, now - timedelta(hours=1), None, is_urgent=True, title="Khẩn Thắng Tam")
    notice(city_index, cat, now - timedelta(hours=1), now + timedelta(days=1), is_urgent=True, title="Khẩn thành phố")
    notice(ward_index, cat, now - timedelta(days=2), now - timedelta(seconds=1), is_urgent=True, title="Khẩn đã hết")
    notice(ward_index, cat, now + timedelta(hours=1), None, is_urgent=True, title="Khẩn sắp tới")
    notice(ward_index, cat, now - timedelta(hours=1), None, title="Thông báo thường")

    ward_banner = _banner(client, host_of(ward))
    assert "Khẩn phường 1" in ward_banner and "Khẩn thành phố" in ward_banner
    assert "Khẩn Thắng Tam" not in ward_banner
    assert "Khẩn đã hết" not in ward_banner and "Khẩn sắp tới" not in ward_banner
    assert "Thông báo thường" not in ward_banner

    city_banner = _banner(client, host_of(city))
    assert "Khẩn thành phố" in city_banner
    assert "Khẩn phường 1" not in city_banner and "Khẩn Thắng Tam" not in city_banner

    # On a ward page deeper in the tree (the ward's news index), read through the city's path too.
    assert "Khẩn phường 1" in _banner(client, host_of(ward), "/tin-tuc/")
    assert "Khẩn phường 1" in _banner(client, host_of(city), "/phuong-1/tin-tuc/")
    assert "Khẩn phường 1" not in _banner(client, host_of(city), "/phuong-thang-tam/")


def test_urgent_notices_cost_at_most_two_queries(
    django_assert_max_num_queries, ward, city_index, ward_index, categories
):
    now = timezone.now()
    notice(ward_index, categories["notice"], now - timedelta(hours=1), is_urgent=True)
    notice(city_index, categories["notice"], now - timedelta(hours=1), is_urgent=True)
    with django_assert_max_num_queries(1):
        assert len(notices.urgent_notices(ward.gso_code, "vi")) == 2
    with django_assert_max_num_queries(2):
        shown = notices.urgent_notices(ward.gso_code, "en")
    assert [n.untranslated for n in shown] == [True, True]


def test_english_pages_show_untranslated_urgent_notices_marked_as_vietnamese(client, ward, ward_index, categories):
    now = timezone.now()
    notice(ward_index, categories["notice"], now - timedelta(hours=1), is_urgent=True, title="Bão số 5")
    html = client.get("/en/", HTTP_HOST=host_of(ward)).content.decode()
    assert 'lang="vi">Bão số 5</a>' in html


def test_expiry_needs_no_editor_action(client, ward, ward_index, categories):
    """The same published notice is on the ward home page, then gone once its time is up: no job runs."""
    now = timezone.now()
    page = notice(
        ward_index,
        categories["notice"],
        now - timedelta(days=1),
        now + timedelta(days=1),
        title="Lịch cắt điện khu phố 3",
        publish=True,
    )
    assert "Lịch cắt điện khu phố 3" in client.get("/", HTTP_HOST=host_of(ward)).content.decode()
    # Time passes: the notice's end is now in the past (its row is the only thing that changes).
    NewsPage.objects.filter(pk=page.pk).update(valid_until=timezone.now() - timedelta(seconds=1))
    home = client.get("/", HTTP_HOST=host_of(ward)).content.decode()
    assert "Lịch cắt điện khu phố 3" not in home
    current = client.get("/tin-tuc/?current=1", HTTP_HOST=host_of(ward)).content.decode()
    assert "Lịch cắt điện khu phố 3" not in current
    archive = client.get("/tin-tuc/?category=thong-bao", HTTP_HOST=host_of(ward)).content.decode()
    assert "Lịch cắt điện khu phố 3" in archive and "Hết hiệu lực" in archive
    assert client.get(page.url_path.replace("/trang-chu/phuong-1", ""), HTTP_HOST=host_of(ward)).status_code == 200


def test_ward_home_shows_current_notices_and_latest_news(client, ward, ward_index, categories):
    now = timezone.now()
    notice(
        ward_index, categories["notice"], now - timedelta(days=1), now + timedelta(days=3), title="Tiêm chủng thứ Bảy"
    )
    notice(
        ward_index,
        categories["notice"],
        now - timedelta(days=9),
        now - timedelta(days=3),
        title="Tiêm chủng tuần trước",
    )
    make_news(ward_index, categories["news"], title="Ra quân dọn vệ sinh")
    home = client.get("/", HTTP_HOST=host_of(ward)).content.decode()
    assert "Tiêm chủng thứ Bảy" in home and "Ra quân dọn vệ sinh" in home
    assert "Tiêm chủng tuần trước" not in home
