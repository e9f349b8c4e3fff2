"""The guide page and its A4 handout: reading structure, numbered steps, QR code, related content."""

import pytest
from bs4 import BeautifulSoup

from guides.handout import qr_svg
from guides.models import GuideRelatedGuide, GuideRelatedProcedure
from tests.factories import StandardPageFactory
from tests.guides.conftest import path_of, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(make_guide, image):
    return make_guide(
        steps=[
            step("Mở ứng dụng", "<p>Mở ứng dụng ngân hàng.</p>",
                 callouts=[{"kind": "warning", "text": "<p>Không đọc mã OTP cho ai.</p>"}]),
            step("Quét mã", "<p>Đưa camera vào mã.</p>",
                 screenshots=[{"image": image.pk, "alt_text": "Điện thoại hiện mã QR minh họa", "caption": ""}]),
            step("Xác nhận", "<p>Kiểm tra tên người nhận.</p>"),
        ]
    )


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_guide_page_structure_for_listening_and_reading(client, guide):
    soup = soup_of(client, path_of(guide))
    assert soup.select_one("h1").get_text() == guide.title
    assert [h.get_text(" ", strip=True) for h in soup.select("ol.steps > li > h3")] == [
        "Bước 1. Mở ứng dụng", "Bước 2. Quét mã", "Bước 3. Xác nhận",
    ]
    assert [li["id"] for li in soup.select("ol.steps > li")] == ["buoc-1", "buoc-2", "buoc-3"]
    assert soup.select_one("ol.steps img")["alt"] == "Điện thoại hiện mã QR minh họa"
    assert "Lưu ý quan trọng" in soup.select_one("ol.steps .callout--warning").get_text()
    assert [li.get_text() for li in soup.select("#needs-heading + ul li")] == ["Căn cước gắn chip", "Điện thoại"]
    levels = [int(h.name[1]) for h in soup.select("main h1, main h2, main h3")]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))  # no skipped heading level


def test_reading_controls_are_progressive_enhancement(client, guide):
    soup = soup_of(client, path_of(guide))
    controls = soup.select_one("[data-reading-controls]")
    assert controls.has_attr("hidden")
    assert [b.get_text(" ", strip=True) for b in controls.select("button[aria-pressed]")] == [
        "A chữ thường", "A+ chữ lớn", "A++ chữ rất lớn", "Tương phản cao",
    ]
    assert "Ctrl" in soup.select_one("noscript").get_text()
    assert soup.select_one("head script[src$='guides/reading.js']")


def test_related_procedures_and_guides_are_linked_when_live(client, guide, make_guide, city):
    procedure = StandardPageFactory(parent=city, title="Đăng ký khai sinh")
    hidden = StandardPageFactory(parent=city, title="Thủ tục chưa xuất bản", live=False)
    other = make_guide("Trả tiền điện")
    guide.related_procedures = [GuideRelatedProcedure(procedure=procedure), GuideRelatedProcedure(procedure=hidden)]
    guide.related_guides = [GuideRelatedGuide(other=other)]
    guide.save_revision().publish()
    text = soup_of(client, path_of(guide)).select_one("#related-heading").parent.get_text(" ", strip=True)
    assert "Đăng ký khai sinh" in text and "Trả tiền điện" in text
    assert "Thủ tục chưa xuất bản" not in text


def test_guide_page_query_count(client, guide, django_assert_max_num_queries):
    url = path_of(guide)
    client.get(url)
    with django_assert_max_num_queries(28):
        client.get(url)


def test_handout_has_large_print_steps_and_the_qr_of_the_online_version(client, guide):
    soup = soup_of(client, path_of(guide) + "ban-in/")
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    qr = soup.select_one(".handout__qr svg")
    assert qr["role"] == "img" and qr.select_one("title").get_text() == "Mã QR mở bản trực tuyến của hướng dẫn này"
    assert soup.select_one(".handout__url").get_text() == guide.full_url
    assert [h.get_text(" ", strip=True) for h in soup.select("ol.steps > li > h3")][0] == "Bước 1. Mở ứng dụng"
    assert soup.select_one("ol.steps img")["alt"] == "Điện thoại hiện mã QR minh họa"
    assert not soup.select(".feedback, [data-reading-controls]")


def test_handout_css_sets_a4_and_large_type():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "guides/static/guides/guides.css").read_text()
    assert "@page { size: A4;" in css
    assert ".page-guide-handout { font-size: 14pt;" in css


def test_qr_svg_is_inline_and_labelled():
    svg = qr_svg("https://localhost/huong-dan/thu/")
    assert svg.startswith('<svg role="img" focusable="false" ')
    assert "<title>Mã QR mở bản trực tuyến của hướng dẫn này</title>" in svg
    assert svg != qr_svg("https://localhost/huong-dan/khac/")
