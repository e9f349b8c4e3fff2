"""URLs of the directory app (see portal/urls.py for how urlpatterns and i18n_urlpatterns are mounted)."""

urlpatterns = []
i18n_urlpatterns = []
