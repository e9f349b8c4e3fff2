"""Load (or refresh) the plan's indicators and 2023 results from the data files; atomic."""

from django.core.management.base import BaseCommand, CommandError

from portal.importlock import exclusive_import
from transparency.importer import ANNOTATIONS_FILE, INDICATORS_FILE, IndicatorFileError, import_plan


class Command(BaseCommand):
    help = "Nạp chỉ tiêu kế hoạch chuyển đổi số và kết quả năm trước từ tệp JSON (không đổi gì nếu tệp lỗi)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(INDICATORS_FILE), help="Tệp chỉ tiêu (JSON).")
        parser.add_argument("--annotations", default=str(ANNOTATIONS_FILE), help="Tệp chú giải của cổng (JSON).")

    @exclusive_import
    def handle(self, *args, **options):
        try:
            counts = import_plan(options["path"], options["annotations"])
        except IndicatorFileError as error:
            raise CommandError(
                f"Tệp chỉ tiêu có {len(error.errors)} lỗi:\n{error}\nKhông có thay đổi nào được ghi vào cơ sở dữ liệu."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(f"Đã nạp chỉ tiêu: {counts['created']} mục mới, {counts['updated']} mục cập nhật.")
        )
