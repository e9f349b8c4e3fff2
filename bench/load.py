#!/usr/bin/env python
"""Load test of the portal as it runs in production, on SQLite and on PostgreSQL (see bench/README.md).

For each database engine: build (or reuse) the demo database, start gunicorn (production settings,
several workers, 127.0.0.1 only, Redis cache), then
  1. load: wrk drives a weighted mix of 20 public URLs (bench/load_mix.txt) for --duration seconds at
     --connections connections;
  2. soak: the same load while a second process publishes through Wagtail's revision API every
     --publish-interval seconds (creates and publishes ward news, edits and republishes a procedure
     page, unpublishes and republishes a news page); afterwards the published changes must be visible
     over HTTP (pages, listing, feed, search).
Prints per engine and phase: requests, req/s, socket errors by kind, responses >= 400, 5xx and
p50/p90/p99/max latency. Exits non-zero on any 5xx, socket error, failed publish or change not visible.
Not a test and not run by CI. Traffic goes to 127.0.0.1 only.

    .venv/bin/python bench/load.py                        # both engines, 60 s a phase (make load)
    .venv/bin/python bench/load.py --engines sqlite --duration 10 --no-soak
    .venv/bin/python bench/load.py --rebuild              # drop and rebuild the demo databases first
"""

import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.run import (  # noqa: E402
    PYTHON,
    build_database,
    collect_static,
    environment,
    host_for,
    manage,
    run_wrk,
    start_gunicorn,
    stop,
    url_lines,
    warm_up,
)

MIX_FILE = PROJECT / "bench" / "load_mix.txt"
RESULTS = PROJECT / "bench" / "results"
ENGINES = {
    "sqlite": f"sqlite:///{PROJECT / 'bench' / 'load.sqlite3'}",
    "postgresql": "postgres://postgres@127.0.0.1:5432/portal_load",
}
CACHE_URL = "redis://127.0.0.1:6379/5"  # emptied before each engine's run: use a database of its own
SOAK_SLUG = "thu-tai-"  # slug prefix of the news the soak creates (removed at the start of the next soak)
SOAK_WARD = "phuong-1"  # the ward the soak publishes news in
TOGGLED_WARD = "phuong-thang-tam"  # the ward whose oldest news page the soak unpublishes and republishes
SOAK_PROCEDURE = "1.001193"  # the procedure page the soak edits (it is in the mix)
SOCKET_ERRORS = ("connect", "read", "write", "timeout")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--duration", type=int, default=60, help="seconds of each phase (load, soak)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn (sync) workers")
    parser.add_argument("--timeout", type=int, default=30,
                        help="seconds after which wrk counts a request as a timeout error (gunicorn's worker timeout)")
    parser.add_argument("--cache-url", default=CACHE_URL, help="Redis database for the cache ('' = local memory)")
    parser.add_argument("--publish-interval", type=float, default=1.0, help="seconds between the soak's publishes")
    parser.add_argument("--no-soak", action="store_true", help="only the load phase")
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the demo databases first")
    return parser.parse_args(argv)


# --- The URL mix -----------------------------------------------------------------------------

def build_mix(path=MIX_FILE):
    """The weighted URL mix: [(weight, Host header, percent-encoded path)] from bench/load_mix.txt."""
    mix = []
    for weight, label, url_path in url_lines(path, fields=3):
        mix.append((int(weight), host_for(label), urllib.parse.quote(url_path, safe="/?&=%+-._~:,")))
    return mix


def write_request_file(mix, path, seed=2024):
    """One "<host> <path>" line per request, each URL ``weight`` times, shuffled (wrk goes round the file)."""
    lines = [f"{host} {url_path}" for weight, host, url_path in mix for _ in range(weight)]
    random.Random(seed).shuffle(lines)
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    return path


# --- The publisher (a separate process during the soak) --------------------------------------

