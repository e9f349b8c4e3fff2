"""Open data of the transparency dashboard: two datasets, each as CSV and JSON at stable URLs.

- ``/du-lieu-mo/minh-bach/chi-tieu.csv|json``: the plan's indicators;
- ``/du-lieu-mo/minh-bach/so-lieu.csv|json``: every figure (city and ward, typed, computed from
  ward figures, or supplied by a provider), sample figures flagged.

The column lists below are the single source of both the files and the data-dictionary page.
"""

import json
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from home.locales import language_of
from home.site_urls import absolute_url
from portal import exports
from transparency import figures as figures_module

DATASETS = ("chi-tieu", "so-lieu")
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    vi: str
    en: str

    def description(self, language):
        return self.en if language == "en" else self.vi


INDICATOR_COLUMNS = [
    Column(
        "code",
        "string",
        "Mã chỉ tiêu, ví dụ CQS-01 (ổn định, dùng để nối với bộ số liệu).",
        "Indicator code, e.g. CQS-01 (stable; joins the figures dataset).",
    ),
    Column(
        "group",
        "string",
        "Mã nhóm chỉ tiêu.",
        "Group code.",
    ),
    Column(
        "group_name_vi",
        "string",
        "Tên nhóm (tiếng Việt).",
        "Group name (Vietnamese).",
    ),
    Column(
        "group_name_en",
        "string",
        "Tên nhóm (tiếng Anh).",
        "Group name (English).",
    ),
    Column(
        "text_vi",
        "string",
        "Nội dung chỉ tiêu như trong Kế hoạch.",
        "Indicator text as in the plan.",
    ),
    Column(
        "text_en",
        "string",
        "Nội dung chỉ tiêu (bản dịch tiếng Anh của cổng).",
        "Indicator text (portal's English translation).",
    ),
    Column(
        "target",
        "number",
        "Chỉ tiêu năm kế hoạch.",
        "Target for the plan year.",
    ),
    Column(
        "unit",
        "string",
        "percent (0–100), wards (số phường, xã trên 17), milestone (1 = hoàn thành).",
        "percent (0–100), wards (out of 17), milestone (1 = done).",
    ),
    Column(
        "kind",
        "string",
        "reach (đạt trước cuối năm), maintain (duy trì ≥), stay_above (duy trì trên, >).",
        "reach (by year end), maintain (≥ all along), stay_above (> all along).",
    ),
    Column(
        "per_ward",
        "boolean",
        "true nếu đo theo từng phường, xã (số liệu thành phố được tính từ số liệu phường).",
        "true if measured per ward (the city figure is computed from ward figures).",
    ),
    Column(
        "due_date",
        "date",
        "Hạn hoàn thành (YYYY-MM-DD).",
        "Due date (YYYY-MM-DD).",
    ),
    Column(
        "plan_year",
        "integer",
        "Năm kế hoạch.",
        "Plan year.",
    ),
    Column(
        "url",
        "string",
        "Trang của chỉ tiêu trên cổng.",
        "The indicator's page on the portal.",
    ),
]

