"""URLs of the home app (see portal/urls.py for how urlpatterns and i18n_urlpatterns are mounted)."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap  # passes the request, so each Site gets its own sitemap

from home.sitemaps import PortalSitemap

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
]
i18n_urlpatterns = []
