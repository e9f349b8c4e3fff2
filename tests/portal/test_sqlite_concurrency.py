"""SQLite under concurrent writers (found by bench/load.py's publishing soak: with the publisher and the
portal's own side writes, publishes failed at once with "database is locked", the 20 s timeout unused).

A transaction that reads and then writes while another process is writing must wait its turn, not fail:
SQLite refuses to wait when waiting could dead-lock (a reader upgrading to writer against a writer
waiting for that reader), so transactions have to take the write lock when they begin. The test drives
two real connections configured with the portal's SQLite options on a file database of its own."""

import threading

import pytest
from django.conf import settings
from django.db import connections, transaction

from portal.settings import base

ALIAS = "sqlite_concurrency"


@pytest.fixture
def sqlite_alias(tmp_path, django_db_blocker):
    """A second database alias: a file SQLite database with the options the settings give SQLite."""
    config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "concurrency.sqlite3"),
              "OPTIONS": dict(base.SQLITE_OPTIONS)}
    connections.settings[ALIAS] = connections.configure_settings({"default": {}, ALIAS: config})[ALIAS]
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE item (name TEXT)")
        connections[ALIAS].close()
        yield ALIAS
    del connections.settings[ALIAS]


def run_in_thread(function, errors):
    def target():
        try:
            function()
        except Exception as error:  # noqa: BLE001 - the test reports what failed
            errors.append(f"{function.__name__}: {type(error).__name__}: {error}")
        finally:
            connections[ALIAS].close()

    thread = threading.Thread(target=target)
    thread.start()
    return thread


def test_a_transaction_that_read_before_writing_waits_for_another_writer(sqlite_alias):
    reader_has_read, writer_has_written = threading.Event(), threading.Event()
    errors = []

    def read_then_write():  # e.g. Wagtail's publish(): reads the page and its revision, then saves
        with transaction.atomic(using=ALIAS):
            with connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM item")
                reader_has_read.set()
                writer_has_written.wait(timeout=2)
                cursor.execute("INSERT INTO item VALUES ('publish')")

    def write():  # e.g. another process publishing, or a view counter
        with transaction.atomic(using=ALIAS):
            with connections[ALIAS].cursor() as cursor:
                cursor.execute("INSERT INTO item VALUES ('view')")
                writer_has_written.set()
                reader_has_read.wait(timeout=2)

    threads = [run_in_thread(read_then_write, errors)]
    reader_has_read.wait(timeout=2)  # the reader first (without IMMEDIATE it holds a read lock now)
    threads.append(run_in_thread(write, errors))
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT name FROM item ORDER BY name")
        assert [row[0] for row in cursor.fetchall()] == ["publish", "view"]
    connections[ALIAS].close()


@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
                    reason="the suite runs on PostgreSQL")
def test_the_sqlite_database_gets_these_options():
    assert settings.DATABASES["default"]["OPTIONS"].items() >= base.SQLITE_OPTIONS.items()
