"""Indexed models that are not pages (e.g. the directory's merchants) in citizen search.

A content app registers a model with the Wagtail hook ``register_search_model``, returning a dict
(no import of this app needed)::

    @hooks.register("register_search_model")
    def merchants_in_search():
        return {
            "model": Merchant,                                  # an indexed model (search_fields)
            "queryset": lambda scope: Merchant.objects.filter(published=True, ...),  # what this portal shows
            "url": lambda obj, request: obj.get_url(request),   # where a result links to
            "ward": lambda obj: obj.ward.gso_code if obj.ward_id else None,   # optional: ward facet
            "summary": lambda obj: obj.address,                 # optional: text under the title
            "type_label": "Điểm thanh toán không tiền mặt",     # optional: else the verbose name
        }

``scope`` is a ``search.scope.SearchScope`` (``scope.ward`` is the ward portal's home page or
``None``, ``scope.wide`` the "toàn thành phố" switch, ``scope.city`` the city home page).
"""

from dataclasses import dataclass
from typing import Any

from wagtail import hooks

from search.content import type_label as model_type_label

HOOK = "register_search_model"


@dataclass(frozen=True)
class SearchableModel:
    model: Any
    queryset: Any
    url: Any
    ward: Any = None
    summary: Any = None
    type_label: str = ""

    @property
    def key(self):
        return self.model._meta.label_lower

    @property
    def label(self):
        return self.type_label or model_type_label(self.model)


def registered_models():
    entries = []
    for contribute in hooks.get_hooks(HOOK):
        spec = contribute()
        if spec:
            entries.append(SearchableModel(**spec))
    return entries
