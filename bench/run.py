#!/usr/bin/env python
"""Benchmark the portal as it runs in production: gunicorn (2 workers, DEBUG off, production settings)
on 127.0.0.1 against the demo database, driven by wrk (Debian) or a small Python client.

Prints, per URL: requests/second, p50/p95 latency, SQL queries per request and response bytes.
Not a test and not run by CI. URLs come from bench/urls/*.txt ("<host-label> <path>" a line, host
label "city" or a ward slug).

    .venv/bin/python bench/run.py                       # SQLite demo DB bench/bench.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/run.py
    .venv/bin/python bench/run.py --duration 5 --only procedures --rebuild
"""

import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from portal.localserver import free_port, wait_until_serving  # noqa: E402

PYTHON = sys.executable
SITE_PORT = 8000  # the port recorded in the demo database's Site records (Host header)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", help="only the URL list bench/urls/<name>.txt")
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the demo database first")
    parser.add_argument("--python-client", action="store_true", help="use the Python client even if wrk exists")
    return parser.parse_args()


def host_for(label):
    """The Host header of a host label: "city" is PORTAL_DOMAIN, anything else a ward slug."""
    host = "localhost" if label == "city" else f"{label}.localhost"
    return f"{host}:{SITE_PORT}"


def url_lines(path, fields=2):
    """The non-comment lines of a URL file, split in ``fields`` fields (the last one, the path, may hold spaces)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            yield line.split(maxsplit=fields - 1)


def load_urls(only=None):
    urls = []
    for path in sorted((PROJECT / "bench" / "urls").glob("*.txt")):
        if only and path.stem != only:
            continue
        for label, url_path in url_lines(path):
            urls.append((host_for(label), url_path))
    return urls


def environment(database_url=None, cache_url=None):
    """Production settings on loopback (no HTTPS redirect) for ``database_url`` (default: $DATABASE_URL,
    else the SQLite file bench/bench.sqlite3) and ``cache_url`` (default: $CACHE_URL, else local memory)."""
    env = dict(os.environ)
    if database_url:
        env["DATABASE_URL"] = database_url
    env.setdefault("DATABASE_URL", f"sqlite:///{PROJECT / 'bench' / 'bench.sqlite3'}")
    if cache_url is not None:
        env["CACHE_URL"] = cache_url
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="localhost,.localhost,127.0.0.1",
        PORTAL_DOMAIN="localhost",
        PORTAL_PORT=str(SITE_PORT),
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
    )
    return env


def reset_database(url, drop):
    """Make sure the database of ``url`` exists (PostgreSQL: create it); ``drop``: start from empty."""
    if url.startswith("sqlite:///"):
        if drop:
            Path(url[len("sqlite:///"):]).unlink(missing_ok=True)
        return
    import psycopg2
    from psycopg2 import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    server = psycopg2.connect(urllib.parse.urlunsplit(parts._replace(path="/postgres")))
    server.autocommit = True
    with server.cursor() as cursor:
        if drop:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    server.close()


def manage(env, *arguments, **options):
    return subprocess.run([PYTHON, "manage.py", *arguments], env=env, cwd=PROJECT, **options)


def build_database(env, rebuild):
    """Migrate and build the demo content (bootstrap_portal is idempotent)."""
    reset_database(env["DATABASE_URL"], drop=rebuild)
    manage(env, "migrate", "--noinput", "-v0", check=True)
    manage(env, "bootstrap_portal", "--no-admin", check=True, stdout=subprocess.DEVNULL)


def collect_static(env):
    manage(env, "collectstatic", "--noinput", "-v0", check=True)


def prepare_database(env, rebuild):
    """Migrate, build the demo content and collect static files; returns the seconds it took."""
    started = time.perf_counter()
    build_database(env, rebuild)
    collect_static(env)
    return time.perf_counter() - started


def start_gunicorn(env, workers, log=None):
    """gunicorn on a free loopback port; its output (and Django's log) goes to the open file ``log``."""
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "portal.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level",
         "warning"],
        env=env, cwd=PROJECT, stdout=log, stderr=log,
    )
    if wait_until_serving(f"http://127.0.0.1:{port}/robots.txt", seconds=120):  # a busy machine boots slowly
        return server, port
    stop(server)
    raise SystemExit("gunicorn did not start")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def warm_up(port, host, path, workers):
    """A few requests first, so every worker has its caches (frame, templates) as in steady state."""
    for _ in range(2 * workers):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path, headers={"Host": host})
        connection.getresponse().read()
        connection.close()


