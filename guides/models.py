"""Digital-skills guides for citizens, their taxonomy, feedback, and the wards' community digital teams.

- ``GuideIndexPage`` (one, under the city home) lists ``GuidePage`` children, filterable by topic and audience.
- ``GuideTopic`` / ``GuideAudience``: editable taxonomy (snippets).
- ``GuideFeedback``: anonymous "was this helpful?" answers (no IP, no cookie, no account).
- ``CommunityDigitalTeam`` (one per ward, members inline) and ``HelpSession``: in-person help, ward-scoped.

Logic lives in plain modules: ``listing`` (filters), ``feedback``, ``sessions``, ``handout``, ``validation``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from guides.blocks import ProblemStreamBlock, StepStreamBlock
from guides.forms import WardScopedAdminForm
from guides.validation import step_problems
from home.models import BasePage


class TaxonomyTerm(models.Model):
    name = models.CharField("Tên", max_length=120, unique=True)
    slug = models.SlugField(
        "Đường dẫn (slug)", max_length=80, unique=True, help_text="Chữ thường không dấu, ví dụ dich-vu-cong."
    )
    description = models.TextField("Mô tả ngắn", blank=True, max_length=300)
    sort_order = models.PositiveSmallIntegerField("Thứ tự hiển thị", default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class GuideTopic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Chủ đề hướng dẫn"
        verbose_name_plural = "Chủ đề hướng dẫn"


class GuideAudience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Đối tượng hướng dẫn"
        verbose_name_plural = "Đối tượng hướng dẫn"


class GuideIndexPage(BasePage):
    intro = models.TextField("Lời giới thiệu", blank=True)

    parent_page_types = ["home.CityHomePage"]
    subpage_types = ["guides.GuidePage"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Danh mục hướng dẫn kỹ năng số"
        verbose_name_plural = "Danh mục hướng dẫn kỹ năng số"

    def get_context(self, request, *args, **kwargs):
        from guides.listing import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request.GET))
        return context


class GuidePage(RoutablePageMixin, BasePage):
    DIFFICULTY_CHOICES = [
        ("easy", "Dễ"),
        ("medium", "Trung bình"),
        ("hard", "Nhiều bước – nên có người hỗ trợ lần đầu"),
    ]

    outcomes = models.TextField(
        "Sau hướng dẫn này, bạn sẽ làm được",
        help_text="Mỗi dòng một việc, ví dụ “Nộp hồ sơ trực tuyến mà không cần đến phường”.",
    )
    requirements = models.TextField(
        "Bạn cần chuẩn bị", help_text="Mỗi dòng một thứ: điện thoại, căn cước, tài khoản ngân hàng…"
    )
    duration_minutes = models.PositiveSmallIntegerField(
        "Thời gian cần (phút)", validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    difficulty = models.CharField("Mức độ", max_length=10, choices=DIFFICULTY_CHOICES, default="easy")
    topics = ParentalManyToManyField(GuideTopic, verbose_name="Chủ đề", related_name="guides")
    audiences = ParentalManyToManyField(GuideAudience, verbose_name="Dành cho", related_name="guides", blank=True)
    steps = StreamField(StepStreamBlock(), verbose_name="Các bước")
    common_problems = StreamField(ProblemStreamBlock(), verbose_name="Vấn đề thường gặp", blank=True)

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("topics"), FieldPanel("audiences")], heading="Phân loại"),
        MultiFieldPanel(
            [
                FieldPanel("outcomes"),
                FieldPanel("requirements"),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("difficulty")]),
            ],
            heading="Tóm tắt cho người đọc",
        ),
        FieldPanel("steps"),
        FieldPanel("common_problems"),
        InlinePanel("related_procedures", heading="Thủ tục hành chính liên quan", label="Thủ tục"),
        InlinePanel("related_guides", heading="Hướng dẫn liên quan", label="Hướng dẫn"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("outcomes"),
        index.SearchField("requirements"),
        index.SearchField("steps"),
        index.SearchField("common_problems"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("difficulty"),
    ]

    class Meta:
        verbose_name = "Hướng dẫn kỹ năng số"
        verbose_name_plural = "Hướng dẫn kỹ năng số"

    def clean(self):
        super().clean()
        problems = step_problems(self.steps)
        if problems:
            raise ValidationError({"steps": [f"Bước {number}: {message}" for number, message in problems]})

    @property
    def outcome_list(self):
        return _lines(self.outcomes)

    @property
    def requirement_list(self):
        return _lines(self.requirements)

    def get_context(self, request, *args, **kwargs):
        from guides.views import guide_context

        context = super().get_context(request, *args, **kwargs)
        context.update(guide_context(self, request))
        return context

    @path("")
    def guide(self, request):
        return self.render(request)

    @path("ban-in/", name="handout")
    def handout(self, request):
        from guides.handout import handout_context

        return self.render(
            request, template="guides/guide_handout.html", context_overrides=handout_context(self, request)
        )

    def get_json_ld(self, request):
        data = super().get_json_ld(request)
        return {
            **data,
            "@type": "HowTo",
            "totalTime": f"PT{self.duration_minutes}M",
            "supply": [{"@type": "HowToSupply", "name": item} for item in self.requirement_list],
            "step": [
                {"@type": "HowToStep", "position": n, "name": step.value["title"], "url": f"{data['url']}#buoc-{n}"}
                for n, step in enumerate(self.steps, start=1)
            ],
        }


def _lines(text):
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class GuideRelatedProcedure(Orderable):
    guide = ParentalKey(GuidePage, related_name="related_procedures", on_delete=models.CASCADE)
    procedure = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Thủ tục",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Chọn trang thủ tục trong Danh mục thủ tục hành chính.",
    )

    panels = [PageChooserPanel("procedure")]


class GuideRelatedGuide(Orderable):
    guide = ParentalKey(GuidePage, related_name="related_guides", on_delete=models.CASCADE)
    other = models.ForeignKey(GuidePage, verbose_name="Hướng dẫn", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("other", "guides.GuidePage")]


class GuideFeedback(models.Model):
    """One anonymous answer to "Hướng dẫn này có hữu ích không?". Nothing identifies the visitor."""

    guide = models.ForeignKey(GuidePage, verbose_name="Hướng dẫn", on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField("Hữu ích")
    comment = models.TextField("Góp ý", blank=True, max_length=1000)
    created_at = models.DateTimeField("Thời điểm gửi", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "Góp ý về hướng dẫn"
        verbose_name_plural = "Góp ý về hướng dẫn"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{'Có' if self.helpful else 'Không'} – {self.guide_id} – {self.created_at:%d/%m/%Y}"


class WardRecord(models.Model):
    """A record of one ward, edited in the admin only for the editor's wards, possibly sample data."""

    is_sample = models.BooleanField(
        "Dữ liệu mẫu", default=False, help_text="Đánh dấu dữ liệu minh họa; trang công khai ghi rõ “mẫu”."
    )

    base_form_class = WardScopedAdminForm

    class Meta:
        abstract = True

    @property
    def sample_suffix(self):
        return " (mẫu)" if self.is_sample else ""


