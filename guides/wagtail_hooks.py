from wagtail import hooks

from home.sections import empty_state_section

# Empty state until the guides content family lands.
hooks.register(
    "portal_home_sections",
    empty_state_section(
        30,
        "guides",
        "Hướng dẫn kỹ năng số",
        "Các hướng dẫn kỹ năng số đang được biên soạn.",
    ),
)
