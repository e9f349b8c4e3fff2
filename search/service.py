"""The one search pipeline behind the search page, the JSON API and the relevance evaluation.

1. ``clean_query`` / ``parse_query``: safe text, procedure code, words to search for.
2. Retrieval on the configured backend (database fallback on Elasticsearch errors), in stages:
   all words (with the editors' synonyms as alternatives) → fuzzy (typos) → any word.
3. Re-ranking of the best ``CANDIDATES``: the backend's order, plus how well the title matches
   (all words, as typed with their diacritics, the whole phrase, few other words); a page whose
   procedure code is in the query comes first.
4. Facets (type, ward, procedure sector) counted over the candidates, filters, pagination.
5. "Did you mean": the query as the matching titles write it, or the corrected query.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from math import ceil

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldError as DjangoFieldError
from django.utils.translation import get_language
from modelsearch.backends.base import FieldError
from modelsearch.query import PlainText
from wagtail.contrib.search_promotions.models import Query as PromotionQuery
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from portal.vietnamese import fold, fold_word, slugify_vi, words
from search import fallback
from search.backends.text import folded_forms
from search.cache import cached_answer
from search.content import (
    SECTOR_ATTRIBUTES,
    code_field,
    code_models,
    code_of,
    date_of,
    has_sector,
    keyword_field,
    keyword_phrases,
    sector_of,
    type_label,
)
from search.highlight import highlight, plain_text, snippet
from search.query import (
    CODE_RE,
    MAX_QUESTION_WORDS,
    MAX_TERMS,
    all_but_one_query,
    backend_query,
    clean_query,
    expand_synonyms,
    is_question_word,
    parse_query,
    question_of,
    synonym_alternatives,
)
from search.registry import registered_models
from search.scope import CITY_KEY
from search.spelling import MIN_CORRECTABLE_LENGTH, damerau_levenshtein, max_edits, restore_diacritics
from search.synonyms import active_rules

CANDIDATES = 300
PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_LENGTH = 2
OBJECT_CANDIDATES = 100
MAX_KEYWORD_PHRASES = 6
# A long question: searches for the pages holding both words of one of its pairs, and how many each.
QUESTION_PAIR_SEARCHES = 8
QUESTION_PAIR_CANDIDATES = 40
# What ranking, facets and URLs read from the candidates (the rest of a page row is not loaded).
CANDIDATE_FIELDS = ("id", "title", "path", "depth", "content_type_id", "url_path", "locale_id", "live",
                    "first_published_at", "last_published_at", "translation_key")

logger = logging.getLogger(__name__)
STAGE_EXACT, STAGE_FUZZY, STAGE_PARTIAL = "exact", "fuzzy", "partial"


class InvalidFilter(ValueError):
    """A facet value that does not exist (the page ignores it, the API answers 400)."""


@dataclass
class Filters:
    type: str = ""
    ward: str = ""
    sector: str = ""

    @property
    def active(self):
        return bool(self.type or self.ward or self.sector)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class ResultItem:
    """One result as shown (plain values: answers are cached)."""

    page_id: int | None  # None for registered non-page objects
    url_path: str  # the page's path in the tree ("" for objects)
    title: str
    title_html: str
    url: str
    type_label: str
    ward_title: str
    parent_title: str
    date: object
    summary: str
    snippet_html: str
    code: str = ""
    promoted: bool = False


@dataclass
class SearchOutcome:
    query: str = ""
    terms: list = field(default_factory=list)
    stage: str = STAGE_EXACT
    corrected_query: str | None = None  # the query the results are for, when corrected
    suggestion: str | None = None  # "Có phải bạn muốn tìm …?"
    total: int = 0
    capped: bool = False
    items: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    promotion_ids: list = field(default_factory=list)  # what is cached of the promotions
    facets: dict = field(default_factory=dict)
    page_number: int = 1
    page_size: int = PAGE_SIZE
    backend: str = "default"
    invalid_filters: list = field(default_factory=list)
    question: bool = False  # a long pasted question, ranked by how well titles name what it asks
    available: int | None = None  # candidates that can be shown (the total may count more)

    @property
    def num_pages(self):
        """Pages of results to browse: the ranked candidates (refine the query to see beyond)."""
        shown = min(self.total, self.available) if self.available is not None else self.total
        return max(1, ceil(shown / self.page_size)) if shown else 1

    @property
    def total_at_least(self):
        return getattr(self.total, "at_least", False)

    @property
    def first_number(self):
        return (self.page_number - 1) * self.page_size + 1

    @property
    def has_previous(self):
        return self.page_number > 1

    @property
    def has_next(self):
        return self.page_number < self.num_pages


# --- Retrieval ---------------------------------------------------------------------------------


@dataclass(eq=False)
class Hit:
    """A page or a registered object among the candidates."""

    key: tuple
    title: str
    type_key: str
    ward_key: str = CITY_KEY
    page: Page | None = None
    obj: object = None
    entry: object = None
    position: int = 0
    phrases: list = field(default_factory=list)  # hidden keywords, ranked like the title


@dataclass
class Retrieval:
    pages: list
    objects: list
    stage: str
    corrected: str | None
    total: int
    backend: str = ""


def _evaluate(results, limit=CANDIDATES, count=True):
    """The first ``limit`` results and the number of matches (counted only when there are more and
    ``count``: near-miss stages report what they return). The database backends count up to 1,000
    matches and then flag the count as a lower bound (``results.count_capped``)."""
    items = list(results[:limit])
    total = len(items)
    if count and total == limit and not isinstance(results, list):
        total = results.count()
        if getattr(results, "count_capped", False):
            return items, Total(total)
    return items, total


class Total(int):
    """A match count that is a lower bound ("hơn 1.000 kết quả")."""

    at_least = True


def term_sets(parsed, alternatives):
    """The query's words and each synonym alternative (what a good title would contain)."""
    return [parsed.terms, *alternatives] if parsed.terms else list(alternatives)


