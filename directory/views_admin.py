"""Admin views of merchants, limited to the wards the user acts for (see ``directory.permissions``)."""

from django.core.exceptions import PermissionDenied
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views


class WardScopedObjectMixin:
    """Refuse (403) an object outside the user's wards, whatever view loads it."""

    scope_actions = ["change", "delete", "view"]

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = policy_registry.get_by_type(type(obj))
        if not policy.user_has_any_permission_for_instance(self.request.user, self.scope_actions, obj):
            raise PermissionDenied
        return obj


class MerchantEditView(WardScopedObjectMixin, snippet_views.EditView):
    pass


class MerchantDeleteView(WardScopedObjectMixin, snippet_views.DeleteView):
    scope_actions = ["delete"]


class MerchantCopyView(WardScopedObjectMixin, snippet_views.CopyView):
    pass


class MerchantUsageView(WardScopedObjectMixin, snippet_views.UsageView):
    pass


class MerchantHistoryView(WardScopedObjectMixin, snippet_views.HistoryView):
    pass


class MerchantInspectView(WardScopedObjectMixin, snippet_views.InspectView):
    pass
