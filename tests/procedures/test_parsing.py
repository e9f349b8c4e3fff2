"""The parsers on real records: expected values are read off the source text quoted in each test."""

import unicodedata
from decimal import Decimal

import pytest

from procedures import parsing as P
from tests.procedures.conftest import real_record


def nfc(text):
    return unicodedata.normalize("NFC", text)


# --- Channels -----------------------------------------------------------------------------------


def test_channels_with_bare_time_and_fee_notes_decomposed_record():
    # 1.000080: "…Mô tảTrực tuyến7Miễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh…)Dịch vụ bưu
    # chính7Miễn phí(Đồng (Mức lệ phí …))Trực tiếp7Miễn phí(Mức lệ phí …)" — the unit is missing in the source.
    source = real_record("1.000080")["cach_thuc_thuc_hien"]
    channels = P.parse_channels(source)
    assert [c.kind for c in channels] == ["truc_tuyen", "buu_chinh", "truc_tiep"]
    assert [(c.duration.value, c.duration.unit) for c in channels] == [(Decimal(7), "")] * 3
    assert [c.fee_amount for c in channels] == [0, 0, 0]
    assert channels[0].fee_text.startswith("Miễn phí (Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh")
    assert channels[1].fee_text.startswith("Miễn phí (Đồng (Mức lệ phí cụ thể")
    assert channels[1].fee_text.endswith("của Bộ Tài chính.))")
    assert all(c.description == "" for c in channels)


def test_channels_amounts_in_vnd_and_units_per_row():
    # 1.000811: "Trực tuyến21 Ngày1,200,000 Việt Nam Đồng(1.200.000đ/thẻ ABTC.)Dịch vụ bưu chính21 Ngày làm
    # việcMiễn phíTrực tiếp21 Ngày1,200,000 Việt Nam Đồng(1.200.000 đồng/thẻ ABTC.)"
    channels = P.parse_channels(real_record("1.000811")["cach_thuc_thuc_hien"])
    assert [c.as_dict() for c in channels] == [
        {"kind": "truc_tuyen", "time_value": "21", "time_unit": "Ngày", "time_text": "21 Ngày",
         "fee_text": "1,200,000 Việt Nam Đồng (1.200.000đ/thẻ ABTC.)", "fee_amount": 1200000, "description": ""},
        {"kind": "buu_chinh", "time_value": "21", "time_unit": "Ngày làm việc", "time_text": "21 Ngày làm việc",
         "fee_text": "Miễn phí", "fee_amount": 0, "description": ""},
        {"kind": "truc_tiep", "time_value": "21", "time_unit": "Ngày", "time_text": "21 Ngày",
         "fee_text": "1,200,000 Việt Nam Đồng (1.200.000 đồng/thẻ ABTC.)", "fee_amount": 1200000, "description": ""},
    ]


def test_bare_time_glued_to_a_fee_stated_in_thousands():
    # 1.000014: "Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)Trực tiếp120 VNĐ(20.000 vnđ /tờ khai)": the portal shows
    # time "1" and fee "20 VNĐ"; the note says 20.000 đồng.
    channels = P.parse_channels(real_record("1.000014")["cach_thuc_thuc_hien"])
    assert [(c.kind, c.duration.value, c.duration.unit) for c in channels] == [
        ("truc_tuyen", Decimal(1), ""), ("truc_tiep", Decimal(1), "")
    ]
    assert [c.fee_text for c in channels] == ["20 VNĐ (20.000 vnđ /tờ khai)"] * 2
    assert [c.fee_amount for c in channels] == [20000, 20000]


def test_fee_in_thousands_confirmed_by_its_note():
    # 3.000350: "Trực tiếp5 Ngày làm việc135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)"
    (channel,) = P.parse_channels(real_record("3.000350")["cach_thuc_thuc_hien"])
    assert (channel.duration.value, channel.duration.unit) == (Decimal(5), "Ngày làm việc")
    assert channel.fee_amount == 135000


def test_usd_fee_has_no_vnd_amount():
    # 1.000771: "Trực tuyến5 Ngày làm việc10 USD(/lần)Dịch vụ bưu chính5 Ngày làm việc10 USD(/lần)Trực tiếp…"
    channels = P.parse_channels(real_record("1.000771")["cach_thuc_thuc_hien"])
    assert [c.fee_text for c in channels] == ["10 USD (/lần)"] * 3
    assert [c.fee_amount for c in channels] == [None] * 3


