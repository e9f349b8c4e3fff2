"""Create or update ProcedurePages from ``sources.ProcedureRecord``s, in bulk and idempotently.

Going through Wagtail's page API for every record (``add_child`` + ``save_revision`` + ``publish``)
costs dozens of queries and several signal handlers per page. For ~2,850 pages this module instead:

1. loads every existing procedure of the catalogue once and compares, per record, the fields its
   source provides with the page's values (or its pending importer draft) → create / update /
   unchanged / skip (with a reason);
2. creates pages with bulk inserts: tree paths computed from the last sibling, one base-page insert
   and one procedure-row insert per batch, the parent's ``numchild`` updated once;
3. updates changed pages with ``bulk_update``;
4. writes exactly one revision per created/changed page and a log entry for each action, sets
   ``latest_revision``/``live_revision`` as ``publish()`` would (or leaves a draft with ``draft=True``);
5. updates the search index once, in bulk, for the pages it touched.

Editor-owned fields (``ProcedurePage.EDITOR_FIELDS``, related links, form files/links attached to
documents) are never overwritten; keywords from the source only seed a new page. Pages an editor is
working on (locked, in moderation, with an editor's unpublished draft, or unpublished by an editor)
are skipped with the reason in the summary. Page-published signals are not sent for imports.
"""

import os
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState
from wagtail.search.backends import get_search_backends

from portal.vietnamese import fold, slugify_vi

from .catalogue import folded_search_text
from .models import ProcedureIndexPage, ProcedureLevel, ProcedurePage, Sector, TargetGroup
from .sources import RECORD_FIELDS, read_sources

STREAM_FIELDS = {"channels": "channel", "documents": "document", "steps": "step", "legal_basis": "legal_document"}
EDITOR_SUBFIELDS = {"form_document", "form_url"}  # of a document row; kept across imports
TEXT_FIELDS = (
    "decision_number", "procedure_type", "issuing_body", "implementing_agency", "competent_agency",
    "authorized_agency", "coordinating_agency", "receiving_address", "conditions", "result", "national_url",
)
COMPARED_FIELDS = tuple(f for f in RECORD_FIELDS if f != "keywords")  # keywords only seed new pages
SLUG_NAME_LENGTH = 80


class ImportProblem(Exception):
    """The import cannot run (e.g. no catalogue page); nothing was changed."""


@dataclass
class Change:
    record: object
    action: str  # create / update / unchanged / skip
    page: object = None
    fields: list = field(default_factory=list)
    reason: str = ""


@dataclass
class ImportSummary:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (code, reason)
    notes: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    draft: bool = False
    dry_run: bool = False
    seconds: float = 0.0

    @property
    def changed(self):
        return len(self.created) + len(self.updated)


# --- Canonical values for comparison ---------------------------------------------------------------


def _canon(value):
    """A comparable form of a block value: None/"" alike, numbers as normalised decimals."""
    if isinstance(value, dict):
        return {k: _canon(v) for k, v in sorted(value.items()) if k not in EDITOR_SUBFIELDS and k != "id"}
    if isinstance(value, (list, tuple)):
        return [_canon(v) for v in value]
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return str(Decimal(str(value)).normalize())
    if isinstance(value, str):
        text = value.strip()
        try:
            return str(Decimal(text).normalize()) if text.replace(".", "", 1).isdigit() else text
        except InvalidOperation:
            return text
    return str(value)


def _stream_values(stream_value):
    return [item["value"] for item in stream_value.raw_data] if stream_value is not None else []


def page_values(page, fields):
    """The page's current values of ``fields`` in the canonical form of ``record_values``."""
    values = {}
    for name in fields:
        if name == "name":
            values[name] = page.display_name
        elif name == "levels":
            values[name] = sorted(level.code for level in page.levels.all())
        elif name == "target_groups":
            values[name] = sorted(group.slug for group in page.target_groups.all())
        elif name == "sector":
            values[name] = page.sector.slug if page.sector_id else ""
        elif name in STREAM_FIELDS:
            values[name] = _canon(_stream_values(getattr(page, name)))
        else:
            values[name] = getattr(page, name) or ""
    return values


