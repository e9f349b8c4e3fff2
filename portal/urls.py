"""URL configuration.

Each content app's ``urls.py`` may define ``urlpatterns`` (served once, e.g. open-data APIs) and
``i18n_urlpatterns`` (served under ``/`` in Vietnamese and ``/en/`` in English). Wagtail's page
serving comes last inside ``i18n_patterns`` so that ``/en/...`` resolves the English tree.
"""

from importlib import import_module

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.admin_scope import site_history_urlpatterns

CONTENT_APPS = ["home", "procedures", "news", "directory", "guides", "transparency", "search"]

urlpatterns = [
    *site_history_urlpatterns,  # Wagtail's site history, ward-scoped: same paths, resolved first
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]
localised_patterns = []
for app_label in CONTENT_APPS:
    module = import_module(f"{app_label}.urls")
    urlpatterns += getattr(module, "urlpatterns", [])
    localised_patterns += getattr(module, "i18n_urlpatterns", [])

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # Small deployments without a web server in front for /media/ (README "Uploaded media").
    from django.urls import re_path
    from django.views.static import serve

    # Documents never: they go through /documents/, where Wagtail checks private collections.
    urlpatterns += [re_path(r"^media/(?!documents/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(
    *localised_patterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
