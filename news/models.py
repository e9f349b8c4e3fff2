"""News, notices, events and press releases of the city and its wards.

- ``NewsIndexPage``: one under the city home page and one under each ward home page. The city's
  aggregates the city's and every ward's news; a ward's lists its own.
- ``NewsPage``: one news item. Its category (snippet ``NewsCategory``) says what it is; notices carry
  a validity period (``valid_from``/``valid_until``), events a start/end and a place.
- ``PressPage``: under a news index; press releases of that index, media contacts, downloadable assets.

Listing, validity and feed logic lives in ``news.listing``, ``news.notices`` and ``news.feeds``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import DocumentBlock, ImageBlock
from home.models import BasePage
from home.units import ward_for_page

from . import listing, notices, structured_data
from .blocks import NewsStreamBlock

SAMPLE_PREFIXES = {"vi": "Tin mẫu: ", "en": "Sample: "}


class NewsCategory(models.Model):
    KIND_NEWS, KIND_NOTICE, KIND_PRESS, KIND_EVENT = "news", "notice", "press", "event"
    KINDS = [
        (KIND_NEWS, "Tin tức"),
        (KIND_NOTICE, "Thông báo (có thời hạn hiệu lực)"),
        (KIND_PRESS, "Thông cáo báo chí"),
        (KIND_EVENT, "Sự kiện (có thời gian, địa điểm)"),
    ]

    name = models.CharField("Tên chuyên mục", max_length=100, unique=True)
    name_en = models.CharField("Tên tiếng Anh", max_length=100, blank=True)
    slug = models.SlugField(
        "Đường dẫn", max_length=100, unique=True, help_text="Dùng trong địa chỉ lọc và nguồn tin, ví dụ: thong-bao."
    )
    kind = models.CharField(
        "Loại",
        max_length=10,
        choices=KINDS,
        default=KIND_NEWS,
        help_text="Quyết định các trường bắt buộc: thông báo cần thời hạn hiệu lực, sự kiện cần thời gian bắt đầu.",
    )
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "Chuyên mục tin"
        verbose_name_plural = "Chuyên mục tin"

    def __str__(self):
        return self.name

    def label(self, language_code="vi"):
        return self.name_en if language_code == "en" and self.name_en else self.name


def unit_code_for(page):
    """GSO code of the ward a page belongs to, ``""`` for city pages."""
    ward = ward_for_page(page)
    return ward.gso_code if ward else notices.CITY_UNIT_CODE


class UnitScopedPage(BasePage):
    """A page that remembers which unit it belongs to (GSO code of its ward, ``""`` for the city), so
    banners and aggregated listings filter on one indexed column instead of walking the tree."""

    unit_code = models.CharField("Mã đơn vị", max_length=5, blank=True, default="", editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.path:
            self.unit_code = unit_code_for(self)
        return super().save(*args, **kwargs)


class CityOnlyInlinePanel(InlinePanel):
    """An inline panel shown only on the city's news index (ward indices have no featured items)."""

    class BoundPanel(InlinePanel.BoundPanel):
        def is_shown(self):
            return bool(self.instance.pk) and self.instance.unit_code == notices.CITY_UNIT_CODE and super().is_shown()


