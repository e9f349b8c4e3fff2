"""Elasticsearch / OpenSearch analysis settings for Vietnamese (pure data; imported by settings, no
Django). One definition serves both engines; only where the synonyms come from differs.

``index_settings()`` is what ``WAGTAILSEARCH_BACKENDS["default"]["INDEX_SETTINGS"]`` holds. It
redefines the analyzers Wagtail's mapping uses so that every text field folds:

- ``default`` (all full-text fields, index side): NFC, standard tokenizer, lower-case, folding that
  keeps the original token ("đăng" and "dang" at the same position), i/y spelling variants;
- ``default_search`` (query side of those fields): the same plus the editors' synonyms
  (``synonym_graph``; Elasticsearch: fed by a synonyms set that ``search.backends.elasticsearch``
  keeps in step with the ``Synonym`` table, updateable, so edits apply without reindexing;
  OpenSearch, which has no synonyms API: the rules inline, written by ``search.backends.opensearch``
  when it creates an index and on every edit);
- ``edgengram_analyzer`` (autocomplete, index side) and ``autocomplete_search`` (its query side,
  set by the backend's mapping; the stock query side is ``standard``, which does not fold).

Folding is ``icu_folding`` when the ICU plugin is installed (``icu=True``; the backend detects it
when ``ICU`` is ``"auto"``), else ``asciifolding``; both keep the original token and map đ→d.
Without ICU, decomposed (NFD) input is recomposed by a ``mapping`` char filter generated here.
"""

import unicodedata

_BASES = "aăâeêioôơuưy"
_TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # huyền, sắc, hỏi, ngã, nặng
IY_PATTERN = "^(h|k|l|m|s|t|qu)y$"


def nfc_mappings():
    """``mapping`` char-filter rules turning decomposed Vietnamese letters into composed ones,
    both fully decomposed ("a" + ̂ + ́) and half-composed ("â" + ́) forms."""
    rules = {}
    for base in _BASES + _BASES.upper():
        for tone in [""] + _TONES:
            letter = unicodedata.normalize("NFC", base + tone)
            for decomposed in {unicodedata.normalize("NFD", letter), base + tone}:
                if decomposed != letter:
                    rules[decomposed] = letter
    return [f"{source} => {target}" for source, target in sorted(rules.items())]


def analysis(*, icu=False, synonyms_set=None, synonyms=None):
    """The ``analysis`` section: char filters, token filters and analyzers. Synonyms from the
    Elasticsearch synonyms set ``synonyms_set``, or inline rules ``synonyms`` (a list, OpenSearch)."""
    if icu:
        char_filter = {"vietnamese_nfc": {"type": "icu_normalizer", "name": "nfc"}}
        # asciifolding after icu_folding guarantees đ→d whatever the ICU data version.
        folding = {"type": "multiplexer", "filters": ["icu_folding, asciifolding"], "preserve_original": True}
    else:
        char_filter = {"vietnamese_nfc": {"type": "mapping", "mappings": nfc_mappings()}}
        folding = {"type": "asciifolding", "preserve_original": True}
    filters = {
        "vietnamese_folding": folding,
        "vietnamese_iy": {"type": "pattern_replace", "pattern": IY_PATTERN, "replacement": "$1i"},
        "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15},
        "ngram": {"type": "ngram", "min_gram": 3, "max_gram": 15},
    }
    search_filters = ["lowercase", "vietnamese_folding", "vietnamese_iy", "remove_duplicates"]
    if synonyms_set:
        filters["vietnamese_synonyms"] = {
            "type": "synonym_graph",
            "synonyms_set": synonyms_set,
            "updateable": True,
            "lenient": True,
        }
        search_filters.insert(1, "vietnamese_synonyms")
    elif synonyms is not None:
        filters["vietnamese_synonyms"] = {"type": "synonym_graph", "synonyms": list(synonyms), "lenient": True}
        search_filters.insert(1, "vietnamese_synonyms")

    def analyzer(filter_names):
        return {"type": "custom", "char_filter": ["vietnamese_nfc"], "tokenizer": "standard", "filter": filter_names}

    index_filters = ["lowercase", "vietnamese_folding", "vietnamese_iy", "remove_duplicates"]
    return {
        "char_filter": char_filter,
        "filter": filters,
        "analyzer": {
            "default": analyzer(index_filters),
            "default_search": analyzer(search_filters),
            "edgengram_analyzer": analyzer(["lowercase", "vietnamese_folding", "vietnamese_iy", "edgengram"]),
            "ngram_analyzer": analyzer(["lowercase", "vietnamese_folding", "vietnamese_iy", "ngram"]),
            "autocomplete_search": analyzer(index_filters),
        },
    }


def index_settings(*, icu=False, synonyms_set=None, synonyms=None):
    """``INDEX_SETTINGS`` for Wagtail's Elasticsearch / OpenSearch backend (deep-merged into its defaults)."""
    return {"settings": {"analysis": analysis(icu=icu, synonyms_set=synonyms_set, synonyms=synonyms),
                         "index": {"max_ngram_diff": 14}}}


# The autocomplete fields' analyzers: the stock mapping searches them with ``standard``, which does
# not fold; both engines' mappings use this instead.
AUTOCOMPLETE_FIELD_ANALYZERS = {"analyzer": "edgengram_analyzer", "search_analyzer": "autocomplete_search"}
