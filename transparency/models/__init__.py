from .documents import DocumentIndexPage, DocumentPage, DocumentReference
from .indicators import BaselineResult, Indicator, IndicatorGroup, Measurement
from .pages import OpenDataPage, TransparencyPage

__all__ = [
    "BaselineResult",
    "DocumentIndexPage",
    "DocumentPage",
    "DocumentReference",
    "Indicator",
    "IndicatorGroup",
    "Measurement",
    "OpenDataPage",
    "TransparencyPage",
]
