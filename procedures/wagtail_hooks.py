"""Admin registration, home-page sections and demo content of the procedures app."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import CityHomePage, WardHomePage
from home.sections import HomeSection

from .models import Sector, TargetGroup


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "folder-open-inverse"
    menu_label = "Lĩnh vực"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = "Đối tượng thực hiện"
    list_display = ["name", "slug"]


class ProcedureTaxonomyGroup(SnippetViewSetGroup):
    items = (SectorViewSet, TargetGroupViewSet)
    menu_icon = "list-ul"
    menu_label = "Thủ tục hành chính"
    menu_name = "procedure-taxonomies"


register_snippet(ProcedureTaxonomyGroup)


@hooks.register("portal_home_sections")
def procedures_section(home_page, request):
    from .presentation import city_section_context, ward_section_context

    if isinstance(home_page, CityHomePage):
        context = city_section_context(home_page, request)
        template = "procedures/home_section.html"
    elif isinstance(home_page, WardHomePage) and home_page.locale.language_code == "vi":
        context = ward_section_context(home_page, request)
        template = "procedures/home_section_ward.html"
    else:
        return None
    return HomeSection(order=10, template=template, context=context) if context else None


@hooks.register("portal_bootstrap", order=10)
def build_procedures_demo(structure, stdout, options):
    from .demo import build_demo

    build_demo(structure, stdout, small=options.get("small", False))
