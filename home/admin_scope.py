"""The admin side of the ward-scoping mechanism (``home.permissions``): snippets, choosers, site history.

A ward-scoped snippet only declares it::

    class HelpSessionViewSet(WardScopedViewSetMixin, SnippetViewSet):
        model = HelpSession          # ward_field = "ward" unless said otherwise

and gets: the ward-scoped permission policy (bulk actions, copy, inspect, edit, delete…), a listing and
exports of the user's wards only (``get_base_queryset`` is what a viewset overrides, never the scope),
every URL that names one object (edit, delete, copy, inspect, history, usage, revisions, preview,
workflow, lock…) refused outside the user's wards before the view runs, and a chooser (HTML and JSON)
that neither lists nor returns another ward's records. ``SiteHistoryView`` replaces Wagtail's "Site
history" report (same URLs, see ``portal/urls.py``) so it and its export leave out other wards' records.
"""

import functools

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path
from django.utils.functional import classproperty
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser as snippet_chooser

from home.permissions import in_scope, register_ward_scoped, scope_queryset, ward_scoped_models


def refuse_outside_scope(view, model):
    """Wrap a view whose URL names one object (``pk``): another ward's object is refused (403)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if "pk" in kwargs:
            instance = model._default_manager.filter(pk=unquote(str(kwargs["pk"]))).first()
            if instance is not None and not in_scope(request.user, instance):
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class ScopedChooseMixin:
    def get_object_list(self):
        return scope_queryset(super().get_object_list(), self.request.user)


class ScopedChooseView(ScopedChooseMixin, snippet_chooser.ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooseMixin, snippet_chooser.ChooseResultsView):
    pass


class ScopedChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        instance = super().get_object(pk)
        if not in_scope(self.request.user, instance):
            raise Http404
        return instance


class ScopedChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return scope_queryset(super().get_objects(pks), self.request.user)


class WardScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


class WardScopedViewSetMixin:
    """Mix into a ``SnippetViewSet`` of a model with a foreign key to a ward home page."""

    ward_field = "ward"
    chooser_viewset_class = WardScopedChooserViewSet

    def on_register(self):
        register_ward_scoped(self.model, self.ward_field)
        super().on_register()

    def get_base_queryset(self, request):
        """The unscoped records to list (override for ``select_related`` and the like)."""
        return self.model._default_manager.all()

    def get_queryset(self, request):
        return scope_queryset(self.get_base_queryset(request), request.user)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "pk" in pattern.pattern.regex.groupindex:
                pattern.callback = refuse_outside_scope(pattern.callback, self.model)
        return patterns


class ScopedDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of snippets, for ward-scoped models (registered after Wagtail's, so it wins):
    the policy already refuses other wards' records; this also keeps their labels off the confirmation
    page's "you cannot delete" list, so guessing ids reveals nothing."""

    @classproperty
    def models(cls):
        return list(ward_scoped_models())

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        hidden = [item for item in extra["items_with_no_access"] if in_scope(self.request.user, item)]
        return objects, {**extra, "items_with_no_access": hidden}


class SiteHistoryView(LogEntriesView):
    """Wagtail's site history, without the log entries of other wards' records."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if issubclass(queryset.model, ModelLogEntry):
            from home.permissions import log_entries_in_scope

            queryset = log_entries_in_scope(queryset, self.request.user)
        return queryset


def _admin_view(view):
    return never_cache(require_admin_access(view))


# Mounted before Wagtail's admin URLs (portal/urls.py): the same paths and names resolve here.
site_history_urlpatterns = [
    path("admin/reports/site-history/", _admin_view(SiteHistoryView.as_view()), name="portal_site_history"),
    path(
        "admin/reports/site-history/results/",
        _admin_view(SiteHistoryView.as_view(results_only=True)),
        name="portal_site_history_results",
    ),
]
