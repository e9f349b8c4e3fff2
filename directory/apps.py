from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Thanh toán không dùng tiền mặt"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from directory import permissions
        from home.permissions import unit_group_linked

        unit_group_linked.connect(permissions.on_unit_group_linked, dispatch_uid="directory-group-permissions")
        post_migrate.connect(permissions.grant_all_unit_groups, sender=self, dispatch_uid="directory-grant-existing")
