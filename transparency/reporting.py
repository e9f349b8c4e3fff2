"""The reporting rhythm: who has not yet submitted what for a period, and the period's export for
the city People's Committee (CSV and XLSX built from the same rows)."""

import io
from dataclasses import dataclass, field

from transparency import figures, formatting, progress
from transparency.dashboard import indicators_queryset, vietnamese_wards
from transparency.opendata import to_csv
from transparency.periods import local_date

CITY_NAME = "Thành phố Vũng Tàu"
EXPORT_COLUMNS = [
    ("period", "Kỳ báo cáo"),
    ("code", "Mã chỉ tiêu"),
    ("group", "Nhóm"),
    ("text", "Chỉ tiêu"),
    ("unit_name", "Đơn vị"),
    ("unit_code", "Mã đơn vị"),
    ("target", "Chỉ tiêu kế hoạch"),
    ("value", "Giá trị"),
    ("value_label", "Hiển thị"),
    ("numerator", "Tử số"),
    ("denominator", "Mẫu số"),
    ("status", "Trạng thái"),
    ("figure_period", "Kỳ của số liệu"),
    ("submitted", "Nộp trong kỳ"),
    ("origin", "Cách có số liệu"),
    ("source", "Nguồn"),
    ("is_sample", "Số liệu mẫu"),
]
ORIGIN_LABELS = {
    figures.ENTERED: "Nhập tay",
    figures.COMPUTED: "Tính từ số liệu phường, xã",
    figures.PROVIDED: "Từ hệ thống của cổng",
}


@dataclass
class WardStatus:
    ward: object
    submitted: list = field(default_factory=list)
    missing: list = field(default_factory=list)


@dataclass
class PeriodReport:
    period: object
    today: object
    wards: list
    city_missing: list
    city_rows: list
    ward_rows: list
    per_ward_indicators: list

    @property
    def ward_overdue(self):
        return self.today > self.period.ward_deadline

    @property
    def city_overdue(self):
        return self.today > self.period.city_deadline

    @property
    def missing_count(self):
        return sum(len(status.missing) for status in self.wards)

    @property
    def complete_wards(self):
        return sum(1 for status in self.wards if not status.missing)


def _city_row(period, indicator, figure):
    target = indicator.target_spec()
    assessment = progress.assess(target, figure.value if figure else None, period.end)
    row = {
        "period": period.key,
        "code": indicator.code,
        "group": indicator.group.name_vi,
        "text": indicator.text_vi,
        "unit_name": CITY_NAME,
        "unit_code": "",
        "target": indicator.target_label(),
        "status": assessment.label(),
        "submitted": "",
    }
    if figure is not None:
        row.update(
            value=figure.value,
            value_label=formatting.format_value(figure.value, indicator.unit),
            numerator=figure.numerator,
            denominator=figure.denominator,
            figure_period=figure.period.key,
            origin=ORIGIN_LABELS[figure.origin],
            source=figure.source,
            is_sample="có" if figure.is_sample else "",
        )
        if figure.origin == figures.COMPUTED:
            row["source"] = f"Tính từ số liệu {figure.known_wards}/{figure.denominator} phường, xã " \
                            f"({figure.reporting_wards} nộp trong kỳ)"
    return row


def _ward_row(period, indicator, ward, figure, submitted):
    row = {
        "period": period.key,
        "code": indicator.code,
        "group": indicator.group.name_vi,
        "text": indicator.ward_value_label or indicator.text_vi,
        "unit_name": ward.title,
        "unit_code": ward.gso_code,
        "target": "",
        "status": "",
        "submitted": "có" if submitted else "chưa",
    }
    if figure is not None:
        row.update(
            value=figure.value,
            value_label=formatting.format_ward_value(figure.value, indicator.ward_value_kind),
            figure_period=figure.period.key,
            origin=ORIGIN_LABELS[figure.origin],
            source=figure.source,
            is_sample="có" if figure.is_sample else "",
        )
    return row


def period_report(period, moment=None, ward_ids=None):
    """Submissions for ``period`` (limited to ``ward_ids`` when given: a ward user sees their ward)."""
    indicators = list(indicators_queryset())
    wards = vietnamese_wards()
    collected = figures.collect(indicators, wards, moment)
    shown_wards = [ward for ward in wards if ward_ids is None or ward.pk in ward_ids]
    per_ward = [indicator for indicator in indicators if indicator.per_ward]
    statuses, ward_rows = [], []
    for ward in shown_wards:
        status = WardStatus(ward)
        for indicator in per_ward:
            data = collected[indicator.pk]
            submitted = data.ward_figure(ward.pk, period) is not None
            (status.submitted if submitted else status.missing).append(indicator)
            ward_rows.append(_ward_row(period, indicator, ward, data.ward_latest(ward.pk, until=period), submitted))
        statuses.append(status)
    city_rows, city_missing = [], []
    for indicator in indicators:
        figure = collected[indicator.pk].city.get(period)
        if figure is None and not indicator.per_ward:
            city_missing.append(indicator)
        city_rows.append(_city_row(period, indicator, figure))
    return PeriodReport(
        period=period,
        today=local_date(moment),
        wards=statuses,
        city_missing=city_missing,
        city_rows=city_rows,
        ward_rows=ward_rows,
        per_ward_indicators=per_ward,
    )


def export_csv(report):
    keys = [key for key, _ in EXPORT_COLUMNS]
    headers = dict(EXPORT_COLUMNS)
    rows = [{headers[key]: row.get(key) for key in keys} for row in report.city_rows + report.ward_rows]
    return to_csv([headers[key] for key in keys], rows)


def export_xlsx(report):
    """Workbook: "Thông tin" (period, deadlines), "Tổng hợp thành phố", "Phường, xã"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from portal.exports import xlsx_row
    from transparency.opendata import cell

    period = report.period
    workbook = Workbook()
    info = workbook.active
    info.title = "Thông tin"
    for label, value in [
        ("Báo cáo", "Kết quả thực hiện chỉ tiêu chuyển đổi số năm 2024 – thành phố Vũng Tàu"),
        ("Kỳ báo cáo", f"{period.label()} ({period.range_label()})"),
        ("Hạn phường, xã nộp", f"{period.ward_deadline:%d/%m/%Y}"),
        ("Hạn thành phố tổng hợp", f"{period.city_deadline:%d/%m/%Y}"),
        ("Ngày xuất", f"{report.today:%d/%m/%Y}"),
        ("Ghi chú", "Số liệu có cột “Số liệu mẫu” = có là số liệu minh họa, không phải số liệu chính thức."),
    ]:
        info.append(xlsx_row([label, value]))
    for sheet_name, rows in (("Tổng hợp thành phố", report.city_rows), ("Phường, xã", report.ward_rows)):
        sheet = workbook.create_sheet(sheet_name)
        sheet.append([header for _, header in EXPORT_COLUMNS])
        for header_cell in sheet[1]:
            header_cell.font = Font(bold=True)
        for row in rows:
            values = []
            for key, _ in EXPORT_COLUMNS:
                value = row.get(key)
                values.append(float(value) if key in ("value", "numerator", "denominator") and value is not None
                              else cell(value) if value is not None else None)
            sheet.append(xlsx_row(values))
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
