"""Browser tests: Debian's Chromium (never a downloaded browser) driven by Playwright against a real
portal process, with axe-core accessibility checks (axe-playwright-python ships axe-core offline).

The portal runs as a separate ``manage.py runserver`` process on a free port, on its own database
(a temporary SQLite file, or ``<name>_e2e`` when DATABASE_URL points at PostgreSQL), built by
``migrate`` and ``bootstrap_portal --small``. Without /usr/bin/chromium the tests skip with the
reason, except in CI (CI=true), where a missing browser is a failure.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from portal.localserver import free_port, wait_until_serving

# Playwright's sync API runs an event loop in this thread; our tests make no concurrent ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
PROJECT_DIR = Path(__file__).resolve().parents[2]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    here = str(Path(__file__).parent)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI requires the browser tests, but {CHROMIUM} is missing (apt-get install chromium).")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package")
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(skip)


def _e2e_database_url(tmp_dir, suffix="e2e"):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import dj_database_url
        import psycopg2

        config = dj_database_url.parse(url)
        name = f"{config['NAME']}_{suffix}"
        connection = psycopg2.connect(
            dbname="postgres", user=config["USER"], host=config["HOST"], port=config["PORT"] or 5432,
            password=config["PASSWORD"] or None,
        )
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        connection.close()
        return url.rsplit("/", 1)[0] + f"/{name}"
    return f"sqlite:///{tmp_dir}/{suffix}.sqlite3"


@contextlib.contextmanager
def running_portal(suffix="e2e", prepare=None):
    """Build a portal (``migrate``, ``bootstrap_portal --small``) on its own database, run
    ``prepare(run)`` if given (``run(*args)`` runs a ``manage.py`` command against that database and
    returns its output), start ``runserver`` and yield the base URL."""
    tmp_dir = tempfile.mkdtemp(prefix=f"portal-{suffix}-")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": _e2e_database_url(tmp_dir, suffix),
        "PORTAL_DOMAIN": "localhost",
        "PORTAL_PORT": str(port),
        "MEDIA_ROOT": f"{tmp_dir}/media",
    }
    manage = [sys.executable, str(PROJECT_DIR / "manage.py")]

    def run(*args, quiet=False):
        done = subprocess.run([*manage, *args], env=env, check=True, cwd=PROJECT_DIR, text=True,
                              stdout=subprocess.DEVNULL if quiet else subprocess.PIPE)
        return done.stdout

    run("migrate", "--noinput", "-v0")
    run("bootstrap_portal", "--small", "--no-admin", quiet=True)
    if prepare:
        prepare(run)
    log = open(f"{tmp_dir}/server.log", "w")
    server = subprocess.Popen([*manage, "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
                              env=env, cwd=PROJECT_DIR, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://localhost:{port}"
    try:
        if not wait_until_serving(base_url + "/robots.txt"):
            raise RuntimeError(f"the portal did not start; see {tmp_dir}/server.log")
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
        shutil.rmtree(tmp_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def live_portal():
    """Base URL of a running portal (city site at localhost:<port>, wards at <slug>.localhost:<port>)."""
    with running_portal() as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def ward_url(base_url, slug):
    """``http://localhost:8123`` + ``phuong-1`` → ``http://phuong-1.localhost:8123``."""
    return base_url.replace("://localhost", f"://{slug}.localhost")


def assert_accessible(page):
    """Run axe-core (WCAG 2.2 A/AA rules) on the page and fail with a readable list of violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} → {[n['target'] for n in v['nodes']][:5]}" for v in violations
    )
    assert not violations, f"axe found {len(violations)} WCAG violation(s) on {page.url}:\n{report}"