def record_values(record, fields):
    values = {}
    for name in fields:
        value = record.values[name]
        if name == "levels":
            values[name] = sorted(value)
        elif name == "target_groups":
            values[name] = sorted(slugify_vi(v)[:255] for v in value)
        elif name == "sector":
            values[name] = slugify_vi(value)[:255] if value else ""
        elif name in STREAM_FIELDS:
            values[name] = _canon(value)
        else:
            values[name] = value or ""
    return values


def differing_fields(page, record):
    fields = [name for name in COMPARED_FIELDS if name in record.values]
    current, wanted = page_values(page, fields), record_values(record, fields)
    return [name for name in fields if current[name] != wanted[name]]


# --- Lookups (sectors, target groups, levels) --------------------------------------------------------


class Lookups:
    """Sectors and target groups by slug (name variants such as "Việt nam"/"Việt Nam" share one)."""

    def __init__(self):
        self.levels = {level.code: level for level in ProcedureLevel.objects.all()}
        self.sectors = {sector.slug: sector for sector in Sector.objects.all()}
        self.targets = {group.slug: group for group in TargetGroup.objects.all()}

    def _get(self, table, model, name):
        slug = slugify_vi(name)[:255]
        if slug not in table:
            table[slug] = model(name=name[:255], slug=slug)
        return table[slug]

    def sector(self, name):
        return self._get(self.sectors, Sector, name) if name else None

    def target_groups(self, names):
        return [self._get(self.targets, TargetGroup, name) for name in names]

    def level_objects(self, codes):
        missing = [code for code in codes if code not in self.levels]
        if missing:
            raise ImportProblem(f"thiếu cấp thực hiện {missing} trong bảng ProcedureLevel (chạy migrate)")
        return [self.levels[code] for code in codes]

    def save_new(self):
        for model, table in ((Sector, self.sectors), (TargetGroup, self.targets)):
            new = [obj for obj in table.values() if obj.pk is None]
            if new:
                model.objects.bulk_create(new)
                saved = {obj.slug: obj for obj in model.objects.filter(slug__in=[o.slug for o in new])}
                for obj in new:
                    obj.pk = saved[obj.slug].pk


# --- Planning ------------------------------------------------------------------------------------------


def catalogue_page():
    """The Vietnamese catalogue page the procedures live under."""
    index = ProcedureIndexPage.objects.filter(locale__language_code="vi").order_by("path").first()
    if index is None:
        raise ImportProblem(
            "chưa có trang “Danh mục thủ tục hành chính” (chạy “python manage.py bootstrap_portal” trước)"
        )
    return index


def _existing_pages(index_page):
    pages = (
        ProcedurePage.objects.child_of(index_page)
        .select_related("sector", "latest_revision")
        .prefetch_related("levels", "target_groups", "related_links")
    )
    return {page.code: page for page in pages}


def _pages_in_moderation(pages):
    if not pages:
        return set()
    content_type = ContentType.objects.get_for_model(Page)
    ids = WorkflowState.objects.filter(
        base_content_type=content_type, status=WorkflowState.STATUS_IN_PROGRESS,
        object_id__in=[str(page.pk) for page in pages],
    ).values_list("object_id", flat=True)
    return {int(pk) for pk in ids}


def _skip_reason(page, in_moderation):
    if page.locked:
        return "trang đang bị khóa trong trang quản trị"
    if page.pk in in_moderation:
        return "trang đang trong quy trình duyệt"
    if page.has_unpublished_changes and page.latest_revision and page.latest_revision.user_id:
        return "có bản nháp của biên tập viên chưa xuất bản"
    if not page.live and page.first_published_at is not None:
        return "biên tập viên đã gỡ xuất bản trang này"
    return ""


def _has_importer_draft(page):
    return bool(page.has_unpublished_changes and page.latest_revision and not page.latest_revision.user_id)


