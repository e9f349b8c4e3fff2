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

from collections import Counter
from dataclasses import dataclass, field
from math import ceil

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property
from wagtail.contrib.search_promotions.models import Query as PromotionQuery
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from portal.vietnamese import fold, slugify_vi, words
from search import fallback
from search.content import code_field, code_models, code_of, date_of, has_sector, sector_of, type_label
from search.highlight import highlight, plain_text, snippet
from search.query import backend_query, clean_query, expand_synonyms, parse_query
from search.scope import CITY_KEY
from search.spelling import restore_diacritics
from search.synonyms import active_rules

CANDIDATES = 500
PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_LENGTH = 2

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
    page: Page
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
    facets: dict = field(default_factory=dict)
    page_number: int = 1
    page_size: int = PAGE_SIZE
    backend: str = "default"
    invalid_filters: list = field(default_factory=list)

    @property
    def num_pages(self):
        return max(1, ceil(self.total / self.page_size)) if self.total else 1

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


@dataclass
class Retrieval:
    pages: list
    stage: str
    corrected: str | None
    total: int
    backend: str


def _evaluate(results, limit=CANDIDATES):
    pages = list(results[:limit])
    total = len(pages)
    if total == limit and hasattr(results, "count"):
        total = results.count()
    return pages, total


def _retrieve(parsed, queryset, backend_name=None):
    """Run the stages on one backend (with the Elasticsearch→database fallback)."""

    def run(backend):
        alternatives = [] if getattr(backend, "applies_synonyms", False) else expand_synonyms(
            parsed.terms, active_rules()
        )
        if parsed.terms:
            pages, total = _evaluate(backend.search(backend_query(parsed.terms, alternatives, "and"), queryset))
            if pages:
                return Retrieval(pages, STAGE_EXACT, None, total, "")
            fuzzy = getattr(backend, "fuzzy_search", None)
            if fuzzy:
                results, corrected = fuzzy(parsed.search_text, queryset)
                pages, total = _evaluate(results)
                if pages:
                    return Retrieval(pages, STAGE_FUZZY, corrected, total, "")
            if len(parsed.terms) > 1:
                # Any of the words typed (not of the synonyms: their common words would match anything).
                query = backend_query(parsed.terms, (), "or")
                pages, total = _evaluate(backend.search(query, queryset))
                if pages:
                    return Retrieval(pages, STAGE_PARTIAL, None, total, "")
        return Retrieval([], STAGE_EXACT, None, 0, "")

    if backend_name:
        from wagtail.search.backends import get_search_backend

        retrieval = run(get_search_backend(backend_name))
        retrieval.backend = backend_name
        return retrieval
    retrieval, used = fallback.run(run)
    retrieval.backend = used
    return retrieval


def _code_matches(code, queryset):
    """Pages in scope whose procedure code is ``code``."""
    pages = []
    for model in code_models():
        ids = model.objects.filter(**{code_field(model): code}).values("pk")
        pages.extend(queryset.filter(pk__in=ids))
    return pages


# --- Ranking -----------------------------------------------------------------------------------


def _title_score(title, parsed):
    """How well a title answers the query, 0…3.5: folded coverage, exact-diacritic coverage,
    whole phrase, share of the title the query covers."""
    terms = parsed.terms
    if not terms:
        return 0.0
    title_words = words(title)
    folded_title = [fold(word) for word in title_words]
    folded_terms = [fold(term) for term in terms]
    folded_set = set(folded_title)
    covered = sum(1 for term in folded_terms if term in folded_set)
    exact = sum(1 for term in terms if term in title_words)
    phrase = " ".join(folded_terms)
    joined_title = " ".join(folded_title)
    score = covered / len(terms) + 0.5 * exact / len(terms)
    if phrase and f" {phrase} " in f" {joined_title} ":
        score += 1.0
        if joined_title.startswith(phrase):
            score += 0.3
    if folded_title:
        score += 0.7 * sum(1 for word in folded_title if word in set(folded_terms)) / len(folded_title)
    return score


