"""What the two search-engine backends share: Elasticsearch 9 (``search.backends.elasticsearch``)
and OpenSearch (``search.backends.opensearch``). Each engine module only says how its client
creates an index, which errors it raises, how it detects ICU and where synonyms come from.

- Analysis: ``search.es_analysis`` (one definition for both engines), ICU folding when the engine
  has it (``ICU``: ``"auto"`` detects it when an index is created; ``True``; ``False``).
- Autocomplete fields are searched with the folding ``autocomplete_search`` analyzer.
- Outages: a connection failure marks the engine down for 30 s (``search.outage``); meanwhile
  single-object index updates on publish are skipped with a warning instead of waiting on the
  cluster (run ``update_index`` once it is back), and searches use the database backend
  (``search.fallback``, which reads ``search_errors`` / ``connection_errors`` of the backend).
- ``REFRESH_AFTER_WRITE`` (default off): refresh the index after each single-object update, so a
  page is searchable as soon as its publish returns (tests; editors who search what they just
  published) instead of within the engine's refresh interval (1 s).
"""

import logging
from copy import deepcopy

from modelsearch.query import Fuzzy

from search import outage
from search.backends.text import SkipEmptyQueriesMixin, query_terms
from search.es_analysis import AUTOCOMPLETE_FIELD_ANALYZERS, analysis

logger = logging.getLogger(__name__)
SYNONYMS_FILTER = "vietnamese_synonyms"


class EngineMappingMixin:
    edgengram_analyzer_config = AUTOCOMPLETE_FIELD_ANALYZERS


class EngineQueryCompilerMixin:
    def _compile_fuzzy_query(self, query, fields):
        """Typo matching analyses the query with the index analyzer (``default``: folding, no
        synonyms). With the search analyzer, each multi-word synonym's token graph times the fields
        times the fuzzy expansions overflows OpenSearch's 1,024-clause limit on short queries (a
        citizen's "0:1:SỔ:ĐỎ" did); synonyms are the exact stage's job anyway."""
        compiled = super()._compile_fuzzy_query(query, fields)
        (kind, body), = compiled.items()
        if kind == "multi_match":
            body["analyzer"] = "default"
        else:
            (field_body,) = body.values()
            field_body["analyzer"] = "default"
        return compiled


class EngineIndexMixin:
    def create(self, settings):  # pragma: no cover - each engine's index class says how
        raise NotImplementedError

    def put(self):
        self.create(self.backend.settings_for_new_index())

    def _guarded(self, action, item):
        backend = self.backend
        if outage.is_down():
            logger.warning("%s is down: index update of %r skipped (run update_index later)", backend.engine_name, item)
            return
        try:
            action(item)
            if backend.refresh_after_write:
                self.refresh()
        except backend.connection_errors:
            outage.mark_down()
            raise

    def add_item(self, item):
        self._guarded(super().add_item, item)

    def delete_item(self, item):
        self._guarded(super().delete_item, item)


class EngineBackendMixin(SkipEmptyQueriesMixin):
    engine_name = "search engine"
    applies_synonyms = True  # in the search analyzer: the page sends no query alternatives
    search_errors = ()  # a search failing with one of these is answered from the database backend
    connection_errors = ()  # these mean the engine is unreachable (search.outage)

    def __init__(self, params):
        params = dict(params)
        icu = params.pop("ICU", "auto")
        self.icu = icu if icu == "auto" else bool(icu)
        self.refresh_after_write = bool(params.pop("REFRESH_AFTER_WRITE", False))
        super().__init__(params)
        self.synonyms_set = f"{self.index_prefix}synonyms"
        filters = self.analysis_filters(self.settings)
        if SYNONYMS_FILTER in filters:  # this backend's own synonyms, whatever INDEX_SETTINGS said
            filters[SYNONYMS_FILTER] = analysis(**self.synonyms_source())["filter"][SYNONYMS_FILTER]
        if self.icu is True:
            self.settings = self.settings_with_icu()

    @staticmethod
    def analysis_filters(settings):
        return settings["settings"].get("analysis", {}).get("filter", {})

    def uses_synonyms(self):
        return SYNONYMS_FILTER in self.analysis_filters(self.settings)

    def synonyms_source(self):  # pragma: no cover - each engine says where its synonyms come from
        """``analysis()`` keyword arguments naming this engine's synonyms."""
        raise NotImplementedError

    def settings_with_icu(self):
        """The index settings with the ICU analysis in place of the asciifolding one."""
        settings = deepcopy(self.settings)
        source = self.synonyms_source() if self.uses_synonyms() else {}
        settings["settings"]["analysis"] = analysis(icu=True, **source)
        return settings

    def settings_for_new_index(self):
        """The settings an index is created with: ICU when detected, the current synonyms."""
        settings = self.settings
        if self.icu == "auto" and self.has_icu_plugin():
            settings = self.settings_with_icu()
        return self.with_current_synonyms(settings)

    def with_current_synonyms(self, settings):
        return settings

    def has_icu_plugin(self):  # pragma: no cover
        raise NotImplementedError

    def fuzzy_search(self, query_string, queryset):
        text = " ".join(query_terms(query_string))
        if not text:
            return [], None
        # Every word, each within the engine's edit distance (AUTO: 1 for 3–5 letters, 2 above),
        # as the database backends search their corrected query; one unknown word leaves the page to
        # the service's partial stage instead of letting a near miss of another word through.
        return self.search(Fuzzy(text, operator="and"), queryset), None