class CommunityDigitalTeam(WardRecord, ClusterableModel):
    """The ward's "Tổ công nghệ số cộng đồng": who helps citizens in person, and how to reach them."""

    ward = models.OneToOneField(
        "home.WardHomePage", verbose_name="Phường, xã", on_delete=models.CASCADE, related_name="digital_team"
    )
    name = models.CharField("Tên tổ", max_length=150, default="Tổ công nghệ số cộng đồng")
    introduction = models.TextField(
        "Giới thiệu", blank=True, help_text="Tổ giúp được việc gì, ai cũng có thể đến hỏi (miễn phí)."
    )
    contact = models.CharField(
        "Cách liên hệ chung",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Bộ phận một cửa UBND phường, giờ hành chính.",
    )
    panels = [
        FieldPanel("ward"),
        FieldPanel("name"),
        FieldPanel("introduction"),
        FieldPanel("contact"),
        FieldPanel("is_sample"),
        InlinePanel("members", heading="Thành viên", label="Thành viên"),
    ]

    class Meta:
        verbose_name = "Tổ công nghệ số cộng đồng"
        verbose_name_plural = "Tổ công nghệ số cộng đồng"

    def __str__(self):
        return f"{self.name} – {self.ward.title}{self.sample_suffix}"


class TeamMember(Orderable):
    team = ParentalKey(CommunityDigitalTeam, related_name="members", on_delete=models.CASCADE)
    role = models.CharField("Vai trò", max_length=150, help_text="Ví dụ: Tổ trưởng; Thành viên – đoàn viên thanh niên.")
    name = models.CharField("Họ tên", max_length=120, blank=True, help_text="Có thể để trống nếu chỉ công bố vai trò.")
    phone = models.CharField("Điện thoại", max_length=30, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    availability = models.CharField("Thời gian hỗ trợ", max_length=200, blank=True)

    panels = [
        FieldPanel("role"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("availability"),
    ]

    def __str__(self):
        return self.role


class HelpSession(WardRecord):
    """An in-person help session of a ward; shown until it ends, then dropped at render time."""

    ward = models.ForeignKey(
        "home.WardHomePage", verbose_name="Phường, xã", on_delete=models.CASCADE, related_name="help_sessions"
    )
    title = models.CharField("Nội dung buổi hỗ trợ", max_length=200)
    topic = models.ForeignKey(
        GuideTopic,
        verbose_name="Chủ đề",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_sessions",
        help_text="Để trống nếu buổi hỗ trợ mọi chủ đề.",
    )
    starts_at = models.DateTimeField("Bắt đầu")
    ends_at = models.DateTimeField("Kết thúc")
    place = models.CharField("Địa điểm", max_length=255)
    notes = models.TextField("Ghi chú cho người đến", blank=True, help_text="Ví dụ: mang theo căn cước và điện thoại.")
    panels = [
        FieldPanel("ward"),
        FieldPanel("title"),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("notes"),
        FieldPanel("is_sample"),
    ]

    class Meta:
        verbose_name = "Buổi hỗ trợ trực tiếp"
        verbose_name_plural = "Lịch hỗ trợ trực tiếp"
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["ends_at", "starts_at"])]

    def __str__(self):
        when = timezone.localtime(self.starts_at).strftime("%d/%m/%Y %H:%M") if self.starts_at else ""
        return f"{self.title} – {when}{self.sample_suffix}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "Giờ kết thúc phải sau giờ bắt đầu."})
