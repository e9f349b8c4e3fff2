"""Home pages of the city and ward portals, and a plain content page.

Page-type rules (every later content family must respect them):
- ``CityHomePage`` sits directly under the tree root; it is the root of the default Site.
- ``WardHomePage`` sits only under ``CityHomePage``; each is also the root of its own Site
  ``<ward-slug>.<PORTAL_DOMAIN>`` and reachable under the city path ``/<ward-slug>/``.
- Content index pages (procedures, news, guides, directory, transparency) declare
  ``parent_page_types`` pointing at ``CityHomePage`` and/or ``WardHomePage``; their detail pages
  only under their own index. ``StandardPage`` may go anywhere under a home page.
"""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.sections import collect_home_sections

from .base import BasePage, UnitContactFields


class HomePageMixin:
    """Behaviour shared by the city and ward home pages."""

    def route(self, request, path_components):
        """Find the deepest page on the path in one query instead of one per path level, then let it
        route the rest itself (routable pages, e.g. ``.../thu-tuc-hanh-chinh/<slug>/`` on a ward)."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [self.url_path + "/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)]
        page = Page.objects.filter(url_path__in=prefixes).order_by("-depth").first()
        if page is None:
            return super().route(request, path_components)
        return page.specific.route(request, path_components[page.depth - self.depth :])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = collect_home_sections(self, request)
        return context


class CityHomePage(HomePageMixin, UnitContactFields, BasePage):
    intro = models.TextField(
        "Lời giới thiệu", blank=True, help_text="Đoạn giới thiệu ngắn ở đầu trang chủ."
    )

    parent_page_types = ["wagtailcore.Page"]

    content_panels = BasePage.content_panels + [FieldPanel("intro")] + UnitContactFields.contact_panels
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Trang chủ thành phố"
        verbose_name_plural = "Trang chủ thành phố"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["wards"] = WardHomePage.objects.child_of(self).live().order_by("path")
        return context

    def get_json_ld(self, request):
        return {
            **super().get_json_ld(request),
            "@type": "GovernmentOrganization",
            "address": self.address,
            "telephone": self.phone,
            "email": self.email,
        }


class WardHomePage(HomePageMixin, UnitContactFields, BasePage):
    UNIT_TYPES = [("Phường", "Phường"), ("Xã", "Xã")]

    gso_code = models.CharField(
        "Mã đơn vị hành chính (Tổng cục Thống kê)",
        max_length=5,
        db_index=True,
        help_text="Mã 5 chữ số theo danh mục đơn vị hành chính, ví dụ 26506 cho Phường 1.",
    )
    unit_type = models.CharField("Loại đơn vị", max_length=10, choices=UNIT_TYPES, default="Phường")
    intro = models.TextField("Lời giới thiệu", blank=True)
    one_stop_address = models.CharField("Bộ phận một cửa – địa chỉ", max_length=255, blank=True)
    one_stop_hours = models.CharField("Bộ phận một cửa – giờ tiếp nhận", max_length=255, blank=True)
    one_stop_phone = models.CharField("Bộ phận một cửa – điện thoại", max_length=64, blank=True)

    parent_page_types = ["home.CityHomePage"]

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("gso_code"), FieldPanel("unit_type"), FieldPanel("intro")]
        + UnitContactFields.contact_panels
        + [
            MultiFieldPanel(
                [FieldPanel("one_stop_address"), FieldPanel("one_stop_hours"), FieldPanel("one_stop_phone")],
                heading="Bộ phận tiếp nhận và trả kết quả (một cửa)",
            )
        ]
    )
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.FilterField("gso_code")]

    class Meta:
        verbose_name = "Trang chủ phường, xã"
        verbose_name_plural = "Trang chủ phường, xã"

    def clean(self):
        super().clean()
        clash = (
            WardHomePage.objects.filter(gso_code=self.gso_code, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .first()
        )
        if clash:
            raise ValidationError({"gso_code": f"Mã {self.gso_code} đã được dùng cho “{clash.title}”."})

    def get_json_ld(self, request):
        return {
            **super().get_json_ld(request),
            "@type": "GovernmentOrganization",
            "identifier": self.gso_code,
            "address": self.address,
            "telephone": self.phone,
        }


class StandardPage(BasePage):
    """A plain content page (introductions, contact pages, policies)."""

    body = StreamField(BaseStreamBlock(), verbose_name="Nội dung", blank=True)

    parent_page_types = ["home.CityHomePage", "home.WardHomePage", "home.StandardPage"]
    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = "Trang nội dung"
        verbose_name_plural = "Trang nội dung"
