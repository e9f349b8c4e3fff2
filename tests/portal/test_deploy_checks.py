"""``manage.py check --deploy`` fails on production misconfiguration (issue 12): each check alone,
then the real command under production settings, as CI and an operator run it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from portal.checks import portal_deploy_checks

ROOT = Path(__file__).resolve().parents[2]
REDIS = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/4"}}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
GOOD = {
    "CACHES": REDIS, "MEDIA_SERVED_BY_PROXY": True, "SERVE_MEDIA": False, "ADMIN_HOSTS": ["quantri.portal.example"],
    "ALLOWED_HOSTS": ["portal.example", ".portal.example"], "WAGTAILADMIN_BASE_URL": "https://quantri.portal.example",
}


def ids(**changes):
    with override_settings(**{**GOOD, **changes}):
        return [message.id for message in portal_deploy_checks()]


def test_a_good_production_configuration_passes():
    assert ids() == []
    assert ids(MEDIA_SERVED_BY_PROXY=False, SERVE_MEDIA=True) == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"CACHES": LOCMEM}, ["portal.E001"]),
    ({"MEDIA_SERVED_BY_PROXY": False}, ["portal.E002"]),
    ({"ADMIN_HOSTS": []}, ["portal.E003"]),
    ({"WAGTAILADMIN_BASE_URL": "http://quantri.portal.example"}, ["portal.E004"]),
    ({"WAGTAILADMIN_BASE_URL": ""}, ["portal.E004"]),
    ({"WAGTAILADMIN_BASE_URL": "https://portal.example"}, ["portal.E005"]),
    ({"ALLOWED_HOSTS": ["portal.example"]}, ["portal.E006"]),
])
def test_each_misconfiguration_is_an_error(changes, expected):
    assert ids(**changes) == expected


def run_check(**env):
    base = {key: value for key, value in os.environ.items()
            if key not in {"CACHE_URL", "ADMIN_HOSTS", "WAGTAILADMIN_BASE_URL", "SERVE_MEDIA", "MEDIA_SERVED_BY_PROXY",
                           "ALLOWED_HOSTS", "PORTAL_TRUSTED_PROXY_COUNT", "SECURE_PROXY_SSL",
                           "DJANGO_ALLOW_ASYNC_UNSAFE"}}  # set in this process by the browser tests' Playwright
    base.update(DJANGO_SETTINGS_MODULE="portal.settings.production", PORTAL_DOMAIN="portal.example",
                SECRET_KEY="test-deploy-check-0123456789abcdefghijklmnopqrstuvwxyz-0123456789")
    base.update(env)
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=base, capture_output=True, text=True, timeout=120)


def test_manage_py_check_deploy_under_production_settings():
    bare = run_check()
    assert bare.returncode != 0
    for check_id in ("portal.E001", "portal.E002", "portal.E003", "portal.E004"):
        assert check_id in bare.stderr
    configured = run_check(CACHE_URL="redis://127.0.0.1:6379/4", ADMIN_HOSTS="quantri.portal.example",
                           WAGTAILADMIN_BASE_URL="https://quantri.portal.example", MEDIA_SERVED_BY_PROXY="true")
    assert configured.returncode == 0, configured.stderr


def production_setting(name, **env):
    base = {key: value for key, value in os.environ.items()
            if key not in {"PORTAL_TRUSTED_PROXY_COUNT", "SECURE_PROXY_SSL"}}
    base.update(DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="x" * 50, **env)
    code = f"import django; django.setup(); from django.conf import settings; print(repr(settings.{name}))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_x_forwarded_proto_is_trusted_only_behind_a_declared_proxy():
    assert production_setting("SECURE_PROXY_SSL_HEADER") == "None"
    assert production_setting("SECURE_PROXY_SSL_HEADER", PORTAL_TRUSTED_PROXY_COUNT="1") == \
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert production_setting("SECURE_PROXY_SSL_HEADER", SECURE_PROXY_SSL="true") == \
        "('HTTP_X_FORWARDED_PROTO', 'https')"
