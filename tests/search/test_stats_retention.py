"""Search statistics are not kept for ever (issue 12, finding 10): ``purge_search_stats`` deletes what
is older than SEARCH_STATS_RETENTION_DAYS, the portal's statistics and Wagtail's search-terms hits."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Site

from search import stats
from search.models import SearchQueryStat

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_and_new(city):
    site = Site.objects.get(root_page=city)
    today = timezone.localdate()
    stats.record_search(site, "khai sinh cu", 1, day=today - timedelta(days=400))
    stats.record_search(site, "khai sinh moi", 1, day=today - timedelta(days=10))
    Query.get("cu").add_hit(date=today - timedelta(days=400))
    Query.get("moi").add_hit(date=today - timedelta(days=10))
    promoted = Query.get("duoc de xuat")
    promoted.add_hit(date=today - timedelta(days=400))
    SearchPromotion.objects.create(query=promoted, page=city, sort_order=0)
    return site


@override_settings(SEARCH_STATS_RETENTION_DAYS=365)
def test_purge_keeps_the_retention_period(old_and_new):
    out = StringIO()
    call_command("purge_search_stats", stdout=out)
    assert list(SearchQueryStat.objects.values_list("query", flat=True)) == ["khai sinh moi"]
    assert list(QueryDailyHits.objects.values_list("query__query_string", flat=True)) == ["moi"]
    # A query without hits goes, unless editors promoted results for it.
    assert set(Query.objects.values_list("query_string", flat=True)) == {"moi", "duoc de xuat"}
    assert "1 dòng thống kê theo cổng, 2 dòng lượt tìm, 1 từ khóa" in out.getvalue()


@override_settings(SEARCH_STATS_RETENTION_DAYS=5)
def test_the_setting_and_the_option_choose_the_period(old_and_new):
    call_command("purge_search_stats", stdout=StringIO())
    assert not SearchQueryStat.objects.exists()
    with pytest.raises(CommandError, match="phải từ 1 trở lên"):
        call_command("purge_search_stats", "--days", "0", stdout=StringIO())


def test_an_invalid_period_deletes_nothing(old_and_new):
    with pytest.raises(CommandError):
        call_command("purge_search_stats", "--days", "-1", stdout=StringIO())
    assert SearchQueryStat.objects.count() == 2 and QueryDailyHits.objects.count() == 3
