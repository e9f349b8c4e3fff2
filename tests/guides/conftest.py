"""Fixtures of the guides tests: the city's guide index, a guide builder, an illustration image."""

import datetime

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model

from guides.demo import ILLUSTRATIONS_DIR
from guides.models import GuideAudience, GuideIndexPage, GuidePage, GuideTopic, HelpSession


@pytest.fixture(autouse=True)
def empty_cache():
    """The feedback rate limit lives in the cache; each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def guide_index(city):
    index = GuideIndexPage(title="Hướng dẫn kỹ năng số", slug="huong-dan", intro="Hướng dẫn từng bước.")
    city.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def topic(db):
    return GuideTopic.objects.get(slug="dinh-danh-dien-tu-vneid")


@pytest.fixture
def other_topic(db):
    return GuideTopic.objects.get(slug="thanh-toan-khong-dung-tien-mat")


@pytest.fixture
def image(db):
    with open(ILLUSTRATIONS_DIR / "quet-ma-qr.png", "rb") as handle:
        picture = get_image_model()(title="Hình minh họa thử", file=ImageFile(handle, name="quet-ma-qr.png"))
        picture.save()
    return picture


def step(title="Mở ứng dụng", text="<p>Mở ứng dụng trên điện thoại.</p>", screenshots=(), callouts=(), video=None):
    return {
        "type": "step",
        "value": {
            "title": title,
            "instruction": text,
            "screenshots": list(screenshots),
            "callouts": list(callouts),
            "video": video or {"video": None, "transcript": ""},
        },
    }


@pytest.fixture
def make_guide(guide_index, topic):
    """``make_guide(title, topics=[…], audiences=[slug…], steps=[…], publish=True)`` → a published GuidePage."""

    def make(title="Kích hoạt VNeID", topics=None, audiences=(), steps=None, publish=True, **fields):
        guide = GuidePage(
            title=title,
            outcomes="Kích hoạt được tài khoản\nĐăng nhập được",
            requirements="- Căn cước gắn chip\n- Điện thoại",
            duration_minutes=fields.pop("duration_minutes", 15),
            live=publish,
            steps=steps or [step(), step("Đăng nhập", "<p>Nhập số định danh.</p>")],
            **fields,
        )
        guide.topics = topics if topics is not None else [topic]
        guide.audiences = list(GuideAudience.objects.filter(slug__in=audiences))
        guide_index.add_child(instance=guide)
        revision = guide.save_revision()
        if publish:
            revision.publish()
        return GuidePage.objects.get(pk=guide.pk)

    return make


@pytest.fixture
def make_session(topic):
    def make(ward, starts_in=datetime.timedelta(days=2), hours=2, **fields):
        start = timezone.now() + starts_in
        fields.setdefault("topic", topic)
        return HelpSession.objects.create(
            ward=ward,
            title=fields.pop("title", "Hướng dẫn cài VNeID"),
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=hours),
            place=fields.pop("place", "Hội trường UBND phường"),
            **fields,
        )

    return make


def path_of(page):
    """Path of a page on its own site (what the test client requests)."""
    return page.get_url_parts()[2]
