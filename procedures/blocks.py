"""Structured parts of a procedure (channels, documents, steps, legal basis) as StreamField blocks.

The importer writes them as raw data (``procedures.importer``); editors can correct them in the admin.
Sub-fields marked "editor" (a document's form template file/link) are kept across re-imports.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

CHANNEL_CHOICES = [
    ("truc_tiep", "Trực tiếp"),
    ("truc_tuyen", "Trực tuyến"),
    ("buu_chinh", "Dịch vụ bưu chính"),
]
TIME_UNIT_CHOICES = [
    ("", "(không ghi đơn vị)"),
    ("Ngày làm việc", "Ngày làm việc"),
    ("Ngày", "Ngày"),
    ("Giờ làm việc", "Giờ làm việc"),
    ("Giờ", "Giờ"),
    ("Tuần", "Tuần"),
    ("Tháng", "Tháng"),
    ("Năm", "Năm"),
    ("Phút", "Phút"),
]


class ChannelBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label="Hình thức nộp", choices=CHANNEL_CHOICES)
    time_value = blocks.DecimalBlock(label="Thời hạn giải quyết (số)", required=False, decimal_places=2)
    time_unit = blocks.ChoiceBlock(label="Đơn vị thời gian", choices=TIME_UNIT_CHOICES, required=False)
    time_text = blocks.CharBlock(
        label="Thời hạn (nguyên văn)", required=False, help_text="Như nguồn ghi, ví dụ “Không quy định”."
    )
    fee_text = blocks.TextBlock(label="Phí, lệ phí (nguyên văn)", required=False)
    fee_amount = blocks.IntegerBlock(
        label="Phí, lệ phí (đồng)",
        required=False,
        min_value=0,
        help_text="Số tiền bằng đồng khi xác định được; để trống nếu thu bằng USD hoặc có nhiều mức.",
    )
    description = blocks.TextBlock(label="Mô tả", required=False)

    class Meta:
        icon = "form"
        label = "Cách thức thực hiện"


class RequiredDocumentBlock(blocks.StructBlock):
    group = blocks.CharBlock(
        label="Nhóm / trường hợp", required=False, help_text="Ví dụ “Giấy tờ phải xuất trình”."
    )
    name = blocks.TextBlock(label="Tên giấy tờ")
    form_names = blocks.ListBlock(
        blocks.CharBlock(label="Tên tệp mẫu"), label="Mẫu đơn, tờ khai (tên tệp theo nguồn)", required=False
    )
    form_document = DocumentChooserBlock(
        label="Tệp mẫu để tải về", required=False, help_text="Do biên tập viên tải lên; giữ nguyên khi nhập lại."
    )
    form_url = blocks.URLBlock(
        label="Liên kết mẫu đơn", required=False, help_text="Do biên tập viên nhập; giữ nguyên khi nhập lại."
    )
    originals = blocks.IntegerBlock(label="Số bản chính", required=False, min_value=0)
    copies = blocks.IntegerBlock(label="Số bản sao", required=False, min_value=0)
    note = blocks.TextBlock(label="Ghi chú", required=False)

    class Meta:
        icon = "doc-full"
        label = "Giấy tờ"


class LegalDocumentBlock(blocks.StructBlock):
    number = blocks.CharBlock(label="Số, ký hiệu", required=False)
    title = blocks.TextBlock(label="Tên, trích yếu")
    issued = blocks.CharBlock(label="Ngày ban hành", required=False)
    issuer = blocks.CharBlock(label="Cơ quan ban hành", required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = "Văn bản pháp lý"


class ChannelStreamBlock(blocks.StreamBlock):
    channel = ChannelBlock()


class DocumentStreamBlock(blocks.StreamBlock):
    document = RequiredDocumentBlock()


class StepStreamBlock(blocks.StreamBlock):
    step = blocks.TextBlock(label="Bước")


class LegalStreamBlock(blocks.StreamBlock):
    legal_document = LegalDocumentBlock()
