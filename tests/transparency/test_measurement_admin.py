"""Entering measurements in the admin: ward-scoped permissions, Vietnamese refusals, history."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.permissions import policy_registry

from tests.factories import UserFactory, editor_of
from tests.transparency.conftest import add_figure
from transparency.models import Indicator, IndicatorGroup, Measurement

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_transparency_measurement:add"
LIST = "wagtailsnippets_transparency_measurement:list"
EDIT = "wagtailsnippets_transparency_measurement:edit"
DELETE = "wagtailsnippets_transparency_measurement:delete"
HISTORY = "wagtailsnippets_transparency_measurement:history"


def login(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def form_data(indicator, period="2024-06", ward=None, value="1", **extra):
    return {
        "indicator": indicator.pk,
        "ward": ward.pk if ward else "",
        "period": period,
        "value": value,
        "numerator": "",
        "denominator": "",
        "source": "Báo cáo tháng",
        "source_url": "",
        "notes": "",
        **extra,
    }


def denied(response):
    """Wagtail's admin answers PermissionDenied by sending the user to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


def errors_of(response):
    assert response.status_code == 200, "the form should be shown again with errors"
    form = response.context["form"]
    return {field: [str(e) for e in errors] for field, errors in form.errors.items()}


def test_a_ward_editor_enters_its_own_wards_figure(ward, ward_editor, plan):
    response = login(ward_editor).post(reverse(ADD), form_data(plan["CQS-12"], ward=ward))
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert (measurement.ward, measurement.value, measurement.entered_by) == (ward, Decimal(1), ward_editor)
    assert measurement.revisions.count() == 1
    assert measurement.period.isoformat() == "2024-06-01"


def test_a_ward_editor_cannot_enter_another_wards_figure(ward_editor, other_ward, plan):
    response = login(ward_editor).post(reverse(ADD), form_data(plan["CQS-12"], ward=other_ward))
    assert errors_of(response) == {"ward": ["Bạn chỉ được nhập số liệu của: Phường 1."]}
    assert not Measurement.objects.exists()


def test_a_ward_editor_cannot_enter_the_citys_figures(ward_editor, plan):
    client = login(ward_editor)
    no_ward = errors_of(client.post(reverse(ADD), form_data(plan["CQS-12"])))
    assert no_ward["ward"][0].startswith("Số liệu chung của thành phố do Phòng Văn hóa và Thông tin thành phố nhập")
    city_indicator = errors_of(client.post(reverse(ADD), form_data(plan["CQS-01"], value="50")))
    assert "Phường, xã chỉ nhập số liệu cho các chỉ tiêu đo theo từng phường, xã." in city_indicator["indicator"]
    assert not Measurement.objects.exists()


def test_the_ward_editors_form_offers_only_its_ward_and_per_ward_indicators(ward, ward_editor, plan):
    form = login(ward_editor).get(reverse(ADD)).context["form"]
    assert list(form.fields["ward"].queryset) == [ward]
    assert {i.code for i in form.fields["indicator"].queryset} == {"CQS-12", "XHS-03", "XHS-15", "ATTT-02"}


def test_a_city_editor_enters_city_figures_and_any_wards(city_editor, other_ward, plan):
    client = login(city_editor)
    assert client.post(reverse(ADD), form_data(plan["CQS-01"], value="75.5")).status_code == 302
    assert client.post(reverse(ADD), form_data(plan["CQS-12"], ward=other_ward)).status_code == 302
    assert Measurement.objects.filter(ward__isnull=True).get().value == Decimal("75.5")
    assert Measurement.objects.filter(ward=other_ward).exists()


def test_a_city_figure_of_a_per_ward_indicator_is_computed_not_typed(city_editor, plan):
    errors = errors_of(login(city_editor).post(reverse(ADD), form_data(plan["CQS-12"], value="12")))
    assert "Số liệu của thành phố được tính tự động từ số liệu các phường, không nhập lại." in errors["ward"][0]


