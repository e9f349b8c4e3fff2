"""Parse the national procedure records' text into structured values.

The national portal's detail pages were scraped with their table cells flattened without separators,
e.g. ``Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việc25 USD…``. The functions here
recover the table rows (submission channels, required documents, legal basis) from that text, and
normalise the smaller fields (levels, target groups, durations, fees). They are plain functions on
strings, unit-tested against real records (tests/procedures/test_parsing.py); they never touch the
database. All input is NFC-normalised first (about 500 records arrive decomposed).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from portal.vietnamese import nfc

EMPTY_MARKERS = {"không có thông tin", "không có thông tin.", "không", "không.", "không có", "không có.", "-", "--"}

# --- Small fields ---------------------------------------------------------------------------------


def clean(text):
    """NFC, trimmed, "Không có thông tin" (the portal's "no data") → ``""``; inner whitespace runs of
    spaces/tabs collapse, line breaks are kept."""
    text = nfc(text if isinstance(text, str) else ("" if text is None else str(text)))
    text = text.replace("\u200e", "").replace("\u200b", "").replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    text = "\n".join(line for line in lines if line)
    return "" if text.lower() in EMPTY_MARKERS else text


def one_line(text):
    """``clean`` and join lines with a space (names, agencies)."""
    return " ".join(clean(text).split())


def procedure_name(text):
    """A procedure name on one line, without the stray leading punctuation some records have
    (``". Đăng ký thuế…"`` → ``"Đăng ký thuế…"``)."""
    return one_line(text).lstrip(".,;:-–+* ").strip()


LEVELS = {
    # code: (label, words that identify it in the source)
    "bo": "Cấp bộ",
    "tinh": "Cấp tỉnh",
    "huyen": "Cấp huyện",
    "xa": "Cấp xã",
    "khac": "Cơ quan khác",
}
_LEVEL_WORDS = {"cấp bộ": "bo", "cấp trung ương": "bo", "cấp tỉnh": "tinh", "cấp huyện": "huyen",
                "cấp xã": "xa", "cơ quan khác": "khac"}


def parse_levels(text):
    """``"Cấp bộ, Cấp Tỉnh, Cấp xã"`` → ``["bo", "tinh", "xa"]`` (codes of ``LEVELS``, source order).

    Raises ``ValueError`` for a part it does not know, so a new level in the source is not lost silently.
    """
    codes = []
    for part in clean(text).split(","):
        part = part.strip().lower()
        if not part:
            continue
        if part not in _LEVEL_WORDS:
            raise ValueError(f"cấp thực hiện không rõ: {part!r}")
        if _LEVEL_WORDS[part] not in codes:
            codes.append(_LEVEL_WORDS[part])
    return codes


def split_list(text):
    """Split a comma-separated list whose items may themselves contain commas.

    ``"Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức, Đảng viên"`` →
    ``["Tổ chức (không bao gồm doanh nghiệp, HTX)", "Cán bộ, công chức, viên chức", "Đảng viên"]``:
    a part continues the previous one while a parenthesis is open or when it starts in lower case.
    """
    items = []
    for part in (p.strip() for p in clean(text).replace("\n", ",").split(",")):
        if not part:
            continue
        if items and (items[-1].count("(") > items[-1].count(")") or part[0].islower()):
            items[-1] = f"{items[-1]}, {part}"
        else:
            items.append(part)
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


# --- Durations and fees ---------------------------------------------------------------------------

TIME_UNITS = ["Ngày làm việc", "Giờ làm việc", "Ngày", "Giờ", "Tháng", "Năm", "Tuần", "Phút"]
_UNIT_RE = "|".join(re.escape(unit) for unit in TIME_UNITS)
_DURATION = re.compile(rf"^\s*(\d+(?:[.,]\d+)?)\s*({_UNIT_RE})?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Duration:
    value: Decimal | None = None  # None: not stated ("Không quy định", "Không có thông tin")
    unit: str = ""  # one of TIME_UNITS, "" when the source gives a bare number
    text: str = ""  # as the source says it

    def as_dict(self):
        return {"value": None if self.value is None else str(self.value), "unit": self.unit, "text": self.text}


def _unit(name):
    return next((unit for unit in TIME_UNITS if unit.lower() == name.lower()), "")


def parse_duration(text):
    """``"30 Ngày làm việc"`` → ``Duration(30, "Ngày làm việc")``; ``"01 Giờ"`` → ``(1, "Giờ")``;
    ``"7"`` → ``(7, "")`` (the source dropped the unit); ``"Không quy định"`` → ``(None, "", "Không quy định")``."""
    text = clean(text)
    match = _DURATION.match(text)
    if not match:
        return Duration(text=text)
    value = Decimal(match.group(1).replace(",", "."))
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value
    return Duration(value=value, unit=_unit(match.group(2) or ""), text=text)


_CURRENCY_RE = r"(?:Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD)"
_NOTE_AMOUNT = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:vnđ|đ|đồng|vnd)", re.IGNORECASE)


def _vnd(number_text):
    """``"1,200,000"`` / ``"1.200.000"`` / ``"120000"`` → 1200000 (VND has no decimals)."""
    digits = re.sub(r"[.,]", "", number_text)
    return int(digits) if digits.isdigit() else None


def note_amounts(text):
    """VND amounts written in a free-text note: ``"(20.000 vnđ /tờ khai)"`` → ``[20000]``."""
    return [amount for amount in (_vnd(m.group(1)) for m in _NOTE_AMOUNT.finditer(text or "")) if amount]


_FEE_LINE_PREFIX = re.compile(r"^(?:lệ phí|phí)\s*:\s*", re.IGNORECASE)


def parse_fee_amount(fee_text):
    """The fee in VND when the text states one unambiguously, else ``None``.

    Only the amount that opens the fee (or each ``Phí : …`` line of the Defence export) counts, not
    amounts quoted in its note. ``"Miễn phí"`` → 0; ``"Phí : 0 Đồng"`` → 0; ``"1,200,000 Việt Nam Đồng"``
    → 1200000; USD fees, several different amounts, or an amount below 1,000 đồng that its own note does
    not confirm → None. The portal sometimes states fees in thousands (``"135 VNĐ (… 135.000 đồng/lần.)"``):
    when the note gives exactly 1000× the amount, that is the amount.
    """
    text = clean(fee_text)
    if not text:
        return None
    amounts = set()
    for line in text.split("\n"):
        line = _FEE_LINE_PREFIX.sub("", line.strip())
        if re.match(r"(?:miễn phí|(?:0|không|o)\s*đồng\b)", line, re.IGNORECASE):
            amounts.add(0)
            continue
        match = re.match(rf"(\d[\d.,]*)\s*({_CURRENCY_RE})", line)
        if not match:
            continue
        if match.group(2) == "USD":
            return None
        amount = _vnd(match.group(1))
        if amount is not None:
            amounts.add(amount)
    if len(amounts) != 1:
        return None
    amount = amounts.pop()
    if 0 < amount < 1000:
        return amount * 1000 if amount * 1000 in note_amounts(text) else None
    return amount


# --- Submission channels (cách thức thực hiện) --------------------------------------------------

CHANNEL_KINDS = {"Trực tiếp": "truc_tiep", "Trực tuyến": "truc_tuyen", "Dịch vụ bưu chính": "buu_chinh"}
CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_NO_INFO = "Không có thông tin"
# A row starts with the channel name glued to its time cell (a digit or "Không…"); the first row
# starts the text whatever follows. "Trực tiếp tại …" inside a description is not a row.
_CHANNEL_START = re.compile(r"(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?=\d|Không)")
_FIRST_CHANNEL = re.compile(r"(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)")
_TIME = re.compile(rf"(Không có thông tin|Không quy định|\d+(?:[.,]\d+)?(?: (?:{_UNIT_RE}))?)")
_FEE_HEAD = re.compile(rf"(Miễn phí|Không có thông tin|\d[\d.,]*\s*{_CURRENCY_RE})")


@dataclass
class Channel:
    kind: str  # truc_tiep / truc_tuyen / buu_chinh
    duration: Duration = field(default_factory=Duration)
    fee_text: str = ""
    fee_amount: int | None = None
    description: str = ""

    def as_dict(self):
        return {
            "kind": self.kind,
            "time_value": None if self.duration.value is None else str(self.duration.value),
            "time_unit": self.duration.unit,
            "time_text": self.duration.text,
            "fee_text": self.fee_text,
            "fee_amount": self.fee_amount,
            "description": self.description,
        }


def _balanced_parenthesis(text, start):
    """End index (exclusive) of the parenthesised group opening at ``text[start] == "("``, or -1."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def _split_glued_time_and_fee(cell):
    """A bare time glued to an amount (``"120 VNĐ(20.000 vnđ /tờ khai)"``): the portal shows time "1"
    and fee "20 VNĐ". Split where the note's amount matches a suffix of the digits, else after the
    first digit (what every such real record shows). Returns ``(time_text, rest)`` or ``None``."""
    match = re.match(rf"(\d+)((?:,\d{{3}})*)\s*({_CURRENCY_RE})", cell)
    if not match or len(match.group(1)) < 2:
        return None
    digits, grouped = match.group(1), match.group(2)
    note = cell[match.end():]
    for amount in note_amounts(note):
        for candidate in (str(amount), str(amount // 1000) if amount % 1000 == 0 else None):
            if candidate and len(candidate) < len(digits) and (digits + grouped.replace(",", "")).endswith(candidate):
                cut = len(digits) - len(candidate) if not grouped else None
                if cut:
                    return digits[:cut], cell[cut:]
    return digits[:1], cell[1:]


def _parse_channel_cell(kind, cell):
    """One flattened row after the channel name: time + fee (+ its note) + description.

    The time cell is a number with a unit, a bare number, "Không có thông tin", or free text (e.g.
    "Không phải trả kết quả cho người nộp thuế"), which then runs up to the fee cell.
    """
    time_match = _TIME.match(cell)
    rest = cell[time_match.end():] if time_match else cell
    if time_match and _FEE_HEAD.match(rest):
        time_text = time_match.group(1)
    elif time_match and re.match(r"\d", cell) and _split_glued_time_and_fee(cell):
        time_text, rest = _split_glued_time_and_fee(cell)
    else:
        fee_at = _FEE_HEAD.search(cell)
        time_text, rest = (cell[: fee_at.start()], cell[fee_at.start():]) if fee_at else (cell, "")
    duration = parse_duration(time_text)
    fee_text, description = "", rest
    fee_match = _FEE_HEAD.match(rest)
    if fee_match:
        head, description = fee_match.group(1), rest[fee_match.end():]
        note = ""
        if description.startswith("(") and not re.match(r"\(\w{1,4}\)\s", description):
            end = _balanced_parenthesis(description, 0)  # "(1) Trường hợp…" opens the description
            if end > 0:
                note, description = description[:end], description[end:]
        if head == _NO_INFO:
            fee_text = note[1:-1] if note else ""
        else:
            fee_text = f"{head} {note}" if note else head
    fee_text = clean(fee_text)
    return Channel(
        kind=CHANNEL_KINDS[kind],
        duration=duration if duration.text != _NO_INFO else Duration(),
        fee_text=fee_text,
        fee_amount=parse_fee_amount(fee_text),
        description=clean(description),
    )


def parse_channels(text):
    """Flattened ``cach_thuc_thuc_hien`` → list of ``Channel`` (one per table row, source order)."""
    text = nfc(text or "")
    if text.startswith(CHANNEL_HEADER):
        text = text[len(CHANNEL_HEADER):]
    starts = list(_CHANNEL_START.finditer(text))
    first = _FIRST_CHANNEL.match(text)
    if first and (not starts or starts[0].start() != 0):
        starts.insert(0, first)
    channels = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        channels.append(_parse_channel_cell(match.group(1), text[match.end():end]))
    return channels


def structured_channel(kind_label, time_text, fee_text, description):
    """A channel from an already-structured source (the Defence Word export)."""
    kind = CHANNEL_KINDS.get(clean(kind_label))
    if kind is None:
        raise ValueError(f"hình thức nộp không rõ: {kind_label!r}")
    fee = clean(fee_text)
    return Channel(
        kind=kind,
        duration=parse_duration(time_text),
        fee_text=fee,
        fee_amount=parse_fee_amount(fee),
        description=clean(description),
    )


# --- Required documents (thành phần hồ sơ) ------------------------------------------------------

DOCUMENT_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
# "1 bản chính", "0 bản chính,1 bản sao": the quantity cell ends a row; a quantity written inside a
# name is followed by a space ("02 bản chính hoặc …"), a real cell is glued to the next row.
_QUANTITY = re.compile(r"(\d{1,2}) bản chính(?:,(\d{1,2}) bản sao)?(?! )|(\d{1,2}) bản sao(?! )")
_FORM_EXT = r"\.(?:docx|doc|pdf|xlsx|xls|rtf|odt|zip|rar)"
_FORM_TAIL = re.compile(rf"(?:{_FORM_EXT})$", re.IGNORECASE)


@dataclass
class RequiredDocument:
    name: str
    group: str = ""  # the case heading the row sits under ("Giấy tờ phải nộp", "Trường hợp ủy quyền…")
    forms: list = field(default_factory=list)  # form template file names as the source gives them
    originals: int | None = None
    copies: int | None = None
    note: str = ""

    def as_dict(self):
        return {
            "group": self.group,
            "name": self.name,
            "form_names": list(self.forms),
            "originals": self.originals,
            "copies": self.copies,
            "note": self.note,
        }


def _glue_points(text):
    """Positions where two table cells were glued: a non-space after ``.;:)`` (not a decimal point),
    a lower-case letter or digit before a capital (``mẫuTK``, ``2026Mẫu``), an acronym ending before a
    word (``BNNMTMẫu``)."""
    points = []
    for index in range(1, len(text)):
        before, char = text[index - 1], text[index]
        if char.isspace() or before.isspace():
            continue
        if before in ".;:)" and not (before == "." and index > 1 and text[index - 2].isdigit()):
            points.append(index)
        elif (before.islower() or before.isdigit()) and char.isupper():
            points.append(index)
        elif (before.isupper() and char.isupper() and index + 1 < len(text) and text[index + 1].islower()
              and index > 1 and text[index - 2].isupper()):
            points.append(index)
    return points


def split_form_names(text):
    """``"Tờ khai theo mẫu;Mau 6.6.docx"`` → ``("Tờ khai theo mẫu;", ["Mau 6.6.docx"])``.

    Form file names were glued to the end of the document name. Files are peeled off from the end
    (several may follow each other: ``…Mẫu 1.1.docxMẫu 1.2.docx``); the first one starts at the
    earliest glue point in the last 120 characters. Without a glue point the text stays the name.
    """
    if not _FORM_TAIL.search(text):
        return text, []
    # Boundaries between consecutive file names: right after an extension that is followed by text.
    cuts = [m.end() for m in re.finditer(rf"{_FORM_EXT}(?=\S)", text, flags=re.IGNORECASE)]
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    forms = []
    while len(pieces) > 1 and _FORM_TAIL.search(pieces[-1]) and _FORM_TAIL.search(pieces[-2]):
        forms.insert(0, pieces.pop().strip())
    head = "".join(pieces)
    window_start = max(0, len(head) - 120)
    points = [p for p in _glue_points(head) if p >= window_start and p < len(head) - 4]
    if not points:
        return (head, forms) if forms else (text, [])
    cut = points[0]
    forms.insert(0, head[cut:].strip())
    return head[:cut].rstrip(), forms


def parse_documents(text):
    """Flattened ``thanh_phan_ho_so`` → list of ``RequiredDocument`` (source order).

    The text is a sequence of tables, each ``<case heading>Tên giấy tờMẫu đơn, tờ khaiSố lượng<rows>``,
    every row ``<name><form file names><quantity>``; a case heading is glued to the previous table's
    last quantity (``…1 bản chính* Giấy tờ phải xuất trình:Tên giấy tờ…``); ``--`` means "no heading".
    """
    text = nfc(text or "")
    documents = []
    chunks = text.split(DOCUMENT_HEADER)
    heading = clean(chunks[0]).strip("-").strip() if len(chunks) > 1 else ""
    for position, chunk in enumerate(chunks[1:], start=1):
        is_last = position == len(chunks) - 1
        cursor = 0
        for match in _QUANTITY.finditer(chunk):
            row = chunk[cursor:match.start()]
            cursor = match.end()
            name, forms = split_form_names(row)
            name = re.sub(r"^[-–+•]\s*", "", clean(name))
            if not name:
                continue
            originals = int(match.group(1)) if match.group(1) is not None else 0
            copies = int(match.group(2) or match.group(3) or 0)
            documents.append(
                RequiredDocument(name=name, group=_heading(heading), forms=forms, originals=originals, copies=copies)
            )
        tail = chunk[cursor:]
        if is_last:
            if clean(tail).strip("-").strip():
                documents.append(RequiredDocument(name=clean(tail), group=_heading(heading)))
        else:
            heading = clean(tail).strip("-").strip()
    return documents


def _heading(text):
    return re.sub(r"^[*\-+\s]+|[:\s]+$", "", text)


def parse_copies_note(note):
    """The Defence export's ``"Bản chính: 1\\nBản sao: 0"`` → ``(1, 0, "")``; other text is kept as a note."""
    note = clean(note)
    originals = re.search(r"Bản chính:\s*(\d+)", note)
    copies = re.search(r"Bản sao:\s*(\d+)", note)
    rest = clean(re.sub(r"Bản (?:chính|sao):\s*\d+", "", note))
    return (
        int(originals.group(1)) if originals else None,
        int(copies.group(1)) if copies else None,
        rest,
    )


# --- Legal basis (căn cứ pháp lý) ----------------------------------------------------------------

LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
# A Vietnamese legal document number: 85/2019/TT-BTC, 66.7/2025/NQ-CP, 60/2014/QH13, 05/2024/UBTVQH15,
# 12/2021/QĐ-TTg, 105/2025/NĐ- CP. Issuer groups: upper-case letters, or "…QH" + 2 digits, or "TTg".
_LAW_GROUP = r"(?:[A-ZĐ]*QH\d{2}|TTg|[A-ZĐ]+)"
_LAW_NUMBER = re.compile(rf"(\d+(?:\.\d+)?)/(\d{{4}})/({_LAW_GROUP}(?:\s?-\s?{_LAW_GROUP})*)")
# Issuer groups seen in real, unambiguous numbers. When flattening glued the next title onto a number
# ("NĐ-CPQuy định", "TT-BTCNghị định"), the group is cut back to the longest of these it starts with.
LAW_GROUPS = {
    "BCA", "BCT", "BGDĐT", "BGTVT", "BKHCN", "BKHĐT", "BLĐTBXH", "BNG", "BNNMT", "BNNPTNT", "BNV", "BQP",
    "BTC", "BTNMT", "BTP", "BTTTT", "BVHTTDL", "BXD", "BYT", "CP", "CT", "CTN", "HĐND", "L", "LLTP", "ND",
    "NHNN", "NNMT", "NQ", "NĐ", "PL", "QĐ", "TANDTC", "TT", "TTBGTVT", "TTBTC", "TTBXD", "TTCP", "TTG",
    "TTLT", "TTg", "UBND", "UBTVQH", "VKSNDTC", "VPCP",
}
_TITLE_TAIL = re.compile(
    r"(?<=[a-zà-ỹ.)])(?:Thông tư|Nghị định|Luật|Quyết định|Nghị quyết|Pháp lệnh|Thông thư)(?: số)?\s*$"
)


@dataclass
class LegalDocument:
    number: str
    title: str
    issued: str = ""  # date as the source gives it (Defence export only)
    issuer: str = ""

    def as_dict(self):
        return {"number": self.number, "title": self.title, "issued": self.issued, "issuer": self.issuer}


def _trim_issuer(issuer):
    """``"NĐ-CPQ"`` → ``"NĐ-CP"``: cut the last group back to the longest known group it starts with."""
    head, _, last = issuer.rpartition("-")
    bare = last.strip()
    if bare in LAW_GROUPS or re.fullmatch(r"[A-ZĐ]*QH\d{2}", bare):
        return issuer
    known = [group for group in LAW_GROUPS if bare.startswith(group)]
    if not known:
        return issuer
    return issuer[: len(issuer) - len(last)] + max(known, key=len) if head else max(known, key=len)


def law_numbers(text):
    """Legal numbers in ``text`` as ``(start, end, number)``, repairing what flattening glued on: the
    next title's first capitals (``NĐ-CPQuy định`` → ``NĐ-CP``) and a year glued in front
    (``năm 202405/2024/UBTVQH15`` → ``05/2024/UBTVQH15``)."""
    found = []
    for match in _LAW_NUMBER.finditer(text):
        start = match.start()
        number, issuer = match.group(1), match.group(3)
        trimmed = _trim_issuer(issuer)
        end = match.end() - (len(issuer) - len(trimmed))
        if "." not in number and len(number) >= 5 and number[:2] in ("19", "20"):
            start += 4  # a four-digit year closed the previous cell
        found.append((start, end, re.sub(r"\s+", "", text[start:end])))
    return found


def _ends_row(after):
    """Does a legal number followed by ``after`` close a table row (rather than being quoted in a title)?"""
    if not after.strip():
        return True
    first = after[0]
    if first.isdigit():
        return False  # the title quoted the number and the number cell follows, glued
    if first.isspace():
        return re.match(r"\s+[A-ZĐÀ-Ỹ0-9]", after) is not None
    if first in ",.;:)]":
        return False
    return not re.match(r"(?:ngày|của|năm)\b", after)


def parse_legal_basis(text):
    """Flattened ``can_cu_phap_ly`` → list of ``LegalDocument``.

    Rows are ``<title><number>``, glued to each other. A row ends at a legal number that is followed
    by the next title (glued, or after white space and a capital) or by the end; a number quoted in a
    title is followed by a space and a lower-case word ("ngày", "của", "về"), by punctuation, or
    directly by the number cell. A trailing row without any number keeps its text as the title.
    """
    text = nfc(text or "")
    if not text.startswith(LEGAL_HEADER):
        return []
    text = text[len(LEGAL_HEADER):]
    rows, cursor = [], 0
    for start, end, number in law_numbers(text):
        if start < cursor or not _ends_row(text[end:]):
            continue
        title = one_line(_TITLE_TAIL.sub("", text[cursor:start]))
        rows.append(LegalDocument(number=number, title=title or number))
        cursor = end
    rest = one_line(text[cursor:])
    if rest:
        rows.append(LegalDocument(number="", title=rest))
    return rows


# --- Steps, results, keywords --------------------------------------------------------------------

_STEP_MARK = re.compile(r"(?:^|(?<=[\s.;:]))Bước\s*(\d+)\s*[:.\-–]?\s*", re.IGNORECASE)


def parse_steps(text):
    """Procedure steps as a list of strings.

    ``"Bước 1: … Bước 2: …"`` splits at the step marks; otherwise each top-level line (``- …``) is a
    step and the lines under it (``+ …``, ``(i) …``, continuation lines) stay with it.
    """
    text = clean(text)
    if not text:
        return []
    marks = list(_STEP_MARK.finditer(text))
    if len(marks) >= 2:
        steps = []
        preface = text[: marks[0].start()].strip()
        for index, mark in enumerate(marks):
            end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
            body = text[mark.end():end].strip()
            if body:
                steps.append(body)
        if preface and steps:
            steps[0] = f"{preface}\n{steps[0]}"
        return steps
    lines = text.split("\n")
    if sum(1 for line in lines if line.startswith(("- ", "-\t", "– "))) >= 2:
        steps = []
        for line in lines:
            if line.startswith(("- ", "-\t", "– ")) or not steps:
                steps.append(line.lstrip("-– \t"))
            else:
                steps[-1] = f"{steps[-1]}\n{line}"
        return [step for step in steps if step]
    return [text]


_RESULT_TAIL = re.compile(r"Từ khóa|Chọn cơ quan thực hiện")
_RESULT_CODE = re.compile(r"Mã:\s*(KQ\.[A-Za-z0-9.]+)")


def parse_result(text):
    """``ket_qua_xu_ly`` without the page furniture the scraper kept after it, one result per line:
    ``"Trích lục đăng ký nhận cha, mẹ, conMã: KQ.G15.000033Từ khóa…"`` → ``"Trích lục … con (mã KQ.G15.000033)"``."""
    text = nfc(text or "")
    tail = _RESULT_TAIL.search(text)
    if tail:
        text = text[: tail.start()]
    items = []
    cursor = 0
    for match in _RESULT_CODE.finditer(text):
        name = clean(text[cursor:match.start()])
        if name:
            items.append(f"{one_line(name)} (mã {match.group(1).rstrip('.')})")
        cursor = match.end()
    rest = clean(text[cursor:])
    if rest:
        items.append(rest)
    return "\n".join(items)


def page_section(raw_text, heading, next_headings):
    """The text between ``heading`` and the first of ``next_headings`` in the scraped page text."""
    raw_text = nfc(raw_text or "")
    start = raw_text.find(heading)
    if start < 0:
        return ""
    start += len(heading)
    ends = [i for i in (raw_text.find(h, start) for h in next_headings) if i >= 0]
    return clean(raw_text[start: min(ends) if ends else len(raw_text)])


def parse_keywords(raw_text):
    """The "Từ khóa" (keywords) section of the scraped page, or ``""``."""
    return one_line(page_section(raw_text, "Từ khóa", ["Mô tả", "Chọn cơ quan thực hiện"]))


def clean_conditions(text):
    """``yeu_cau_dieu_kien`` cut before page sections the scraper sometimes appended."""
    text = nfc(text or "")
    cut = re.search(r"Kết quả xử lý|Từ khóa(?:Không có thông tin)?Mô tả", text)
    return clean(text[: cut.start()] if cut else text)


# --- Monetary amounts and money-free helpers ------------------------------------------------------


def decimal_or_none(value):
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None