class NewsIndexPage(RoutablePageMixin, UnitScopedPage):
    PER_PAGE = 20
    FEED_SIZE = 30

    intro = models.TextField("Lời giới thiệu", blank=True)

    parent_page_types = ["home.CityHomePage", "home.WardHomePage"]
    subpage_types = ["news.NewsPage", "news.PressPage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        CityOnlyInlinePanel(
            "featured_items",
            heading="Tin nổi bật trên trang chủ thành phố",
            label="Tin nổi bật",
            help_text="Chọn tin của thành phố hoặc của phường, xã để đưa lên trang chủ thành phố (không sao chép tin).",
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Trang tin tức"
        verbose_name_plural = "Trang tin tức"

    @property
    def is_city_index(self):
        return self.unit_code == notices.CITY_UNIT_CODE

    def news_items(self):
        """Live news of this index's scope (for the city: the city's and every ward's)."""
        return listing.news_in_scope(self)

    @path("")
    def index_route(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        try:
            context.update(listing.listing_context(self, request))
        except listing.InvalidFilter as error:
            raise Http404(str(error)) from None
        return context

    @path("rss/", name="rss")
    @path("chuyen-muc/<slug:category>/rss/", name="category_rss")
    def rss_feed(self, request, category=None):
        from .feeds import NewsRssFeed

        return NewsRssFeed()(request, index_page=self, category_slug=category)

    @path("atom/", name="atom")
    @path("chuyen-muc/<slug:category>/atom/", name="category_atom")
    def atom_feed(self, request, category=None):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed()(request, index_page=self, category_slug=category)


class NewsIndexFeature(Orderable):
    """A news item featured on the city home page; the item stays where it is (no copy)."""

    index_page = ParentalKey(NewsIndexPage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey("news.NewsPage", verbose_name="Tin", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", "news.NewsPage")]

    class Meta(Orderable.Meta):
        verbose_name = "Tin nổi bật"
        verbose_name_plural = "Tin nổi bật"


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(UnitScopedPage):
    is_sample = models.BooleanField(
        "Nội dung mẫu",
        default=False,
        help_text="Tin mẫu do hệ thống tạo để minh họa; trang hiển thị nhãn “Tin mẫu”. Bỏ chọn khi thay bằng tin thật.",
    )
    date = models.DateTimeField("Thời điểm đăng tin", default=timezone.now, db_index=True)
    category = models.ForeignKey(
        NewsCategory, verbose_name="Chuyên mục", null=True, on_delete=models.PROTECT, related_name="+"
    )
    lead = models.TextField(
        "Đoạn dẫn (sapo)",
        max_length=800,
        blank=True,
        help_text="Một đoạn ngắn in đậm ở đầu tin, tóm tắt nội dung chính.",
    )
    body = StreamField(NewsStreamBlock(), verbose_name="Nội dung", blank=True)
    tags = ClusterTaggableManager("Từ khóa", through=NewsPageTag, blank=True)

    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh tiêu biểu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_alt = models.CharField(
        "Mô tả ảnh (alt)", max_length=250, blank=True, help_text="Mô tả nội dung ảnh cho người khiếm thị."
    )
    featured_image_caption = models.CharField("Chú thích ảnh", max_length=250, blank=True)
    featured_image_credit = models.CharField("Nguồn ảnh", max_length=150, blank=True)

    author = models.CharField("Tác giả", max_length=150, blank=True)
    press_contact_name = models.CharField("Liên hệ báo chí – họ tên, chức vụ", max_length=150, blank=True)
    press_contact_phone = models.CharField("Liên hệ báo chí – điện thoại", max_length=64, blank=True)
    press_contact_email = models.EmailField("Liên hệ báo chí – thư điện tử", blank=True)

    valid_from = models.DateTimeField(
        "Hiệu lực từ",
        null=True,
        blank=True,
        db_index=True,
        help_text="Thông báo: thời điểm bắt đầu hiển thị trong “thông báo hiện hành”. "
        "Để trống với chuyên mục thông báo "
        "thì lấy thời điểm đăng tin.",
    )
    valid_until = models.DateTimeField(
        "Hiệu lực đến",
        null=True,
        blank=True,
        db_index=True,
        help_text="Hết thời điểm này, thông báo tự rời trang chủ và danh sách thông báo hiện hành "
        "(vẫn còn trong lưu trữ).",
    )
    is_urgent = models.BooleanField(
        "Thông báo khẩn",
        default=False,
        help_text="Hiển thị băng rôn trên mọi trang của cổng (thông báo của thành phố: trên mọi cổng phường, xã) "
        "trong thời gian hiệu lực.",
    )

    event_start = models.DateTimeField("Sự kiện – bắt đầu", null=True, blank=True)
    event_end = models.DateTimeField("Sự kiện – kết thúc", null=True, blank=True)
    event_place = models.CharField("Sự kiện – địa điểm", max_length=255, blank=True)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("category", widget=forms.Select), FieldPanel("date")]),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("featured_image"),
                FieldPanel("featured_image_alt"),
                FieldRowPanel([FieldPanel("featured_image_caption"), FieldPanel("featured_image_credit")]),
            ],
            heading="Ảnh tiêu biểu",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]), FieldPanel("is_urgent")],
            heading="Thông báo: thời hạn hiệu lực",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("event_start"), FieldPanel("event_end")]), FieldPanel("event_place")],
            heading="Sự kiện: thời gian, địa điểm",
        ),
        InlinePanel("related_pages", heading="Thủ tục, hướng dẫn liên quan", label="Trang liên quan"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("press_contact_name"),
                FieldRowPanel([FieldPanel("press_contact_phone"), FieldPanel("press_contact_email")]),
            ],
            heading="Tác giả và liên hệ báo chí",
        ),
        FieldPanel("is_sample"),
    ]
    promote_panels = BasePage.promote_panels + [FieldPanel("summary")]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
        index.FilterField("category"),
        index.FilterField("unit_code"),
        index.FilterField("valid_from"),
        index.FilterField("valid_until"),
        index.FilterField("is_urgent"),
        index.FilterField("is_sample"),
    ]

    class Meta:
        verbose_name = "Tin tức, thông báo"
        verbose_name_plural = "Tin tức, thông báo"
        indexes = [models.Index(fields=["unit_code", "date"], name="news_unit_date")]

    @property
    def kind(self):
        return self.category.kind if self.category_id else NewsCategory.KIND_NEWS

    @property
    def notice_state(self):
        return notices.notice_state(self.valid_from, self.valid_until)

    @property
    def listing_summary(self):
        return self.summary or self.lead

    def clean(self):
        super().clean()
        if self.category_id and self.kind == NewsCategory.KIND_NOTICE and self.valid_from is None:
            self.valid_from = self.date
        errors = notices.validity_errors(self.valid_from, self.valid_until, self.is_urgent)
        if self.category_id and self.kind == NewsCategory.KIND_EVENT and self.event_start is None:
            errors["event_start"] = "Sự kiện cần có thời gian bắt đầu."
        if self.event_start and self.event_end and self.event_end < self.event_start:
            errors["event_end"] = "Thời gian kết thúc sự kiện phải sau thời gian bắt đầu."
        if self.featured_image_id and not self.featured_image_alt:
            errors["featured_image_alt"] = "Cần mô tả ảnh tiêu biểu cho người khiếm thị."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.is_sample:
            prefix = SAMPLE_PREFIXES.get(self.locale.language_code if self.locale_id else "vi", SAMPLE_PREFIXES["vi"])
            if not self.title.startswith(prefix):
                self.title = prefix + self.title
        if self.featured_image_id and not self.listing_image_id:
            self.listing_image_id = self.featured_image_id
        if not self.summary and self.lead:
            self.summary = self.lead[:500]
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        # An alias (wagtail-localize tree synchronisation) is the untranslated source under another
        # language: send the reader to the original rather than pass it off as a translation.
        if self.alias_of_id:
            from django.shortcuts import redirect

            return redirect(self.alias_of.get_url(request))
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["og_type"] = "article"
        context["related"] = [
            item.page for item in self.related_pages.select_related("page") if item.page and item.page.live
        ]
        context["news_index"] = self.get_parent().specific
        return context

    def get_json_ld(self, request):
        return structured_data.news_json_ld(self, request, super().get_json_ld(request))


