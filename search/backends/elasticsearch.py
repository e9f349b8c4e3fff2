"""Elasticsearch 9 backend for Vietnamese.

Why a subclass (everything else is configuration, ``search.es_analysis`` via ``INDEX_SETTINGS``):

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

import logging
from copy import deepcopy

from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.query import Fuzzy

from search import outage
from search.backends.text import SkipEmptyQueriesMixin, query_terms
from search.es_analysis import analysis

logger = logging.getLogger(__name__)
ES_ERRORS = (TransportError, ApiError)
ICU_PLUGIN = "analysis-icu"


class VietnameseElasticsearchMapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "autocomplete_search"}


class VietnameseElasticsearchIndex(Elasticsearch9Index):
    def put(self):
        self.backend.push_synonyms()
        settings = self.backend.settings
        if self.backend.icu == "auto" and self.backend.has_icu_plugin():
            settings = self.backend.settings_with_icu()
        self.es.indices.create(index=self.name, **settings)

    def _guarded(self, action, item):
        if outage.is_down():
            logger.warning("Elasticsearch is down: index update of %r skipped (run update_index later)", item)
            return
        try:
            action(item)
        except TransportError:
            outage.mark_down()
            raise

    def add_item(self, item):
        self._guarded(super().add_item, item)

    def delete_item(self, item):
        self._guarded(super().delete_item, item)


class VietnameseElasticsearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = VietnameseElasticsearchMapping


class VietnameseElasticsearchAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = VietnameseElasticsearchMapping


class VietnameseElasticsearchBackend(SkipEmptyQueriesMixin, Elasticsearch9SearchBackend):
    mapping_class = VietnameseElasticsearchMapping
    index_class = VietnameseElasticsearchIndex
    query_compiler_class = VietnameseElasticsearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseElasticsearchAutocompleteQueryCompiler
    applies_synonyms = True  # in the search analyzer, from the synonyms set

    def __init__(self, params):
        params = dict(params)
        icu = params.pop("ICU", "auto")
        self.icu = icu if icu == "auto" else bool(icu)
        super().__init__(params)
        self.synonyms_set = f"{self.index_prefix}synonyms"
        filters = self.settings["settings"].get("analysis", {}).get("filter", {})
        if "vietnamese_synonyms" in filters:  # this backend's own set, whatever INDEX_SETTINGS said
            filters["vietnamese_synonyms"]["synonyms_set"] = self.synonyms_set
        if self.icu is True:
            self.settings = self.settings_with_icu()

    def settings_with_icu(self):
        """The index settings with the ICU analysis in place of the asciifolding one."""
        settings = deepcopy(self.settings)
        uses_synonyms = "vietnamese_synonyms" in settings["settings"].get("analysis", {}).get("filter", {})
        settings["settings"]["analysis"] = analysis(icu=True, synonyms_set=self.synonyms_set if uses_synonyms else None)
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

    def fuzzy_search(self, query_string, queryset):
        text = " ".join(query_terms(query_string))
        if not text:
            return [], None
        return self.search(Fuzzy(text), queryset), None


SearchBackend = VietnameseElasticsearchBackend
