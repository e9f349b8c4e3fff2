"""URLs of the transparency app (see portal/urls.py for how urlpatterns and i18n_urlpatterns are mounted).

Open data lives at stable, language-independent URLs; pages (dashboard, indicators, documents) are
Wagtail pages in the tree.
"""

from django.urls import path

from transparency import views

urlpatterns = [
    path("du-lieu-mo/minh-bach/<slug:dataset>.<str:fmt>", views.open_data, name="transparency_open_data"),
]
i18n_urlpatterns = []
