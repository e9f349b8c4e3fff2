"""Benchmark of the news pages on a large ward: ``manage.py bench_news [--items 5000] [--ward phuong-1]``.

Fills the ward's news index up to ``--items`` sample items (flagged ``is_sample``, slugs ``bench-N``, dates
spread over 36 months, a third of them notices) unless they are there already, then requests each URL in
``bench/urls/news.txt`` plus the ward index's page 1, a middle page and an archive month, and prints a
Markdown table: SQL queries of the whole response, queries of the listing itself
(``news.listing.listing_context``), median and worst time over ``--runs`` requests.
``--cleanup`` deletes the bench items afterwards. Run it on a development database, never production.
"""

import statistics
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from home.models import WardHomePage
from news import listing
from news.models import NewsCategory, NewsIndexPage, NewsPage

URL_FILE = Path(settings.BASE_DIR) / "bench" / "urls" / "news.txt"


class Command(BaseCommand):
    help = "Đo hiệu năng trang tin tức với một phường có nhiều tin (mặc định 5.000)."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=5000)
        parser.add_argument("--ward", default="phuong-1")
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument("--cleanup", action="store_true")

    def handle(self, *args, **options):
        ward = WardHomePage.objects.get(slug=options["ward"], locale__language_code="vi")
        index = NewsIndexPage.objects.child_of(ward).first()
        if index is None:
            self.stderr.write("Chưa có trang tin tức của phường: chạy bootstrap_portal trước.")
            return
        started = time.perf_counter()
        created = self.fill(index, options["items"])
        self.stdout.write(f"{created} tin được tạo trong {time.perf_counter() - started:.1f} s")
        count = listing.news_in_scope(index).count()
        month = timezone.localtime(listing.news_in_scope(index).order_by("date").first().date)
        ward_host = self.host(Site.objects.get(root_page=ward))
        city_host = self.host(Site.objects.get(is_default_site=True))
        targets = [
            (ward_host, "/tin-tuc/", index),
            (ward_host, f"/tin-tuc/?year={month.year}&month={month.month}", index),
            (ward_host, "/tin-tuc/?page=100", index),
            (ward_host, "/tin-tuc/?category=thong-bao&current=1", index),
        ]
        for line in URL_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label, path = line.split()
                host = city_host if label == "city" else self.host(Site.objects.get(root_page__slug=label))
                targets.append((host, path, None))
        self.stdout.write(f"\n{count} tin trong trang tin tức của {ward.title}; {connection.vendor}\n")
        self.stdout.write("| URL | status | queries (response) | queries (listing) | median ms | max ms |")
        self.stdout.write("|---|---|---|---|---|---|")
        client = Client()
        for host, path, listing_index in targets:
            client.get(path, HTTP_HOST=host)  # warm caches (site root paths, templates)
            timings = []
            for _ in range(options["runs"]):
                with CaptureQueriesContext(connection) as queries:
                    begin = time.perf_counter()
                    response = client.get(path, HTTP_HOST=host)
                    timings.append((time.perf_counter() - begin) * 1000)
            own = "–"
            if listing_index is not None:
                request = RequestFactory().get(path, HTTP_HOST=host)
                request.LANGUAGE_CODE = "vi"
                with CaptureQueriesContext(connection) as listing_queries:
                    listing.listing_context(listing_index, request)
                own = str(len(listing_queries))
            self.stdout.write(
                f"| {host.split(':')[0]}{path} | {response.status_code} | {len(queries)} | {own} | "
                f"{statistics.median(timings):.0f} | {max(timings):.0f} |"
            )
        if options["cleanup"]:
            for page in NewsPage.objects.child_of(index).filter(slug__startswith="bench-"):
                page.delete()
            self.stdout.write("Đã xóa các tin dùng để đo.")

    @staticmethod
    def host(site):
        return site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"

    def fill(self, index, target):
        existing = NewsPage.objects.child_of(index).count()
        categories = {c.kind: c for c in NewsCategory.objects.all()}
        now = timezone.now()
        created = 0
        with transaction.atomic():
            for number in range(existing, target):
                date = now - timedelta(hours=number * 5)  # ~5,000 items over ~34 months
                fields = {}
                category = categories["news"]
                if number % 3 == 0:
                    category = categories["notice"]
                    fields = {"valid_from": date, "valid_until": date + timedelta(days=10)}
                page = NewsPage(
                    title=f"Tin đo hiệu năng số {number}",
                    slug=f"bench-{number}",
                    is_sample=True,
                    category=category,
                    date=date,
                    lead="Tin mẫu dùng để đo hiệu năng danh sách tin.",
                    **fields,
                )
                index.add_child(instance=page)
                created += 1
                if created % 500 == 0:
                    self.stdout.write(f"  … {created}")
        return created
