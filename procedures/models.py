"""Administrative-procedure catalogue (thủ tục hành chính).

- ``ProcedureIndexPage`` — the catalogue (finder) under the city home; its children are the procedures.
- ``ProcedurePage`` — one procedure, every field the National Public Service Portal holds, structured.
  Fields fall in two groups: *imported* (overwritten by ``import_procedures`` from the national data)
  and *editor-owned* (``EDITOR_FIELDS``: never touched by an import).
- ``WardProceduresPage`` — under each ward home: the commune-level procedures of the city catalogue,
  and each procedure at ``<ward>/thu-tuc-hanh-chinh/<code>/`` with the ward's one-stop office.
- ``Sector``, ``TargetGroup`` (snippets) and ``ProcedureLevel`` (fixed list) are shared by all procedures.

Logic lives in plain modules: ``parsing`` (source text), ``sources`` (files), ``importer`` (database),
``catalogue`` (filters, facets, open data), ``presentation`` (what the templates show).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.http import Http404
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.models import BasePage
from portal.vietnamese import slugify_vi

from .blocks import ChannelStreamBlock, DocumentStreamBlock, LegalStreamBlock, StepStreamBlock

ONLINE_LEVELS = [
    ("toan_trinh", "Trực tuyến toàn trình"),
    ("mot_phan", "Trực tuyến một phần"),
    ("truc_tiep", "Chỉ nộp trực tiếp"),
]


class ProcedureLevel(models.Model):
    """Level of government that carries out a procedure (fixed list, created by a migration)."""

    code = models.CharField("Mã", max_length=10, unique=True)
    name = models.CharField("Tên", max_length=50)
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = "Cấp thực hiện"
        verbose_name_plural = "Cấp thực hiện"

    def __str__(self):
        return self.name


class Taxonomy(models.Model):
    """A named, slugged term shared by all procedures (the slug is what the finder's URLs use)."""

    name = models.CharField("Tên", max_length=255, unique=True)
    slug = models.SlugField(
        "Đường dẫn", max_length=255, unique=True, blank=True, help_text="Để trống: tạo từ tên, bỏ dấu."
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify_vi(self.name)[:255]
        super().save(*args, **kwargs)


class Sector(index.Indexed, Taxonomy):
    """Lĩnh vực: shared by all procedures (snippet); created by the importer from the national data."""

    description = models.TextField("Mô tả", blank=True)

    panels = Taxonomy.panels + [FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(Taxonomy.Meta):
        verbose_name = "Lĩnh vực"
        verbose_name_plural = "Lĩnh vực"


class TargetGroup(Taxonomy):
    """Đối tượng thực hiện (citizens, enterprises, foreigners…): snippet, created by the importer."""

    class Meta(Taxonomy.Meta):
        verbose_name = "Đối tượng thực hiện"
        verbose_name_plural = "Đối tượng thực hiện"


class ProcedureIndexPage(BasePage):
    """The catalogue: a finder over the procedures below it (filters in the query string)."""

    intro = models.TextField(
        "Lời giới thiệu",
        blank=True,
        help_text="Đoạn ngắn ở đầu danh mục, ví dụ hướng dẫn cách tìm thủ tục.",
    )
    page_size = models.PositiveSmallIntegerField("Số thủ tục mỗi trang", default=20)

    parent_page_types = ["home.CityHomePage"]
    subpage_types = ["procedures.ProcedurePage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_procedures",
            label="Thủ tục được tìm nhiều (do biên tập viên chọn)",
            heading="Thủ tục được tìm nhiều",
        ),
    ]
    settings_panels = BasePage.settings_panels + [FieldPanel("page_size")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Danh mục thủ tục hành chính"
        verbose_name_plural = "Danh mục thủ tục hành chính"

    def get_context(self, request, *args, **kwargs):
        from .presentation import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(self, request))
        return context

    def get_json_ld(self, request):
        return {**super().get_json_ld(request), "@type": "CollectionPage"}


class FeaturedProcedure(Orderable):
    """A "most requested" procedure, curated by editors on the catalogue page."""

    index_page = ParentalKey(ProcedureIndexPage, on_delete=models.CASCADE, related_name="featured_procedures")
    procedure = models.ForeignKey(
        "procedures.ProcedurePage", verbose_name="Thủ tục", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("procedure", "procedures.ProcedurePage")]

    class Meta(Orderable.Meta):
        verbose_name = "Thủ tục được tìm nhiều"


class ProcedurePage(BasePage):
    """One administrative procedure. See the module docstring for imported vs editor-owned fields."""

    # Imported from the national data (overwritten by import_procedures) ------------------------
    code = models.CharField(
        "Mã thủ tục", max_length=64, db_index=True, help_text="Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.001193."
    )
    name = models.TextField(
        "Tên thủ tục (đầy đủ)",
        blank=True,
        help_text="Tên đầy đủ theo Cơ sở dữ liệu quốc gia; tiêu đề trang bị cắt ở 255 ký tự khi tên dài hơn.",
    )
    decision_number = models.CharField("Số quyết định công bố", max_length=255, blank=True)
    procedure_type = models.CharField("Loại thủ tục", max_length=255, blank=True)
    levels = ParentalManyToManyField(
        ProcedureLevel, verbose_name="Cấp thực hiện", blank=True, related_name="procedures"
    )
    sector = models.ForeignKey(
        Sector, verbose_name="Lĩnh vực", null=True, blank=True, on_delete=models.SET_NULL, related_name="procedures"
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name="Đối tượng thực hiện", blank=True, related_name="procedures"
    )
    issuing_body = models.CharField("Cơ quan ban hành", max_length=255, blank=True)
    implementing_agency = models.TextField("Cơ quan thực hiện", blank=True)
    competent_agency = models.TextField("Cơ quan có thẩm quyền", blank=True)
    authorized_agency = models.TextField("Cơ quan được ủy quyền", blank=True)
    coordinating_agency = models.TextField("Cơ quan phối hợp", blank=True)
    receiving_address = models.TextField("Địa chỉ tiếp nhận hồ sơ", blank=True)
    channels = StreamField(ChannelStreamBlock(), verbose_name="Cách thức thực hiện", blank=True)
    documents = StreamField(DocumentStreamBlock(), verbose_name="Thành phần hồ sơ", blank=True)
    steps = StreamField(StepStreamBlock(), verbose_name="Trình tự thực hiện", blank=True)
    conditions = models.TextField("Yêu cầu, điều kiện thực hiện", blank=True)
    result = models.TextField("Kết quả thực hiện", blank=True)
    legal_basis = StreamField(LegalStreamBlock(), verbose_name="Căn cứ pháp lý", blank=True)
    national_url = models.URLField("Trang thủ tục trên Cổng DVC quốc gia", max_length=500, blank=True)
    last_synced = models.DateTimeField(
        "Cập nhật từ dữ liệu quốc gia",
        null=True,
        blank=True,
        help_text="Lần gần nhất dữ liệu nhập làm thay đổi thủ tục.",
    )
    source_name = models.CharField("Nguồn dữ liệu", max_length=255, blank=True)

    # Editor-owned (never overwritten by an import) ---------------------------------------------
    online_service_level = models.CharField(
        "Mức dịch vụ công trực tuyến tại Vũng Tàu",
        max_length=20,
        choices=ONLINE_LEVELS,
        blank=True,
        help_text="Thông tin địa phương do biên tập viên cập nhật; để trống nếu chưa xác định.",
    )
    online_url = models.URLField(
        "Đường dẫn nộp hồ sơ trực tuyến",
        max_length=500,
        blank=True,
        help_text="Trang nộp hồ sơ trên Cổng dịch vụ công tỉnh/quốc gia. Để trống thì dùng trang thủ tục quốc gia.",
    )
    keywords = models.TextField(
        "Từ khóa tìm kiếm (ẩn)",
        blank=True,
        help_text=(
            "Cách người dân hay gọi thủ tục, cách nhau bằng dấu phẩy, ví dụ “làm giấy khai sinh, khai sinh cho con”."
        ),
    )
    sample_note = models.CharField(
        "Ghi chú dữ liệu mẫu",
        max_length=255,
        blank=True,
        help_text="Khác rỗng khi thông tin địa phương của trang là dữ liệu mẫu; hiện trên trang. Xóa khi đã xác nhận.",
    )
    # Derived on save: folded name, code and keywords for the catalogue's accent-insensitive filter.
    search_folded = models.TextField(editable=False, blank=True, default="")

    EDITOR_FIELDS = ("online_service_level", "online_url", "keywords", "sample_note", "summary", "last_reviewed")

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("online_service_level"),
                FieldPanel("online_url"),
                FieldPanel("keywords"),
                FieldPanel("sample_note"),
                InlinePanel("related_links", label="Thủ tục, hướng dẫn liên quan"),
            ],
            heading="Thông tin địa phương (do biên tập viên quản lý, không bị ghi đè khi nhập dữ liệu)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("code"), FieldPanel("decision_number")]),
                FieldRowPanel([FieldPanel("procedure_type"), FieldPanel("sector")]),
                FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("issuing_body"),
                FieldPanel("implementing_agency"),
                FieldPanel("competent_agency"),
                FieldPanel("authorized_agency"),
                FieldPanel("coordinating_agency"),
                FieldPanel("receiving_address"),
                FieldPanel("national_url"),
            ],
            heading="Thông tin chung (từ Cơ sở dữ liệu quốc gia)",
        ),
        FieldPanel("channels"),
        FieldPanel("documents"),
        FieldPanel("steps"),
        FieldPanel("conditions"),
        FieldPanel("result"),
        FieldPanel("legal_basis"),
        MultiFieldPanel(
            [FieldPanel("last_synced", read_only=True), FieldPanel("source_name", read_only=True)],
            heading="Đồng bộ dữ liệu",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("code", boost=10),
        index.AutocompleteField("code"),
        index.FilterField("code"),
        index.SearchField("keywords", boost=5),
        index.SearchField("implementing_agency"),
        index.SearchField("result"),
        index.RelatedFields("sector", [index.SearchField("name")]),
        index.FilterField("sector"),
        index.FilterField("online_service_level"),
    ]

    class Meta:
        verbose_name = "Thủ tục hành chính"
        verbose_name_plural = "Thủ tục hành chính"

    def clean(self):
        super().clean()
        clash = (
            ProcedurePage.objects.filter(code=self.code, locale_id=self.locale_id).exclude(pk=self.pk).first()
        )
        if clash:
            raise ValidationError({"code": f"Mã {self.code} đã được dùng cho “{clash.title}”."})

    def save(self, *args, **kwargs):
        from .catalogue import folded_search_text

        self.search_folded = folded_search_text(self.display_name, self.code, self.keywords)
        return super().save(*args, **kwargs)

    @property
    def display_name(self):
        return self.name or self.title

    def get_context(self, request, *args, **kwargs):
        from .presentation import procedure_context

        context = super().get_context(request, *args, **kwargs)
        context.update(procedure_context(self, request, ward=kwargs.get("ward")))
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "GET" and not getattr(request, "is_preview", False):
            ProcedureStats.record_view(self.pk)
        return super().serve(request, *args, **kwargs)

    def get_json_ld(self, request):
        from .presentation import government_service_json_ld

        return government_service_json_ld(self, request, super().get_json_ld(request))


