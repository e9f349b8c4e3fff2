"""One import at a time: every command that writes data in bulk (``bootstrap_portal``,
``import_procedures``, ``import_merchants``, ``import_indicators``) takes the same lock, and a second
one started meanwhile stops at once with a clear message and changes nothing (instead of waiting and
failing with SQLite's "database is locked" or interleaving with the first on PostgreSQL).

- PostgreSQL: a session advisory lock (``pg_try_advisory_lock``), released with the connection even if
  the process dies.
- SQLite: an exclusive ``flock`` on a file next to the database (``<database>.import-lock``),
  released by the kernel if the process dies. An in-memory database (the tests') lives in one
  process only, so a lock in that process is enough.

The lock is re-entrant within a thread: ``bootstrap_portal`` may run importers itself.
"""

import fcntl
import functools
import hashlib
import threading
from contextlib import contextmanager

from django.core.management.base import CommandError
from django.db import connection

ANOTHER_IMPORT_RUNNING = (
    "Một lần nhập dữ liệu khác đang chạy; lần này dừng lại và không thay đổi gì. Hãy chạy lại khi lần kia xong.\n"
    "Another import is running; this one stopped and changed nothing. Run it again when the other one is done."
)
ADVISORY_KEY = int.from_bytes(hashlib.sha256(b"vungtau-portal-import").digest()[:8], "big", signed=True)

_held = threading.local()


class ImportRunning(CommandError):
    pass


_in_memory_lock = threading.Lock()


def _in_memory(name):
    return not name or ":memory:" in name or "mode=memory" in name


@contextmanager
def _postgresql_lock():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
        if not cursor.fetchone()[0]:
            raise ImportRunning(ANOTHER_IMPORT_RUNNING)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])


@contextmanager
def _process_lock():
    if not _in_memory_lock.acquire(blocking=False):
        raise ImportRunning(ANOTHER_IMPORT_RUNNING)
    try:
        yield
    finally:
        _in_memory_lock.release()


@contextmanager
def _file_lock():
    name = str(connection.settings_dict["NAME"])
    if _in_memory(name):
        with _process_lock():
            yield
        return
    handle = open(f"{name}.import-lock", "a+")  # noqa: SIM115 (held for the whole import)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportRunning(ANOTHER_IMPORT_RUNNING) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


@contextmanager
def import_lock():
    """Hold the portal's import lock for the block, or raise ``ImportRunning`` at once."""
    depth = getattr(_held, "depth", 0)
    if depth:
        _held.depth = depth + 1
        try:
            yield
        finally:
            _held.depth -= 1
        return
    lock = _postgresql_lock if connection.vendor == "postgresql" else _file_lock
    with lock():
        _held.depth = 1
        try:
            yield
        finally:
            _held.depth = 0


def exclusive_import(handle):
    """Decorator for a management command's ``handle``: run it under ``import_lock``."""

    @functools.wraps(handle)
    def wrapper(*args, **kwargs):
        with import_lock():
            return handle(*args, **kwargs)

    return wrapper
