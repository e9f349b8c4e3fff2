"""The transparency dashboard (with one permalink per indicator) and the open-data page."""

from django.db import models
from django.http import Http404
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Site
from wagtail.search import index

from home.models import BasePage
from transparency import cache, dashboard, opendata
from transparency.periods import local_date


def current_language():
    return "en" if (get_language() or "vi").startswith("en") else "vi"


class TransparencyPage(RoutablePageMixin, BasePage):
    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link", "ul"])
    plan_year = models.PositiveSmallIntegerField("Năm kế hoạch", default=2024)
    plan_document = models.ForeignKey(
        "transparency.DocumentPage",
        verbose_name="Văn bản kế hoạch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Kế hoạch đặt ra các chỉ tiêu (trang trong thư viện văn bản).",
    )

    parent_page_types = ["home.CityHomePage"]
    subpage_types = ["transparency.DocumentIndexPage", "transparency.OpenDataPage", "home.StandardPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("plan_year"),
        PageChooserPanel("plan_document", "transparency.DocumentPage"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Bảng theo dõi chỉ tiêu (minh bạch)"
        verbose_name_plural = "Bảng theo dõi chỉ tiêu (minh bạch)"

    def indicator_url(self, indicator, request=None, base_url=None):
        base_url = base_url if base_url is not None else self.get_url(request)
        return base_url + self.reverse_subpage("indicator", kwargs={"code": indicator.slug}).lstrip("/")

    def get_sitemap_urls(self, request=None):
        """The dashboard and every indicator's permalink (they are routes, not pages)."""
        from transparency.models import Indicator

        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base_url, lastmod = urls[0]["location"], urls[0].get("lastmod")
        return urls + [
            {"location": self.indicator_url(indicator, base_url=base_url), "lastmod": lastmod}
            for indicator in Indicator.objects.only("code").order_by("code")
        ]

    def related_links(self, request):
        """URL and title of the plan document, the library and the open-data page (one query)."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import Q
        from wagtail.models import Page

        from transparency.models import DocumentIndexPage

        kinds = {
            ContentType.objects.get_for_model(OpenDataPage).pk: "open_data",
            ContentType.objects.get_for_model(DocumentIndexPage).pk: "library",
        }
        children = Q(path__startswith=self.path, depth=self.depth + 1)
        found = Page.objects.live().filter(children | Q(pk=self.plan_document_id or 0)).order_by("path")
        links = {}
        for page in found.only("id", "title", "url_path", "content_type_id", "path", "depth"):
            kind = "plan" if page.pk == self.plan_document_id else kinds.get(page.content_type_id)
            if kind and kind not in links:
                links[kind] = {"url": page.get_url(request), "title": page.title}
        return links

    def dashboard_context(self, request, language):
        base_url = self.get_url(request)
        context = dashboard.build_dashboard(
            language,
            indicator_url=lambda indicator: self.indicator_url(indicator, base_url=base_url),
        )
        return {"language": language, "links": self.related_links(request), **context}

    @path("")
    def dashboard(self, request):
        language = current_language()
        site = Site.find_for_request(request)
        context = cache.cached(
            "dashboard",
            lambda: self.dashboard_context(request, language),
            self.pk,
            language,
            site.pk if site else 0,
            local_date().isoformat(),
        )
        return self.render(request, context_overrides=context)

    @path("chi-tieu/<str:code>/", name="indicator")
    def indicator(self, request, code):
        from transparency.models import Indicator

        indicator = Indicator.objects.select_related("group").filter(code__iexact=code).first()
        if indicator is None:
            raise Http404("Không có chỉ tiêu này")
        language = current_language()
        context = dashboard.build_indicator(indicator, language)
        return self.render(
            request,
            template="transparency/indicator_page.html",
            context_overrides={
                "language": language,
                "indicator": indicator,
                "indicator_title": f"{indicator.code}: {indicator.text(language)}",
                "links": self.related_links(request),
                **context,
            },
        )


class OpenDataPage(BasePage):
    """Download links and the data dictionary of the transparency open data; JSON-LD ``Dataset``."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["transparency.TransparencyPage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Dữ liệu mở (minh bạch)"
        verbose_name_plural = "Dữ liệu mở (minh bạch)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(opendata.dictionary_context(request, current_language()))
        return context

    def get_json_ld(self, request):
        return {**super().get_json_ld(request), **opendata.dataset_json_ld(request, self)}
