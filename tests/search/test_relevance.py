"""The committed relevance set and its metrics (the numbers come from ``manage.py evaluate_search``
against the real catalogue; see docs/search.md)."""

import gzip
import json
import unicodedata
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from search.relevance import Judgement, load, metrics, rank_of

DATA = Path(__file__).resolve().parents[2] / "procedures" / "data"


def catalogue_codes():
    codes = set()
    for path in [*(DATA / "dichvucong").glob("*.jsonl.gz"), DATA / "bqp-structured" / "bo-quoc-phong.jsonl.gz"]:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                codes.add(record.get("ma_thu_tuc") or record.get("metadata", {}).get("code"))
    return codes


def test_the_set_has_every_group_and_at_least_150_queries():
    judgements = load()
    groups = {j.group for j in judgements}
    assert len(judgements) >= 150
    assert groups == {"có dấu", "không dấu", "NFD", "lỗi gõ", "mã thủ tục", "từ đồng nghĩa", "câu hỏi", "câu hỏi dài"}
    nfd = [j for j in judgements if j.group == "NFD"]
    assert all(unicodedata.normalize("NFD", j.query) == j.query for j in nfd)
    assert any(unicodedata.normalize("NFC", j.query) != j.query for j in nfd)


def test_long_questions_are_whole_pasted_questions():
    """At least 50 questions of 150–400 characters (counted after NFC), some typed without diacritics."""
    long = [j for j in load() if j.group == "câu hỏi dài"]
    assert len(long) >= 50
    lengths = [len(unicodedata.normalize("NFC", j.query)) for j in long]
    assert min(lengths) >= 150 and max(lengths) <= 400
    unaccented = [j for j in long if j.query.isascii()]
    assert 0.2 <= len(unaccented) / len(long) <= 0.4


def test_every_expected_procedure_is_in_the_real_catalogue():
    codes = catalogue_codes()
    expected = {code for j in load() for code in j.expected if not code.startswith("url:")}
    assert expected - codes == set()


def test_rank_of_accepts_any_expected_page():
    judgement = Judgement("g", "q", ("1.000001", "url:/phuong-1/"))
    assert rank_of(judgement, [("2.000000", "/a/"), ("1.000001", "/b/")]) == 2
    assert rank_of(judgement, [("", "/trang-chu/phuong-1/")]) == 1
    assert rank_of(judgement, [("9.999999", "/x/")]) is None


def test_metrics():
    assert metrics([1, 2, None, 11]) == {"n": 4, "recall@1": 0.25, "recall@10": 0.5, "mrr": 0.375}


@pytest.mark.django_db
def test_evaluate_search_needs_the_catalogue():
    with pytest.raises(CommandError, match="bootstrap_portal"):
        call_command("evaluate_search")
