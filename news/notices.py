"""Validity of notices (thông báo): which are current, which expired, which urgent banners to show.

Everything is decided against ``timezone.now()`` when a page is rendered, so an expired notice leaves
the home pages, the banners and the listings of current notices the second it expires, with no
editor action and no scheduled job. A notice is valid on ``[valid_from, valid_until)``: at
``valid_until`` itself it is already expired.
"""

from django.db.models import Q
from django.utils import timezone

CITY_UNIT_CODE = ""


def is_notice_q():
    return Q(valid_from__isnull=False)


def current_q(now=None):
    now = now or timezone.now()
    return Q(valid_from__isnull=False, valid_from__lte=now) & (Q(valid_until__isnull=True) | Q(valid_until__gt=now))


def expired_q(now=None):
    return Q(valid_until__lte=now or timezone.now())


def notice_state(valid_from, valid_until, now=None):
    """``None`` (not a notice), ``"upcoming"``, ``"current"`` or ``"expired"``."""
    if valid_from is None:
        return None
    now = now or timezone.now()
    if valid_until is not None and valid_until <= now:
        return "expired"
    return "current" if valid_from <= now else "upcoming"


def validity_errors(valid_from, valid_until, is_urgent):
    """Field errors (Vietnamese) for an inconsistent validity period; empty when it is fine."""
    errors = {}
    if valid_until is not None and valid_from is None:
        errors["valid_from"] = "Cần nhập thời điểm bắt đầu hiệu lực khi đã có thời điểm hết hiệu lực."
    elif valid_from is not None and valid_until is not None and valid_until <= valid_from:
        errors["valid_until"] = "Thời điểm hết hiệu lực phải sau thời điểm bắt đầu hiệu lực."
    if is_urgent and valid_from is None:
        errors["is_urgent"] = "Thông báo khẩn cần có thời điểm bắt đầu hiệu lực (thời gian hiển thị băng rôn)."
    return errors


def urgent_notices(unit_code, language_code="vi", now=None):
    """Current urgent notices to show as a banner on a portal page.

    ``unit_code`` is the GSO code of the page's ward (``""`` on city pages): the ward's own urgent
    notices and the city's show. On a non-Vietnamese page, a notice's translation is shown when it
    exists, otherwise the Vietnamese notice marked ``untranslated`` (a storm warning matters more than
    the language). At most two queries.
    """
    from news.models import NewsPage

    codes = {CITY_UNIT_CODE, unit_code or CITY_UNIT_CODE}
    notices = list(
        NewsPage.objects.live()
        .filter(current_q(now), is_urgent=True, unit_code__in=codes, locale__language_code="vi", alias_of__isnull=True)
        .order_by("unit_code", "-valid_from", "-pk")
        .only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "unit_code",
            "valid_from",
            "valid_until",
            "translation_key",
            "locale_id",
        )
    )
    for notice in notices:
        notice.untranslated = False
    if language_code == "vi" or not notices:
        return notices
    translated = {
        page.translation_key: page
        for page in NewsPage.objects.live()
        .filter(translation_key__in=[n.translation_key for n in notices], locale__language_code=language_code)
        .filter(alias_of__isnull=True)
        .only("id", "title", "url_path", "path", "depth", "unit_code", "valid_from", "valid_until", "translation_key")
    }
    shown = []
    for notice in notices:
        translation = translated.get(notice.translation_key)
        if translation is not None:
            translation.untranslated = False
            shown.append(translation)
        else:
            notice.untranslated = True
            shown.append(notice)
    return shown