FIGURE_COLUMNS = [
    Column(
        "indicator_code",
        "string",
        "Mã chỉ tiêu (xem bộ dữ liệu chỉ tiêu).",
        "Indicator code (see the indicators dataset).",
    ),
    Column(
        "period",
        "string",
        "Kỳ báo cáo YYYY-MM: kỳ tháng M gồm số liệu từ ngày 10 tháng M-1 đến hết ngày 9 tháng M.",
        "Reporting period YYYY-MM: period M covers the 10th of month M-1 to the 9th of month M.",
    ),
    Column(
        "period_start",
        "date",
        "Ngày đầu kỳ.",
        "First day of the period.",
    ),
    Column(
        "period_end",
        "date",
        "Ngày cuối kỳ (chốt số liệu).",
        "Last day of the period (cut-off).",
    ),
    Column(
        "scope",
        "string",
        "city (thành phố) hoặc ward (phường, xã).",
        "city or ward.",
    ),
    Column(
        "ward_code",
        "string",
        "Mã đơn vị hành chính của phường, xã (Tổng cục Thống kê); trống với số liệu thành phố.",
        "GSO code of the ward; empty for city figures.",
    ),
    Column(
        "ward_name",
        "string",
        "Tên phường, xã.",
        "Ward name.",
    ),
    Column(
        "value",
        "number",
        "Giá trị, theo đơn vị của chỉ tiêu; với số liệu của phường: 1/0 (có/chưa) hoặc số lượng.",
        "Value in the indicator's unit; for a ward's figure: 1/0 (yes/not yet) or a count.",
    ),
    Column(
        "numerator",
        "number",
        "Tử số (nếu có).",
        "Numerator (if any).",
    ),
    Column(
        "denominator",
        "number",
        "Mẫu số (nếu có).",
        "Denominator (if any).",
    ),
    Column(
        "origin",
        "string",
        "entered (do cán bộ nhập), computed (tính từ số liệu phường), provided (từ hệ thống khác của cổng).",
        "entered (typed by staff), computed (from ward figures), provided (by another portal system).",
    ),
    Column(
        "is_sample",
        "boolean",
        "true: số liệu mẫu để minh họa, không phải số liệu chính thức.",
        "true: sample data for illustration, not official figures.",
    ),
    Column(
        "source",
        "string",
        "Nguồn số liệu (trong CSV, chữ bắt đầu bằng =, + hoặc @ có thêm dấu ' phía trước).",
        "Source of the figure (in CSV, text starting with =, + or @ gets a leading ').",
    ),
    Column(
        "source_url",
        "string",
        "Liên kết nguồn.",
        "Link to the source.",
    ),
    Column(
        "updated_at",
        "datetime",
        "Thời điểm cập nhật (ISO 8601, giờ Việt Nam).",
        "Last update (ISO 8601, Vietnam time).",
    ),
]

DATASET_INFO = {
    "chi-tieu": {
        "columns": INDICATOR_COLUMNS,
        "vi": (
            "Chỉ tiêu chuyển đổi số năm 2024",
            "42 chỉ tiêu của Kế hoạch chuyển đổi số năm 2024 thành phố Vũng Tàu.",
        ),
        "en": (
            "Digital-transformation targets 2024",
            "The 42 targets of Vũng Tàu City's 2024 digital-transformation plan.",
        ),
    },
    "so-lieu": {
        "columns": FIGURE_COLUMNS,
        "vi": ("Số liệu thực hiện chỉ tiêu", "Số liệu từng kỳ báo cáo của thành phố và 17 phường, xã."),
        "en": ("Figures achieved", "Figures of each reporting period for the city and its 17 wards."),
    },
}


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def indicator_rows(indicator_url=None):
    from transparency.dashboard import indicators_queryset

    for indicator in indicators_queryset():
        yield {
            "code": indicator.code,
            "group": indicator.group.slug,
            "group_name_vi": indicator.group.name_vi,
            "group_name_en": indicator.group.name_en,
            "text_vi": indicator.text_vi,
            "text_en": indicator.text_en,
            "target": indicator.target,
            "unit": indicator.unit,
            "kind": indicator.kind,
            "per_ward": indicator.per_ward,
            "due_date": indicator.target_spec().due,
            "plan_year": indicator.plan_year,
            "url": indicator_url(indicator) if indicator_url else "",
        }


def figure_row(indicator, figure, ward=None):
    return {
        "indicator_code": indicator.code,
        "period": figure.period.key,
        "period_start": figure.period.start,
        "period_end": figure.period.end,
        "scope": "ward" if ward else "city",
        "ward_code": ward.gso_code if ward else "",
        "ward_name": ward.title if ward else "",
        "value": figure.value,
        "numerator": figure.numerator,
        "denominator": figure.denominator,
        "origin": figure.origin,
        "is_sample": figure.is_sample,
        "source": figure.source or ("Tính từ số liệu của các phường, xã" if figure.origin == "computed" else ""),
        "source_url": figure.source_url,
        "updated_at": figure.updated_at,
    }


