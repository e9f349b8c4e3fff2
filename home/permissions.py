"""Which units (city, wards) a user may act for, derived from the editor/approver group names."""

from home.models import CityHomePage, WardHomePage

EDITOR_PREFIX = "Biên tập viên – "
APPROVER_PREFIX = "Lãnh đạo duyệt – "


def unit_titles_for_user(user):
    """Titles of the units whose editor or approver groups the user belongs to."""
    titles = set()
    for name in user.groups.values_list("name", flat=True):
        for prefix in (EDITOR_PREFIX, APPROVER_PREFIX):
            if name.startswith(prefix):
                titles.add(name[len(prefix) :])
    return titles


def is_city_user(user):
    """Superusers and members of the city's editor/approver groups act for the whole city."""
    if user.is_superuser:
        return True
    city_titles = set(CityHomePage.objects.values_list("title", flat=True))
    return bool(unit_titles_for_user(user) & city_titles)


def wards_for_user(user):
    """Vietnamese ward home pages a user may manage content for: all for city users, else their own."""
    wards = WardHomePage.objects.filter(locale__language_code="vi")
    if is_city_user(user):
        return wards
    return wards.filter(title__in=unit_titles_for_user(user))
