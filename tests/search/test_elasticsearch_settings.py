"""Elasticsearch configuration checked without a server: the generated index settings and the
mappings of every indexed model fold Vietnamese on every text and autocomplete field, on both the
index and the query side, with or without the ICU plugin."""

import unicodedata

import pytest
from modelsearch.index import get_indexed_models
from wagtail.models import Page

from search.backends.elasticsearch import VietnameseElasticsearchBackend, VietnameseElasticsearchMapping
from search.es_analysis import index_settings, nfc_mappings
from search.models import Synonym
from search.synonyms import elasticsearch_rules

FOLDING_ANALYZERS = {"default", "default_search", "edgengram_analyzer", "ngram_analyzer", "autocomplete_search"}


def backend(**params):
    return VietnameseElasticsearchBackend({
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "t_",
        "INDEX_SETTINGS": index_settings(synonyms_set="whatever"),
        **params,
    })


def analysis_of(es_backend):
    return es_backend.settings["settings"]["analysis"]


def assert_folds(analysis, analyzer_name):
    analyzer = analysis["analyzer"][analyzer_name]
    assert analyzer["char_filter"] == ["vietnamese_nfc"]
    assert analyzer["filter"][0] == "lowercase"
    assert "vietnamese_folding" in analyzer["filter"]
    assert "vietnamese_iy" in analyzer["filter"]


@pytest.mark.parametrize("analyzer_name", sorted(FOLDING_ANALYZERS))
def test_every_analyzer_folds_and_keeps_the_original(analyzer_name):
    analysis = analysis_of(backend(ICU=False))
    assert_folds(analysis, analyzer_name)
    assert analysis["filter"]["vietnamese_folding"] == {"type": "asciifolding", "preserve_original": True}


def test_search_side_applies_the_synonyms_set_before_folding():
    analysis = analysis_of(backend(ICU=False))
    search_filters = analysis["analyzer"]["default_search"]["filter"]
    assert search_filters.index("vietnamese_synonyms") < search_filters.index("vietnamese_folding")
    assert analysis["filter"]["vietnamese_synonyms"] == {
        "type": "synonym_graph", "synonyms_set": "t_synonyms", "updateable": True, "lenient": True}
    # The index side has no (search-only, updateable) synonyms filter.
    assert "vietnamese_synonyms" not in analysis["analyzer"]["default"]["filter"]


def test_icu_variant_uses_icu_normalizer_and_icu_folding_with_the_original_kept():
    es = backend(ICU=True)
    analysis = analysis_of(es)
    assert analysis["char_filter"]["vietnamese_nfc"] == {"type": "icu_normalizer", "name": "nfc"}
    assert analysis["filter"]["vietnamese_folding"] == {
        "type": "multiplexer", "filters": ["icu_folding, asciifolding"], "preserve_original": True}
    for name in FOLDING_ANALYZERS:
        assert_folds(analysis, name)
    assert analysis["filter"]["vietnamese_synonyms"]["synonyms_set"] == "t_synonyms"


def test_auto_icu_keeps_asciifolding_until_the_plugin_is_detected():
    es = backend(ICU="auto")
    assert es.icu == "auto"
    assert analysis_of(es)["filter"]["vietnamese_folding"]["type"] == "asciifolding"
    assert es.settings_with_icu()["settings"]["analysis"]["filter"]["vietnamese_folding"]["type"] == "multiplexer"


@pytest.mark.parametrize("model", get_indexed_models(), ids=lambda model: model._meta.label)
def test_every_text_field_of_every_indexed_model_is_analysed_with_folding(model):
    analysis = analysis_of(backend(ICU=False))
    mapping = VietnameseElasticsearchMapping(model).get_mapping()

    def check(properties):
        for name, field in properties.items():
            if field["type"] == "nested":
                check(field["properties"])
            elif field["type"] == "text":
                index_analyzer = field.get("analyzer", "default")
                search_analyzer = field.get("search_analyzer", "default_search" if "analyzer" not in field
                                            else index_analyzer)
                assert index_analyzer in FOLDING_ANALYZERS, name
                assert search_analyzer in FOLDING_ANALYZERS, name
                assert_folds(analysis, index_analyzer)
                assert_folds(analysis, search_analyzer)

    check(mapping["properties"])


def test_autocomplete_fields_search_with_the_folding_analyzer():
    mapping = VietnameseElasticsearchMapping(Page).get_mapping()["properties"]
    for name in ("_edgengrams", "title_edgengrams"):
        assert (mapping[name]["analyzer"], mapping[name]["search_analyzer"]) == (
            "edgengram_analyzer", "autocomplete_search")


def test_search_and_autocomplete_queries_name_no_analyzer():
    """So Elasticsearch uses the fields' folding analyzers (a query-level analyzer would bypass them)."""
    es = backend(ICU=False)
    search_query = es.query_compiler_class(Page.objects.all(), "dang ky").get_query()
    autocomplete_query = es.autocomplete_query_compiler_class(Page.objects.all(), "dang k").get_query()
    assert "analyzer" not in str(search_query) and "analyzer" not in str(autocomplete_query)
    assert search_query["bool"]["must"]["multi_match"]["fields"][0] == "_all_text"
    assert autocomplete_query["bool"]["must"]["match"]["_edgengrams"]["query"] == "dang k"


def test_nfc_mappings_recompose_decomposed_letters():
    rules = dict(rule.split(" => ") for rule in nfc_mappings())
    for letter in "ếẾệỮởằẫđ":
        decomposed = unicodedata.normalize("NFD", letter)
        if decomposed != letter:
            assert rules[decomposed] == letter
    assert rules["â\u0301"] == "ấ"  # half-composed input
    assert all(unicodedata.normalize("NFC", source) == target for source, target in rules.items())


@pytest.mark.django_db
def test_synonyms_become_elasticsearch_rules_with_folded_spellings():
    rows = [Synonym(term="CCCD", equivalents="căn cước công dân", two_way=True),
            Synonym(term="hộ khẩu", equivalents="thường trú", two_way=False)]
    assert elasticsearch_rules(rows) == [
        "cccd, căn cước công dân, can cuoc cong dan",
        "hộ khẩu, ho khau => hộ khẩu, ho khau, thường trú, thuong tru",
    ]