def _title_covers_all(title, sets):
    """Whether the title has every word of one way of asking (procedure codes aside: they are
    matched exactly, and pinned)."""
    title_words = {fold_word(word) for word in words(title)}
    return any(
        sets_ and all(CODE_RE.fullmatch(term) or set(folded_forms(term)) & title_words for term in sets_)
        for sets_ in sets
    )


def _retrieve(parsed, queryset, scope, backend_name=None, with_objects=True, question=None):
    """Pages (and registered objects) matching the query, on the default backend with the
    Elasticsearch→database fallback, or on ``backend_name``.

    Stages: every word (synonyms as alternatives); when no title has every word, pages with any word
    join in (the title ranking then finds near misses such as a mistyped word); when nothing at all
    matched, the backend's fuzzy search (typos)."""

    def run(backend):
        all_alternatives = synonym_alternatives(parsed, active_rules())
        alternatives = [] if getattr(backend, "applies_synonyms", False) else all_alternatives
        sets = term_sets(parsed, all_alternatives)
        objects = _retrieve_objects(backend, parsed, alternatives, scope) if with_objects else []
        if not parsed.terms:
            return Retrieval([], objects, STAGE_EXACT, None, 0)
        if question is not None:
            # A long question: pages with any of its words, and those holding both words of one of
            # its pairs (those asked about first: the any-word search may rank them past its limit);
            # the ranking then weighs how much of each title the question holds.
            words_ = _question_search_terms(question, parsed)
            pages = _evaluate(backend.search(backend_query(words_, (), "or"), queryset), count=False)[0]
            seen = {page.pk for page in pages}
            for pair in question.leading_pairs(QUESTION_PAIR_SEARCHES):
                for page in _evaluate(backend.search(PlainText(" ".join(pair), operator="and"), queryset),
                                      limit=QUESTION_PAIR_CANDIDATES, count=False)[0]:
                    if page.pk not in seen:
                        seen.add(page.pk)
                        pages.append(page)
            return Retrieval(pages, objects, STAGE_EXACT, None, len(pages))
        pages, total = _evaluate(backend.search(backend_query(parsed.terms, alternatives, "and"), queryset))
        fuzzy = getattr(backend, "fuzzy_search", None)
        if not any(_title_covers_all(page.title, sets) for page in pages[:50]):
            # No title has every word: a mistyped word or a question. Near misses join in: the typo
            # search, pages with all the words but one, and as a last resort pages with any word typed
            # (not of the synonyms: their common words would match anything). The ranking sorts them.
            seen = {page.pk for page in pages}
            stage = STAGE_EXACT if pages else STAGE_PARTIAL
            corrected = None
            if fuzzy:
                results, corrected = fuzzy(parsed.search_text, queryset)
                extra = [page for page in _evaluate(results, count=False)[0] if page.pk not in seen]
                if extra and not pages:
                    stage = STAGE_FUZZY
                pages += extra
                seen.update(page.pk for page in extra)
            if len(parsed.terms) > 2:
                extra = [page for page in _evaluate(backend.search(all_but_one_query(parsed.terms), queryset),
                                                    count=False)[0] if page.pk not in seen]
                pages += extra
                seen.update(page.pk for page in extra)
            if not pages and len(parsed.terms) > 1:  # last resort: any word typed
                pages = _evaluate(backend.search(backend_query(parsed.terms, (), "or"), queryset), count=False)[0]
            if pages:
                return Retrieval(pages[: 2 * CANDIDATES], objects, stage, corrected, max(total, len(pages)))
        if pages or objects:
            return Retrieval(pages, objects, STAGE_EXACT, None, total)
        return Retrieval([], objects, STAGE_EXACT, None, 0)

    if backend_name:
        from wagtail.search.backends import get_search_backend

        retrieval = run(get_search_backend(backend_name))
        retrieval.backend = backend_name
        return retrieval
    retrieval, used = fallback.run(run)
    retrieval.backend = used
    return retrieval


