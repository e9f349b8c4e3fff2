"""The group ↔ unit link (``home.UnitGroup``), and links for the groups that already exist.

Existing editor/approver groups are linked once, here, by the name they were created with
("Biên tập viên – <unit>", "Lãnh đạo duyệt – <unit>") against the Vietnamese city and ward home pages'
titles as they are at migration time. From then on scope follows the link, never a title.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


PREFIXES = {"Biên tập viên – ": "editor", "Lãnh đạo duyệt – ": "approver"}


def link_existing_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    UnitGroup = apps.get_model("home", "UnitGroup")
    units = {}
    for model_name in ("CityHomePage", "WardHomePage"):
        model = apps.get_model("home", model_name)
        for page in model.objects.filter(locale__language_code="vi").order_by("pk"):
            units.setdefault(page.title, page.pk)
    for group in Group.objects.all():
        for prefix, role in PREFIXES.items():
            unit_id = units.get(group.name[len(prefix) :]) if group.name.startswith(prefix) else None
            if unit_id and not UnitGroup.objects.filter(unit_id=unit_id, role=role).exists():
                UnitGroup.objects.get_or_create(group_id=group.pk, defaults={"unit_id": unit_id, "role": role})


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('home', '0002_page_depth_path_index'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='UnitGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('editor', 'Biên tập viên'), ('approver', 'Lãnh đạo duyệt')], max_length=10, verbose_name='Vai trò')),
                ('group', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='unit_link', to='auth.group', verbose_name='Nhóm')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='unit_groups', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Đơn vị (trang chủ thành phố hoặc phường, xã)')),
            ],
            options={
                'verbose_name': 'Nhóm của đơn vị',
                'verbose_name_plural': 'Nhóm của đơn vị',
                'constraints': [models.UniqueConstraint(fields=('unit', 'role'), name='home_unitgroup_one_group_per_role')],
            },
        ),
        migrations.RunPython(link_existing_groups, migrations.RunPython.noop),
    ]