class RelatedLink(Orderable):
    """A related procedure or guide, chosen by editors (any page: guides live in another app)."""

    procedure = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="related_links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Trang liên quan",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Một thủ tục hành chính hoặc một trang hướng dẫn liên quan.",
    )

    panels = [PageChooserPanel("page")]


class ProcedureStats(models.Model):
    """View counter, kept out of the page so that publishing a revision never resets it."""

    page = models.OneToOneField(ProcedurePage, on_delete=models.CASCADE, primary_key=True, related_name="stats")
    views = models.PositiveIntegerField("Lượt xem", default=0)

    class Meta:
        verbose_name = "Lượt xem thủ tục"

    def __str__(self):
        return f"{self.page_id}: {self.views}"

    @classmethod
    def record_view(cls, page_id):
        """Count one view; never breaks the page (a read-only database skips the count)."""
        from portal.besteffort import best_effort

        with best_effort("procedure view counter"):
            if not cls.objects.filter(page_id=page_id).update(views=F("views") + 1):
                cls.objects.get_or_create(page_id=page_id, defaults={"views": 1})


class WardProceduresPage(RoutablePageMixin, BasePage):
    """Procedures a ward handles: the city catalogue's commune-level (cấp xã) procedures.

    No procedure pages are duplicated: ``<slug>/`` (the city page's slug) renders the city's
    ProcedurePage with the ward's one-stop office (fields of the ward home page) as the filing place.
    """

    intro = models.TextField("Lời giới thiệu", blank=True)

    parent_page_types = ["home.WardHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Thủ tục hành chính của phường, xã"
        verbose_name_plural = "Thủ tục hành chính của phường, xã"

    @path("")
    def listing(self, request):
        from .presentation import ward_catalogue_context

        return self.render(request, context_overrides=ward_catalogue_context(self, request))

    @path("<slug:slug>/")
    def procedure(self, request, slug):
        from .presentation import ward_procedure_response

        response = ward_procedure_response(self, request, slug)
        if response is None:
            raise Http404("Không có thủ tục cấp xã với đường dẫn này.")
        return response

    def get_json_ld(self, request):
        procedure = getattr(request, "ward_procedure", None)
        if procedure is not None:
            return procedure.get_json_ld(request)
        return {**super().get_json_ld(request), "@type": "CollectionPage"}
