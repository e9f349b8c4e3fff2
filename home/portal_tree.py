"""Build the portal's structure: locales, city and ward home pages, sites, collections, editor
groups, workflows and the English tree. Plain, idempotent functions used by ``bootstrap_portal``
and by the test suite's session fixture, so tests run against the same structure as production.

Idempotency rule: an object is created when missing and otherwise left alone, so re-running never
overwrites what editors changed. Only Site host names follow configuration (PORTAL_DOMAIN/PORT).
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import CityHomePage, UnitGroup, WardHomePage
from home.translation import translate_page
from home.units import english_unit_name, ward_slug

WARDS_FILE = Path(__file__).resolve().parent / "data" / "wards.json"
DEFAULT_OFFICE_HOURS = "Thứ Hai – Thứ Sáu: 7:30 – 11:30 và 13:30 – 17:00"
EDITOR_PAGE_PERMISSIONS = ["add", "change"]
APPROVER_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add", "change", "choose"]),
    ("wagtaildocs", "document", ["add", "change", "choose"]),
]


class WardsFileError(ValueError):
    """The wards file is missing or malformed; the message says where."""


@dataclass
class UnitRecord:
    code: str
    name: str
    unit_type: str

    @property
    def slug(self):
        return ward_slug(self.name)

    @property
    def english_name(self):
        return english_unit_name(self.unit_type, self.name)


@dataclass
class PortalStructure:
    city: CityHomePage
    wards: list = field(default_factory=list)
    created: list = field(default_factory=list)


def load_units(path=WARDS_FILE):
    """Read and validate the wards file. Returns ``(city_record, [ward_record…])``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WardsFileError(f"{path}: không tìm thấy tệp danh sách phường, xã (file not found)") from None
    except json.JSONDecodeError as error:
        raise WardsFileError(f"{path}:{error.lineno}: JSON không hợp lệ: {error.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("city"), dict):
        raise WardsFileError(f"{path}: city: thiếu thông tin thành phố (object 'city')")
    if not isinstance(data.get("wards"), list) or not data["wards"]:
        raise WardsFileError(f"{path}: wards: thiếu danh sách phường, xã (list 'wards')")

    city = data["city"]
    if not city.get("name") or not city.get("code"):
        raise WardsFileError(f"{path}: city: cần 'name' và 'code'")
    wards, seen = [], set()
    for index, item in enumerate(data["wards"]):
        where = f"{path}: wards[{index}]"
        if not isinstance(item, dict):
            raise WardsFileError(f"{where}: phải là một object")
        code, name, unit_type = item.get("code"), item.get("name"), item.get("type")
        if not isinstance(code, str) or not re.fullmatch(r"\d{5}", code):
            raise WardsFileError(f"{where}: code: mã đơn vị phải gồm 5 chữ số, nhận được {code!r}")
        if not isinstance(name, str) or not name.strip():
            raise WardsFileError(f"{where}: name: thiếu tên đơn vị")
        if unit_type not in ("Phường", "Xã"):
            raise WardsFileError(f"{where}: type: phải là 'Phường' hoặc 'Xã', nhận được {unit_type!r}")
        if code in seen:
            raise WardsFileError(f"{where}: code: mã {code} bị trùng")
        seen.add(code)
        wards.append(UnitRecord(code=code, name=name.strip(), unit_type=unit_type))
    return UnitRecord(code=city["code"], name=city["name"], unit_type="Thành phố"), wards


def ensure_locales():
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return vi, en


def ensure_city_home(city_record, locale, created):
    city = CityHomePage.objects.filter(locale=locale).first()
    if city:
        return city
    root = Page.get_first_root_node()
    city = CityHomePage(
        title=city_record.name,
        slug="trang-chu",
        locale=locale,
        seo_title="Cổng thông tin điện tử thành phố Vũng Tàu",
        summary="Cổng thông tin điện tử của Ủy ban nhân dân thành phố Vũng Tàu, tỉnh Bà Rịa – Vũng Tàu.",
        intro=(
            "Tra cứu thủ tục hành chính, tin tức và thông báo của thành phố và 17 phường, xã; "
            "hướng dẫn kỹ năng số; thông tin minh bạch về kế hoạch chuyển đổi số."
        ),
        office_hours=DEFAULT_OFFICE_HOURS,
    )
    root.add_child(instance=city)
    city.save_revision().publish()
    _retire_wagtail_welcome_page(city)
    created.append(f"trang chủ {city.title}")
    return city


def _retire_wagtail_welcome_page(city):
    """Wagtail's first migration creates a placeholder page and a default Site; hand them to the city."""
    for site in Site.objects.filter(root_page__content_type=ContentType.objects.get_for_model(Page)):
        placeholder = site.root_page
        site.root_page = city
        site.save()
        if placeholder.depth == 2 and not placeholder.get_children().exists():
            placeholder.delete()


def ensure_ward_home(city, record, created):
    ward = WardHomePage.objects.child_of(city).filter(gso_code=record.code).first()
    if ward:
        return ward
    ward = WardHomePage(
        title=record.name,
        slug=record.slug,
        gso_code=record.code,
        unit_type=record.unit_type,
        summary=f"Cổng thông tin điện tử {record.name}, thành phố Vũng Tàu.",
        intro=f"Tin tức, thông báo và thủ tục hành chính của {record.name}, thành phố Vũng Tàu.",
        office_hours=DEFAULT_OFFICE_HOURS,
        one_stop_address=f"Bộ phận một cửa, trụ sở UBND {record.name}, thành phố Vũng Tàu",
        one_stop_hours=DEFAULT_OFFICE_HOURS,
    )
    city.add_child(instance=ward)
    ward.save_revision().publish()
    created.append(f"trang chủ {record.name}")
    return ward


def ensure_sites(city, wards):
    """One Site for the city (default) and one per ward at ``<slug>.<PORTAL_DOMAIN>``."""
    domain, port = settings.PORTAL_DOMAIN, settings.PORTAL_PORT
    city_site = Site.objects.filter(root_page=city).first() or Site(root_page=city)
    city_site.hostname, city_site.port = domain, port
    city_site.site_name, city_site.is_default_site = city.title, True
    Site.objects.exclude(pk=city_site.pk).filter(is_default_site=True).update(is_default_site=False)
    city_site.save()
    for ward in wards:
        site = Site.objects.filter(root_page=ward).first() or Site(root_page=ward)
        site.hostname, site.port, site.site_name = f"{ward.slug}.{domain}", port, ward.title
        site.save()


def ensure_collection(name):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    return collection or root.add_child(name=name)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(kind):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")


def ensure_unit_group(unit, role, name):
    """The group acting for ``unit`` in ``role``: found by its link (never by name, never by title), else
    created (or an unlinked group of that name adopted) and linked; apps grant their permissions then."""
    from home.permissions import is_city_link, unit_group_linked

    link = UnitGroup.objects.filter(unit=unit, role=role).select_related("group").first()
    if link is not None:
        return link.group
    group, _ = Group.objects.get_or_create(name=name)
    link, _ = UnitGroup.objects.update_or_create(group=group, defaults={"unit": unit, "role": role})
    unit_group_linked.send(sender=UnitGroup, link=link, is_city=is_city_link(link))
    return group


def ensure_unit_groups(unit_name, home_pages, collection):
    """The editor and approver groups of one unit (``home_pages[0]``, the Vietnamese home page), their
    rights, and the unit's workflow. ``unit_name`` (from the wards file) only names new objects."""
    access_admin = _permission("wagtailadmin", "access_admin")
    editors = ensure_unit_group(home_pages[0], UnitGroup.EDITOR, f"Biên tập viên – {unit_name}")
    approvers = ensure_unit_group(home_pages[0], UnitGroup.APPROVER, f"Lãnh đạo duyệt – {unit_name}")
    for group, page_kinds in ((editors, EDITOR_PAGE_PERMISSIONS), (approvers, APPROVER_PAGE_PERMISSIONS)):
        group.permissions.add(access_admin)
        for page in home_pages:
            for kind in page_kinds:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=_page_permission(kind)
                )
        for app_label, model, actions in COLLECTION_PERMISSIONS:
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=_permission(app_label, f"{action}_{model}")
                )
    ensure_workflow(unit_name, approvers, home_pages)
    return editors, approvers


