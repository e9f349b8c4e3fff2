"""Spelling help for citizen queries (pure functions, no database).

- ``correct_words``: replace words the index does not know by the closest known word
  (Damerau–Levenshtein on folded words), e.g. "ket hong" → "ket hon".
- ``restore_diacritics``: the query written the way the matching documents write it, e.g.
  "dang ky ket hon" → "đăng ký kết hôn", for "Có phải bạn muốn tìm …?".
"""

from collections import Counter, defaultdict

from portal.vietnamese import fold, words

MIN_CORRECTABLE_LENGTH = 3
# A known word is still taken for a typo when a word one edit away is this many times more frequent
# ("khia" — as in "khía cạnh" — typed for "khai").
RARE_RATIO = 20
# ... and only when the known word itself is rare: in at most this many documents (at 100,000 news
# pages "dang" is in 532 titles and "dan" in 19,558, and "dang" is no typo).
RARE_MAX_DOCUMENTS = 10


def damerau_levenshtein(a, b):
    """Edit distance counting insertions, deletions, substitutions and adjacent transpositions."""
    if a == b:
        return 0
    previous_previous, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[-1]


def max_edits(word):
    """Edits tolerated in a word: 1 up to 5 letters, 2 beyond."""
    return 1 if len(word) <= 5 else 2


def damerau_distance_one(word, candidates):
    """Whether some candidate is exactly one edit from ``word``."""
    return any(damerau_levenshtein(word, candidate) == 1 for candidate, _ in candidates)


def closest_word(word, candidates):
    """The candidate (``(word, frequency)`` pairs) nearest to ``word`` within ``max_edits``; on ties
    a word that ``word`` begins (an unfinished word: "sin" → "sinh" rather than "son"), then the more
    frequent one; ``None`` when nothing is near enough."""
    limit = max_edits(word)
    best = None
    for candidate, frequency in candidates:
        if abs(len(candidate) - len(word)) > limit:
            continue
        distance = damerau_levenshtein(word, candidate)
        rank = (distance, not candidate.startswith(word), -frequency)
        if distance <= limit and (best is None or rank < best[0]):
            best = (rank, candidate)
    return best[1] if best else None


def correct_words(terms, lookup):
    """Correct each folded term the vocabulary does not know, or knows as a much rarer neighbour of
    a frequent word; ``None`` when nothing changed.

    ``lookup(first_letter, min_length, max_length)`` returns the vocabulary's folded words with
    their document frequency. Codes, numbers and words shorter than 3 letters stay as typed.
    """
    corrected, changed = [], False
    for term in terms:
        folded = fold(term)
        if len(folded) < MIN_CORRECTABLE_LENGTH or not folded[0].isalpha() or any(c.isdigit() for c in folded):
            corrected.append(term)
            continue
        limit = max_edits(folded)
        candidates = lookup(folded[0], len(folded) - limit, len(folded) + limit)
        known = next((frequency for word, frequency in candidates if word == folded), 0)
        if known > RARE_MAX_DOCUMENTS:
            corrected.append(term)
            continue
        if known:
            frequent = [(w, f) for w, f in candidates if f >= RARE_RATIO * known and abs(len(w) - len(folded)) <= 1]
            one_edit = frequent and damerau_distance_one(folded, frequent)
            replacement = closest_word(folded, frequent) if one_edit else None
            corrected.append(replacement or term)
            changed = changed or replacement is not None
            continue
        replacement = closest_word(folded, candidates)
        corrected.append(replacement or term)
        changed = changed or replacement is not None
    return " ".join(corrected) if changed else None


def restore_diacritics(query, texts, fuzzy=False):
    """``query`` with each word written as the ``texts`` (titles of matching documents) write it:
    a word found as typed stays; a word found only folded takes the most frequent written form; with
    ``fuzzy``, an unknown word takes the closest written word within ``max_edits``. ``None`` when
    nothing changed or some word is not found at all (the titles do not explain the query)."""
    forms = defaultdict(Counter)
    written = set()
    for text in texts:
        for word in words(text):
            forms[fold(word)][word] += 1
            written.add(word)
    result, changed = [], False
    for term in words(query):
        if term in written:
            result.append(term)
            continue
        folded = fold(term)
        if folded in forms:
            replacement = forms[folded].most_common(1)[0][0]
        elif not fuzzy or len(folded) < MIN_CORRECTABLE_LENGTH:
            return None
        else:
            nearest = closest_word(folded, ((f, sum(c.values())) for f, c in forms.items()))
            if nearest is None:
                return None
            replacement = forms[nearest].most_common(1)[0][0]
        changed = changed or replacement != term
        result.append(replacement)
    return " ".join(result) if changed else None
