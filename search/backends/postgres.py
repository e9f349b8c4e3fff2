"""PostgreSQL backend with the Vietnamese text-search configuration ``vietnamese_unaccent``.

Why a subclass: the stock backend takes ``SEARCH_CONFIG`` for search but hard-wires ``simple`` for
autocomplete (accent-sensitive), stores one vector per field (so "cá" and "ca" rank alike once
unaccented) and passes query words to ``to_tsquery`` unfiltered. Here:

- ``search/migrations/0002`` enables ``unaccent`` and ``pg_trgm``, creates ``vietnamese_unaccent``
  (``simple`` + ``unaccent``, which maps đ→d), the immutable ``f_unaccent()`` and the indexes;
- title and body vectors are ``simple(text) || vietnamese_unaccent(text)``: every word indexed as
  written and folded; queries are ``as typed | folded`` so exact-diacritic matches rank higher;
- autocomplete indexes and queries with ``vietnamese_unaccent``;
- query words are tokenised (symbols dropped) before they reach ``to_tsquery``;
- ``fuzzy_search`` corrects unknown words against the titles' vocabulary, and when that finds
  nothing uses trigram word similarity on unaccented titles (GIN-indexed).
"""

from contextlib import contextmanager
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField, TrigramWordSimilarity
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import BooleanField, F, Func, Value
from django.db.models.expressions import CombinedExpression
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import (
    FUnaccent,
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import AutocompleteField
from modelsearch.query import Fuzzy, MatchAll, Not, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from portal.vietnamese import fold, nfc
from search.backends.ranked import RankedResultsMixin
from search.backends.text import (
    CorrectingFuzzySearchMixin,
    IndexTextsMixin,
    SkipEmptyQueriesMixin,
    folded_forms,
    query_terms,
)

SEARCH_CONFIG = "vietnamese_unaccent"
FUZZY_MIN_SIMILARITY = 0.5
VOCABULARY_SECONDS = 600


@contextmanager
def local_settings(using, **settings):
    """PostgreSQL settings for the queries run inside (``SET LOCAL`` in a transaction)."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        for name, value in settings.items():
            cursor.execute("SELECT set_config(%s, %s, true)", [name, str(value)])
        yield


class WordSimilar(Func):
    """``query <% text``: a part of ``text`` is trigram-similar to ``query`` (pg_trgm, GIN-indexable)."""

    arg_joiner = " <%% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class DualVectorObjectIndexer(ObjectIndexer):
    """Reads an object's search fields once and writes its index row as plain SQL: title and body
    vectors hold each word as written (``simple``) and unaccented (the stock indexer builds Django
    expressions for every value, which makes ``update_index`` several times slower)."""

    def prepare_value(self, value):
        return nfc(super().prepare_value(value))

    @cached_property
    def texts(self):
        texts = {"title": [], "body": [], "autocomplete": []}
        for search_field in self.search_fields:
            for field, weight, value in self.prepare_field(self.obj, search_field):
                value = value.strip()
                if not value:
                    continue
                if isinstance(field, AutocompleteField):
                    texts["autocomplete"].append((value, "D"))
                elif field.field_name == "title":
                    texts["title"].append((value, weight))
                else:
                    texts["body"].append((value, weight))
        return texts

    def vector_sql(self, name):
        """``(sql, params)`` of the tsvector for ``title``, ``body`` or ``autocomplete``."""
        configs = [self.autocomplete_config] if name == "autocomplete" else ["simple", self.config]
        parts, params = [], []
        for text, weight in self.texts[name]:
            for config in configs:
                parts.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
                params.extend((config, text, weight))
        return (" || ".join(parts) if parts else "''::tsvector"), params

    @cached_property
    def title_text(self):
        return " ".join(text for text, _ in self.texts["title"])

    @cached_property
    def body_text(self):
        return " ".join(text for text, _ in self.texts["body"])


def _lexeme(forms, prefix):
    lexemes = [Lexeme(form, prefix=prefix) for form in forms]
    return reduce(lambda a, b: a | b, lexemes)


class TokenisingQueryMixin:
    """PlainText queries built from tokenised words; each word matches its i/y variant too."""

    def plain_text_query(self, query, config, forms_of):
        terms = query_terms(query.query_string)
        if not terms:
            return None
        lexemes = [_lexeme(forms_of(term), prefix=False) for term in terms[:-1]]
        lexemes.append(_lexeme(forms_of(terms[-1]), prefix=self.LAST_TERM_IS_PREFIX))
        connector = (lambda a, b: a & b) if query.operator == "and" else (lambda a, b: a | b)
        return SearchQuery(reduce(connector, lexemes), search_type="raw", config=config)


class RankedSearchMixin:
    """Rank from the index entries alone, then keep the pages in scope (the stock query joins every
    page of the scope to the index and ranks every match on title and body: seconds for a common
    word over 100,000 pages). Up to ``MATCHES`` entries are chosen with the GIN indexes and the
    title length only (title matches first, concise titles first, as the service's ranking prefers),
    then ranked with ``ts_rank`` on title and body."""

    MATCHES = 1000
    VECTORS = ("title", "body")
    _match_only = False

    def uses_ranking(self):
        return self.order_by_relevance and self.fields is None and not isinstance(self.query, (MatchAll, Not, Fuzzy))

    def _queries(self, config):
        self._match_only = True
        try:
            match = self.build_tsquery(self.query, config=config)
        finally:
            self._match_only = False
        return match, self.build_tsquery(self.query, config=config)

    def _entries(self):
        return IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(self.queryset.model))

    def _vector(self, names):
        vector = F(names[0])
        for name in names[1:]:
            vector = CombinedExpression(vector, "||", F(name), output_field=SearchVectorField())
        return vector

    def _choose(self, match):
        """``[(entry id, object id)…]``: entries matching in the first vector, then in all vectors.

        Always through the GIN indexes: the planner does not count the cost of reading each row's
        out-of-line vectors, and for a common word it would rather scan the table (0.6 s instead of
        0.02 s on 100,000 pages)."""
        with local_settings(IndexEntry.objects.db, enable_seqscan="off"):
            return self._choose_entries(match)

    def _choose_entries(self, match):
        chosen = list(
            self._entries().annotate(_vector=self._vector(self.VECTORS[:1])).filter(_vector=match)
            .order_by("-title_norm", "id").values_list("id", "object_id")[: self.MATCHES]
        )
        if len(chosen) < self.MATCHES and len(self.VECTORS) > 1:
            seen = [entry_id for entry_id, _ in chosen]
            chosen += list(
                self._entries().annotate(_vector=self._vector(self.VECTORS)).filter(_vector=match)
                .exclude(id__in=seen).order_by("-title_norm", "id")
                .values_list("id", "object_id")[: self.MATCHES - len(chosen)]
            )
        return chosen

    def ranked_pks(self, config):
        """``[(pk, score)…]`` of the matching objects in the queryset, best first; ``capped`` is set
        when more matched than were ranked."""
        if getattr(self, "_ranked", None) is None:
            match, rank = self._queries(config)
            chosen = self._choose(match)
            score = SearchRank(F(self.VECTORS[0]), rank, weights=self.sql_weights) * F("title_norm")
            for name in self.VECTORS[1:]:
                score = score + SearchRank(F(name), rank, weights=self.sql_weights)
            scores = dict(IndexEntry.objects.filter(id__in=[entry_id for entry_id, _ in chosen])
                          .annotate(_score=score).values_list("id", "_score"))
            to_python = self.queryset.model._meta.pk.to_python
            by_object = {}
            for entry_id, object_id in chosen:
                by_object.setdefault(to_python(object_id), scores.get(entry_id, 0.0))
            kept = set(self.queryset.filter(pk__in=list(by_object)).values_list("pk", flat=True))
            ranked = sorted(((pk, value) for pk, value in by_object.items() if pk in kept), key=lambda r: -r[1])
            self._ranked = ranked
            self.capped = len(chosen) == self.MATCHES
        return self._ranked


class VietnamesePostgresSearchQueryCompiler(RankedSearchMixin, TokenisingQueryMixin, PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and not invert:
            folded = self.plain_text_query(query, config, folded_forms)
            if self._match_only:  # every indexed word is there folded too: the folded query decides
                return folded
            as_typed = self.plain_text_query(query, "simple", lambda term: [term])
            return as_typed | folded if as_typed is not None else None
        return super().build_tsquery_content(query, config=config, invert=invert)


class VietnamesePostgresAutocompleteQueryCompiler(RankedSearchMixin, TokenisingQueryMixin,
                                                  PostgresAutocompleteQueryCompiler):
    MATCHES = 200
    VECTORS = ("autocomplete",)

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and not invert:
            return self.plain_text_query(query, config, folded_forms)
        return super().build_tsquery_content(query, config=config, invert=invert)


class VietnamesePostgresSearchResults(RankedResultsMixin, PostgresSearchResults):
    pass


class VietnamesePostgresIndex(PostgresIndex):
    indexer_class = DualVectorObjectIndexer

    def add_items(self, model, objs):
        """The stock ``add_items`` (one upsert statement per batch) with the dual-vector indexer."""
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                sql, vector_params = indexer.vector_sql(name)
                vectors.append(sql)
                params.extend(vector_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, "  # noqa: S608
                f"title_text, body_text) (VALUES {', '.join(rows)}) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()


class VietnamesePostgresSearchBackend(CorrectingFuzzySearchMixin, IndexTextsMixin, SkipEmptyQueriesMixin,
                                      PostgresSearchBackend):
    query_compiler_class = VietnamesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = VietnamesePostgresAutocompleteQueryCompiler
    index_class = VietnamesePostgresIndex
    results_class = VietnamesePostgresSearchResults

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": SEARCH_CONFIG, **params})
        self.autocomplete_config = self.config

    def wants_near_titles(self, terms, corrected, results):
        """Trigram similarity costs a computation per candidate title (thousands for common words):
        only when the corrected query found nothing. (Skipping it for questions made of known words
        too costs the "câu hỏi" group 4–8 points of Recall@10: measured, not done.)"""
        return not results

    def vocabulary_lookup(self, first_letter, min_length, max_length):
        """The folded words of every indexed title (``title_vocabulary``)."""
        return [(word, count) for word, count in self.title_vocabulary().get(first_letter, ())
                if min_length <= len(word) <= max_length]

    def title_vocabulary(self):
        """``{first letter: [(folded word, titles holding it)…]}`` from the title vectors (``ts_stat``
        reads them all: 0.6 s for 100,000 pages), kept ``VOCABULARY_SECONDS`` in the shared cache: a
        word first published since then is not yet offered as a correction."""
        connection = connections[IndexEntry.objects.db]
        key = f"search:title-vocabulary:{connection.alias}:{connection.settings_dict['NAME']}"
        vocabulary = cache.get(key)
        if vocabulary is None:
            vocabulary = {}
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT word, ndoc FROM ts_stat('SELECT title FROM {IndexEntry._meta.db_table}')")  # noqa: S608
                for word, count in cursor.fetchall():
                    if word.isascii() and word.isalpha():
                        vocabulary.setdefault(word[0], []).append((word, count))
            cache.set(key, vocabulary, VOCABULARY_SECONDS)
        return vocabulary

    def near_title_matches(self, terms, queryset, limit):
        """Pages whose unaccented title has a part trigram-similar to the folded query (pg_trgm
        ``<%``, served by the GIN index on ``f_unaccent(title_text)``), most similar first: read from
        the index entries, then the pages in the queryset kept. Each candidate costs a similarity
        computation (a common word makes thousands of them): see ``wants_near_titles``."""
        folded = fold(" ".join(terms))
        if not folded:
            return []
        title = FUnaccent(F("title_text"))
        entries = (
            IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(queryset.model))
            .filter(WordSimilar(Value(folded), title))
            .annotate(_similarity=TrigramWordSimilarity(Value(folded), title))
            .order_by("-_similarity", "id")
            .values_list("object_id", flat=True)
        )
        with local_settings(queryset.db, **{"pg_trgm.word_similarity_threshold": FUZZY_MIN_SIMILARITY}):
            to_python = queryset.model._meta.pk.to_python
            ranked = list(dict.fromkeys(to_python(object_id) for object_id in entries[: 3 * limit]))
        objects = queryset.in_bulk(ranked)
        return [objects[pk] for pk in ranked if pk in objects][:limit]


SearchBackend = VietnamesePostgresSearchBackend