def _retrieve_objects(backend, parsed, alternatives, scope):
    """Registered non-page objects matching the query: ``(entry, obj)`` pairs, best first per model."""
    found = []
    if not parsed.terms:
        return found
    for entry in registered_models():
        queryset = entry.queryset(scope)
        try:
            query = backend_query(parsed.terms, alternatives, "and")
            objects = list(backend.search(query, queryset)[:OBJECT_CANDIDATES])
            if not objects and len(parsed.terms) > 1:
                query = backend_query(parsed.terms, (), "or")
                objects = list(backend.search(query, queryset)[:OBJECT_CANDIDATES])
        except (FieldError, DjangoFieldError) as error:  # a registration filtering on a non-FilterField
            logger.error("Search model %s cannot be searched: %s", entry.key, error)
            continue
        found.extend((entry, obj) for obj in objects)
    return found


def _code_matches(code, queryset):
    """Pages in scope whose procedure code is ``code``."""
    pages = []
    for model in code_models():
        ids = model.objects.filter(**{code_field(model): code}).values("pk")
        pages.extend(queryset.filter(pk__in=ids))
    return pages


def _hits(retrieval, scope, pinned=()):
    def page_hit(page, position):
        content_type = ContentType.objects.get_for_id(page.content_type_id)
        ward = scope.ward_of_path(page.path)
        return Hit(("page", page.pk), page.title, f"{content_type.app_label}.{content_type.model}",
                   ward.gso_code if ward else CITY_KEY, page=page, position=position)

    hits = [page_hit(page, position) for position, page in enumerate(retrieval.pages)]
    _add_keywords(hits)
    positions = {}
    for entry, obj in retrieval.objects:
        position = positions[entry.key] = positions.get(entry.key, -1) + 1
        ward = entry.ward(obj) if entry.ward else None
        hits.append(Hit((entry.key, obj.pk), str(obj), entry.key, ward or CITY_KEY, obj=obj, entry=entry,
                        position=position))
    return hits, [page_hit(page, 0) for page in pinned]


def _add_keywords(hits):
    """Hidden keywords of the page hits whose type has a keywords field (one query per such type)."""
    by_model = {}
    for hit in hits:
        model = ContentType.objects.get_for_id(hit.page.content_type_id).model_class()
        name = keyword_field(model) if model is not None else None
        if name:
            by_model.setdefault((model, name), {})[hit.page.pk] = hit
    for (model, name), model_hits in by_model.items():
        for pk, value in model.objects.filter(pk__in=list(model_hits)).values_list("pk", name):
            model_hits[pk].phrases = keyword_phrases(value)[:MAX_KEYWORD_PHRASES]


# --- Ranking -----------------------------------------------------------------------------------


@dataclass
class TermSet:
    """One way of asking (the query's words, or a synonym alternative), prepared for ranking."""

    terms: list
    forms: list  # per word: its folded forms (i/y variants)
    near: list = field(default_factory=list)  # per word: folded title words within typo distance
    weight: float = 1.0

    def __post_init__(self):
        self.accepted = [forms | near for forms, near in zip(self.forms, self.near, strict=True)]
        self.union = set().union(*self.accepted)


