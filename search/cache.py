"""Search answers kept in the shared cache, so that what citizens ask again and again ("dang ky
khai sinh", "căn cước", the first letters typed in the search box) costs a cache read.

Keys carry the page-frame version (page tree, Sites) and the search version, which any save or
delete of an indexed object (pages, merchants, documents…), a view restriction, a synonym or a
promoted result bumps: an answer is never served after what it shows has changed. Answers also
expire after ``settings.SEARCH_CACHE_SECONDS`` (what no signal announces, e.g. a page whose expiry
time passed; 0 turns the cache off). Answers from the fallback backend during an Elasticsearch
outage are not kept.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from modelsearch.index import class_is_indexed

from home.frame import FRAME_VERSION
from portal.versioned_cache import CacheVersion, versioned_cached

SEARCH_VERSION = CacheVersion("portal:search-version")


def cached_answer(kind, parts, compute, keep):
    """``compute()`` once per ``kind`` + ``parts`` and content versions; kept only if ``keep(value)``."""
    timeout = settings.SEARCH_CACHE_SECONDS
    if timeout <= 0:
        return compute()
    return versioned_cached(f"portal:search:{kind}", [FRAME_VERSION, SEARCH_VERSION], parts, compute, timeout, keep)


def connect_invalidation():
    """Called from ``SearchConfig.ready``."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.models import PageViewRestriction

    from search.models import Synonym

    watched = {Query, SearchPromotion, PageViewRestriction, Synonym}

    def changed(sender, **kwargs):
        if sender in watched or class_is_indexed(sender):
            SEARCH_VERSION.bump()

    post_save.connect(changed, dispatch_uid="search-version-save", weak=False)
    post_delete.connect(changed, dispatch_uid="search-version-delete", weak=False)
