import unicodedata

import pytest
from modelsearch.query import Or, PlainText

from portal.vietnamese import words
from search.query import (
    MAX_QUERY_LENGTH,
    MAX_QUESTION_WORDS,
    backend_query,
    clean_query,
    expand_synonyms,
    is_story_word,
    is_trimmed,
    parse_query,
    question_of,
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


def test_a_procedure_name_of_ten_words_is_not_a_long_question():
    parsed = parse_query("cấp lại giấy chứng nhận đăng ký hộ kinh doanh")
    assert parsed.question is False
    assert parsed.terms == words("cấp lại giấy chứng nhận đăng ký hộ kinh doanh")


def test_a_long_question_loses_its_story_words_numbers_and_repeats():
    question = ("cho em hỏi vợ chồng em mới sinh bé được 2 tuần và đang ở trọ, giờ em muốn làm giấy khai sinh "
                "cho bé thì cần mang giấy tờ gì, khai sinh có làm online được không")
    parsed = parse_query(question)
    assert parsed.question is True
    # "em", "muốn", "làm", "cần", "gì", "được": question words; "mới", "và", "đang", "ở", "giờ": story
    # "giấy tờ gì": a question phrase; "2": a number; "tuần": story; "khai sinh", "bé": repeats
    assert parsed.terms == ["vợ", "chồng", "sinh", "bé", "trọ", "giấy", "khai", "mang", "online"]


def test_story_words_typed_without_diacritics_go_only_where_no_content_word_is_written_the_same():
    assert is_story_word("va") and is_story_word("cua")
    # "hon" may be "hôn" (kết hôn), "thang" "Thắng" (Thắng Tam), "nghe" "nghề", "anh" "ảnh"
    assert not any(is_story_word(word) for word in ("hon", "thang", "nghe", "anh", "dang", "the", "ban"))


def test_a_long_question_is_searched_for_at_most_a_bounded_number_of_words():
    question = " ".join(f"từ{i}" for i in range(200))
    parsed = parse_query(question)
    assert parsed.question and len(parsed.terms) == MAX_QUESTION_WORDS


def test_what_a_question_asks_leaves_places_out_and_weighs_what_is_asked_over_the_story():
    typed = words("Nhà em ở phường Thắng Tam, gần bệnh viện Bà Rịa, giấy khai sinh cũ bị mất. "
                  "Cho em hỏi đăng ký thường trú cho con ở phường 7 cần gì")
    question = question_of(typed, ["Thắng Tam", "Bà Rịa"])
    assert not {"thang", "tam", "ba", "ria", "7"} & question.word_set
    assert {"benh", "vien", "khai", "sinh", "thuong", "tru"} <= question.word_set
    assert question.pairs[("khai", "sinh")] == 1  # in the story
    assert question.pairs[("thuong", "tru")] == 2  # asked
    assert ("phuong", "thang") not in question.pairs and ("nha", "em") not in question.pairs


def test_a_procedure_code_in_a_long_question_is_still_found():
    question = ("cho em hỏi thủ tục mã 1.001193 đăng ký khai sinh cho con em ở phường bảy thì cần mang theo "
                "những giấy tờ gì và nộp ở đâu, có nộp trực tuyến được không, lệ phí ra sao")
    parsed = parse_query(question)
    assert parsed.question and parsed.code == "1.001193"


def test_is_trimmed_measures_composed_text():
    assert not is_trimmed(unicodedata.normalize("NFD", "Đường " * 300))  # 1,800 letters composed, 2,400 raw
    assert is_trimmed("đường " * 400)