def ensure_workflow(unit_name, approvers, home_pages):
    """Editor submits → the unit's approvers approve, which publishes."""
    workflow, created = Workflow.objects.get_or_create(name=f"Duyệt nội dung – {unit_name}")
    if created:
        task = GroupApprovalTask.objects.create(name=f"Lãnh đạo {unit_name} duyệt")
        task.groups.set([approvers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in home_pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def ensure_english_tree(city, wards, city_record, ward_records):
    """English translations (wagtail-localize) of the city and every ward home page."""
    english_city = translate_page(
        city,
        "en",
        {
            city.title: city_record.english_name,
            city.seo_title: "Vũng Tàu City Web Portal",
            city.summary: "The web portal of the People's Committee of Vũng Tàu City, Bà Rịa – Vũng Tàu province.",
            city.intro: (
                "Look up administrative procedures, news and notices of the city and its 17 wards and "
                "communes, digital-skills guides and transparency information on the digital-transformation plan."
            ),
            DEFAULT_OFFICE_HOURS: "Monday – Friday: 7:30 – 11:30 and 13:30 – 17:00",
        },
    )
    records = {record.code: record for record in ward_records}
    english_wards = []
    for ward in wards:
        english = records[ward.gso_code].english_name
        english_wards.append(
            translate_page(
                ward,
                "en",
                {
                    ward.title: english,
                    ward.summary: f"Web portal of {english}, Vũng Tàu City.",
                    ward.intro: f"News, notices and administrative procedures of {english}, Vũng Tàu City.",
                    DEFAULT_OFFICE_HOURS: "Monday – Friday: 7:30 – 11:30 and 13:30 – 17:00",
                    ward.one_stop_address: f"One-stop office, {english} People's Committee, Vũng Tàu City",
                },
            )
        )
    return english_city, english_wards


def build_portal_structure(wards_file=WARDS_FILE):
    """Create whatever is missing of the portal's structure; return what exists."""
    city_record, ward_records = load_units(wards_file)
    vi, _ = ensure_locales()
    created = []
    city = ensure_city_home(city_record, vi, created)
    wards = [ensure_ward_home(city, record, created) for record in ward_records]
    ensure_sites(city, wards)
    english_city, english_wards = ensure_english_tree(city, wards, city_record, ward_records)
    # Named after the wards file, not the pages' current titles: an editor's retitle moves no rights.
    ensure_unit_groups(city_record.name, [city, english_city], ensure_collection(city_record.name))
    records = {record.code: record for record in ward_records}
    for ward, english_ward in zip(wards, english_wards, strict=True):
        name = records[ward.gso_code].name
        ensure_unit_groups(name, [ward, english_ward], ensure_collection(name))
    return PortalStructure(city=city, wards=wards, created=created)
