"""Plain functions about administrative units (the city and its wards)."""

from portal.vietnamese import slugify_vi


def ward_slug(name):
    """URL slug and host label of a ward: ``"Phường Thắng Tam"`` → ``"phuong-thang-tam"``."""
    return slugify_vi(name)


def english_unit_name(unit_type, name):
    """English name of a unit: ``Phường 1`` → ``Ward 1``, ``Phường Thắng Tam`` → ``Thắng Tam Ward``,
    ``Xã Long Sơn`` → ``Long Sơn Commune``, ``Thành phố Vũng Tàu`` → ``Vũng Tàu City``."""
    english_type = {"Phường": "Ward", "Xã": "Commune", "Thành phố": "City"}[unit_type]
    bare = name[len(unit_type):].strip() if name.startswith(unit_type) else name
    return f"{english_type} {bare}" if bare.isdigit() else f"{bare} {english_type}"


def ward_for_page(page):
    """The ``WardHomePage`` a page belongs to (itself included), or ``None`` for city pages.

    Cached per frame version (home/frame.py): every page under the same ward shares the answer.
    """
    from home.frame import frame_cached
    from home.models import WardHomePage

    if page is None:
        return None
    if isinstance(page, WardHomePage):
        return page
    return frame_cached(
        "ward",
        [page.path[: 3 * page.steplen]],
        lambda: WardHomePage.objects.ancestor_of(page, inclusive=True).first(),
    )


def live_wards(language_code="vi"):
    """The live ward home pages of one language, in tree order (cached per frame version)."""
    from home.frame import frame_cached
    from home.models import WardHomePage

    return frame_cached(
        "wards",
        [language_code],
        lambda: list(WardHomePage.objects.live().filter(locale__language_code=language_code).order_by("path")),
    )


def unit_home_for_page(page, site_root):
    """The home page whose identity (header, contact block) a page shows: its ward, else the city."""
    from home.models import CityHomePage

    if isinstance(page, CityHomePage):
        return page
    return ward_for_page(page) or site_root
