"""``manage.py import_merchants FILE.csv [--dry-run]`` — see ``directory/importer.py`` for the columns."""

from django.core.management.base import BaseCommand, CommandError

from directory.importer import MerchantImportError, import_file
from portal.importlock import exclusive_import


class Command(BaseCommand):
    help = (
        "Nhập cửa hàng thanh toán không dùng tiền mặt từ tệp CSV (cột: ma, ten, loai, phuong, tuyen_duong, "
        "dia_chi, vi_do, kinh_do, phuong_thuc, gio_mo_cua, dien_thoai, website, ngay_xac_minh, cong_khai, "
        "du_lieu_mau). Nhập lại cùng tệp không tạo trùng: cửa hàng được nhận ra theo cột “ma”."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp CSV mã hóa UTF-8.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra tệp, không ghi gì.")

    @exclusive_import
    def handle(self, *args, **options):
        def progress(done, total):
            if options["verbosity"] >= 1:
                self.stdout.write(f"  đã ghi {done}/{total} dòng")

        try:
            summary = import_file(options["file"], progress=progress, dry_run=options["dry_run"])
        except MerchantImportError as error:
            raise CommandError(
                f"{error}\n{len(error.errors)} lỗi; không có thay đổi nào được ghi vào cơ sở dữ liệu."
            ) from None
        if summary.ignored_columns:
            self.stdout.write(f"Bỏ qua các cột không dùng: {', '.join(summary.ignored_columns)}")
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"Tệp hợp lệ: {summary.rows} cửa hàng (chưa ghi gì)."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nhập {summary.rows} dòng: {summary.created} tạo mới, {summary.updated} cập nhật, "
                f"{summary.unchanged} không đổi."
            )
        )
