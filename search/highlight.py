"""Snippets and highlighting of matched words (pure functions).

A word is highlighted when its folded form equals a folded query word (or its i/y variant), so
"dang ky" highlights "Đăng ký" and "đăng kí" highlights "đăng ký". Output is HTML-escaped text with
``<mark>`` around matches.
"""

import re
from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from portal.vietnamese import fold_keep_length, nfc
from search.backends.text import folded_forms

_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
SNIPPET_LENGTH = 240
CONTEXT_BEFORE = 60


def folded_term_set(terms):
    result = set()
    for term in terms:
        result.update(folded_forms(term))
    return result


MAX_SCANNED = 20000


def _matches(text, folded_terms):
    """Spans of the words of ``text`` (its first ``MAX_SCANNED`` characters) whose folded form is a
    folded query word."""
    text = text[:MAX_SCANNED]
    folded = fold_keep_length(text)
    return [m for m in _WORD.finditer(text) if folded[m.start() : m.end()] in folded_terms]


def _render(text, spans):
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


def highlight(text, terms):
    """The whole ``text``, escaped, with matched words in ``<mark>``."""
    text = nfc(text)
    folded_terms = folded_term_set(terms)
    return _render(text, [m.span() for m in _matches(text, folded_terms)])


def plain_text(value):
    """Text of an HTML fragment (tags dropped, entities decoded), whitespace collapsed."""
    return " ".join(unescape(strip_tags(nfc(value or ""))).split())


def snippet(text, terms, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around the densest group of matches, highlighted,
    with "…" where it was cut. Falls back to the start of the text when nothing matches."""
    text = plain_text(text)
    if not text:
        return mark_safe("")
    folded_terms = folded_term_set(terms)
    matches = _matches(text, folded_terms)
    start = 0
    if matches:
        best, best_count, last = matches[0], 0, 0
        for first, match in enumerate(matches):  # the window start covering most matches
            last = max(last, first)
            while last + 1 < len(matches) and matches[last + 1].start() < match.start() + length:
                last += 1
            if last - first + 1 > best_count:
                best, best_count = match, last - first + 1
        start = max(0, best.start() - CONTEXT_BEFORE)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < best.start() else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    spans = [(m.start() - start, m.end() - start) for m in matches if m.start() >= start and m.end() <= end]
    rendered = _render(window, spans)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{rendered}{suffix}")  # noqa: S308 - rendered is escaped
