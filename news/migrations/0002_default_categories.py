"""The four categories the portal starts with; editors may rename them or add more (snippet)."""

from django.db import migrations

CATEGORIES = [
    ("Tin tức", "News", "tin-tuc", "news", 10),
    ("Thông báo", "Notices", "thong-bao", "notice", 20),
    ("Thông cáo báo chí", "Press releases", "thong-cao-bao-chi", "press", 30),
    ("Sự kiện", "Events", "su-kien", "event", 40),
]


def create_categories(apps, schema_editor):
    NewsCategory = apps.get_model("news", "NewsCategory")
    for name, name_en, slug, kind, order in CATEGORIES:
        NewsCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "kind": kind, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]
    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
