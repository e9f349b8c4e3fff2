"""The plan's indicators (loaded from ``transparency/data``), the 2023 results, and measurements.

Indicators and groups come from the plan's data file (``import_indicators`` / ``bootstrap_portal``);
editors enter **measurements** in the admin, ward editors only for their own ward (see
``transparency/permissions.py``). Measurements keep their history as Wagtail revisions.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from wagtail.models import RevisionMixin
from wagtail.search import index

from transparency import formatting, progress
from transparency.periods import Period, year_window


class IndicatorGroup(models.Model):
    slug = models.SlugField("Mã nhóm", max_length=64, unique=True)
    name_vi = models.CharField("Tên nhóm (tiếng Việt)", max_length=255)
    name_en = models.CharField("Tên nhóm (tiếng Anh)", max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "Nhóm chỉ tiêu"
        verbose_name_plural = "Nhóm chỉ tiêu"

    def __str__(self):
        return self.name_vi

    def name(self, language="vi"):
        return self.name_en if language == "en" and self.name_en else self.name_vi


class Indicator(index.Indexed, models.Model):
    UNIT_CHOICES = [
        (progress.PERCENT, "Tỷ lệ phần trăm (0–100)"),
        (progress.WARDS, "Số phường, xã (trên tổng số 17)"),
        (progress.MILESTONE, "Mốc hoàn thành (1 = xong, 0 = chưa)"),
    ]
    KIND_CHOICES = [
        (progress.REACH, "Đạt (đến cuối năm)"),
        (progress.MAINTAIN, "Duy trì (≥ chỉ tiêu)"),
        (progress.STAY_ABOVE, "Duy trì trên (> chỉ tiêu)"),
    ]
    WARD_VALUE_CHOICES = [
        (formatting.YES_NO, "Có/chưa (1 = có, 0 = chưa)"),
        (formatting.COUNT, "Số lượng (≥ 1 là phường đạt)"),
    ]

    group = models.ForeignKey(
        IndicatorGroup, verbose_name="Nhóm", on_delete=models.PROTECT, related_name="indicators"
    )
    code = models.CharField("Mã chỉ tiêu", max_length=20, unique=True)
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    text_vi = models.TextField("Nội dung chỉ tiêu (tiếng Việt)")
    text_en = models.TextField("Nội dung chỉ tiêu (tiếng Anh)", blank=True)
    target = models.DecimalField("Chỉ tiêu", max_digits=14, decimal_places=2)
    unit = models.CharField("Đơn vị", max_length=12, choices=UNIT_CHOICES)
    kind = models.CharField("Loại chỉ tiêu", max_length=12, choices=KIND_CHOICES, default=progress.REACH)
    plan_year = models.PositiveSmallIntegerField("Năm kế hoạch", default=2024)
    due_date = models.DateField(
        "Hạn hoàn thành",
        null=True,
        blank=True,
        help_text="Để trống: hết kỳ báo cáo cuối cùng của năm kế hoạch (ngày 9/12).",
    )
    baseline = models.DecimalField(
        "Giá trị đầu kỳ",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Điểm xuất phát của đường tiến độ tuyến tính; để trống là 0.",
    )
    per_ward = models.BooleanField(
        "Đo theo từng phường, xã",
        default=False,
        help_text="Phường, xã nhập số liệu của mình; số liệu thành phố được tính từ số liệu các phường.",
    )
    ward_value_kind = models.CharField(
        "Số liệu của phường", max_length=10, choices=WARD_VALUE_CHOICES, blank=True
    )
    ward_value_label = models.CharField("Nhãn số liệu phường (tiếng Việt)", max_length=255, blank=True)
    ward_value_label_en = models.CharField("Nhãn số liệu phường (tiếng Anh)", max_length=255, blank=True)

    search_fields = [
        index.SearchField("code", boost=3),
        index.AutocompleteField("code"),
        index.SearchField("text_vi", boost=2),
        index.AutocompleteField("text_vi"),
        index.SearchField("text_en"),
        index.FilterField("unit"),
        index.FilterField("per_ward"),
    ]

    class Meta:
        ordering = ["group__sort_order", "sort_order", "code"]
        verbose_name = "Chỉ tiêu"
        verbose_name_plural = "Chỉ tiêu"

    def __str__(self):
        return f"{self.code} – {self.text_vi}"

    @property
    def slug(self):
        return self.code.lower()

    def text(self, language="vi"):
        return self.text_en if language == "en" and self.text_en else self.text_vi

    def ward_label(self, language="vi"):
        return self.ward_value_label_en if language == "en" and self.ward_value_label_en else self.ward_value_label

    def target_spec(self):
        start, end = year_window(self.plan_year)
        return progress.Target(
            value=self.target,
            unit=self.unit,
            kind=self.kind,
            window_start=start,
            due=self.due_date or end,
            baseline=self.baseline,
        )

    def target_label(self, language="vi"):
        kind = progress.KIND_LABELS.get(language, progress.KIND_LABELS["vi"])[self.kind]
        target = formatting.format_target(self.target, self.unit, language)
        return target if self.unit == progress.MILESTONE else f"{kind} {target}"

    def get_url(self, request=None):
        """Permalink of the indicator on the (Vietnamese) transparency dashboard, if there is one."""
        from transparency.models.pages import TransparencyPage

        page = TransparencyPage.objects.live().filter(locale__language_code="vi").first()
        return page.indicator_url(self, request) if page else None


class BaselineResult(models.Model):
    """A result of 2023 the plan reports (Phần I), shown as the starting point."""

    UNIT_CHOICES = [(progress.PERCENT, "Tỷ lệ phần trăm"), ("count", "Số lượng")]

    year = models.PositiveSmallIntegerField("Năm", default=2023)
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    text_vi = models.TextField("Nội dung (tiếng Việt)")
    text_en = models.TextField("Nội dung (tiếng Anh)", blank=True)
    value = models.DecimalField("Giá trị", max_digits=14, decimal_places=2)
    unit = models.CharField("Đơn vị", max_length=12, choices=UNIT_CHOICES)
    numerator = models.DecimalField("Tử số", max_digits=18, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField("Mẫu số", max_digits=18, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["year", "sort_order"]
        constraints = [models.UniqueConstraint(fields=["year", "sort_order"], name="transparency_result_slot")]
        verbose_name = "Kết quả năm trước"
        verbose_name_plural = "Kết quả năm trước"

    def __str__(self):
        return f"{self.year}: {self.text_vi}"

    def text(self, language="vi"):
        return self.text_en if language == "en" and self.text_en else self.text_vi

    def value_label(self, language="vi"):
        label = formatting.format_value(self.value, self.unit, language)
        if self.numerator is not None and self.denominator is not None:
            return (
                f"{label} ({formatting.format_number(self.numerator, language)}/"
                f"{formatting.format_number(self.denominator, language)})"
            )
        if self.denominator is not None:
            return f"{label}/{formatting.format_number(self.denominator, language)}"
        return label

    @property
    def value_label_vi(self):
        return self.value_label("vi")

    @property
    def value_label_en(self):
        return self.value_label("en")


class Measurement(RevisionMixin, models.Model):
    """One figure for one indicator and one reporting period, for the city or for one ward."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="Chỉ tiêu", on_delete=models.PROTECT, related_name="measurements"
    )
    period = models.DateField(
        "Kỳ báo cáo",
        db_index=True,
        help_text="Tháng của kỳ báo cáo: kỳ tháng 6/2024 gồm số liệu từ 10/5 đến hết 9/6/2024.",
    )
    ward = models.ForeignKey(
        "home.WardHomePage",
        verbose_name="Phường, xã",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Để trống cho số liệu chung của thành phố.",
    )
    value = models.DecimalField("Giá trị", max_digits=14, decimal_places=2)
    numerator = models.DecimalField("Tử số", max_digits=18, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField("Mẫu số", max_digits=18, decimal_places=2, null=True, blank=True)
    source = models.CharField(
        "Nguồn số liệu", max_length=255, blank=True, help_text="Ví dụ: Báo cáo tháng của UBND phường, hệ thống một cửa."
    )
    source_url = models.URLField("Liên kết nguồn", blank=True)
    notes = models.TextField("Ghi chú", blank=True)
    is_sample = models.BooleanField(
        "Số liệu mẫu",
        default=False,
        help_text="Đánh dấu số liệu minh họa (không phải số liệu chính thức); cổng hiển thị nhãn “Số liệu mẫu”.",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người nhập",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField("Thời điểm nhập", auto_now=True)
    created_at = models.DateTimeField("Thời điểm tạo", auto_now_add=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="transparency_measurement")

    class Meta:
        ordering = ["indicator__code", "-period", "ward__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "ward"], condition=Q(ward__isnull=False), name="transparency_ward_slot"
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"], condition=Q(ward__isnull=True), name="transparency_city_slot"
            ),
        ]
        verbose_name = "Số liệu chỉ tiêu"
        verbose_name_plural = "Số liệu chỉ tiêu"

    def __str__(self):
        unit = self.ward.title if self.ward_id else "Thành phố"
        return f"{self.indicator.code} · {self.period_obj.label()} · {unit}"

    @property
    def revisions(self):
        return self._revisions

    @property
    def period_obj(self):
        return Period.from_date(self.period)

    @property
    def period_label(self):
        return self.period_obj.label()

    @property
    def unit_label(self):
        return self.ward.title if self.ward_id else "Thành phố Vũng Tàu"

    @property
    def value_label(self):
        if self.ward_id and self.indicator.per_ward:
            return formatting.format_ward_value(self.value, self.indicator.ward_value_kind)
        return formatting.format_value(self.value, self.indicator.unit)