def _prepare_term_sets(sets, hits):
    """``TermSet``s, with each word's near misses among the candidates' title words (typos)."""
    vocabulary = {fold_word(word) for hit in hits for text in [hit.title, *hit.phrases] for word in words(text)}
    by_length = {}
    for word in vocabulary:
        by_length.setdefault(len(word), []).append(word)
    near_cache = {}

    def near(term):
        folded = fold_word(term)
        if folded not in near_cache:
            found = set()
            typo_candidate = not set(folded_forms(term)) & vocabulary  # no candidate title has the word
            if typo_candidate and len(folded) >= MIN_CORRECTABLE_LENGTH and not any(c.isdigit() for c in folded):
                limit = max_edits(folded)
                for length in range(len(folded) - limit, len(folded) + limit + 1):
                    for word in by_length.get(length, ()):
                        if word != folded and damerau_levenshtein(folded, word) <= limit:
                            found.add(word)
                found.update(word for word in vocabulary if word.startswith(folded) and word != folded)
            near_cache[folded] = found
        return near_cache[folded]

    return [
        TermSet(terms, [set(folded_forms(term)) for term in terms], [near(term) for term in terms],
                1.0 if i == 0 else 0.9)
        for i, terms in enumerate(sets) if terms
    ]


@lru_cache(maxsize=50000)
def _title_words(text):
    """A title's words, folded, without a leading "thủ tục" and without question words (so that
    "cấp thẻ căn cước cho người dưới 14 tuổi" reads as the query's words do), and the set of its
    words as written. Cached: the same titles come back query after query."""
    written = words(text)
    folded = [fold_word(word) for word in written if not is_question_word(word)]
    return tuple(folded[2:] if folded[:2] == ["thu", "tuc"] else folded), frozenset(written)


def _title_score(text_words, written, term_set):
    """How well a title (or a hidden keyword phrase) answers one way of asking, about 0…2.35:
    coverage of the words (a near miss counts 0.7), words with the diacritics as typed, the longest
    run of the words in the title's order (the whole phrase, first), the share of the title they cover."""
    terms = term_set.terms
    if not terms or not text_words:
        return 0.0
    title_set = set(text_words)
    if not title_set & term_set.union:
        return 0.0
    matches = term_set.accepted
    exact_cover = sum(1 for forms in term_set.forms if forms & title_set)
    near_cover = sum(1 for forms, near in zip(term_set.forms, term_set.near, strict=True)
                     if not forms & title_set and near & title_set)
    exact = sum(1 for term in terms if term in written)
    run, start = 0, -1
    previous = [0] * (len(terms) + 1)
    for position, word in enumerate(text_words):
        current = [0] * (len(terms) + 1)
        for i, accepted in enumerate(matches, 1):
            if word in accepted:
                current[i] = previous[i - 1] + 1
                if current[i] > run:
                    run, start = current[i], position - current[i] + 1
        previous = current
    all_matches = term_set.union
    score = (exact_cover + 0.7 * near_cover) / len(terms) + 0.25 * exact / len(terms) + 0.5 * run / len(terms)
    if run == len(terms) and start == 0:
        score += 0.2
    score += 0.4 * sum(1 for word in text_words if word in all_matches) / len(text_words)
    return score * term_set.weight


def _question(parsed, scope):
    """The ``Question`` a long query asks: unit names are places, not subjects; the words of the
    editors' synonyms that apply join in ("sổ đỏ" brings "giấy chứng nhận quyền sử dụng đất")."""
    places = [scope.city.title if scope.city else "", "Vũng Tàu", "Bà Rịa",
              *[ward.title.split(" ", 1)[-1] for ward in scope.wards]]
    extra = [word for alternative in expand_synonyms(parsed.words, active_rules()) for word in alternative]
    return question_of(words(parsed.text), places, extra)


def _question_search_terms(question, parsed):
    """The words a long question is searched for (any of them): its code, then its words as asked,
    places aside (bounded)."""
    return ([parsed.code] if parsed.code else []) + list(question.words[:MAX_QUESTION_WORDS])


