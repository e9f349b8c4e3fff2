"""Sections of the city and ward home pages, contributed by each content app through a Wagtail hook.

An app registers, in its ``wagtail_hooks.py``::

    @hooks.register("portal_home_sections")
    def news_section(home_page, request):
        return HomeSection(order=20, template="news/home_section.html", context={...})

returning ``None`` when it has nothing for that home page. ``home_page`` is a ``CityHomePage`` or a
``WardHomePage``; use ``isinstance`` or ``home_page.specific_class`` to tell them apart.
"""

from dataclasses import dataclass, field

from wagtail import hooks


@dataclass(frozen=True)
class HomeSection:
    order: int
    template: str
    context: dict = field(default_factory=dict)


def collect_home_sections(home_page, request):
    sections = []
    for contribute in hooks.get_hooks("portal_home_sections"):
        section = contribute(home_page, request)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda section: section.order)


def empty_state_section(order, slug, heading, message):
    """A hook function showing an empty-state section until a content family has content."""

    def contribute(home_page, request):
        return HomeSection(
            order=order,
            template="components/home_section_empty.html",
            context={"slug": slug, "heading": heading, "message": message},
        )

    return contribute
