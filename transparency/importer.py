"""Load the plan's indicators (``data/indicators-2024.json``) and the portal's annotations of them
(``data/indicator-annotations.json``: English texts, which indicators are measured per ward, due
dates) into the database.

Validation is complete before anything is written and every problem is reported as
``file:line: field: message``; ``import_plan`` runs in one transaction, so a malformed file
changes nothing. Re-running with the same files changes nothing (idempotent).
"""

import bisect
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from json import scanner
from json.decoder import JSONObject
from pathlib import Path

from django.db import transaction

from transparency import formatting, progress

DATA_DIR = Path(__file__).resolve().parent / "data"
INDICATORS_FILE = DATA_DIR / "indicators-2024.json"
ANNOTATIONS_FILE = DATA_DIR / "indicator-annotations.json"
PLAN_KINDS = {
    "reach": progress.REACH,
    "maintain": progress.MAINTAIN,
    "maintain_above": progress.STAY_ABOVE,
    "above": progress.STAY_ABOVE,
}
RESULT_UNITS = {progress.PERCENT, "count"}


class IndicatorFileError(ValueError):
    """The indicators (or annotations) file is malformed; ``errors`` lists every problem found."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


class _Located(dict):
    """A JSON object that remembers the line it starts on."""

    line = 0


def load_json_with_lines(text):
    """``json.loads`` whose objects are ``_Located`` dicts carrying their starting line number."""
    newlines = [index for index, char in enumerate(text) if char == "\n"]
    decoder = json.JSONDecoder()

    def parse_object(s_and_end, *args, **kwargs):
        start = s_and_end[1] - 1
        obj, end = JSONObject(s_and_end, *args, **kwargs)
        located = _Located(obj)
        located.line = bisect.bisect_right(newlines, start) + 1
        return located, end

    decoder.parse_object = parse_object
    decoder.scan_once = scanner.py_make_scanner(decoder)
    return decoder.decode(text)


@dataclass
class ParsedPlan:
    year: int
    groups: list = field(default_factory=list)  # dicts: slug, name_vi, name_en, sort_order
    indicators: list = field(default_factory=list)  # dicts ready for Indicator(**…) minus group
    results: list = field(default_factory=list)  # dicts ready for BaselineResult(**…)


class _Checker:
    def __init__(self, path):
        self.path = path
        self.errors = []

    def error(self, obj, where, message):
        line = getattr(obj, "line", 0)
        self.errors.append(f"{self.path}:{line}: {where}: {message}")

    def objects(self, data, key, label, required=True):
        """Yield ``(index, where, item)`` for each object of the list ``data[key]``; report what is wrong."""
        items = data.get(key, None if required else [])
        if not isinstance(items, list) or (required and not items):
            self.error(data, key, f"cần danh sách {label} không rỗng")
            return
        for index, item in enumerate(items):
            where = f"{key}[{index}]"
            if not isinstance(item, dict):
                self.error(data, where, "cần một object")
                continue
            yield index, where, item

    def unique(self, item, where, value, seen, label):
        if value in seen:
            self.error(item, where, f"{label} {value!r} bị trùng")
        seen.add(value)

    def text(self, obj, where, key, required=True):
        value = obj.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.error(obj, f"{where}.{key}", f"cần một chuỗi không rỗng, nhận được {value!r}")
            return ""
        return value.strip()

    def number(self, obj, where, key, required=True):
        value = obj.get(key)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(obj, f"{where}.{key}", f"cần một số, nhận được {value!r}")
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.error(obj, f"{where}.{key}", f"số không hợp lệ: {value!r}")
            return None
        if number < 0:
            self.error(obj, f"{where}.{key}", f"không được âm, nhận được {value!r}")
            return None
        return number


def _read(path):
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise IndicatorFileError([f"{path}: không tìm thấy tệp"]) from None
    except UnicodeDecodeError as error:
        raise IndicatorFileError([f"{path}: tệp không phải UTF-8 ({error.reason})"]) from None
    try:
        return load_json_with_lines(text)
    except json.JSONDecodeError as error:
        raise IndicatorFileError([f"{path}:{error.lineno}: JSON không hợp lệ: {error.msg}"]) from None


def parse_plan(path=INDICATORS_FILE, annotations_path=ANNOTATIONS_FILE, ward_total=formatting.WARD_TOTAL):
    """Read and validate both files; raise ``IndicatorFileError`` listing every problem."""
    data, notes = _read(path), _read(annotations_path)
    check = _Checker(Path(path))
    if not isinstance(data, dict):
        raise IndicatorFileError([f"{path}:1: (gốc): cần một object JSON"])
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        check.error(data, "year", f"cần năm kế hoạch (số nguyên), nhận được {year!r}")
    plan = ParsedPlan(year=year if isinstance(year, int) else 0)

    slugs = set()
    for index, where, item in check.objects(data, "groups", "nhóm chỉ tiêu"):
        slug = check.text(item, where, "slug")
        check.unique(item, f"{where}.slug", slug, slugs, "mã nhóm")
        plan.groups.append(
            {"slug": slug, "name_vi": check.text(item, where, "name_vi"),
             "name_en": check.text(item, where, "name_en", required=False), "sort_order": index}
        )

    annotations = _parse_annotations(notes, Path(annotations_path))
    codes = set()
    for index, where, item in check.objects(data, "indicators", "chỉ tiêu"):
        code = check.text(item, where, "code")
        check.unique(item, f"{where}.code", code, codes, "mã chỉ tiêu")
        group = item.get("group")
        if group not in slugs:
            check.error(item, f"{where}.group", f"nhóm {group!r} không có trong danh sách groups")
        unit = item.get("unit")
        if unit not in progress.UNITS:
            units = ", ".join(progress.UNITS)
            check.error(item, f"{where}.unit", f"đơn vị phải là một trong {units}, nhận được {unit!r}")
        kind = item.get("kind")
        if kind not in PLAN_KINDS:
            check.error(item, f"{where}.kind", f"loại phải là một trong {', '.join(PLAN_KINDS)}, nhận được {kind!r}")
        target = check.number(item, where, "target")
        if target is not None:
            if unit == progress.PERCENT and target > 100:
                check.error(item, f"{where}.target", f"tỷ lệ không được vượt quá 100, nhận được {target}")
            if unit == progress.WARDS and (target > ward_total or target != target.to_integral_value()):
                check.error(item, f"{where}.target", f"số phường, xã phải là số nguyên từ 0 đến {ward_total}")
            if unit == progress.MILESTONE and target != 1:
                check.error(item, f"{where}.target", "chỉ tiêu mốc phải có target = 1")
        note = annotations.get(code, {})
        plan.indicators.append(
            {
                "group_slug": group,
                "code": code,
                "sort_order": index,
                "text_vi": check.text(item, where, "text_vi"),
                "text_en": note.get("text_en", ""),
                "target": target,
                "unit": unit,
                "kind": PLAN_KINDS.get(kind, ""),
                "plan_year": plan.year,
                "due_date": note.get("due_date"),
                "per_ward": bool(note.get("per_ward")),
                "ward_value_kind": note.get("ward_value", "") if note.get("per_ward") else "",
                "ward_value_label": note.get("ward_label_vi", "") if note.get("per_ward") else "",
                "ward_value_label_en": note.get("ward_label_en", "") if note.get("per_ward") else "",
            }
        )
        if note.get("per_ward") and unit not in (progress.PERCENT, progress.WARDS):
            check.error(item, f"{where}.unit", f"chỉ tiêu {code} đo theo phường phải có đơn vị percent hoặc wards")

    result_notes = annotations.get("__results__", [])
    for index, where, item in check.objects(data, "results_2023", "kết quả năm trước", required=False):
        unit = item.get("unit")
        if unit not in RESULT_UNITS:
            check.error(item, f"{where}.unit", f"đơn vị phải là percent hoặc count, nhận được {unit!r}")
        value = check.number(item, where, "value")
        if unit == progress.PERCENT and value is not None and value > 100:
            check.error(item, f"{where}.value", f"tỷ lệ không được vượt quá 100, nhận được {value}")
        plan.results.append(
            {
                "year": plan.year - 1,
                "sort_order": index,
                "text_vi": check.text(item, where, "text"),
                "text_en": result_notes[index] if index < len(result_notes) else "",
                "value": value,
                "unit": unit,
                "numerator": check.number(item, where, "numerator", required=False),
                "denominator": check.number(item, where, "denominator", required=False),
            }
        )
    unknown = sorted(set(annotations) - codes - {"__results__"})
    if unknown:
        check.errors.append(f"{annotations_path}: indicators: mã không có trong tệp chỉ tiêu: {', '.join(unknown)}")
    if check.errors:
        raise IndicatorFileError(check.errors)
    return plan


def _parse_annotations(data, path):
    """``{code: {...}, "__results__": [English texts]}`` from the annotations file."""
    check = _Checker(path)
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), dict):
        raise IndicatorFileError([f"{path}:1: indicators: cần một object theo mã chỉ tiêu"])
    annotations = {}
    for code, note in data["indicators"].items():
        where = f"indicators.{code}"
        if not isinstance(note, dict):
            check.error(data["indicators"], where, "cần một object")
            continue
        parsed = {"text_en": check.text(note, where, "text_en"), "per_ward": note.get("per_ward", False)}
        if not isinstance(parsed["per_ward"], bool):
            check.error(note, f"{where}.per_ward", "cần true hoặc false")
        if parsed["per_ward"]:
            ward_value = note.get("ward_value")
            if ward_value not in (formatting.YES_NO, formatting.COUNT):
                check.error(note, f"{where}.ward_value", f"phải là yes_no hoặc count, nhận được {ward_value!r}")
            parsed["ward_value"] = ward_value
            parsed["ward_label_vi"] = check.text(note, where, "ward_label_vi")
            parsed["ward_label_en"] = check.text(note, where, "ward_label_en", required=False)
        if "due_date" in note:
            try:
                parsed["due_date"] = date.fromisoformat(note["due_date"])
            except (TypeError, ValueError):
                check.error(note, f"{where}.due_date", f"cần ngày dạng YYYY-MM-DD, nhận được {note['due_date']!r}")
        annotations[code] = parsed
    results = data.get("results_en", [])
    if not isinstance(results, list) or not all(isinstance(text, str) for text in results):
        check.error(data, "results_en", "cần danh sách chuỗi")
        results = []
    annotations["__results__"] = results
    if check.errors:
        raise IndicatorFileError(check.errors)
    return annotations


def _sync(model, lookup, values):
    """Create the row, or update it only where a field differs. Returns "created", "updated" or None."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        model.objects.create(**lookup, **values)
        return "created"
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return None
    for name in changed:
        setattr(obj, name, values[name])
    obj.save(update_fields=changed)
    return "updated"


