"""URLs of the guides app (see portal/urls.py for how urlpatterns and i18n_urlpatterns are mounted)."""

from django.urls import path

from guides import views

urlpatterns = [
    path("gop-y-huong-dan/<int:page_id>/", views.submit_feedback, name="guides_feedback"),
]
i18n_urlpatterns = []
