"""Ward-scoped permissions on merchants.

- Every unit's editor and approver groups get the add/change/delete/view permissions on merchants
  (granted when such a group is created, and to existing groups after ``migrate``); the city's
  groups also manage the list of payment methods.
- ``WardScopedPermissionPolicy``: the model permission is necessary, and for one merchant the user
  must also act for its ward (``home.permissions.wards_for_user``: city users act for every ward).
  The admin's listing, its edit/delete/history views (``directory.views_admin``) and its form
  (``directory.forms.MerchantAdminForm``) all go through it.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.permission_policies import ModelPermissionPolicy

from home.permissions import APPROVER_PREFIX, EDITOR_PREFIX, wards_for_user

MERCHANT_ACTIONS = ["add", "change", "delete", "view"]
PAYMENT_METHOD_ACTIONS = ["add", "change", "delete", "view"]


class WardScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per instance to the wards the user acts for."""

    ward_field = "ward_id"

    def _in_scope(self, user, instance):
        ward_id = getattr(instance, self.ward_field)
        return ward_id is None or wards_for_user(user).filter(pk=ward_id).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(ward__in=wards_for_user(user))


def unit_groups():
    return Group.objects.filter(name__startswith=EDITOR_PREFIX) | Group.objects.filter(name__startswith=APPROVER_PREFIX)


def _permissions(model_name, actions):
    return Permission.objects.filter(
        content_type__app_label="directory", codename__in=[f"{action}_{model_name}" for action in actions]
    )


def grant_group_permissions(group):
    """Give a unit group its directory permissions (idempotent)."""
    from home.models import CityHomePage

    if not group.name.startswith((EDITOR_PREFIX, APPROVER_PREFIX)):
        return
    group.permissions.add(*_permissions("merchant", MERCHANT_ACTIONS))
    unit = group.name.split(" – ", 1)[-1]
    if CityHomePage.objects.filter(title=unit).exists():
        group.permissions.add(*_permissions("paymentmethod", PAYMENT_METHOD_ACTIONS))


def grant_all_unit_groups(**kwargs):
    for group in unit_groups():
        grant_group_permissions(group)


def on_group_saved(sender, instance, created, **kwargs):
    if created and not kwargs.get("raw"):
        grant_group_permissions(instance)