def import_plan(path=INDICATORS_FILE, annotations_path=ANNOTATIONS_FILE):
    """Validate, then write groups, indicators and previous-year results atomically.

    Indicators are the plan's: an existing indicator is updated to match the file (targets are not
    edited in the admin); indicators missing from the file are left alone (their measurements stay).
    Returns counts ``{"created": n, "updated": n}``.
    """
    from transparency.models import BaselineResult, Indicator, IndicatorGroup

    plan = parse_plan(path, annotations_path)
    counts = {"created": 0, "updated": 0}

    def count(outcome):
        if outcome:
            counts[outcome] += 1

    with transaction.atomic():
        groups = {}
        for group in plan.groups:
            count(_sync(IndicatorGroup, {"slug": group["slug"]}, {k: v for k, v in group.items() if k != "slug"}))
            groups[group["slug"]] = IndicatorGroup.objects.get(slug=group["slug"])
        for item in plan.indicators:
            values = {k: v for k, v in item.items() if k not in ("code", "group_slug")}
            values["group_id"] = groups[item["group_slug"]].pk
            count(_sync(Indicator, {"code": item["code"]}, values))
        for result in plan.results:
            lookup = {"year": result["year"], "sort_order": result["sort_order"]}
            count(_sync(BaselineResult, lookup, {k: v for k, v in result.items() if k not in lookup}))
    return counts
