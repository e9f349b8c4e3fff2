"""URLs of the search app (see portal/urls.py for how urlpatterns and i18n_urlpatterns are mounted).

The page is ``/tim-kiem/`` in Vietnamese and ``/en/search/`` in English (one URL name, ``search``,
whose route follows the active language); the JSON API ``/api/search`` is served once per host.
"""

from django.urls import path
from django.utils.functional import lazy
from django.utils.translation import get_language

from search import views

ROUTES = {"vi": "tim-kiem/", "en": "search/"}


def _search_route():
    return ROUTES.get((get_language() or "vi")[:2], ROUTES["vi"])


urlpatterns = [path("api/search", views.search_api, name="search_api")]
i18n_urlpatterns = [path(lazy(_search_route, str)(), views.search_page, name="search")]
