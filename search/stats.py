"""Anonymous search statistics per site: top queries and queries with no result (no personal data).

Only the folded query text is kept, with e-mail addresses and long digit runs (ID-card, phone or
account numbers; procedure codes such as 1.000110 stay) replaced by "#". Nothing about who searched
(IP address, user, session, cookie, user agent) is stored.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from portal.besteffort import best_effort
from portal.vietnamese import fold
from search.models import SearchQueryStat

REPORT_DAYS = 30
_EMAIL = re.compile(r"\S+@\S+")
_LONG_NUMBER = re.compile(r"(?:\d[\s.\-]?){7,}\d")


def loggable_query(query):
    """The folded query with personal numbers and e-mail addresses blanked: "cccd 0792 0300 1234"
    gives "cccd #"; "1.000110" stays."""
    text = _EMAIL.sub("#", fold(query))
    text = _LONG_NUMBER.sub("#", text)
    return " ".join(text.split())[:200]


def record_search(site, query, result_count, day=None):
    """Count one search of ``query`` on ``site`` (and one without result when ``result_count`` is 0)."""
    text = loggable_query(query)
    if site is None or not text:
        return
    day = day or timezone.localdate()
    with best_effort("search statistics"):
        _count(site, day, text, result_count)


def _count(site, day, text, result_count):
    increments = {"searches": F("searches") + 1}
    if result_count == 0:
        increments["zero_result_searches"] = F("zero_result_searches") + 1
    updated = SearchQueryStat.objects.filter(site=site, day=day, query=text).update(**increments)
    if updated:
        return
    try:
        with transaction.atomic():
            SearchQueryStat.objects.create(
                site=site, day=day, query=text, searches=1, zero_result_searches=int(result_count == 0)
            )
    except IntegrityError:  # another request created the row meanwhile
        SearchQueryStat.objects.filter(site=site, day=day, query=text).update(**increments)


def report(site, days=REPORT_DAYS, limit=50, today=None):
    """``(top_queries, zero_result_queries)`` for the last ``days`` days: dicts with ``query``,
    ``total`` (searches) and ``zero`` (searches without result), most searched first."""
    since = (today or timezone.localdate()) - timedelta(days=days - 1)
    rows = (
        SearchQueryStat.objects.filter(site=site, day__gte=since)
        .values("query")
        .annotate(total=Sum("searches"), zero=Sum("zero_result_searches"))
    )
    top = list(rows.order_by("-total", "query")[:limit])
    zero = list(rows.filter(zero__gt=0).order_by("-zero", "-total", "query")[:limit])
    return top, zero


def purge(days=None, today=None):
    """Delete statistics older than ``days`` days (default ``settings.SEARCH_STATS_RETENTION_DAYS``);
    returns how many rows went."""
    days = settings.SEARCH_STATS_RETENTION_DAYS if days is None else days
    before = (today or timezone.localdate()) - timedelta(days=days)
    deleted, _ = SearchQueryStat.objects.filter(day__lt=before).delete()
    return deleted
