"""Database side of Vietnamese search (see docs/search.md).

SQLite: rebuild Wagtail's FTS5 table with ``remove_diacritics 0`` (the index keeps each word as
written next to its folded copy, so exact-diacritic matches can rank first) and add an
``fts5vocab`` table of indexed words (spelling suggestions).

PostgreSQL: enable ``unaccent`` and ``pg_trgm`` (both "trusted" extensions: the database owner may
create them; on a managed database without that right, ask the administrator to run
``CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm;`` first), create the text-search
configuration ``vietnamese_unaccent``, the immutable ``f_unaccent()`` and the GIN indexes the
queries use.

Run ``manage.py update_index`` afterwards to (re)build the index with folded text.
"""

from django.db import migrations

SQLITE_TABLE = "wagtailsearch_indexentry"
FTS_COLUMNS = "autocomplete, body, title"

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vietnamese_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION vietnamese_unaccent (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION vietnamese_unaccent
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
      END IF;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $func$ SELECT public.unaccent('public.unaccent', $1) $func$
    """,
    "CREATE INDEX IF NOT EXISTS search_indexentry_title_body ON wagtailsearch_indexentry USING gin ((title || body))",
    "CREATE INDEX IF NOT EXISTS search_indexentry_title_trgm "
    "ON wagtailsearch_indexentry USING gin (f_unaccent(title_text) gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_indexentry_title_trgm",
    "DROP INDEX IF EXISTS search_indexentry_title_body",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS vietnamese_unaccent",
]


def _sqlite_has_fts_table(cursor):
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [f"{SQLITE_TABLE}_fts"])
    return cursor.fetchone() is not None


def _rebuild_sqlite_fts(cursor, tokenize):
    cursor.execute(f"DROP TABLE IF EXISTS {SQLITE_TABLE}_fts_vocab")
    cursor.execute(f"DROP TABLE IF EXISTS {SQLITE_TABLE}_fts")
    cursor.execute(f"CREATE VIRTUAL TABLE {SQLITE_TABLE}_fts USING fts5({FTS_COLUMNS}{tokenize})")
    cursor.execute(
        f"INSERT INTO {SQLITE_TABLE}_fts(rowid, {FTS_COLUMNS}) SELECT id, {FTS_COLUMNS} FROM {SQLITE_TABLE}"  # noqa: S608
    )


def forward(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite" and _sqlite_has_fts_table(cursor):
            _rebuild_sqlite_fts(cursor, ", tokenize = 'unicode61 remove_diacritics 0'")
            cursor.execute(f"CREATE VIRTUAL TABLE {SQLITE_TABLE}_fts_vocab USING fts5vocab({SQLITE_TABLE}_fts, 'row')")
        elif connection.vendor == "postgresql":
            for statement in POSTGRES_FORWARD:
                cursor.execute(statement)


def backward(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite" and _sqlite_has_fts_table(cursor):
            _rebuild_sqlite_fts(cursor, "")
        elif connection.vendor == "postgresql":
            for statement in POSTGRES_BACKWARD:
                cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forward, backward)]
