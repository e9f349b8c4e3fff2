from django.apps import AppConfig
from django.db.models.signals import post_save


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = "Hướng dẫn kỹ năng số"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.models import Group

        post_save.connect(_grant_new_unit_group, sender=Group, dispatch_uid="guides-grant-unit-group")


def _grant_new_unit_group(sender, instance, created, **kwargs):
    """A new city or ward editor/approver group gets its guides permissions (see guides.permissions)."""
    if created:
        from guides.permissions import grant_unit_group_permissions

        grant_unit_group_permissions(instance)
