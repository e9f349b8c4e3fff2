"""OpenSearch backend for Vietnamese (modelsearch's ``opensearch2`` backend, opensearch-py 2.x).

The same analysis as the Elasticsearch backend (``search.es_analysis``) and the same shared
behaviour (``search.backends.engine``: folding autocomplete, ICU detection, outages, database
fallback). What differs, because OpenSearch has no synonyms API:

- synonyms are written inline into the ``vietnamese_synonyms`` filter of the search analyzer: the
  current ``Synonym`` rows when an index is created (``update_index``), and on every edit
  ``push_synonyms`` rewrites them in the live indices — analysis settings of an open index cannot
  change, so the indices are closed, updated and reopened (well under a second on one node;
  searches meeting the closed index are answered from the database backend meanwhile);
- ICU is detected by asking the engine to analyse with ``icu_folding`` (whether it comes from the
  ``analysis-icu`` plugin or from the development node's own plugin, tools/search-node).
"""

import logging

from modelsearch.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
)
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import TransportError as OpenSearchError

from search.backends.engine import (
    SYNONYMS_FILTER,
    EngineBackendMixin,
    EngineIndexMixin,
    EngineMappingMixin,
    EngineQueryCompilerMixin,
)
from search.es_analysis import analysis

logger = logging.getLogger(__name__)


class VietnameseOpenSearchMapping(EngineMappingMixin, OpenSearch2Mapping):
    pass


class VietnameseOpenSearchIndex(EngineIndexMixin, OpenSearch2Index):
    def create(self, settings):
        self.es.indices.create(index=self.name, body=settings)


class VietnameseOpenSearchQueryCompiler(EngineQueryCompilerMixin, OpenSearch2SearchQueryCompiler):
    mapping_class = VietnameseOpenSearchMapping


class VietnameseOpenSearchAutocompleteQueryCompiler(OpenSearch2AutocompleteQueryCompiler):
    mapping_class = VietnameseOpenSearchMapping


class VietnameseOpenSearchBackend(EngineBackendMixin, OpenSearch2SearchBackend):
    mapping_class = VietnameseOpenSearchMapping
    index_class = VietnameseOpenSearchIndex
    query_compiler_class = VietnameseOpenSearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseOpenSearchAutocompleteQueryCompiler
    engine_name = "OpenSearch"
    search_errors = (OpenSearchError,)  # opensearch-py: every API and connection error
    connection_errors = (OpenSearchConnectionError,)  # refused, unreachable, timed out

    def synonyms_source(self):
        return {"synonyms": []}  # filled with the current rules when an index is created

    @staticmethod
    def synonyms_filter(rules):
        return analysis(synonyms=rules)["filter"][SYNONYMS_FILTER]

    def with_current_synonyms(self, settings):
        if not self.uses_synonyms():
            return settings
        from copy import deepcopy

        from search.synonyms import elasticsearch_rules

        settings = deepcopy(settings)
        self.analysis_filters(settings)[SYNONYMS_FILTER] = self.synonyms_filter(elasticsearch_rules())
        return settings

    def has_icu_plugin(self):
        try:
            self.es.indices.analyze(body={"tokenizer": "keyword", "filter": ["icu_folding"], "text": "đ"})
        except OpenSearchError:
            return False
        return True

    def synonym_indices(self):
        """``{index name: its current rules}`` for this backend's indices that have the synonyms filter."""
        found = self.es.indices.get_settings(
            index=f"{self.index_prefix}*", name=f"index.analysis.filter.{SYNONYMS_FILTER}.synonyms",
            allow_no_indices=True, ignore_unavailable=True, expand_wildcards="open,closed")
        indices = {}
        for name, data in found.items():
            filters = data.get("settings", {}).get("index", {}).get("analysis", {}).get("filter", {})
            if SYNONYMS_FILTER in filters:
                indices[name] = list(filters[SYNONYMS_FILTER].get("synonyms", []))
        return indices

    def push_synonyms(self, rules=None):
        """Write the synonym rules (default: the active ``Synonym`` rows) into the live indices."""
        if not self.uses_synonyms():
            return
        from search.synonyms import elasticsearch_rules

        rules = elasticsearch_rules() if rules is None else list(rules)
        stale = sorted(name for name, current in self.synonym_indices().items() if current != rules)
        if not stale:
            return
        names = ",".join(stale)
        body = {"index": {"analysis": {"filter": {SYNONYMS_FILTER: self.synonyms_filter(rules)}}}}
        self.es.indices.close(index=names)
        try:
            self.es.indices.put_settings(index=names, body=body)
        finally:
            self.es.indices.open(index=names, wait_for_active_shards=1)
        logger.info("OpenSearch synonyms updated in %s (%d rules)", names, len(rules))


SearchBackend = VietnameseOpenSearchBackend
