"""Admin: the feedback report per guide, ward-scoped teams and help sessions, and the groups' permissions."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from guides.models import CommunityDigitalTeam, GuideFeedback, HelpSession
from tests.factories import UserFactory, editor_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated_guides(make_guide):
    """"Khó" is found helpful by 1 of 4 visitors, "Dễ" by 2 of 2; "Mới" has no answer yet."""
    hard, easy, new = make_guide("Khó"), make_guide("Dễ"), make_guide("Mới")
    answers = [(hard, True, ""), (hard, False, "Bước 3 khó hiểu"), (hard, False, ""), (hard, False, "Chữ nhỏ")]
    answers += [(easy, True, "Rất dễ"), (easy, True, "")]
    for number, (guide, helpful, comment) in enumerate(answers):
        GuideFeedback.objects.create(
            guide=guide, helpful=helpful, comment=comment,
            created_at=timezone.now() - datetime.timedelta(minutes=10 - number),
        )
    return hard, easy, new


def report_rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in soup.select("table tbody tr")]


def test_report_lists_guides_least_helpful_first(client, admin_user, rated_guides):
    client.force_login(admin_user)
    response = client.get(reverse("guides_feedback_report"))
    assert response.status_code == 200
    rows = report_rows(response)
    assert [row[0] for row in rows] == ["Khó", "Dễ", "Mới"]
    assert rows[0][1:4] == ["4", "25%", "2"]
    assert rows[1][1:4] == ["2", "100%", "1"]
    assert rows[2][1:4] == ["0", "–", "0"]


def test_report_exports_a_spreadsheet(client, admin_user, rated_guides):
    client.force_login(admin_user)
    response = client.get(reverse("guides_feedback_report"), {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Hướng dẫn,Số lượt trả lời,Số lượt “Có”,Số góp ý có lời,Góp ý gần nhất"
    assert lines[1].startswith("Khó,4,1,2,")


def test_detail_shows_figures_and_latest_comments_newest_first(client, admin_user, rated_guides):
    hard = rated_guides[0]
    client.force_login(admin_user)
    response = client.get(reverse("guides_feedback_detail", args=[hard.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 (25%)" in html
    assert [row[2] for row in report_rows(response)] == ["Chữ nhỏ", "Bước 3 khó hiểu"]


def test_city_editors_read_the_report_and_ward_editors_do_not(client, city, ward, rated_guides):
    client.force_login(editor_of(city))
    assert client.get(reverse("guides_feedback_report")).status_code == 200
    client.force_login(editor_of(ward))
    response = client.get(reverse("guides_feedback_report"))
    assert response.status_code in (302, 403)
    assert client.get(reverse("guides_feedback_detail", args=[rated_guides[0].pk])).status_code in (302, 403)


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_new_unit_groups_get_their_guides_permissions(ward):
    ward_codes = codenames(f"Biên tập viên – {ward.title}")
    assert {"add_helpsession", "change_communitydigitalteam"} <= ward_codes
    assert "view_guidefeedback" not in ward_codes and "change_guidetopic" not in ward_codes
    city_codes = codenames("Lãnh đạo duyệt – Thành phố Vũng Tàu")
    assert {"add_helpsession", "view_guidefeedback", "change_guidetopic"} <= city_codes
    assert not Group.objects.create(name="Nhóm khác").permissions.exists()


def _session(ward, title):
    start = timezone.now() + datetime.timedelta(days=3)
    return HelpSession.objects.create(
        ward=ward, title=title, starts_at=start, ends_at=start + datetime.timedelta(hours=2), place="UBND"
    )


def test_ward_editors_list_and_edit_only_their_ward_sessions(client, ward, other_ward):
    mine, theirs = _session(ward, "Buổi của Phường 1"), _session(other_ward, "Buổi của Thắng Tam")
    client.force_login(editor_of(ward))
    listing = client.get(reverse("wagtailsnippets_guides_helpsession:list")).content.decode()
    assert "Buổi của Phường 1" in listing and "Buổi của Thắng Tam" not in listing
    assert client.get(reverse("wagtailsnippets_guides_helpsession:edit", args=[mine.pk])).status_code == 200
    for view in ("edit", "delete", "history", "usage"):
        url = reverse(f"wagtailsnippets_guides_helpsession:{view}", args=[theirs.pk])
        response = client.get(url)  # refused: Wagtail sends PermissionDenied back to the dashboard
        assert (response.status_code, response["Location"]) == (302, "/admin/"), view
    response = client.post(reverse("wagtailsnippets_guides_helpsession:delete", args=[theirs.pk]))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert HelpSession.objects.filter(pk=theirs.pk).exists()


def test_ward_editors_can_only_choose_their_ward(client, ward, other_ward):
    client.force_login(editor_of(ward))
    form = client.get(reverse("wagtailsnippets_guides_helpsession:add")).context["form"]
    assert list(form.fields["ward"].queryset) == [ward]
    start = timezone.localtime() + datetime.timedelta(days=2)
    end = start + datetime.timedelta(hours=1)
    data = {
        "ward": other_ward.pk, "title": "Lén thêm", "place": "UBND", "notes": "",
        "starts_at": start.strftime("%Y-%m-%d %H:%M"), "ends_at": end.strftime("%Y-%m-%d %H:%M"),
    }
    response = client.post(reverse("wagtailsnippets_guides_helpsession:add"), data)
    assert response.status_code == 200  # the form comes back with an error
    assert not HelpSession.objects.filter(title="Lén thêm").exists()
    data["ward"] = ward.pk
    assert client.post(reverse("wagtailsnippets_guides_helpsession:add"), data).status_code == 302
    assert HelpSession.objects.get(title="Lén thêm").ward_id == ward.pk


def test_city_editors_manage_every_ward_team(client, city, ward, other_ward):
    CommunityDigitalTeam.objects.create(ward=ward)
    CommunityDigitalTeam.objects.create(ward=other_ward)
    client.force_login(editor_of(city))
    listing = client.get(reverse("wagtailsnippets_guides_communitydigitalteam:list")).content.decode()
    assert ward.title in listing and other_ward.title in listing
    form = client.get(reverse("wagtailsnippets_guides_helpsession:add")).context["form"]
    assert form.fields["ward"].queryset.count() == 17


def test_people_outside_the_unit_groups_cannot_manage_sessions(client, ward):
    client.force_login(UserFactory(username="nguoi-ngoai"))
    assert client.get(reverse("wagtailsnippets_guides_helpsession:list")).status_code in (302, 403)


def test_ward_editors_cannot_bulk_delete_another_wards_sessions_or_team(client, ward, other_ward):
    """Issue 12, finding 1: /admin/bulk/guides/…/delete/?id=… deleted another ward's records."""
    theirs = _session(other_ward, "Buổi của Thắng Tam")
    team = CommunityDigitalTeam.objects.create(ward=other_ward)
    mine = _session(ward, "Buổi của Phường 1")
    client.force_login(editor_of(ward))
    for model_name, pk in (("helpsession", theirs.pk), ("communitydigitalteam", team.pk)):
        url = reverse("wagtail_bulk_action", args=["guides", model_name, "delete"]) + f"?id={pk}"
        response = client.get(url)  # not offered for deletion, and not even named
        assert response.context["items"] == [] and "Thắng Tam" not in response.content.decode()
        client.post(url)
    assert HelpSession.objects.filter(pk=theirs.pk).exists()
    assert CommunityDigitalTeam.objects.filter(pk=team.pk).exists()
    # The same action on the editor's own record works: the refusal above is the ward, not the URL.
    url = reverse("wagtail_bulk_action", args=["guides", "helpsession", "delete"]) + f"?id={mine.pk}"
    assert client.post(url).status_code == 302
    assert not HelpSession.objects.filter(pk=mine.pk).exists()
