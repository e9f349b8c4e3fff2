import unicodedata

import pytest

from portal.vietnamese import fold, nfc, slugify_vi


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
