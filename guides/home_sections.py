"""What the guides app contributes to the city and ward home pages (``portal_home_sections`` hook).

City home: the guide topics and a few guides. Ward home: a link to the city's guides, the ward's
community digital team and its upcoming help sessions (past ones drop off at render time).
"""

from guides.sessions import sessions_for_ward, team_for_ward, vietnamese_ward
from home.locales import language_of
from home.models import WardHomePage
from home.sections import HomeSection, empty_state_section

SECTION_ORDER = 30
CITY_GUIDE_COUNT = 6
_EMPTY = empty_state_section(
    SECTION_ORDER, "guides", "Hướng dẫn kỹ năng số", "Các hướng dẫn kỹ năng số đang được biên soạn."
)


def city_guide_index(locale_code="vi"):
    """The city-wide guide index in this language, else the Vietnamese one."""
    from guides.models import GuideIndexPage

    indexes = GuideIndexPage.objects.live().public().select_related("locale")
    return indexes.filter(locale__language_code=locale_code).first() or indexes.filter(
        locale__language_code="vi"
    ).first()


def home_section(home_page, request):
    from guides.listing import live_guides, terms_in_use
    from guides.models import GuideTopic

    index = city_guide_index(language_of(home_page))
    context = {"slug": "guides", "guide_index": index, "guide_index_url": index.url if index else ""}
    if isinstance(home_page, WardHomePage):
        ward = vietnamese_ward(home_page)
        context.update(ward=ward, team=team_for_ward(ward), sessions=sessions_for_ward(ward) if ward else [])
        return HomeSection(order=SECTION_ORDER, template="guides/home_section_ward.html", context=context)
    if index is None:
        return _EMPTY(home_page, request)
    guides = live_guides(index)
    context.update(
        topics=terms_in_use(GuideTopic, guides.values("pk")),
        guides=list(guides.order_by("-first_published_at", "title")[:CITY_GUIDE_COUNT]),
    )
    return HomeSection(order=SECTION_ORDER, template="guides/home_section_city.html", context=context)
