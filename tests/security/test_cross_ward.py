"""One generic cross-ward test: an editor (and an approver) of ward A tries every admin action on ward B's
records and pages, over HTTP through the real admin URLs, and is refused; nothing changes.

Nothing here names a model or a URL by hand:
- the ward-scoped models are those declared through the one mechanism (``home.permissions.ward_scoped_models``),
  and every non-page model with a foreign key to ``WardHomePage`` must be among them;
- the page types are every type that can be created somewhere under a ward home page;
- the actions are every URL of the model's admin viewset (and chooser) that names one object, every bulk
  action registered for the model, the listing, its exports, and the site-history report with its export;
- records and pages are built field by field from the model's own fields (``build``).

Every refusal is paired with a control: a city editor (or superuser) does see / reach the same thing with
the same request, so no check can pass because the thing was never there.
"""

import csv
import datetime
import decimal
import io
from unittest import mock

import openpyxl
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail import hooks
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import Page, RevisionMixin

from home.models import CityHomePage, WardHomePage
from home.permissions import ward_scoped_models
from tests.factories import UserFactory, editor_of

hooks.search_for_hooks()
get_resolver().url_patterns  # noqa: B018 (loads the admin URLs, which register the snippet viewsets)

ROLES = ["Biên tập viên", "Lãnh đạo duyệt"]
REFUSED_REDIRECTS = {"/admin/", "/admin/login/"}


# --- Discovery --------------------------------------------------------------------------------------


def scoped_models():
    return sorted(ward_scoped_models(), key=lambda model: model._meta.label)


def models_with_a_ward_key():
    found = set()
    for model in apps.get_models():
        if issubclass(model, Page):
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is WardHomePage:
                found.add(model)
    return found


def page_types_under_a_ward():
    """Every page type creatable somewhere below a ward home page, with the type of a parent for it."""
    parents, todo = {}, [WardHomePage]
    while todo:
        parent = todo.pop(0)
        for child in parent.creatable_subpage_models():
            if child in parents or child in (CityHomePage, WardHomePage) or not child.is_creatable:
                continue
            if parent not in child.allowed_parent_page_models():
                continue
            parents[child] = parent
            todo.append(child)
    return parents


def test_discovery_finds_the_known_ward_scoped_models_and_every_model_keyed_to_a_ward():
    labels = {model._meta.label for model in scoped_models()}
    known = {"directory.Merchant", "guides.HelpSession", "guides.CommunityDigitalTeam", "transparency.Measurement"}
    assert known <= labels
    missing = {model._meta.label for model in models_with_a_ward_key()} - labels
    assert not missing, f"models keyed to a ward but not declared through home.permissions: {missing}"


def test_discovery_finds_the_page_types_under_a_ward():
    labels = {model._meta.label for model in page_types_under_a_ward()}
    assert {"home.StandardPage", "news.NewsPage", "directory.CashlessStreetPage"} <= labels


# --- Building a record or a page from the model's own fields ------------------------------------------------


def value_for(field, marker, ward, depth, position=0):
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, (models.ForeignKey, models.OneToOneField)):
        target = field.related_model
        if issubclass(target, WardHomePage):
            return ward
        if target is get_user_model():
            return UserFactory(username=f"u-{marker.lower()}"[:30], is_superuser=True)
        return build(target, ward, f"{marker}-{target._meta.model_name}", depth + 1)
    if isinstance(field, models.EmailField):
        return "bimat@example.test"
    if isinstance(field, models.URLField):
        return "https://example.test/"
    if isinstance(field, models.SlugField):
        return slugify(marker)[: field.max_length]
    if isinstance(field, (models.CharField, models.TextField)):
        return marker[: field.max_length] if field.max_length else marker
    if isinstance(field, RichTextField):
        return f"<p>{marker}</p>"
    if isinstance(field, StreamField):
        return []
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, (models.IntegerField, models.PositiveIntegerField, models.SmallIntegerField)):
        return 1
    if isinstance(field, models.DecimalField):
        return decimal.Decimal("1")
    if isinstance(field, models.FloatField):
        return 1.0
    if isinstance(field, models.DateTimeField):
        return timezone.now() + datetime.timedelta(days=3, hours=position)  # later fields later (start < end)
    if isinstance(field, models.DateField):
        return datetime.date(2025, 1, 1)
    if isinstance(field, models.TimeField):
        return datetime.time(9)
    if isinstance(field, models.JSONField):
        return {}
    raise NotImplementedError(f"{field.model._meta.label}.{field.name}: no value for {type(field).__name__}")


