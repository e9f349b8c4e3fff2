"""The news section of the city and ward home pages: current notices, featured news (city), latest news."""

from home.locales import language_of
from home.sections import HomeSection

from . import listing, notices

SECTION_ORDER = 20
LATEST_COUNT = 5
NOTICE_COUNT = 6


def featured_news(index_page):
    """News items the city's editors featured on the Vietnamese city news index, live, in order; on a
    translated index, their translations (items without one are left out, never shown untranslated)."""
    from news.models import NewsIndexFeature, NewsPage

    features = (
        NewsIndexFeature.objects.filter(
            index_page__translation_key=index_page.translation_key,
            index_page__locale__language_code="vi",
            page__live=True,
        )
        .select_related("page", "page__category")
        .order_by("sort_order")
    )
    pages = [feature.page for feature in features]
    if language_of(index_page) == "vi" or not pages:
        return pages
    translations = {
        page.translation_key: page
        for page in NewsPage.objects.live()
        .filter(translation_key__in=[p.translation_key for p in pages], locale_id=index_page.locale_id)
        .filter(alias_of__isnull=True)
        .select_related("category")
    }
    return [translations[p.translation_key] for p in pages if p.translation_key in translations]


def _label_wards(items, home_page):
    from home.models import WardHomePage

    codes = {item.unit_code for item in items if item.unit_code}
    names = {}
    if codes:
        names = dict(
            WardHomePage.objects.filter(gso_code__in=codes, locale_id=home_page.locale_id).values_list(
                "gso_code", "title"
            )
        )
    for item in items:
        item.ward_name = names.get(item.unit_code, "")


def home_section(home_page, request, now=None):
    from news.models import NewsIndexPage, NewsPage

    index_page = NewsIndexPage.objects.child_of(home_page).live().first()
    if index_page is None:
        return HomeSection(
            order=SECTION_ORDER,
            template="components/home_section_empty.html",
            context={"slug": "news", "heading": "Tin tức và thông báo", "message": "Chưa có tin tức, thông báo nào."},
        )
    own = NewsPage.objects.live().filter(alias_of__isnull=True, path__startswith=index_page.path)
    current_notices = list(listing.for_listing(own.filter(notices.current_q(now)))[:NOTICE_COUNT])
    latest = list(listing.for_listing(own.filter(valid_from__isnull=True))[:LATEST_COUNT])
    featured = featured_news(index_page) if index_page.is_city_index else []
    _label_wards(featured, home_page)
    listing.prefetch_images([*current_notices, *latest, *featured])
    return HomeSection(
        order=SECTION_ORDER,
        template="news/home_section.html",
        context={"index": index_page, "notices": current_notices, "latest": latest, "featured": featured},
    )