def _question_scores(hits, question):
    """How well each hit's title (or hidden keyword phrase) names what a long question asks, about
    0…1.6: the share of the title's pairs of consecutive words that the question holds ("khai sinh",
    "hộ kinh doanh": Vietnamese names things in pairs), plus a little for each pair held, counted
    double once the question is asked ("… cho tôi hỏi làm giấy khai sinh …" over the story before)."""
    pairs = question.pairs
    scores = {}
    for hit in hits:
        best = 0.0
        for index, text in enumerate([hit.title, *hit.phrases]):
            title = _title_words(text)[0]
            if not title:
                continue
            title_pairs = list(zip(title, title[1:], strict=False))
            if title_pairs:
                share = sum(1 for pair in title_pairs if pair in pairs) / len(title_pairs)
            else:
                share = float(title[0] in question.word_set)
            held = sum(pairs.get(pair, 0) for pair in title_pairs) / 2
            best = max(best, (share + 0.1 * min(held, 6)) * (1.0 if index == 0 else 0.95))
        scores[hit.key] = best
    return scores


def _rank(hits, sets, pinned=(), question=None):
    """Title match first (best over the query and its synonym alternatives, hidden keywords a
    little lower; for a long question, how much of the title it holds), the backend's order next;
    ``pinned`` hits (code matches) on top."""
    pinned_keys = {hit.key for hit in pinned}
    if question is not None:
        scores = _question_scores([hit for hit in hits if hit.key not in pinned_keys], question)
        scored = [(3.0 * score + 0.5 / (1 + hit.position / 10), -hit.position, hit)
                  for hit in hits if (score := scores.get(hit.key)) is not None]
        scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
        return list(pinned) + [hit for _, _, hit in scored]
    term_sets_ = _prepare_term_sets(sets, hits)
    scored = []
    for hit in hits:
        if hit.key in pinned_keys:
            continue
        best = 0.0
        for index, text in enumerate([hit.title, *hit.phrases]):
            text_words, written = _title_words(text)
            factor = 1.0 if index == 0 else 0.95
            for term_set in term_sets_:
                best = max(best, factor * _title_score(text_words, written, term_set))
        scored.append((3.0 * best + 0.5 / (1 + hit.position / 10), -hit.position, hit))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return list(pinned) + [hit for _, _, hit in scored]


# --- Facets ------------------------------------------------------------------------------------


def _sector_values(model, pks):
    """``{pk: sector name}`` for pages of one type, without loading the pages: a sector foreign key
    or text field is read with ``values_list``; a ``search_sector`` property needs the objects."""
    fields = {f.name: f for f in model._meta.get_fields() if f.name in SECTOR_ATTRIBUTES and f.concrete}
    name = next((attribute for attribute in SECTOR_ATTRIBUTES if hasattr(model, attribute)), None)
    field_ = fields.get(name)
    if field_ is None:
        return {obj.pk: sector_of(obj) for obj in model.objects.filter(pk__in=pks)}
    if field_.many_to_one:
        rows = dict(model.objects.filter(pk__in=pks).values_list("pk", field_.attname))
        related = field_.related_model.objects.in_bulk({value for value in rows.values() if value is not None})
        return {pk: str(related[value]) for pk, value in rows.items() if value in related}
    return {pk: str(value) for pk, value in model.objects.filter(pk__in=pks).values_list("pk", name) if value}


def _sectors(hits):
    """Procedure sector of each hit that has one (one or two queries per page type with sectors)."""
    by_model = {}
    for hit in hits:
        if hit.page is not None:
            model = ContentType.objects.get_for_id(hit.page.content_type_id).model_class()
            if model is not None and has_sector(model):
                by_model.setdefault(model, []).append(hit)
    sectors = {}
    for model, model_hits in by_model.items():
        values = _sector_values(model, [hit.page.pk for hit in model_hits])
        for hit in model_hits:
            if values.get(hit.page.pk):
                sectors[hit.key] = values[hit.page.pk]
    for hit in hits:
        if hit.obj is not None and has_sector(type(hit.obj)):
            sectors[hit.key] = sector_of(hit.obj)
    return {key: value for key, value in sectors.items() if value}