class NewsRelatedPage(Orderable):
    """A procedure, guide or other page shown as "related" under a news item."""

    news_page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Trang liên quan",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Chọn trang thủ tục hành chính hoặc trang hướng dẫn liên quan đến tin này.",
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "Trang liên quan"
        verbose_name_plural = "Trang liên quan"


class PressAssetImageBlock(ImageBlock):
    class Meta:
        icon = "image"
        label = "Ảnh cho báo chí (tải về bản gốc)"
        template = "news/blocks/press_image_block.html"


class PressAssetsBlock(blocks.StreamBlock):
    document = DocumentBlock()
    image = PressAssetImageBlock()


class PressPage(BasePage):
    intro = models.TextField("Lời giới thiệu", blank=True)
    assets = StreamField(PressAssetsBlock(), verbose_name="Tài liệu, hình ảnh cho báo chí", blank=True)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("contacts", heading="Đầu mối liên hệ báo chí", label="Đầu mối"),
        FieldPanel("assets"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Trang báo chí"
        verbose_name_plural = "Trang báo chí"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news_index = self.get_parent().specific
        context["news_index"] = news_index
        context["releases"] = listing.press_releases(news_index)
        return context


class PressContact(Orderable):
    press_page = ParentalKey(PressPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField("Họ tên", max_length=150)
    role = models.CharField("Chức vụ, đơn vị", max_length=200, blank=True)
    phone = models.CharField("Điện thoại", max_length=64, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])]

    class Meta(Orderable.Meta):
        verbose_name = "Đầu mối liên hệ báo chí"
        verbose_name_plural = "Đầu mối liên hệ báo chí"
