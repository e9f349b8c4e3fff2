"""Which pages a search on a given portal covers.

- City portal: every live public page of the city tree in the request's language (wards included).
- Ward portal, default scope ("chỉ phường này"): the ward's own pages plus the city's city-wide
  pages (types with ``search_city_wide = True``: procedures and guides) that are not under another
  ward. Scope "toàn thành phố": the whole city tree, as on the city portal.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.frame import frame_cached
from home.models import CityHomePage, WardHomePage
from search.content import city_wide_models

SCOPE_WARD = "ward"
SCOPE_CITY = "city"
CITY_KEY = "city"


@dataclass
class SearchScope:
    site: Site | None
    city: CityHomePage | None
    ward: WardHomePage | None = None
    wide: bool = False
    wards: list = field(default_factory=list)

    @property
    def mode(self):
        return SCOPE_WARD if self.ward and not self.wide else SCOPE_CITY

    @property
    def root(self):
        return self.ward or self.city

    @property
    def cache_parts(self):
        """What identifies the scope in cache keys (with the language)."""
        return [self.site.pk if self.site else "", self.city.pk if self.city else "",
                self.ward.pk if self.ward else "", self.mode]

    @cached_property
    def ward_by_path(self):
        return {ward.path: ward for ward in self.wards}

    @cached_property
    def ward_by_key(self):
        return {ward.gso_code: ward for ward in self.wards}

    def ward_of_path(self, path):
        """The ward (home page) a page path belongs to, ``None`` for city-level pages."""
        if len(path) < Page.steplen * 3:
            return None
        return self.ward_by_path.get(path[: Page.steplen * 3])

    def pages(self):
        """Live, public pages in scope (a ``PageQuerySet`` the backends can search)."""
        if self.city is None:
            return Page.objects.none()
        pages = Page.objects.live().public()
        if self.mode == SCOPE_CITY:
            return pages.descendant_of(self.city, inclusive=True)
        citywide = Q(path__startswith=self.city.path, depth__gt=self.city.depth) & Q(
            content_type__in=[ContentType.objects.get_for_model(model).pk for model in city_wide_models()]
        )
        for other in self.wards:
            if other.pk != self.ward.pk:
                citywide &= ~Q(path__startswith=other.path)
        return pages.filter(Q(path__startswith=self.ward.path) | citywide)

    def contains_path(self, path):
        """Whether a page path is in scope (promotions are shown only in their scope)."""
        if self.city is None or not path.startswith(self.city.path):
            return False
        if self.mode == SCOPE_CITY:
            return True
        ward = self.ward_of_path(path)
        return ward is None or ward.pk == self.ward.pk


def _units(site, language):
    """``(city, ward, wards)`` of a site in a language, from the frame cache (home/frame.py): shared by
    every worker and invalidated by any page or Site change."""

    def load():
        root = site.root_page.localized.specific
        if isinstance(root, WardHomePage):
            city, ward = root.get_parent().specific, root
        elif isinstance(root, CityHomePage):
            city, ward = root, None
        else:
            return None, None, []
        wards = list(WardHomePage.objects.child_of(city).live().only("id", "path", "depth", "title", "slug",
                                                                      "gso_code", "url_path", "locale_id"))
        return city, ward, wards

    return frame_cached("search-units", [site.pk, site.root_page_id, language], load)


def resolve_scope(request, wide=False):
    """The scope of a search made on the request's site, in the active language."""
    site = Site.find_for_request(request)
    if site is None:
        return SearchScope(site=None, city=None)
    city, ward, wards = _units(site, get_language())
    return SearchScope(site=site, city=city, ward=ward, wide=wide, wards=wards)
