"""The demo content built by bootstrap_portal (small variant, as for the browser-test server)."""

from io import StringIO

import pytest

from home.portal_tree import PortalStructure
from procedures.demo import DEMO_NOTE, WELL_KNOWN, build_demo
from procedures.models import FeaturedProcedure, ProcedureIndexPage, ProcedurePage, WardProceduresPage

pytestmark = pytest.mark.django_db


def test_small_demo_is_real_data_with_marked_editor_data_and_idempotent(client, city, wards):
    structure = PortalStructure(city=city, wards=wards)
    out = StringIO()
    build_demo(structure, out, small=True)
    assert "Thủ tục hành chính: 48 tạo mới" in out.getvalue()
    assert ProcedureIndexPage.objects.filter(locale__language_code="vi").count() == 1
    assert ProcedureIndexPage.objects.filter(locale__language_code="en").count() == 1
    assert WardProceduresPage.objects.count() == 17
    assert ProcedurePage.objects.count() == 48
    khai_sinh = ProcedurePage.objects.get(code="1.001193")
    assert (khai_sinh.online_service_level, khai_sinh.sample_note) == ("toan_trinh", DEMO_NOTE)
    assert "làm giấy khai sinh" in khai_sinh.keywords
    html = client.get(khai_sinh.url_path[len("/trang-chu"):]).content.decode()
    assert "Dữ liệu mẫu." in html and DEMO_NOTE in html
    assert FeaturedProcedure.objects.count() == len(WELL_KNOWN)

    khai_sinh.online_service_level = "mot_phan"  # an editor's later decision
    khai_sinh.save_revision().publish()
    out = StringIO()
    build_demo(structure, out, small=True)
    assert "0 tạo mới, 0 cập nhật, 48 không đổi" in out.getvalue()
    assert ProcedurePage.objects.count() == 48 and WardProceduresPage.objects.count() == 17
    assert ProcedurePage.objects.get(code="1.001193").online_service_level == "mot_phan"
    assert FeaturedProcedure.objects.count() == len(WELL_KNOWN)
