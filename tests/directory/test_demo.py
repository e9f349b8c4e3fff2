"""Demo content: real streets in their real wards marked as sample data, deterministic merchants."""

from io import StringIO

import pytest
from django.core.management import call_command

from directory import demo, geo
from directory.models import CashlessDirectoryPage, CashlessStreetPage, Merchant

pytestmark = pytest.mark.django_db


def build(small=True):
    call_command("bootstrap_portal", "--no-admin", *(["--small"] if small else []), stdout=StringIO())


def merchant_rows():
    return list(
        Merchant.objects.order_by("key").values_list("key", "name", "latitude", "longitude", "street__street_name")
    )


def test_demo_streets_and_merchants_are_real_places_marked_as_sample_data(city):
    build()
    streets = CashlessStreetPage.objects.select_related("ward")
    assert sorted((s.street_name, s.ward.gso_code, s.status) for s in streets) == sorted(
        (name, code, status) for code, name, _, _, status, _, _ in demo.STREETS
    )
    assert sum(s.status == "active" for s in streets) == 4
    assert all(s.is_sample and s.title.endswith("(mẫu)") for s in streets)
    bounds = geo.city_bounds()
    assert all(bounds.contains(lat, lon) for s in streets for lat, lon in s.points)
    assert CashlessDirectoryPage.objects.filter(depth=3, show_in_menus=True).count() == 1

    merchants = Merchant.objects.all()
    assert merchants.count() == demo.SMALL_MERCHANTS
    assert all(m.is_sample and "(mẫu)" in m.name and "(địa chỉ mẫu)" in m.address and not m.phone for m in merchants)
    assert all(geo.city_bounds().contains(m.latitude, m.longitude) for m in merchants)
    assert all(m.street.ward_id == m.ward_id for m in merchants.select_related("street"))
    assert not Merchant.objects.filter(payment_methods=None).exists()


def test_demo_is_idempotent_and_deterministic(city):
    build()
    first = merchant_rows()
    build()
    assert merchant_rows() == first
    assert CashlessStreetPage.objects.count() == len(demo.STREETS)
    Merchant.objects.all().delete()
    build()
    assert merchant_rows() == first
