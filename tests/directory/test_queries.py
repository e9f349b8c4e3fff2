"""Query counts with 500 merchants: a whole directory or street page response in at most 10 queries.

Measured warm, as a running server is: the shared frame (site, header, menu, breadcrumbs, footer)
comes from the frame cache (home/frame.py), so what remains is routing and the directory's own work.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Merchant, PaymentMethod
from tests.conftest import host_of

pytestmark = pytest.mark.django_db
QUERY_BUDGET = 10


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
    host = host_of(city)
    assert count_queries(client, city_directory.url, host) <= QUERY_BUDGET
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(city_directory.url + "?thanh-toan=momo", HTTP_HOST=host)
    assert "cửa hàng phù hợp" in response.text


def test_street_page_with_500_merchants(
    client, ward, ward_directory, street, five_hundred, django_assert_max_num_queries
):
    host = host_of(ward)
    client.get(street.url, HTTP_HOST=host)
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(street.url, HTTP_HOST=host)
    assert response.text.count('class="merchant"') == 250
