from django.urls import path, reverse
from django_filters import BooleanFilter, ModelChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin_scope import WardScopedViewSetMixin
from home.locales import language_of
from home.models import CityHomePage, WardHomePage
from home.permissions import scope_for
from home.sections import HomeSection
from transparency import admin_views, bootstrap, cache, dashboard
from transparency.forms import MeasurementForm
from transparency.models import Indicator, IndicatorGroup, Measurement
from transparency.periods import local_date


def _ward_choices(request):
    wards = WardHomePage.objects.filter(locale__language_code="vi").order_by("path")
    scope = scope_for(request.user)
    return wards if scope.city_user else wards.filter(pk__in=scope.ward_ids)


class MeasurementFilterSet(WagtailFilterSet):
    indicator = ModelChoiceFilter(queryset=Indicator.objects.order_by("code"), label="Chỉ tiêu")
    ward = ModelChoiceFilter(queryset=_ward_choices, label="Phường, xã")
    is_sample = BooleanFilter(label="Số liệu mẫu")

    class Meta:
        model = Measurement
        fields = ["indicator", "ward", "is_sample"]


class MeasurementViewSet(WardScopedViewSetMixin, SnippetViewSet):
    model = Measurement
    icon = "table"
    menu_label = "Số liệu chỉ tiêu"
    url_prefix = "transparency/measurement"
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = MeasurementFilterSet
    list_display = [
        Column("indicator", label="Chỉ tiêu", accessor=lambda m: m.indicator.code, sort_key="indicator__code"),
        Column("period_label", label="Kỳ báo cáo", sort_key="period"),
        Column("unit_label", label="Đơn vị"),
        Column("value_label", label="Giá trị"),
        BooleanColumn("is_sample", label="Số liệu mẫu"),
        Column("entered_by", label="Người nhập"),
        UpdatedAtColumn(),
    ]
    list_per_page = 50
    ordering = ["-period", "indicator__code"]
    edit_handler = ObjectList(
        [
            FieldPanel("indicator"),
            FieldRowPanel([FieldPanel("period"), FieldPanel("ward")]),
            MultiFieldPanel(
                [FieldPanel("value"), FieldRowPanel([FieldPanel("numerator"), FieldPanel("denominator")])],
                heading="Số liệu",
            ),
            MultiFieldPanel([FieldPanel("source"), FieldPanel("source_url"), FieldPanel("notes")], heading="Nguồn"),
            FieldPanel("is_sample"),
        ],
        base_form_class=MeasurementForm,
    )

    def get_base_queryset(self, request):
        return Measurement.objects.select_related("indicator", "ward", "entered_by", "latest_revision")


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ol"
    menu_label = "Chỉ tiêu kế hoạch"
    url_prefix = "transparency/indicator"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        Column("code", label="Mã", sort_key="code"),
        Column("text_vi", label="Chỉ tiêu"),
        Column("target_label", label="Mục tiêu"),
        BooleanColumn("per_ward", label="Theo phường, xã"),
    ]
    list_filter = ["group", "unit", "per_ward"]
    ordering = ["group__sort_order", "sort_order"]
    panels = [
        FieldPanel("group"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order"), FieldPanel("plan_year")]),
        FieldPanel("text_vi"),
        FieldPanel("text_en"),
        FieldRowPanel([FieldPanel("target"), FieldPanel("unit"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("baseline")]),
        MultiFieldPanel(
            [
                FieldPanel("per_ward"),
                FieldPanel("ward_value_kind"),
                FieldPanel("ward_value_label"),
                FieldPanel("ward_value_label_en"),
            ],
            heading="Đo theo phường, xã",
        ),
    ]


class IndicatorGroupViewSet(SnippetViewSet):
    model = IndicatorGroup
    icon = "folder-open-inverse"
    menu_label = "Nhóm chỉ tiêu"
    url_prefix = "transparency/group"
    list_display = ["name_vi", "name_en", "slug"]
    panels = [FieldPanel("slug"), FieldPanel("name_vi"), FieldPanel("name_en"), FieldPanel("sort_order")]


class TransparencyGroup(SnippetViewSetGroup):
    items = (MeasurementViewSet, IndicatorViewSet, IndicatorGroupViewSet)
    menu_icon = "table"
    menu_label = "Chuyển đổi số"
    menu_name = "chuyen-doi-so"
    menu_order = 250


register_snippet(TransparencyGroup)


@hooks.register("register_admin_urls")
def register_transparency_admin_urls():
    return [
        path("minh-bach/ky-bao-cao/", admin_views.ReportingPeriodView.as_view(), name="transparency_reporting"),
        path(
            "minh-bach/ky-bao-cao/<str:key>/xuat.<str:fmt>",
            admin_views.period_export,
            name="transparency_period_export",
        ),
    ]


class ReportingMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_follow_reporting(request.user)


@hooks.register("register_reports_menu_item")
def register_reporting_menu_item():
    return ReportingMenuItem(
        "Nộp số liệu chuyển đổi số", reverse("transparency_reporting"), icon_name="table", order=800
    )


def home_section_context(home_page):
    from transparency.models import DocumentPage, TransparencyPage

    dashboard_page = TransparencyPage.objects.live().filter(locale_id=home_page.locale_id).first()
    if dashboard_page is None:
        return None
    language = "en" if language_of(home_page) == "en" else "vi"
    context = {"dashboard_page": dashboard_page, "language": language}
    if isinstance(home_page, CityHomePage):
        context["summary"] = dashboard.status_summary(language)
        context["documents"] = list(
            DocumentPage.objects.live().public().order_by("-first_published_at").only("id", "title", "url_path")[:3]
        )
    elif isinstance(home_page, WardHomePage):
        source_ward = WardHomePage.objects.filter(
            translation_key=home_page.translation_key, locale__language_code="vi"
        ).first()
        context["ward"] = home_page
        context["ward_rows"] = dashboard.ward_summary(source_ward or home_page, language, dashboard_page)
    return context


@hooks.register("portal_home_sections")
def transparency_section(home_page, request):
    """The city home: status counts and new documents; a ward home: the ward's own figures (cached)."""
    context = cache.cached("home-section", lambda: home_section_context(home_page) or {}, home_page.pk, local_date())
    if not context:
        return None
    return HomeSection(order=50, template="transparency/home_section.html", context=context)


hooks.register("portal_bootstrap", bootstrap.build_transparency, order=60)
