"""StreamField blocks shared by every content family (bakerydemo's BaseStreamBlock idea)."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    alt_text = blocks.CharBlock(
        label="Mô tả ảnh (alt)",
        max_length=250,
        help_text="Mô tả nội dung ảnh cho người khiếm thị. Bắt buộc.",
    )
    caption = blocks.CharBlock(label="Chú thích", required=False)
    credit = blocks.CharBlock(label="Nguồn ảnh", required=False)

    class Meta:
        icon = "image"
        label = "Ảnh"
        template = "components/blocks/image_block.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tiêu đề", max_length=200)
    level = blocks.ChoiceBlock(
        label="Cấp", choices=[("h2", "Tiêu đề cấp 2"), ("h3", "Tiêu đề cấp 3")], default="h2"
    )

    class Meta:
        icon = "title"
        label = "Tiêu đề mục"
        template = "components/blocks/heading_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label="Loại",
        choices=[("info", "Thông tin"), ("tip", "Mẹo"), ("warning", "Lưu ý quan trọng")],
        default="info",
    )
    text = blocks.RichTextBlock(label="Nội dung", features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = "Hộp lưu ý"
        template = "components/blocks/callout_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tài liệu")
    title = blocks.CharBlock(label="Tên hiển thị", required=False)

    class Meta:
        icon = "doc-full"
        label = "Tài liệu tải về"
        template = "components/blocks/document_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="Đoạn văn", features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    callout = CalloutBlock()
    document = DocumentBlock()
    embed = EmbedBlock(label="Nhúng (video…)", required=False)
