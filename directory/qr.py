"""QR codes (segno) that link a printed street poster to the street's page."""

import io

import segno

ERROR_LEVEL = "m"


def make(url):
    """The QR code of ``url``; same input, same matrix (segno chooses version and mask deterministically)."""
    return segno.make(url, error=ERROR_LEVEL, micro=False)


def svg(url, title="", scale=1, border=4):
    """Inline SVG markup (no XML declaration) with a title for assistive technology."""
    out = io.BytesIO()
    make(url).save(
        out,
        kind="svg",
        scale=scale,
        border=border,
        xmldecl=False,
        svgns=True,
        title=title or None,
        svgclass="qr-code",
        lineclass="qr-code__modules",
        dark="#000",
        light="#fff",
        omitsize=True,
    )
    return out.getvalue().decode("utf-8")


def png(url, scale=10, border=4):
    out = io.BytesIO()
    make(url).save(out, kind="png", scale=scale, border=border)
    return out.getvalue()
