"""Resolve the Wagtail Site of a request from the frame cache instead of the database."""

from home.site_urls import site_for_request


def cached_site_middleware(get_response):
    def middleware(request):
        # Cached per Site (home/site_urls.py): random host names under the wildcard add no cache entries.
        request._wagtail_site = site_for_request(request)
        return get_response(request)

    return middleware