def test_channel_word_inside_a_description_is_not_a_new_row():
    # 1.003777: "Trực tiếp10 NgàyKhông có thông tinTrực tiếp tại cơ quan Công an cấp huyện nơi …Trực tiếp10 Ngày…"
    channels = P.parse_channels(real_record("1.003777")["cach_thuc_thuc_hien"])
    assert len(channels) == 3
    assert channels[0].description.startswith("Trực tiếp tại cơ quan Công an cấp huyện nơi cán bộ")
    assert channels[0].fee_text == "" and channels[0].fee_amount is None
    assert channels[2].description == "- Cục Tổ chức cán bộ: 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ."


def test_free_text_time_cell():
    # 1.007689: "Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíBằng phương thức điện tử qua …"
    channels = P.parse_channels(real_record("1.007689")["cach_thuc_thuc_hien"])
    assert [c.kind for c in channels] == ["truc_tuyen", "buu_chinh", "truc_tiep"]
    assert channels[0].duration == P.Duration(value=None, unit="", text="Không phải trả kết quả cho người nộp thuế")
    assert channels[0].fee_amount == 0
    assert channels[0].description.startswith("Bằng phương thức điện tử qua Cổng dịch vụ công Quốc gia")


def test_numbered_description_is_not_a_fee_note():
    # 1.014237: "Trực tiếp14 Ngày làm việcKhông có thông tin(1) Trường hợp thay đổi tên tổ chức, …"
    first = P.parse_channels(real_record("1.014237")["cach_thuc_thuc_hien"])[0]
    assert first.fee_text == ""
    assert first.description.startswith("(1) Trường hợp thay đổi tên tổ chức, cá nhân thăm dò khoáng sản:")


@pytest.mark.parametrize(
    "text, amount",
    [
        ("Miễn phí", 0),
        ("Phí : 0 Đồng", 0),
        ("Phí : Không Đồng", 0),
        ("Lệ phí : 1.5 USD", None),
        ("Phí : 50.000 Đồng (Phí sơ tuyển: 50.000 đồng/hồ sơ. Riêng các ngành năng khiếu: 120.000 đồng)", 50000),
        ("Phí : 2.000.000 Đồng (Thẩm định …)\nPhí : 3.500.000 Đồng (Thẩm định …)", None),
        ("99 VNĐ", None),
        ("", None),
    ],
)
def test_fee_amounts(text, amount):
    assert P.parse_fee_amount(text) == amount


@pytest.mark.parametrize(
    "text, expected",
    [
        ("30 Ngày làm việc", (Decimal(30), "Ngày làm việc")),
        ("01 Giờ", (Decimal(1), "Giờ")),
        ("6 Tháng", (Decimal(6), "Tháng")),
        ("7", (Decimal(7), "")),
        ("Không quy định", (None, "")),
    ],
)
def test_durations(text, expected):
    duration = P.parse_duration(text)
    assert (duration.value, duration.unit) == expected


# --- Documents ---------------------------------------------------------------------------------


def test_documents_with_case_headings_in_a_decomposed_record():
    # 1.000080: "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng+ Trường hợp không có văn bản nêu trên …
    # 1 bản chính- Chứng cứ chứng minh quan hệ cha, con hoặc quan hệ mẹ, con gồm:0 bản chính+ Văn bản của cơ
    # quan y tế, …1 bản chính* Giấy tờ phải xuất trình:Tên giấy tờ…" … "--Tên giấy tờ…Số lượng- Mẫu hộ tịch…"
    source = real_record("1.000080")["thanh_phan_ho_so"]
    assert nfc(source) != source
    documents = P.parse_documents(source)
    assert documents[0].group == "Giấy tờ phải nộp"
    assert documents[0].name == (
        "Trường hợp không có văn bản nêu trên thì các bên nhận cha, mẹ, con lập văn bản cam đoan về mối quan hệ cha, "
        "mẹ, con, có ít nhất hai người làm chứng về mối quan hệ cha, mẹ, con."
    )
    assert (documents[0].originals, documents[0].copies) == (1, 0)
    assert documents[1].name == "Chứng cứ chứng minh quan hệ cha, con hoặc quan hệ mẹ, con gồm:"
    assert (documents[1].originals, documents[1].copies) == (0, 0)
    groups = list(dict.fromkeys(d.group for d in documents))
    assert groups == ["Giấy tờ phải nộp", "Giấy tờ phải xuất trình", "Lưu ý", ""]
    assert documents[-1].name.startswith("Người có yêu cầu đăng ký nhận cha, mẹ, con thực hiện việc nộp/xuất trình")
    assert all(unicodedata.is_normalized("NFC", d.name) for d in documents)


