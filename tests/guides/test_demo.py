"""Demo content: the eight guides, sample teams and sessions for every ward, idempotent, rendered clean."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup

from guides import demo_content
from guides.demo import build_demo
from guides.models import CommunityDigitalTeam, GuideIndexPage, GuidePage, HelpSession
from guides.validation import step_problems
from home.portal_tree import PortalStructure
from tests.guides.conftest import path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def structure(city, wards):
    return PortalStructure(city=city, wards=wards)


def counts():
    return (GuidePage.objects.count(), HelpSession.objects.count(), CommunityDigitalTeam.objects.count())


def test_full_demo_builds_eight_published_guides_and_is_idempotent(client, structure):
    build_demo(structure, StringIO())
    guides = list(GuidePage.objects.live().order_by("title"))
    assert len(guides) == 8
    assert {g.slug for g in guides} == {spec["slug"] for spec in demo_content.GUIDES}
    index = GuideIndexPage.objects.get()
    assert index.get_parent().pk == structure.city.pk and index.show_in_menus
    before = counts()
    output = StringIO()
    build_demo(structure, output)
    assert counts() == before
    assert "0 hướng dẫn mới, 0 buổi hỗ trợ mẫu mới" in output.getvalue()

    for guide in guides:
        assert guide.topics.exists() and len(guide.steps) >= 5 and len(guide.common_problems) >= 3
        assert step_problems(guide.steps) == []
        soup = BeautifulSoup(client.get(path_of(guide)).content, "html.parser")
        assert soup.select_one("h1").get_text() == guide.title
        assert all(img.get("alt", "").strip() for img in soup.select("main img")), guide.slug
        assert soup.select("#related-heading"), f"{guide.slug} links no related guide"


def test_every_ward_gets_a_sample_team_and_upcoming_sample_sessions(structure):
    build_demo(structure, StringIO(), small=True)
    for ward in structure.wards:
        team = CommunityDigitalTeam.objects.get(ward=ward)
        assert team.is_sample and team.members.count() == len(demo_content.TEAM_ROLES)
        assert not any(member.phone or member.name for member in team.members.all())  # no invented people
        sessions = HelpSession.objects.filter(ward=ward)
        assert sessions.count() == 2 and all(s.is_sample and s.ends_at > s.starts_at for s in sessions)


def test_small_demo_builds_the_illustrated_guides_only(structure):
    build_demo(structure, StringIO(), small=True)
    assert set(GuidePage.objects.values_list("slug", flat=True)) == set(demo_content.SMALL_SLUGS)


def test_sessions_are_renewed_once_the_samples_have_passed(structure):
    build_demo(structure, StringIO(), small=True)
    HelpSession.objects.update(starts_at="2020-01-01T08:00:00Z", ends_at="2020-01-01T10:00:00Z")
    build_demo(structure, StringIO(), small=True)
    assert HelpSession.objects.count() == 2 * 2 * len(structure.wards)


SENTENCE = re.compile(r"[^.!?:]+")


def _texts(spec):
    for step in spec["steps"]:
        for item in step["text"]:
            yield from (item if isinstance(item, list) else [item])
        for key in ("tips", "warnings", "infos"):
            yield from step.get(key, [])


@pytest.mark.parametrize("spec", demo_content.GUIDES, ids=lambda spec: spec["slug"])
def test_demo_guides_are_written_in_short_plain_sentences(spec):
    for text in _texts(spec):
        for sentence in SENTENCE.findall(text):
            assert len(sentence.split()) <= 32, f"câu quá dài: {sentence!r}"
    for step in spec["steps"]:
        assert len(step["title"]) <= 80
    domains = re.findall(r"\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|example)\b", " ".join(_texts(spec)))
    assert all(domain == "gov.vn" or domain.endswith((".gov.vn", ".example")) for domain in domains), domains
