"""The fixed list of levels of government that carry out procedures."""

from django.db import migrations

LEVELS = [
    ("bo", "Cấp bộ", 10),
    ("tinh", "Cấp tỉnh", 20),
    ("huyen", "Cấp huyện", 30),
    ("xa", "Cấp xã", 40),
    ("khac", "Cơ quan khác", 50),
]


def create_levels(apps, schema_editor):
    ProcedureLevel = apps.get_model("procedures", "ProcedureLevel")
    for code, name, order in LEVELS:
        ProcedureLevel.objects.update_or_create(code=code, defaults={"name": name, "sort_order": order})


def remove_levels(apps, schema_editor):
    apps.get_model("procedures", "ProcedureLevel").objects.filter(code__in=[c for c, _, _ in LEVELS]).delete()


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]

    operations = [migrations.RunPython(create_levels, remove_levels)]
