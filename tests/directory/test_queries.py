"""Query counts with 500 merchants: the directory adds at most 10 queries to what serving any page costs.

The baseline is a plain StandardPage at the same place (site, header, menu, breadcrumbs, language
switcher: the foundation's share); the directory and street pages may add at most 10 more.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Merchant, PaymentMethod
from tests.conftest import host_of
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
OWN_QUERY_BUDGET = 10


@pytest.fixture
def five_hundred(ward, other_ward, street, other_street):
    methods = list(PaymentMethod.objects.all())
    merchants = Merchant.objects.bulk_create(
        Merchant(
            key=f"q-{n}",
            name=f"Cửa hàng {n}",
            ward=ward if n % 2 else other_ward,
            street=street if n % 2 else other_street,
            address=f"Số {n}",
            latitude="10.3470",
            longitude="107.0760",
            published=True,
            search_text=f"cua hang {n}",
        )
        for n in range(500)
    )
    Through = Merchant.payment_methods.through
    Through.objects.bulk_create(
        Through(merchant_id=m.pk, paymentmethod_id=methods[n % len(methods)].pk) for n, m in enumerate(merchants)
    )
    return merchants


def count_queries(client, url, host):
    client.get(url, HTTP_HOST=host)  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_directory_page_with_500_merchants(client, city, city_directory, five_hundred, django_assert_max_num_queries):
    baseline_page = StandardPageFactory(parent=city, title="Mốc so sánh", slug="moc-so-sanh")
    baseline = count_queries(client, baseline_page.url, host_of(city))
    client.get(city_directory.url)
    with django_assert_max_num_queries(baseline + OWN_QUERY_BUDGET):
        response = client.get(city_directory.url + "?thanh-toan=momo")
    assert "cửa hàng phù hợp" in response.text


def test_street_page_with_500_merchants(
    client, ward, ward_directory, street, five_hundred, django_assert_max_num_queries
):
    baseline_page = StandardPageFactory(parent=ward_directory, title="Mốc so sánh", slug="moc-so-sanh")
    baseline = count_queries(client, baseline_page.url, host_of(ward))
    client.get(street.url, HTTP_HOST=host_of(ward))
    with django_assert_max_num_queries(baseline + OWN_QUERY_BUDGET):
        response = client.get(street.url, HTTP_HOST=host_of(ward))
    assert response.text.count('class="merchant"') == 250
