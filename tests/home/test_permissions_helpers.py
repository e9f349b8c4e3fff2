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
