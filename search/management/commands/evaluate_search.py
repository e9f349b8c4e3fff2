"""``manage.py evaluate_search``: Recall@1, Recall@10 and MRR of the citizen search per query group,
on the database and search backend configured (run it once with SQLite, once with PostgreSQL, once
with ELASTICSEARCH_URL set). Needs the real catalogue: ``manage.py bootstrap_portal`` imports it."""

import time
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import RequestFactory
from wagtail.models import Site
from wagtail.search.backends import get_search_backend

from search import service
from search.relevance import QUERIES_FILE, load, metrics, rank_of
from search.scope import resolve_scope

TARGET_RECALL_10 = 0.95
TARGET_MRR = 0.8
ACCENT_GAP = 0.05


class Command(BaseCommand):
    help = "Đo chất lượng tìm kiếm (Recall@1, Recall@10, MRR) trên bộ câu hỏi search/relevance/queries.tsv."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(QUERIES_FILE))
        parser.add_argument("--backend", default=None, help="Backend trong WAGTAILSEARCH_BACKENDS (mặc định: default).")
        parser.add_argument("--misses", action="store_true", help="In các câu hỏi không đạt hạng 1.")
        parser.add_argument("--check", action="store_true", help="Thoát với lỗi nếu không đạt mục tiêu.")

    def handle(self, *args, **options):
        from procedures.models import ProcedurePage

        if not ProcedurePage.objects.live().exists():
            raise CommandError("Chưa có danh mục thủ tục: chạy `manage.py bootstrap_portal` (nhập dữ liệu thật) trước.")
        site = Site.objects.get(is_default_site=True)
        request = RequestFactory().get("/tim-kiem/", HTTP_HOST=site.hostname, SERVER_PORT=site.port)
        scope = resolve_scope(request)
        judgements = load(options["file"])
        ranks, misses, started = defaultdict(list), [], time.perf_counter()
        for judgement in judgements:
            outcome = service.search(scope, judgement.query, request=request, backend=options["backend"])
            results = [(item.code, item.url_path or item.url) for item in outcome.items]
            rank = rank_of(judgement, results)
            ranks[judgement.group].append(rank)
            if rank != 1:
                misses.append((judgement, rank, results[:3]))
        seconds = time.perf_counter() - started
        backend = get_search_backend(options["backend"] or "default")
        self.stdout.write(f"Backend: {type(backend).__name__} on {connection.vendor}; {len(judgements)} queries in "
                          f"{seconds:.1f} s ({1000 * seconds / len(judgements):.0f} ms each)\n")
        self.stdout.write(f"{'group':<16}{'n':>5}{'R@1':>8}{'R@10':>8}{'MRR':>8}")
        failed = []
        table = {}
        for group, group_ranks in [*ranks.items(), ("all", [r for rs in ranks.values() for r in rs])]:
            m = table[group] = metrics(group_ranks)
            self.stdout.write(f"{group:<16}{m['n']:>5}{m['recall@1']:>8.3f}{m['recall@10']:>8.3f}{m['mrr']:>8.3f}")
            if group != "all" and (m["recall@10"] < TARGET_RECALL_10 or m["mrr"] < TARGET_MRR):
                failed.append(group)
        if "có dấu" in table and "không dấu" in table:
            gap = max(abs(table["có dấu"][key] - table["không dấu"][key]) for key in ("recall@1", "recall@10", "mrr"))
            self.stdout.write(f"\nUnaccented vs accented: largest gap {gap:.3f} (target ≤ {ACCENT_GAP})")
            if gap > ACCENT_GAP:
                failed.append("accent gap")
        if options["misses"]:
            self.stdout.write("\nNot first:")
            for judgement, rank, top in misses:
                shown = "; ".join(f"{code or url}" for code, url in top)
                self.stdout.write(f"  [{judgement.group}] {judgement.query!r} → rank {rank}; top: {shown}")
        if failed and options["check"]:
            raise CommandError(f"Targets missed: {', '.join(failed)}")
