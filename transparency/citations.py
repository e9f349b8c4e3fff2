"""Find the documents a Vietnamese administrative text cites: number (số hiệu), type and date.

``find_citations(text)`` recognises the forms used in the 2024 plan, e.g.
"Quyết định số 2207/QĐ-UBND ngày 06 tháng 8 năm 2021", "Kế hoạch 228/KH-UBND ngày 27 tháng 10 năm
2023", "Nghị quyết số 02-NQ/TU ngày 28/5/2021", "Chương trình hành động số 17- Ctr/TU ngày 30 tháng
8 năm 2021". A number cited several times is returned once, with the date of its first dated
mention; a number cited with two different dates is reported as a conflict.
"""

import re
from dataclasses import dataclass
from datetime import date

TYPE_BY_SYMBOL = {"QĐ": "quyet-dinh", "KH": "ke-hoach", "NQ": "nghi-quyet", "CTR": "chuong-trinh"}

NUMBER = re.compile(
    r"(?P<digits>\d{1,6})\s*(?P<sep>[/-])\s*(?P<symbol>(?:QĐ|KH|NQ|Ctr|CTr|CTR)(?:[-/][A-ZĐa-z]+)+)"
)
DATE = re.compile(
    r"\s*,?\s*ngày\s+(?P<day>\d{1,2})\s*(?:tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})"
    r"|/\s*(?P<month2>\d{1,2})\s*/\s*(?P<year2>\d{4}))"
)


@dataclass(frozen=True)
class Citation:
    number: str  # normalised: "2207/QĐ-UBND", "02-NQ/TU", "17-Ctr/TU"
    doc_type: str  # library type slug
    date: date | None
    offset: int  # where the first mention starts in the text


class CitationConflict(ValueError):
    pass


def normalise_number(digits, sep, symbol):
    return f"{digits}{sep}{symbol}"


def _date_after(text, position):
    match = DATE.match(text, position)
    if not match:
        return None
    month = match.group("month") or match.group("month2")
    year = match.group("year") or match.group("year2")
    return date(int(year), int(month), int(match.group("day")))


def find_citations(text):
    found = {}
    for match in NUMBER.finditer(text):
        number = normalise_number(match.group("digits"), match.group("sep"), match.group("symbol"))
        symbol = re.split(r"[-/]", match.group("symbol"))[0].upper()
        issued = _date_after(text, match.end())
        known = found.get(number)
        if known is None:
            found[number] = Citation(number, TYPE_BY_SYMBOL[symbol], issued, match.start())
        elif issued and known.date and issued != known.date:
            raise CitationConflict(f"{number}: hai ngày khác nhau ({known.date} và {issued})")
        elif issued and not known.date:
            found[number] = Citation(number, known.doc_type, issued, known.offset)
    return sorted(found.values(), key=lambda citation: citation.offset)
