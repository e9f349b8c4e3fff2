"""Language of a page without a query per page (the few Locale rows are cached per frame version)."""

from wagtail.models import Locale

from home.frame import frame_cached


def language_of(page):
    """``page.locale.language_code``, answered from the frame cache."""
    codes = frame_cached("locale-codes", [], lambda: dict(Locale.objects.values_list("id", "language_code")))
    return codes.get(page.locale_id) or page.locale.language_code
