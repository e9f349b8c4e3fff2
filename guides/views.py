"""Public views of the guides app: the guide page's context and the feedback endpoint."""

import logging

from django.db import DatabaseError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from guides import feedback
from guides.sessions import sessions_for_topics
from home.locales import language_of
from portal.besteffort import UNAVAILABLE
from portal.security import same_site_post

logger = logging.getLogger(__name__)


def guide_context(guide, request):
    """Everything a ``GuidePage`` template shows besides the page's own fields."""
    topics = list(guide.topics.all())
    related_guides = [
        link.other for link in guide.related_guides.select_related("other") if link.other.live
    ]
    procedure_ids = [link.procedure_id for link in guide.related_procedures.all()]
    procedures = {page.pk: page for page in Page.objects.live().public().filter(pk__in=procedure_ids)}
    index = guide.get_parent()
    return {
        "guide_index_url": index.url if index else "",
        "topics": topics,
        "audiences": list(guide.audiences.all()),
        "related_guides": related_guides,
        "related_procedures": [procedures[pk] for pk in procedure_ids if pk in procedures],
        "help_sessions": sessions_for_topics(topic.pk for topic in topics),
        "feedback_form": feedback.FeedbackForm(),
        "feedback_url": reverse("guides_feedback", args=[guide.pk]),
        "feedback_sent": request.GET.get(feedback.STATUS_PARAM) == feedback.STATUS_SENT,
        "handout_url": guide.url + guide.reverse_subpage("handout"),
        "max_comment_length": feedback.MAX_COMMENT_LENGTH,
    }


@same_site_post  # no token: browsers' Sec-Fetch-Site / Origin refuse cross-site posts (portal/security.py)
@csrf_exempt  # anonymous, sessionless and rate-limited: no token, so the guide pages set no cookie
def submit_feedback(request, page_id):
    """POST "was this guide helpful?". Bad input re-renders the guide with the message (400/429), never a 500."""
    from guides.models import GuideFeedback, GuidePage

    guide = get_object_or_404(GuidePage.objects.live().public(), pk=page_id)
    if request.method != "POST":
        return HttpResponseRedirect(guide.get_url(request) + "#gop-y")
    with translation.override(language_of(guide)):
        form = feedback.FeedbackForm(request.POST)
        valid = form.is_valid()
        if feedback.over_rate_limit(request):
            form.add_error(None, feedback.RATE_LIMITED)  # keeps what the visitor typed
            return _render_with_form(guide, request, form, status=429)
        if not valid:
            return _render_with_form(guide, request, form, status=400)
        if not form.is_bot:
            try:
                with transaction.atomic():
                    GuideFeedback.objects.create(
                        guide=guide, helpful=form.is_helpful, comment=form.cleaned_data["comment"]
                    )
            except DatabaseError:
                logger.warning("Guide feedback not stored: the database refused the write", exc_info=True)
                form.add_error(None, UNAVAILABLE.format(what="góp ý"))  # keeps what the visitor typed
                return _render_with_form(guide, request, form, status=503)
    url = f"{guide.get_url(request)}?{feedback.STATUS_PARAM}={feedback.STATUS_SENT}#gop-y"
    return HttpResponseRedirect(url, status=303)


def _render_with_form(guide, request, form, status):
    response = guide.render(request, context_overrides={"feedback_form": form, "noindex": True})
    response.status_code = status
    return response
