from wagtail import hooks

from home.sections import empty_state_section

# Empty state until the directory content family lands.
hooks.register(
    "portal_home_sections",
    empty_state_section(
        40,
        "directory",
        "Thanh toán không dùng tiền mặt",
        "Danh bạ tuyến đường và cửa hàng thanh toán không dùng tiền mặt đang được cập nhật.",
    ),
)
