"""URLs of the procedures app (see portal/urls.py for how urlpatterns and i18n_urlpatterns are mounted)."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/procedures/", views.procedures_json, name="procedures_api"),
    path("api/procedures.csv", views.procedures_csv, name="procedures_csv"),
]
i18n_urlpatterns = []
