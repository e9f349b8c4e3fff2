"""Fixtures of the directory tests: directory pages of the city and two wards, streets, merchants."""

import datetime

import pytest

from directory.models import CashlessDirectoryPage, CashlessStreetPage, Merchant, PaymentMethod

BA_CU = "10.3462, 107.0742\n10.3480, 107.0770\n10.3497, 107.0798"
THUY_VAN = "10.3430, 107.0930\n10.3465, 107.0951\n10.3500, 107.0971"


@pytest.fixture
def methods(db):
    return {method.code: method for method in PaymentMethod.objects.all()}


def add_directory(parent):
    page = CashlessDirectoryPage(title="Thanh toán không dùng tiền mặt", slug="thanh-toan-khong-dung-tien-mat")
    parent.add_child(instance=page)
    return page


def add_street(directory, name, path_text, status="active", **extra):
    from portal.vietnamese import slugify_vi

    extra.setdefault("launch_date", datetime.date(2023, 9, 2) if status == "active" else None)
    street = CashlessStreetPage(
        title=f"Tuyến đường {name}",
        slug=slugify_vi(name),
        street_name=name,
        status=status,
        path_text=path_text,
        **extra,
    )
    directory.add_child(instance=street)
    return street


def make_merchant(ward, name, street=None, methods=("vietqr",), lat="10.3470", lon="107.0760", **extra):
    merchant = Merchant.objects.create(
        name=name,
        ward=ward,
        street=street,
        address=extra.pop("address", f"Số 1 {street.street_name if street else 'Lê Lợi'}"),
        latitude=lat,
        longitude=lon,
        published=extra.pop("published", True),
        category=extra.pop("category", "an-uong"),
        **extra,
    )
    merchant.payment_methods.set(PaymentMethod.objects.filter(code__in=methods))
    return merchant


@pytest.fixture
def city_directory(city):
    return add_directory(city)


@pytest.fixture
def ward_directory(ward, city_directory):
    return add_directory(ward)


@pytest.fixture
def other_ward_directory(other_ward, city_directory):
    return add_directory(other_ward)


@pytest.fixture
def street(ward_directory):
    """Ba Cu, Phường 1 (active)."""
    return add_street(ward_directory, "Ba Cu", BA_CU)


@pytest.fixture
def other_street(other_ward_directory):
    """Thùy Vân, Phường Thắng Tam (active)."""
    return add_street(other_ward_directory, "Thùy Vân", THUY_VAN)
