"""Permissions on merchants and payment methods.

Every unit's editor and approver groups get the add/change/delete/view permissions on merchants (when
the group is linked to its unit, ``home.permissions.unit_group_linked``, and for every linked group after
``migrate``); the city's groups also manage the list of payment methods. The ward scope on merchants is
the portal's one mechanism (``home.permissions``), declared by ``MerchantViewSet``; the admin form
(``directory.forms.MerchantAdminForm``) offers and accepts only the user's wards.
"""

from django.contrib.auth.models import Permission

from home.permissions import is_city_link, unit_groups

MERCHANT_ACTIONS = ["add", "change", "delete", "view"]
PAYMENT_METHOD_ACTIONS = ["add", "change", "delete", "view"]


def _permissions(model_name, actions):
    return Permission.objects.filter(
        content_type__app_label="directory", codename__in=[f"{action}_{model_name}" for action in actions]
    )


def grant_group_permissions(group, link):
    """Give a unit group its directory permissions (idempotent)."""
    group.permissions.add(*_permissions("merchant", MERCHANT_ACTIONS))
    if is_city_link(link):
        group.permissions.add(*_permissions("paymentmethod", PAYMENT_METHOD_ACTIONS))


def grant_all_unit_groups(**kwargs):
    for group in unit_groups():
        grant_group_permissions(group, group.unit_link)


def on_unit_group_linked(sender, link, **kwargs):
    grant_group_permissions(link.group, link)
