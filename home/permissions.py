"""The one ward-scoping mechanism: who acts for which unit, and what that lets them reach.

- **Who**: a group acts for the unit its ``home.UnitGroup`` link names (created with the group by
  ``home.portal_tree``), never for a title: retitling a ward home page or renaming a group moves nothing.
  Superusers and the city's groups act for every ward (``Scope.city_user``).
- **What**: a model keyed to a ward is declared once with ``register_ward_scoped(Model)`` (the admin
  viewset mixin ``home.admin_scope.WardScopedViewSetMixin`` does it). That registers
  ``WardScopedPermissionPolicy`` for the model, so Wagtail's own checks (edit, delete, bulk actions, copy,
  inspect…) ask for the ward; ``scope_queryset`` narrows any queryset of a registered model, and
  ``log_entries_in_scope`` the audit log. A record without a ward (``ward = NULL``) is the city's: only
  city users reach it.
- ``unit_group_linked`` is sent when a unit group is linked; apps grant their model permissions on it.
"""

from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.dispatch import Signal
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from home.models import CityHomePage, UnitGroup, WardHomePage

EDITOR_PREFIX = "Biên tập viên – "
APPROVER_PREFIX = "Lãnh đạo duyệt – "

# Sent with ``link`` (a ``UnitGroup``) and ``is_city`` once a unit's group exists and is linked.
unit_group_linked = Signal()


# --- Who acts for which unit --------------------------------------------------------------------------


def city_unit_ids():
    return CityHomePage.objects.values("pk")


def is_city_link(link):
    return CityHomePage.objects.filter(pk=link.unit_id).exists()


def unit_links(user):
    return UnitGroup.objects.filter(group__user=user)


def is_city_user(user):
    """Superusers and members of a group linked to the city act for the whole city."""
    if user.is_superuser:
        return True
    return unit_links(user).filter(unit_id__in=city_unit_ids()).exists()


def wards_for_user(user):
    """Vietnamese ward home pages a user may manage content for: all for city users, else their own."""
    wards = WardHomePage.objects.filter(locale__language_code="vi")
    if is_city_user(user):
        return wards
    return wards.filter(pk__in=unit_links(user).values("unit_id"))


def unit_groups():
    """Every linked unit group, with its link (``group.unit_link``)."""
    from django.contrib.auth.models import Group

    return Group.objects.filter(unit_link__isnull=False).select_related("unit_link")


class Scope:
    """What one user may act on, resolved once per request (``scope_for``)."""

    def __init__(self, user):
        self.city_user = bool(user.is_authenticated and user.is_active and is_city_user(user))
        self.wards = list(wards_for_user(user)) if user.is_authenticated and user.is_active else []
        self.ward_ids = {ward.pk for ward in self.wards}

    def allows(self, ward_id):
        """May this user act on a record of ward ``ward_id`` (``None``: a record of the city)?"""
        if self.city_user:
            return True
        return ward_id is not None and ward_id in self.ward_ids

    def filter(self, queryset, ward_field="ward"):
        if self.city_user:
            return queryset
        return queryset.filter(**{f"{ward_field}_id__in": self.ward_ids})


def scope_for(user):
    """The user's ``Scope``, cached on the user object (one request)."""
    scope = getattr(user, "_ward_scope", None)
    if scope is None:
        scope = Scope(user)
        user._ward_scope = scope
    return scope


# --- Models keyed to a ward ---------------------------------------------------------------------------

_WARD_FIELDS = {}


def register_ward_scoped(model, ward_field="ward"):
    """Declare ``model`` ward-scoped by its foreign key ``ward_field`` (idempotent)."""
    if _WARD_FIELDS.get(model) == ward_field:
        return
    _WARD_FIELDS[model] = ward_field
    register_permission_policy(model, WardScopedPermissionPolicy(model, ward_field), exact_class=True)


def ward_scoped_models():
    """Every model declared through ``register_ward_scoped``, with its ward field."""
    return dict(_WARD_FIELDS)


def ward_id_of(instance):
    return getattr(instance, f"{_WARD_FIELDS.get(type(instance), 'ward')}_id")


def scope_queryset(queryset, user):
    """Only the records of ``queryset`` (a registered model) within the user's wards."""
    return scope_for(user).filter(queryset, _WARD_FIELDS.get(queryset.model, "ward"))


def in_scope(user, instance):
    return scope_for(user).allows(ward_id_of(instance))


class WardScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per instance to the wards the user acts for."""

    def __init__(self, model, ward_field="ward", **kwargs):
        super().__init__(model, **kwargs)
        self.ward_field = ward_field

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scope_for(user).filter(self.model._default_manager.all(), self.ward_field)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


def log_entries_in_scope(queryset, user):
    """Audit-log entries (``ModelLogEntry``) without those of ward-scoped records outside the user's wards.

    Entries of a record that no longer exists cannot be placed in a ward: only city users see them.
    """
    scope = scope_for(user)
    if scope.city_user:
        return queryset
    from django.contrib.contenttypes.models import ContentType

    hidden = Q()
    for model, ward_field in _WARD_FIELDS.items():
        allowed = (
            scope.filter(model._default_manager.all(), ward_field)
            .annotate(object_key=Cast("pk", output_field=CharField()))
            .values("object_key")
        )
        content_type = ContentType.objects.get_for_model(model)
        hidden |= Q(content_type=content_type) & ~Q(object_id__in=allowed)
    return queryset.exclude(hidden) if hidden else queryset
