"""Who may manage what in the guides app, derived from the units' editor and approver groups.

- Every unit group (city and wards): add / change / delete its community digital team and help sessions.
  Ward groups only see and edit their own ward's records (``ward_scoped``); city groups see all wards.
- City groups also keep the topic and audience taxonomy, and read the guide feedback report.

Groups are created by ``home.portal_tree``; ``grant_unit_group_permissions`` runs when a unit group is
created (a ``post_save`` signal, see ``apps.py``) and again from the bootstrap hook for existing groups.
"""

from django.contrib.auth.models import Group, Permission

from home.models import CityHomePage
from home.permissions import APPROVER_PREFIX, EDITOR_PREFIX, wards_for_user

WARD_CODENAMES = [
    f"{action}_{model}" for model in ("communitydigitalteam", "helpsession") for action in ("add", "change", "delete")
]
CITY_CODENAMES = WARD_CODENAMES + [
    f"{action}_{model}" for model in ("guidetopic", "guideaudience") for action in ("add", "change", "delete")
] + ["view_guidefeedback"]


def unit_title(group_name):
    for prefix in (EDITOR_PREFIX, APPROVER_PREFIX):
        if group_name.startswith(prefix):
            return group_name[len(prefix):]
    return None


def grant_unit_group_permissions(group):
    """Give a unit group (editor or approver of the city or a ward) its guides permissions. Idempotent."""
    title = unit_title(group.name)
    if title is None:
        return
    is_city = CityHomePage.objects.filter(title=title).exists()
    codenames = CITY_CODENAMES if is_city else WARD_CODENAMES
    group.permissions.add(*Permission.objects.filter(content_type__app_label="guides", codename__in=codenames))


def grant_all_unit_groups():
    for group in Group.objects.filter(name__startswith=EDITOR_PREFIX) | Group.objects.filter(
        name__startswith=APPROVER_PREFIX
    ):
        grant_unit_group_permissions(group)


def ward_scoped(queryset, user):
    """Records of the wards the user acts for (all wards for city users and superusers)."""
    return queryset.filter(ward__in=wards_for_user(user))
