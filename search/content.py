"""What search needs to know about content models, read by duck typing (no content app imported).

Content apps opt in with plain class attributes (see docs/search.md):

- ``search_city_wide = True`` (or the model's label in the ``SEARCH_CITY_WIDE_PAGE_TYPES`` setting):
  pages of this type under the city (procedures, guides) are also found from every ward portal in
  its default scope;
- a ``code`` field (or ``ma_thu_tuc``): a procedure; a query holding that code puts it first;
- ``search_sector`` (or a ``sector`` / ``linh_vuc`` attribute): the procedure sector facet;
- a ``keywords`` / ``search_keywords`` text field (comma-separated phrases citizens use): ranked like
  the title;
- ``search_date`` (or ``date``): the date shown in results (else the first publication date);
- ``search_type_label``: the type name shown in results (else the model's verbose name).
"""

import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail.models import get_page_models

from portal.vietnamese import nfc

CODE_FIELDS = ("code", "ma_thu_tuc")
KEYWORD_FIELDS = ("search_keywords", "keywords")
SECTOR_ATTRIBUTES = ("search_sector", "sector", "linh_vuc")
DATE_ATTRIBUTES = ("search_date", "date")


def is_city_wide(model):
    labels = {label.lower() for label in getattr(settings, "SEARCH_CITY_WIDE_PAGE_TYPES", ())}
    return bool(getattr(model, "search_city_wide", False)) or model._meta.label_lower in labels


def city_wide_models():
    return [model for model in get_page_models() if is_city_wide(model)]


def _text_field(model, names):
    """The first of ``names`` that is a text field of ``model``, or ``None``."""
    for name in names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, (models.CharField, models.TextField)):
            return name
    return None


def code_field(model):
    """Name of the model's procedure-code field, or ``None``."""
    return _text_field(model, CODE_FIELDS)


def keyword_field(model):
    """Name of the model's hidden-keywords text field (comma-separated phrases), or ``None``."""
    return _text_field(model, KEYWORD_FIELDS)


def keyword_phrases(value):
    """``"làm giấy khai sinh, khai sinh cho con"`` → ``["làm giấy khai sinh", "khai sinh cho con"]``."""
    return [part.strip() for part in re.split(r"[,;\n]", nfc(value or "")) if part.strip()]


def code_models():
    return [model for model in get_page_models() if code_field(model)]


def has_sector(model):
    return any(hasattr(model, name) for name in SECTOR_ATTRIBUTES)


def sector_models():
    return [model for model in get_page_models() if has_sector(model)]


def _text(value):
    if value is None:
        return ""
    if isinstance(value, models.Manager):
        value = ", ".join(str(item) for item in value.all())
    return nfc(str(value)).strip()


def sector_of(obj):
    for name in SECTOR_ATTRIBUTES:
        if hasattr(type(obj), name) or hasattr(obj, name):
            value = getattr(obj, name, None)
            return _text(value() if callable(value) and not isinstance(value, models.Manager) else value)
    return ""


def code_of(obj):
    name = code_field(type(obj))
    return _text(getattr(obj, name, "")) if name else ""


def date_of(obj):
    for name in DATE_ATTRIBUTES:
        value = getattr(obj, name, None)
        if value:
            return value
    return getattr(obj, "first_published_at", None)


def type_label(model):
    return str(getattr(model, "search_type_label", None) or model._meta.verbose_name)
