"""PostgreSQL: keep the rows of Wagtail's search index narrow (see docs/search.md, "Performance").

A common folded word ("so", "do", "tam") matches tens of thousands of index rows; choosing the best
of them reads every matching row (its ``title_norm``), and with the vectors and texts stored inline
a row fills half a page: 35,000 matches read 16,000 pages (130 ms on 100,000 news pages). Moving
the vectors and the body text out of line (``toast_tuple_target = 128``) makes the table 20× smaller
(17–23 MB for 104,000 rows: it stays in shared buffers) and the same query reads 2,000 pages (23 ms).
``title_text`` stays inline (``STORAGE MAIN``): the trigram index rechecks it on every candidate.

Rows written before this migration keep their layout until rewritten: ``update_index`` rewrites
them, or ``VACUUM FULL wagtailsearch_indexentry``.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)")
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN title_text SET STORAGE MAIN")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN title_text SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_initial_synonyms")]

    operations = [migrations.RunPython(forward, backward)]
