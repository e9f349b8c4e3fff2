from django.contrib.auth.models import Group

from home.permissions import is_city_user, wards_for_user
from tests.factories import UserFactory, editor_of


def test_ward_editor_reaches_only_its_ward(ward):
    editor = editor_of(ward)
    assert not is_city_user(editor)
    assert [w.pk for w in wards_for_user(editor)] == [ward.pk]


def test_ward_approver_reaches_only_its_ward(other_ward):
    approver = editor_of(other_ward, "Lãnh đạo duyệt")
    assert [w.pk for w in wards_for_user(approver)] == [other_ward.pk]


def test_city_editor_and_superuser_reach_every_ward(city, wards):
    assert is_city_user(editor_of(city))
    assert wards_for_user(editor_of(city)).count() == 17
    assert wards_for_user(UserFactory(username="root", is_superuser=True)).count() == 17


def test_user_without_groups_reaches_no_ward(db):
    assert wards_for_user(UserFactory(username="citizen")).count() == 0


def test_retitling_a_ward_home_page_moves_no_scope(ward, other_ward):
    """Issue 12, finding 7: scope followed the title; an approver retitling Phường 1 "Phường Thắng Tam"
    handed Phường 1 to Thắng Tam's editors (and took it from its own)."""
    own_editor, their_editor = editor_of(ward), editor_of(other_ward)
    original = ward.title
    ward.title = other_ward.title
    ward.save_revision().publish()
    assert [w.pk for w in wards_for_user(own_editor)] == [ward.pk]
    assert [w.pk for w in wards_for_user(their_editor)] == [other_ward.pk]
    assert Group.objects.filter(name=f"Biên tập viên – {original}").exists()  # names are left as they were


def test_retitling_the_city_home_page_keeps_the_city_groups_city_wide(city):
    city_editor = editor_of(city)
    city.title = "Thành phố Vũng Tàu (mới)"
    city.save_revision().publish()
    assert is_city_user(city_editor)
    assert wards_for_user(city_editor).count() == 17


def test_a_group_named_like_a_unit_but_not_linked_to_it_reaches_nothing(ward, city):
    impostor = UserFactory(username="mao-danh")
    impostor.groups.add(Group.objects.create(name=f"Biên tập viên – {city.title} "))
    ward.title = f"{city.title} "
    ward.save_revision().publish()
    assert not is_city_user(impostor)
    assert wards_for_user(impostor).count() == 0


def test_the_migration_links_existing_groups_to_their_units_by_the_names_they_had(city, wards):
    from importlib import import_module

    from django.apps import apps

    from home.models import UnitGroup

    expected = dict(UnitGroup.objects.values_list("group__name", "unit_id"))
    assert len(expected) == 2 * (1 + 17)
    UnitGroup.objects.all().delete()
    import_module("home.migrations.0003_unitgroup").link_existing_groups(apps, None)
    assert dict(UnitGroup.objects.values_list("group__name", "unit_id")) == expected
    assert set(UnitGroup.objects.filter(group__name__startswith="Lãnh đạo").values_list("role", flat=True)) == {
        "approver"
    }
