"""Settings shared by every environment. Engines and secrets come from environment variables.

- DATABASE_URL        default: SQLite file db.sqlite3 in the project
- ELASTICSEARCH_URL   unset: the Vietnamese database search backend (search/backends); set: Elasticsearch 9
- OPENSEARCH_URL      set (and ELASTICSEARCH_URL unset): OpenSearch 2 (docs/search.md)
- CACHE_URL           e.g. redis://127.0.0.1:6379/1; unset: local-memory cache
- SEARCH_CACHE_SECONDS  how long search answers are cached (default 300; 0: off)
- PORTAL_DOMAIN       base host name; ward portals live at <ward-slug>.<PORTAL_DOMAIN>
- PORTAL_PORT         port used in the ward sites' host records (development: 8000)
"""

from pathlib import Path

import dj_database_url

from portal.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
PORTAL_DOMAIN = env_str("PORTAL_DOMAIN", "localhost")
PORTAL_PORT = int(env_str("PORTAL_PORT", "80"))
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [PORTAL_DOMAIN, f".{PORTAL_DOMAIN}", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps: one per content family.
    "home",
    "procedures",
    "news",
    "directory",
    "guides",
    "transparency",
    "search",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, so host names outside ALLOWED_HOSTS are refused before anything is cached.
    "home.middleware.cached_site_middleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# SQLite under concurrent writers (publishing while the portal counts views and searches; measured by
# bench/load.py): transactions take the write lock when they begin (BEGIN IMMEDIATE) and wait up to
# `timeout` seconds for it. A deferred transaction that has read and then writes while another
# connection writes fails at once with "database is locked": SQLite does not wait when waiting could
# dead-lock. Tested in tests/portal/test_sqlite_concurrency.py.
SQLITE_OPTIONS = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
CACHE_URL = env_str("CACHE_URL")
# A cache that is down or accepts connections but never answers must not hold requests: seconds to
# wait for Redis to accept a connection and to answer a command, and how long a failed cache is then
# skipped by this process (circuit breaker, portal/cache.py). Every cache use degrades to computing the
# value (IGNORE_EXCEPTIONS); the rate limiter fails open.
CACHE_SOCKET_CONNECT_TIMEOUT = float(env_str("CACHE_SOCKET_CONNECT_TIMEOUT", "0.5"))
CACHE_SOCKET_TIMEOUT = float(env_str("CACHE_SOCKET_TIMEOUT", "0.5"))
CACHE_BREAKER_SECONDS = float(env_str("CACHE_BREAKER_SECONDS", "10"))


def redis_cache(url):
    """The ``CACHES`` entry of the Redis cache at ``url`` (also used by tests/portal/test_cache_faults.py)."""
    return {
        "BACKEND": "portal.cache.BreakerRedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": CACHE_SOCKET_CONNECT_TIMEOUT,
            "SOCKET_TIMEOUT": CACHE_SOCKET_TIMEOUT,
        },
        "KEY_PREFIX": "portal",
    }


if CACHE_URL:
    CACHES = {"default": redis_cache(CACHE_URL)}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20000},  # the frame cache and renditions outgrow the default 300
        }
    }

# --- Search ---------------------------------------------------------------------------------
# Vietnamese-aware backends (search/backends, docs/search.md): by default the database backend of
# the database in use (SQLite FTS5 or PostgreSQL); Elasticsearch 9 when ELASTICSEARCH_URL is set,
# with the database backend kept up to date as the fallback during Elasticsearch outages.
# ELASTICSEARCH_ICU: "auto" (detect the analysis-icu plugin when creating the index), "true", "false".
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
# Page types under the city that ward portals search too (besides types with search_city_wide = True).
SEARCH_CITY_WIDE_PAGE_TYPES = ["procedures.ProcedurePage", "guides.GuidePage", "guides.GuideIndexPage",
                               "procedures.ProcedureIndexPage"]
# Seconds a search answer or suggestion list is kept in the cache (search/cache.py); 0 turns it off.
SEARCH_CACHE_SECONDS = int(env_str("SEARCH_CACHE_SECONDS", "300"))
if ELASTICSEARCH_URL:
    from search.es_analysis import index_settings

    _icu = env_str("ELASTICSEARCH_ICU", "auto").lower()
    _index_prefix = env_str("ELASTICSEARCH_INDEX_PREFIX", "vungtau_")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": _index_prefix,
            "TIMEOUT": int(env_str("ELASTICSEARCH_TIMEOUT", "5")),
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            "ICU": _icu if _icu == "auto" else _icu in {"1", "true", "yes", "on"},
            "INDEX_SETTINGS": index_settings(synonyms_set=f"{_index_prefix}synonyms"),
        },
        "database": {"BACKEND": "search.backends"},
    }