def publish_loop(seconds, interval, report):
    """Publish through Wagtail's revision API every ``interval`` seconds for ``seconds``; write what was
    done, the errors and what must be visible afterwards as JSON to ``report``."""
    import django

    django.setup()
    from wagtail.models import Page

    from home.models import WardHomePage
    from news.models import NewsCategory, NewsIndexPage, NewsPage
    from procedures.models import ProcedurePage

    ward = WardHomePage.objects.get(slug=SOAK_WARD, locale__language_code="vi")
    index = NewsIndexPage.objects.child_of(ward).get()
    for leftover in NewsPage.objects.child_of(index).filter(slug__startswith=SOAK_SLUG):
        leftover.delete()
    category = NewsCategory.objects.get(slug="tin-tuc")
    procedure = ProcedurePage.objects.get(code=SOAK_PROCEDURE, locale__language_code="vi")
    summary = re.sub(r" \[thử tải .*\]$", "", procedure.summary)
    toggled_ward = WardHomePage.objects.get(slug=TOGGLED_WARD, locale__language_code="vi")
    toggled = NewsPage.objects.descendant_of(toggled_ward).exclude(slug__startswith=SOAK_SLUG).order_by("path")[0]
    if not toggled.live:
        toggled.save_revision().publish()
    token = f"taithu{random.randrange(10**5, 10**6)}"
    created, edits, done, errors, seconds_each = [], [], Counter(), [], []

    def create(n):
        page = NewsPage(title=f"Tin thử tải {token} số {n}", slug=f"{SOAK_SLUG}{token}-{n}", category=category,
                        lead=f"Tin do bench/load.py tạo khi đo tải ({token}).", is_sample=True, live=False)
        index.add_child(instance=page)
        page.save_revision().publish()
        created.append(page.pk)

    def edit(n):
        page = ProcedurePage.objects.get(pk=procedure.pk)
        page.summary = f"{summary} [thử tải {token}-{n}]"
        page.save_revision().publish()
        edits.append(n)

    def toggle(n):
        page = Page.objects.get(pk=toggled.pk).specific
        if page.live:
            page.unpublish()
        else:
            page.save_revision().publish()

    actions = [create, edit, toggle]
    print("READY", flush=True)
    started = time.monotonic()
    n = 0
    while time.monotonic() - started < seconds:
        action = actions[n % len(actions)]
        n += 1
        began = time.monotonic()
        try:
            action(n)
            done[action.__name__] += 1
        except Exception as error:  # noqa: BLE001 - every failure is a finding, reported
            errors.append({"action": action.__name__, "error": f"{type(error).__name__}: {error}"[:300]})
        seconds_each.append(time.monotonic() - began)
        time.sleep(max(0.0, began + interval - time.monotonic()))
    final = Page.objects.get(pk=toggled.pk).specific
    if not final.live:
        final.save_revision().publish()

    def url(page):
        return page.specific.get_full_url()

    checks = []
    news = list(NewsPage.objects.filter(pk__in=created).order_by("pk"))
    for page in news:
        checks.append({"what": "created news page", "url": url(page), "contains": page.title})
    if news:
        checks.append({"what": "ward news listing shows the newest", "url": url(index), "contains": news[-1].title})
        checks.append({"what": "ward RSS feed has the newest", "url": url(index) + "rss/", "contains": news[-1].title})
        query = urllib.parse.urlencode({"q": news[-1].title})  # as a citizen would type it, with diacritics
        search = urllib.parse.urlsplit(url(ward))._replace(path="/api/search", query=query)
        checks.append({"what": "search API finds the newest", "url": search.geturl(), "contains": news[-1].title})
    if edits:
        checks.append({"what": "edited procedure page", "url": url(procedure),
                       "contains": f"[thử tải {token}-{edits[-1]}]"})
    checks.append({"what": "unpublished then republished page", "url": url(final), "contains": final.title})
    report.write_text(json.dumps({
        "done": dict(done), "errors": errors, "checks": checks,
        "publish_ms": {"p50": statistics.median(seconds_each) * 1000 if seconds_each else 0,
                       "max": max(seconds_each, default=0) * 1000},
    }, ensure_ascii=False, indent=1), encoding="utf-8")


# --- The database ------------------------------------------------------------------------------

# Exits 0 when the database is migrated and holds the full demo (the whole procedure catalogue).
DEMO_READY = """
import sys
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from procedures.models import ProcedurePage
executor = MigrationExecutor(connection)
pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
sys.exit(1 if pending or ProcedurePage.objects.count() < 2000 else 0)
"""


def ensure_demo(env, rebuild):
    """Reuse the demo database when it is ready, else build it; returns the seconds it took."""
    started = time.perf_counter()
    if rebuild or manage(env, "shell", "-c", DEMO_READY, capture_output=True).returncode != 0:
        build_database(env, rebuild)
    return time.perf_counter() - started


# --- HTTP checks and logs --------------------------------------------------------------------

