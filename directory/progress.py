"""Progress figures of the cashless-payment plan, reused by the transparency pages.

The plan's 2024 target: every one of the 17 wards and communes has a cashless-payment street
("17/17 phường, xã xây dựng tuyến đường thanh toán không sử dụng tiền mặt"). Plain functions:

- ``street_progress_by_ward()`` → ``StreetProgress`` (one row per ward: active/planned streets).
- ``merchant_counts()`` → ``MerchantCounts`` (published merchants per ward and per payment method).

Only live street pages and published merchants count. Sample (demo) records count unless
``include_sample=False``; ``has_sample_data`` says whether any were counted, so a page can say so.
"""

from collections import Counter
from dataclasses import dataclass, field

from home.units import live_wards

TARGET_WARDS = 17


@dataclass(frozen=True)
class WardStreets:
    ward: object
    active: int
    planned: int

    @property
    def has_active(self):
        return self.active > 0


@dataclass(frozen=True)
class StreetProgress:
    rows: list
    target: int = TARGET_WARDS
    has_sample_data: bool = False

    @property
    def wards_with_active(self):
        return sum(1 for row in self.rows if row.has_active)

    @property
    def active_streets(self):
        return sum(row.active for row in self.rows)

    @property
    def planned_streets(self):
        return sum(row.planned for row in self.rows)

    @property
    def percent(self):
        return round(100 * self.wards_with_active / self.target, 1) if self.target else 0.0

    @property
    def reached(self):
        return self.wards_with_active >= self.target


@dataclass(frozen=True)
class MerchantCounts:
    total: int
    by_ward: list = field(default_factory=list)  # [(ward, count)] for every ward, in tree order
    by_method: list = field(default_factory=list)  # [(payment_method, count)] in the list's order
    has_sample_data: bool = False


def summarise_streets(wards, streets):
    """``StreetProgress`` from already loaded wards and live streets (no query)."""
    active, planned = Counter(), Counter()
    for street in streets:
        (active if street.status == "active" else planned)[street.ward_id] += 1
    rows = [WardStreets(ward=ward, active=active[ward.pk], planned=planned[ward.pk]) for ward in wards]
    return StreetProgress(rows=rows, has_sample_data=any(street.is_sample for street in streets))


def street_progress_by_ward(include_sample=True):
    """Streets per ward (active and planned) against the 17/17 target (the wards come from the frame cache)."""
    from directory.models import CashlessStreetPage

    streets = (
        CashlessStreetPage.objects.live()
        .filter(locale__language_code="vi")
        .only("id", "ward_id", "status", "is_sample")
    )
    if not include_sample:
        streets = streets.filter(is_sample=False)
    return summarise_streets(live_wards("vi"), list(streets))


def merchant_counts(include_sample=True):
    """Published merchants per ward and per payment method. Five queries at most."""
    from django.db.models import Count

    from directory.models import Merchant, PaymentMethod

    merchants = Merchant.objects.filter(published=True)
    if not include_sample:
        merchants = merchants.filter(is_sample=False)
    per_ward = dict(merchants.order_by().values_list("ward_id").annotate(n=Count("id")))
    per_method = dict(
        Merchant.payment_methods.through.objects.filter(merchant__in=merchants)
        .order_by()
        .values_list("paymentmethod_id")
        .annotate(n=Count("id"))
    )
    return MerchantCounts(
        total=sum(per_ward.values()),
        by_ward=[(ward, per_ward.get(ward.pk, 0)) for ward in live_wards("vi")],
        by_method=[(method, per_method.get(method.pk, 0)) for method in PaymentMethod.objects.all()],
        has_sample_data=include_sample and merchants.filter(is_sample=True).exists(),
    )
