#!/usr/bin/env python
"""Search performance benchmark (not run by CI): the real procedure catalogue plus 100,000 generated
news pages on PostgreSQL; search and autocomplete latency with 4 concurrent clients; update_index
throughput. See docs/search.md.

    .venv/bin/python bench/search_perf.py setup     # create portal_issue4_bench, import, generate, index
    .venv/bin/python bench/search_perf.py measure   # gunicorn (4 workers) + 4 client threads, cache off then on
    .venv/bin/python bench/search_perf.py all

Options: --database-url (default postgres://postgres@127.0.0.1:5432/portal_issue4_bench), --cache-url
(a Redis database the benchmark empties, default redis://127.0.0.1:6379/7), --news N, --requests N
(per client and endpoint), --workers N, --clients N.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from portal.localserver import free_port, wait_until_serving  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/portal_issue4_bench"
SETTINGS = "portal.settings.test"

TOPICS = [
    "lịch tiếp công dân", "tiêm chủng mở rộng", "tạm ngừng cung cấp điện", "phòng chống sốt xuất huyết",
    "chuyển đổi số", "an toàn giao thông", "phòng cháy chữa cháy", "thu gom rác thải", "du lịch biển",
    "cải cách hành chính", "bầu cử hội đồng nhân dân", "tuyển sinh lớp một", "hiến máu tình nguyện",
    "cấp nước sinh hoạt", "chỉnh trang đô thị", "lễ hội nghinh Ông", "hỗ trợ hộ nghèo", "khám sức khỏe",
    "nghĩa vụ quân sự", "thanh toán không dùng tiền mặt", "dịch vụ công trực tuyến", "bảo vệ môi trường",
    "phòng chống thiên tai", "quy hoạch sử dụng đất", "xây dựng nông thôn mới", "an toàn thực phẩm",
]
KINDS = ["Thông báo", "Tin tức", "Kế hoạch", "Hướng dẫn", "Kết quả", "Lịch", "Tổng kết", "Triển khai"]
PLACES = ["Phường 1", "Phường 2", "Phường Thắng Tam", "Phường Rạch Dừa", "Xã Long Sơn", "Phường 10",
          "Phường Nguyễn An Ninh", "Phường Thắng Nhất", "thành phố Vũng Tàu"]
SENTENCES = [
    "Ủy ban nhân dân {place} thông báo đến toàn thể nhân dân về {topic} trong tháng {month}.",
    "Người dân có nhu cầu vui lòng liên hệ bộ phận một cửa trong giờ hành chính.",
    "Chương trình {topic} được triển khai tại các khu phố từ ngày {day} tháng {month}.",
    "Đề nghị các tổ chức, cá nhân phối hợp thực hiện nghiêm các quy định hiện hành.",
    "Kết quả thực hiện {topic} năm nay đạt và vượt các chỉ tiêu đề ra.",
    "Thông tin chi tiết được đăng tải trên cổng thông tin điện tử của {place}.",
    "Cán bộ phường sẽ hướng dẫn người dân sử dụng dịch vụ công trực tuyến và thanh toán điện tử.",
    "Trong thời gian thực hiện, đề nghị người dân chủ động sắp xếp công việc phù hợp.",
    "Mọi thắc mắc xin liên hệ số điện thoại đường dây nóng của ủy ban.",
    "Đây là dữ liệu sinh tự động để đo hiệu năng tìm kiếm, không phải tin thật.",
]
AUTOCOMPLETE_PREFIXES = ["dang k", "dang ky kh", "cap gi", "gia han t", "chung th", "thong bao l", "lich t",
                         "hộ ch", "căn cư", "giấy phép l", "tiem ch", "thue thu", "xac nhan t", "ho kinh d"]


def env(url):
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": SETTINGS, "PORTAL_DOMAIN": "localhost"}


def manage(url, *args):
    subprocess.run([sys.executable, str(PROJECT / "manage.py"), *args], env=env(url), cwd=PROJECT, check=True)


def recreate_database(url):
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(url)
    connection = psycopg2.connect(dbname="postgres", user=config["USER"], host=config["HOST"],
                                  port=config["PORT"] or 5432, password=config["PASSWORD"] or None)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}"')
        cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
    connection.close()


def news_text(rng):
    topic, place = rng.choice(TOPICS), rng.choice(PLACES)
    fill = {"topic": topic, "place": place, "day": rng.randint(1, 28), "month": rng.randint(1, 12)}
    title = f"{rng.choice(KINDS)} về {topic} tại {place} ({rng.randint(1, 9999)})"
    summary = SENTENCES[0].format(**fill)
    body = " ".join(sentence.format(**fill) for sentence in rng.sample(SENTENCES, 6))
    return title, summary, body


def generate_news(url, count, seed=2024):
    """Bulk-insert ``count`` live StandardPages (base rows with bulk_create, child rows with one
    multi-row INSERT per batch) under "news" parents of the city and four wards."""
    os.environ.update(env(url))
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    import json
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from psycopg2.extras import execute_values
    from wagtail.models import Page

    from home.models import CityHomePage, StandardPage, WardHomePage

    rng = random.Random(seed)
    city = CityHomePage.objects.get(locale__language_code="vi")
    homes = [city, *WardHomePage.objects.filter(locale__language_code="vi").order_by("path")[:4]]
    parents = []
    for home in homes:
        parent = StandardPage.objects.child_of(home).filter(slug="tin-tuc-do-hieu-nang").first()
        if parent is None:
            parent = StandardPage(title="Tin tức (dữ liệu đo hiệu năng)", slug="tin-tuc-do-hieu-nang",
                                  summary="Tin sinh tự động để đo hiệu năng tìm kiếm.")
            home.add_child(instance=parent)
            parent.save_revision().publish()
        parents.append(Page.objects.get(pk=parent.pk))
    content_type = ContentType.objects.get_for_model(StandardPage)
    now = timezone.now()
    batch = 2000
    created = 0
    started = time.perf_counter()
    while created < count:
        size = min(batch, count - created)
        with transaction.atomic():
            rows, texts = [], []
            for parent in parents:
                parent.refresh_from_db(fields=["numchild"])
            by_parent = {parent.pk: 0 for parent in parents}
            for i in range(size):
                parent = parents[0] if i % 5 < 3 else parents[1 + i % 4]
                number = parent.numchild + by_parent[parent.pk] + 1
                by_parent[parent.pk] += 1
                title, summary, body = news_text(rng)
                slug = f"tin-{created + i + 1}"
                rows.append(Page(
                    path=parent._get_path(parent.path, parent.depth + 1, number), depth=parent.depth + 1, numchild=0,
                    title=title, draft_title=title, slug=slug, content_type=content_type, live=True,
                    has_unpublished_changes=False, url_path=f"{parent.url_path}{slug}/", locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(), first_published_at=now, last_published_at=now,
                ))
                texts.append((summary, body))
            Page.objects.bulk_create(rows)
            insert = "INSERT INTO home_standardpage (page_ptr_id, summary, noindex, body) VALUES %s"
            with connection.cursor() as cursor:
                execute_values(cursor, insert, [
                    (page.pk, summary, False, json.dumps([{"type": "paragraph", "value": f"<p>{body}</p>",
                                                           "id": str(uuid.uuid4())}]))
                    for page, (summary, body) in zip(rows, texts, strict=True)
                ])
            for parent in parents:
                Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + by_parent[parent.pk])
        created += size
    seconds = time.perf_counter() - started
    print(f"generated {created} news pages in {seconds:.0f} s ({created / seconds:.0f} pages/s)")


def setup(args):
    started = time.perf_counter()
    recreate_database(args.database_url)
    manage(args.database_url, "migrate", "--noinput", "-v0")
    manage(args.database_url, "bootstrap_portal", "--no-admin")
    subprocess.run([sys.executable, __file__, "_generate", "--database-url", args.database_url, "--news",
                    str(args.news)], check=True, cwd=PROJECT)
    index_started = time.perf_counter()
    output = subprocess.run([sys.executable, str(PROJECT / "manage.py"), "update_index"], env=env(args.database_url),
                            cwd=PROJECT, check=True, capture_output=True, text=True).stdout
    index_seconds = time.perf_counter() - index_started
    objects = sum(int(line.split("indexed ")[1].split()[0]) for line in output.splitlines() if "indexed " in line)
    # update_index rewrites every index row (twice, with title_norm): vacuum as autovacuum would.
    manage(args.database_url, "shell", "-c",
           "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')")
    print(f"update_index: {objects} objects in {index_seconds:.0f} s = {objects / index_seconds:.0f} objects/s")
    print(f"setup total: {(time.perf_counter() - started) / 60:.1f} min")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def load_queries():
    sys.path.insert(0, str(PROJECT))
    from search.relevance import load

    queries = [judgement.query for judgement in load()]
    rng = random.Random(7)
    queries += [f"{rng.choice(KINDS).lower()} {rng.choice(TOPICS)}" for _ in range(60)]
    return queries


def run_clients(base_url, paths, clients, per_client):
    latencies, errors = [], []
    lock = threading.Lock()

    def client(number):
        rng = random.Random(number)
        for _ in range(per_client):
            path = rng.choice(paths)
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base_url + path, timeout=30) as response:
                    response.read()
                    status = response.status
            except Exception as error:  # noqa: BLE001 - counted and reported
                status = str(error)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append(status)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def measure(args):
    """Each endpoint with the answer cache off (the engine: every request searches), then on, as in
    production: Redis shared by the workers, emptied first, so each distinct query misses once."""
    for cache_seconds in ("0", "300"):
        measure_once(args, cache_seconds)


def measure_once(args, cache_seconds):
    import redis

    redis.Redis.from_url(args.cache_url).flushdb()
    port = free_port()
    server = subprocess.Popen(
        [str(PROJECT / ".venv" / "bin" / "gunicorn"), "portal.wsgi:application", "-w", str(args.workers), "-b",
         f"127.0.0.1:{port}", "--log-level", "warning"],
        env={**env(args.database_url), "PORTAL_PORT": "80", "ALLOWED_HOSTS": "*", "CACHE_URL": args.cache_url,
             "SEARCH_CACHE_SECONDS": cache_seconds},
        cwd=PROJECT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_serving(base_url + "/robots.txt"):
            raise SystemExit("gunicorn did not start")
        queries = load_queries()
        quote = urllib.parse.quote
        endpoints = {
            "search API (/api/search)": [f"/api/search?q={quote(q)}" for q in queries],
            "search page (/tim-kiem/)": [f"/tim-kiem/?q={quote(q)}" for q in queries],
            "autocomplete (/api/search?mode=suggest)": [f"/api/search?mode=suggest&q={quote(p)}"
                                                        for p in AUTOCOMPLETE_PREFIXES],
        }
        warm_up = ["/tim-kiem/?q=thu+tuc", "/api/search?q=thu+tuc", "/api/search?mode=suggest&q=thu+t"]
        run_clients(base_url, warm_up, args.workers, 10)  # start every worker (imports, frame cache)
        state = "off (every request searches)" if cache_seconds == "0" else "on (Redis, empty at start)"
        print(f"\nanswer cache {state}: {args.clients} concurrent clients, {args.requests} requests each, "
              f"gunicorn {args.workers} workers; {len(queries)} distinct queries, "
              f"{len(AUTOCOMPLETE_PREFIXES)} prefixes")
        print(f"{'endpoint':<42}{'n':>6}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}{'req/s':>8}  errors")
        for name, paths in endpoints.items():
            latencies, errors, seconds = run_clients(base_url, paths, args.clients, args.requests)
            print(f"{name:<42}{len(latencies):>6}{statistics.median(latencies):>8.1f}{percentile(latencies, .95):>8.1f}"
                  f"{percentile(latencies, .99):>8.1f}{max(latencies):>8.1f}{len(latencies) / seconds:>8.1f}  "
                  f"{len(errors)}")
    finally:
        server.terminate()
        server.wait(timeout=20)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["setup", "measure", "all", "_generate"])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/7", help="a Redis database it may empty")
    parser.add_argument("--news", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=150)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("the benchmark runs on PostgreSQL")
    if args.command == "_generate":
        generate_news(args.database_url, args.news)
    if args.command in ("setup", "all"):
        setup(args)
    if args.command in ("measure", "all"):
        measure(args)


if __name__ == "__main__":
    main()