def test_form_file_glued_to_the_document_name():
    # 1.012518: "…(đối với trường hợp tại điểm a mục 3.1).Mẫu số 05.docx1 bản chính"
    (document,) = P.parse_documents(real_record("1.012518")["thanh_phan_ho_so"])
    assert document.name.endswith("hoặc Văn bản thông báo (đối với trường hợp tại điểm a mục 3.1).")
    assert document.forms == ["Mẫu số 05.docx"]
    assert (document.originals, document.copies) == (1, 0)


def test_several_form_files_in_one_cell():
    # 6.005704: "…do Bộ Xây dựng tổ chức.Mẫu số 1.1 To trinh.docxMẫu số 1.2- Bien ban.docxMẫu số 1.3 BCTT.docx
    # 1 bản chính" (one cell: three file names, then the quantity)
    documents = P.parse_documents(real_record("6.005704")["thanh_phan_ho_so"])
    assert documents[-1].forms == ["Mẫu số 1.1 To trinh.docx", "Mẫu số 1.2- Bien ban.docx", "Mẫu số 1.3 BCTT.docx"]
    assert documents[-1].name.endswith("Biên bản bình xét của Khối thi đua do Bộ Xây dựng tổ chức.")


def test_originals_and_copies():
    # 2.002322: "…tham dự sự kiện0 bản chính,1 bản sao…theo mẫu sổ ATA1 bản chính,1 bản sao"
    documents = P.parse_documents(real_record("2.002322")["thanh_phan_ho_so"])
    assert [(d.originals, d.copies) for d in documents] == [(1, 0), (1, 0), (0, 1), (1, 0), (1, 0), (0, 1), (1, 1)]
    assert documents[0].name == (
        "Giấy ủy quyền theo mẫu số 03/GUQ trong trường hợp người đề nghị cấp sổ ATA không phải là chủ sổ"
    )


def test_unseparable_form_name_stays_in_the_name():
    # 1.002046: "…theo Hiện định GMSGMS - Gia hạn.docx1 bản chính": no glue mark between name and file name;
    # the text is kept whole rather than cut at a guess.
    documents = P.parse_documents(real_record("1.002046")["thanh_phan_ho_so"])
    assert documents[0].name == "Giấy phép liên vận GMS hoặc sổ TAD (bản chính)."
    assert documents[1].name.endswith("theo Hiện định GMSGMS - Gia hạn.docx")
    assert documents[1].forms == []


def test_defence_copies_note():
    assert P.parse_copies_note("Bản chính: 1\nBản sao: 0") == (1, 0, "")


# --- Legal basis -------------------------------------------------------------------------------


def test_legal_basis_rows_of_a_decomposed_record():
    # 1.000080: "Tên văn bản pháp lýMã văn bảnThông tư Hướng dẫn về phí … Trung ương85/2019/TT-BTCNghị định sửa đổi …
    # …Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số 03/2023/TT-BTPNghị định
    # 42/2020/NĐ-CP42/2020/NĐ-CPLuật 60/2014/QH1360/2014/QH13"
    rows = P.parse_legal_basis(real_record("1.000080")["can_cu_phap_ly"])
    assert rows[0].as_dict() == {
        "number": "85/2019/TT-BTC",
        "title": "Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, "
        "thành phố trực thuộc Trung ương",
        "issued": "",
        "issuer": "",
    }
    numbers = [row.number for row in rows]
    assert numbers == [
        "85/2019/TT-BTC", "104/2022/NĐ-CP", "123/2015/NĐ-CP", "08/2025/TT-BTP", "87/2020/NĐ-CP", "18/2026/NĐ-CP",
        "04/2024/TT-BTP", "106/2021/TT-BTC", "04/2020/TT-BTP", "07/2025/NĐ-CP", "120/2025/NĐ-CP", "66.7/2025/NQ-CP",
        "01/2022/TT-BTP", "03/2023/TT-BTP", "42/2020/NĐ-CP", "60/2014/QH13",
    ]
    assert rows[13].title == "Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp"
    assert (rows[14].title, rows[15].title) == ("Nghị định 42/2020/NĐ-CP", "Luật 60/2014/QH13")


def test_legal_number_glued_to_a_quoted_number():
    # 1.007664: "Luật 54/2014/QH1354/2014/QH13Thuế xuất khẩu, thuế nhập khẩu107/2016/QH13Quy định chi tiết …
    # 134/2016/NĐ-CP"
    rows = P.parse_legal_basis(real_record("1.007664")["can_cu_phap_ly"])
    assert [(r.number, r.title) for r in rows] == [
        ("54/2014/QH13", "Luật 54/2014/QH13"),
        ("107/2016/QH13", "Thuế xuất khẩu, thuế nhập khẩu"),
        ("134/2016/NĐ-CP", "Quy định chi tiết một số điều và biện pháp thi hành Luật thuế xuất khẩu, thuế nhập khẩu"),
    ]


