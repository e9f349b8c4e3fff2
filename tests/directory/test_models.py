"""Models: where streets may live, their ward, path validation; merchant validation and search text."""

import pytest
from django.core.exceptions import ValidationError

from directory import geo
from directory.models import CashlessStreetPage, Merchant
from tests.directory.conftest import BA_CU, add_street, make_merchant

pytestmark = pytest.mark.django_db


def test_street_takes_the_ward_of_its_directory(street, ward, other_street, other_ward):
    assert street.ward_id == ward.pk
    assert other_street.ward_id == other_ward.pk
    assert CashlessStreetPage.objects.get(pk=street.pk).ward_id == ward.pk


def test_streets_can_be_created_only_under_a_ward_directory(city_directory, ward_directory):
    assert CashlessStreetPage.can_create_at(ward_directory)
    assert not CashlessStreetPage.can_create_at(city_directory)


def test_street_path_lines_and_geojson_are_read_and_normalised(ward_directory):
    assert geo.parse_path("10,3462 107,0742\n10.3480;107.0770") == [
        (geo.parse_decimal("10.346200"), geo.parse_decimal("107.074200")),
        (geo.parse_decimal("10.348000"), geo.parse_decimal("107.077000")),
    ]
    pasted = '{"type": "LineString", "coordinates": [[107.0742, 10.3462], [107.0770, 10.3480]]}'
    assert [tuple(map(float, p)) for p in geo.parse_path(pasted)] == [(10.3462, 107.0742), (10.348, 107.077)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("10.3462, 107.0742", "ít nhất hai điểm"),
        ("10.3462, 107.0742\nmười, một", "Dòng 2"),
        ("10.3462, 107.0742\n10.7769, 106.7009", "ngoài địa bàn thành phố Vũng Tàu"),
        ('{"type": "Point", "coordinates": [107.07, 10.34]}', "LineString"),
    ],
)
def test_bad_street_paths_are_refused_in_vietnamese(ward_directory, text, message):
    street = CashlessStreetPage(title="Tuyến đường thử", slug="thu", street_name="Thử", path_text=text)
    with pytest.raises(ValidationError) as error:
        ward_directory.add_child(instance=street)
    assert message in str(error.value.message_dict["path_text"])


def test_active_street_needs_a_launch_date(ward_directory):
    with pytest.raises(ValidationError) as error:
        add_street(ward_directory, "Lê Lợi", BA_CU, status="active", launch_date=None)
    assert "launch_date" in error.value.message_dict


def test_merchant_coordinates_must_be_inside_the_city_and_come_in_pairs(ward):
    far = Merchant(name="Xa", ward=ward, address="TP HCM", latitude="10.7769", longitude="106.7009")
    with pytest.raises(ValidationError) as error:
        far.full_clean()
    assert "ngoài địa bàn thành phố Vũng Tàu" in error.value.message_dict["latitude"][0]
    half = Merchant(name="Nửa", ward=ward, address="A", latitude="10.35")
    with pytest.raises(ValidationError) as error:
        half.full_clean()
    assert "cả vĩ độ và kinh độ" in error.value.message_dict["longitude"][0]
    long_son = Merchant(name="Long Sơn", ward=ward, address="Xã Long Sơn", latitude="10.4600", longitude="107.0900")
    long_son.full_clean()


def test_merchant_street_must_be_in_the_merchant_ward(other_ward, street):
    merchant = Merchant(name="Sai phường", ward=other_ward, street=street, address="A")
    with pytest.raises(ValidationError) as error:
        merchant.full_clean()
    assert "không thuộc phường, xã đã chọn" in error.value.message_dict["street"][0]


def test_search_text_is_folded_for_accentless_search(ward, street):
    merchant = make_merchant(ward, "Bánh khọt Gốc Vú Sữa", street, address="Số 14 Nguyễn Trường Tộ")
    assert merchant.search_text == "banh khot goc vu sua so 14 nguyen truong to"
    assert merchant.key.startswith("ch-")
