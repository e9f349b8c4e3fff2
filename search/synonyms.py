"""The editors' synonyms as rules every backend applies.

Database backends: ``search.query.expand_synonyms`` turns a query into alternatives (searched with
OR). Elasticsearch / OpenSearch: the same rules, with folded spellings added, are pushed to the
search analyzer (Elasticsearch: a synonyms set; OpenSearch: the rules inline in the index settings;
``search.backends.elasticsearch`` / ``.opensearch``); the page then sends no alternatives.
"""

import logging

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.vietnamese import fold, words
from search.models import Synonym

logger = logging.getLogger(__name__)
CACHE_KEY = "search:synonym-rules"
CACHE_SECONDS = 300


def rules_from(synonyms):
    """``[(source_words, [target_words…])…]``: a two-way synonym makes each of its phrases a
    source for all the others; a one-way synonym maps its term to its equivalents."""
    rules = []
    for synonym in synonyms:
        phrases = [words(synonym.term)] + [words(item) for item in synonym.equivalent_list()]
        phrases = [phrase for phrase in phrases if phrase]
        if not phrases:
            continue
        sources = phrases if synonym.two_way else phrases[:1]
        for source in sources:
            rules.append((source, [phrase for phrase in phrases if phrase != source]))
    return rules


def active_rules():
    rules = cache.get(CACHE_KEY)
    if rules is None:
        rules = rules_from(Synonym.objects.filter(active=True))
        cache.set(CACHE_KEY, rules, CACHE_SECONDS)
    return rules


def elasticsearch_rules(synonyms=None):
    """Solr-format rules for Elasticsearch, each phrase also written folded:
    ``"cccd, căn cước công dân, can cuoc cong dan"``; one-way: ``"hộ khẩu, ho khau => hộ khẩu, thường trú, …"``."""
    if synonyms is None:
        synonyms = Synonym.objects.filter(active=True)
    rules = []
    for synonym in synonyms:
        phrases = [" ".join(words(synonym.term))] + [" ".join(words(item)) for item in synonym.equivalent_list()]
        phrases = [phrase for phrase in phrases if phrase]
        if len(phrases) < 2:
            continue

        def spellings(items):
            result = []
            for phrase in items:
                for form in (phrase, fold(phrase)):
                    if form not in result:
                        result.append(form)
            return ", ".join(result)

        if synonym.two_way:
            rules.append(spellings(phrases))
        else:
            rules.append(f"{spellings(phrases[:1])} => {spellings(phrases)}")
    return rules


@receiver([post_save, post_delete], sender=Synonym)
def synonyms_changed(sender, **kwargs):
    cache.delete(CACHE_KEY)
    push_to_elasticsearch()


def push_to_elasticsearch():
    """Update the search engine's synonyms when one is configured (Elasticsearch: the synonyms set;
    OpenSearch: the indices' synonyms filter); never raises."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    if not hasattr(backend, "push_synonyms"):
        return
    try:
        backend.push_synonyms()
    except Exception:  # noqa: BLE001 - an unreachable cluster must not stop an editor saving
        logger.warning("Could not update the %s synonyms set; it will be pushed on the next rebuild",
                       getattr(backend, "engine_name", "search engine"), exc_info=True)
