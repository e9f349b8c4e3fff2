"""The printable A4 handout of a guide: large type, numbered steps, and a QR code of the online version."""

import segno
from django.utils.safestring import mark_safe

QR_LABEL = "Mã QR mở bản trực tuyến của hướng dẫn này"


def qr_svg(url, scale=4):
    """Inline SVG QR code of ``url`` (segno, error correction M), labelled for assistive technology."""
    svg = segno.make(url, error="m", micro=False).svg_inline(
        scale=scale, border=2, title=QR_LABEL, svgclass="qr-code", lineclass=None, dark="#000", light="#fff"
    )
    # segno's <title> gives the accessible name once the SVG is exposed as an image.
    return mark_safe(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))


def handout_context(guide, request):
    url = guide.get_full_url(request)
    return {"online_url": url, "qr_code": qr_svg(url), "noindex": True}
