from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Tìm kiếm"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import cache, synonyms  # noqa: F401 (synonyms connects its signals)

        cache.connect_invalidation()
