"""Reading the source files: each format, and each kind of bad input reported as file:line: field: message."""

import gzip
import json
import unicodedata

import pytest
from openpyxl import Workbook

from procedures.sources import SourceErrors, read_sources
from procedures.structure import DATA_DIR
from tests.procedures.conftest import real_line, real_record, write_jsonl

LISTS = DATA_DIR / "dichvucong-lists"


def errors_of(paths):
    with pytest.raises(SourceErrors) as caught:
        read_sources(paths)
    return [str(error) for error in caught.value.errors]


def test_detail_record_fields_from_a_decomposed_record(tmp_path):
    path = write_jsonl(tmp_path, ["1.000757"])
    source = real_record("1.000757")
    assert not unicodedata.is_normalized("NFC", source["linh_vuc"])
    (record,), notes = read_sources([path])
    assert notes == []
    assert record.code == "1.000757"
    assert (record.path, record.line, record.source) == (str(path), 1, "dichvucong")
    values = record.values
    assert values["sector"] == "Cấp, quản lý căn cước" and unicodedata.is_normalized("NFC", values["sector"])
    assert values["name"] == unicodedata.normalize("NFC", source["ten_thu_tuc"])
    assert values["levels"] == ["bo"]  # "Cấp bộ"
    assert values["target_groups"] == ["Công dân Việt Nam"]
    assert values["decision_number"] == source["so_quyet_dinh"]
    assert values["national_url"] == source["detail_url"]
    assert values["competent_agency"] == "Cục cảnh sát quản lý hành chính về trật tự, xã hội"
    for value in values.values():
        assert unicodedata.is_normalized("NFC", json.dumps(value, ensure_ascii=False))


def test_defence_structured_record(tmp_path):
    # 1.013124: metadata "Quyết định số 6225/QĐ-BQP", "Cấp Bộ"; tables: 3 channels "30 Ngày làm việc" / "Phí : 0 Đồng";
    # documents with "so_luong": "5-PHLCII.doc", "ghi_chu": "Bản chính: 1\nBản sao: 0"; legal basis "12".
    (record,), _ = read_sources([write_jsonl(tmp_path, ["1.013124"])])
    values = record.values
    assert record.source == "bqp"
    assert values["decision_number"] == "6225/QĐ-BQP"
    assert values["levels"] == ["bo"]
    assert values["sector"] == "Ứng phó sự cố tràn dầu"
    assert [(c["kind"], c["time_value"], c["time_unit"], c["fee_amount"]) for c in values["channels"]] == [
        ("truc_tiep", "30", "Ngày làm việc", 0),
        ("truc_tuyen", "30", "Ngày làm việc", 0),
        ("buu_chinh", "30", "Ngày làm việc", 0),
    ]
    assert values["channels"][1]["description"] == "hoặc bằng các hình thức phù hợp khác"
    assert values["documents"][1]["form_names"] == ["5-PHLCII.doc"]
    assert [(d["originals"], d["copies"]) for d in values["documents"]] == [(1, 0), (1, 0)]
    assert values["legal_basis"][0]["number"] == "12"
    assert values["legal_basis"][0]["issued"] == "24-03-2021"
    assert values["legal_basis"][0]["issuer"] == "Thủ tướng Chính phủ"
    assert values["authorized_agency"] == ""  # "Không có thông tin"
    assert values["conditions"] == ""  # "Không"


def test_xlsx_catalogue_export():
    # toa-an-nhan-dan.xlsx: a title block (row 1), header "Mã số | Tên | …" (row 2), rows 3.000164, 3.000163, 3.000165.
    path = LISTS / "toa-an-nhan-dan.xlsx"
    records, notes = read_sources([path])
    assert [(r.code, r.line) for r in records] == [("3.000164", 3), ("3.000163", 4), ("3.000165", 5)]
    assert notes == []
    first = records[0]
    assert first.values == {
        "name": "Đăng ký nhận các thông báo, văn bản tố tụng bằng phương tiện điện tử",
        "issuing_body": "Tòa án nhân dân",
        "implementing_agency": "Tòa án nhân dân cấp cao\nTòa án nhân dân tỉnh, thành phố trực thuộc trung ương\n"
        "Tòa án nhân dân cấp huyện, quận, thị xã, thành phố thuộc tỉnh và tương đương",
        "sector": "Tòa án",
    }


def test_detail_record_wins_over_the_catalogue_row(tmp_path):
    path = write_jsonl(tmp_path, ["1.000080"])
    records, _ = read_sources([LISTS / "danh-sach-tthc-BoTuPhap.xlsx", path])
    record = next(r for r in records if r.code == "1.000080")
    assert record.source == "dichvucong"
    assert record.values["issuing_body"] == "Bộ Tư pháp"  # only the catalogue export has it
    assert len(records) == 271


