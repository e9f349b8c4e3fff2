from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def _site_root(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized.specific


def portal(request):
    """``portal_root``: the (localised) home page of the site being served, resolved lazily."""
    return {"portal_root": SimpleLazyObject(lambda: _site_root(request))}
