"""``python manage.py import_procedures PATH [PATH…] [--draft] [--dry-run]`` — see docs/procedures.md."""

import sys

from django.core.management.base import BaseCommand, CommandError

from portal.importlock import exclusive_import
from procedures.importer import ImportProblem, run_import
from procedures.sources import SourceErrors

MAX_ERRORS_SHOWN = 50
FIELD_LABELS = {
    "name": "tên", "decision_number": "số quyết định", "levels": "cấp thực hiện", "procedure_type": "loại thủ tục",
    "sector": "lĩnh vực", "target_groups": "đối tượng", "issuing_body": "cơ quan ban hành",
    "implementing_agency": "cơ quan thực hiện", "competent_agency": "cơ quan có thẩm quyền",
    "authorized_agency": "cơ quan được ủy quyền", "coordinating_agency": "cơ quan phối hợp",
    "receiving_address": "địa chỉ tiếp nhận", "channels": "cách thức thực hiện", "documents": "thành phần hồ sơ",
    "steps": "trình tự", "conditions": "điều kiện", "result": "kết quả", "legal_basis": "căn cứ pháp lý",
    "national_url": "đường dẫn quốc gia",
}


class Command(BaseCommand):
    help = (
        "Nhập thủ tục hành chính từ dữ liệu Cổng DVC quốc gia (.jsonl/.jsonl.gz), bản xuất của Bộ Quốc phòng, "
        "danh mục XLSX hoặc tệp CSV theo mẫu. Tạo hoặc cập nhật trang theo mã thủ tục; chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Tệp dữ liệu (.jsonl, .jsonl.gz, .xlsx, .csv).")
        parser.add_argument("--draft", action="store_true", help="Lưu thành bản nháp, không xuất bản.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ cho biết sẽ thay đổi gì, không ghi.")
        parser.add_argument("--no-progress", action="store_true", help="Không hiển thị thanh tiến trình.")

    @exclusive_import
    def handle(self, *args, **options):
        progress = None if options["no_progress"] or not sys.stderr.isatty() else self._progress_factory
        try:
            summary = run_import(
                options["paths"], draft=options["draft"], dry_run=options["dry_run"], progress_factory=progress
            )
        except SourceErrors as errors:
            lines = [str(error) for error in errors.errors[:MAX_ERRORS_SHOWN]]
            if len(errors.errors) > MAX_ERRORS_SHOWN:
                lines.append(f"… và {len(errors.errors) - MAX_ERRORS_SHOWN} lỗi khác")
            raise CommandError(
                "\n".join(lines) + f"\nDữ liệu có {len(errors.errors)} lỗi: không có thay đổi nào được ghi."
            ) from None
        except ImportProblem as problem:
            raise CommandError(f"{problem}\nKhông có thay đổi nào được ghi.") from None
        self._report(summary, verbosity=options["verbosity"])

    def _progress_factory(self, total, description):
        from tqdm import tqdm

        bar = tqdm(total=total, desc=description, unit=" thủ tục", file=sys.stderr, leave=False)

        def tick(n=1):
            bar.update(n)
            if bar.n >= bar.total:
                bar.close()

        return tick

    def _report(self, summary, verbosity):
        write = self.stdout.write
        if summary.dry_run:
            write(self.style.WARNING("Chạy thử (--dry-run): không có gì được ghi vào cơ sở dữ liệu."))
        for note in summary.notes:
            write(f"  · {note}")
        show_details = summary.dry_run or verbosity > 1
        for change in summary.changes:
            if change.action == "create" and show_details:
                write(f"  + {change.record.code} {change.record.name[:90]}")
            elif change.action == "update" and show_details:
                fields = ", ".join(FIELD_LABELS.get(f, f) for f in change.fields)
                write(f"  ~ {change.record.code} {change.record.name[:70]}: {fields}")
        for code, reason in summary.skipped:
            write(f"  ! bỏ qua {code}: {reason}")
        mode = "bản nháp" if summary.draft else "đã xuất bản"
        verb = "sẽ " if summary.dry_run else ""
        write(
            self.style.SUCCESS(
                f"Thủ tục: {len(summary.created)} {verb}tạo mới, {len(summary.updated)} {verb}cập nhật ({mode}), "
                f"{len(summary.unchanged)} không đổi, {len(summary.skipped)} bỏ qua. "
                f"Thời gian: {summary.seconds:.1f} giây."
            )
        )
        if not summary.changed and not summary.dry_run:
            write("Không có thay đổi nào (0 thay đổi).")
