from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsCategory
from .sections import home_section


@hooks.register("portal_home_sections")
def news_home_section(home_page, request):
    return home_section(home_page, request)


@hooks.register("portal_bootstrap", order=20)
def build_news_demo(structure, stdout, options):
    from .demo import build_demo

    build_demo(structure, stdout, options)


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = "Chuyên mục tin"
    list_display = ["name", "name_en", "slug", "kind", "sort_order"]


register_snippet(NewsCategoryViewSet)