def _type_label_of(key):
    entry = next((entry for entry in registered_models() if entry.key == key), None)
    if entry:
        return entry.label
    app_label, _, model = key.partition(".")
    return type_label(ContentType.objects.get_by_natural_key(app_label, model).model_class() or Page)


def _facets(hits, sectors, filters, scope):
    types = Counter(hit.type_key for hit in hits)
    wards = Counter(hit.ward_key for hit in hits)
    sector_counts = Counter(slugify_vi(sectors[hit.key]) for hit in hits if hit.key in sectors)
    sector_labels = {slugify_vi(label): label for label in sectors.values()}

    def ward_label(key):
        if key == CITY_KEY:
            return scope.city.title if scope.city else ""
        ward = scope.ward_by_key.get(key)
        return ward.title if ward else key

    return {
        "type": [FacetValue(k, _type_label_of(k), n, k == filters.type) for k, n in types.most_common()],
        "ward": [FacetValue(k, ward_label(k), n, k == filters.ward) for k, n in wards.most_common()],
        "sector": [FacetValue(k, sector_labels[k], n, k == filters.sector) for k, n in sector_counts.most_common()],
    }


def _page_type(key):
    app_label, _, model = key.partition(".")
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    model_class = content_type.model_class() if content_type else None
    return content_type if model_class is not None and issubclass(model_class, Page) else None


def validate_filters(filters, scope):
    """Raise ``InvalidFilter`` naming the first unknown facet value."""
    if filters.type and _page_type(filters.type) is None and filters.type not in {
        entry.key for entry in registered_models()
    }:
        raise InvalidFilter("type")
    if filters.ward and filters.ward != CITY_KEY and filters.ward not in scope.ward_by_key:
        raise InvalidFilter("ward")
    if filters.sector and (filters.sector != slugify_vi(filters.sector) or len(filters.sector) > 100):
        raise InvalidFilter("sector")


def _backend_filters(queryset, filters, scope):
    """Type and ward filters as search filters (exact even when candidates are capped)."""
    if filters.type:
        content_type = _page_type(filters.type)
        queryset = queryset.filter(content_type=content_type) if content_type else queryset.none()
    if filters.ward == CITY_KEY:
        for ward in scope.wards:
            queryset = queryset.exclude(path__startswith=ward.path)
    elif filters.ward:
        queryset = queryset.filter(path__startswith=scope.ward_by_key[filters.ward].path)
    return queryset


def _keep(hit, filters, sectors):
    return (
        (not filters.type or hit.type_key == filters.type)
        and (not filters.ward or hit.ward_key == filters.ward)
        and (not filters.sector or slugify_vi(sectors.get(hit.key, "")) == filters.sector)
    )


# --- Results -----------------------------------------------------------------------------------


def searchable_text(page):
    """The text of a page's search fields other than the title (for snippets)."""
    from modelsearch.index import SearchField

    parts = []

    def add(value):
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                add(item)
        elif isinstance(value, dict):
            for item in value.values():
                add(item)
        elif value is not None:
            parts.append(str(value))

    for search_field in page.get_search_fields():
        if isinstance(search_field, SearchField) and search_field.field_name != "title":
            add(search_field.get_value(page))
    return plain_text(" ".join(parts))


