"""Validation rules of guide content, as plain functions (used by the blocks and by ``GuidePage.clean``)."""

from portal.vietnamese import fold

ALT_TEXT_MISSING = (
    "Ảnh chưa có mô tả (alt). Hãy viết một câu mô tả nội dung ảnh, ví dụ “Màn hình đăng nhập, ô nhập số "
    "căn cước ở trên cùng”, để người khiếm thị nghe được. Hướng dẫn không thể xuất bản khi còn ảnh thiếu mô tả."
)
ALT_TEXT_GENERIC = (
    "Mô tả ảnh quá chung chung. Hãy nói ảnh cho thấy điều gì (không chỉ ghi “ảnh” hay tên tệp)."
)
TRANSCRIPT_MISSING = (
    "Video cần có lời thoại bằng chữ. Hãy ghi lại lời nói và các thao tác trong video để ai cũng theo dõi được."
)

# Descriptions that say nothing about the picture (compared after folding accents and case).
GENERIC_ALT_TEXTS = {
    "anh", "hinh", "hinh anh", "anh minh hoa", "hinh minh hoa", "anh chup man hinh", "man hinh",
    "image", "picture", "photo", "screenshot", "img",
}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")


def alt_text_problem(image, alt_text):
    """Vietnamese message when an image lacks a meaningful description, else ``None``."""
    if not image:
        return None
    text = (alt_text or "").strip()
    if not text:
        return ALT_TEXT_MISSING
    folded = fold(text)
    if folded in GENERIC_ALT_TEXTS or folded.endswith(IMAGE_SUFFIXES):
        return ALT_TEXT_GENERIC
    return None


def step_problems(steps):
    """``[(step_number, message)…]`` for screenshots without a usable description or videos without transcript.

    ``steps`` is a guide's ``steps`` StreamValue; used to refuse saving such a guide even outside the
    admin form (imports, scripts), where block validation does not run.
    """
    problems = []
    for number, step in enumerate(steps, start=1):
        for shot in step.value.get("screenshots") or []:
            problem = alt_text_problem(shot.get("image"), shot.get("alt_text"))
            if problem:
                problems.append((number, problem))
        video = step.value.get("video") or {}
        if video.get("video") and not (video.get("transcript") or "").strip():
            problems.append((number, TRANSCRIPT_MISSING))
    return problems
