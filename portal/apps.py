from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package as an app: its templates (the admin lockout page) and its deploy checks."""

    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from portal import checks  # noqa: F401 - registers the deploy checks
