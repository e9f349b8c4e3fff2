from wagtail import hooks

from home.sections import empty_state_section

# Empty state until the news content family lands.
hooks.register(
    "portal_home_sections",
    empty_state_section(
        20,
        "news",
        "Tin tức và thông báo",
        "Chưa có tin tức, thông báo nào.",
    ),
)
