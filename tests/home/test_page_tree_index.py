"""home/migrations/0002: "children of a page" is served by an index, not a scan of all descendants."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_page_tree_has_a_depth_and_path_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert constraints["home_page_depth_path"]["columns"] == ["depth", "path"]


def test_the_children_query_uses_it(city):
    if connection.vendor != "postgresql":
        pytest.skip("query plans checked on PostgreSQL")
    sql, params = city.get_children().live().in_menu().values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        # On a test-sized tree the unique path index ties with it and the planner picks either; take
        # the path index away (inside the test's transaction, rolled back after) to see that the
        # (depth, path) index serves "children of a page" rather than a scan.
        cursor.execute("ALTER TABLE wagtailcore_page DROP CONSTRAINT wagtailcore_page_path_key")
        cursor.execute("ANALYZE wagtailcore_page")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "home_page_depth_path" in plan
