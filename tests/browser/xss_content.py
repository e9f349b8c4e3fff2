"""Put script payloads into every editor-controlled text of a portal's database, publish, and print
(as the last line, JSON) what the XSS browser test visits. Run inside the portal under test:

    manage.py shell -v0 -c "from tests.browser.xss_content import main; main()"

Every text field (CharField, TextField, RichTextField) and every text block of every StreamField of
the project's models, pages and the Wagtail models whose text reaches public pages (images' title
and alt text, tags, search promotions, site names) gets the original text followed by the longest
payload that fits (a field too short for any payload cannot carry a script). Fields are found by
introspection, so a new model or field is covered without editing this file; only the few fields
listed in ``SKIPPED`` (identifiers and coordinates with a fixed format) keep their value. Each
top-level StreamField block type missing from the demo content is added once, poisoned too. Pages
are saved as a revision and published, as an editor would publish them.
"""

import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.utils.html import escape
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

PAYLOADS = [
    '"><img src=x onerror=window.__xss=1><script>window.__xss=1</script><svg onload=alert(1)>',
    "<img src=x onerror=window.__xss=1>",
    "<svg onload=alert(1)>",
]
PROJECT_APPS = ["home", "procedures", "news", "directory", "guides", "transparency", "search"]
# Wagtail models whose texts are shown on public pages.
WAGTAIL_MODELS = ["wagtailimages.Image", "wagtaildocs.Document", "taggit.Tag", "wagtailcore.Site",
                  "wagtailsearchpromotions.SearchPromotion"]
# Not free text: identifiers and coordinates with a validated format, and the page tree itself.
SKIPPED = {
    "wagtailcore.Page.path": "position in the page tree",
    "wagtailcore.Page.url_path": "derived from slugs",
    "home.WardHomePage.gso_code": "the ward's GSO statistical code (5 digits), its identity",
    "directory.CashlessStreetPage.path_text": "the street's coordinates (lines of 'lat, lon')",
    "wagtailcore.Site.hostname": "a host name",
}
EDITOR = {"username": "xss-editor", "password": "mat-khau-xss-2026"}


def payload_for(original, max_length):
    """The original text (kept recognisable, and distinct for unique fields) and the longest payload
    that fits; a bare payload when the original leaves no room; ``None`` when no payload fits."""
    candidates = [f"{original[:40]} {payload}" for payload in PAYLOADS] if original else []
    for text in candidates + PAYLOADS:
        if max_length is None or len(text) <= max_length:
            return text
    return None


def poisoned_rich_text(original=""):
    return f"<p>{escape(original[:40])} {escape(PAYLOADS[0])}</p>"


def is_plain_text_field(field):
    return (
        isinstance(field, (models.CharField, models.TextField))
        and not isinstance(field, (models.SlugField, models.URLField, models.EmailField))
        and field.editable
        and not field.choices
        and not field.primary_key
    )


def field_key(model, field):
    return f"{field.model._meta.label}.{field.name}"