def field_values(model, marker, ward, depth=0, skip=()):
    values = {}
    for position, field in enumerate(model._meta.concrete_fields):
        if field.primary_key or field.name in skip or getattr(field, "auto_now", False):
            continue
        if getattr(field, "auto_now_add", False) or isinstance(field, models.AutoField):
            continue
        is_ward = field.is_relation and field.related_model is WardHomePage
        if not is_ward and (field.has_default() or field.null or (field.blank and not field.is_relation)):
            if not (isinstance(field, (models.CharField, models.TextField)) and not field.choices):
                continue
        values[field.name] = value_for(field, marker, ward, depth, position)
    return values


def build(model, ward, marker, depth=0):
    assert depth < 4, f"{model._meta.label}: foreign keys too deep to build"
    instance = model._default_manager.create(**field_values(model, marker, ward, depth))
    for field in model._meta.many_to_many:
        if not field.blank:
            target = field.related_model
            choice = target._default_manager.first() or build(target, ward, f"{marker}-{field.name}", depth + 1)
            getattr(instance, field.name).set([choice])
    return instance


def build_page(page_type, parent, ward, marker):
    page = page_type(**field_values(page_type, marker, ward, skip={f.name for f in Page._meta.concrete_fields}))
    page.title, page.slug = marker, slugify(marker)
    with mock.patch.object(page_type, "full_clean", lambda *args, **kwargs: None):
        parent.add_child(instance=page)
        page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


# --- The admin's URLs, read from the URL configuration --------------------------------------------------


def namespace_patterns(namespace):
    """``(url name, parameter names)`` of every URL in ``namespace`` (found anywhere in the URL tree)."""

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == namespace:
                    return pattern.url_patterns
                found = walk(pattern.url_patterns)
                if found is not None:
                    return found
        return None

    found = walk(get_resolver().url_patterns)
    assert found is not None, namespace
    return [(p.name, set(p.pattern.regex.groupindex)) for p in found if p.name]


def object_urls(namespace, params):
    """Every URL of ``namespace`` that names the object; parameters filled from ``params``."""
    urls = []
    for name, needed in namespace_patterns(namespace):
        if needed and needed <= params.keys() and needed & {"pk", "page_id"}:
            urls.append(reverse(f"{namespace}:{name}", kwargs={key: params[key] for key in needed}))
    return urls


def refused(response):
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and response["Location"].split("?")[0] in REFUSED_REDIRECTS


def export_table(response):
    """The heading and the rows (each joined with tabs) of a CSV or XLSX export."""
    body = b"".join(response.streaming_content)
    if "spreadsheetml" in response["Content-Type"]:
        rows = [[str(cell or "") for cell in row] for row in openpyxl.load_workbook(io.BytesIO(body)).active.values]
    else:
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    rows = ["\t".join(row) for row in rows]
    return (rows[0] if rows else ""), rows[1:]


def export_rows(response):
    return export_table(response)[1]


def snapshot(model, pk):
    rows = list(model._default_manager.filter(pk=pk).values())
    revisions = getattr(model._default_manager.filter(pk=pk).first(), "revisions", None)
    return rows, revisions.count() if revisions is not None else None, model._default_manager.count()


def site_history(client, export=None):
    url = reverse("wagtailadmin_reports:site_history")
    response = client.get(url, {"export": export} if export else {})
    assert response.status_code == 200
    if export:
        return "\n".join(export_rows(response))
    return response.content.decode()


# --- Fixtures ------------------------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return UserFactory(username="sieu-quan-tri", is_superuser=True)


def login(client, user):
    client.logout()
    client.force_login(user)
    return client


