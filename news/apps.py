from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Tin tức, thông báo"

    def ready(self):
        from . import signals

        signals.connect()
