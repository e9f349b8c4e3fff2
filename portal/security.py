"""Request-level protections shared by the whole portal.

- ``admin_hosts_middleware``: the admin (``ADMIN_PATH_PREFIXES``, its login and password reset
  included) answers only on ``ADMIN_HOSTS``; 404 on every other host. Empty ``ADMIN_HOSTS``: every host.
- ``same_site_post``: public forms refuse cross-site posts (``Sec-Fetch-Site`` / ``Origin``).
- ``lockout_response``: the Vietnamese page of django-axes' login lockout (``AXES_LOCKOUT_CALLABLE``).
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponseForbidden
from django.http.request import split_domain_port, validate_host
from django.shortcuts import render

CROSS_SITE_REFUSED = (
    "Biểu mẫu này chỉ nhận dữ liệu gửi từ chính Cổng thông tin điện tử thành phố Vũng Tàu. "
    "Vui lòng mở lại trang trên cổng rồi gửi lại."
)


def admin_host_allowed(request):
    hosts = getattr(settings, "ADMIN_HOSTS", [])
    if not hosts:
        return True
    host = split_domain_port(request.get_host())[0]
    return bool(host) and validate_host(host, hosts)


def admin_hosts_middleware(get_response):
    prefixes = tuple(getattr(settings, "ADMIN_PATH_PREFIXES", ["/admin/"]))

    def middleware(request):
        if request.path_info.startswith(prefixes) and not admin_host_allowed(request):
            raise Http404("Không tìm thấy trang.")
        return get_response(request)

    return middleware


def is_portal_host(host, request):
    """``host`` is the portal's domain, one of its subdomains (the wards) or the host of the request."""
    host = (host or "").lower().rstrip(".")
    domain = settings.PORTAL_DOMAIN.lower()
    return bool(host) and (
        host == domain or host.endswith("." + domain) or host == split_domain_port(request.get_host())[0]
    )


def is_cross_site(request):
    """A browser told us the post comes from another site. Browsers that send neither
    ``Sec-Fetch-Site`` nor ``Origin`` (old ones) are let through: the CSRF token decides, where the form has one."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE", "").strip().lower()
    if fetch_site == "cross-site":
        return True
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return False
    # "same-site" is any subdomain of the registrable domain: the Origin must still be the portal's own.
    return origin.strip().lower() == "null" or not is_portal_host(urlsplit(origin.strip()).hostname, request)


def same_site_post(view):
    """Decorator for public form views (the request first): a cross-site POST gets 403 and changes nothing."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and is_cross_site(request):
            return HttpResponseForbidden(CROSS_SITE_REFUSED, content_type="text/plain; charset=utf-8")
        return view(request, *args, **kwargs)

    return wrapped


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (429), in Vietnamese."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": settings.AXES_COOLOFF_MINUTES,
    }
    return render(request, "portal/lockout.html", context, status=429)
