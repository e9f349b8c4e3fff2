"""Import merchants from a CSV file (``manage.py import_merchants FILE.csv``).

Format (UTF-8, with or without BOM; comma-separated; first line is the header; column order free;
extra columns are ignored, so an open-data download can be imported back):

=============  ========  ===================================================================
column         required  content
=============  ========  ===================================================================
ma             yes       merchant key (letters, digits, ``-``, ``_``): re-importing updates it
ten            yes       shop name
loai           yes       category code (an-uong, bach-hoa, luu-tru, dich-vu, cho-tieu-thuong,
                         mua-sam, khac) or its Vietnamese label
phuong         yes       ward GSO code (e.g. 26508) or name (e.g. Phường Thắng Tam)
tuyen_duong    no        street page slug or street name, in that ward
dia_chi        yes       address
vi_do, kinh_do no        latitude, longitude (both or neither), inside Vũng Tàu city
phuong_thuc    yes       payment-method codes or names separated by ``;`` (e.g. vietqr;momo)
gio_mo_cua     no        opening hours (free text)
dien_thoai     no        shop phone
website        no        http(s) address
ngay_xac_minh  no        verification date, YYYY-MM-DD or DD/MM/YYYY
cong_khai      no        1/0, có/không (default 1: published)
du_lieu_mau    no        1/0 (default 0): sample record
=============  ========  ===================================================================

The whole file is validated before anything is written; any error aborts with every problem listed
as ``file:line: column: message`` and the database unchanged. Writing happens in one transaction.
"""

import csv
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from directory import geo
from portal.vietnamese import fold, nfc

COLUMNS = [
    "ma",
    "ten",
    "loai",
    "phuong",
    "tuyen_duong",
    "dia_chi",
    "vi_do",
    "kinh_do",
    "phuong_thuc",
    "gio_mo_cua",
    "dien_thoai",
    "website",
    "ngay_xac_minh",
    "cong_khai",
    "du_lieu_mau",
]
REQUIRED_COLUMNS = ["ma", "ten", "loai", "phuong", "dia_chi", "phuong_thuc"]
KEY_PATTERN = re.compile(r"^[-a-zA-Z0-9_]{1,64}$")
PHONE_PATTERN = re.compile(r"^[0-9 +().-]{6,32}$")
TRUE_VALUES = {"1", "co", "true", "yes", "x"}
FALSE_VALUES = {"0", "khong", "false", "no"}
MAX_LENGTHS = {"ten": 200, "dia_chi": 255, "gio_mo_cua": 200}
FIELDS = [
    "name",
    "category",
    "ward_id",
    "street_id",
    "address",
    "latitude",
    "longitude",
    "opening_hours",
    "phone",
    "website",
    "verified_on",
    "published",
    "is_sample",
]


