"""Open data: merchants as CSV (the importer's own columns, so a download can be re-imported) and
merchants and streets as RFC 7946 GeoJSON (WGS 84, ``[longitude, latitude]``, one geometry type
per file so that every GIS tool opens it as one layer)."""

from directory import geo
from directory.importer import COLUMNS
from portal.exports import csv_text

LABEL_COLUMNS = ["ten_loai", "ten_phuong", "ten_tuyen_duong", "ten_phuong_thuc", "duong_dan"]
LICENCE_NOTE = "Dữ liệu mở của Cổng thông tin điện tử thành phố Vũng Tàu"


def merchant_record(merchant):
    """One merchant as the importer's columns plus readable labels (``merchant`` decorated)."""
    return {
        "ma": merchant.key,
        "ten": merchant.name,
        "loai": merchant.category,
        "phuong": merchant.ward_page.gso_code if merchant.ward_page else "",
        "tuyen_duong": merchant.street_page.slug if merchant.street_page else "",
        "dia_chi": merchant.address,
        "vi_do": "" if merchant.latitude is None else f"{merchant.latitude:.6f}",
        "kinh_do": "" if merchant.longitude is None else f"{merchant.longitude:.6f}",
        "phuong_thuc": ";".join(method.code for method in merchant.methods),
        "gio_mo_cua": merchant.opening_hours,
        "dien_thoai": merchant.phone,
        "website": merchant.website,
        "ngay_xac_minh": merchant.verified_on.isoformat() if merchant.verified_on else "",
        "cong_khai": "1",
        "du_lieu_mau": "1" if merchant.is_sample else "0",
        "ten_loai": merchant.get_category_display(),
        "ten_phuong": merchant.ward_page.title if merchant.ward_page else "",
        "ten_tuyen_duong": merchant.street_page.street_name if merchant.street_page else "",
        "ten_phuong_thuc": "; ".join(method.name for method in merchant.methods),
        "duong_dan": merchant.detail_url,
    }


def merchants_csv(merchants, absolute=lambda url: url):
    """UTF-8 CSV text with a byte-order mark, through the one writer (portal/exports.py)."""
    columns = COLUMNS + LABEL_COLUMNS
    rows = []
    for merchant in merchants:
        record = merchant_record(merchant)
        record["duong_dan"] = absolute(record["duong_dan"]) if record["duong_dan"] else ""
        rows.append([record.get(column, "") for column in columns])
    return csv_text(columns, rows)


def merchants_geojson(merchants, absolute=lambda url: url):
    """FeatureCollection of Points; merchants without coordinates are left out (they are in the CSV)."""
    features = []
    for merchant in merchants:
        if not merchant.has_location:
            continue
        record = merchant_record(merchant)
        record["duong_dan"] = absolute(record["duong_dan"]) if record["duong_dan"] else ""
        properties = {key: record[key] for key in COLUMNS + LABEL_COLUMNS if key not in ("vi_do", "kinh_do")}
        properties["du_lieu_mau"] = merchant.is_sample
        properties.pop("cong_khai")
        features.append(geo.point_feature(merchant.latitude, merchant.longitude, properties, feature_id=merchant.key))
    return geo.feature_collection(features)


def streets_geojson(streets, url_of=lambda street: ""):
    """FeatureCollection of LineStrings, one per street with a path."""
    features = []
    for street in streets:
        points = street.points
        if not points:
            continue
        properties = {
            "ten": street.title,
            "ten_duong": street.street_name,
            "phuong": street.ward_page.gso_code if street.ward_page else "",
            "ten_phuong": street.ward_page.title if street.ward_page else "",
            "doan_duong": street.segment or "",
            "trang_thai": street.status,
            "ngay_ra_mat": street.launch_date.isoformat() if street.launch_date else "",
            "du_lieu_mau": street.is_sample,
            "so_cua_hang": getattr(street, "merchant_count", None),
            "duong_dan": url_of(street),
        }
        features.append(geo.line_feature(points, properties, feature_id=street.pk))
    return geo.feature_collection(features)
