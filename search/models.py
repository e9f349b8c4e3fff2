"""Editors' search vocabulary and anonymous query statistics.

- ``Synonym``: words citizens type for the same thing ("CCCD" ↔ "căn cước công dân"), edited in
  the admin and applied by every backend (``search.synonyms``).
- ``SearchQueryStat``: per site and day, how often a folded query was searched and how often it
  found nothing. No IP address, user, session or cookie is stored; long digit runs (ID-card or
  phone numbers) and e-mail addresses are blanked out before a query is counted.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Site

from portal.vietnamese import nfc


class Synonym(models.Model):
    term = models.CharField(
        "Từ hoặc cụm từ người dân gõ",
        max_length=100,
        help_text="Ví dụ: CCCD, sổ đỏ, hộ khẩu. Không phân biệt chữ hoa, có dấu hay không dấu.",
    )
    equivalents = models.TextField(
        "Tìm kèm các cách gọi",
        help_text="Mỗi dòng một cách gọi, ví dụ: căn cước công dân. Ghi đúng dấu như trong văn bản.",
    )
    two_way = models.BooleanField(
        "Hai chiều",
        default=True,
        help_text=(
            "Bật: gõ bất kỳ cách gọi nào cũng tìm cả các cách gọi còn lại. "
            "Tắt: chỉ khi gõ “từ người dân gõ” mới tìm thêm các cách gọi (ví dụ hộ khẩu → thường trú)."
        ),
    )
    note = models.CharField("Ghi chú", max_length=255, blank=True)
    active = models.BooleanField("Đang áp dụng", default=True)

    panels = [FieldPanel("term"), FieldPanel("equivalents"), FieldPanel("two_way"), FieldPanel("note"),
              FieldPanel("active")]

    class Meta:
        verbose_name = "Từ đồng nghĩa khi tìm kiếm"
        verbose_name_plural = "Từ đồng nghĩa khi tìm kiếm"
        ordering = ["term"]

    def __str__(self):
        arrow = "↔" if self.two_way else "→"
        return f"{self.term} {arrow} {', '.join(self.equivalent_list())}"

    def save(self, *args, **kwargs):
        self.term = nfc(self.term).strip()
        self.equivalents = "\n".join(self.equivalent_list())
        super().save(*args, **kwargs)

    def equivalent_list(self):
        return [nfc(line).strip() for line in self.equivalents.splitlines() if line.strip()]


class SearchQueryStat(models.Model):
    site = models.ForeignKey(Site, verbose_name="Cổng", on_delete=models.CASCADE, related_name="+")
    day = models.DateField("Ngày")
    query = models.CharField("Từ khóa (không dấu)", max_length=200)
    searches = models.PositiveIntegerField("Số lượt tìm", default=0)
    zero_result_searches = models.PositiveIntegerField("Số lượt không có kết quả", default=0)

    class Meta:
        verbose_name = "Thống kê từ khóa tìm kiếm"
        verbose_name_plural = "Thống kê từ khóa tìm kiếm"
        constraints = [models.UniqueConstraint(fields=["site", "day", "query"], name="search_stat_unique_day")]
        indexes = [models.Index(fields=["site", "day"], name="search_stat_site_day")]

    def __str__(self):
        return f"{self.day} {self.query} ({self.searches})"
