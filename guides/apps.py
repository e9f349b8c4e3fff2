from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = "Hướng dẫn kỹ năng số"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.permissions import unit_group_linked

        unit_group_linked.connect(_grant_new_unit_group, dispatch_uid="guides-grant-unit-group")


def _grant_new_unit_group(sender, link, **kwargs):
    """A newly linked city or ward editor/approver group gets its guides permissions (guides.permissions)."""
    from guides.permissions import grant_unit_group_permissions

    grant_unit_group_permissions(link.group, link)
