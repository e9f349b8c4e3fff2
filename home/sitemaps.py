"""``sitemap.xml`` per Site, both languages, each page listed once under its canonical host.

Ward pages are reachable under the city path too (``/phuong-1/…``) but their canonical URL is the
ward's own host, so the city sitemap leaves out the subtrees that other Sites serve.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


def sitemap_pages(site):
    roots = site.root_page.get_translations(inclusive=True)
    inside = Q()
    for root in roots:
        inside |= Q(path__startswith=root.path)
    pages = Page.objects.filter(inside).live().public()
    for other in Site.objects.exclude(pk=site.pk).select_related("root_page"):
        for other_root in other.root_page.get_translations(inclusive=True):
            if any(other_root.path.startswith(root.path) for root in roots):
                pages = pages.exclude(path__startswith=other_root.path)
    return pages.order_by("path").defer_streamfields().specific()


class PortalSitemap(Sitemap):
    def items(self):
        return sitemap_pages(self.get_wagtail_site())
