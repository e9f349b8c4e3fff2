import pytest

from home.units import english_unit_name, ward_for_page, ward_slug
from tests.factories import StandardPageFactory


@pytest.mark.parametrize(
    ("unit_type", "name", "english"),
    [
        ("Phường", "Phường 1", "Ward 1"),
        ("Phường", "Phường Thắng Tam", "Thắng Tam Ward"),
        ("Xã", "Xã Long Sơn", "Long Sơn Commune"),
        ("Thành phố", "Thành phố Vũng Tàu", "Vũng Tàu City"),
    ],
)
def test_english_unit_name(unit_type, name, english):
    assert english_unit_name(unit_type, name) == english


def test_ward_slug_is_ascii():
    assert ward_slug("Phường Rạch Dừa") == "phuong-rach-dua"


def test_ward_for_page_finds_the_ward_ancestor(ward, city):
    child = StandardPageFactory(parent=ward)
    grandchild = StandardPageFactory(parent=child)
    assert ward_for_page(grandchild).pk == ward.pk
    assert ward_for_page(ward).pk == ward.pk
    assert ward_for_page(city) is None
