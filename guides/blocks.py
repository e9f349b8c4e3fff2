"""StreamField blocks of a digital-skills guide: numbered steps with screenshots, call-outs and videos."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock

from guides.validation import TRANSCRIPT_MISSING, alt_text_problem
from home.blocks import CalloutBlock, ImageBlock

STEP_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class ScreenshotBlock(ImageBlock):
    """A screenshot or illustration; the description (alt text) is mandatory, with a Vietnamese message."""

    def clean(self, value):
        problem = alt_text_problem(value.get("image"), value.get("alt_text"))
        own = {"alt_text": ValidationError(problem)} if problem else {}
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as error:
            # Our Vietnamese message replaces the generic "required" one on the same field.
            raise StructBlockValidationError(
                block_errors={**error.block_errors, **own}, non_block_errors=error.non_block_errors
            ) from None
        if own:
            raise StructBlockValidationError(block_errors=own)
        return cleaned

    class Meta:
        icon = "image"
        label = "Ảnh chụp màn hình / hình minh họa"
        template = "components/blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    """An optional video; a text transcript is required whenever a video is given."""

    video = EmbedBlock(
        label="Địa chỉ video (YouTube…)", required=False, help_text="Để trống nếu bước này không có video."
    )
    transcript = blocks.TextBlock(
        label="Lời thoại bằng chữ (bắt buộc khi có video)",
        required=False,
        help_text="Ghi lại đầy đủ lời nói và thao tác trong video, cho người không nghe hoặc không xem được video.",
    )

    def clean(self, value):
        # Checked before the embed lookup, so a missing transcript is reported even when offline.
        if value.get("video") and not (value.get("transcript") or "").strip():
            raise StructBlockValidationError(block_errors={"transcript": ValidationError(TRANSCRIPT_MISSING)})
        return super().clean(value)

    class Meta:
        icon = "media"
        label = "Video (kèm lời thoại)"
        template = "guides/blocks/video_block.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tên bước", max_length=150, help_text="Một việc cần làm, ví dụ “Mở ứng dụng”.")
    instruction = blocks.RichTextBlock(
        label="Hướng dẫn",
        features=STEP_TEXT_FEATURES,
        help_text="Câu ngắn, mỗi câu một thao tác. Không mô tả chi tiết màn hình mà bạn chưa kiểm tra.",
    )
    screenshots = blocks.ListBlock(ScreenshotBlock(), label="Ảnh minh họa", default=[], min_num=0)
    callouts = blocks.ListBlock(CalloutBlock(), label="Mẹo và lưu ý", default=[], min_num=0)
    video = VideoBlock(required=False)

    class Meta:
        icon = "list-ol"
        label = "Bước"


class StepStreamBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1
        block_counts = {"step": {"min_num": 1}}


class ProblemBlock(blocks.StructBlock):
    problem = blocks.CharBlock(label="Vấn đề thường gặp", max_length=200)
    solution = blocks.RichTextBlock(label="Cách xử lý", features=STEP_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Vấn đề và cách xử lý"


class ProblemStreamBlock(blocks.StreamBlock):
    problem = ProblemBlock()

