"""Text preparation shared by the Vietnamese backends (pure functions)."""

from portal.vietnamese import fold, iy_variant, nfc, words


def with_folded_copy(text):
    """NFC ``text`` followed by its folded copy when folding changes anything, so an index built
    from it holds every word twice: as written ("đăng", ranks exact matches higher) and folded
    ("dang", matches queries typed without diacritics)."""
    text = nfc(text).strip()
    folded = fold(text)
    if folded == " ".join(text.lower().split()):
        return text
    return f"{text}\n{folded}"


def query_terms(query_string):
    """The searchable words of a query string (symbols dropped), NFC and lower-case."""
    return words(query_string)


def folded_forms(term):
    """The folded form of a query word and its i/y spelling variant: ``"kí"`` → ``["ki", "ky"]``."""
    folded = fold(term)
    variant = iy_variant(folded)
    return [folded, variant] if variant else [folded]


def term_forms(term):
    """Every form a query word may take in the index: as typed, folded, i/y variant, no repeats:
    ``"ký"`` → ``["ký", "ky", "ki"]``, ``"khai"`` → ``["khai"]``."""
    forms = [term]
    for form in folded_forms(term):
        if form not in forms:
            forms.append(form)
    return forms
