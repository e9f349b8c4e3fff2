from wagtail import hooks

from home.sections import HomeSection


@hooks.register("portal_home_sections")
def guides_home_section(home_page, request):
    """Empty state until the guides content family lands (issue tracker)."""
    return HomeSection(
        order=30,
        template="components/home_section_empty.html",
        context={"slug": "guides", "heading": "Hướng dẫn kỹ năng số", "message": "Các hướng dẫn kỹ năng số đang được biên soạn."},
    )
