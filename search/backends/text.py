"""Text preparation shared by the Vietnamese backends (pure functions), and the backends' shared
behaviour: empty queries, typo correction."""

from portal.vietnamese import fold, fold_word, iy_variant, nfc, words
from search.spelling import correct_words

FOLDED_COPY_SEPARATOR = "\n\u2063\n"  # U+2063 INVISIBLE SEPARATOR: a word break for every tokenizer


def with_folded_copy(text):
    """NFC ``text`` followed by its folded copy when folding changes anything, so an index built
    from it holds every word twice: as written ("đăng", ranks exact matches higher) and folded
    ("dang", matches queries typed without diacritics)."""
    text = nfc(text).strip()
    folded = fold(text)
    if folded == " ".join(text.lower().split()):
        return text
    return f"{text}{FOLDED_COPY_SEPARATOR}{folded}"


def without_folded_copy(indexed):
    """The text as written, from a ``with_folded_copy`` value."""
    return (indexed or "").split(FOLDED_COPY_SEPARATOR, 1)[0]


def query_terms(query_string):
    """The searchable words of a query string (symbols dropped), NFC and lower-case."""
    return words(query_string)


def folded_forms(term):
    """The folded form of a query word and its i/y spelling variant: ``"kí"`` → ``["ki", "ky"]``."""
    folded = fold_word(term)
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


def has_terms(query):
    """Whether a query (a string or a Wagtail query object) holds any searchable word; queries
    made only of symbols ('"(*:)~^[]{}') find nothing instead of reaching the engine."""
    if isinstance(query, str):
        return bool(query_terms(query))
    query_string = getattr(query, "query_string", None)
    if query_string is not None:
        return bool(query_terms(query_string))
    subqueries = getattr(query, "subqueries", None)
    if subqueries is not None:
        return any(has_terms(subquery) for subquery in subqueries)
    subquery = getattr(query, "subquery", None)
    return has_terms(subquery) if subquery is not None else True


class SkipEmptyQueriesMixin:
    """Answer queries without any word with no results (the stock backends fail on them)."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        from modelsearch.backends.base import EmptySearchResults

        if not has_terms(query):
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


class CorrectingFuzzySearchMixin:
    """``fuzzy_search`` for typos and near misses: the query with unknown (or rare) words corrected
    against the index vocabulary (``vocabulary_lookup``, see ``spelling.correct_words``), searched as
    usual; then, if ``wants_near_titles``, ``near_title_matches``."""

    def fuzzy_search(self, query_string, queryset, limit=300):
        terms = query_terms(query_string)
        corrected = correct_words(terms, self.vocabulary_lookup)
        results = list(self.search(corrected, queryset)[:limit]) if corrected else []
        if terms and self.wants_near_titles(terms, corrected, results):
            seen = {obj.pk for obj in results}
            results += [obj for obj in self.near_title_matches(terms, queryset, limit) if obj.pk not in seen]
        return results[:limit], corrected

    def wants_near_titles(self, terms, corrected, results):
        """Whether to add ``near_title_matches`` (always, unless a backend finds them costly)."""
        return True

    def vocabulary_lookup(self, first_letter, min_length, max_length):
        """Folded index words starting with ``first_letter`` whose length is in the range, with the
        number of documents holding each: ``[(word, count)…]``."""
        raise NotImplementedError

    def near_title_matches(self, terms, queryset, limit):
        """Objects whose titles hold most of the (folded) ``terms``, best first."""
        raise NotImplementedError


class IndexTextsMixin:
    """``index_texts(model, pks)`` → ``{pk: text}``: the indexed text (other than the title) of objects,
    as written, for snippets without loading the objects' fields. ``INDEX_TEXT_COLUMN`` names the
    index column that holds it; ``index_text(value)`` turns a stored value into the text."""

    INDEX_TEXT_COLUMN = "body_text"

    def index_text(self, value):
        return value

    def index_texts(self, model, pks):
        from modelsearch.conf import get_app_config
        from modelsearch.utils import get_descendants_content_types_pks

        index_entry = get_app_config().get_model("IndexEntry")  # Wagtail's, whichever app label it has
        rows = index_entry.objects.filter(
            content_type__in=get_descendants_content_types_pks(model), object_id__in=[str(pk) for pk in pks]
        ).values_list("object_id", self.INDEX_TEXT_COLUMN)
        to_python = model._meta.pk.to_python
        return {to_python(object_id): self.index_text(value) for object_id, value in rows}
