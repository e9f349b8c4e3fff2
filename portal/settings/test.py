from portal.env import env_str

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://localhost"

# The browser tests serve the portal from a separate process on a free port (tests/browser/conftest.py).
PORTAL_PORT = int(env_str("PORTAL_PORT", "80"))  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# --- Search (tests) ---------------------------------------------------------------------------
# Tests search the database backend whatever OPENSEARCH_URL / ELASTICSEARCH_URL say: the engine tests
# read those variables themselves and put the engine in place per test, under a fresh index prefix
# (tests/search/engine.py, fixture live_engine).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
