"""StreamField blocks of news bodies: the portal's shared blocks plus quote and table, with every
rich text sanitised on the way in and on the way out (see ``news.sanitize``)."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.rich_text import RichText

from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, CalloutBlock

from .sanitize import sanitize_rich_text

CALLOUT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class SafeRichTextBlock(blocks.RichTextBlock):
    """A rich-text block whose stored and rendered HTML only holds the allowed features."""

    def _features(self):
        return self.features or RICH_TEXT_FEATURES

    def get_prep_value(self, value):
        return sanitize_rich_text(super().get_prep_value(value), self._features())

    def to_python(self, value):
        return RichText(sanitize_rich_text(value, self._features()))

    def bulk_to_python(self, values):
        return [self.to_python(value) for value in values]


class SafeCalloutBlock(CalloutBlock):
    text = SafeRichTextBlock(label="Nội dung", features=CALLOUT_FEATURES)


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Trích dẫn")
    attribution = blocks.CharBlock(label="Người phát biểu / nguồn", required=False)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "news/blocks/quote_block.html"


class NewsTableBlock(TableBlock):
    """A plain table (cells are text, escaped on output); the first row can be the header."""

    class Meta:
        icon = "table"
        label = "Bảng"


class NewsStreamBlock(BaseStreamBlock):
    paragraph = SafeRichTextBlock(label="Đoạn văn", features=RICH_TEXT_FEATURES)
    callout = SafeCalloutBlock()
    quote = QuoteBlock()
    table = NewsTableBlock(
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]}
    )
