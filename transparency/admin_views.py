"""Admin views of the city's Culture and Information Office: who has not yet submitted which figures
for a reporting period, and the period's export (CSV, XLSX) for the city People's Committee."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from home.permissions import scope_for
from transparency import reporting
from transparency.periods import Period, current_reporting_period

VIEW_ACTIONS = ["add", "change", "view"]


def measurement_policy():
    from transparency.models import Measurement

    return policy_registry.get_by_type(Measurement)


def can_follow_reporting(user):
    return measurement_policy().user_has_any_permission(user, VIEW_ACTIONS)


class ReportingPeriodView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "transparency/admin/reporting_period.html"
    page_title = "Tình hình nộp số liệu chuyển đổi số"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_follow_reporting(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Bảng điều khiển"},
            {"url": "", "label": self.page_title},
        ]

    def selected_period(self):
        current = current_reporting_period()
        text = self.request.GET.get("ky", "").strip()
        if not text:
            return current
        try:
            return Period.parse(text)
        except ValueError:
            messages.error(self.request, f"Kỳ báo cáo “{text}” không hợp lệ (dạng YYYY-MM); đang hiển thị kỳ hiện tại.")
            return current

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scope = scope_for(self.request.user)
        period = self.selected_period()
        report = reporting.period_report(period, ward_ids=None if scope.city_user else scope.ward_ids)
        context.update(
            {
                "report": report,
                "period": period,
                "current_period": current_reporting_period(),
                "previous_period": period.previous(),
                "next_period": period.next(),
                "city_user": scope.city_user,
                "add_url": reverse("wagtailsnippets_transparency_measurement:add"),
                "exports": [
                    {"label": label, "url": reverse("transparency_period_export", args=[period.key, fmt])}
                    for fmt, label in (("xlsx", "Tải XLSX"), ("csv", "Tải CSV"))
                ]
                if scope.city_user
                else [],
            }
        )
        return context


def period_export(request, key, fmt):
    """The period's figures for the city People's Committee; city users only."""
    if not can_follow_reporting(request.user) or not scope_for(request.user).city_user:
        raise PermissionDenied
    try:
        period = Period.parse(key)
    except ValueError:
        raise Http404("Kỳ báo cáo không hợp lệ") from None
    report = reporting.period_report(period)
    filename = f"so-lieu-chuyen-doi-so-{period.key}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(reporting.export_csv(report), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            reporting.export_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404("Định dạng không hỗ trợ")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
