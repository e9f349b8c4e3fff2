"""The relevance set (``queries.tsv``) and its metrics (pure functions; see evaluate_search)."""

import csv
from dataclasses import dataclass
from pathlib import Path

QUERIES_FILE = Path(__file__).with_name("queries.tsv")


@dataclass(frozen=True)
class Judgement:
    group: str
    query: str
    expected: tuple  # procedure codes or "url:<path suffix>"


def load(path=QUERIES_FILE):
    lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [Judgement(row["group"], row["query"], tuple(row["expected"].split())) for row in rows]


def rank_of(judgement, results):
    """1-based rank of the first expected page among ``results`` (``(code, url_path)`` pairs), or None."""
    for rank, (code, url_path) in enumerate(results, 1):
        for expected in judgement.expected:
            if expected.startswith("url:") and url_path.endswith(expected[4:]):
                return rank
            if code and code == expected:
                return rank
    return None


def metrics(ranks, k=10):
    """Recall@1, Recall@k and MRR (reciprocal rank, 0 beyond ``k``) of a list of ranks (None = missed)."""
    if not ranks:
        return {"n": 0, "recall@1": 0.0, f"recall@{k}": 0.0, "mrr": 0.0}
    n = len(ranks)
    return {
        "n": n,
        "recall@1": sum(1 for r in ranks if r == 1) / n,
        f"recall@{k}": sum(1 for r in ranks if r is not None and r <= k) / n,
        "mrr": sum(1 / r for r in ranks if r is not None and r <= k) / n,
    }
