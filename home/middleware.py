"""Resolve the Wagtail Site of a request from the frame cache instead of the database."""

from django.http.request import split_domain_port
from wagtail.models import Site

from home.frame import frame_cached


def _load_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific  # cached with it: routing starts from here
    return site


def cached_site_middleware(get_response):
    def middleware(request):
        host = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = frame_cached("site", [host, request.get_port()], lambda: _load_site(request))
        return get_response(request)

    return middleware
