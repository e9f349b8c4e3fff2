"""Community digital teams and help sessions on ward home pages and guides; past sessions drop off."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import timezone

from guides.home_sections import home_section
from guides.models import CommunityDigitalTeam, TeamMember
from guides.sessions import sessions_for_topics, sessions_for_ward
from home.models import WardHomePage
from tests.guides.conftest import path_of

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def section_text(client, url, host=None):
    response = client.get(url, HTTP_HOST=host) if host else client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one("section[aria-labelledby='section-guides']")
    return section.get_text(" ", strip=True) if section else ""


def test_past_sessions_drop_off_and_running_ones_stay(ward, make_session):
    make_session(ward, starts_in=-3 * HOUR, hours=2, title="Đã xong")
    running = make_session(ward, starts_in=-HOUR, hours=2, title="Đang diễn ra")
    later = make_session(ward, starts_in=48 * HOUR, title="Tuần sau")
    assert sessions_for_ward(ward) == [running, later]
    assert sessions_for_ward(ward, now=timezone.now() + 3 * HOUR) == [later]


def test_ward_home_shows_its_team_and_upcoming_sessions(client, ward, other_ward, make_session, guide_index):
    team = CommunityDigitalTeam.objects.create(ward=ward, contact="Bộ phận một cửa", is_sample=True)
    TeamMember.objects.create(team=team, role="Tổ trưởng", name="Nguyễn Văn A", phone="0254 3 000 000", sort_order=0)
    TeamMember.objects.create(team=team, role="Thành viên – đoàn viên", sort_order=1)
    make_session(ward, starts_in=-5 * HOUR, hours=1, title="Buổi đã qua")
    make_session(ward, title="Buổi sắp tới", is_sample=True)
    make_session(other_ward, title="Buổi của phường khác")

    text = section_text(client, "/", host="phuong-1.localhost")
    assert "Tổ trưởng : Nguyễn Văn A · 0254 3 000 000" in text
    assert "Thành viên – đoàn viên" in text
    assert "Buổi sắp tới" in text
    assert "Buổi đã qua" not in text and "Buổi của phường khác" not in text
    assert "Lịch mẫu – dữ liệu minh họa" in text and "Thông tin mẫu" in text
    assert "Hướng dẫn kỹ năng số" in text  # the link to the city's guides


def test_ward_without_team_or_sessions_says_where_to_ask(client, ward, guide_index):
    text = section_text(client, "/", host="phuong-1.localhost")
    assert "Thông tin về tổ công nghệ số cộng đồng đang được cập nhật" in text
    assert "Hiện chưa có buổi hỗ trợ nào sắp diễn ra" in text


def test_english_ward_home_shows_the_vietnamese_ward_sessions(client, ward, make_session, guide_index):
    make_session(ward, title="Buổi sắp tới")
    assert "Buổi sắp tới" in section_text(client, "/en/", host="phuong-1.localhost")


def test_city_home_lists_topics_and_recent_guides(client, make_guide, other_topic):
    make_guide("Trả tiền bằng mã QR", topics=[other_topic])
    text = section_text(client, "/")
    assert "Thanh toán không dùng tiền mặt" in text and "Trả tiền bằng mã QR" in text
    assert "Định danh điện tử VNeID" not in text  # a topic without guides is not offered


def test_guides_show_upcoming_sessions_on_their_topics_or_open_to_all(
    client, make_guide, make_session, ward, other_ward, topic, other_topic
):
    guide = make_guide(topics=[topic])
    make_session(ward, title="Buổi VNeID", topic=topic)
    make_session(other_ward, title="Buổi mọi chủ đề", topic=None, starts_in=72 * HOUR)
    make_session(ward, title="Buổi thanh toán", topic=other_topic)
    make_session(ward, title="Buổi VNeID đã qua", topic=topic, starts_in=-4 * HOUR, hours=1)
    assert [s.title for s in sessions_for_topics([topic.pk])] == ["Buổi VNeID", "Buổi mọi chủ đề"]
    html = client.get(path_of(guide)).content.decode()
    assert "Buổi VNeID" in html and "Buổi mọi chủ đề" in html and "Phường Thắng Tam" in html
    assert "Buổi thanh toán" not in html and "Buổi VNeID đã qua" not in html


def test_ward_section_query_count_does_not_grow(rf, ward, make_session, guide_index, django_assert_max_num_queries):
    team = CommunityDigitalTeam.objects.create(ward=ward)
    for number in range(5):
        TeamMember.objects.create(team=team, role=f"Thành viên {number}", sort_order=number)
        make_session(ward, starts_in=(number + 1) * 24 * HOUR)
    request = rf.get("/", HTTP_HOST="phuong-1.localhost")
    ward = WardHomePage.objects.get(pk=ward.pk)
    home_section(ward, request)  # warms the site-root cache, as in production
    with django_assert_max_num_queries(8):
        section = home_section(ward, request)
        html = render_to_string(section.template, {"section": section.context, "request": request})
    assert html.count('class="help-session"') == 5