class MerchantImportError(Exception):
    """The file has problems; ``errors`` lists them as ``file:line: column: message``."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportSummary:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ignored_columns: list = field(default_factory=list)


@dataclass
class Row:
    line: int
    key: str
    values: dict
    method_ids: set


class Lookups:
    """Wards, streets, categories and payment methods the file may name (loaded once)."""

    def __init__(self):
        from directory.models import CashlessStreetPage, Category, PaymentMethod
        from home.models import WardHomePage

        wards = list(WardHomePage.objects.filter(locale__language_code="vi"))
        self.wards = {w.gso_code: w.pk for w in wards} | {fold(w.title): w.pk for w in wards}
        self.streets = {}
        for street in CashlessStreetPage.objects.filter(locale__language_code="vi").only(
            "id", "slug", "street_name", "ward_id"
        ):
            self.streets[(street.ward_id, street.slug)] = street.pk
            self.streets[(street.ward_id, fold(street.street_name))] = street.pk
        self.categories = {value: value for value in Category.values} | {
            fold(label): value for value, label in Category.choices
        }
        methods = list(PaymentMethod.objects.all())
        self.methods = {m.code: m.pk for m in methods} | {fold(m.name): m.pk for m in methods}
        self.method_codes = ", ".join(m.code for m in methods)


def read_file(path):
    """Validate a CSV file; returns ``(rows, summary)`` or raises ``MerchantImportError``."""
    path = Path(path)
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise MerchantImportError([f"{name}: không tìm thấy tệp"]) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise MerchantImportError([f"{name}:{line}: tệp phải được mã hóa UTF-8"]) from None
    return parse_text(text, name)


def parse_text(text, name="<csv>"):
    reader = csv.DictReader(text.splitlines(keepends=True))
    header = [column.strip() for column in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise MerchantImportError([f"{name}:1: {column}: thiếu cột bắt buộc" for column in missing])
    reader.fieldnames = header
    summary = ImportSummary(ignored_columns=[column for column in header if column not in COLUMNS])
    lookups = Lookups()
    rows, errors, first_line_of = [], [], {}
    line = 1
    for record in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in record.values() if isinstance(value, str)):
            continue
        row_errors = []
        row = _parse_row(record, line, lookups, row_errors)
        if row is not None and row.key in first_line_of:
            row_errors.append(("ma", f"mã “{row.key}” trùng với dòng {first_line_of[row.key]}"))
        elif row is not None:
            first_line_of[row.key] = line
        errors.extend(f"{name}:{line}: {column}: {message}" for column, message in row_errors)
        if not row_errors:
            rows.append(row)
    if errors:
        raise MerchantImportError(errors)
    summary.rows = len(rows)
    return rows, summary


def _cell(record, column):
    return nfc((record.get(column) or "").strip())


def _parse_row(record, line, lookups, errors):
    def need(column):
        value = _cell(record, column)
        if not value:
            errors.append((column, "không được để trống"))
        elif column in MAX_LENGTHS and len(value) > MAX_LENGTHS[column]:
            errors.append((column, f"dài quá {MAX_LENGTHS[column]} ký tự"))
        return value

    key = need("ma")
    if key and not KEY_PATTERN.match(key):
        errors.append(("ma", "chỉ gồm chữ không dấu, chữ số, “-” và “_” (tối đa 64 ký tự)"))
    values = {"name": need("ten"), "address": need("dia_chi")}

    category = _cell(record, "loai")
    values["category"] = lookups.categories.get(category) or lookups.categories.get(fold(category))
    if not category:
        errors.append(("loai", "không được để trống"))
    elif values["category"] is None:
        errors.append(
            ("loai", f"loại hình “{category}” không có; dùng: {', '.join(sorted(set(lookups.categories.values())))}")
        )

    ward = _cell(record, "phuong")
    values["ward_id"] = lookups.wards.get(ward) or lookups.wards.get(fold(ward))
    if not ward:
        errors.append(("phuong", "không được để trống"))
    elif values["ward_id"] is None:
        errors.append(("phuong", f"không tìm thấy phường, xã “{ward}” (dùng mã 5 chữ số hoặc tên)"))

    street = _cell(record, "tuyen_duong")
    values["street_id"] = None
    if street and values["ward_id"]:
        values["street_id"] = lookups.streets.get((values["ward_id"], street)) or lookups.streets.get(
            (values["ward_id"], fold(street))
        )
        if values["street_id"] is None:
            errors.append(("tuyen_duong", f"không có tuyến đường “{street}” trong phường, xã này"))

    values["latitude"], values["longitude"] = _coordinates(record, errors)

    method_ids = set()
    methods = _cell(record, "phuong_thuc")
    if not methods:
        errors.append(("phuong_thuc", "cần ít nhất một phương thức thanh toán"))
    for item in filter(None, (part.strip() for part in re.split(r"[;|,]", methods))):
        method_id = lookups.methods.get(item) or lookups.methods.get(fold(item))
        if method_id is None:
            errors.append(("phuong_thuc", f"phương thức “{item}” không có trong danh sách ({lookups.method_codes})"))
        else:
            method_ids.add(method_id)

    values["opening_hours"] = _cell(record, "gio_mo_cua")
    if len(values["opening_hours"]) > MAX_LENGTHS["gio_mo_cua"]:
        errors.append(("gio_mo_cua", f"dài quá {MAX_LENGTHS['gio_mo_cua']} ký tự"))
    values["phone"] = _cell(record, "dien_thoai")
    if values["phone"] and not PHONE_PATTERN.match(values["phone"]):
        errors.append(("dien_thoai", f"số điện thoại “{values['phone']}” không hợp lệ"))
    values["website"] = _cell(record, "website")
    if values["website"]:
        try:
            URLValidator(schemes=["http", "https"])(values["website"])
        except ValidationError:
            errors.append(("website", f"“{values['website']}” không phải địa chỉ http(s) hợp lệ"))
    values["verified_on"] = _date(_cell(record, "ngay_xac_minh"), errors)
    values["published"] = _boolean(record, "cong_khai", True, errors)
    values["is_sample"] = _boolean(record, "du_lieu_mau", False, errors)
    if errors:
        return None
    return Row(line=line, key=key, values=values, method_ids=method_ids)


def _coordinates(record, errors):
    lat_text, lon_text = _cell(record, "vi_do"), _cell(record, "kinh_do")
    if not lat_text and not lon_text:
        return None, None
    if not lat_text or not lon_text:
        errors.append(("vi_do" if not lat_text else "kinh_do", "cần cả vĩ độ và kinh độ, hoặc để trống cả hai"))
        return None, None
    lat, lon = geo.parse_decimal(lat_text), geo.parse_decimal(lon_text)
    if lat is None:
        errors.append(("vi_do", f"“{lat_text}” không phải số"))
    if lon is None:
        errors.append(("kinh_do", f"“{lon_text}” không phải số"))
    if lat is None or lon is None:
        return None, None
    if not geo.city_bounds().contains(lat, lon):
        errors.append(("vi_do", f"({lat_text}, {lon_text}): {geo.outside_city_message()}"))
        return None, None
    return round(lat, geo.COORDINATE_PLACES), round(lon, geo.COORDINATE_PLACES)


def _date(text, errors):
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    errors.append(("ngay_xac_minh", f"ngày “{text}” không hợp lệ (dùng YYYY-MM-DD hoặc DD/MM/YYYY)"))
    return None


def _boolean(record, column, default, errors):
    text = fold(_cell(record, column))
    if not text:
        return default
    if text in TRUE_VALUES:
        return True
    if text in FALSE_VALUES:
        return False
    errors.append((column, f"“{_cell(record, column)}” không hợp lệ (dùng 1 hoặc 0)"))
    return default


def apply_rows(rows, summary, progress=None, every=100):
    """Create or update merchants by key, in one transaction. ``progress(done, total)`` is called
    every ``every`` rows and at the end."""
    from directory.models import Merchant

    with transaction.atomic():
        existing = {
            m.key: m
            for m in Merchant.objects.filter(key__in=[row.key for row in rows]).prefetch_related("payment_methods")
        }
        for done, row in enumerate(rows, start=1):
            merchant = existing.get(row.key)
            if merchant is None:
                merchant = Merchant(key=row.key, source="import", **row.values)
                merchant.save()
                merchant.payment_methods.set(row.method_ids)
                summary.created += 1
            else:
                changed = [name for name in FIELDS if getattr(merchant, name) != row.values[name]]
                methods_changed = {m.pk for m in merchant.payment_methods.all()} != row.method_ids
                if changed:
                    for name in changed:
                        setattr(merchant, name, row.values[name])
                    merchant.save()
                if methods_changed:
                    merchant.payment_methods.set(row.method_ids)
                if changed or methods_changed:
                    summary.updated += 1
                else:
                    summary.unchanged += 1
            if progress and (done % every == 0 or done == len(rows)):
                progress(done, len(rows))
    return summary


def import_file(path, progress=None, dry_run=False):
    rows, summary = read_file(path)
    if dry_run:
        return summary
    return apply_rows(rows, summary, progress)
