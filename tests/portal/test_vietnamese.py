import unicodedata

import pytest

from portal.vietnamese import fold, is_folded, iy_variant, nfc, slugify_vi, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("đăng KÝ   kết hôn", "dang ky ket hon"),
        ("Chứng thực bản sao", "chung thuc ban sao"),
        ("Phường Thắng Tam", "phuong thang tam"),
        ("Xã Long Sơn", "xa long son"),
        ("ĐƯỜNG", "duong"),
        ("1.000110", "1.000110"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_removes_diacritics_case_and_maps_d(text, folded):
    assert fold(text) == folded


def test_fold_treats_decomposed_and_composed_text_alike():
    composed = "Đăng ký thường trú"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert fold(decomposed) == fold(composed) == "dang ky thuong tru"


def test_nfc_composes_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Hộ tịch")
    assert len(decomposed) > len("Hộ tịch")
    assert nfc(decomposed) == "Hộ tịch"


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Phường 1", "phuong-1"), ("Phường Nguyễn An Ninh", "phuong-nguyen-an-ninh"), ("Xã Long Sơn", "xa-long-son")],
)
def test_slugify_vi(text, slug):
    assert slugify_vi(text) == slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đăng ký (mẫu 1.000110)", ["đăng", "ký", "mẫu", "1.000110"]),
        ("Hộ-khẩu, CCCD!", ["hộ", "khẩu", "cccd"]),
        ('"(*:)~^[]{}\\/', []),
        ("a_b", ["a", "b"]),
        ("", []),
        (None, []),
    ],
)
def test_words_splits_on_symbols_and_keeps_codes(text, expected):
    assert words(text) == expected


def test_words_of_decomposed_text_equal_words_of_composed_text():
    composed = "Cấp giấy chứng nhận quyền sử dụng đất"
    assert words(unicodedata.normalize("NFD", composed)) == words(composed)


def test_is_folded():
    assert is_folded("dang") and is_folded("1.000110")
    assert not is_folded("đang") and not is_folded("cá")


@pytest.mark.parametrize(
    ("word", "variant"),
    [("ky", "ki"), ("ki", "ky"), ("ly", "li"), ("quy", "qui"), ("my", "mi"), ("ty", "ti"), ("y", None),
     ("khi", None), ("dang", None), ("tuy", None)],
)
def test_iy_variant(word, variant):
    assert iy_variant(word) == variant
