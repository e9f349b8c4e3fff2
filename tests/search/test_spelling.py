import pytest

from search.spelling import closest_word, correct_words, damerau_levenshtein, restore_diacritics


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("hon", "hon", 0), ("hong", "hon", 1), ("khia", "khai", 1), ("sinh", "snih", 1), ("", "abc", 3), ("kt", "ket", 1)],
)
def test_damerau_levenshtein(a, b, distance):
    assert damerau_levenshtein(a, b) == distance


VOCABULARY = [("dang", 40), ("ky", 50), ("khai", 12), ("sinh", 12), ("hon", 8), ("ket", 9), ("hong", 1), ("chung", 30)]


def lookup(first, min_length, max_length):
    return [(w, n) for w, n in VOCABULARY if w.startswith(first) and min_length <= len(w) <= max_length]


def test_correct_words_fixes_unknown_words_only():
    assert correct_words(["khia", "sinh"], lookup) == "khai sinh"
    assert correct_words(["dang", "ky", "khai", "sinh"], lookup) is None


def test_correct_words_leaves_codes_and_short_words():
    assert correct_words(["1.000110", "xy"], lookup) is None


def test_closest_word_prefers_frequent_words_on_ties():
    assert closest_word("hoh", [("hon", 8), ("hoa", 30)]) == "hoa"
    assert closest_word("zzzz", [("hon", 8)]) is None


def test_restore_diacritics_writes_the_query_as_titles_write_it():
    titles = ["Đăng ký khai sinh", "Đăng ký kết hôn"]
    assert restore_diacritics("dang ky ket hon", titles) == "đăng ký kết hôn"
    assert restore_diacritics("đăng ký kết hôn", titles) is None
    assert restore_diacritics("dang ky ket hoon", titles) is None  # a word the titles do not have
    assert restore_diacritics("dang ky ket hoon", titles, fuzzy=True) == "đăng ký kết hôn"


def test_closest_word_prefers_the_word_an_unfinished_word_begins():
    # "sin" is one edit from both; the citizen stopped typing "sinh".
    assert closest_word("sin", [("son", 10941), ("sinh", 7752)]) == "sinh"


def test_a_known_word_is_a_typo_only_while_rare():
    # "khia" (1 document) next to "khai" (40×): a typo. "dang" (532 titles) next to "dan" (19,558): a word.
    assert correct_words(["khia"], lambda *args: [("khia", 1), ("khai", 40)]) == "khai"
    assert correct_words(["dang"], lambda *args: [("dang", 532), ("dan", 19558)]) is None