def ward_record_form_data(model, instance, user, changed_marker):
    """POST data for the edit form of ``instance``, as its own form renders it, with one text changed."""
    form_class = model.snippet_viewset.get_edit_handler().get_form_class()
    form = form_class(instance=instance, for_user=user)
    data, changed = {}, None

    def put(bound_form):
        nonlocal changed
        for name, field in bound_form.fields.items():
            value = bound_form[name].value()
            if isinstance(value, bool):
                if value:
                    data[bound_form.add_prefix(name)] = "on"
                continue
            if hasattr(field.widget, "format_value") and not isinstance(value, (list, tuple)):
                value = field.widget.format_value(value)
            data[bound_form.add_prefix(name)] = "" if value is None else value
            if changed is None and isinstance(value, str) and value.startswith("BIMAT"):
                changed = bound_form.add_prefix(name)

    put(form)
    for formset in getattr(form, "formsets", {}).values():
        put(formset.management_form)
        for sub in formset.forms:
            put(sub)
    assert changed, f"{model._meta.label}: no text field to change in the edit form"
    data[changed] = changed_marker
    return data


# --- Ward-scoped records ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=["editor", "approver"])
@pytest.mark.parametrize("model", scoped_models(), ids=lambda model: model._meta.label)
def test_a_ward_user_cannot_reach_another_wards_record(client, ward, other_ward, city, superuser, model, role):
    viewset = model.snippet_viewset
    marker = f"BIMAT-{model._meta.model_name}"
    theirs = build(model, other_ward, marker)
    if isinstance(theirs, RevisionMixin):
        theirs.save_revision(user=superuser)
    log(instance=theirs, action="wagtail.edit", user=superuser)
    label = str(theirs)
    attacker = editor_of(ward, role)
    before = snapshot(model, theirs.pk)

    params = {"pk": theirs.pk}
    latest = getattr(theirs, "latest_revision_id", None)
    if latest:
        params.update(revision_id=latest, revision_id_a=latest, revision_id_b=latest)
    urls = object_urls(viewset.get_admin_url_namespace(), params)
    assert any("/edit/" in url for url in urls) and any("/delete/" in url for url in urls), urls
    chooser = viewset.get_chooser_admin_url_namespace()
    chosen = reverse(f"{chooser}:chosen", args=[theirs.pk])
    bulk_urls = [
        reverse("wagtail_bulk_action", args=[model._meta.app_label, model._meta.model_name, action.action_type])
        + f"?id={theirs.pk}"
        for action in bulk_action_registry.get_bulk_actions_for_model(model._meta.app_label, model._meta.model_name)
    ]
    assert bulk_urls, "Wagtail registers at least the bulk delete for every snippet"
    listing = reverse(viewset.get_url_name("list"))
    edit_data = ward_record_form_data(model, theirs, superuser, f"{marker} đã sửa")

    # Controls: the city's users see and reach the record through the very same requests.
    login(client, editor_of(city, role))
    row = f'data-object-id="{theirs.pk}"'  # the row's bulk-action checkbox
    assert row in client.get(listing).content.decode()
    assert client.get(reverse(viewset.get_url_name("edit"), args=[theirs.pk])).status_code == 200
    choose = client.get(reverse(f"{chooser}:choose")).content.decode()
    assert chosen in choose
    assert client.get(chosen).status_code == 200
    exports = []  # the formats the listing really exports (a viewset without list_export has no columns)
    for fmt in ("csv", "xlsx"):
        heading, rows = export_table(client.get(listing, {"export": fmt}))
        if heading.strip():
            exports.append(fmt)
            assert len(rows) == model._default_manager.count(), fmt
    assert escape(label) in site_history(client) and label in site_history(client, "csv")

    # The attack.
    login(client, attacker)
    assert row not in client.get(listing).content.decode()
    assert row not in client.get(listing, {"q": marker}).content.decode()
    for fmt in exports:
        rows = export_rows(client.get(listing, {"export": fmt}))
        in_scope = model._default_manager.filter(**{ward_scoped_models()[model]: ward}).count()
        assert len(rows) == in_scope and not any(marker in row for row in rows), fmt
    for url in urls:
        assert refused(client.get(url)), f"GET {url}"
        assert refused(client.post(url, edit_data)), f"POST {url}"
    for url in bulk_urls:
        response = client.get(url)
        assert refused(response) or not response.context["items"], f"GET {url}"
        assert escape(label) not in response.content.decode() and marker not in response.content.decode(), url
        client.post(url, {})  # whatever the answer, the snapshot below must not have changed
    for view in ("choose", "choose_results"):
        for query in ({}, {"q": marker}):
            assert chosen not in client.get(reverse(f"{chooser}:{view}"), query).content.decode(), view
    assert client.get(chosen).status_code == 404
    multiple = client.get(reverse(f"{chooser}:chosen_multiple"), {"id": theirs.pk}).json()
    assert multiple["result"] == [], multiple
    assert escape(label) not in site_history(client)
    assert label not in site_history(client, "csv")
    assert snapshot(model, theirs.pk) == before, "ward B's record changed"

    # The same edit, by a city user, goes through: the data above would have changed the record (unless
    # the generic values broke one of the model's business rules, which the form then names).
    login(client, editor_of(city, "Lãnh đạo duyệt"))
    response = client.post(reverse(viewset.get_url_name("edit"), args=[theirs.pk]), edit_data)
    if response.status_code == 200:
        errors = response.context["form"].errors
        assert errors and "__all__" not in errors, errors
    else:
        assert response.status_code == 302 and snapshot(model, theirs.pk) != before


