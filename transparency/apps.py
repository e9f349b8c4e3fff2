from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "transparency"
    default_auto_field = "django.db.models.BigAutoField"
