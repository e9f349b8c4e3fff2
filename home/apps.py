from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Trang chủ và cấu trúc cổng"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.frame import connect_invalidation

        connect_invalidation()

        from portal import besteffort, exports

        besteffort.install()  # image renditions never break a page on a read-only database

        exports.install()  # every Wagtail spreadsheet export neutralises formulas (portal/exports.py)
