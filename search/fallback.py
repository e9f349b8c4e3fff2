"""Run a search on the primary backend, and on the database backend when the search engine fails.

``WAGTAILSEARCH_BACKENDS`` holds ``default`` (Elasticsearch or OpenSearch when ``ELASTICSEARCH_URL``
or ``OPENSEARCH_URL`` is set) and ``database``, kept up to date on every publish. A transport or API
error from the engine (the backend's ``search_errors``) is logged as a warning and the same search
runs on ``database``: citizens get results, never a 500. A connection error (``connection_errors``)
also marks the engine down for a while (``search.outage``).
"""

import logging

from django.conf import settings
from wagtail.search.backends import get_search_backend

from search import outage

logger = logging.getLogger(__name__)
FALLBACK_BACKEND = "database"


def has_fallback():
    return FALLBACK_BACKEND in getattr(settings, "WAGTAILSEARCH_BACKENDS", {})


def run(search):
    """``search(backend)`` on the default backend; on a search-engine error, on the fallback.

    Returns ``(result, backend_name)``; ``search`` must evaluate its results (e.g. ``list(...)``)
    so that errors surface here."""
    if has_fallback() and outage.is_down():
        return search(get_search_backend(FALLBACK_BACKEND)), FALLBACK_BACKEND
    backend = get_search_backend("default")
    errors = getattr(backend, "search_errors", ())  # the database backends have none
    try:
        return search(backend), "default"
    except errors as error:
        if not has_fallback():
            raise
        if isinstance(error, backend.connection_errors):
            outage.mark_down()
        logger.warning("%s search failed (%s); answering from the database backend", backend.engine_name, error)
        return search(get_search_backend(FALLBACK_BACKEND)), FALLBACK_BACKEND
