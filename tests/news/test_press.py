"""Press page: releases of its index's scope, media contacts, downloadable documents and images."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from news.models import PressContact, PressPage
from tests.conftest import host_of
from tests.news.conftest import make_news

pytestmark = pytest.mark.django_db


def test_press_page_lists_releases_contacts_and_assets(client, city, city_index, ward_index, categories):
    make_news(city_index, categories["press"], title="Thông cáo về mùa du lịch")
    make_news(ward_index, categories["press"], title="Thông cáo của Phường 1")
    make_news(city_index, categories["news"], title="Tin thường")
    document = Document.objects.create(title="Bộ nhận diện", file=ContentFile(b"%PDF-1.4", name="nhan-dien.pdf"))
    buffer = BytesIO()
    PILImage.new("RGB", (64, 48), "teal").save(buffer, "PNG")
    image = Image.objects.create(title="Ảnh trụ sở", file=ContentFile(buffer.getvalue(), name="tru-so.png"))
    press = PressPage(
        title="Báo chí",
        slug="bao-chi",
        assets=[
            ("document", {"document": document, "title": "Bộ nhận diện (PDF)"}),
            ("image", {"image": image, "alt_text": "Trụ sở UBND thành phố", "caption": "Trụ sở", "credit": ""}),
        ],
    )
    press.contacts = [PressContact(name="Nguyễn Văn Phát Ngôn", role="Chánh Văn phòng", phone="0254 3 123 456")]
    city_index.add_child(instance=press)
    html = client.get("/tin-tuc/bao-chi/", HTTP_HOST=host_of(city)).content.decode()
    assert "Thông cáo về mùa du lịch" in html and "Thông cáo của Phường 1" in html  # the city index aggregates
    assert "Tin thường" not in html
    assert "Nguyễn Văn Phát Ngôn" in html and 'href="tel:02543123456"' in html
    assert document.url in html and "Bộ nhận diện (PDF)" in html
    assert image.file.url in html and 'alt="Trụ sở UBND thành phố"' in html
    assert PressPage.parent_page_types == ["news.NewsIndexPage"]
