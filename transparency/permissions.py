"""Permissions on measurements.

Model permissions (``add/change/delete/view_measurement``) are granted to every unit's editor and
approver groups (editors: add, change, view; approvers also delete). The ward scope on top of them
(city users act on every figure, a ward's users only on their own ward's, never on the city's) is the
portal's one mechanism, ``home.permissions`` (``scope_for``, ``WardScopedPermissionPolicy``), declared
by ``MeasurementViewSet``; the form's choices and checks use the same ``scope_for``.
"""

from django.contrib.auth.models import Permission

from home.models import UnitGroup
from home.permissions import unit_groups

EDITOR_ACTIONS = ["add", "change", "view"]
APPROVER_ACTIONS = ["add", "change", "delete", "view"]


def grant_group_measurement_permissions(group, link):
    actions = APPROVER_ACTIONS if link.role == UnitGroup.APPROVER else EDITOR_ACTIONS
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="transparency",
            content_type__model="measurement",
            codename__in=[f"{action}_measurement" for action in actions],
        )
    )


def grant_measurement_permissions():
    """Give every unit's editor and approver groups their measurement permissions (idempotent)."""
    for group in unit_groups():
        grant_group_measurement_permissions(group, group.unit_link)


def on_unit_group_linked(sender, link, **kwargs):
    """A newly linked unit group gets its measurement permissions at once (not only at bootstrap)."""
    grant_group_measurement_permissions(link.group, link)
