from wagtail import hooks

from home.sections import HomeSection


@hooks.register("portal_home_sections")
def procedures_home_section(home_page, request):
    """Empty state until the procedures content family lands (issue tracker)."""
    return HomeSection(
        order=10,
        template="components/home_section_empty.html",
        context={"slug": "procedures", "heading": "Thủ tục hành chính", "message": "Danh mục thủ tục hành chính đang được cập nhật."},
    )
