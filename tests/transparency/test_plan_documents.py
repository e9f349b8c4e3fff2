"""The plan's text as published, and the documents it cites (read from the text, nothing invented)."""

import json
import re
from datetime import date
from html import unescape

import pytest

from transparency.bootstrap import LEGAL_BASES_FILE, PLAN_FILE
from transparency.citations import CitationConflict, find_citations
from transparency.plan_text import to_html

PLAN = PLAN_FILE.read_text(encoding="utf-8")
LEGAL_BASES = json.loads(LEGAL_BASES_FILE.read_text(encoding="utf-8"))["documents"]

# Read in the plan (Phần II.I "Cơ sở pháp lý", and Phần V.2 for 942/QĐ-TTg).
CITED = {
    "2207/QĐ-UBND": date(2021, 8, 6),
    "02-NQ/TU": date(2021, 5, 28),
    "3769/QĐ-UBND": date(2021, 11, 9),
    "4167/QĐ-UBND": date(2021, 11, 27),
    "588/QĐ-UBND": date(2022, 2, 22),
    "91/KH-UBND": date(2022, 5, 20),
    "2704/QĐ-UBND": date(2023, 10, 25),
    "228/KH-UBND": date(2023, 10, 27),
    "968/QĐ-UBND": date(2024, 4, 10),
    "17-Ctr/TU": date(2021, 8, 30),
    "8966/KH-UBND": date(2021, 11, 10),
    "9124/KH-UBND": date(2023, 10, 27),
    "942/QĐ-TTg": date(2021, 6, 15),
}


def words(text):
    return re.sub(r"\s+", " ", text).strip()


def test_the_plan_cites_thirteen_numbered_and_dated_documents():
    citations = find_citations(PLAN)
    assert {c.number: c.date for c in citations} == CITED
    types = {c.number: c.doc_type for c in citations}
    assert types["91/KH-UBND"] == "ke-hoach" and types["02-NQ/TU"] == "nghi-quyet"
    assert types["17-Ctr/TU"] == "chuong-trinh" and types["942/QĐ-TTg"] == "quyet-dinh"


def test_citation_forms_and_conflicts():
    text = (
        "Căn cứ Kế hoạch 5/KH-UBND ngày 1/2/2020; Kế hoạch số 5/KH-UBND; "
        "Quyết định số 7/QĐ-UBND ngày 03 tháng 4 năm 2021"
    )
    assert [(c.number, c.date) for c in find_citations(text)] == [
        ("5/KH-UBND", date(2020, 2, 1)),
        ("7/QĐ-UBND", date(2021, 4, 3)),
    ]
    with pytest.raises(CitationConflict):
        find_citations("Kế hoạch 5/KH-UBND ngày 1/2/2020 và Kế hoạch 5/KH-UBND ngày 2/2/2020")


def test_the_legal_bases_file_matches_the_text_word_for_word():
    assert {item["number"]: date.fromisoformat(item["date"]) for item in LEGAL_BASES} == CITED
    by_number = {c.number: c for c in find_citations(PLAN)}
    flat = words(PLAN).casefold()
    for item in LEGAL_BASES:
        assert item["type"] == by_number[item["number"]].doc_type
        assert words(item["summary"]).casefold() in flat, item["number"]
    relations = {item["number"]: item["relation"] for item in LEGAL_BASES}
    assert sum(1 for r in relations.values() if r == "can-cu") == 11
    assert relations["02-NQ/TU"] == relations["942/QĐ-TTg"] == "dan-chieu"


def test_the_full_text_keeps_every_word_of_the_plan():
    html = to_html(PLAN)
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    source = PLAN.replace("**", "")
    source = re.sub(r"(?m)^- ", "", source)
    assert words(text).replace(". ĐÁNH", " ĐÁNH").replace(". NỘI DUNG", " NỘI DUNG") == words(source)


def test_the_full_text_has_headings_lists_and_joined_page_breaks():
    html = to_html(PLAN)
    assert html.startswith("<p>Số: /KH-UBND</p><p><b>KẾ HOẠCH</b></p>")
    assert "<h2>Phần I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023</h2><h3>1. Kết quả đạt được</h3>" in html
    assert "<h4>1.1. Về thanh toán không sử dụng tiền mặt</h4>" in html
    assert "<h3>I. CƠ SỞ PHÁP LÝ</h3>" in html and "<h4>1. Phát triển chính quyền số</h4>" in html
    assert "<li>17/17 phường, xã xây dựng tuyến đường thanh toán không sử dụng tiền mặt.</li>" in html
    assert "của Ủy ban nhân dân tỉnh triển khai thực hiện Đề án" in html  # rejoined across a page break
    assert "<p><b>KT. CHỦ TỊCH<br/>PHÓ CHỦ TỊCH</b></p><p>Vũ Hồng Thuấn</p>" in html
    assert "<script" not in to_html("<script>alert(1)</script>")
