"""Build (or complete) the portal: structure, then each content app's demo content.

Idempotent: running it twice changes nothing the second time and never overwrites editors' edits.
Everything happens in one transaction, so a failure (e.g. a broken wards file) changes nothing.

Content apps add their demo content through the ``portal_bootstrap`` Wagtail hook::

    @hooks.register("portal_bootstrap", order=30)
    def build_news_demo(structure, stdout, options): ...

``structure`` is ``home.portal_tree.PortalStructure`` (city and ward home pages in Vietnamese).
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail import hooks

from home.portal_tree import WARDS_FILE, WardsFileError, build_portal_structure
from portal.importlock import exclusive_import


class Command(BaseCommand):
    help = "Tạo cấu trúc cổng (thành phố, 17 phường xã, site, nhóm biên tập, quy trình duyệt) và nội dung mẫu."

    def add_arguments(self, parser):
        parser.add_argument("--wards-file", default=str(WARDS_FILE), help="Tệp JSON danh sách phường, xã.")
        parser.add_argument(
            "--no-demo", action="store_true", help="Chỉ tạo cấu trúc, không tạo nội dung mẫu của các ứng dụng."
        )
        parser.add_argument(
            "--small", action="store_true", help="Nội dung mẫu rút gọn (dùng cho kiểm thử trình duyệt)."
        )
        parser.add_argument("--no-admin", action="store_true", help="Không tạo tài khoản quản trị.")

    @exclusive_import
    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                structure = build_portal_structure(options["wards_file"])
                if not options["no_demo"]:
                    for build_demo in hooks.get_hooks("portal_bootstrap"):
                        build_demo(structure, self.stdout, options)
                if not options["no_admin"]:
                    self._ensure_admin()
        except WardsFileError as error:
            raise CommandError(f"{error}\nKhông có thay đổi nào được ghi vào cơ sở dữ liệu.") from None
        for item in structure.created:
            self.stdout.write(f"  + {item}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Cổng thông tin sẵn sàng: {structure.city.title} và {len(structure.wards)} phường, xã "
                f"({len(structure.created)} trang mới)."
            )
        )

    def _ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return
        password = os.environ.get("PORTAL_ADMIN_PASSWORD")
        generated = not password
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@localhost", password)
        if generated:
            self.stdout.write(
                self.style.WARNING(f"Tài khoản quản trị: admin / {password}  (chỉ hiển thị một lần)")
            )
        else:
            self.stdout.write("Tài khoản quản trị: admin (mật khẩu từ PORTAL_ADMIN_PASSWORD)")
