"""bootstrap_portal's news demo: real plan item, deterministic marked samples, idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command

from home.translation import untranslated_strings
from news import demo
from news.models import NewsCategory, NewsIndexPage, NewsPage, PressPage
from portal.vietnamese import nfc
from tests.conftest import host_of

pytestmark = pytest.mark.django_db


def _source_text():
    path = demo.__file__.replace("demo.py", "data/ke-hoach-chuyen-doi-so-2024.txt")
    with open(path, encoding="utf-8") as source:
        return " ".join(nfc(source.read()).split())


def test_the_plans_facts_are_quoted_verbatim_from_the_plan():
    text = _source_text()
    assert " ".join(demo.PLAN_TITLE.split()) in text
    for key, fact in demo.PLAN_FACTS.items():
        assert fact in text, key


def test_demo_builds_indices_press_page_plan_and_marked_samples_deterministically(city, wards, client):
    call_command("bootstrap_portal", "--small", "--no-admin", stdout=StringIO())
    assert NewsIndexPage.objects.filter(locale__language_code="vi").count() == 18
    assert NewsIndexPage.objects.filter(locale__language_code="en").count() == 1 + demo.SMALL_WARDS + 1
    assert PressPage.objects.live().count() == 1

    plan = NewsPage.objects.get(slug=demo.PLAN_SLUG, locale__language_code="vi")
    assert plan.title == demo.PLAN_TITLE and not plan.is_sample and plan.unit_code == ""
    english_plan = NewsPage.objects.get(translation_key=plan.translation_key, locale__language_code="en")
    assert english_plan.title.startswith("Plan for the key digital-transformation tasks")
    assert set(untranslated_strings(plan, "en")) <= {plan.slug}  # every text is translated (the slug may stay)

    samples = NewsPage.objects.filter(is_sample=True)
    assert samples.exists() and all(page.title.startswith("Tin mẫu: ") for page in samples)
    sampled_wards = [*wards[: demo.SMALL_WARDS], next(w for w in wards if w.slug == demo.URGENT_WARD_SLUG)]
    assert {page.unit_code for page in samples} == {"", *(ward.gso_code for ward in sampled_wards)}
    kinds = set(samples.values_list("category__kind", flat=True))
    assert NewsCategory.KIND_NOTICE in kinds
    assert samples.filter(is_urgent=True).count() == 1

    html = client.get("/", HTTP_HOST=host_of(city)).content.decode()
    assert demo.PLAN_TITLE in html  # featured on the city home page
    sample = samples.filter(unit_code=wards[0].gso_code).first()
    page_html = client.get(sample.url_path.split("/" + wards[0].slug, 1)[1], HTTP_HOST=host_of(wards[0])).content
    assert 'class="sample-flag"' in page_html.decode()

    # Idempotent: a second run changes nothing.
    before = list(NewsPage.objects.order_by("path").values_list("title", "slug", "unit_code", "is_urgent"))
    call_command("bootstrap_portal", "--small", "--no-admin", stdout=StringIO())
    after = list(NewsPage.objects.order_by("path").values_list("title", "slug", "unit_code", "is_urgent"))
    assert before == after
