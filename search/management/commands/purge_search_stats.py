"""Delete search statistics older than the retention period (``SEARCH_STATS_RETENTION_DAYS``)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import stats


class Command(BaseCommand):
    help = (
        "Xóa thống kê tìm kiếm cũ hơn thời hạn lưu (SEARCH_STATS_RETENTION_DAYS): thống kê theo cổng và "
        "lượt tìm của báo cáo từ khóa Wagtail. Chạy hằng ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None,
            help="Số ngày giữ lại (mặc định SEARCH_STATS_RETENTION_DAYS).",
        )

    def handle(self, *args, **options):
        days = settings.SEARCH_STATS_RETENTION_DAYS if options["days"] is None else options["days"]
        if days < 1:
            raise CommandError(f"Số ngày giữ lại phải từ 1 trở lên (nhận được {days}); không xóa gì.")
        portal_rows = stats.purge(days)
        hits_before = QueryDailyHits.objects.count()
        QueryDailyHits.garbage_collect(days=days)
        hits = hits_before - QueryDailyHits.objects.count()
        queries_before = Query.objects.count()
        Query.garbage_collect()  # queries left without hits and without promoted results
        queries = queries_before - Query.objects.count()
        self.stdout.write(
            f"Đã xóa thống kê cũ hơn {days} ngày: {portal_rows} dòng thống kê theo cổng, "
            f"{hits} dòng lượt tìm, {queries} từ khóa không còn dùng."
        )
