"""SQLite FTS5 backend that folds Vietnamese.

Why a subclass: the stock backend indexes text as written and its FTS5 table folds most accents but
never ``đ``, so "dang ky" misses "Đăng ký", and it cannot tell "cá" from "ca". Here:

- the FTS5 table is rebuilt by ``search/migrations/0002`` with ``remove_diacritics 0`` so tokens
  keep their diacritics;
- index text is the NFC text plus its folded copy (``with_folded_copy``), so every word is indexed
  as written and folded;
- every query term ``t`` becomes ``("t" OR "fold(t)")``: a document that has the word as typed
  matches both and ranks above one that matches only the folded form;
- BM25 weighs title matches above body matches (the stock query weighs all columns alike);
- ``fuzzy_search`` corrects unknown words against the index vocabulary (an ``fts5vocab`` table).
"""

from functools import reduce

from django.db import connections
from django.db.models import F
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import BM25, Lexeme, MatchExpression, SearchQueryExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from portal.vietnamese import fold, nfc, words
from search.backends.ranked import RankedResultsMixin
from search.backends.text import (
    CorrectingFuzzySearchMixin,
    IndexTextsMixin,
    SkipEmptyQueriesMixin,
    query_terms,
    term_forms,
    with_folded_copy,
    without_folded_copy,
)

FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
VOCAB_TABLE = f"{FTS_TABLE}_vocab"
# Column weights for bm25(), in the FTS table's column order: autocomplete, body, title.
BM25_WEIGHTS = (1.0, 1.0, 10.0)


def _fts_string(text):
    return '"' + text.replace('"', '""') + '"'


class FoldingLexeme(Lexeme):
    """One query word as an FTS5 expression matching its written and folded forms."""

    def as_sql(self, compiler, connection):
        star = "*" if self.prefix else ""
        forms = [_fts_string(form) + star for form in term_forms(self.value)]
        return "%s", [forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"]


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
        return f"bm25({FTS_TABLE}, {weights})", []


class FoldingObjectIndexer(ObjectIndexer):
    def prepare_value(self, value):
        return nfc(super().prepare_value(value))

    @cached_property
    def title(self):
        return with_folded_copy(ObjectIndexer.title.func(self))

    @cached_property
    def body(self):
        return with_folded_copy(ObjectIndexer.body.func(self))

    @cached_property
    def autocomplete(self):
        return with_folded_copy(ObjectIndexer.autocomplete.func(self))


class FoldingQueryMixin:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = query_terms(query.query_string)
            if not terms:
                return None
            lexemes = [FoldingLexeme(term) for term in terms[:-1]]
            lexemes.append(FoldingLexeme(terms[-1], prefix=self.LAST_TERM_IS_PREFIX))
            if query.operator.upper() == "AND":
                combined = reduce(lambda a, b: a & b, lexemes)
            else:
                combined = reduce(lambda a, b: a | b, lexemes)
            return SearchQueryExpression(combined)
        if isinstance(query, Phrase):
            phrase = " ".join(words(query.query_string))
            folded = fold(phrase)
            forms = [_fts_string(phrase)] + ([_fts_string(folded)] if folded != phrase else [])
            return SearchQueryExpression(_RawFTS("(" + " OR ".join(forms) + ")"))
        return super().build_search_query_content(query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            return WeightedBM25() * boost if boost != 1.0 else WeightedBM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)


class _RawFTS(Lexeme):
    """An already-built FTS5 expression (a phrase in its written and folded forms)."""

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class RankedSearchMixin:
    """Rank with one FTS-driven query instead of the stock correlated subquery, which re-runs the
    ``MATCH`` for every matching row (seconds for a common word over the national catalogue):
    ``ranked_pks`` reads (object id, bm25) for the best ``MAX_MATCHES`` matches, keeps those in the
    queryset, and the results class fetches one slice of them."""

    TITLE_NORM = False
    MAX_MATCHES = 1000

    def uses_ranking(self):
        return self.order_by_relevance and not isinstance(normalize(self.query), (MatchAll, Not))

    def ranked_pks(self, config):
        if getattr(self, "_ranked_pks", None) is None:
            query = normalize(self.query)
            match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
            rank = WeightedBM25()
            if self.TITLE_NORM:
                rank = rank * (F("index_entry__title_norm") + 1.0)
            rows = (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
                .annotate(score=rank)
                .order_by("score")
                .values_list("index_entry__object_id", "score")[: self.MAX_MATCHES]
            )
            scores = {}
            for object_id, score in rows:
                scores.setdefault(object_id, score)
            pk_field = self.queryset.model._meta.pk
            wanted = [pk_field.to_python(object_id) for object_id in scores]
            kept = {str(pk) for pk in self.queryset.filter(pk__in=wanted).values_list("pk", flat=True)}
            self._ranked_pks = [(pk_field.to_python(object_id), score) for object_id, score in scores.items()
                                if object_id in kept]
            self.capped = len(scores) == self.MAX_MATCHES
        return self._ranked_pks


class VietnameseSQLiteSearchResults(RankedResultsMixin, SQLiteSearchResults):
    pass


class VietnameseSQLiteSearchQueryCompiler(FoldingQueryMixin, RankedSearchMixin, SQLiteSearchQueryCompiler):
    pass


class VietnameseSQLiteAutocompleteQueryCompiler(FoldingQueryMixin, RankedSearchMixin, SQLiteAutocompleteQueryCompiler):
    TITLE_NORM = False


class VietnameseSQLiteIndex(SQLiteIndex):
    indexer_class = FoldingObjectIndexer

    def add_items(self, model, objs):
        """The stock ``add_items`` with the folding indexer (the stock one hard-codes its indexer)."""
        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = self.indexer_class(obj, self.backend)
            data[indexer.id] = {"title": indexer.title, "autocomplete": indexer.autocomplete, "body": indexer.body}
        if not data:
            return
        content_type_pk = get_content_type_pk(model)
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=list(data)).values_list("object_id", flat=True))
        for object_id in existing:
            entries.filter(object_id=object_id).update(**data[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, **values)
            for object_id, values in data.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class VietnameseSQLiteSearchBackend(CorrectingFuzzySearchMixin, IndexTextsMixin, SkipEmptyQueriesMixin,
                                    SQLiteSearchBackend):
    query_compiler_class = VietnameseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseSQLiteAutocompleteQueryCompiler
    index_class = VietnameseSQLiteIndex
    results_class = VietnameseSQLiteSearchResults

    INDEX_TEXT_COLUMN = "body"  # text + folded copy (see ``with_folded_copy``)

    def index_text(self, value):
        return without_folded_copy(value)

    def near_title_matches(self, terms, queryset, limit):
        """Titles holding any of the words, best first (what trigram similarity on titles gives
        PostgreSQL)."""
        return self.search(PlainText(" ".join(terms), operator="or"), queryset, fields=["title"])[:limit]

    @staticmethod
    def vocabulary_lookup(first_letter, min_length, max_length):
        """The ``fts5vocab`` table of every indexed word (titles and bodies)."""
        connection = connections[IndexEntry.objects.db]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT term, doc FROM {VOCAB_TABLE} WHERE term >= %s AND term < %s "  # noqa: S608
                "AND length(term) BETWEEN %s AND %s",
                [first_letter, chr(ord(first_letter) + 1), min_length, max_length],
            )
            return [(term, count) for term, count in cursor.fetchall() if term.isascii()]


SearchBackend = VietnameseSQLiteSearchBackend
