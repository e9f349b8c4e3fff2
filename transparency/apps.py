from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "transparency"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Minh bạch – chuyển đổi số"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from home.permissions import unit_group_linked
        from transparency import cache, permissions
        from transparency.models import BaselineResult, Indicator, IndicatorGroup, Measurement

        for model in (Measurement, Indicator, IndicatorGroup, BaselineResult):
            post_save.connect(cache.bump, sender=model, dispatch_uid=f"transparency-bump-save-{model.__name__}")
            post_delete.connect(cache.bump, sender=model, dispatch_uid=f"transparency-bump-delete-{model.__name__}")
        page_published.connect(cache.bump, dispatch_uid="transparency-bump-published")
        page_unpublished.connect(cache.bump, dispatch_uid="transparency-bump-unpublished")
        unit_group_linked.connect(permissions.on_unit_group_linked, dispatch_uid="transparency-grant-unit-group")