def test_csv_template(tmp_path):
    path = tmp_path / "danh-sach.csv"
    path.write_text(
        "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,linh_vuc,hinh_thuc_nop,thoi_han_giai_quyet,phi_le_phi\n"
        '1.001193,Thủ tục đăng ký khai sinh,Cấp xã,Hộ tịch,"Trực tiếp; Trực tuyến",Trong ngày,Miễn phí\n',
        encoding="utf-8",
    )
    (record,), _ = read_sources([path])
    assert record.values["levels"] == ["xa"]
    assert [(c["kind"], c["time_text"], c["fee_amount"]) for c in record.values["channels"]] == [
        ("truc_tiep", "Trong ngày", 0), ("truc_tuyen", "Trong ngày", 0)
    ]
    assert "documents" not in record.values  # a catalogue row only provides its columns


# --- Bad input -------------------------------------------------------------------------------------


def test_malformed_json_line(tmp_path):
    path = tmp_path / "hong.jsonl"
    path.write_text(real_line("1.001193") + "\n{\"ma_thu_tuc\": \"1.0\n", encoding="utf-8")
    (error,) = errors_of([path])
    assert error.startswith(f"{path}:2: json: dòng JSON không hợp lệ")


def test_missing_code_and_missing_name(tmp_path):
    record = real_record("1.001193")
    no_code = {**record, "ma_thu_tuc": ""}
    no_name = {**record, "ten_thu_tuc": "Không có thông tin"}
    path = tmp_path / "thieu.jsonl"
    path.write_text(json.dumps(no_code, ensure_ascii=False) + "\n" + json.dumps(no_name, ensure_ascii=False),
                    encoding="utf-8")
    assert errors_of([path]) == [
        f"{path}:1: ma_thu_tuc: thiếu mã thủ tục",
        f"{path}:2: ten_thu_tuc: thiếu tên thủ tục (mã 1.001193)",
    ]


def test_unknown_json_keys_and_unknown_columns(tmp_path):
    jsonl = tmp_path / "la.jsonl"
    jsonl.write_text('{"id": 1, "title": "x"}\n', encoding="utf-8")
    workbook = Workbook()
    workbook.active.append(["Mã số", "Tên", "Ghi chú"])
    workbook.active.append(["1.001193", "Thủ tục đăng ký khai sinh", ""])
    xlsx = tmp_path / "la.xlsx"
    workbook.save(xlsx)
    csv = tmp_path / "la.csv"
    csv.write_text("ma_thu_tuc,ten,gia\n1.001193,x,1\n", encoding="utf-8")
    errors = errors_of([jsonl, xlsx, csv])
    assert errors[0].startswith(f"{jsonl}:1: json: không nhận ra bộ trường (id, title)")
    assert errors[1].startswith(f"{xlsx}:1: cột: bộ cột không nhận ra (Mã số, Tên, Ghi chú)")
    assert errors[2] == (
        f"{csv}:1: cột: cột không nhận ra: ten, gia; thiếu cột: ten_thu_tuc (xem docs/procedures.md)"
    )


def test_wrong_file_types(tmp_path):
    pdf = tmp_path / "danh-muc.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    fake_gzip = tmp_path / "hong.jsonl.gz"
    fake_gzip.write_bytes(b"not gzip at all")
    fake_xlsx = tmp_path / "hong.xlsx"
    fake_xlsx.write_text("Mã số,Tên", encoding="utf-8")
    errors = errors_of([pdf, fake_gzip, fake_xlsx, tmp_path / "khong-co.jsonl"])
    assert errors[0] == f"{pdf}:1: tệp: loại tệp không hỗ trợ; dùng .jsonl, .jsonl.gz, .xlsx hoặc .csv"
    assert errors[1].startswith(f"{fake_gzip}:1: tệp: không giải nén được tệp gzip")
    assert errors[2].startswith(f"{fake_xlsx}:1: tệp: không đọc được tệp XLSX")
    assert errors[3] == f"{tmp_path / 'khong-co.jsonl'}:1: tệp: không tìm thấy tệp"


def test_duplicate_code_with_conflicting_data(tmp_path):
    first = write_jsonl(tmp_path, ["1.001193"], name="a.jsonl")
    changed = {**real_record("1.001193"), "ten_thu_tuc": "Thủ tục đăng ký khai sinh (bản khác)"}
    second = tmp_path / "b.jsonl.gz"
    second.write_bytes(gzip.compress((json.dumps(changed, ensure_ascii=False) + "\n").encode()))
    assert errors_of([first, second]) == [
        f"{second}:1: ma_thu_tuc: mã 1.001193 trùng với {first}:1 nhưng khác dữ liệu (name)"
    ]
    records, notes = read_sources([first, first])  # the same data twice is no conflict
    assert len(records) == 1 and len(notes) == 1


def test_shipped_csv_template_reads_cleanly():
    (record,), notes = read_sources([DATA_DIR / "templates" / "thu-tuc-mau.csv"])
    source = real_record(record.code)
    assert record.values["name"] == unicodedata.normalize("NFC", source["ten_thu_tuc"])
    assert record.values["sector"] == source["linh_vuc"] and record.values["levels"] == ["xa"]
    assert [c["kind"] for c in record.values["channels"]] == ["truc_tuyen", "buu_chinh", "truc_tiep"]
