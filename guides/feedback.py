"""Anonymous feedback on guides: the form, the per-client rate limit, redaction, and the editors' figures.

Privacy: nothing that identifies a visitor is stored. The rate limit counts submissions in the cache
under a salted hash of the client IP, which expires with the window; the IP itself is never written
anywhere. Phone numbers, e-mail addresses and ID numbers typed into a comment are masked before saving.
"""

import re

from django import forms
from django.conf import settings
from django.db.models import Count, Max, Q

from portal import ratelimit

MAX_COMMENT_LENGTH = 1000
DEFAULT_RATE_LIMIT = (5, 3600)  # at most 5 submissions per client per hour
STATUS_PARAM = "gop-y"
STATUS_SENT = "da-gui"

CHOICE_REQUIRED = "Vui lòng chọn “Có” hoặc “Không”."
COMMENT_TOO_LONG = "Góp ý dài quá {max} ký tự (bạn đã viết {length} ký tự). Vui lòng rút gọn rồi gửi lại."
COMMENT_HAS_HTML = (
    "Góp ý không được chứa mã HTML (các dấu < > dạng thẻ). Vui lòng viết bằng chữ thường rồi gửi lại."
)
RATE_LIMITED = (
    "Bạn đã gửi nhiều góp ý trong thời gian ngắn. Cảm ơn bạn! Vui lòng thử lại sau ít phút."
)

HTML_LIKE = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&#?[a-zA-Z0-9]+;")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Phone numbers (0xx…, +84…), ID and bank-account numbers: 9 digits or more, with optional separators.
LONG_NUMBER = re.compile(r"(?<!\d)\+?(?:\d[\s.-]?){8,15}\d(?!\d)")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
REDACTED = "[đã ẩn]"


class FeedbackForm(forms.Form):
    helpful = forms.ChoiceField(
        label="Hướng dẫn này có hữu ích không?",
        choices=[("yes", "Có"), ("no", "Không")],
        widget=forms.RadioSelect,
        error_messages={"required": CHOICE_REQUIRED, "invalid_choice": CHOICE_REQUIRED},
    )
    comment = forms.CharField(label="Góp ý thêm (không bắt buộc)", required=False, strip=True)
    # Honeypot: hidden from people; bots that fill every field are thanked and ignored.
    website = forms.CharField(required=False)

    def clean_comment(self):
        comment = CONTROL_CHARS.sub("", self.cleaned_data["comment"])
        if len(comment) > MAX_COMMENT_LENGTH:
            raise forms.ValidationError(COMMENT_TOO_LONG.format(max=f"{MAX_COMMENT_LENGTH:,}".replace(",", "."),
                                                                length=len(comment)))
        if HTML_LIKE.search(comment):
            raise forms.ValidationError(COMMENT_HAS_HTML)
        return redact_personal_data(comment)

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))

    @property
    def is_helpful(self):
        return self.cleaned_data["helpful"] == "yes"


def redact_personal_data(text):
    """Mask e-mail addresses and long digit runs (phone and ID numbers) a visitor may have typed."""
    return LONG_NUMBER.sub(REDACTED, EMAIL.sub(REDACTED, text))


def over_rate_limit(request):
    """Count this submission; ``True`` when the client is over ``GUIDES_FEEDBACK_RATE_LIMIT`` (count, seconds)."""
    limit, window = getattr(settings, "GUIDES_FEEDBACK_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    return not ratelimit.hit(request, "guides-feedback", limit, window)


def helpful_percent(helpful, total):
    """Share of "yes" answers in whole percent, or ``None`` without answers."""
    return round(100 * helpful / total) if total else None


def feedback_summary(guides):
    """Guides annotated with ``answers``, ``helpful_answers``, ``comments`` and ``last_feedback_at``."""
    return guides.annotate(
        answers=Count("feedback"),
        helpful_answers=Count("feedback", filter=Q(feedback__helpful=True)),
        comments=Count("feedback", filter=~Q(feedback__comment="")),
        last_feedback_at=Max("feedback__created_at"),
    )
