"""The guide index: topic and audience filters with shareable URLs (``?topic=<slug>&audience=<slug>``).

An unknown slug is a 404 (a mistyped or outdated filter link must not show a misleading empty list).
Filtered views are marked ``noindex``: search engines index the unfiltered list and the guides themselves.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404

FILTER_PARAMS = ("topic", "audience")


@dataclass(frozen=True)
class GuideFilters:
    topic: object = None
    audience: object = None

    @property
    def active(self):
        return bool(self.topic or self.audience)


def resolve_filters(params):
    """``GuideFilters`` from the query string; ``Http404`` for an unknown or repeated filter value."""
    from guides.models import GuideAudience, GuideTopic

    found = {}
    for name, model in (("topic", GuideTopic), ("audience", GuideAudience)):
        values = [value.strip() for value in params.getlist(name) if value.strip()]
        if not values:
            continue
        if len(values) > 1:
            raise Http404(f"Chỉ chọn được một {name}.")
        term = model.objects.filter(slug=values[0]).first()
        if term is None:
            raise Http404(f"Không có {model._meta.verbose_name.lower()} “{values[0]}”.")
        found[name] = term
    return GuideFilters(**found)


def live_guides(index):
    from guides.models import GuidePage

    return GuidePage.objects.child_of(index).live().public()


def filter_guides(guides, filters):
    if filters.topic:
        guides = guides.filter(topics=filters.topic)
    if filters.audience:
        guides = guides.filter(audiences=filters.audience)
    return guides


def terms_in_use(model, guide_ids):
    """Topics or audiences of these guides, each with ``guide_count``; empty ones are left out."""
    return model.objects.annotate(guide_count=Count("guides", filter=Q(guides__in=guide_ids), distinct=True)).filter(
        guide_count__gt=0
    )


def index_context(index, params):
    """Template context of a ``GuideIndexPage`` for the query string ``params``."""
    from guides.models import GuideAudience, GuideTopic

    filters = resolve_filters(params)
    all_guides = live_guides(index)
    guides = (
        filter_guides(all_guides, filters)
        .order_by("title")
        .prefetch_related("topics", "audiences")
        .select_related("listing_image")
    )
    guide_ids = all_guides.values("pk")
    return {
        "guides": guides,
        "filters": filters,
        "topics": terms_in_use(GuideTopic, guide_ids),
        "audiences": terms_in_use(GuideAudience, guide_ids),
        "noindex": filters.active,
    }
