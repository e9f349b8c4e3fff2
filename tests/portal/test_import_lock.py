"""A second import while one runs (issue 12, finding 10): it stops at once with a clear message and
changes nothing. The first import is another thread (its own database connection) holding the lock."""

import threading
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from directory.models import Merchant
from portal.importlock import ANOTHER_IMPORT_RUNNING, import_lock
from procedures.models import ProcedurePage
from procedures.structure import ensure_catalogue
from tests.procedures.conftest import SAMPLE_CODES, write_jsonl

pytestmark = pytest.mark.django_db(transaction=False)


class RunningImport:
    """Another import, in its own thread and database connection, holding the lock until released."""

    def __init__(self):
        self.holding, self.release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            with import_lock():
                self.holding.set()
                self.release.wait(30)
        finally:
            connection.close()

    def __enter__(self):
        self.thread.start()
        assert self.holding.wait(10)
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.thread.join(10)


def merchants_csv(tmp_path, ward):
    path = tmp_path / "cua-hang.csv"
    path.write_text(
        "ma,ten,loai,phuong,dia_chi,phuong_thuc,cong_khai\n"
        f"quan-moi,Quán Mới,an-uong,{ward.gso_code},Số 2 Lê Lợi,vietqr,1\n",
        encoding="utf-8",
    )
    return path


def test_second_imports_stop_at_once_and_change_nothing(city, ward, tmp_path):
    ensure_catalogue(city, english=False)
    procedures_file = write_jsonl(tmp_path, SAMPLE_CODES)
    before = (ProcedurePage.objects.count(), Merchant.objects.count())
    commands = [
        ("import_procedures", [str(procedures_file), "--no-progress"]),
        ("import_merchants", [str(merchants_csv(tmp_path, ward))]),
        ("bootstrap_portal", ["--no-admin"]),
        ("import_indicators", []),
    ]
    with RunningImport():
        for name, args in commands:
            started = time.monotonic()
            with pytest.raises(CommandError) as raised:
                call_command(name, *args, stdout=StringIO(), stderr=StringIO())
            assert str(raised.value) == ANOTHER_IMPORT_RUNNING, name
            assert time.monotonic() - started < 1.0, name  # fails fast, does not wait for the other
    assert "Another import is running" in ANOTHER_IMPORT_RUNNING and "đang chạy" in ANOTHER_IMPORT_RUNNING
    assert (ProcedurePage.objects.count(), Merchant.objects.count()) == before
    # Once the other import is done, the same command runs.
    call_command("import_merchants", str(merchants_csv(tmp_path, ward)), stdout=StringIO())
    assert Merchant.objects.filter(key="quan-moi").exists()


def test_the_lock_is_reentrant_within_one_import(db):
    with import_lock(), import_lock():
        pass
    with import_lock():  # released: can be taken again
        pass


def test_a_sqlite_file_database_is_locked_across_processes(tmp_path, monkeypatch):
    """Production SQLite: the lock is a ``flock`` on ``<database>.import-lock``, which another process
    (here one that holds it the same way) makes the import stop."""
    import subprocess
    import sys

    from portal.importlock import ImportRunning, _file_lock

    database = tmp_path / "portal.sqlite3"
    monkeypatch.setitem(connection.settings_dict, "NAME", str(database))
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time; f = open(sys.argv[1], 'a+'); fcntl.flock(f, fcntl.LOCK_EX); "
         "print('held', flush=True); time.sleep(60)", f"{database}.import-lock"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(ImportRunning), _file_lock():
            pass
    finally:
        holder.kill()
        holder.wait()
    with _file_lock():  # the other process is gone: the lock is free
        pass