# --- Search statistics retention (issue 12, finding 10) ----------------------------------------
# Days search statistics are kept (the portal's per-site statistics and Wagtail's search-terms hits);
# `python manage.py purge_search_stats` (daily, next to publish_scheduled) deletes older rows.
SEARCH_STATS_RETENTION_DAYS = int(env_str("SEARCH_STATS_RETENTION_DAYS", "365"))
WAGTAILSEARCH_HITS_MAX_AGE = SEARCH_STATS_RETENTION_DAYS  # Wagtail's own searchpromotions_garbage_collect agrees

# OpenSearch (2.x; the development/CI node: `make search-node`, tools/search-node) when OPENSEARCH_URL
# is set (and ELASTICSEARCH_URL is not): the same Vietnamese analysis, synonyms written inline into
# the indices (OpenSearch has no synonyms API), the same database fallback. OPENSEARCH_ICU as above.
OPENSEARCH_URL = env_str("OPENSEARCH_URL")
if OPENSEARCH_URL and not ELASTICSEARCH_URL:
    from search.es_analysis import index_settings

    _icu = env_str("OPENSEARCH_ICU", "auto").lower()
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [OPENSEARCH_URL],
            "INDEX_PREFIX": env_str("OPENSEARCH_INDEX_PREFIX", "vungtau_"),
            "TIMEOUT": int(env_str("OPENSEARCH_TIMEOUT", "5")),
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            "ICU": _icu if _icu == "auto" else _icu in {"1", "true", "yes", "on"},
            "INDEX_SETTINGS": index_settings(synonyms=[]),
        },
        "database": {"BACKEND": "search.backends"},
    }

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Cổng thông tin điện tử thành phố Vũng Tàu"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"http://{PORTAL_DOMAIN}")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False

LOGIN_URL = "wagtailadmin_login"

