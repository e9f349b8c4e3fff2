"""Deploy checks (``manage.py check --deploy``): production misconfigurations that can be seen from the
settings are errors, so a deployment with them fails its checks instead of running half-protected."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.http.request import validate_host


@register(Tags.security, deploy=True)
def portal_deploy_checks(app_configs=None, **kwargs):
    errors = []
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith("LocMemCache") or backend.endswith("DummyCache"):
        errors.append(Error(
            "The cache is per process (no CACHE_URL): rate limits, login throttling and cache "
            "invalidation are not shared between the workers.",
            hint="Set CACHE_URL, e.g. redis://127.0.0.1:6379/0.",
            id="portal.E001",
        ))
    if not (getattr(settings, "SERVE_MEDIA", False) or getattr(settings, "MEDIA_SERVED_BY_PROXY", False)):
        errors.append(Error(
            "Nothing serves uploaded media (MEDIA_URL): images and documents would be 404.",
            hint="Serve MEDIA_ROOT at /media/ from the web server and set MEDIA_SERVED_BY_PROXY=true, "
            "or set SERVE_MEDIA=true to let Django serve them (small deployments). See README.",
            id="portal.E002",
        ))
    admin_hosts = getattr(settings, "ADMIN_HOSTS", [])
    if not admin_hosts:
        errors.append(Error(
            "ADMIN_HOSTS is empty: the admin and its login answer on every host name.",
            hint="Set ADMIN_HOSTS, e.g. quantri.<PORTAL_DOMAIN>.",
            id="portal.E003",
        ))
    base_url = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    if base_url.scheme != "https" or not base_url.hostname:
        errors.append(Error(
            "WAGTAILADMIN_BASE_URL is not an https URL: links in notification e-mails would send "
            "editors' sessions over plain HTTP.",
            hint="Set WAGTAILADMIN_BASE_URL=https://quantri.<PORTAL_DOMAIN>.",
            id="portal.E004",
        ))
    elif admin_hosts and not validate_host(base_url.hostname, admin_hosts):
        errors.append(Error(
            f"WAGTAILADMIN_BASE_URL's host {base_url.hostname} is not in ADMIN_HOSTS: its links would be 404.",
            hint="Use a host of ADMIN_HOSTS in WAGTAILADMIN_BASE_URL.",
            id="portal.E005",
        ))
    allowed = getattr(settings, "ALLOWED_HOSTS", [])
    unreachable = [host for host in admin_hosts if not validate_host(host.lstrip("."), allowed)]
    if unreachable:
        errors.append(Error(
            f"ADMIN_HOSTS {', '.join(unreachable)} not in ALLOWED_HOSTS: the admin could not be reached.",
            hint="Add the admin host to ALLOWED_HOSTS (the default .<PORTAL_DOMAIN> covers quantri.<PORTAL_DOMAIN>).",
            id="portal.E006",
        ))
    return errors
