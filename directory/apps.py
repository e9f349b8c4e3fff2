from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Thanh toán không dùng tiền mặt"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.models import Group
        from django.db.models.signals import post_migrate, post_save

        from directory import permissions

        post_save.connect(permissions.on_group_saved, sender=Group, dispatch_uid="directory-group-permissions")
        post_migrate.connect(permissions.grant_all_unit_groups, sender=self, dispatch_uid="directory-grant-existing")
