"""Admin: the guide feedback report (helpful %, latest comments)."""

from django.db.models import F, FloatField
from django.db.models.functions import Cast, NullIf
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from guides.feedback import feedback_summary, helpful_percent
from guides.models import GuideFeedback, GuidePage

LATEST_COMMENTS = 50
feedback_policy = ModelPermissionPolicy(GuideFeedback)


def feedback_report_rows():
    """Every guide with its feedback figures, the least helpful first (those without answers last)."""
    summary = feedback_summary(GuidePage.objects.all()).annotate(
        helpful_ratio=Cast("helpful_answers", FloatField()) * 100.0 / NullIf(Cast("answers", FloatField()), 0.0)
    )
    return summary.order_by(F("helpful_ratio").asc(nulls_last=True), "title")


def _detail_url(guide):
    return reverse("guides_feedback_detail", args=[guide.pk])


class PercentColumn(Column):
    """The share of “yes” answers, or a dash when nobody answered yet."""

    def get_value(self, instance):
        percent = helpful_percent(instance.helpful_answers, instance.answers)
        return "–" if percent is None else f"{percent}%"


class FeedbackReportView(ReportView):
    page_title = "Góp ý về hướng dẫn"
    header_icon = "help"
    index_url_name = "guides_feedback_report"
    index_results_url_name = "guides_feedback_report_results"
    permission_policy = feedback_policy
    permission_required = "view"
    paginate_by = 50
    list_export = ["title", "answers", "helpful_answers", "comments", "last_feedback_at"]
    export_headings = {
        "title": "Hướng dẫn",
        "answers": "Số lượt trả lời",
        "helpful_answers": "Số lượt “Có”",
        "comments": "Số góp ý có lời",
        "last_feedback_at": "Góp ý gần nhất",
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label="Hướng dẫn", get_url=_detail_url),
            Column("answers", label="Lượt trả lời"),
            PercentColumn("helpful", label="Tỷ lệ hữu ích"),
            Column("comments", label="Góp ý có lời"),
            DateColumn("last_feedback_at", label="Góp ý gần nhất"),
        ]

    def get_queryset(self):
        return feedback_report_rows()

    def get_filename(self):
        return "gop-y-huong-dan"


class FeedbackDetailView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "guides/admin/feedback_detail.html"
    header_icon = "help"
    permission_policy = feedback_policy
    permission_required = "view"

    def get_page_title(self):
        return f"Góp ý: {self.guide.title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("guides_feedback_report"), "label": "Góp ý về hướng dẫn"},
            {"url": "", "label": self.guide.title},
        ]

    @cached_property
    def guide(self):
        return get_object_or_404(feedback_summary(GuidePage.objects.all()), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        guide = self.guide
        context.update(
            guide=guide,
            percent=helpful_percent(guide.helpful_answers, guide.answers),
            latest=GuideFeedback.objects.filter(guide=guide).exclude(comment="")[:LATEST_COMMENTS],
        )
        return context


class FeedbackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return feedback_policy.user_has_permission(request.user, "view")
