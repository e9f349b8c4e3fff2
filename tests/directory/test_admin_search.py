"""The merchant admin's search box answers (it was a 500 on SQLite: "no such column: name")."""

import pytest
from django.urls import reverse

from tests.directory.conftest import make_merchant
from tests.factories import editor_of

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_directory_merchant:list"


@pytest.mark.parametrize("query", ["Thùy Vân", "thuy van", "Lê Lợi", "zzz"])
def test_merchant_admin_search_finds_by_name_and_address_without_accents(client, ward, query):
    make_merchant(ward, "Quán Thùy Vân", address="Số 5 Lê Lợi")
    make_merchant(ward, "Tiệm Ba Cu", address="Số 9 Hoàng Hoa Thám")
    client.force_login(editor_of(ward))
    response = client.get(reverse(LIST), {"q": query})
    assert response.status_code == 200
    assert ("Quán Thùy Vân" in response.text) == (query != "zzz")
    assert "Tiệm Ba Cu" not in response.text


def test_merchant_admin_search_stays_inside_the_editors_ward(client, ward, other_ward):
    make_merchant(ward, "Quán Thùy Vân Một")
    make_merchant(other_ward, "Quán Thùy Vân Hai")
    client.force_login(editor_of(ward))
    response = client.get(reverse(LIST), {"q": "thuy van"})
    assert response.status_code == 200
    assert "Quán Thùy Vân Một" in response.text and "Quán Thùy Vân Hai" not in response.text