# Public forms are rate-limited per client (portal/ratelimit.py). Behind reverse proxies, the number
# of proxies that append to X-Forwarded-For; 0 = use REMOTE_ADDR and ignore forwarded headers.
PORTAL_TRUSTED_PROXY_COUNT = int(env_str("PORTAL_TRUSTED_PROXY_COUNT", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- guides ---
# Feedback on guides: at most N answers per client per window (seconds); see portal/ratelimit.py.
GUIDES_FEEDBACK_RATE_LIMIT = (
    int(env_str("GUIDES_FEEDBACK_RATE_COUNT", "5")),
    int(env_str("GUIDES_FEEDBACK_RATE_WINDOW", "3600")),
)

# --- news ---
INSTALLED_APPS += ["wagtail.contrib.routable_page", "wagtail.contrib.table_block"]  # noqa: F405

# --- directory ---
# Map tiles (Leaflet is vendored under directory/static/directory/vendor/; tiles come from this server).
DIRECTORY_TILE_URL = env_str("DIRECTORY_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
DIRECTORY_TILE_ATTRIBUTION = env_str(
    "DIRECTORY_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">Những người đóng góp OpenStreetMap</a>',
)
# Bounding area of Vũng Tàu city incl. Long Sơn commune: coordinates outside it are refused.
DIRECTORY_BOUNDS = {"south": 10.30, "west": 107.04, "north": 10.50, "east": 107.27}
# Public sign-up form: at most this many posts per client (salted IP hash) per window (seconds).
DIRECTORY_SIGNUP_RATE_LIMIT = int(env_str("DIRECTORY_SIGNUP_RATE_LIMIT", "5"))
DIRECTORY_SIGNUP_RATE_WINDOW = int(env_str("DIRECTORY_SIGNUP_RATE_WINDOW", "3600"))

# --- admin protection, host handling, public-form origin (issue 12: h12-admin) -----------------
# The `portal` package is an app for its templates (lockout page) and its deploy checks (portal/checks.py).
INSTALLED_APPS += ["portal", "axes"]  # noqa: F405
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): AXES_FAILURE_LIMIT wrong passwords for one user name from one client
# lock that combination for AXES_COOLOFF_MINUTES; unlock early with `manage.py axes_reset_username <name>`
# (or `axes_reset` for everyone). The client IP is portal.ratelimit.client_ip (PORTAL_TRUSTED_PROXY_COUNT).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_MINUTES = int(env_str("AXES_COOLOFF_MINUTES", "30"))
AXES_COOLOFF_TIME = AXES_COOLOFF_MINUTES / 60  # hours (a float: axes reads it as minutes * 60)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.security.lockout_response"  # Vietnamese page (portal/lockout.html), 429
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MESSAGE = "Tài khoản tạm khóa vì đăng nhập sai quá nhiều lần. Vui lòng thử lại sau."
AXES_PERMALOCK_MESSAGE = "Tài khoản bị khóa vì đăng nhập sai quá nhiều lần. Vui lòng liên hệ quản trị viên."
# Host names that serve the admin (/admin/, its login and password reset), comma-separated; a leading
# dot matches subdomains. Empty: every host (development); production requires it (check --deploy).
ADMIN_HOSTS = env_list("ADMIN_HOSTS")
ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
MIDDLEWARE.insert(  # noqa: F405 - right after CommonMiddleware: refused before sessions or caches are touched
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware") + 1,  # noqa: F405
    "portal.security.admin_hosts_middleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # noqa: F405 - last, as django-axes requires
# Behind a TLS-terminating proxy: trust its X-Forwarded-Proto only when a proxy is declared
# (PORTAL_TRUSTED_PROXY_COUNT > 0, or SECURE_PROXY_SSL=true); production.py applies it.
SECURE_PROXY_SSL = env_bool("SECURE_PROXY_SSL", PORTAL_TRUSTED_PROXY_COUNT > 0)
# Uploaded media (/media/): served by the web server in front (nginx `location /media/`, README);
# SERVE_MEDIA=true lets Django serve them itself (small deployments). check --deploy requires one.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
MEDIA_SERVED_BY_PROXY = env_bool("MEDIA_SERVED_BY_PROXY", False)

# --- Content-Security-Policy (django-csp; docs/architecture.md, "Security headers") ---
# Public pages and page previews: scripts, styles, fonts and data only from this server; no inline
# script, no inline style, no eval. JSON for scripts travels in non-executable data blocks
# (json_script, JSON-LD). Images also from the map's tile server (DIRECTORY_TILE_URL); frames from the
# video hosts that embeds may use. The Wagtail admin's own screens get PORTAL_ADMIN_CSP_DIRECTIVES
# (inline allowed: Wagtail needs it); previews get the public policy (portal/csp.py says how).
# CSP_REPORT_ONLY=true: send Content-Security-Policy-Report-Only instead (report, block nothing).
# CSP_REPORT_URI: where browsers POST violation reports (optional).
# CSP_FRAME_SRC: comma-separated origins allowed in frames (video embeds).
from wagtail.embeds import oembed_providers  # noqa: E402

from portal.csp import source_of  # noqa: E402

MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "portal.csp.ContentSecurityPolicyMiddleware")
CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
CSP_REPORT_URI = env_str("CSP_REPORT_URI")
CSP_FRAME_SRC = env_list(
    "CSP_FRAME_SRC", ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
)
_csp_report = {"report-uri": [CSP_REPORT_URI]} if CSP_REPORT_URI else {}
_csp_media = list(filter(None, [source_of(MEDIA_URL)]))  # uploads, when MEDIA_URL is on another host
_csp_common = {
    "default-src": ["'self'"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "media-src": ["'self'", *_csp_media],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
    **_csp_report,
}
PORTAL_PUBLIC_CSP_DIRECTIVES = {
    **_csp_common,
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    # data: images cannot run script; Leaflet blanks cancelled tiles with a data: GIF.
    "img-src": ["'self'", "data:", *_csp_media, *filter(None, [source_of(DIRECTORY_TILE_URL)])],
    "frame-src": ["'self'", *CSP_FRAME_SRC],
}
PORTAL_ADMIN_CSP_DIRECTIVES = {
    **_csp_common,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_csp_media],
    "frame-src": ["'self'", *CSP_FRAME_SRC],
}
_csp_setting = {"DIRECTIVES": PORTAL_PUBLIC_CSP_DIRECTIVES}
CONTENT_SECURITY_POLICY = None if CSP_REPORT_ONLY else _csp_setting
CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp_setting if CSP_REPORT_ONLY else None
# No Gravatar avatars in the admin: editors' e-mail hashes stay here, and no third-party images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Embeds: only hosts whose oEmbed HTML is a plain iframe (scripts from other providers would be blocked).
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.vimeo, oembed_providers.youtube],
    }
]
