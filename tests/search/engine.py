"""The live search engine for the tests: an OpenSearch node (``make search-node-bg``, then
``OPENSEARCH_URL=http://127.0.0.1:9200``) or an Elasticsearch 9 cluster (``ELASTICSEARCH_URL``).

Tests needing it skip with the reason when neither is set or nothing answers there — and fail
instead when ``CI`` is true (CI starts the node; a missing node there is a broken run, not a skip).
The test settings keep the database backend as the default; ``engine_backends`` is what a test puts
in ``WAGTAILSEARCH_BACKENDS`` to search the engine (with the database backend as its fallback)."""

import os
import uuid
from functools import cache

import requests

from search.es_analysis import index_settings

START_HINT = "start one with `make search-node-bg` and set OPENSEARCH_URL=http://127.0.0.1:9200 (or ELASTICSEARCH_URL)"


def configured():
    """``(engine, url)``: ``("elasticsearch", …)``, ``("opensearch", …)`` or ``(None, "")``, with the
    settings' precedence (ELASTICSEARCH_URL first)."""
    for engine, variable in (("elasticsearch", "ELASTICSEARCH_URL"), ("opensearch", "OPENSEARCH_URL")):
        if os.environ.get(variable):
            return engine, os.environ[variable]
    return None, ""


@cache
def unavailable_reason():
    """Why the engine tests cannot run, or ``None`` when a node answers."""
    engine, url = configured()
    if not engine:
        return f"needs a live search node: {START_HINT}"
    try:
        response = requests.get(f"{url.rstrip('/')}/_cluster/health", timeout=5)
        status = response.json().get("status") if response.ok else None
    except (requests.RequestException, ValueError) as error:
        return f"no search node answers at {url} ({error.__class__.__name__}); {START_HINT}"
    if status not in ("yellow", "green"):
        return f"the search node at {url} is not ready (health {status!r})"
    return None


def require_engine():
    import pytest

    reason = unavailable_reason()
    if reason:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI runs the engine tests against a real node: {reason}", pytrace=False)
        pytest.skip(reason)


def engine_backends(prefix=None, **overrides):
    """``WAGTAILSEARCH_BACKENDS`` for the configured engine under a fresh index prefix."""
    engine, url = configured()
    prefix = prefix or f"test_{uuid.uuid4().hex[:8]}_"
    if engine == "elasticsearch":
        default = {"BACKEND": "search.backends.elasticsearch",
                   "INDEX_SETTINGS": index_settings(synonyms_set=f"{prefix}synonyms")}
    else:
        default = {"BACKEND": "search.backends.opensearch", "INDEX_SETTINGS": index_settings(synonyms=[])}
    default.update({"URLS": [url], "INDEX_PREFIX": prefix, "TIMEOUT": 10, "ICU": "auto",
                    # a publish is searchable when it returns, as the database backends are
                    "REFRESH_AFTER_WRITE": True, **overrides})
    return {"default": default, "database": {"BACKEND": "search.backends"}}


def fill(backend):
    """Make the backend's (existing) indices hold exactly what the database holds now: emptied, the
    indexed objects of every model added, refreshed; synonyms as in the ``Synonym`` table. Much
    cheaper than ``update_index`` (which creates every index and mapping again) before each test."""
    from modelsearch.index import get_indexed_models

    names = ",".join(index.name for index in backend.all_indexes())
    backend.refresh_indexes()
    # No _delete_by_query: the development node has no reindex module. Test indices are small.
    hits = backend.es.search(index=names, body={"query": {"match_all": {}}, "size": 10000, "_source": False}) \
        if backend.engine_name == "OpenSearch" else \
        backend.es.search(index=names, query={"match_all": {}}, size=10000, source=False)
    deletes = [{"delete": {"_index": hit["_index"], "_id": hit["_id"]}} for hit in hits["hits"]["hits"]]
    if deletes:
        if backend.engine_name == "OpenSearch":
            backend.es.bulk(body=deletes, refresh=True)
        else:
            backend.es.bulk(operations=deletes, refresh=True)
    for model in get_indexed_models():
        objects = list(model.get_indexed_objects().order_by("pk"))
        if objects:
            backend.get_index_for_model(model).add_items(model, objects)
    backend.push_synonyms()
    backend.refresh_indexes()


def drop_indices(backend):
    """Delete every index (and alias) under the backend's prefix, and its Elasticsearch synonyms set
    (indices by name: Elasticsearch refuses wildcard deletes by default)."""
    names = list(backend.es.indices.get(index=f"{backend.index_prefix}*"))
    if names:
        backend.es.indices.delete(index=",".join(names))
    if backend.engine_name == "Elasticsearch":
        backend.es.synonyms.delete_synonym(id=backend.synonyms_set)
