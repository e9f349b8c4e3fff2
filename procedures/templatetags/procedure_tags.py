"""Template helpers of the procedure pages."""

from django import template

register = template.Library()


@register.simple_tag
def quantity(document):
    """``"1 bản chính, 1 bản sao"`` from a document row's counts (nothing when both are unknown or 0)."""
    parts = []
    if document.get("originals"):
        parts.append(f"{document['originals']} bản chính")
    if document.get("copies"):
        parts.append(f"{document['copies']} bản sao")
    return ", ".join(parts)
