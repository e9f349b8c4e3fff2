from wagtail import hooks

from home.sections import HomeSection


@hooks.register("portal_home_sections")
def transparency_home_section(home_page, request):
    """Empty state until the transparency content family lands (issue tracker)."""
    return HomeSection(
        order=50,
        template="components/home_section_empty.html",
        context={"slug": "transparency", "heading": "Minh bạch – kế hoạch chuyển đổi số", "message": "Bảng theo dõi chỉ tiêu kế hoạch chuyển đổi số đang được cập nhật."},
    )
