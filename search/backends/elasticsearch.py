"""Elasticsearch 9 backend for Vietnamese.

Why a subclass (everything else is configuration, ``search.es_analysis`` via ``INDEX_SETTINGS``;
what it shares with the OpenSearch backend is in ``search.backends.engine``):

- the stock mapping searches autocomplete fields with the ``standard`` analyzer while indexing them
  with folding; here the query side is ``autocomplete_search``, which folds the same way;
- ICU detection: with ``ICU: "auto"`` the index is created with ``icu_folding`` when the
  ``analysis-icu`` plugin is installed, ``asciifolding`` otherwise;
- synonyms: the editors' ``Synonym`` rows are pushed to an Elasticsearch synonyms set (created
  before the index, updated on every edit; the search analyzer reloads it without reindexing);
- outages: a connection failure marks Elasticsearch down for 30 s (``search.outage``); meanwhile
  single-object index updates on publish are skipped with a warning instead of waiting on the
  cluster (run ``update_index`` once it is back), and searches use the database backend
  (``search.fallback``).
"""

from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)

from search.backends.engine import (
    EngineBackendMixin,
    EngineIndexMixin,
    EngineMappingMixin,
    EngineQueryCompilerMixin,
)

ES_ERRORS = (TransportError, ApiError)
ICU_PLUGIN = "analysis-icu"


class VietnameseElasticsearchMapping(EngineMappingMixin, Elasticsearch9Mapping):
    pass


class VietnameseElasticsearchIndex(EngineIndexMixin, Elasticsearch9Index):
    def create(self, settings):
        self.es.indices.create(index=self.name, **settings)


class VietnameseElasticsearchQueryCompiler(EngineQueryCompilerMixin, Elasticsearch9SearchQueryCompiler):
    mapping_class = VietnameseElasticsearchMapping


class VietnameseElasticsearchAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = VietnameseElasticsearchMapping


class VietnameseElasticsearchBackend(EngineBackendMixin, Elasticsearch9SearchBackend):
    mapping_class = VietnameseElasticsearchMapping
    index_class = VietnameseElasticsearchIndex
    query_compiler_class = VietnameseElasticsearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseElasticsearchAutocompleteQueryCompiler
    engine_name = "Elasticsearch"
    search_errors = ES_ERRORS
    connection_errors = (TransportError,)  # elastic_transport: connection refused, timeouts…

    def synonyms_source(self):
        return {"synonyms_set": self.synonyms_set}

    def with_current_synonyms(self, settings):
        # The set must exist before an index refers to it.
        self.push_synonyms()
        return settings

    def has_icu_plugin(self):
        try:
            plugins = self.es.cat.plugins(format="json")
        except ES_ERRORS:
            return False
        return any(plugin.get("component") == ICU_PLUGIN for plugin in plugins)

    def push_synonyms(self, rules=None):
        """Store the synonym rules (default: the active ``Synonym`` rows) as the synonyms set."""
        from search.synonyms import elasticsearch_rules

        rules = elasticsearch_rules() if rules is None else rules
        synonyms = [{"id": f"rule-{number}", "synonyms": rule} for number, rule in enumerate(rules, 1)]
        # An empty set is valid; Elasticsearch needs the set to exist before an index uses it.
        self.es.synonyms.put_synonym(id=self.synonyms_set, synonyms_set=synonyms)


SearchBackend = VietnameseElasticsearchBackend
