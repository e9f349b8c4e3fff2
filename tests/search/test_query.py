import unicodedata

import pytest
from modelsearch.query import Or, PlainText

from search.query import MAX_QUERY_LENGTH, backend_query, clean_query, expand_synonyms, parse_query


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  đăng   ký\tkhai\nsinh ", "đăng ký khai sinh"),
        ("a\x00b\x07c", "a b c"),
        ("x\u200by", "x y"),
        ("\ud800abc", "?abc"),
        (None, ""),
        ("", ""),
    ],
)
def test_clean_query_removes_controls_and_surrogates(raw, clean):
    assert clean_query(raw) == clean


def test_clean_query_composes_decomposed_text():
    assert clean_query(unicodedata.normalize("NFD", "Đăng ký")) == "Đăng ký"


def test_clean_query_caps_length_at_a_word_boundary():
    raw = "thủ tục " * 400
    cleaned = clean_query(raw)
    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert cleaned.endswith("tục")


def test_parse_query_finds_a_procedure_code():
    assert parse_query("thủ tục 1.000110").code == "1.000110"
    assert parse_query("11.0001100").code is None
    assert parse_query("1.00011").code is None


def test_parse_query_drops_question_words_but_keeps_content_words():
    assert parse_query("cần giấy tờ gì để đăng ký kết hôn").terms == ["đăng", "ký", "kết", "hôn"]
    assert parse_query("lam giay khai sinh can nhung giay to gi").terms == ["lam", "giay", "khai", "sinh"]
    assert parse_query("đăng ký tạm trú mất bao lâu").terms == ["đăng", "ký", "tạm", "trú"]
    # "giấy tờ" outside a question stays ("chứng thực bản sao giấy tờ"), and so does "sao".
    assert parse_query("chứng thực bản sao giấy tờ").terms == ["chứng", "thực", "bản", "sao", "giấy", "tờ"]
    # Without diacritics "can" may be "căn" (căn cước): it stays; "gi" can only be "gì".
    assert parse_query("can cuoc cong dan gi").terms == ["can", "cuoc", "cong", "dan"]


def test_parse_query_keeps_words_when_all_are_question_words():
    assert parse_query("làm sao").terms == ["làm", "sao"]


def test_parse_query_of_symbols_only_is_empty():
    assert parse_query('"(*:)~^[]{}\\/').is_empty


RULES = [
    (["cccd"], [["căn", "cước", "công", "dân"]]),
    (["sổ", "đỏ"], [["giấy", "chứng", "nhận", "quyền", "sử", "dụng", "đất"]]),
]


def test_expand_synonyms_replaces_the_matched_phrase_compared_folded():
    land = ["giấy", "chứng", "nhận", "quyền", "sử", "dụng", "đất"]
    assert expand_synonyms(["làm", "so", "do"], RULES) == [["làm", *land]]
    assert expand_synonyms(["CCCD"], RULES) == [["căn", "cước", "công", "dân"]]
    assert expand_synonyms(["khai", "sinh"], RULES) == []


def test_backend_query_is_an_or_of_the_alternatives():
    single = backend_query(["khai", "sinh"])
    assert isinstance(single, PlainText) and single.query_string == "khai sinh" and single.operator == "and"
    combined = backend_query(["cccd"], [["căn", "cước"]], operator="or")
    assert isinstance(combined, Or)
    assert [q.query_string for q in combined.subqueries] == ["cccd", "căn cước"]
