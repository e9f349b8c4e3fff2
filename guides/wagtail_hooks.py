"""Admin menus, snippets, the feedback report, home-page sections and demo content of the guides app."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from guides.admin_views import FeedbackDetailView, FeedbackReportMenuItem, FeedbackReportView
from guides.home_sections import home_section
from guides.models import CommunityDigitalTeam, GuideAudience, GuideTopic, HelpSession
from home.admin_scope import WardScopedViewSetMixin

hooks.register("portal_home_sections", home_section)


class GuideTopicViewSet(SnippetViewSet):
    model = GuideTopic
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class GuideAudienceViewSet(SnippetViewSet):
    model = GuideAudience
    icon = "group"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class WardRecordViewSet(WardScopedViewSetMixin, SnippetViewSet):
    copy_view_enabled = False

    def get_base_queryset(self, request):
        return self.model._default_manager.select_related("ward")


class CommunityDigitalTeamViewSet(WardRecordViewSet):
    model = CommunityDigitalTeam
    icon = "group"
    list_display = ["name", "ward", BooleanColumn("is_sample", label="Dữ liệu mẫu")]
    ordering = ["ward__path"]


class HelpSessionViewSet(WardRecordViewSet):
    model = HelpSession
    icon = "date"
    list_display = ["title", "ward", "starts_at", "place", BooleanColumn("is_sample", label="Dữ liệu mẫu")]
    list_filter = ["ward", "topic", "is_sample"]
    ordering = ["-starts_at"]


class DigitalSkillsGroup(SnippetViewSetGroup):
    menu_label = "Kỹ năng số"
    menu_icon = "help"
    menu_order = 250
    items = (HelpSessionViewSet, CommunityDigitalTeamViewSet, GuideTopicViewSet, GuideAudienceViewSet)


register_snippet(DigitalSkillsGroup)


@hooks.register("register_admin_urls")
def feedback_report_urls():
    return [
        path("reports/gop-y-huong-dan/", FeedbackReportView.as_view(), name="guides_feedback_report"),
        path(
            "reports/gop-y-huong-dan/results/",
            FeedbackReportView.as_view(results_only=True),
            name="guides_feedback_report_results",
        ),
        path("reports/gop-y-huong-dan/<int:pk>/", FeedbackDetailView.as_view(), name="guides_feedback_detail"),
    ]


@hooks.register("register_reports_menu_item")
def feedback_report_menu_item():
    return FeedbackReportMenuItem(
        "Góp ý về hướng dẫn", reverse("guides_feedback_report"), name="guides-feedback", icon_name="help", order=950
    )


@hooks.register("portal_bootstrap", order=30)
def build_guides_demo(structure, stdout, options):
    from guides.demo import build_demo

    build_demo(structure, stdout, small=options.get("small", False))
