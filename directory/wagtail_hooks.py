from wagtail import hooks

from home.sections import HomeSection


@hooks.register("portal_home_sections")
def directory_home_section(home_page, request):
    """Empty state until the directory content family lands (issue tracker)."""
    return HomeSection(
        order=40,
        template="components/home_section_empty.html",
        context={"slug": "directory", "heading": "Thanh toán không dùng tiền mặt", "message": "Danh bạ tuyến đường và cửa hàng thanh toán không dùng tiền mặt đang được cập nhật."},
    )
