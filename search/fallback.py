"""Run a search on the primary backend, and on the database backend when Elasticsearch fails.

``WAGTAILSEARCH_BACKENDS`` holds ``default`` (Elasticsearch when ``ELASTICSEARCH_URL`` is set) and
``database``, kept up to date on every publish. A transport or API error from Elasticsearch is
logged as a warning and the same search runs on ``database``: citizens get results, never a 500.
"""

import logging

from django.conf import settings
from wagtail.search.backends import get_search_backend

from search import outage

logger = logging.getLogger(__name__)
FALLBACK_BACKEND = "database"


def _es_errors():
    try:
        from search.backends.elasticsearch import ES_ERRORS
    except ImportError:  # pragma: no cover - the elasticsearch client is a requirement
        return ()
    return ES_ERRORS


def has_fallback():
    return FALLBACK_BACKEND in getattr(settings, "WAGTAILSEARCH_BACKENDS", {})


def run(search):
    """``search(backend)`` on the default backend; on an Elasticsearch error, on the fallback.

    Returns ``(result, backend_name)``; ``search`` must evaluate its results (e.g. ``list(...)``)
    so that errors surface here."""
    if has_fallback() and outage.is_down():
        return search(get_search_backend(FALLBACK_BACKEND)), FALLBACK_BACKEND
    backend = get_search_backend("default")
    errors = _es_errors()
    try:
        return search(backend), "default"
    except errors as error:
        if not has_fallback():
            raise
        from elastic_transport import TransportError

        if isinstance(error, TransportError):
            outage.mark_down()
        logger.warning("Elasticsearch search failed (%s); answering from the database backend", error)
        return search(get_search_backend(FALLBACK_BACKEND)), FALLBACK_BACKEND
