"""Loading the plan's indicators: the real file, idempotency, and malformed files (atomic)."""

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from transparency.importer import (
    ANNOTATIONS_FILE,
    INDICATORS_FILE,
    IndicatorFileError,
    import_plan,
    load_json_with_lines,
    parse_plan,
)
from transparency.models import BaselineResult, Indicator, IndicatorGroup

pytestmark = pytest.mark.django_db

SOURCE_TEXT = INDICATORS_FILE.read_text(encoding="utf-8")


def counts():
    return (IndicatorGroup.objects.count(), Indicator.objects.count(), BaselineResult.objects.count())


def test_the_real_file_gives_42_indicators_in_five_groups_and_the_2023_results():
    assert import_plan() == {"created": 5 + 42 + 6, "updated": 0}
    by_group = {g.slug: g.indicators.count() for g in IndicatorGroup.objects.all()}
    assert by_group == {
        "chinh-quyen-so": 12,
        "kinh-te-so": 6,
        "xa-hoi-so": 15,
        "an-toan-thong-tin": 7,
        "do-thi-thong-minh": 2,
    }
    cqs12 = Indicator.objects.get(code="CQS-12")
    assert (cqs12.target, cqs12.unit, cqs12.kind, cqs12.per_ward) == (Decimal(17), "wards", "reach", True)
    assert Indicator.objects.get(code="XHS-06").kind == "maintain"  # "Duy trì 85%"
    assert Indicator.objects.get(code="XHS-09").kind == "stay_above"  # "Duy trì trên 90%" (maintain_above)
    assert Indicator.objects.get(code="XHS-13").kind == "stay_above"  # "Trên 95%" (above)
    assert Indicator.objects.get(code="DTTM-01").due_date.isoformat() == "2024-06-30"  # "quý II/2024"
    assert set(Indicator.objects.filter(per_ward=True).values_list("code", flat=True)) == {
        "CQS-12",
        "XHS-15",
        "XHS-03",
        "ATTT-02",
    }
    assert not Indicator.objects.filter(text_en="").exists()
    first = BaselineResult.objects.get(year=2023, sort_order=0)
    assert (first.value, first.numerator, first.denominator) == (Decimal("98.27"), 23391, 23802)
    assert first.value_label() == "98,27% (23.391/23.802)"


def test_reimporting_changes_nothing():
    import_plan()
    assert import_plan() == {"created": 0, "updated": 0}
    assert counts() == (5, 42, 6)


def test_the_file_is_the_source_of_the_targets():
    import_plan()
    Indicator.objects.filter(code="CQS-03").update(target=Decimal(50))
    assert import_plan() == {"created": 0, "updated": 1}
    assert Indicator.objects.get(code="CQS-03").target == Decimal(85)


def test_objects_know_their_line():
    data = load_json_with_lines('{"a": [\n  {"x": 1},\n\n  {"y": 2}\n]}')
    assert data.line == 1 and [item.line for item in data["a"]] == [2, 4]


def write(tmp_path, text, name="indicators.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of_object_at(text, offset):
    """1-based line of the opening brace of the JSON object around character ``offset``."""
    return text.count("\n", 0, text.rindex("{", 0, offset)) + 1


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        (
            '"code": "CQS-03",\n   "text_vi": "Hồ sơ thanh toán trực tuyến trên Cổng Dịch vụ công tỉnh/quốc gia '
            'trên tổng số hồ sơ thanh toán",\n   "target": 85,',
            None,
            "indicators[2].target",
            "cần một số, nhận được 'tám mươi lăm'",
        ),
        ('"unit": "wards"', '"unit": "phuong"', "indicators[11].unit", "nhận được 'phuong'"),
        ('"kind": "maintain_above"', '"kind": "exceed"', "indicators[26].kind", "nhận được 'exceed'"),
        ('"code": "KTS-02"', '"code": "KTS-01"', "indicators[13].code", "mã chỉ tiêu 'KTS-01' bị trùng"),
        ('"target": 16,', '"target": 160,', "indicators[12].target", "tỷ lệ không được vượt quá 100"),
        ('"target": 17,', '"target": 18,', "indicators[11].target", "số phường, xã phải là số nguyên từ 0 đến 17"),
    ],
)
def test_a_malformed_indicator_is_reported_with_file_line_and_field(tmp_path, old, new, field, message):
    if new is None:  # replace the CQS-03 target by text
        assert old in SOURCE_TEXT
        new = old.replace('"target": 85,', '"target": "tám mươi lăm",')
    text = SOURCE_TEXT.replace(old, new, 1)
    assert text != SOURCE_TEXT
    path = write(tmp_path, text)
    with pytest.raises(IndicatorFileError) as raised:
        parse_plan(path)
    matching = [error for error in raised.value.errors if f": {field}: " in error]
    assert matching, raised.value.errors
    assert message in matching[0]
    assert matching[0].startswith(f"{path}:{line_of_object_at(text, SOURCE_TEXT.index(old))}: ")


def test_broken_json_gives_its_line(tmp_path):
    text = SOURCE_TEXT.replace('"target": 100,', '"target": 100', 1)
    path = write(tmp_path, text)
    with pytest.raises(IndicatorFileError) as raised:
        parse_plan(path)
    assert raised.value.errors[0].startswith(f"{path}:")
    assert "JSON không hợp lệ" in raised.value.errors[0]


def test_annotations_for_unknown_codes_are_refused(tmp_path):
    notes = json.loads(ANNOTATIONS_FILE.read_text(encoding="utf-8"))
    notes["indicators"]["ZZZ-99"] = {"text_en": "Nothing"}
    path = write(tmp_path, json.dumps(notes, ensure_ascii=False), "notes.json")
    with pytest.raises(IndicatorFileError) as raised:
        parse_plan(INDICATORS_FILE, path)
    assert "ZZZ-99" in str(raised.value)


def test_a_malformed_file_changes_nothing_and_the_command_says_what_is_wrong(tmp_path):
    import_plan()
    Indicator.objects.filter(code="CQS-01").update(text_en="Edited")
    before = counts()
    text = SOURCE_TEXT.replace('"unit": "milestone"', '"unit": "mốc"', 1).replace('"code": "CQS-01"', '"code": ""', 1)
    path = write(tmp_path, text)
    with pytest.raises(CommandError) as raised:
        call_command("import_indicators", str(path))
    message = str(raised.value)
    # Every problem at once: the empty code, the unknown unit, and CQS-01's annotation left without indicator.
    assert "3 lỗi" in message and "Không có thay đổi nào được ghi" in message
    assert "indicators[0].code" in message and "indicators[40].unit" in message
    assert "mã không có trong tệp chỉ tiêu: CQS-01" in message
    assert counts() == before
    assert Indicator.objects.get(code="CQS-01").text_en == "Edited"


def test_the_command_loads_the_real_file():
    call_command("import_indicators", stdout=open("/dev/null", "w"))
    assert counts() == (5, 42, 6)
