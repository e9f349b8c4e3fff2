"""The Site serving a request, and absolute URLs built from that Site's record.

Host names are only looked up, never kept or echoed: the Sites are cached as one small table per
frame version and the request's host is resolved against it in memory (Wagtail's own matching:
host and port, host on the default Site, the default Site, a unique host), so an unknown host
(``zzz-random.<PORTAL_DOMAIN>``, allowed by the wildcard) resolves to the city Site and creates no
cache entry of its own. Absolute links (feeds, API ``next``, canonical, og:url, open data) come from
``Site.root_url``, never from ``request.get_host()`` or ``build_absolute_uri``.
"""

from django.http.request import split_domain_port
from wagtail.models import Site

from home.frame import frame_cached

HOST_AND_PORT, HOST_OF_DEFAULT, DEFAULT, HOST_ONLY = range(4)


def _site_table():
    return [(site.pk, site.hostname, site.port, site.is_default_site) for site in Site.objects.all()]


def resolve_site_id(table, hostname, port):
    """The id of the Site for ``hostname``:``port`` among ``table`` rows ``(id, hostname, port,
    is_default)``, as ``wagtail.models.sites.get_site_for_hostname`` decides; ``None`` when none fits."""
    candidates = []
    for pk, site_host, site_port, is_default in table:
        if site_host == hostname and site_port == port:
            match = HOST_AND_PORT
        elif site_host == hostname and is_default:
            match = HOST_OF_DEFAULT
        elif is_default:
            match = DEFAULT
        elif site_host == hostname:
            match = HOST_ONLY
        else:
            continue
        candidates.append((match, pk))
    if not candidates:
        return None
    candidates.sort(key=lambda candidate: candidate[0])
    best_match, best_pk = candidates[0]
    if len(candidates) == 1 or best_match in (HOST_AND_PORT, HOST_OF_DEFAULT):
        return best_pk
    if best_match == DEFAULT:  # the default, unless exactly one Site has this host name (another port)
        return candidates[len(candidates) == 2][1]
    return None


def _load_site(site_id):
    site = Site.objects.select_related("root_page").filter(pk=site_id).first()
    if site is not None:
        site.root_page = site.root_page.specific  # cached with it: routing starts from here
    return site


def _request_port(request):
    try:
        return int(request.get_port())
    except (TypeError, ValueError):
        return None


def site_for_request(request):
    """The Site serving ``request`` (cached per Site, not per host name)."""
    table = frame_cached("site-table", [], _site_table)
    hostname = split_domain_port(request._get_raw_host())[0]
    site_id = resolve_site_id(table, hostname, _request_port(request))
    if site_id is None:
        return None
    return frame_cached("site", [site_id], lambda: _load_site(site_id))


def site_key(request):
    """What caches of a portal's frame are keyed by: the id of the Site serving ``request`` (0: none)."""
    site = Site.find_for_request(request)
    return site.pk if site else 0


def site_root_url(request):
    """``https://host[:port]`` of the Site serving ``request`` (the default Site for unknown hosts)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute_url(request, path):
    """``path`` (``/du-lieu-mo/…``) made absolute on the request's Site; absolute URLs are returned as they are."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return site_root_url(request) + path
