"""Who may manage what in the guides app, derived from the units' linked editor and approver groups.

- Every unit group (city and wards): add / change / delete its community digital team and help sessions.
  Ward groups only see and edit their own ward's records: the portal's one ward-scoping mechanism
  (``home.permissions``), declared by the snippet viewsets in ``wagtail_hooks.py``.
- City groups also keep the topic and audience taxonomy, and read the guide feedback report.

``grant_unit_group_permissions`` runs when ``home.portal_tree`` links a unit group to its unit (the
``home.permissions.unit_group_linked`` signal, see ``apps.py``) and again from the bootstrap hook.
"""

from django.contrib.auth.models import Permission

from home.permissions import is_city_link, unit_groups

WARD_CODENAMES = [
    f"{action}_{model}" for model in ("communitydigitalteam", "helpsession") for action in ("add", "change", "delete")
]
CITY_CODENAMES = WARD_CODENAMES + [
    f"{action}_{model}" for model in ("guidetopic", "guideaudience") for action in ("add", "change", "delete")
] + ["view_guidefeedback"]


def grant_unit_group_permissions(group, link):
    """Give a unit group (editor or approver of the city or a ward) its guides permissions. Idempotent."""
    codenames = CITY_CODENAMES if is_city_link(link) else WARD_CODENAMES
    group.permissions.add(*Permission.objects.filter(content_type__app_label="guides", codename__in=codenames))


def grant_all_unit_groups():
    for group in unit_groups():
        grant_unit_group_permissions(group, group.unit_link)
