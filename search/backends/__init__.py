"""Search backends that understand how Vietnamese is typed (see docs/search.md).

``WAGTAILSEARCH_BACKENDS`` points at this package for the database backend: ``SearchBackend``
picks the Vietnamese subclass of modelsearch's backend for the database in use, exactly as
``wagtail.search.backends.database`` does for the stock ones. Elasticsearch lives in
``search.backends.elasticsearch``. Every subclass here exists because the stock backend cannot be
configured to do it (see each module's docstring); everything else stays stock.

Every backend class offers, besides Wagtail's ``search`` / ``autocomplete``,
``fuzzy_search(query_string, queryset)`` → ``(results, corrected_query_or_None)``, used by
``search.service`` when an exact search found nothing.
"""

from django.db import connection

_sqlite_fts = None  # whether SQLite has FTS5 and its index table (checked once per process)


def SearchBackend(params):  # noqa: N802 (the name modelsearch's loader looks for)
    global _sqlite_fts
    if connection.vendor == "postgresql":
        from search.backends.postgres import VietnamesePostgresSearchBackend

        return VietnamesePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        if _sqlite_fts is None:
            from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

            _sqlite_fts = fts5_available() and fts_table_exists()
        if _sqlite_fts:
            from search.backends.sqlite import VietnameseSQLiteSearchBackend

            return VietnameseSQLiteSearchBackend(params)
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return DatabaseSearchBackend(params)
