import time

import django

django.setup()
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from search import service  # noqa: E402
from search.relevance import load  # noqa: E402
from search.scope import resolve_scope  # noqa: E402

req = RequestFactory().get("/tim-kiem/", HTTP_HOST="localhost")
scope = resolve_scope(req)
queries = [j.query for j in load()][::3] + ["thông báo tiêm chủng mở rộng", "kế hoạch phòng chống thiên tai"]
rows = []
for q in queries:
    with CaptureQueriesContext(connection) as ctx:
        t = time.perf_counter()
        o = service.search(scope, q, request=req)
        rows.append(((time.perf_counter() - t) * 1000, q, o.stage, o.total, ctx.captured_queries))
rows.sort(key=lambda r: -r[0])
for ms, q, stage, total, queries_ in rows[:8]:
    slow = max(queries_, key=lambda x: float(x["time"]))
    print(f"{ms:.0f} ms {q!r} {stage} {total} | slowest {slow['time']}s {slow['sql'][:200]}")
