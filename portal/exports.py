"""The one CSV/XLSX writer: every spreadsheet the portal hands out goes through here, so that text a
citizen or an editor typed can never run as a formula when an official opens the file (CSV or formula
injection, OWASP "CSV Injection").

The OWASP rule: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a leading single quote, so spreadsheet programs show it as text. A line feed is treated the same
way (a cell that starts with a line break is never meaningful data). Only *text* is neutralised: real
numbers (int, float, Decimal) stay numbers, so ``-5`` is a number in both formats; the text ``"-5"``
(say a phone field) gets the quote, as any text would.

- CSV: ``csv_writer(out)`` (``writerow`` like the csv module's) and ``csv_text(header, rows)`` (UTF-8
  with a byte-order mark so spreadsheet programs read Vietnamese correctly, CRLF line ends).
- XLSX: ``xlsx_row(values)`` for ``worksheet.append``; text is always stored as text, never a formula.
- Wagtail's own spreadsheet exports (``list_export`` on snippet listings and reports, and Wagtail's
  built-in reports: site history, search terms, aging/locked pages, workflows, redirects) only turn
  an XLSX cell starting with ``=`` back into text and write CSV cells as they are; ``install()`` makes
  every one of them go through ``spreadsheet_value`` (called once from ``HomeConfig.ready``).
"""

import csv
from decimal import Decimal

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
BOM = "\ufeff"


def is_number(value):
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def neutralise(text):
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_cell(value):
    """One CSV field: ``""`` for None, numbers as plain decimals (no exponent), text neutralised."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if is_number(value):
        return str(value)
    return neutralise(str(value))


def xlsx_cell(value):
    """One XLSX value: numbers, dates and booleans as they are, everything else as neutralised text."""
    if value is None or is_number(value) or isinstance(value, bool) or hasattr(value, "isoformat"):
        return value
    return neutralise(str(value))


class CsvWriter:
    """``csv.writer`` whose ``writerow`` neutralises every cell."""

    def __init__(self, out, **options):
        options.setdefault("lineterminator", "\r\n")
        self._writer = csv.writer(out, **options)

    def writerow(self, values):
        return self._writer.writerow([csv_cell(value) for value in values])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(out, **options):
    return CsvWriter(out, **options)


def csv_text(header, rows):
    """The whole CSV as text, with a byte-order mark."""
    import io

    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return BOM + buffer.getvalue()


def xlsx_row(values):
    """A row for ``worksheet.append``: text cells can never be formulas."""
    return [xlsx_cell(value) for value in values]


# --- Wagtail's SpreadsheetExportMixin --------------------------------------------------------


def spreadsheet_value(value, export_format):
    """A value Wagtail's export prepared, made safe for ``export_format`` ("csv" or "xlsx")."""
    if value is None:
        return value
    if export_format == "csv":
        return value if is_number(value) else csv_cell(value)
    return xlsx_cell(value)


def install():
    """Route every Wagtail spreadsheet export (project views and Wagtail's own reports) through
    ``spreadsheet_value``; idempotent."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "portal_neutralised", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_value(original(self, field, value, export_format), export_format)

    preprocess_field_value.portal_neutralised = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
