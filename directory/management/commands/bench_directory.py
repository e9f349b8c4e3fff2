"""``manage.py bench_directory [--merchants 500] [--runs 20]``: timings and query counts of the
directory's pages with N merchants, in a transaction that is rolled back (the database is unchanged).

Needs the portal structure and the directory demo (``bootstrap_portal``). Prints one row per URL:
SQL queries, median and 95th-percentile time in ms, response size.
"""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from directory.models import CashlessDirectoryPage, CashlessStreetPage, Merchant, PaymentMethod


class Command(BaseCommand):
    help = "Đo thời gian và số truy vấn SQL của các trang danh bạ thanh toán không dùng tiền mặt."

    def add_arguments(self, parser):
        parser.add_argument("--merchants", type=int, default=500, help="Tổng số cửa hàng công khai khi đo.")
        parser.add_argument("--runs", type=int, default=20, help="Số lần đo mỗi địa chỉ.")

    def handle(self, *args, **options):
        directory = CashlessDirectoryPage.objects.live().filter(depth=3).first()
        street = CashlessStreetPage.objects.live().filter(status="active").order_by("path").first()
        if directory is None or street is None:
            raise CommandError("Chưa có danh bạ và tuyến đường: chạy bootstrap_portal trước.")
        with transaction.atomic():
            self._fill(street, options["merchants"])
            rows = self._measure(directory, street, options["runs"])
            transaction.set_rollback(True)
        self.stdout.write(f"{'url':70} {'queries':>7} {'median ms':>9} {'p95 ms':>7} {'KiB':>6}")
        for url, queries, median, p95, size in rows:
            self.stdout.write(f"{url:70} {queries:7d} {median:9.1f} {p95:7.1f} {size / 1024:6.0f}")

    def _fill(self, street, total):
        """Top up the published merchants to ``total``, half of the new ones on ``street``."""
        missing = total - Merchant.objects.filter(published=True).count()
        if missing <= 0:
            return
        methods = list(PaymentMethod.objects.all())
        created = Merchant.objects.bulk_create(
            Merchant(
                key=f"bench-{n}",
                name=f"Cửa hàng đo {n}",
                ward_id=street.ward_id,
                street=street if n % 2 else None,
                address=f"Số {n}",
                latitude=street.points[0][0],
                longitude=street.points[0][1],
                published=True,
                search_text=f"cua hang do {n}",
            )
            for n in range(missing)
        )
        through = Merchant.payment_methods.through
        through.objects.bulk_create(
            through(merchant_id=m.pk, paymentmethod_id=methods[n % len(methods)].pk) for n, m in enumerate(created)
        )

    def _measure(self, directory, street, runs):
        client = Client()
        city_host = Site.objects.get(is_default_site=True).hostname
        street_site = street.get_site()
        street_host = street_site.hostname if street_site else city_host
        merchant = Merchant.objects.filter(published=True).first()
        targets = [
            (city_host, "/"),  # reference: the city home page
            (city_host, directory.url_path.split("/", 2)[-1]),
            (city_host, directory.url_path.split("/", 2)[-1] + "?thanh-toan=momo&loai=an-uong"),
            (street_host, "/" + street.get_url_parts()[2].lstrip("/")),
            (street_host, "/" + street.get_url_parts()[2].lstrip("/") + "ap-phich/"),
            (city_host, directory.url_path.split("/", 2)[-1] + f"cua-hang/{merchant.pk}/"),
            (city_host, "/du-lieu-mo/thanh-toan/cua-hang.csv"),
            (city_host, "/du-lieu-mo/thanh-toan/cua-hang.geojson"),
        ]
        rows = []
        for host, path in targets:
            path = path if path.startswith("/") else "/" + path
            client.get(path, HTTP_HOST=host)
            timings = []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(path, HTTP_HOST=host)
                    timings.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{host}{path}: HTTP {response.status_code}")
            timings.sort()
            p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
            rows.append((f"{host}{path}", len(queries), statistics.median(timings), p95, len(response.content)))
        return rows
