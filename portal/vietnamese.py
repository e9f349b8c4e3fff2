"""Plain functions for Vietnamese text: Unicode normalisation, folding, words and slugs.

``fold`` is the one folding function of the project: search (index text and queries), slugs and
importers use it so that "Đăng ký", "dang ky" and a decomposed (NFD) "Đăng ký" compare equal.
"""

import re
import unicodedata
from functools import lru_cache

_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})
_SPACES = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
# A word: letters and digits (no underscore), possibly joined by dots as in procedure codes
# ("1.000110") or abbreviations ("v.v"). Hyphens, apostrophes and every other symbol separate words.
_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")


def nfc(text):
    """Return ``text`` in Unicode NFC form (about 500 national records arrive decomposed)."""
    return unicodedata.normalize("NFC", text or "")


def fold(text):
    """Lower-case, strip diacritics and map đ→d: ``fold("Đăng KÝ")`` gives ``"dang ky"``.

    Works the same on NFC and NFD input; whitespace runs collapse to one space.
    """
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.translate(_D_MAP).lower()).strip()


@lru_cache(maxsize=65536)
def fold_word(word):
    """``fold`` for one short word, cached (ranking and highlighting fold the same words often)."""
    return fold(word)


def _one_char_folds():
    table = {}
    for code_point in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        folded = fold(chr(code_point))
        if len(folded) == 1 and folded != chr(code_point):
            table[code_point] = folded
    return table


_ONE_CHAR_FOLDS = _one_char_folds()


def fold_keep_length(text):
    """``fold`` of Latin letters character by character, without collapsing whitespace, so that
    positions in the result are positions in ``text`` (NFC input): for matching words in long texts."""
    return text.translate(_ONE_CHAR_FOLDS)


def words(text):
    """The words of ``text`` in NFC, lower-cased, diacritics kept: ``words("Đăng ký (mẫu 1.000110)")``
    gives ``["đăng", "ký", "mẫu", "1.000110"]``. NFD input gives the same words as NFC input."""
    return _WORD.findall(nfc(text).lower())


def is_folded(word):
    """True when ``word`` carries no diacritics (and no đ): ``is_folded("dang")``, not ``is_folded("đăng")``."""
    return fold(word) == word.lower()


def slugify_vi(text):
    """ASCII slug for Vietnamese text: ``slugify_vi("Phường Thắng Tam")`` gives ``"phuong-thang-tam"``."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


_IY_SYLLABLE = re.compile(r"^(h|k|l|m|s|t|qu)([iy])$")


def iy_variant(folded_word):
    """The other accepted spelling of a folded syllable ending in i/y after h, k, l, m, s, t or qu
    ("ký"/"kí", "lý"/"lí", "quy"/"qui", "mỹ"/"mĩ"): ``iy_variant("ky")`` gives ``"ki"``, else ``None``."""
    match = _IY_SYLLABLE.match(folded_word)
    if not match:
        return None
    return match.group(1) + ("i" if match.group(2) == "y" else "y")
