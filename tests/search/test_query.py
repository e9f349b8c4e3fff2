import unicodedata

import pytest
from modelsearch.query import Or, PlainText

from portal.vietnamese import words
from search.query import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    backend_query,
    clean_query,
    content_terms,
    expand_synonyms,
    focus_terms,
    is_story_word,
    is_trimmed,
    parse_query,
)


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


def test_short_queries_are_searched_as_typed():
    terms = ["đăng", "ký", "khai", "sinh", "cho", "con"]
    assert focus_terms(terms, lambda word: 1) == terms
    assert parse_query("đăng ký khai sinh").focused is False


def test_a_long_question_loses_its_story_words_numbers_and_repeats_first():
    terms = words("vợ chồng em mới sinh bé được 2 tuần và đang ở trọ giờ em muốn làm giấy khai sinh khai sinh")
    focused = focus_terms(content_terms(terms))
    assert focused == ["vợ", "chồng", "sinh", "bé", "trọ", "giấy", "khai"]  # "em", "muốn", "làm": question words
    assert not {"mới", "2", "tuần", "và", "đang", "ở", "giờ"} & set(focused)


def test_story_words_typed_without_diacritics_go_only_where_no_content_word_is_written_the_same():
    assert is_story_word("va") and is_story_word("cua")
    # "hon" may be "hôn" (kết hôn), "thang" "Thắng" (Thắng Tam), "nghe" "nghề", "anh" "ảnh"
    assert not any(is_story_word(word) for word in ("hon", "thang", "nghe", "anh", "dang", "the", "ban"))


def test_a_long_question_keeps_the_rarer_words_the_index_knows_in_the_order_typed():
    frequency = {"khai": 40, "sinh": 60, "giay": 900, "dang": 700, "ky": 800, "phuong": 3000, "thang": 30,
                 "tam": 35, "con": 200, "be": 5}.get
    question = "con tôi muốn đăng ký giấy khai sinh cho bé ở phường Thắng Tam xyzzy abcde"
    focused = focus_terms(content_terms(words(question)), lambda word: frequency(word, 0), limit=6)
    # known words, the rarest first ("xyzzy", "abcde" unknown; "phường", "giấy" common), in typed order
    assert focused == ["con", "khai", "sinh", "bé", "thắng", "tam"]


def test_without_a_vocabulary_the_first_informative_words_are_kept():
    terms = [f"từ{i}" for i in range(20)]
    assert focus_terms(terms, None, limit=5) == terms[:5]


def test_a_procedure_code_in_a_long_question_is_still_found():
    question = "cho em hỏi thủ tục mã 1.001193 đăng ký khai sinh cho con em ở phường bảy thì cần mang theo giấy tờ gì"
    parsed = parse_query(question, lambda word: 1)
    assert parsed.code == "1.001193"
    assert len(parsed.terms) <= MAX_TERMS


def test_is_trimmed_measures_composed_text():
    assert not is_trimmed(unicodedata.normalize("NFD", "Đường " * 300))  # 1,800 letters composed, 2,400 raw
    assert is_trimmed("đường " * 400)
