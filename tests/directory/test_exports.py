"""Open data: CSV and GeoJSON parsed back; GeoJSON checked against RFC 7946's rules."""

import csv
import io
import json

import pytest

from tests.directory.conftest import make_merchant

pytestmark = pytest.mark.django_db


@pytest.fixture
def shops(ward, other_ward, street, other_street, city_directory):
    return [
        make_merchant(ward, "Quán Ba Cu", street, methods=("vietqr", "momo")),
        make_merchant(ward, "Tiệm không tọa độ", None, methods=("the",), lat=None, lon=None),
        make_merchant(
            other_ward,
            "Khách sạn Thùy Vân",
            other_street,
            methods=("the",),
            category="luu-tru",
            lat="10.3450",
            lon="107.0940",
            is_sample=True,
        ),
        make_merchant(other_ward, "Chưa công khai", other_street, published=False),
    ]


def check_rfc7946(collection, geometry_type):
    """The rules of RFC 7946 a GIS tool relies on (sections 3, 3.1, 3.2, 3.3, 4, 5)."""
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # §4: WGS 84 only, no crs member
    lons, lats = [], []
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        assert isinstance(feature.get("id", ""), str | int)
        geometry = feature["geometry"]
        assert geometry["type"] == geometry_type
        positions = [geometry["coordinates"]] if geometry_type == "Point" else geometry["coordinates"]
        if geometry_type == "LineString":
            assert len(positions) >= 2  # §3.1.4
        for position in positions:
            assert len(position) == 2 and all(isinstance(v, float) for v in position)
            lon, lat = position  # §3.1.1: longitude first
            assert 107.04 <= lon <= 107.27 and 10.30 <= lat <= 10.50
            lons.append(lon)
            lats.append(lat)
    if collection["features"]:
        assert collection["bbox"] == [min(lons), min(lats), max(lons), max(lats)]  # §5


def test_merchants_geojson_is_rfc7946_and_holds_published_merchants_with_coordinates(client, shops):
    response = client.get("/du-lieu-mo/thanh-toan/cua-hang.geojson")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    check_rfc7946(data, "Point")
    by_name = {f["properties"]["ten"]: f for f in data["features"]}
    assert set(by_name) == {"Quán Ba Cu", "Khách sạn Thùy Vân"}
    assert by_name["Quán Ba Cu"]["geometry"]["coordinates"] == [107.076, 10.347]
    assert by_name["Quán Ba Cu"]["properties"]["phuong_thuc"] == "vietqr;momo"
    assert by_name["Khách sạn Thùy Vân"]["properties"]["du_lieu_mau"] is True
    assert by_name["Quán Ba Cu"]["properties"]["duong_dan"].startswith("http://")


def test_streets_geojson_is_rfc7946(client, shops, street):
    data = json.loads(client.get("/du-lieu-mo/thanh-toan/tuyen-duong.geojson").content)
    check_rfc7946(data, "LineString")
    ba_cu = next(f for f in data["features"] if f["properties"]["ten_duong"] == "Ba Cu")
    assert ba_cu["geometry"]["coordinates"][0] == [107.0742, 10.3462]
    assert ba_cu["properties"]["phuong"] == "26506" and ba_cu["properties"]["so_cua_hang"] == 1
    ward_only = json.loads(client.get("/du-lieu-mo/thanh-toan/tuyen-duong.geojson?phuong=phuong-1").content)
    assert [f["properties"]["ten_duong"] for f in ward_only["features"]] == ["Ba Cu"]


def test_csv_parses_back_and_follows_the_filters(client, shops):
    response = client.get("/du-lieu-mo/thanh-toan/cua-hang.csv?phuong=phuong-1")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(row["ten"] for row in rows) == ["Quán Ba Cu", "Tiệm không tọa độ"]
    quan = next(row for row in rows if row["ten"] == "Quán Ba Cu")
    assert quan["phuong"] == "26506" and quan["ten_phuong"] == "Phường 1" and quan["tuyen_duong"] == "ba-cu"
    assert quan["vi_do"] == "10.347000" and quan["phuong_thuc"] == "vietqr;momo"


def test_open_data_without_a_directory_is_404(client, db):
    assert client.get("/du-lieu-mo/thanh-toan/cua-hang.csv").status_code == 404
