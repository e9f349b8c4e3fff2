"""Abstract base classes for every public page of the portal."""

from django.db import models
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """What every public page carries: listing summary, SEO/OpenGraph, JSON-LD hook, noindex, review date.

    Rule for subclasses: declare ``parent_page_types`` (tests/home/test_page_rules.py enforces it), keep
    logic that is not about one page in a plain module, and extend ``get_json_ld`` for structured data.
    """

    summary = models.TextField(
        "Tóm tắt",
        blank=True,
        max_length=500,
        help_text="Một hai câu giới thiệu, dùng trong danh sách, kết quả tìm kiếm và thẻ mô tả (meta description).",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Dùng trong danh sách và khi chia sẻ lên mạng xã hội (OpenGraph).",
    )
    noindex = models.BooleanField(
        "Không cho công cụ tìm kiếm lập chỉ mục",
        default=False,
        help_text="Chọn khi trang không nên xuất hiện trên Google (noindex).",
    )
    last_reviewed = models.DateField(
        "Ngày rà soát gần nhất",
        null=True,
        blank=True,
        help_text="Ngày cán bộ kiểm tra lại nội dung trang còn đúng.",
    )

    content_panels = Page.content_panels + [FieldPanel("summary")]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("noindex"), FieldPanel("last_reviewed")],
            heading="Hiển thị và chia sẻ",
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.summary

    def get_sitemap_urls(self, request=None):
        return [] if self.noindex else super().get_sitemap_urls(request)

    def get_json_ld(self, request):
        """Schema.org data for this page; subclasses extend the dict (``super().get_json_ld``)."""
        return {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": self.seo_title or self.title,
            "url": self.get_full_url(request),
            "inLanguage": get_language(),  # pages are served in the active language
            "description": self.meta_description,
            **({"lastReviewed": self.last_reviewed.isoformat()} if self.last_reviewed else {}),
        }


class UnitContactFields(models.Model):
    """Contact block of an administrative unit (the city or a ward), shown in the portal footer."""

    address = models.CharField("Địa chỉ trụ sở", max_length=255, blank=True)
    phone = models.CharField("Điện thoại", max_length=64, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    office_hours = models.CharField(
        "Giờ làm việc", max_length=255, blank=True, help_text="Ví dụ: Thứ Hai – Thứ Sáu, 7:30–11:30, 13:30–17:00"
    )

    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("office_hours")],
            heading="Thông tin liên hệ",
        )
    ]

    class Meta:
        abstract = True
