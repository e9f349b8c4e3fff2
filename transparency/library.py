"""The document library's listing: filters by type, year and issuer, full-text search, pagination.

Plain functions used by ``DocumentIndexPage.get_context``; filters come from the query string
(``?loai=quyet-dinh&nam=2021&co-quan=...&q=...``) so every filtered view has a shareable URL and
works without JavaScript. Unknown or malformed filter values are ignored, never an error.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F
from wagtail.models import Locale

TYPE_CHOICES = [
    ("ke-hoach", "Kế hoạch"),
    ("quyet-dinh", "Quyết định"),
    ("nghi-quyet", "Nghị quyết"),
    ("chuong-trinh", "Chương trình"),
    ("bao-cao", "Báo cáo"),
    ("thong-bao", "Thông báo"),
    ("cong-van", "Công văn"),
    ("khac", "Văn bản khác"),
]
TYPE_LABELS = dict(TYPE_CHOICES)
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
MAX_SEARCH_RESULTS = 500
NUMBER_HINT = re.compile(r"\d")


def number_label(doc_number):
    """How the number is shown: ``Số: 2207/QĐ-UBND`` (also ``Số: /KH-UBND`` as published)."""
    return f"Số: {doc_number}" if doc_number else ""


@dataclass(frozen=True)
class LibraryFilters:
    doc_type: str = ""
    year: int | None = None
    issuer: str = ""
    query: str = ""

    @classmethod
    def from_querydict(cls, params):
        doc_type = params.get("loai", "")
        year = params.get("nam", "").strip()
        return cls(
            doc_type=doc_type if doc_type in TYPE_LABELS else "",
            year=int(year) if year.isdigit() and 1900 <= int(year) <= 2100 else None,
            issuer=params.get("co-quan", "").strip()[:255],
            query=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH],
        )

    @property
    def active(self):
        return bool(self.doc_type or self.year or self.issuer or self.query)

    def querystring(self):
        """The active filters as a query string ending in ``&`` (for pagination links), or ``""``."""
        params = {"q": self.query, "loai": self.doc_type, "nam": self.year or "", "co-quan": self.issuer}
        active = {key: value for key, value in params.items() if value}
        return urlencode(active) + "&" if active else ""


def source_index(index_page):
    """Documents are published in Vietnamese: an English library lists its Vietnamese original's documents."""
    default = Locale.get_default()
    if index_page.locale_id == default.pk:
        return index_page
    return index_page.get_translation_or_none(default) or index_page


def documents_under(index_page):
    from transparency.models import DocumentPage

    return DocumentPage.objects.live().public().descendant_of(source_index(index_page))


def filter_documents(documents, filters):
    """Apply ``filters`` to a DocumentPage queryset; a text query turns it into a search (ranked)."""
    if filters.doc_type:
        documents = documents.filter(doc_type=filters.doc_type)
    if filters.year:
        documents = documents.filter(year=filters.year)
    if filters.issuer:
        documents = documents.filter(issuer=filters.issuer)
    if filters.query:
        found = documents.search(filters.query)
        # Full-text backends split numbers like "2207/QĐ-UBND" in their own ways: match numbers directly too.
        by_number = []
        if NUMBER_HINT.search(filters.query):
            by_number = list(documents.filter(doc_number__icontains=filters.query))
        if not by_number:
            return found
        seen = {document.pk for document in by_number}
        return by_number + [document for document in found[:MAX_SEARCH_RESULTS] if document.pk not in seen]
    return documents.order_by(F("year").desc(nulls_last=True), F("date_issued").desc(nulls_last=True), "title")


def facets(documents):
    """Values offered in the filter form: the types, years and issuers that exist."""
    rows = list(documents.order_by().values_list("doc_type", "year", "issuer").distinct())
    return {
        "types": [(value, label) for value, label in TYPE_CHOICES if any(row[0] == value for row in rows)],
        "years": sorted({row[1] for row in rows if row[1]}, reverse=True),
        "issuers": sorted({row[2] for row in rows if row[2]}),
    }


def listing_context(index_page, request):
    filters = LibraryFilters.from_querydict(request.GET)
    documents = documents_under(index_page)
    results = filter_documents(documents, filters)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("trang"))
    return {
        "filters": filters,
        "facets": facets(documents),
        "documents": page,
        "result_count": page.paginator.count,
        "type_labels": TYPE_LABELS,
        # Filtered and searched listings are not worth indexing (cfpb's rule for filterable lists).
        "noindex": filters.active or page.number > 1,
    }


def document_context(page):
    references = list(page.references.select_related("cited").order_by("sort_order"))
    cited_by = [
        reference.page
        for reference in page.cited_by.select_related("page").filter(page__live=True).order_by("page__title")
    ]
    return {
        "legal_bases": [ref.cited for ref in references if ref.relation == "can-cu" and ref.cited.live],
        "other_references": [ref.cited for ref in references if ref.relation != "can-cu" and ref.cited.live],
        "cited_by": cited_by,
    }
