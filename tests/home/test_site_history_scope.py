"""Issue 12, finding 8: the site history (and its CSV export) and the snippet choosers showed other wards'
merchants, help sessions and measurements to ward editors. Now each ward sees its own, the city all."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from directory.models import Merchant
from guides.models import HelpSession
from tests.factories import UserFactory, editor_of
from transparency.models import Indicator, IndicatorGroup, Measurement

pytestmark = pytest.mark.django_db

HISTORY = "wagtailadmin_reports:site_history"


@pytest.fixture
def records(ward, other_ward):
    admin = UserFactory(username="quan-tri", is_superuser=True)
    start = timezone.now() + datetime.timedelta(days=2)
    group = IndicatorGroup.objects.create(slug="nhom", name_vi="Nhóm", sort_order=1)
    unit = Indicator._meta.get_field("unit").choices[0][0]
    indicator = Indicator.objects.create(
        group=group, code="ZZ-01", text_vi="Chỉ tiêu thử", target=100, unit=unit, per_ward=True,
        due_date=datetime.date(2025, 12, 31),
    )
    made = {}
    for unit, tag in ((ward, "Một"), (other_ward, "Hai")):
        made[tag] = [
            Merchant.objects.create(name=f"Quán bí mật {tag}", ward=unit, address="Số 1"),
            HelpSession.objects.create(
                ward=unit, title=f"Buổi bí mật {tag}", starts_at=start, ends_at=start + datetime.timedelta(hours=1),
                place="UBND",
            ),
            Measurement.objects.create(indicator=indicator, period=datetime.date(2024, 6, 1), ward=unit, value=1),
        ]
        for record in made[tag]:
            log(instance=record, action="wagtail.edit", user=admin)
    return made


def history(client, export=None):
    response = client.get(reverse(HISTORY), {"export": export} if export else {})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode() if export else response.content.decode()


def test_ward_editors_see_only_their_wards_records_in_the_site_history_and_its_export(client, ward, records):
    client.force_login(editor_of(ward))
    for text in (history(client), history(client, "csv")):
        for record in records["Một"]:
            assert str(record) in text
        for record in records["Hai"]:
            assert str(record) not in text


def test_city_editors_see_every_wards_records_in_the_site_history(client, city, records):
    client.force_login(editor_of(city))
    text = history(client, "csv")
    assert all(str(record) in text for tag in ("Một", "Hai") for record in records[tag])


@pytest.mark.parametrize("model", [Merchant, HelpSession, Measurement], ids=lambda m: m.__name__)
def test_snippet_choosers_list_only_the_editors_ward(client, ward, records, model):
    namespace = model.snippet_viewset.get_chooser_admin_url_namespace()
    mine = next(r for r in records["Một"] if isinstance(r, model))
    theirs = next(r for r in records["Hai"] if isinstance(r, model))
    client.force_login(editor_of(ward))
    html = client.get(reverse(f"{namespace}:choose")).json()["html"]
    assert reverse(f"{namespace}:chosen", args=[mine.pk]) in html
    assert reverse(f"{namespace}:chosen", args=[theirs.pk]) not in html
    assert client.get(reverse(f"{namespace}:chosen", args=[theirs.pk])).status_code == 404
    assert client.get(reverse(f"{namespace}:chosen_multiple"), {"id": [theirs.pk]}).json()["result"] == []