def _comparison_base(page):
    """A pending importer draft (left by a ``--draft`` run) as a page object, else the page itself."""
    if not _has_importer_draft(page):
        return page
    draft = page.latest_revision.as_object()
    draft.sector = Sector.objects.filter(pk=draft.sector_id).first() if draft.sector_id else None
    return draft


def plan_import(records, index_page, *, draft=False, progress=None):
    """Decide per record: create, update, unchanged or skip (with the reason and the changed fields).

    With ``draft`` the comparison is with the page's pending importer draft when there is one; without,
    a pending importer draft or a never-published page is published even if nothing else changed.
    """
    existing = _existing_pages(index_page)
    in_moderation = _pages_in_moderation(list(existing.values()))
    tick = progress or (lambda n=1: None)
    changes = []
    for record in sorted(records, key=lambda r: r.code):
        tick(1)
        page = existing.get(record.code)
        if page is None:
            changes.append(Change(record, "create", fields=[f for f in COMPARED_FIELDS if f in record.values]))
            continue
        reason = _skip_reason(page, in_moderation)
        if reason:
            differing = differing_fields(page, record)
            changes.append(Change(record, "skip" if differing else "unchanged", page=page, fields=differing,
                                  reason=reason if differing else ""))
            continue
        pending = _has_importer_draft(page)
        differing = differing_fields(_comparison_base(page) if pending else page, record)
        if draft:
            action = "update" if differing else "unchanged"
        else:
            differing = differing_fields(page, record) if pending else differing
            action = "update" if (differing or pending or not page.live) else "unchanged"
            differing = differing or (["(xuất bản)"] if action == "update" else [])
        changes.append(Change(record, action, page=page, fields=differing))
    return changes


# --- Applying ------------------------------------------------------------------------------------------


def _slug(record, taken):
    base = f"{slugify_vi(record.name)[:SLUG_NAME_LENGTH].rstrip('-')}-{slugify_vi(record.code)}".strip("-")
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    taken.add(slug)
    return slug


def _stream_raw(block_type, values, previous=None):
    """Raw StreamField data; documents keep the editor's form file/link of a same-named previous row."""
    kept = {}
    for item in previous or []:
        value = item.get("value", {})
        if isinstance(value, dict) and any(value.get(k) for k in EDITOR_SUBFIELDS):
            kept[fold(value.get("name", ""))] = {k: value.get(k) for k in EDITOR_SUBFIELDS}
    raw = []
    for value in values:
        if block_type == "document":
            value = {**value, "form_document": None, "form_url": "", **kept.get(fold(value.get("name", "")), {})}
        raw.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    return raw


def assign(page, record, lookups, now, is_new):
    """Write the record's provided fields onto ``page`` (in memory; the caller saves)."""
    values = record.values
    if "name" in values:
        page.name = values["name"]
        page.title = page.draft_title = short_title(values["name"])
    for name in TEXT_FIELDS:
        if name in values:
            setattr(page, name, values[name])
    if "sector" in values:
        page.sector = lookups.sector(values["sector"])
    for name, block_type in STREAM_FIELDS.items():
        if name in values:
            previous = list(getattr(page, name).raw_data) if not is_new else None
            setattr(page, name, _stream_raw(block_type, values[name], previous))
    if "levels" in values:
        page.levels = lookups.level_objects(values["levels"])
    if "target_groups" in values:
        page.target_groups = lookups.target_groups(values["target_groups"])
    if is_new:
        page.keywords = values.get("keywords", "")
        page.related_links = []
    page.code = record.code
    page.last_synced = now
    page.source_name = os.path.basename(record.path)[:255]
    page.search_folded = folded_search_text(page.display_name, page.code, page.keywords)


