"""The directory feeds the transparency figure XHS-15 ("a cashless-payment street in every ward")
through the ``transparency_measurement_sources`` hook; sample streets never count."""

import pytest

from tests.directory.conftest import BA_CU, THUY_VAN, add_directory, add_street

pytestmark = pytest.mark.django_db


def provided_xhs15(client):
    rows = client.get("/du-lieu-mo/minh-bach/so-lieu.json").json()["data"]
    return {row["ward_code"]: row["value"] for row in rows
            if row["indicator_code"] == "XHS-15" and row["origin"] == "provided"}


def test_open_data_carries_each_wards_real_active_streets(client, plan, ward, other_ward):
    add_street(add_directory(other_ward), "Thùy Vân", THUY_VAN, is_sample=True)
    assert provided_xhs15(client) == {}  # only sample streets: no official figure yet

    add_street(add_directory(ward), "Ba Cu", BA_CU)
    provided = provided_xhs15(client)
    assert len(provided) == 17
    assert provided[ward.gso_code] == 1
    assert provided[other_ward.gso_code] == 0  # its only street is sample data