def poison_block(block, raw):
    """The raw (JSON) value of ``block`` with payloads in every text it holds."""
    if isinstance(block, TableBlock):
        if isinstance(raw, dict) and raw.get("data"):
            raw["data"] = [[payload_for(cell or "", None) for cell in row] for row in raw["data"]]
        return raw
    if isinstance(block, blocks.StructBlock):
        raw = dict(raw or {})
        return {name: poison_block(child, raw.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.StreamBlock):
        return [{**item, "value": poison_block(block.child_blocks[item["type"]], item["value"])}
                for item in (raw or []) if item.get("type") in block.child_blocks]
    if isinstance(block, blocks.ListBlock):
        items = raw or [block.child_block.get_prep_value(block.child_block.get_default())]
        return [
            {**item, "value": poison_block(block.child_block, item["value"])}
            if isinstance(item, dict) and "type" in item and "value" in item
            else poison_block(block.child_block, item)
            for item in items
        ]
    if isinstance(block, blocks.ChooserBlock):  # blocks added below come empty; editors must choose
        if raw is None:
            model = block.target_model
            model = apps.get_model(model) if isinstance(model, str) else model
            chosen = model.objects.order_by("pk").first()
            if isinstance(chosen, Page):
                chosen = Page.objects.live().filter(depth__gt=2).order_by("pk").first()
            return chosen.pk if chosen else None
        return raw
    if isinstance(block, blocks.RichTextBlock):
        return poisoned_rich_text()
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return payload_for(raw or "", block.field.max_length)
    return raw


def poison_stream(field, value):
    stream_block = field.stream_block
    raw = list(value.raw_data) if value is not None else []
    present = {item["type"] for item in raw}
    for name, child in stream_block.child_blocks.items():
        if name not in present:  # one of each block type, so every block template is exercised
            raw.append({"type": name, "value": child.get_prep_value(child.get_default())})
    return json.dumps(poison_block(stream_block, raw), cls=_JSONEncoder)


class _JSONEncoder(json.JSONEncoder):
    def default(self, o):
        return str(o)


def poison_instance(instance, counts):
    changed = []
    for field in instance._meta.concrete_fields:
        key = field_key(type(instance), field)
        if key in SKIPPED:
            continue
        if isinstance(field, StreamField):
            setattr(instance, field.attname, poison_stream(field, getattr(instance, field.attname)))
        elif isinstance(field, RichTextField):
            setattr(instance, field.attname, poisoned_rich_text(""))
        elif is_plain_text_field(field):
            text = payload_for(getattr(instance, field.attname) or "", field.max_length)
            if text is None:
                counts["too_short"].add(key)
                continue
            setattr(instance, field.attname, text)
        else:
            continue
        changed.append(key)
    counts["fields"].update(changed)
    return changed


def models_to_poison():
    found = []
    for label in PROJECT_APPS:
        found += [m for m in apps.get_app_config(label).get_models() if not issubclass(m, Page)]
    found += [apps.get_model(label) for label in WAGTAIL_MODELS]
    return found


def add_search_promotions():
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.get("xss")
    page = Page.objects.live().filter(depth__gt=2).first()
    SearchPromotion.objects.create(query=query, page=page, description=PAYLOADS[0], sort_order=0)
    SearchPromotion.objects.create(query=query, external_link_url="https://example.vn/",
                                   external_link_text=PAYLOADS[0], description=PAYLOADS[0], sort_order=1)


def add_document():
    """The small demo has no document: one, for document choosers and the library."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    if not Document.objects.exists():
        Document.objects.create(title="Tài liệu", file=ContentFile(b"xss", name="tai-lieu.txt"))


def create_editor():
    """An editor of the city (city groups reach every ward's pages too), to preview every page type."""
    city = Page.objects.get(depth=2, locale__language_code="vi")
    user = get_user_model().objects.create_user(EDITOR["username"], "xss@example.test", EDITOR["password"])
    user.groups.add(Group.objects.get(name=f"Biên tập viên – {city.title}"))


def add_standard_page():
    """The small demo has no StandardPage: one under the city, with every block type (added below)."""
    from home.models import StandardPage

    if not StandardPage.objects.exists():
        city = Page.objects.get(depth=2, locale__language_code="vi")
        city.add_child(instance=StandardPage(title="Trang nội dung", slug="trang-noi-dung-xss"))


def main():
    counts = {"fields": set(), "too_short": set()}
    add_search_promotions()
    add_standard_page()
    add_document()
    create_editor()  # before the city's title changes: its groups are named after the title
    empty_models = []
    for model in models_to_poison():
        instances = list(model.objects.all())
        if not instances:
            empty_models.append(model._meta.label)
        for instance in instances:
            if poison_instance(instance, counts):
                instance.save()
    urls, preview_ids = [], {}
    for page in Page.objects.all().order_by("path").specific().iterator():
        if page.depth < 2:
            continue
        poison_instance(page, counts)
        page.draft_title = page.title
        revision = page.save_revision(clean=False)
        if page.live:
            revision.publish()
            urls.append(page.get_full_url())
            if page.locale.language_code == "vi":
                preview_ids.setdefault(type(page).__name__, page.pk)
    page_types = [m.__name__ for m in apps.get_models() if issubclass(m, Page) and m._meta.app_label in PROJECT_APPS]
    print(json.dumps({
        "urls": urls,
        "editor": EDITOR,
        "preview_ids": preview_ids,
        "page_types_without_pages": sorted(set(page_types) - set(preview_ids)),
        "models_without_records": empty_models,
        "fields": sorted(counts["fields"]),
        "too_short": sorted(counts["too_short"]),
        "skipped": sorted(SKIPPED),
    }))
