"""URLs of the search app (see portal/urls.py for how urlpatterns and i18n_urlpatterns are mounted)."""

from django.urls import path

from search import views

urlpatterns = []
i18n_urlpatterns = [path("tim-kiem/", views.search, name="search")]
