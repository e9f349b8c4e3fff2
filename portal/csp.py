"""Content-Security-Policy: the strict public policy everywhere, a relaxed one for the Wagtail admin.

django-csp's middleware sends ``settings.CONTENT_SECURITY_POLICY`` (or ``…_REPORT_ONLY``) on every
response. This subclass swaps in ``settings.PORTAL_ADMIN_CSP_DIRECTIVES`` for the admin's own screens,
which need inline scripts and styles. Page previews keep the strict policy without any URL list:
Wagtail renders a preview through the whole middleware chain again, on a dummy request for the page's
public URL (``PreviewableMixin.make_preview_request``), so the inner pass sets the public header and
the admin pass leaves a response that already has one untouched. See docs/architecture.md.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIXES = ("/admin/",)


def source_of(url_template):
    """The CSP source expression of a URL template's origin: ``https://{s}.tile.example.org/{z}/…``
    → ``https://*.tile.example.org``; ``""`` for a relative or empty URL (served by 'self')."""
    parts = urlsplit(url_template or "")
    if not parts.scheme or not parts.netloc:
        return ""
    host = parts.netloc.replace("{s}", "*")
    return f"{parts.scheme}://{host}"


def is_admin_request(request):
    return request.path_info.startswith(ADMIN_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        active = settings.CONTENT_SECURITY_POLICY_REPORT_ONLY if report_only else settings.CONTENT_SECURITY_POLICY
        if parts.config is None and active and is_admin_request(request):
            parts.config = default_config(settings.PORTAL_ADMIN_CSP_DIRECTIVES)
        return parts
