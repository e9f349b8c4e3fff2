from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Site

from home.frame import frame_cached, frame_version
from home.site_urls import site_key


def site_root(request):
    """The home page (in the active language) of the Site serving ``request``; cached per frame version."""

    def load():
        site = Site.find_for_request(request)
        return site.root_page.localized.specific if site else None

    return frame_cached("root", [site_key(request), get_language()], load)


def portal(request):
    """``portal_root``: the site's home page, resolved lazily; ``frame_version``: the version that keys
    the cached header, breadcrumbs and footer (see home/frame.py)."""
    return {
        "portal_root": SimpleLazyObject(lambda: site_root(request)),
        "frame_version": SimpleLazyObject(frame_version),
        # Keys the cached header, breadcrumbs and footer by the Site, not by the Host header.
        "portal_site_key": SimpleLazyObject(lambda: site_key(request)),
    }