def fetch(port, url):
    """GET ``url`` (an absolute URL of the portal) from the server on 127.0.0.1:``port``, Host kept."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                           headers={"Host": parts.netloc})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def visible(port, checks):
    """The failed checks: each URL must answer 200 and contain its text (as is, or HTML/JSON-escaped)."""
    import html

    failed = []
    for check in checks:
        status, body = fetch(port, check["url"])
        text = check["contains"]
        forms = {text, html.escape(text), html.escape(text, quote=False), json.dumps(text)[1:-1]}
        if status != 200 or not any(form in body for form in forms):
            failed.append({**check, "status": status})
    return failed


def server_log_findings(log_path, start=0):
    """Counts of what Django and gunicorn logged from byte ``start``: 5xx and 404 paths, locked database."""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        log.seek(start)
        text = log.read()
    return {
        "server_errors": Counter(re.findall(r"Internal Server Error: (\S+)", text)).most_common(10),
        "not_found": Counter(re.findall(r"Not Found: (\S+)", text)).most_common(10),
        "database_locked": text.count("database is locked"),
        "worker_timeouts": text.count("WORKER TIMEOUT"),
    }


def cpu_seconds(pid):
    """CPU seconds (user + system) used so far by process ``pid`` and its children (gunicorn's workers).
    Unlike req/s on a shared machine, CPU per request hardly depends on what else runs."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    total = 0
    for process in [pid, *map(int, children)]:
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:  # a worker that just exited
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def progress(engine, message):
    print(f"[{datetime.now(UTC):%H:%M:%S} {engine}] {message}", file=sys.stderr, flush=True)


def empty_cache(cache_url):
    if cache_url:
        import redis

        redis.Redis.from_url(cache_url).flushdb()


# --- One engine --------------------------------------------------------------------------------

def run_engine(name, args, requests_file, stamp):
    env = environment(database_url=ENGINES[name], cache_url=args.cache_url)
    progress(name, "demo database …")
    setup_seconds = ensure_demo(env, args.rebuild)
    empty_cache(args.cache_url)
    progress(name, f"database ready in {setup_seconds:.0f} s; starting gunicorn")
    log_path = RESULTS / f"load-{stamp}-{name}-gunicorn.log"
    result = {"engine": name, "setup_seconds": round(setup_seconds, 1), "log": str(log_path.relative_to(PROJECT))}
    with open(log_path, "a", encoding="utf-8") as log:
        server, port = start_gunicorn(env, args.workers, log=log)
        try:
            progress(name, "warming up: every URL, as many at once as there are workers")
            with ThreadPoolExecutor(args.workers) as pool:
                list(pool.map(lambda url: warm_up(port, url[1], url[2], 1), build_mix() * max(1, args.workers // 2)))
            phases = {"load": lambda: load(server, port, args, requests_file)}
            if not args.no_soak:
                phases["soak"] = lambda: soak(env, server, port, args, requests_file, stamp, name)
            for phase, run in phases.items():
                progress(name, f"{phase}: {args.duration} s at {args.connections} connections"
                         + (f", publishing every {args.publish_interval} s" if phase == "soak" else ""))
                log.flush()
                offset = log_path.stat().st_size
                result[phase] = run()
                log.flush()
                result[phase]["log"] = server_log_findings(log_path, offset)
        finally:
            stop(server)
    return result


def load(server, port, args, requests_file):
    """wrk over the mix, with the CPU seconds gunicorn used meanwhile."""
    cpu = cpu_seconds(server.pid)
    figures = run_wrk(port, args.duration, args.connections, mix=requests_file, timeout=args.timeout)
    return {**figures, "server_cpu_seconds": round(cpu_seconds(server.pid) - cpu, 1)}


def soak(env, server, port, args, requests_file, stamp, name):
    report = RESULTS / f"load-{stamp}-{name}-publisher.json"
    publisher = subprocess.Popen(
        [PYTHON, str(Path(__file__).resolve()), "publish", "--seconds", str(args.duration), "--interval",
         str(args.publish_interval), "--report", str(report)],
        env=env, cwd=PROJECT, stdout=subprocess.PIPE, text=True,
    )
    try:
        if publisher.stdout.readline().strip() != "READY":
            raise SystemExit("the publisher did not start")
        figures = load(server, port, args, requests_file)
        if publisher.wait(timeout=args.duration + 120):
            raise SystemExit(f"the publisher failed (exit {publisher.returncode})")
    finally:
        if publisher.poll() is None:
            stop(publisher)
    published = json.loads(report.read_text(encoding="utf-8"))
    failed = visible(port, published["checks"])
    return {**figures, "publisher": published, "not_visible": failed}


# --- Report ------------------------------------------------------------------------------------

def problems(phase):
    """What makes a phase fail: 5xx, socket errors, failed publishes, changes not visible."""
    found = []
    fives = sum(count for status, count in phase["statuses"].items() if status >= 500)
    if fives:
        found.append(f"{fives} responses 5xx")
    sockets = sum(phase[kind] for kind in SOCKET_ERRORS)
    if sockets:
        found.append(f"{sockets} socket errors")
    publisher = phase.get("publisher")
    if publisher and publisher["errors"]:
        found.append(f"{len(publisher['errors'])} publishes failed")
    if phase.get("not_visible"):
        found.append(f"{len(phase['not_visible'])} published changes not visible")
    return found


def cpu_per_request(phase):
    """gunicorn's CPU milliseconds per answered request (PostgreSQL's own work not included)."""
    return 1000 * phase["server_cpu_seconds"] / max(1, phase["requests"])


def print_report(results, args):
    print(f"\nportal load test {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: gunicorn {args.workers} workers, wrk "
          f"{args.connections} connections, {args.duration} s a phase, mix of {len(build_mix())} URLs "
          f"(bench/load_mix.txt), cache {args.cache_url or 'local memory'}")
    header = (f"{'engine':10} {'phase':5} {'requests':>8} {'req/s':>7} {'conn/read/write/timeout':>23} {'>=400':>6} "
              f"{'5xx':>5} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} {'CPU ms/req':>10}")
    print(header)
    print("-" * len(header))
    for result in results:
        for phase_name in ("load", "soak"):
            phase = result.get(phase_name)
            if not phase:
                continue
            fives = sum(count for status, count in phase["statuses"].items() if status >= 500)
            sockets = "/".join(str(phase[kind]) for kind in SOCKET_ERRORS)
            print(f"{result['engine']:10} {phase_name:5} {phase['requests']:>8} {phase['rps']:>7.1f} {sockets:>23} "
                  f"{phase['status']:>6} {fives:>5} {phase['p50']:>8.1f} {phase['p90']:>8.1f} {phase['p99']:>8.1f} "
                  f"{phase['max']:>8.1f} {cpu_per_request(phase):>10.0f}")
    for result in results:
        for phase_name in ("load", "soak"):
            phase = result.get(phase_name)
            if not phase:
                continue
            statuses = ", ".join(f"{status}: {count}" for status, count in sorted(phase["statuses"].items()))
            print(f"\n{result['engine']} {phase_name}: statuses {statuses}")
            log = phase["log"]
            print(f"  server log ({result['log']}): 5xx {log['server_errors'] or 'none'}; "
                  f"404 {log['not_found'] or 'none'}; 'database is locked' {log['database_locked']}; "
                  f"worker timeouts {log['worker_timeouts']}")
            publisher = phase.get("publisher")
            if publisher:
                locked = sum("database is locked" in error["error"] for error in publisher["errors"])
                print(f"  publisher: {publisher['done']} done, {len(publisher['errors'])} failed "
                      f"({locked} 'database is locked'); seconds an action: p50 "
                      f"{publisher['publish_ms']['p50'] / 1000:.2f}, max {publisher['publish_ms']['max'] / 1000:.2f}")
                for error in publisher["errors"][:5]:
                    print(f"    {error['action']}: {error['error']}")
                print(f"  visible over HTTP afterwards: {len(publisher['checks']) - len(phase['not_visible'])}"
                      f"/{len(publisher['checks'])}")
                for check in phase["not_visible"]:
                    print(f"    NOT VISIBLE ({check['status']}): {check['what']} {check['url']}")
            found = problems(phase)
            print(f"  verdict: {'FAIL: ' + '; '.join(found) if found else 'ok'}")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["publish"]:
        parser = argparse.ArgumentParser()
        parser.add_argument("--seconds", type=float, required=True)
        parser.add_argument("--interval", type=float, required=True)
        parser.add_argument("--report", type=Path, required=True)
        options = parser.parse_args(argv[1:])
        return publish_loop(options.seconds, options.interval, options.report)
    args = parse_args(argv)
    engines = [engine.strip() for engine in args.engines.split(",") if engine.strip()]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        raise SystemExit(f"unknown engine {', '.join(sorted(unknown))}: choose from {', '.join(ENGINES)}")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    collect_static(environment())  # production settings serve the hashed static files of the manifest
    requests_file = write_request_file(build_mix(), RESULTS / f"load-{stamp}-requests.txt")
    results = [run_engine(engine, args, requests_file, stamp) for engine in engines]
    (RESULTS / f"load-{stamp}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print_report(results, args)
    failed = [result["engine"] for result in results for phase in ("load", "soak")
              if result.get(phase) and problems(result[phase])]
    if failed:
        raise SystemExit(f"\nFAILED on {', '.join(sorted(set(failed)))}")
    print("\nall phases ok: no 5xx, no socket errors, every publish visible")


if __name__ == "__main__":
    main()