# --- Pages under a ward ------------------------------------------------------------------------------------


def page_under(ward, page_type, made):
    """An instance of ``page_type`` in ``ward``'s subtree (its parents built first when missing)."""
    if page_type in made:
        return made[page_type]
    parent_type = page_types_under_a_ward()[page_type]
    parent = ward if parent_type is WardHomePage else page_under(ward, parent_type, made)
    made[page_type] = build_page(page_type, parent, ward, f"BIMAT-{page_type._meta.model_name}-{ward.slug}")
    return made[page_type]


def page_snapshot(page):
    fresh = Page.objects.filter(pk=page.pk)
    return list(fresh.values()), page.revisions.count(), Page.objects.count()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=["editor", "approver"])
@pytest.mark.parametrize("page_type", list(page_types_under_a_ward()), ids=lambda model: model._meta.label)
def test_a_ward_user_cannot_act_on_another_wards_page(client, ward, other_ward, city, superuser, page_type, role):
    theirs = page_under(other_ward, page_type, {})
    log(instance=theirs, action="wagtail.edit", user=superuser)
    attacker = editor_of(ward, role)
    before = page_snapshot(theirs)
    revision = theirs.latest_revision_id
    params = {"page_id": theirs.pk, "revision_id": revision, "revision_id_a": revision, "revision_id_b": revision}
    urls = object_urls("wagtailadmin_pages", params)
    assert any(url.endswith(f"/{theirs.pk}/edit/") for url in urls), urls
    bulk_urls = [
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", action.action_type]) + f"?id={theirs.pk}"
        for action in bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")
    ]
    explore = reverse("wagtailadmin_explore", args=[theirs.get_parent().pk])

    # Control: the ward's own approvers reach it.
    login(client, editor_of(other_ward, "Lãnh đạo duyệt"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[theirs.pk])).status_code == 200
    assert escape(theirs.title) in site_history(client)

    login(client, attacker)
    for url in urls:
        # Refused, or an answer that tells nothing about the page (e.g. "no confirmation needed")
        response = client.get(url)
        assert refused(response) or theirs.title not in response.content.decode(), f"GET {url}"
        response = client.post(url, {"title": "Đã sửa", "slug": "da-sua", "new_title": "Đã sửa"})
        assert refused(response) or theirs.title not in response.content.decode(), f"POST {url}"
    for url in bulk_urls:
        response = client.get(url)
        assert refused(response) or not response.context["items"], f"GET {url}"
        client.post(url, {})
    assert refused(client.get(explore)) or f"/pages/{theirs.pk}/" not in client.get(explore).content.decode()
    assert escape(theirs.title) not in site_history(client)
    assert theirs.title not in site_history(client, "csv")
    assert page_snapshot(theirs) == before, "ward B's page changed"
