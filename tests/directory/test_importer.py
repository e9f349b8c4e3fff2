"""import_merchants: documented columns, idempotent by key, atomic with file:line: column: message."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from directory.importer import COLUMNS
from directory.models import Merchant

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)
GOOD = [
    "ba-cu-001,Quán Cô Ba,an-uong,26506,ba-cu,Số 12 Ba Cu,10.3470,107.0765,vietqr;momo,6:00 – 21:00,"
    "0254 3 111 222,,2024-03-01,1,0",
    "thang-tam-001,Khách sạn Biển Xanh,Lưu trú,Phường Thắng Tam,Thùy Vân,Số 5 Thùy Vân,10.3450,107.0940,"
    "the;Ví ZaloPay,,,https://bienxanh.example,02/04/2024,có,0",
    "phuong-1-002,Tạp hóa Sáu,bach-hoa,26506,,Số 3 Lê Lợi,,,vietqr,,,,,1,0",
]


def write(tmp_path, lines, header=HEADER, name="cua-hang.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def run(path):
    out = io.StringIO()
    call_command("import_merchants", str(path), stdout=out)
    return out.getvalue()


def snapshot():
    return sorted(Merchant.objects.values_list("key", "name", "address", "published"))


def test_imports_a_good_file_and_reports_progress_and_summary(tmp_path, street, other_street):
    output = run(write(tmp_path, GOOD))
    assert "đã ghi 3/3 dòng" in output
    assert "Đã nhập 3 dòng: 3 tạo mới, 0 cập nhật, 0 không đổi." in output
    quan = Merchant.objects.get(key="ba-cu-001")
    assert quan.street_id == street.pk and quan.source == "import" and quan.published
    assert {m.code for m in quan.payment_methods.all()} == {"vietqr", "momo"}
    hotel = Merchant.objects.get(key="thang-tam-001")
    assert hotel.category == "luu-tru" and hotel.street_id == other_street.pk
    assert {m.code for m in hotel.payment_methods.all()} == {"the", "zalopay"}
    assert str(hotel.verified_on) == "2024-04-02"
    assert Merchant.objects.get(key="phuong-1-002").latitude is None


def test_reimport_is_idempotent_and_updates_by_key(tmp_path, street, other_street):
    path = write(tmp_path, GOOD)
    run(path)
    before = snapshot()
    assert "0 tạo mới, 0 cập nhật, 3 không đổi." in run(path)
    assert snapshot() == before
    changed = [GOOD[0].replace("Quán Cô Ba", "Quán Cô Ba mới").replace("vietqr;momo", "vietqr"), *GOOD[1:]]
    assert "0 tạo mới, 1 cập nhật, 2 không đổi." in run(write(tmp_path, changed))
    quan = Merchant.objects.get(key="ba-cu-001")
    assert quan.name == "Quán Cô Ba mới" and [m.code for m in quan.payment_methods.all()] == ["vietqr"]
    assert Merchant.objects.count() == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "x-1,Quán,an-uong,26506,,Số 1,10.7769,106.7009,vietqr,,,,,1,0",
            ":2: vi_do: (10.7769, 106.7009): Tọa độ nằm ngoài địa bàn thành phố Vũng Tàu",
        ),
        ("x-1,Quán,an-uong,26506,,Số 1,mười,107.07,vietqr,,,,,1,0", ":2: vi_do: “mười” không phải số"),
        ("x-1,Quán,an-uong,26506,,Số 1,10.35,,vietqr,,,,,1,0", ":2: kinh_do: cần cả vĩ độ và kinh độ"),
        ("x-1,Quán,an-uong,26506,,Số 1,,,bitcoin,,,,,1,0", ":2: phuong_thuc: phương thức “bitcoin” không có"),
        ("x-1,Quán,an-uong,26506,,Số 1,,,,,,,,1,0", ":2: phuong_thuc: cần ít nhất một phương thức"),
        ("x-1,Quán,casino,26506,,Số 1,,,vietqr,,,,,1,0", ":2: loai: loại hình “casino” không có"),
        ("x-1,Quán,an-uong,26599,,Số 1,,,vietqr,,,,,1,0", ":2: phuong: không tìm thấy phường, xã “26599”"),
        (
            "x-1,Quán,an-uong,26506,thuy-van,Số 1,,,vietqr,,,,,1,0",
            ":2: tuyen_duong: không có tuyến đường “thuy-van” trong phường, xã này",
        ),
        ("x 1,Quán,an-uong,26506,,Số 1,,,vietqr,,,,,1,0", ":2: ma: chỉ gồm chữ không dấu"),
        ("x-1,,an-uong,26506,,Số 1,,,vietqr,,,,,1,0", ":2: ten: không được để trống"),
        (
            "x-1,Quán,an-uong,26506,,Số 1,,,vietqr,,,,31/02/2024,1,0",
            ":2: ngay_xac_minh: ngày “31/02/2024” không hợp lệ",
        ),
        ("x-1,Quán,an-uong,26506,,Số 1,,,vietqr,,,ftp://x,,1,0", ":2: website: “ftp://x” không phải địa chỉ"),
        ("x-1,Quán,an-uong,26506,,Số 1,,,vietqr,,,,,có lẽ,0", ":2: cong_khai: “có lẽ” không hợp lệ"),
    ],
)
def test_bad_rows_abort_with_file_line_column_message_and_change_nothing(
    tmp_path, street, other_street, line, expected
):
    run(write(tmp_path, GOOD))
    before = snapshot()
    path = write(tmp_path, [line, *GOOD], name="sai.csv")
    with pytest.raises(CommandError) as error:
        run(path)
    message = str(error.value)
    assert f"{path}{expected}" in message, message
    assert "không có thay đổi nào được ghi" in message
    assert snapshot() == before


def test_missing_columns_are_reported_on_line_1(tmp_path):
    path = write(tmp_path, ["x-1,Quán"], header="ma,ten")
    with pytest.raises(CommandError) as error:
        run(path)
    for column in ("loai", "phuong", "dia_chi", "phuong_thuc"):
        assert f"{path}:1: {column}: thiếu cột bắt buộc" in str(error.value)
    assert not Merchant.objects.exists()


def test_duplicate_keys_are_refused_and_all_errors_listed(tmp_path, street, other_street):
    lines = [
        GOOD[0],
        GOOD[1],
        GOOD[0].replace("Quán Cô Ba", "Quán trùng"),
        "y-1,Quán,an-uong,26506,,Số 1,,,bitcoin,,,,,1,0",
    ]
    path = write(tmp_path, lines)
    with pytest.raises(CommandError) as error:
        run(path)
    assert f"{path}:4: ma: mã “ba-cu-001” trùng với dòng 2" in str(error.value)
    assert f"{path}:5: phuong_thuc:" in str(error.value)
    assert "2 lỗi" in str(error.value)
    assert not Merchant.objects.exists()


def test_not_utf8_and_missing_file(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes((HEADER + "\n").encode() + "x-1,Caf\xe9,an-uong,26506,,A,,,vietqr,,,,,1,0\n".encode("latin-1"))
    with pytest.raises(CommandError, match=r"latin\.csv:2: tệp phải được mã hóa UTF-8"):
        run(path)
    with pytest.raises(CommandError, match="không tìm thấy tệp"):
        run(tmp_path / "khong-co.csv")


def test_dry_run_writes_nothing(tmp_path, street, other_street):
    out = io.StringIO()
    call_command("import_merchants", str(write(tmp_path, GOOD)), "--dry-run", stdout=out)
    assert "Tệp hợp lệ: 3 cửa hàng" in out.getvalue()
    assert not Merchant.objects.exists()


def test_open_data_csv_imports_back_unchanged(client, tmp_path, city_directory, street, other_street):
    run(write(tmp_path, GOOD))
    before = snapshot()
    response = client.get("/du-lieu-mo/thanh-toan/cua-hang.csv")
    exported = tmp_path / "tai-ve.csv"
    exported.write_bytes(response.content)
    output = run(exported)
    assert "0 tạo mới, 0 cập nhật, 3 không đổi." in output
    assert "Bỏ qua các cột không dùng: ten_loai" in output
    assert snapshot() == before
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["ma"] for row in rows} == {"ba-cu-001", "thang-tam-001", "phuong-1-002"}