def _rank(pages, parsed, pinned=()):
    """Backend order blended with the title score; ``pinned`` pages (code matches) first."""
    pinned_ids = {page.pk for page in pinned}
    scored = []
    for position, page in enumerate(pages):
        if page.pk in pinned_ids:
            continue
        backend_score = 2.0 / (1 + position / 5)
        scored.append((backend_score + _title_score(page.title, parsed), -position, page))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return list(pinned) + [page for _, _, page in scored]


# --- Facets ------------------------------------------------------------------------------------


class CandidateInfo:
    """Facet keys of the candidate pages, loaded in a few queries."""

    def __init__(self, pages, scope):
        self.pages = pages
        self.scope = scope

    @cached_property
    def content_types(self):
        return {page.pk: ContentType.objects.get_for_id(page.content_type_id) for page in self.pages}

    def type_key(self, page):
        content_type = self.content_types[page.pk]
        return f"{content_type.app_label}.{content_type.model}"

    def ward_key(self, page):
        ward = self.scope.ward_of_path(page.path)
        return ward.gso_code if ward else CITY_KEY

    @cached_property
    def sectors(self):
        by_model = {}
        for page in self.pages:
            model = self.content_types[page.pk].model_class()
            if model is not None and has_sector(model):
                by_model.setdefault(model, []).append(page.pk)
        sectors = {}
        for model, ids in by_model.items():
            related = [f.name for f in model._meta.get_fields() if f.many_to_one and f.name in ("sector", "linh_vuc")]
            for obj in model.objects.filter(pk__in=ids).select_related(*related):
                sectors[obj.pk] = sector_of(obj)
        return sectors

    def sector_key(self, page):
        sector = self.sectors.get(page.pk, "")
        return slugify_vi(sector) if sector else ""


def _facets(info, filters):
    scope = info.scope
    types, wards, sectors = Counter(), Counter(), Counter()
    type_labels, sector_labels = {}, {}
    for page in info.pages:
        key = info.type_key(page)
        types[key] += 1
        type_labels[key] = type_label(info.content_types[page.pk].model_class() or Page)
        wards[info.ward_key(page)] += 1
        sector = info.sector_key(page)
        if sector:
            sectors[sector] += 1
            sector_labels[sector] = info.sectors[page.pk]

    def ward_label(key):
        if key == CITY_KEY:
            return scope.city.title if scope.city else ""
        return scope.ward_by_key[key].title

    return {
        "type": [FacetValue(k, type_labels[k], n, k == filters.type) for k, n in types.most_common()],
        "ward": [FacetValue(k, ward_label(k), n, k == filters.ward) for k, n in wards.most_common()],
        "sector": [FacetValue(k, sector_labels[k], n, k == filters.sector) for k, n in sectors.most_common()],
    }


def validate_filters(filters, scope):
    """Raise ``InvalidFilter`` naming the first unknown facet value."""
    if filters.type:
        app_label, _, model = filters.type.partition(".")
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        model_class = content_type.model_class() if content_type else None
        if model_class is None or not issubclass(model_class, Page):
            raise InvalidFilter("type")
    if filters.ward and filters.ward != CITY_KEY and filters.ward not in scope.ward_by_key:
        raise InvalidFilter("ward")
    if filters.sector and (filters.sector != slugify_vi(filters.sector) or len(filters.sector) > 100):
        raise InvalidFilter("sector")


def _backend_filters(queryset, filters, scope):
    """Type and ward filters as search filters (exact even when candidates are capped)."""
    if filters.type:
        app_label, _, model = filters.type.partition(".")
        queryset = queryset.filter(content_type=ContentType.objects.get_by_natural_key(app_label, model))
    if filters.ward == CITY_KEY:
        for ward in scope.wards:
            queryset = queryset.exclude(path__startswith=ward.path)
    elif filters.ward:
        queryset = queryset.filter(path__startswith=scope.ward_by_key[filters.ward].path)
    return queryset


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


