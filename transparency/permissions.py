"""Ward-scoped permissions on measurements.

Model permissions (``add/change/delete/view_measurement``) are granted to every unit's editor and
approver groups (editors: add, change, view; approvers also delete). On top of them the scope:
city users (superusers, the city's groups) act on every figure; a ward's users only on figures of
their own ward, never on the city's. The scope is enforced in the listing queryset, in the form's
choices and checks, and again on save and on every object URL (``MeasurementPermissionPolicy``).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.permission_policies import ModelPermissionPolicy

from home.permissions import APPROVER_PREFIX, EDITOR_PREFIX, is_city_user, wards_for_user

EDITOR_ACTIONS = ["add", "change", "view"]
APPROVER_ACTIONS = ["add", "change", "delete", "view"]


class Scope:
    """What one user may act on, resolved once per request."""

    def __init__(self, user):
        self.user = user
        self.city_user = bool(user.is_authenticated and is_city_user(user))
        self.wards = list(wards_for_user(user)) if user.is_authenticated else []
        self.ward_ids = {ward.pk for ward in self.wards}

    def allows(self, ward_id):
        """May this user act on a figure of ward ``ward_id`` (``None``: the city's figure)?"""
        if self.city_user:
            return True
        return ward_id is not None and ward_id in self.ward_ids

    def filter(self, queryset):
        if self.city_user:
            return queryset
        return queryset.filter(ward_id__in=self.ward_ids)


def scope_for(user):
    """The user's ``Scope``, cached on the user object for the request."""
    scope = getattr(user, "_transparency_scope", None)
    if scope is None:
        scope = Scope(user)
        user._transparency_scope = scope
    return scope


class MeasurementPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and scope_for(user).allows(instance.ward_id)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and scope_for(user).allows(instance.ward_id)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return scope_for(user).filter(self.model.objects.all())

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


def grant_measurement_permissions():
    """Give every unit's editor and approver groups their measurement permissions (idempotent)."""
    permissions = {
        p.codename: p
        for p in Permission.objects.filter(content_type__app_label="transparency", content_type__model="measurement")
    }
    for group in Group.objects.filter(name__startswith=EDITOR_PREFIX) | Group.objects.filter(
        name__startswith=APPROVER_PREFIX
    ):
        actions = APPROVER_ACTIONS if group.name.startswith(APPROVER_PREFIX) else EDITOR_ACTIONS
        group.permissions.add(*[permissions[f"{action}_measurement"] for action in actions])