def test_legal_number_glued_to_a_year():
    # 2.002798: "…chi phí tố tụng204/2025/NĐ-CPPháp lệnh Chi phí tố tụng năm 202405/2024/UBTVQH15"
    rows = P.parse_legal_basis(real_record("2.002798")["can_cu_phap_ly"])
    assert [(r.number, r.title) for r in rows] == [
        ("204/2025/NĐ-CP", "Nghị định quy định chi tiết trình tự, thủ tục lập dự toán, thanh toán kinh phí chi trả chi "
                           "phí tố tụng"),
        ("05/2024/UBTVQH15", "Pháp lệnh Chi phí tố tụng năm 2024"),
    ]


def test_no_legal_basis():
    assert P.parse_legal_basis("Không có thông tin") == []


# --- Other fields ------------------------------------------------------------------------------


def test_steps_by_step_marks_and_by_dashes():
    # 1.013124 (Defence): "Bước 1: Các cơ sở, dự án dầu khí … Bước 2: Trong thời hạn 30 ngày … Bước 3: Kế hoạch …"
    steps = P.parse_steps(real_record("1.013124")["content"]["trình_tự_thực_hiện"])
    assert len(steps) == 3
    assert steps[0].startswith("Các cơ sở, dự án dầu khí ngoài khơi xây dựng kế hoạch ứng phó sự cố tràn dầu")
    assert steps[2].startswith("Kế hoạch ứng phó sự cố tràn dầu theo quy định tại khoản 4 Điều 7")
    # 1.000080: lines starting "- " are steps; "(i)…", "+ …" lines stay with their step.
    steps = P.parse_steps(real_record("1.000080")["trinh_tu_thuc_hien"])
    assert steps[0].startswith("Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký nhận cha, mẹ, con")
    assert steps[2].startswith("Cán bộ tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công")
    assert "(i) Trường hợp hồ sơ đầy đủ, hợp lệ" in steps[2]
    assert steps[-1].startswith("Công chức tư pháp - hộ tịch in Trích lục đăng ký nhận cha, mẹ, con")
    assert len(steps) == 5


def test_levels():
    assert P.parse_levels("Cấp bộ, Cấp Tỉnh, Cấp xã, Cơ quan khác") == ["bo", "tinh", "xa", "khac"]
    assert P.parse_levels("Không có thông tin") == []
    with pytest.raises(ValueError, match="cấp thực hiện không rõ"):
        P.parse_levels("Cấp thôn")


def test_target_groups_keep_commas_inside_an_item():
    text = real_record("1.013124")["content"]["đối_tượng_thực_hiện"]
    assert P.split_list(text) == [
        "Công dân Việt Nam", "Người Việt Nam định cư ở nước ngoài", "Người nước ngoài", "Doanh nghiệp",
        "Doanh nghiệp có vốn đầu tư nước ngoài", "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Tổ chức nước ngoài",
        "Hợp tác xã",
    ]
    assert P.split_list("Cán bộ, công chức, viên chức, Đảng viên") == ["Cán bộ, công chức, viên chức", "Đảng viên"]


def test_result_without_page_furniture():
    # 1.000080: "Trích lục đăng ký nhận cha, mẹ, conMã: KQ.G15.000033Từ khóaKhông có thông tinMô tả…Nộp hồ sơ"
    assert P.parse_result(real_record("1.000080")["ket_qua_xu_ly"]) == (
        "Trích lục đăng ký nhận cha, mẹ, con (mã KQ.G15.000033)"
    )


def test_keywords_from_the_page_text():
    record = next(
        real_record(code) for code in ("1.004030", "1.004073")
        if "Từ khóaTuyển chọn công dân" in real_record(code)["raw_text"]
    )
    assert P.parse_keywords(record["raw_text"]) == "Tuyển chọn công dân vào Công an nhân dân (thực hiện tại cấp tỉnh)"
    assert P.parse_keywords(real_record("1.000080")["raw_text"]) == ""


def test_clean_normalises_and_drops_no_information():
    decomposed = unicodedata.normalize("NFD", "Cấp, quản lý căn cước")
    assert P.clean(decomposed) == "Cấp, quản lý căn cước"
    assert P.clean("Không có thông tin") == ""
    assert P.procedure_name(". Đăng ký thuế") == "Đăng ký thuế"