def build_items(hits, scope, terms, request=None, absolute=False, backend_name=None):
    """Result items (specific pages, URLs, snippets) for the hits of one result page. Snippets come
    from the database index when the backend keeps the text there (StreamFields are then not loaded)."""
    page_ids = [hit.page.pk for hit in hits if hit.page is not None]
    index_texts = None
    if page_ids and backend_name:
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend(backend_name)
        if hasattr(backend, "index_texts"):
            index_texts = backend.index_texts(Page, page_ids)
    specific = {}
    if page_ids:
        pages = Page.objects.filter(pk__in=page_ids).specific()
        if index_texts is not None:
            pages = pages.defer_streamfields()
        specific = {page.pk: page for page in pages}
    parent_paths = {hit.page.path[: -Page.steplen] for hit in hits if hit.page is not None}
    parents = {p.path: p.title for p in Page.objects.filter(path__in=parent_paths).only("path", "title")}
    city_title = scope.city.title if scope.city else ""
    items = []
    for hit in hits:
        ward = scope.ward_by_key.get(hit.ward_key)
        ward_title = ward.title if ward else city_title
        if hit.page is None:
            obj, entry = hit.obj, hit.entry
            summary = plain_text(entry.summary(obj) if entry.summary else "")
            items.append(ResultItem(
                page_id=None, url_path="", title=hit.title, title_html=highlight(hit.title, terms),
                url=entry.url(obj, request),
                type_label=entry.label, ward_title=ward_title, parent_title="", date=date_of(obj),
                summary=summary, snippet_html=snippet(summary, terms), code=code_of(obj),
            ))
            continue
        page = specific.get(hit.page.pk)
        if page is None:
            continue
        parent_title = parents.get(page.path[: -Page.steplen], "")
        summary = plain_text(getattr(page, "summary", "") or page.search_description)
        body = index_texts[page.pk] if index_texts and page.pk in index_texts else searchable_text(page)
        items.append(ResultItem(
            page_id=page.pk,
            url_path=page.url_path,
            title=page.title,
            title_html=highlight(page.title, terms),
            url=page.get_full_url(request) if absolute else page.get_url(request),
            type_label=type_label(type(page)),
            ward_title=ward_title,
            parent_title="" if parent_title in {city_title, ward.title if ward else ""} else parent_title,
            date=date_of(page),
            summary=summary,
            snippet_html=snippet(body, terms) if body else snippet(summary, terms),
            code=code_of(page),
        ))
    return items


def promotions_for(query, scope):
    """Editors' promoted results for the query (compared folded) that belong to this scope."""
    folded = fold(query)
    if not folded:
        return []
    query_ids = [
        query_id
        for query_id, query_string in PromotionQuery.objects.filter(editors_picks__isnull=False)
        .distinct()
        .values_list("id", "query_string")
        if fold(query_string) == folded
    ]
    promotions = []
    for promotion in SearchPromotion.objects.filter(query_id__in=query_ids).select_related("page"):
        page = promotion.page
        if page is None:
            promotions.append(promotion)
        elif page.live and scope.contains_path(page.path):
            promotions.append(promotion)
    return promotions


# --- Entry points ------------------------------------------------------------------------------


def search(scope, raw_query, filters=None, page_number=1, page_size=PAGE_SIZE, request=None, absolute_urls=False,
           backend=None):
    """Search ``scope`` for ``raw_query``; never raises on bad input (invalid filters are ignored
    and reported in ``invalid_filters``; use ``validate_filters`` first to refuse them).

    Answers are cached (``search/cache.py``), unless ``backend`` names the backend to use (the
    relevance evaluation compares backends)."""
    filters = filters or Filters()

    def compute():
        return _search(scope, raw_query, filters, page_number, page_size, request, absolute_urls, backend)

    if backend is not None or scope.site is None:
        outcome = compute()
    else:
        parts = [*scope.cache_parts, get_language(), clean_query(raw_query), filters.type, filters.ward,
                 filters.sector, page_number, page_size, absolute_urls]
        outcome = cached_answer("results", parts, compute, keep=lambda outcome: outcome.backend == "default")
    if outcome.promotion_ids:
        by_id = SearchPromotion.objects.select_related("page").in_bulk(outcome.promotion_ids)
        outcome.promotions = [by_id[pk] for pk in outcome.promotion_ids if pk in by_id]
    return outcome


