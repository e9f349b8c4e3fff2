from wagtail import hooks

from home.sections import empty_state_section

# Empty state until the transparency content family lands.
hooks.register(
    "portal_home_sections",
    empty_state_section(
        50,
        "transparency",
        "Minh bạch – kế hoạch chuyển đổi số",
        "Bảng theo dõi chỉ tiêu kế hoạch chuyển đổi số đang được cập nhật.",
    ),
)