def short_title(name, limit=255):
    """A page title from a procedure name: names over 255 characters are cut at a word, with "…"."""
    if len(name) <= limit:
        return name
    return name[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _new_pages(changes, index_page, lookups, now, draft):
    content_type = ContentType.objects.get_for_model(ProcedurePage)
    last = Page.objects.filter(path__startswith=index_page.path, depth=index_page.depth + 1).order_by("-path").first()
    position = Page._str2int(last.path[-Page.steplen:]) if last else 0
    taken = set(
        Page.objects.filter(path__startswith=index_page.path, depth=index_page.depth + 1).values_list("slug", flat=True)
    )
    pages = []
    for change in changes:
        position += 1
        slug = _slug(change.record, taken)
        page = ProcedurePage(
            path=Page._get_path(index_page.path, index_page.depth + 1, position),
            depth=index_page.depth + 1,
            numchild=0,
            url_path=f"{index_page.url_path}{slug}/",
            slug=slug,
            locale_id=index_page.locale_id,
            translation_key=uuid.uuid4(),
            content_type=content_type,
            live=not draft,
            has_unpublished_changes=draft,
            first_published_at=None if draft else now,
            last_published_at=None if draft else now,
            latest_revision_created_at=now,
        )
        assign(page, change.record, lookups, now, is_new=True)
        change.page = page
        pages.append(page)
    return pages


def _insert_pages(pages):
    """Bulk-insert new ProcedurePages: the base ``wagtailcore_page`` rows, then the procedure rows."""
    base_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    bases = [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages]
    Page.objects.bulk_create(bases, batch_size=500)
    if any(base.pk is None for base in bases):  # databases that cannot return ids from a bulk insert
        ids = dict(Page.objects.filter(path__in=[b.path for b in bases]).values_list("path", "id"))
        for base in bases:
            base.pk = ids[base.path]
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.page_ptr_id = base.pk
        page._state.adding = False
        page._state.db = base._state.db or "default"
    fields = list(ProcedurePage._meta.local_concrete_fields)
    batch = max(1, connection.ops.bulk_batch_size(fields, pages) or 500)
    for start in range(0, len(pages), batch):
        ProcedurePage._base_manager._insert(pages[start: start + batch], fields=fields, using="default")


def _write_relations(pages):
    """Replace the level and target-group rows of ``pages`` (one delete and one insert per relation)."""
    for relation, target in (("levels", "procedurelevel_id"), ("target_groups", "targetgroup_id")):
        through = getattr(ProcedurePage, relation).through
        through.objects.filter(procedurepage_id__in=[p.pk for p in pages]).delete()
        rows = [
            through(procedurepage_id=page.pk, **{target: obj.pk})
            for page in pages
            for obj in getattr(page, relation).all()
        ]
        through.objects.bulk_create(rows, batch_size=1000)


def _write_revisions(pages, now, draft, created_ids, tick):
    content_type = ContentType.objects.get_for_model(ProcedurePage)
    base_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for page in pages:
        revisions.append(Revision(
            content_type=content_type, base_content_type=base_type, object_id=str(page.pk), created_at=now,
            user=None, object_str=page.title, content=page.serializable_data(),
        ))
        tick(1)
    Revision.objects.bulk_create(revisions, batch_size=200)
    if any(revision.pk is None for revision in revisions):
        ids = dict(
            Revision.objects.filter(base_content_type=base_type, created_at=now,
                                    object_id__in=[str(p.pk) for p in pages]).values_list("object_id", "id")
        )
        for revision in revisions:
            revision.pk = ids[revision.object_id]
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = revision.pk
        page.latest_revision_created_at = now
        actions = ["wagtail.create"] if page.pk in created_ids else ["wagtail.edit"]
        if not draft:
            page.live_revision_id = revision.pk
            actions.append("wagtail.publish")
        entries += [
            PageLogEntry(
                content_type=content_type, label=page.title[:255], action=action, data={}, timestamp=now,
                uuid=uuid.uuid4(), user=None, revision_id=revision.pk, content_changed=True, page_id=page.pk,
            )
            for action in actions
        ]
    PageLogEntry.objects.bulk_create(entries, batch_size=500)


UPDATE_PAGE_FIELDS = ["title", "draft_title", "live", "has_unpublished_changes", "first_published_at",
                      "last_published_at", "latest_revision", "latest_revision_created_at", "live_revision"]
UPDATE_PROCEDURE_FIELDS = ["code", "name", "sector", "last_synced", "source_name", "search_folded", *TEXT_FIELDS,
                           *STREAM_FIELDS]


def apply_plan(changes, index_page, *, draft=False, now=None, progress=None):
    """Write the plan: creates, updates, revisions, log entries, search index. Returns touched pages."""
    now = now or timezone.now()
    lookups = Lookups()
    creates = [c for c in changes if c.action == "create"]
    updates = [c for c in changes if c.action == "update"]
    tick = progress or (lambda n=1: None)

    new_pages = _new_pages(creates, index_page, lookups, now, draft)
    for change in updates:
        page = change.page
        if draft:
            # The live page stays as it is; the import becomes its latest revision (a draft).
            page = _comparison_base(page)
            change.page = page
        assign(page, change.record, lookups, now, is_new=False)
        if not draft:
            page.live, page.has_unpublished_changes, page.last_published_at = True, False, now
            page.first_published_at = page.first_published_at or now
        else:
            page.has_unpublished_changes = True
    lookups.save_new()
    for page in [*new_pages, *(c.page for c in updates)]:
        page.sector_id = page.sector.pk if page.sector else None

    if new_pages:
        _insert_pages(new_pages)
        Page.objects.filter(pk=index_page.pk).update(numchild=Page.objects.child_of(index_page).count())
        index_page.numchild = Page.objects.child_of(index_page).count()
    updated_pages = [c.page for c in updates]
    touched = [*new_pages, *updated_pages]
    if touched:
        _write_revisions(touched, now, draft, {p.pk for p in new_pages}, tick)
    if new_pages:
        Page.objects.bulk_update(
            [Page(pk=p.pk, latest_revision_id=p.latest_revision_id, live_revision_id=p.live_revision_id)
             for p in new_pages],
            ["latest_revision", "live_revision"], batch_size=500,
        )
    if updated_pages:
        if draft:
            Page.objects.bulk_update(
                [Page(pk=p.pk, latest_revision_id=p.latest_revision_id, draft_title=p.title,
                      has_unpublished_changes=True, latest_revision_created_at=now) for p in updated_pages],
                ["latest_revision", "draft_title", "has_unpublished_changes", "latest_revision_created_at"],
                batch_size=500,
            )
        else:
            ProcedurePage.objects.bulk_update(updated_pages, UPDATE_PAGE_FIELDS + UPDATE_PROCEDURE_FIELDS,
                                              batch_size=100)
    if not draft:
        _write_relations(touched)
    elif new_pages:
        _write_relations(new_pages)
    update_search_index(touched if not draft else new_pages)
    return touched


def update_search_index(pages):
    """Index the imported pages once, in bulk (imports send no per-page save signals)."""
    if not pages:
        return
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ProcedurePage, pages)