@pytest.mark.parametrize(
    "code, value, field, message",
    [
        ("CQS-01", "101", "value", "Tỷ lệ phần trăm không được vượt quá 100 (nhận được 101)."),
        ("CQS-01", "-5", "value", "Giá trị không được âm (nhận được -5)."),
        ("DTTM-01", "2", "value", "Chỉ tiêu mốc chỉ nhận 1 (đã hoàn thành) hoặc 0 (chưa hoàn thành), nhận được 2."),
    ],
)
def test_values_outside_the_units_range_are_refused(city_editor, plan, code, value, field, message):
    errors = errors_of(login(city_editor).post(reverse(ADD), form_data(plan[code], value=value)))
    assert errors[field] == [message]


def test_more_than_17_wards_is_refused(city_editor, plan):
    group = IndicatorGroup.objects.first()
    wards_indicator = Indicator.objects.create(group=group, code="TEST-W", text_vi="Thử", target=17, unit="wards")
    errors = errors_of(login(city_editor).post(reverse(ADD), form_data(wards_indicator, value="18")))
    assert errors["value"] == ["Số phường, xã không được vượt quá 17 (nhận được 18)."]


def test_a_future_period_is_refused(city_editor, plan):
    errors = errors_of(login(city_editor).post(reverse(ADD), form_data(plan["CQS-01"], period="2099-01", value="5")))
    assert errors["period"][0].startswith("Kỳ báo cáo tháng 1/2099 (10/12/2098 – 09/01/2099) chưa bắt đầu")


def test_a_malformed_period_is_refused(city_editor, plan):
    errors = errors_of(login(city_editor).post(reverse(ADD), form_data(plan["CQS-01"], period="06/2024", value="5")))
    assert errors["period"] == ["Kỳ báo cáo phải có dạng YYYY-MM, ví dụ 2024-06 (kỳ tháng 6/2024: 10/05 – 09/06/2024)."]


def test_the_percentage_is_computed_from_numerator_and_denominator(city_editor, plan):
    data = form_data(plan["CQS-08"], value="", numerator="23391", denominator="23802")
    assert login(city_editor).post(reverse(ADD), data).status_code == 302
    assert Measurement.objects.get().value == Decimal("98.27")


def test_one_figure_per_indicator_period_and_unit(city_editor, plan):
    add_figure(plan["CQS-01"], "2024-06", 60)
    errors = errors_of(login(city_editor).post(reverse(ADD), form_data(plan["CQS-01"], value="61")))
    assert errors["period"][0].startswith("Đã có số liệu của thành phố cho chỉ tiêu CQS-01, kỳ tháng 6/2024")


def test_the_listing_shows_only_the_users_wards_figures(ward, other_ward, ward_editor, city_editor, plan):
    add_figure(plan["CQS-12"], "2024-06", 1, ward=ward)
    add_figure(plan["CQS-12"], "2024-06", 0, ward=other_ward)
    add_figure(plan["CQS-01"], "2024-06", 60)
    mine = login(ward_editor).get(reverse(LIST)).context["object_list"]
    assert [m.ward for m in mine] == [ward]
    assert len(login(city_editor).get(reverse(LIST)).context["object_list"]) == 3


def test_other_wards_figures_cannot_be_opened_edited_or_deleted(ward, other_ward, plan):
    theirs = add_figure(plan["CQS-12"], "2024-06", 0, ward=other_ward)
    city_figure = add_figure(plan["CQS-01"], "2024-06", 60)
    mine = add_figure(plan["CQS-12"], "2024-06", 1, ward=ward)
    approver = editor_of(ward, "Lãnh đạo duyệt")
    client = login(approver)
    for target in (theirs, city_figure):
        assert denied(client.get(reverse(EDIT, args=[target.pk])))
        assert denied(client.post(reverse(EDIT, args=[target.pk]), form_data(plan["CQS-12"], ward=ward)))
        assert denied(client.post(reverse(DELETE, args=[target.pk])))
        assert denied(client.get(reverse(HISTORY, args=[target.pk])))
    assert client.get(reverse(EDIT, args=[mine.pk])).status_code == 200  # their own ward's figure: allowed
    bulk = reverse("wagtail_bulk_action", args=["transparency", "measurement", "delete"])
    client.post(f"{bulk}?id={theirs.pk}&id={city_figure.pk}&id={mine.pk}")
    assert set(Measurement.objects.values_list("pk", flat=True)) == {theirs.pk, city_figure.pk}


