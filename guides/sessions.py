"""In-person help of the wards' community digital teams: which sessions to show, and where.

Past sessions drop off at render time (a session stays listed until it ends): no scheduled job.
"""

from django.db.models import Prefetch, Q
from django.utils import timezone

from home.locales import language_of

WARD_SESSION_LIMIT = 6
GUIDE_SESSION_LIMIT = 4


def upcoming_sessions(now=None):
    from guides.models import HelpSession

    return (
        HelpSession.objects.filter(ends_at__gt=now or timezone.now())
        .select_related("ward", "topic")
        .order_by("starts_at", "pk")
    )


def sessions_for_ward(ward, now=None, limit=WARD_SESSION_LIMIT):
    return list(upcoming_sessions(now).filter(ward=ward)[:limit])


def sessions_for_topics(topic_ids, now=None, limit=GUIDE_SESSION_LIMIT):
    """Upcoming sessions, across all wards, on one of these topics or open to every topic."""
    return list(upcoming_sessions(now).filter(Q(topic_id__in=list(topic_ids)) | Q(topic__isnull=True))[:limit])


def team_for_ward(ward):
    from guides.models import CommunityDigitalTeam, TeamMember

    return (
        CommunityDigitalTeam.objects.filter(ward=ward)
        .prefetch_related(Prefetch("members", queryset=TeamMember.objects.order_by("sort_order")))
        .first()
    )


def vietnamese_ward(home_page):
    """Teams and sessions belong to the Vietnamese ward page; an English ward page maps to it."""
    from home.models import WardHomePage

    if language_of(home_page) == "vi":
        return home_page
    return WardHomePage.objects.filter(
        translation_key=home_page.translation_key, locale__language_code="vi"
    ).first()
