"""Coordinates of the directory: the city's bounding area, street paths and RFC 7946 GeoJSON.

Plain functions, no database. Latitude/longitude are ``Decimal`` or ``float`` in WGS 84; GeoJSON
positions are ``[longitude, latitude]`` (RFC 7946 §3.1.1), rounded to 6 decimals (about 0.1 m).
"""

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings

COORDINATE_PLACES = 6


@dataclass(frozen=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float

    def contains(self, lat, lon):
        return self.south <= float(lat) <= self.north and self.west <= float(lon) <= self.east

    def describe(self):
        return f"vĩ độ {self.south:.2f}–{self.north:.2f}, kinh độ {self.west:.2f}–{self.east:.2f}"


def city_bounds():
    """The bounding area of Vũng Tàu city, Long Sơn included (setting ``DIRECTORY_BOUNDS``)."""
    return Bounds(**settings.DIRECTORY_BOUNDS)


def outside_city_message(bounds=None):
    bounds = bounds or city_bounds()
    return f"Tọa độ nằm ngoài địa bàn thành phố Vũng Tàu ({bounds.describe()})."


def parse_decimal(text):
    """``"10,3456"`` or ``"10.3456"`` → ``Decimal("10.3456")``; ``None`` when not a number."""
    text = str(text).strip().replace(",", ".")
    if not re.fullmatch(r"[+-]?\d{1,3}(\.\d+)?", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


class PathError(ValueError):
    """A street path that cannot be read; the message is in Vietnamese and names the line."""


def parse_path(text, bounds=None):
    """Read a street's path: one ``"vĩ độ, kinh độ"`` per line (as copied from a map application),
    or a pasted GeoJSON ``LineString`` (or a Feature holding one). Returns ``[(lat, lon), …]``
    (Decimals, at least two points, all inside the city).
    """
    bounds = bounds or city_bounds()
    text = (text or "").strip()
    if not text:
        return []
    if text.startswith("{"):
        points = _points_from_geojson(text)
    else:
        points = []
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            parts = [part for part in re.split(r"\s*;\s*|,\s+|\s+", line) if part]
            if len(parts) == 1 and parts[0].count(",") == 1:
                parts = parts[0].split(",")
            if len(parts) != 2:
                raise PathError(f"Dòng {number}: cần “vĩ độ, kinh độ”, ví dụ 10.3460, 107.0740.")
            lat, lon = parse_decimal(parts[0]), parse_decimal(parts[1])
            if lat is None or lon is None:
                raise PathError(f"Dòng {number}: “{line}” không phải tọa độ số.")
            points.append((lat, lon))
    if len(points) < 2:
        raise PathError("Đường cần ít nhất hai điểm (điểm đầu và điểm cuối của đoạn đường).")
    for number, (lat, lon) in enumerate(points, start=1):
        if not bounds.contains(lat, lon):
            raise PathError(f"Điểm {number} ({lat}, {lon}): {outside_city_message(bounds)}")
    return [(round(lat, COORDINATE_PLACES), round(lon, COORDINATE_PLACES)) for lat, lon in points]


def _points_from_geojson(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PathError(f"GeoJSON không hợp lệ (dòng {error.lineno}): {error.msg}.") from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry") or {}
    if not isinstance(data, dict) or data.get("type") != "LineString":
        raise PathError("GeoJSON phải là một LineString (đường), ví dụ từ geojson.io.")
    points = []
    for number, position in enumerate(data.get("coordinates") or [], start=1):
        if not isinstance(position, list) or len(position) < 2:
            raise PathError(f"Điểm {number}: cần [kinh độ, vĩ độ].")
        lon, lat = parse_decimal(position[0]), parse_decimal(position[1])
        if lat is None or lon is None:
            raise PathError(f"Điểm {number}: tọa độ không phải số.")
        points.append((lat, lon))
    return points


def format_path(points):
    """The stored form of a path: one ``"lat, lon"`` per line."""
    return "\n".join(f"{lat}, {lon}" for lat, lon in points)


def position(lat, lon):
    """A GeoJSON position ``[lon, lat]`` as floats rounded to 6 decimals."""
    return [round(float(lon), COORDINATE_PLACES), round(float(lat), COORDINATE_PLACES)]


def point_feature(lat, lon, properties, feature_id=None):
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": position(lat, lon)}}
    if feature_id is not None:
        feature["id"] = feature_id
    feature["properties"] = properties
    return feature


def line_feature(points, properties, feature_id=None):
    feature = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [position(lat, lon) for lat, lon in points]},
    }
    if feature_id is not None:
        feature["id"] = feature_id
    feature["properties"] = properties
    return feature


def feature_collection(features):
    """An RFC 7946 FeatureCollection with its ``bbox`` (no ``crs`` member: WGS 84 is implied)."""
    collection = {"type": "FeatureCollection"}
    positions = [p for feature in features for p in _positions(feature["geometry"])]
    if positions:
        lons, lats = [p[0] for p in positions], [p[1] for p in positions]
        collection["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    collection["features"] = features
    return collection


def _positions(geometry):
    if geometry["type"] == "Point":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def interpolate(points, fraction):
    """The point at ``fraction`` (0–1) of the way along a path, by straight segments."""
    if len(points) == 1:
        return points[0]
    lengths = [
        ((float(b[0]) - float(a[0])) ** 2 + (float(b[1]) - float(a[1])) ** 2) ** 0.5
        for a, b in zip(points, points[1:], strict=False)
    ]
    target = sum(lengths) * min(max(fraction, 0.0), 1.0)
    for (a, b), length in zip(zip(points, points[1:], strict=False), lengths, strict=True):
        if target <= length or length == 0:
            share = target / length if length else 0.0
            return (
                float(a[0]) + (float(b[0]) - float(a[0])) * share,
                float(a[1]) + (float(b[1]) - float(a[1])) * share,
            )
        target -= length
    return float(points[-1][0]), float(points[-1][1])
