"""Demo content of the guides app, built by ``bootstrap_portal`` (``portal_bootstrap`` hook).

Idempotent: what exists is left alone (editors' changes survive a re-run). Builds the city's guide
index, the guides of ``demo_content`` (three with ``--small``), their illustrations, and for every
ward a sample community digital team and sample help sessions in the coming weeks, marked "mẫu".
"""

import datetime
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Collection

from guides import demo_content
from guides.permissions import grant_all_unit_groups

ILLUSTRATIONS_DIR = Path(__file__).resolve().parent / "data" / "illustrations"
INDEX_SLUG = "huong-dan"


def build_demo(structure, stdout, small=False):
    from guides.models import GuideIndexPage

    grant_all_unit_groups()
    index = GuideIndexPage.objects.child_of(structure.city).first() or _create_index(structure.city, stdout)
    specs = [g for g in demo_content.GUIDES if not small or g["slug"] in demo_content.SMALL_SLUGS]
    created = [guide for spec in specs if (guide := _ensure_guide(index, spec, structure.city.title))]
    _link_related(index, created)
    sessions = sum(_ensure_ward_help(ward, index_position) for index_position, ward in enumerate(structure.wards))
    stdout.write(
        f"  + hướng dẫn kỹ năng số: {len(created)} hướng dẫn mới, {sessions} buổi hỗ trợ mẫu mới "
        f"cho {len(structure.wards)} phường, xã"
    )


def _create_index(city, stdout):
    from guides.models import GuideIndexPage

    index = GuideIndexPage(
        title="Hướng dẫn kỹ năng số",
        slug=INDEX_SLUG,
        show_in_menus=True,
        summary="Hướng dẫn từng bước, chữ lớn, dễ làm theo, cho người mới dùng dịch vụ trực tuyến.",
        intro=(
            "Hướng dẫn từng bước, viết bằng câu ngắn, để ai cũng làm được: nộp hồ sơ trực tuyến, kích hoạt "
            "định danh điện tử, trả tiền không dùng tiền mặt, nhận biết lừa đảo. Cần người chỉ trực tiếp? "
            "Tổ công nghệ số cộng đồng ở mỗi phường, xã hỗ trợ miễn phí."
        ),
    )
    city.add_child(instance=index)
    index.save_revision().publish()
    return index


def _ensure_guide(index, spec, collection_name):
    """Create and publish one guide when missing; returns the new page, else ``None``."""
    from guides.models import GuideAudience, GuidePage, GuideTopic

    if GuidePage.objects.child_of(index).filter(slug=spec["slug"]).exists():
        return None
    guide = GuidePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        outcomes="\n".join(spec["outcomes"]),
        requirements="\n".join(spec["requirements"]),
        duration_minutes=spec["duration"],
        difficulty=spec["difficulty"],
        steps=[{"type": "step", "value": _step_value(step, collection_name)} for step in spec["steps"]],
        common_problems=[
            {"type": "problem", "value": {"problem": problem, "solution": _paragraphs([solution])}}
            for problem, solution in spec["problems"]
        ],
    )
    guide.topics = list(GuideTopic.objects.filter(slug__in=spec["topics"]))
    guide.audiences = list(GuideAudience.objects.filter(slug__in=spec["audiences"]))
    index.add_child(instance=guide)
    guide.save_revision().publish()
    return guide


def _step_value(step, collection_name):
    callouts = [
        {"kind": kind, "text": _paragraphs([text])}
        for kind, key in (("info", "infos"), ("tip", "tips"), ("warning", "warnings"))
        for text in step.get(key, [])
    ]
    screenshots = [
        {"image": _illustration(name, collection_name).pk, "alt_text": alt, "caption": caption, "credit": ""}
        for name, alt, caption in step.get("images", [])
    ]
    return {
        "title": step["title"],
        "instruction": _paragraphs(step["text"]),
        "screenshots": screenshots,
        "callouts": callouts,
        "video": {"video": None, "transcript": ""},
    }


def _paragraphs(items):
    """Rich text from plain strings: a string is a paragraph, a list of strings a bulleted list."""
    html = []
    for item in items:
        if isinstance(item, list):
            html.append("<ul>" + "".join(f"<li>{escape(text)}</li>" for text in item) + "</ul>")
        else:
            html.append(f"<p>{escape(item)}</p>")
    return "".join(html)


def _illustration(file_name, collection_name):
    """The Wagtail image of a committed illustration (created once, in the city's collection)."""
    Image = get_image_model()
    title = f"Hình minh họa hướng dẫn – {file_name}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        collection = Collection.objects.filter(name=collection_name).first() or Collection.get_first_root_node()
        with open(ILLUSTRATIONS_DIR / file_name, "rb") as handle:
            image = Image(title=title, collection=collection, file=ImageFile(handle, name=file_name))
            image.save()
    return image


def _link_related(index, created):
    from guides.models import GuidePage, GuideRelatedGuide

    guides = {page.slug: page for page in GuidePage.objects.child_of(index)}
    for guide in created:
        spec = next(s for s in demo_content.GUIDES if s["slug"] == guide.slug)
        others = [guides[slug] for slug in spec.get("related", []) if slug in guides]
        if others:
            guide.related_guides = [GuideRelatedGuide(other=other) for other in others]
            guide.save_revision().publish()


def _ensure_ward_help(ward, position, now=None):
    """A sample team for the ward, and sample sessions when it has no upcoming sample session left."""
    from guides.models import CommunityDigitalTeam, GuideTopic, HelpSession, TeamMember

    team, created = CommunityDigitalTeam.objects.get_or_create(
        ward=ward,
        defaults={
            "introduction": demo_content.TEAM_INTRODUCTION,
            "contact": f"Bộ phận một cửa UBND {ward.title}, trong giờ hành chính",
            "is_sample": True,
        },
    )
    if created:
        TeamMember.objects.bulk_create(
            TeamMember(team=team, role=role, availability=availability, sort_order=order)
            for order, (role, availability) in enumerate(demo_content.TEAM_ROLES)
        )
    now = now or timezone.now()
    if HelpSession.objects.filter(ward=ward, is_sample=True, ends_at__gt=now).exists():
        return 0
    topics = {topic.slug: topic for topic in GuideTopic.objects.all()}
    sessions = []
    for week, plan in enumerate(demo_content.SESSION_PLAN[position % 2 :][:2]):
        weekday, start, end, topic_slug, title = plan
        day = _next_weekday(timezone.localdate(now), weekday) + datetime.timedelta(weeks=week)
        sessions.append(
            HelpSession(
                ward=ward,
                title=title,
                topic=topics.get(topic_slug),
                starts_at=_at(day, start),
                ends_at=_at(day, end),
                place=f"Hội trường UBND {ward.title}",
                notes="Mang theo căn cước và điện thoại. Miễn phí, không cần đăng ký trước.",
                is_sample=True,
            )
        )
    HelpSession.objects.bulk_create(sessions)
    return len(sessions)


def _next_weekday(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7 or 7)


def _at(day, hour_minute):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(*hour_minute)))
