from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.factories import StandardPageFactory

def test_probe(client, ward, city):
    p = StandardPageFactory(parent=ward, title="abc", slug="abc")
    client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        r = client.get("/abc/", HTTP_HOST="phuong-1.localhost")
    print(r.status_code, len(ctx.captured_queries))
    for q in ctx.captured_queries: print(q["sql"][:200])
    with CaptureQueriesContext(connection) as ctx:
        r = client.get("/phuong-1/abc/")
    print(r.status_code, len(ctx.captured_queries))