def build_items(pages, scope, terms, request=None, absolute=False):
    """Result items (specific pages, URLs, snippets) for the pages of one result page."""
    if not pages:
        return []
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    parents = {p.path: p.title for p in Page.objects.filter(path__in=parent_paths).only("path", "title")}
    items = []
    for base in pages:
        page = specific.get(base.pk)
        if page is None:
            continue
        ward = scope.ward_of_path(page.path)
        parent_title = parents.get(page.path[: -Page.steplen], "")
        home_titles = {scope.city.title if scope.city else "", ward.title if ward else ""}
        summary = plain_text(getattr(page, "summary", "") or page.search_description)
        body = searchable_text(page)
        text_snippet = snippet(body, terms) if body else snippet(summary, terms)
        items.append(
            ResultItem(
                page=page,
                title=page.title,
                title_html=highlight(page.title, terms),
                url=page.get_full_url(request) if absolute else page.get_url(request),
                type_label=type_label(type(page)),
                ward_title=ward.title if ward else (scope.city.title if scope.city else ""),
                parent_title="" if parent_title in home_titles else parent_title,
                date=date_of(page),
                summary=summary,
                snippet_html=text_snippet,
                code=code_of(page),
            )
        )
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
    and reported in ``invalid_filters``; use ``validate_filters`` first to refuse them)."""
    filters = filters or Filters()
    query = clean_query(raw_query)
    outcome = SearchOutcome(query=query, page_number=max(1, page_number), page_size=page_size)
    try:
        validate_filters(filters, scope)
    except InvalidFilter as error:
        outcome.invalid_filters.append(str(error))
        filters = Filters()
    parsed = parse_query(query)
    outcome.terms = parsed.terms
    if parsed.is_empty or scope.city is None:
        return outcome

    queryset = scope.pages()
    retrieval = _retrieve(parsed, queryset, backend)
    outcome.backend, outcome.stage = retrieval.backend, retrieval.stage
    pinned = _code_matches(parsed.code, queryset) if parsed.code else []
    ranked = _rank(retrieval.pages, parsed, pinned)
    info = CandidateInfo(ranked, scope)
    outcome.facets = _facets(info, filters)

    results, total = ranked, max(retrieval.total, len(ranked))
    if filters.type or filters.ward:
        filtered = _retrieve(parsed, _backend_filters(queryset, filters, scope), backend)
        filtered_pinned = [page for page in pinned if page.pk in {p.pk for p in filtered.pages}]
        results = _rank(filtered.pages, parsed, filtered_pinned)
        total = max(filtered.total, len(results))
    if filters.sector:
        sector_info = CandidateInfo(results, scope)
        results = [page for page in results if sector_info.sector_key(page) == filters.sector]
        total = len(results)
    outcome.capped = total > len(results)
    outcome.total = total

    if outcome.page_number == 1:
        promotions = promotions_for(query, scope)
        outcome.promotions = promotions
        promoted_ids = {promotion.page_id for promotion in promotions if promotion.page_id}
        if promoted_ids:
            results = [page for page in results if page.pk not in promoted_ids]

    outcome.page_number = min(outcome.page_number, outcome.num_pages)
    start = (outcome.page_number - 1) * page_size
    shown = results[start : start + page_size]
    highlight_terms = parsed.terms + [word for alternative in expand_synonyms(parsed.terms, active_rules())
                                      for word in alternative]
    outcome.items = build_items(shown, scope, highlight_terms, request, absolute_urls)

    top_titles = [page.title for page in ranked[:10]]
    if retrieval.stage == STAGE_FUZZY:
        outcome.corrected_query = retrieval.corrected or restore_diacritics(parsed.search_text, top_titles)
        outcome.suggestion = outcome.corrected_query
    elif retrieval.stage == STAGE_EXACT and ranked:
        outcome.suggestion = restore_diacritics(parsed.search_text, top_titles)
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
    if scope.city is None or len(" ".join(terms)) < AUTOCOMPLETE_MIN_LENGTH:
        return []
    queryset = scope.pages()

    def run(backend):
        return list(backend.autocomplete(" ".join(terms), queryset)[:limit])

    pages, _ = fallback.run(run)
    parsed = parse_query(query)
    if parsed.code:
        pinned = _code_matches(parsed.code, queryset)
        pages = pinned + [page for page in pages if page.pk not in {p.pk for p in pinned}]
    suggestions = []
    for page in pages[:limit]:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class() or Page
        url = page.get_full_url(request) if absolute_urls else page.get_url(request)
        suggestions.append(Suggestion(page.title, url, type_label(model)))
    return suggestions

