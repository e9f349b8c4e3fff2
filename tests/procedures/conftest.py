"""Fixtures of the procedures tests: real records copied verbatim from the bundled national data."""

import gzip
import json
import unicodedata
from functools import lru_cache

import pytest

from procedures.importer import run_import
from procedures.structure import DATA_DIR, ensure_catalogue, ensure_ward_pages

# Real procedures used across the tests (each chosen for a reason):
SAMPLE_CODES = [
    "1.001193",  # Thủ tục đăng ký khai sinh — cấp xã, well known
    "1.000894",  # Thủ tục đăng ký kết hôn — cấp xã
    "1.004222",  # Đăng ký thường trú — cấp xã, Bộ Công an
    "2.000815",  # Chứng thực bản sao từ bản chính — cấp xã + cơ quan khác
    "1.000080",  # decomposed (non-NFC) text, case headings in the documents, hard legal-basis rows
    "1.000757",  # decomposed sector name ("Cấp, quản lý căn cước")
    "1.000811",  # fees 1,200,000 Việt Nam Đồng / Miễn phí per channel
    "1.000014",  # bare time glued to a fee: "Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)"
    "1.007664",  # "Luật 54/2014/QH1354/2014/QH13…" legal basis
    "1.012518",  # form file glued to the document name: "…mục 3.1).Mẫu số 05.docx1 bản chính"
    "1.013124",  # Ministry of Defence structured record
]


@lru_cache(maxsize=1)
def _all_lines():
    lines = {}
    paths = [*sorted((DATA_DIR / "dichvucong").glob("*.jsonl.gz")),
             DATA_DIR / "bqp-structured" / "bo-quoc-phong.jsonl.gz"]
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for text in handle:
                data = json.loads(text)
                lines[data.get("ma_thu_tuc") or data.get("thu_tuc_id")] = text.rstrip("\n")
    return lines


def real_line(code):
    """The source line of a real record, exactly as in the bundled data."""
    return _all_lines()[code]


def real_record(code):
    return json.loads(real_line(code))


def source_fields(code):
    """Name, level text and sector of a real record as its source writes them (both formats)."""
    record = real_record(code)
    if "metadata" in record:
        meta = record["metadata"]
        return {"name": meta["tên_thủ_tục"], "levels": meta["cấp_thực_hiện"], "sector": meta["lĩnh_vực"]}
    return {"name": record["ten_thu_tuc"], "levels": record["cap_thuc_hien"], "sector": record["linh_vuc"]}


def codes_at_level(words):
    """Sample codes whose source level text mentions ``words`` ("cấp xã", "cấp bộ"…), read from the source."""
    return {
        code for code in SAMPLE_CODES if words in unicodedata.normalize("NFC", source_fields(code)["levels"]).lower()
    }


def write_jsonl(directory, codes, name="mau.jsonl"):
    """A JSON-lines file holding the real records ``codes``, verbatim, in that order."""
    path = directory / name
    path.write_text("\n".join(real_line(code) for code in codes) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def catalogue(city):
    """The city's catalogue page (Vietnamese only; ``english_catalogue`` adds the translation)."""
    return ensure_catalogue(city, english=False)


@pytest.fixture
def english_catalogue(catalogue, city):
    return ensure_catalogue(city).get_translations().get().specific


@pytest.fixture
def ward_pages(wards):
    return ensure_ward_pages(wards)


@pytest.fixture
def sample_file(tmp_path):
    return write_jsonl(tmp_path, SAMPLE_CODES)


@pytest.fixture
def imported(catalogue, sample_file):
    """The sample imported and published; returns the import summary."""
    return run_import([sample_file], index_page=catalogue)
