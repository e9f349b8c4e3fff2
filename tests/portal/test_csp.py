"""Content-Security-Policy headers (portal/csp.py, django-csp): strict on public pages and on page
previews rendered inside the admin; relaxed only on the admin's own screens."""

import json
import os
import subprocess
import sys

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.csp import source_of
from tests.conftest import host_of
from tests.factories import StandardPageFactory, editor_of

pytestmark = pytest.mark.django_db

PAYLOAD = '<img src=x onerror=window.__xss=1>"><script>window.__xss=1</script>'


def directives(header):
    """``"script-src 'self'; img-src …"`` → ``{"script-src": ["'self'"], …}``."""
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_strict(response):
    assert "Content-Security-Policy-Report-Only" not in response
    policy = directives(response["Content-Security-Policy"])
    for name in ("script-src", "style-src"):
        assert policy[name] == ["'self'"], (name, policy[name])
    for name in ("default-src", "connect-src", "font-src", "base-uri", "form-action", "frame-ancestors"):
        assert policy[name] == ["'self'"], (name, policy[name])
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    return policy


@pytest.fixture
def ward_page(ward):
    return StandardPageFactory(parent=ward, title="Trang thử CSP", slug="trang-thu-csp")


def test_public_pages_get_the_strict_policy_with_the_map_tiles_in_img_src(client, city, ward, ward_page, settings):
    for host, path in ((host_of(city), "/"), (host_of(ward), "/"), (host_of(ward), "/trang-thu-csp/"),
                       (host_of(city), "/tim-kiem/?q=giay+phep"), (host_of(city), "/khong-co-trang-nay/")):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code in (200, 404), path
        policy = assert_strict(response)
        assert policy["img-src"] == ["'self'", "data:", source_of(settings.DIRECTORY_TILE_URL)]
        assert source_of(settings.DIRECTORY_TILE_URL) == "https://tile.openstreetmap.org"


def test_page_preview_and_draft_view_in_the_admin_get_the_strict_policy(client, ward, ward_page):
    client.force_login(editor_of(ward))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[ward_page.pk])
    form = nested_form_data({"title": PAYLOAD, "slug": "trang-thu-csp", "summary": PAYLOAD, "body": streamfield([])})
    assert client.post(url, form).json()["is_valid"] is True
    preview = client.get(url)
    assert preview.status_code == 200
    assert PAYLOAD not in preview.text and "&lt;img src=x" in preview.text  # the payload is there, escaped
    assert_strict(preview)

    ward_page.title = PAYLOAD
    ward_page.save_revision()
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[ward_page.pk]))
    assert draft.status_code == 200 and PAYLOAD not in draft.text and "&lt;img src=x" in draft.text
    assert_strict(draft)


def test_admin_screens_get_the_relaxed_admin_policy(client, ward, ward_page):
    client.force_login(editor_of(ward))
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_pages:edit", args=[ward_page.pk])):
        response = client.get(url)
        assert response.status_code == 200
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # Wagtail's admin needs inline code
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_report_only_mode_and_report_uri_come_from_the_environment():
    def settings_under(**env):
        code = (
            "import django, json; django.setup(); from django.conf import settings as s; "
            "print(json.dumps([s.CONTENT_SECURITY_POLICY, s.CONTENT_SECURITY_POLICY_REPORT_ONLY]))"
        )
        inherited = {name: value for name, value in os.environ.items() if not name.startswith("CSP_")}
        environ = {**inherited, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env}
        out = subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True)
        return json.loads(out.stdout)

    enforced, report_only = settings_under()
    assert report_only is None and "report-uri" not in enforced["DIRECTIVES"]
    enforced, report_only = settings_under(CSP_REPORT_ONLY="true", CSP_REPORT_URI="https://csp.example.vn/report")
    assert enforced is None
    assert report_only["DIRECTIVES"]["report-uri"] == ["https://csp.example.vn/report"]
    assert report_only["DIRECTIVES"]["script-src"] == ["'self'"]


def test_report_only_header_on_public_pages_and_previews(client, ward, ward_page, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    response = client.get("/trang-thu-csp/", HTTP_HOST=host_of(ward))
    assert "Content-Security-Policy" not in response
    assert directives(response["Content-Security-Policy-Report-Only"])["script-src"] == ["'self'"]
    client.force_login(editor_of(ward))
    admin = client.get(reverse("wagtailadmin_home"))
    assert "'unsafe-inline'" in admin["Content-Security-Policy-Report-Only"]
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[ward_page.pk]))
    assert directives(draft["Content-Security-Policy-Report-Only"])["style-src"] == ["'self'"]


def test_source_of_a_tile_url_template():
    assert source_of("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert source_of("https://{s}.tile.example.vn:8443/{z}/{x}/{y}.png") == "https://*.tile.example.vn:8443"
    assert source_of("/tiles/{z}/{x}/{y}.png") == ""
    assert source_of("") == ""