def run_import(paths, *, index_page=None, draft=False, dry_run=False, progress_factory=None, clock=None):
    """Read ``paths``, plan and (unless ``dry_run``) apply, in one transaction. Returns ImportSummary.

    Raises ``sources.SourceErrors`` for bad input and ``ImportProblem`` when the import cannot run;
    in both cases the database is unchanged. ``progress_factory(total)`` returns a callable
    ``tick(n)`` (the command shows a progress bar); ``clock`` returns seconds (for the timing).
    """
    import time

    clock = clock or time.monotonic
    started = clock()
    records, notes = read_sources(paths)
    summary = ImportSummary(notes=list(notes), draft=draft, dry_run=dry_run)
    with transaction.atomic():
        index_page = index_page or catalogue_page()
        tick = progress_factory(len(records), "So sánh") if progress_factory else None
        changes = plan_import(records, index_page, draft=draft, progress=tick)
        summary.changes = changes
        for change in changes:
            code = change.record.code
            if change.action == "create":
                summary.created.append(code)
            elif change.action == "update":
                summary.updated.append(code)
            elif change.action == "unchanged":
                summary.unchanged.append(code)
            else:
                summary.skipped.append((code, change.reason))
        if not dry_run and summary.changed:
            tick = progress_factory(summary.changed, "Ghi") if progress_factory else None
            apply_plan(changes, index_page, draft=draft, progress=tick)
    summary.seconds = clock() - started
    return summary
