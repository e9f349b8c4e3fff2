"""The explicit link between an editor/approver group and the unit (city or ward) it acts for.

Scope never follows a page title or a group name: a ward editor acts for the ward home page its group
is linked to, whatever that page or the group is called later (see ``home.permissions``).
"""

from django.contrib.auth.models import Group
from django.db import models


class UnitGroup(models.Model):
    EDITOR = "editor"
    APPROVER = "approver"
    ROLES = [(EDITOR, "Biên tập viên"), (APPROVER, "Lãnh đạo duyệt")]

    group = models.OneToOneField(Group, verbose_name="Nhóm", on_delete=models.CASCADE, related_name="unit_link")
    unit = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Đơn vị (trang chủ thành phố hoặc phường, xã)",
        on_delete=models.CASCADE,
        related_name="unit_groups",
    )
    role = models.CharField("Vai trò", max_length=10, choices=ROLES)

    class Meta:
        verbose_name = "Nhóm của đơn vị"
        verbose_name_plural = "Nhóm của đơn vị"
        constraints = [models.UniqueConstraint(fields=["unit", "role"], name="home_unitgroup_one_group_per_role")]

    def __str__(self):
        return f"{self.group.name} → {self.unit_id}"