def _search(scope, raw_query, filters, page_number, page_size, request, absolute_urls, backend):
    query = clean_query(raw_query)
    outcome = SearchOutcome(query=query, page_number=max(1, page_number), page_size=page_size)
    try:
        validate_filters(filters, scope)
    except InvalidFilter as error:
        outcome.invalid_filters.append(str(error))
        filters = Filters()
    parsed = parse_query(query)
    outcome.terms = parsed.terms
    outcome.question = parsed.question
    if parsed.is_empty or scope.city is None:
        return outcome

    question = _question(parsed, scope) if parsed.question else None
    queryset = scope.pages().only(*CANDIDATE_FIELDS)
    retrieval = _retrieve(parsed, queryset, scope, backend, question=question)
    outcome.backend, outcome.stage = retrieval.backend, retrieval.stage
    sets = term_sets(parsed, synonym_alternatives(parsed, active_rules()))
    pinned_pages = _code_matches(parsed.code, queryset) if parsed.code else []
    hits, pinned = _hits(retrieval, scope, pinned_pages)
    ranked = _rank(hits, sets, pinned, question)
    sectors = _sectors(ranked)
    outcome.facets = _facets(ranked, sectors, filters, scope)

    results, total = ranked, max(retrieval.total + len(retrieval.objects), len(ranked))
    if getattr(retrieval.total, "at_least", False):
        total = Total(total)
    if filters.active:
        if (filters.type or filters.ward) and retrieval.total > len(retrieval.pages):
            # More matches than candidates: filter in the backend so that none is missed.
            filtered = _retrieve(parsed, _backend_filters(queryset, filters, scope), scope, backend,
                                 question=question)
            filtered_hits, _ = _hits(filtered, scope)
            keep_keys = {hit.key for hit in filtered_hits}
            results = _rank(filtered_hits, sets, [hit for hit in pinned if hit.key in keep_keys], question)
            sectors.update(_sectors(results))
        results = [hit for hit in results if _keep(hit, filters, sectors)]
        total = len(results)
    outcome.capped = retrieval.total > len(retrieval.pages)
    outcome.total = total
    outcome.available = len(results)

    if outcome.page_number == 1:
        promotions = promotions_for(query, scope)
        outcome.promotion_ids = [promotion.pk for promotion in promotions]
        promoted = {("page", promotion.page_id) for promotion in promotions if promotion.page_id}
        results = [hit for hit in results if hit.key not in promoted]

    outcome.page_number = min(outcome.page_number, outcome.num_pages)
    start = (outcome.page_number - 1) * page_size
    highlight_terms = [term for terms in sets for term in terms]
    outcome.items = build_items(results[start : start + page_size], scope, highlight_terms, request, absolute_urls,
                                backend_name=retrieval.backend)

    if retrieval.stage == STAGE_FUZZY:
        best_title = [hit.title for hit in ranked[:1]]
        corrected = retrieval.corrected or parsed.search_text
        outcome.corrected_query = restore_diacritics(corrected, best_title, fuzzy=True) or retrieval.corrected
        outcome.suggestion = outcome.corrected_query
    elif ranked:
        top = ranked[0]
        if any(_title_covers_all(text, sets) for text in [top.title, *top.phrases]):
            # The query as the best titles write it (diacritics restored).
            outcome.suggestion = restore_diacritics(parsed.search_text, [hit.title for hit in ranked[:3]])
        else:
            # No title has every word: a mistyped word, corrected from the best title.
            outcome.suggestion = restore_diacritics(parsed.search_text, [top.title], fuzzy=True)
    return outcome


@dataclass
class Suggestion:
    title: str
    url: str
    type_label: str


def autocomplete(scope, raw_query, limit=AUTOCOMPLETE_LIMIT, request=None, absolute_urls=False):
    """Up to ``limit`` pages whose titles start with the words typed (folded), for the combobox."""
    query = clean_query(raw_query)
    terms = words(query)
    if len(terms) > MAX_TERMS:
        return []  # a pasted question is no title's beginning: nothing to suggest, no work spent
    if len(terms) > 1 and len(terms[-1]) == 1:
        terms = terms[:-1]  # a one-letter prefix matches half the index: wait for the next letter
    if scope.city is None or len(" ".join(terms)) < AUTOCOMPLETE_MIN_LENGTH:
        return []
    parts = [*scope.cache_parts, get_language(), " ".join(terms), query, limit, absolute_urls]
    suggestions, _used = cached_answer(
        "suggest", parts, lambda: _suggestions(scope, query, terms, limit, request, absolute_urls),
        keep=lambda answer: answer[1] == "default",
    )
    return suggestions


def _suggestions(scope, query, terms, limit, request, absolute_urls):
    """``(suggestions, backend name)``."""
    queryset = scope.pages().only(*CANDIDATE_FIELDS)

    def run(backend):
        return list(backend.autocomplete(" ".join(terms), queryset)[:limit])

    pages, used = fallback.run(run)
    parsed = parse_query(query)
    if parsed.code:
        pinned = _code_matches(parsed.code, queryset)
        pages = pinned + [page for page in pages if page.pk not in {p.pk for p in pinned}]
    suggestions = []
    for page in pages[:limit]:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class() or Page
        url = page.get_full_url(request) if absolute_urls else page.get_url(request)
        suggestions.append(Suggestion(page.title, url, type_label(model)))
    return suggestions, used