def run_wrk(port, duration, connections, path="/", host=None, mix=None, timeout=None):
    """wrk (2 threads) with bench/wrk_report.lua, on one URL or on the requests of the ``mix`` file.

    Returns the figures of the script's LOAD line (requests, seconds, bytes, socket errors by kind
    connect/read/write/timeout, status = responses >= 400, latency p50/p90/p99/max in ms), plus
    ``p95`` and ``rps``, and ``statuses``: {HTTP status: count}."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s", str(PROJECT / "bench" / "wrk_report.lua")]
    if host:
        command += ["-H", f"Host: {host}"]
    if timeout:
        command += ["--timeout", f"{timeout}s"]
    command.append(f"http://127.0.0.1:{port}{path}")
    if mix:
        command += ["--", str(mix)]
    finished = subprocess.run(command, capture_output=True, text=True)
    lines = {line.split(" ", 1)[0]: line.split()[1:] for line in finished.stdout.splitlines()
             if line.startswith(("BENCH ", "LOAD "))}
    if finished.returncode or "LOAD" not in lines:
        raise SystemExit(f"wrk failed ({' '.join(command)}):\n{finished.stdout}{finished.stderr}")
    figures, statuses = {}, {}
    for field in lines["LOAD"]:
        key, value = field.split("=")
        if key.isdigit():
            statuses[int(key)] = int(value)
        else:
            figures[key] = float(value) if "." in value else int(value)
    rps, _p50, p95, _errors, _count = lines["BENCH"]
    return {**figures, "rps": float(rps), "p95": float(p95), "statuses": statuses}


def load_with_wrk(port, host, path, duration, connections):
    figures = run_wrk(port, duration, connections, path=path, host=host)
    errors = sum(figures[kind] for kind in ("connect", "read", "write", "timeout", "status"))
    return figures["rps"], figures["p50"], figures["p95"], errors


def load_with_python(port, host, path, duration, connections):
    latencies, errors, stop = [], [0], time.perf_counter() + duration

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < stop:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Host": host})
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status >= 400:
                errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    quantiles = statistics.quantiles(latencies, n=100)
    return len(latencies) / duration, quantiles[49], quantiles[94], errors[0]


def queries_and_bytes(urls):
    """SQL queries and response size per URL, measured in-process with Django's test client."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, figures = Client(), {}
    for host, path in urls:
        client.get(path, HTTP_HOST=host)  # warm caches as a running server would be
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST=host)
        figures[(host, path)] = (response.status_code, len(queries), len(response.content))
    return figures


def main():
    args = parse_args()
    env = environment()
    os.environ.update(env)
    urls = load_urls(args.only)
    if not urls:
        raise SystemExit("no URLs: see bench/urls/*.txt")
    setup_seconds = prepare_database(env, args.rebuild)
    figures = queries_and_bytes(urls)
    use_wrk = shutil.which("wrk") and not args.python_client
    server, port = start_gunicorn(env, args.workers)
    rows = []
    try:
        for host, path in urls:
            warm_up(port, host, path, args.workers)
            load = load_with_wrk if use_wrk else load_with_python
            rps, p50, p95, errors = load(port, host, path, args.duration, args.connections)
            status, queries, size = figures[(host, path)]
            rows.append((f"{host}{path}", status, rps, p50, p95, queries, size, errors))
    finally:
        stop(server)
    database = env["DATABASE_URL"].split("://", 1)[0]
    print(f"\nportal benchmark: gunicorn {args.workers} workers, {args.connections} connections, "
          f"{args.duration}s per URL, {'wrk' if use_wrk else 'python client'}, {database}, "
          f"{os.cpu_count()} CPUs; database ready in {setup_seconds:.1f}s")
    header = f"{'URL':58} {'status':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'SQL':>5} {'bytes':>8} {'errors':>6}"
    print(header)
    print("-" * len(header))
    for url, status, rps, p50, p95, queries, size, errors in rows:
        print(f"{url:58} {status:>6} {rps:>8.1f} {p50:>8.1f} {p95:>8.1f} {queries:>5} {size:>8} {errors:>6}")


if __name__ == "__main__":
    main()