def figure_rows(moment=None):
    from transparency.dashboard import indicators_queryset, vietnamese_wards

    indicators = list(indicators_queryset())
    wards = vietnamese_wards()
    collected = figures_module.collect(indicators, wards, moment)
    for indicator in sorted(indicators, key=lambda i: i.code):
        data = collected[indicator.pk]
        for period, figure in sorted(data.city.items()):
            yield figure_row(indicator, figure)
            for ward in wards:
                ward_figure = data.ward_figure(ward.pk, period)
                if ward_figure is not None:
                    yield figure_row(indicator, ward_figure, ward)


def cell(value):
    """A value as the open-data files write it: ISO dates, true/false; numbers stay numbers (plain
    decimal point) and text stays text, neutralised against formulas by the one writer
    (portal/exports.py)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def to_csv(columns, rows):
    """UTF-8 CSV with a byte-order mark (so spreadsheet software reads Vietnamese correctly)."""
    return exports.csv_text(columns, ([cell(row.get(column)) for column in columns] for row in rows))


def to_json(dataset, rows, language="vi"):
    name, description = DATASET_INFO[dataset][language if language in ("vi", "en") else "vi"]
    columns = DATASET_INFO[dataset]["columns"]
    data = [
        {column.name: _plain(value) if not hasattr(value, "isoformat") else value.isoformat()
         for column in columns for value in [row.get(column.name)]}
        for row in rows
    ]
    payload = {
        "name": name,
        "description": description,
        "publisher": "Ủy ban nhân dân thành phố Vũng Tàu",
        "columns": [{"name": c.name, "type": c.type, "description": c.vi} for c in columns],
        "data": data,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def download_url(dataset, fmt):
    return reverse("transparency_open_data", kwargs={"dataset": dataset, "fmt": fmt})


def dictionary_context(request, language="vi"):
    datasets = []
    for dataset, info in DATASET_INFO.items():
        name, description = info[language]
        datasets.append(
            {
                "slug": dataset,
                "name": name,
                "description": description,
                "downloads": [{"format": fmt.upper(), "url": download_url(dataset, fmt)} for fmt in FORMATS],
                "columns": [(c.name, c.type, c.description(language)) for c in info["columns"]],
            }
        )
    return {"datasets": datasets, "language": language}


DATASET_LD = {
    "vi": (
        "Chỉ tiêu và số liệu chuyển đổi số thành phố Vũng Tàu",
        "Chỉ tiêu của Kế hoạch chuyển đổi số năm 2024 và số liệu thực hiện theo từng kỳ báo cáo "
        "của thành phố và 17 phường, xã.",
    ),
    "en": (
        "Vũng Tàu City digital-transformation targets and figures",
        "Targets of the 2024 plan and the figures achieved, per reporting period, for the city and its 17 wards.",
    ),
}


def dataset_json_ld(request, page):
    language = "en" if language_of(page) == "en" else "vi"
    name, description = DATASET_LD[language]
    return {
        "@type": "Dataset",
        "name": name,
        "description": description,
        "creator": {"@type": "GovernmentOrganization", "name": "Ủy ban nhân dân thành phố Vũng Tàu"},
        "isAccessibleForFree": True,
        "temporalCoverage": "2024",
        "spatialCoverage": {"@type": "Place", "name": "Thành phố Vũng Tàu, tỉnh Bà Rịa – Vũng Tàu"},
        "keywords": ["chuyển đổi số", "minh bạch", "chỉ tiêu", "Vũng Tàu"],
        "variableMeasured": [column.name for column in FIGURE_COLUMNS],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": DATASET_INFO[dataset][language][0],
                "encodingFormat": FORMATS[fmt].split(";")[0],
                "contentUrl": absolute_url(request, download_url(dataset, fmt)),
            }
            for dataset in DATASETS
            for fmt in FORMATS
        ],
    }
