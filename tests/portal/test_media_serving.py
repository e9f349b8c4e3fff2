"""Uploaded media in production (issue 12): not served by Django unless SERVE_MEDIA is set."""

import importlib

import pytest
from django.urls import clear_url_caches

import portal.urls

pytestmark = pytest.mark.django_db


def _reload_urls():
    importlib.reload(portal.urls)
    clear_url_caches()


def test_media_is_served_by_django_only_with_serve_media(client, settings, city):
    media_file = settings.MEDIA_ROOT / "kiem-tra-media.txt"
    document = settings.MEDIA_ROOT / "documents" / "kiem-tra-tai-lieu.txt"
    document.parent.mkdir(parents=True, exist_ok=True)
    media_file.write_text("tệp thử", encoding="utf-8")
    document.write_text("tài liệu", encoding="utf-8")
    try:
        assert not settings.DEBUG
        assert client.get("/media/kiem-tra-media.txt").status_code == 404
        settings.SERVE_MEDIA = True
        _reload_urls()
        response = client.get("/media/kiem-tra-media.txt")
        assert response.status_code == 200 and b"".join(response.streaming_content).decode() == "tệp thử"
        assert client.get("/media/../portal/settings/base.py").status_code in (400, 404)  # refused, never served
        assert client.get("/media/documents/kiem-tra-tai-lieu.txt").status_code == 404  # only via /documents/
    finally:
        settings.SERVE_MEDIA = False
        _reload_urls()
        media_file.unlink()
        document.unlink()
