"""Create English translations of pages through wagtail-localize, so editors keep syncing them.

Pages made this way are real wagtail-localize translations (TranslationSource + Translation), not
detached copies: an editor can open the translation editor and "Sync translated pages" later.
"""

from wagtail.models import Locale
from wagtail_localize.models import String, StringTranslation, Translation, TranslationSource


def translate_page(page, language_code, strings):
    """Create (once) and publish the ``language_code`` translation of ``page``.

    ``strings`` maps source text to its translation; texts not in it fall back to the source
    (wagtail-localize marks them as untranslated in the editor). An existing translation is left as
    it is, so re-running never overwrites what translators did. Returns the translated page.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific

    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        english = strings.get(segment.string.data)
        if english:
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": english},
            )
    # Save as a draft, then publish a freshly loaded revision now: wagtail-localize's own publish is
    # deferred to transaction.on_commit and replays a stale tree state (numchild) of the page.
    translation.save_target(publish=False)
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish()
    return translated


def untranslated_strings(page, language_code):
    """Source strings of ``page`` that still have no translation into ``language_code``."""
    locale = Locale.objects.get(language_code=language_code)
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return []
    translated = StringTranslation.objects.filter(
        locale=locale, translation_of__segments__source=source
    ).values_list("translation_of_id", flat=True)
    return list(
        String.objects.filter(segments__source=source).exclude(id__in=translated).values_list("data", flat=True)
    )
