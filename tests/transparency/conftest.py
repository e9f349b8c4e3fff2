"""Fixtures of the transparency tests: the plan's real indicators, pages, users, figures."""

from decimal import Decimal
from io import StringIO

import pytest

from home.portal_tree import PortalStructure
from tests.factories import editor_of
from transparency import bootstrap
from transparency.importer import import_plan
from transparency.models import Indicator, Measurement
from transparency.periods import Period
from transparency.permissions import grant_measurement_permissions


@pytest.fixture
def plan(db):
    """The plan's 42 indicators (real data file) and the editors' measurement permissions."""
    import_plan()
    grant_measurement_permissions()
    return {indicator.code: indicator for indicator in Indicator.objects.select_related("group")}


@pytest.fixture
def dashboard(plan, city):
    """The dashboard page alone (quick to build)."""
    return bootstrap.ensure_page(city, "TransparencyPage", bootstrap.DASHBOARD, show_in_menus=True)


@pytest.fixture
def pages(dashboard):
    """Dashboard, library (with the plan and its legal bases) and open-data page, no sample figures."""
    library = bootstrap.ensure_page(dashboard, "DocumentIndexPage", bootstrap.LIBRARY)
    open_data = bootstrap.ensure_page(dashboard, "OpenDataPage", bootstrap.OPEN_DATA)
    cited = bootstrap.ensure_legal_bases(library)
    document = bootstrap.ensure_plan_document(library, cited)
    dashboard.plan_document = document
    dashboard.save_revision().publish()
    return {"dashboard": dashboard, "library": library, "open_data": open_data, "plan": document, "cited": cited}


@pytest.fixture
def demo(plan, city, wards):
    """What ``bootstrap_portal --small`` builds for this app (pages, translations, sample figures)."""
    bootstrap.build_transparency(PortalStructure(city=city, wards=wards), StringIO(), {"small": True})


@pytest.fixture
def ward_editor(ward, plan):
    return editor_of(ward)


@pytest.fixture
def city_editor(city, plan):
    return editor_of(city)


def add_figure(indicator, period, value, ward=None, **extra):
    """A measurement saved directly (the admin form is tested separately)."""
    if isinstance(period, str):
        period = Period.parse(period)
    return Measurement.objects.create(
        indicator=indicator, period=period.as_date(), ward=ward, value=Decimal(str(value)), **extra
    )