def test_an_editor_cannot_move_a_figure_to_another_ward(ward, other_ward, ward_editor, plan):
    mine = add_figure(plan["CQS-12"], "2024-06", 0, ward=ward)
    response = login(ward_editor).post(reverse(EDIT, args=[mine.pk]), form_data(plan["CQS-12"], ward=other_ward))
    assert errors_of(response) == {"ward": ["Bạn chỉ được nhập số liệu của: Phường 1."]}
    assert Measurement.objects.get(pk=mine.pk).ward == ward


def test_editing_keeps_the_history_as_revisions(ward, ward_editor, plan):
    client = login(ward_editor)
    client.post(reverse(ADD), form_data(plan["XHS-15"], ward=ward, value="1"))
    measurement = Measurement.objects.get()
    response = client.post(reverse(EDIT, args=[measurement.pk]), form_data(plan["XHS-15"], ward=ward, value="3"))
    assert response.status_code == 302
    measurement.refresh_from_db()
    assert measurement.value == 3
    values = [Decimal(str(r.content["value"])) for r in measurement.revisions.order_by("created_at", "pk")]
    assert values == [Decimal(1), Decimal(3)]
    assert all(r.user == ward_editor for r in measurement.revisions.all())
    history = client.get(reverse(HISTORY, args=[measurement.pk]))
    assert history.status_code == 200


def test_the_permission_policy_scopes_instances(ward, other_ward, ward_editor, plan):
    mine = add_figure(plan["CQS-12"], "2024-06", 1, ward=ward)
    theirs = add_figure(plan["CQS-12"], "2024-06", 1, ward=other_ward)
    policy = policy_registry.get_by_type(Measurement)
    assert policy.user_has_permission_for_instance(ward_editor, "change", mine)
    assert not policy.user_has_permission_for_instance(ward_editor, "change", theirs)
    assert not policy.user_has_permission_for_instance(ward_editor, "delete", mine)  # editors do not delete
    assert list(policy.instances_user_has_permission_for(ward_editor, "change")) == [mine]
    outsider = UserFactory(username="nguoi-ngoai")
    assert not policy.user_has_any_permission(outsider, ["add", "change", "view"])
    assert login(outsider).get(reverse(LIST)).status_code == 302  # no admin access: sent to log in


def test_admin_screens_render_for_a_superuser(ward, plan):
    admin = UserFactory(username="quan-tri", is_superuser=True, is_staff=True)
    figure = add_figure(plan["CQS-12"], "2024-06", 1, ward=ward, is_sample=True)
    client = login(admin)
    for url in [
        reverse(LIST),
        reverse(ADD),
        reverse(EDIT, args=[figure.pk]),
        reverse("wagtailsnippets_transparency_measurement:inspect", args=[figure.pk]),
        reverse("wagtailsnippets_transparency_indicator:list"),
        reverse("wagtailsnippets_transparency_indicator:edit", args=[plan["XHS-15"].pk]),
        reverse("wagtailsnippets_transparency_indicatorgroup:list"),
        reverse("transparency_reporting") + "?ky=2024-06",
    ]:
        assert client.get(url).status_code == 200, url
    listing = client.get(reverse(LIST), {"ward": ward.pk, "is_sample": "true"}).content.decode()
    assert "CQS-12" in listing and "kỳ tháng 6/2024" in listing
