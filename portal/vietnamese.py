"""Plain functions for Vietnamese text: Unicode normalisation, folding and slugs.

``fold`` is the one folding function of the project: search (index text and queries), slugs and
importers use it so that "Đăng ký", "dang ky" and a decomposed (NFD) "Đăng ký" compare equal.
"""

import re
import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})
_SPACES = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


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


def slugify_vi(text):
    """ASCII slug for Vietnamese text: ``slugify_vi("Phường Thắng Tam")`` gives ``"phuong-thang-tam"``."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")
