from portal.env import env_list

from .base import *  # noqa: F403
from .base import PORTAL_DOMAIN

DEBUG = True
PORTAL_PORT = 8000
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["*"])
WAGTAILADMIN_BASE_URL = f"http://{PORTAL_DOMAIN}:8000"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
