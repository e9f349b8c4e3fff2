"""The app's part of bootstrap_portal: real data, pages, sample figures; idempotent; edits kept."""

from io import StringIO

import pytest
from wagtail.models import Page, Revision

from home.portal_tree import PortalStructure
from transparency.bootstrap import SAMPLE_SOURCE, build_transparency, ensure_sample_figures
from transparency.models import DocumentPage, Indicator, Measurement, OpenDataPage, TransparencyPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "indicators": Indicator.objects.count(),
        "measurements": Measurement.objects.count(),
    }


def test_builds_the_real_content_and_marked_sample_figures_once(city, wards):
    structure = PortalStructure(city=city, wards=wards)
    output = StringIO()
    build_transparency(structure, output, {"small": True})
    assert "13 văn bản căn cứ" in output.getvalue()
    dashboard = TransparencyPage.objects.get(locale__language_code="vi")
    assert dashboard.get_parent().specific == city and dashboard.show_in_menus
    assert dashboard.plan_document.doc_number == "/KH-UBND"
    assert TransparencyPage.objects.filter(locale__language_code="en").exists()
    assert OpenDataPage.objects.count() == 2  # Vietnamese and English
    assert DocumentPage.objects.count() == 14
    samples = Measurement.objects.all()
    assert samples.exists() and all(m.is_sample and m.source == SAMPLE_SOURCE for m in samples)
    first = snapshot()
    sample = samples.filter(ward__isnull=False).first()
    sample.value, sample.is_sample, sample.source = 0, False, "Báo cáo thật của phường"
    sample.save()
    build_transparency(structure, StringIO(), {"small": True})
    assert snapshot() == first
    sample.refresh_from_db()
    assert (sample.value, sample.is_sample) == (0, False)


def test_the_full_demo_has_months_of_figures_and_a_few_missing_reports(plan):
    assert ensure_sample_figures(small=False) == 624
    assert ensure_sample_figures(small=False) == 0
    periods = sorted({m.period.isoformat()[:7] for m in Measurement.objects.all()})
    assert periods == [f"2024-{month:02d}" for month in range(3, 11)]
    october_reports = Measurement.objects.filter(period="2024-10-01", indicator__code="CQS-12").count()
    assert october_reports == 17 - 2  # two wards have not reported the last sample period
