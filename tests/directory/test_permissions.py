"""Ward-scoped permissions: a ward editor sees and edits only its ward's merchants and streets."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from directory.models import Merchant
from tests.directory.conftest import make_merchant
from tests.factories import UserFactory, editor_of

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_directory_merchant:list"
EDIT = "wagtailsnippets_directory_merchant:edit"
DELETE = "wagtailsnippets_directory_merchant:delete"
ADD = "wagtailsnippets_directory_merchant:add"


@pytest.fixture
def shops(ward, other_ward, street, other_street):
    return {
        "mine": make_merchant(ward, "Quán Ba Cu", street),
        "theirs": make_merchant(other_ward, "Quán Thùy Vân", other_street, lat="10.3450", lon="107.0940"),
    }


def assert_denied(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"].split("?")[0] in ("/admin/", "/admin/login/")
    )


def form_data(merchant, **changes):
    data = {
        "name": merchant.name,
        "category": merchant.category,
        "ward": merchant.ward_id,
        "street": merchant.street_id or "",
        "address": merchant.address,
        "latitude": merchant.latitude,
        "longitude": merchant.longitude,
        "payment_methods": [m.pk for m in merchant.payment_methods.all()],
        "opening_hours": merchant.opening_hours,
        "phone": merchant.phone,
        "website": merchant.website,
        "verified_on": merchant.verified_on or "",
        "contact_name": merchant.contact_name,
        "contact_info": merchant.contact_info,
        "note": merchant.note,
        "key": merchant.key,
    }
    if merchant.published:
        data["published"] = "on"
    data.update(changes)
    return data


def test_unit_groups_get_merchant_permissions_and_only_the_city_gets_payment_methods(city, ward):
    ward_editors = Group.objects.get(name=f"Biên tập viên – {ward.title}")
    city_editors = Group.objects.get(name=f"Biên tập viên – {city.title}")
    assert set(
        ward_editors.permissions.filter(content_type__app_label="directory").values_list("codename", flat=True)
    ) == {"add_merchant", "change_merchant", "delete_merchant", "view_merchant"}
    assert city_editors.permissions.filter(codename="change_paymentmethod").exists()
    assert not ward_editors.permissions.filter(codename="change_paymentmethod").exists()


def test_ward_editor_lists_only_its_wards_merchants(client, ward, shops):
    client.force_login(editor_of(ward))
    response = client.get(reverse(LIST))
    assert response.status_code == 200
    assert "Quán Ba Cu" in response.text
    assert "Quán Thùy Vân" not in response.text


def test_ward_editor_cannot_open_edit_or_delete_another_wards_merchant(client, ward, shops):
    client.force_login(editor_of(ward))
    assert client.get(reverse(EDIT, args=[shops["mine"].pk])).status_code == 200
    assert_denied(client.get(reverse(EDIT, args=[shops["theirs"].pk])))
    assert_denied(client.post(reverse(EDIT, args=[shops["theirs"].pk]), form_data(shops["theirs"], name="Đã sửa")))
    assert_denied(client.post(reverse(DELETE, args=[shops["theirs"].pk])))
    assert Merchant.objects.get(pk=shops["theirs"].pk).name == "Quán Thùy Vân"


def test_the_edit_form_offers_only_the_editors_ward_and_streets(client, ward, other_ward, shops):
    client.force_login(editor_of(ward))
    form = client.get(reverse(EDIT, args=[shops["mine"].pk])).context["form"]
    assert list(form.fields["ward"].queryset) == [ward]
    assert {s.street_name for s in form.fields["street"].queryset} == {"Ba Cu"}


def test_a_crafted_post_cannot_move_a_merchant_into_another_ward(client, ward, other_ward, shops):
    client.force_login(editor_of(ward))
    mine = shops["mine"]
    response = client.post(reverse(EDIT, args=[mine.pk]), form_data(mine, ward=other_ward.pk, street=""))
    assert response.status_code == 200  # the form comes back with the error
    assert "ward" in response.context["form"].errors
    assert Merchant.objects.get(pk=mine.pk).ward_id == ward.pk


def test_ward_editor_edits_and_creates_in_its_own_ward(client, ward, street, shops, methods):
    client.force_login(editor_of(ward))
    mine = shops["mine"]
    response = client.post(reverse(EDIT, args=[mine.pk]), form_data(mine, name="Quán Ba Cu mới"))
    assert response.status_code == 302
    assert Merchant.objects.get(pk=mine.pk).name == "Quán Ba Cu mới"
    new = form_data(mine, name="Tạp hóa mới", key="", ward=ward.pk, street=street.pk)
    assert client.post(reverse(ADD), new).status_code == 302
    created = Merchant.objects.get(name="Tạp hóa mới")
    assert created.ward_id == ward.pk and created.key.startswith("ch-")


def test_city_editor_sees_every_ward(client, city, shops):
    client.force_login(editor_of(city))
    response = client.get(reverse(LIST))
    assert "Quán Ba Cu" in response.text and "Quán Thùy Vân" in response.text
    assert client.get(reverse(EDIT, args=[shops["theirs"].pk])).status_code == 200


def test_user_without_unit_group_has_no_access(client, shops):
    client.force_login(UserFactory(username="nobody"))
    assert_denied(client.get(reverse(LIST)))


def test_ward_editor_page_permissions_reach_only_its_wards_street(ward, street, other_street):
    editor = editor_of(ward)
    assert street.permissions_for_user(editor).can_edit()
    assert not other_street.permissions_for_user(editor).can_edit()
    assert street.get_parent().permissions_for_user(editor).can_add_subpage()
