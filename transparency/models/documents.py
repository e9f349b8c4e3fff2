"""Document library: plans, decisions, reports and notices (văn bản), filterable and searchable."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from home.models import BasePage
from transparency import library


class DocumentIndexPage(BasePage):
    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.CityHomePage", "home.WardHomePage", "transparency.TransparencyPage"]
    subpage_types = ["transparency.DocumentPage"]
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Thư viện văn bản"
        verbose_name_plural = "Thư viện văn bản"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library.listing_context(self, request))
        return context


class DocumentPage(BasePage):
    TYPE_CHOICES = library.TYPE_CHOICES

    doc_number = models.CharField(
        "Số hiệu",
        max_length=100,
        blank=True,
        help_text="Ví dụ: 2207/QĐ-UBND. Ghi đúng như văn bản công bố (kể cả khi để trống số, như “/KH-UBND”).",
    )
    doc_type = models.CharField("Loại văn bản", max_length=20, choices=TYPE_CHOICES)
    issuer = models.CharField("Cơ quan ban hành", max_length=255)
    date_issued = models.DateField("Ngày ban hành", null=True, blank=True)
    year = models.PositiveSmallIntegerField(
        "Năm ban hành",
        null=True,
        blank=True,
        help_text="Tự lấy theo ngày ban hành; chỉ nhập khi văn bản không ghi ngày nhưng biết năm.",
    )
    effective_date = models.DateField("Ngày có hiệu lực", null=True, blank=True)
    signer = models.CharField("Người ký", max_length=255, blank=True)
    signer_title = models.CharField(
        "Chức vụ người ký", max_length=255, blank=True, help_text="Ví dụ: KT. Chủ tịch – Phó Chủ tịch"
    )
    abstract = models.TextField("Trích yếu", help_text="Trích yếu nội dung như ghi trên văn bản.")
    full_text = RichTextField(
        "Toàn văn", blank=True, features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
    )
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Tệp văn bản (PDF)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_note = models.TextField(
        "Ghi chú về nguồn",
        blank=True,
        help_text="Ví dụ: thông tin mô tả lấy từ phần căn cứ của một văn bản khác; toàn văn chưa đăng tải.",
    )

    parent_page_types = ["transparency.DocumentIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doc_number"), FieldPanel("doc_type")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("date_issued"), FieldPanel("year"), FieldPanel("effective_date")]),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
            ],
            heading="Thông tin văn bản",
        ),
        FieldPanel("abstract"),
        FieldPanel("full_text"),
        FieldPanel("attachment"),
        FieldPanel("source_note"),
        InlinePanel("references", label="Văn bản căn cứ, dẫn chiếu"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("doc_number", boost=4),
        index.AutocompleteField("doc_number"),
        index.SearchField("abstract", boost=2),
        index.SearchField("full_text"),
        index.SearchField("issuer"),
        index.SearchField("signer"),
        index.FilterField("doc_type"),
        index.FilterField("issuer"),
        index.FilterField("year"),
        index.FilterField("date_issued"),
    ]

    class Meta:
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"

    def clean(self):
        super().clean()
        if self.date_issued:
            if self.year and self.year != self.date_issued.year:
                raise ValidationError({"year": "Năm ban hành phải khớp với ngày ban hành."})
            self.year = self.date_issued.year
        if self.effective_date and self.date_issued and self.effective_date < self.date_issued:
            raise ValidationError({"effective_date": "Ngày có hiệu lực không thể trước ngày ban hành."})
        if self.attachment_id and self.attachment.file_extension.lower() != "pdf":
            raise ValidationError({"attachment": "Tệp văn bản phải là tệp PDF."})

    def save(self, *args, **kwargs):
        if self.date_issued and not self.year:
            self.year = self.date_issued.year
        super().save(*args, **kwargs)

    @property
    def number_label(self):
        return library.number_label(self.doc_number)

    @property
    def metadata_only(self):
        return not self.full_text and not self.attachment_id

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library.document_context(self))
        return context

    def get_json_ld(self, request):
        data = {
            **super().get_json_ld(request),
            "@type": "Legislation",
            "legislationType": self.get_doc_type_display(),
            "legislationPassedBy": {"@type": "GovernmentOrganization", "name": self.issuer},
            "abstract": self.abstract,
        }
        if self.doc_number:
            data["legislationIdentifier"] = self.doc_number
        if self.date_issued:
            data["legislationDate"] = self.date_issued.isoformat()
        return data


class DocumentReference(Orderable):
    """A document this document cites: a legal basis (căn cứ) or another reference (dẫn chiếu)."""

    RELATION_CHOICES = [("can-cu", "Căn cứ"), ("dan-chieu", "Dẫn chiếu")]

    page = ParentalKey(DocumentPage, on_delete=models.CASCADE, related_name="references")
    cited = models.ForeignKey(
        DocumentPage, verbose_name="Văn bản được dẫn", on_delete=models.CASCADE, related_name="cited_by"
    )
    relation = models.CharField("Quan hệ", max_length=10, choices=RELATION_CHOICES, default="can-cu")

    panels = [PageChooserPanel("cited", "transparency.DocumentPage"), FieldPanel("relation")]

    class Meta(Orderable.Meta):
        verbose_name = "Văn bản dẫn chiếu"
        verbose_name_plural = "Văn bản dẫn chiếu"
