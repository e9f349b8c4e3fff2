"""Admin: synonyms (snippets), the search report, and the search box on every home page."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.admin_views import REPORT_PERMISSION, SearchReportView
from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Từ đồng nghĩa (tìm kiếm)"
    menu_name = "search-synonyms"
    add_to_settings_menu = True
    list_display = ["term", "equivalents", "two_way", "active"]
    list_filter = ["two_way", "active"]
    search_fields = ["term", "equivalents"]
    ordering = ["term"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def search_report_urls():
    return [path("search-report/", SearchReportView.as_view(), name="search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def search_report_menu_item():
    return SearchReportMenuItem("Báo cáo tìm kiếm", reverse("search_report"), name="search-report",
                                icon_name="search", order=1310)


@hooks.register("construct_reports_menu")
def hide_unused_search_terms_report(request, menu_items):
    """Wagtail's own "Search terms" report counts hits this portal does not record (it is not
    site-aware); the search report above replaces it."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_permissions")
def search_permissions():
    return Permission.objects.filter(content_type__app_label="search",
                                     codename__in=["view_searchquerystat", "add_synonym", "change_synonym",
                                                   "delete_synonym", "view_synonym"])
