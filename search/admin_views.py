"""Admin report: per site, the top queries and the queries that found nothing, last 30 days."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from search import stats

REPORT_PERMISSION = "search.view_searchquerystat"


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/report.html"
    page_title = "Báo cáo tìm kiếm"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sites = list(Site.objects.order_by("-is_default_site", "site_name", "hostname"))
        site = None
        site_id = self.request.GET.get("site", "")
        if site_id.isdigit():
            site = next((s for s in sites if s.pk == int(site_id)), None)
        site = site or (sites[0] if sites else None)
        top, zero = stats.report(site) if site else ([], [])
        context.update(sites=sites, site=site, top=top, zero=zero, days=stats.REPORT_DAYS)
        return context
