"""Rich-text sanitising: whatever HTML reaches a news body (pasted, imported, sent through the API),
only the editor's allowed formatting survives; scripts and their contents never reach a citizen."""

from bs4 import BeautifulSoup

# Elements removed together with their content (the whitelist would only unwrap unknown tags).
DROPPED_WITH_CONTENT = ("script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math")


def sanitize_rich_text(html, features):
    """Return ``html`` reduced to Wagtail's database rich-text format for ``features``.

    Wagtail's own link/embed forms (``<a linktype="page" id="…">``, ``<embed embedtype="image" …>``)
    are kept; every other attribute (``onclick``, ``style``…), ``javascript:`` links and unknown tags
    are removed.
    """
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    if not html:
        return ""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(DROPPED_WITH_CONTENT):
        if element.name == "embed" and element.get("embedtype"):
            continue  # Wagtail's image/media embeds are kept (the whitelist checks them)
        element.decompose()
    return EditorHTMLConverter(features=features).whitelister.clean(str(soup))
