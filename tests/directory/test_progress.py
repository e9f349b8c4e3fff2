"""Progress figures for the transparency pages: streets per ward against 17/17, merchant counts."""

import pytest

from directory.progress import merchant_counts, street_progress_by_ward
from tests.directory.conftest import THUY_VAN, add_street, make_merchant

pytestmark = pytest.mark.django_db


def test_street_progress_counts_live_streets_per_ward(ward, other_ward, street, other_street, other_ward_directory):
    add_street(other_ward_directory, "Hoàng Hoa Thám", THUY_VAN, status="planned")
    draft = add_street(other_ward_directory, "Xô Viết Nghệ Tĩnh", THUY_VAN)
    draft.unpublish()
    progress = street_progress_by_ward()
    assert len(progress.rows) == 17 and progress.target == 17
    rows = {row.ward.pk: row for row in progress.rows}
    assert (rows[ward.pk].active, rows[ward.pk].planned) == (1, 0)
    assert (rows[other_ward.pk].active, rows[other_ward.pk].planned) == (1, 1)
    assert progress.wards_with_active == 2 and progress.active_streets == 2 and progress.planned_streets == 1
    assert progress.percent == round(200 / 17, 1) and not progress.reached
    assert sum(row.active + row.planned for row in progress.rows) == 3


def test_sample_streets_can_be_left_out(ward, street, other_ward_directory):
    add_street(other_ward_directory, "Thùy Vân", THUY_VAN, is_sample=True)
    assert street_progress_by_ward().wards_with_active == 2
    assert street_progress_by_ward().has_sample_data
    real_only = street_progress_by_ward(include_sample=False)
    assert real_only.wards_with_active == 1 and not real_only.has_sample_data


def test_merchant_counts_per_ward_and_method(ward, other_ward, street, other_street):
    make_merchant(ward, "A", street, methods=("vietqr", "momo"))
    make_merchant(ward, "B", street, methods=("vietqr",))
    make_merchant(other_ward, "C", other_street, methods=("the",), is_sample=True)
    make_merchant(other_ward, "Chưa công khai", other_street, methods=("the",), published=False)
    counts = merchant_counts()
    assert counts.total == 3 and counts.has_sample_data
    by_ward = {w.pk: n for w, n in counts.by_ward}
    assert by_ward[ward.pk] == 2 and by_ward[other_ward.pk] == 1 and len(by_ward) == 17
    by_method = {m.code: n for m, n in counts.by_method}
    assert by_method == {"vietqr": 2, "momo": 1, "the": 1, "zalopay": 0, "vnpay": 0, "shopeepay": 0}
    real = merchant_counts(include_sample=False)
    assert real.total == 2 and dict((m.code, n) for m, n in real.by_method)["the"] == 0


def test_progress_functions_use_few_queries(django_assert_max_num_queries, street):
    with django_assert_max_num_queries(2):
        street_progress_by_ward()
    with django_assert_max_num_queries(5):
        merchant_counts()
