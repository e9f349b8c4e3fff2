from wagtail import hooks

from home.sections import HomeSection


@hooks.register("portal_home_sections")
def news_home_section(home_page, request):
    """Empty state until the news content family lands (issue tracker)."""
    return HomeSection(
        order=20,
        template="components/home_section_empty.html",
        context={"slug": "news", "heading": "Tin tức và thông báo", "message": "Chưa có tin tức, thông báo nào."},
    )
