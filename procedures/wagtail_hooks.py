from wagtail import hooks

from home.sections import empty_state_section

# Empty state until the procedures content family lands.
hooks.register(
    "portal_home_sections",
    empty_state_section(
        10,
        "procedures",
        "Thủ tục hành chính",
        "Danh mục thủ tục hành chính đang được cập nhật.",
    ),
)
