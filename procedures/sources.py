"""Read procedure records from the national data files into ``ProcedureRecord``s (no database).

Supported inputs (the kind is recognised from the file name and its columns/keys):

- ``*.jsonl`` / ``*.jsonl.gz`` — the national portal's detail records (``ma_thu_tuc``, ``ten_thu_tuc``…)
  or the Ministry of Defence's structured records (``metadata``/``content``/``tables``), one a line;
- ``*.xlsx`` — the portal's catalogue export "DANH SÁCH THỦ TỤC HÀNH CHÍNH" (Mã số, Tên, Cơ quan ban
  hành, Cơ quan thực hiện, Lĩnh vực);
- ``*.csv`` — the editors' template (``CSV_COLUMNS``, documented in docs/procedures.md).

Every problem is a ``SourceError`` reading ``file:line: field: message``; ``read_sources`` collects
the problems of all lines and files and raises them together (``SourceErrors``). Records carry the
fields their source provides, so that a catalogue row (XLSX, CSV) only updates those fields of an
existing procedure.
"""

import csv
import gzip
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import parsing as P

CODE_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._\-]{2,63}$")
LIST_FIELDS = ("levels", "target_groups", "channels", "documents", "steps", "legal_basis")
RECORD_FIELDS = (
    "name", "decision_number", "levels", "procedure_type", "sector", "target_groups", "issuing_body",
    "implementing_agency", "competent_agency", "authorized_agency", "coordinating_agency", "receiving_address",
    "channels", "documents", "steps", "conditions", "result", "legal_basis", "national_url", "keywords",
)
DETAIL, CATALOGUE = 2, 1  # rank of a source: detail records win over catalogue rows for the same code


class SourceError(Exception):
    def __init__(self, path, line, field_name, message):
        self.path, self.line, self.field, self.message = str(path), line, field_name, message
        super().__init__(str(self))

    def __str__(self):
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class SourceErrors(Exception):
    """All problems found in a run's input files (nothing is imported when there is one)."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def _collect(errors, build, *args):
    """``build(*args)``, or ``None`` with the ``SourceError`` appended to ``errors``."""
    try:
        return build(*args)
    except SourceError as error:
        errors.append(error)
        return None


@dataclass
class ProcedureRecord:
    code: str
    path: str
    line: int
    source: str  # "dichvucong", "bqp", "xlsx", "csv"
    rank: int
    values: dict = field(default_factory=dict)  # RECORD_FIELDS provided by the source

    @property
    def where(self):
        return f"{self.path}:{self.line}"

    @property
    def name(self):
        return self.values.get("name", "")


def _require(path, line, code, name, code_field, name_field):
    code, name = P.one_line(code), P.procedure_name(name)
    if not code:
        raise SourceError(path, line, code_field, "thiếu mã thủ tục")
    if not CODE_PATTERN.match(code):
        raise SourceError(path, line, code_field, f"mã thủ tục không hợp lệ: {code!r}")
    if not name:
        raise SourceError(path, line, name_field, f"thiếu tên thủ tục (mã {code})")
    return code, name


def _levels(path, line, field_name, text):
    try:
        return P.parse_levels(text)
    except ValueError as error:
        raise SourceError(path, line, field_name, str(error)) from None


def _list_of_dicts(items):
    return [item.as_dict() for item in items]


# --- JSON lines ---------------------------------------------------------------------------------


def detail_record(data, path, line):
    """A record of the national portal's detail pages (chatbot-tthc crawler format)."""
    code, name = _require(path, line, data.get("ma_thu_tuc"), data.get("ten_thu_tuc"), "ma_thu_tuc", "ten_thu_tuc")
    raw = data.get("raw_text", "")
    values = {
        "name": name,
        "decision_number": P.one_line(data.get("so_quyet_dinh")),
        "levels": _levels(path, line, "cap_thuc_hien", data.get("cap_thuc_hien")),
        "procedure_type": P.one_line(data.get("loai_thu_tuc")),
        "sector": P.one_line(data.get("linh_vuc")),
        "target_groups": P.split_list(data.get("doi_tuong_thuc_hien")),
        "implementing_agency": P.clean(data.get("co_quan_thuc_hien")),
        "competent_agency": P.clean(data.get("co_quan_co_tham_quyen")),
        "authorized_agency": P.clean(data.get("co_quan_duoc_uy_quyen")),
        "coordinating_agency": P.clean(data.get("co_quan_phoi_hop")),
        "receiving_address": P.clean(data.get("dia_chi_tiep_nhan")),
        "channels": _list_of_dicts(P.parse_channels(data.get("cach_thuc_thuc_hien"))),
        "documents": _list_of_dicts(P.parse_documents(data.get("thanh_phan_ho_so"))),
        "steps": P.parse_steps(data.get("trinh_tu_thuc_hien")),
        "conditions": P.clean_conditions(data.get("yeu_cau_dieu_kien")),
        "result": P.parse_result(data.get("ket_qua_xu_ly")),
        "legal_basis": _list_of_dicts(P.parse_legal_basis(data.get("can_cu_phap_ly"))),
        "national_url": P.one_line(data.get("detail_url")),
        "keywords": P.parse_keywords(raw),
    }
    return ProcedureRecord(code=code, path=str(path), line=line, source="dichvucong", rank=DETAIL, values=values)


def _decision(text):
    """``"Quyết định số 6225/QĐ-BQP"`` → ``"6225/QĐ-BQP"`` (the detail pages' form)."""
    return re.sub(r"^Quyết định\s+(?:số\s+)?", "", P.one_line(text), flags=re.IGNORECASE)


def defence_record(data, path, line):
    """A structured record of the Ministry of Defence (nhdandz/ThuTucHanhChinh Word-export format)."""
    meta = data.get("metadata") or {}
    content = data.get("content") or {}
    tables = data.get("tables") or {}
    if not isinstance(meta, dict) or not isinstance(content, dict) or not isinstance(tables, dict):
        raise SourceError(path, line, "metadata", "metadata/content/tables phải là object")
    code, name = _require(
        path, line, meta.get("mã_thủ_tục") or data.get("thu_tuc_id"), meta.get("tên_thủ_tục"),
        "metadata.mã_thủ_tục", "metadata.tên_thủ_tục",
    )
    channels = []
    for index, row in enumerate(tables.get("hinh_thuc_nop") or []):
        try:
            channels.append(
                P.structured_channel(row.get("hinh_thuc"), row.get("thoi_han_giai_quyet"), row.get("phi_le_phi"),
                                     row.get("mo_ta")).as_dict()
            )
        except (ValueError, AttributeError) as error:
            raise SourceError(path, line, f"tables.hinh_thuc_nop[{index}]", str(error)) from None
    documents = []
    for row in tables.get("thanh_phan_ho_so") or []:
        originals, copies, note = P.parse_copies_note(row.get("ghi_chu"))
        form = P.one_line(row.get("so_luong"))  # this export puts the form file name in "so_luong"
        documents.append(
            P.RequiredDocument(
                name=P.clean(row.get("ten_giay_to")), forms=[form] if form else [], originals=originals,
                copies=copies, note=note,
            ).as_dict()
        )
    legal = [
        P.LegalDocument(
            number=P.one_line(row.get("so_ky_hieu")), title=P.one_line(row.get("trich_yeu")),
            issued=P.one_line(row.get("ngay_ban_hanh")), issuer=P.one_line(row.get("co_quan_ban_hanh")),
        ).as_dict()
        for row in tables.get("can_cu_phap_ly") or []
    ]
    values = {
        "name": name,
        "decision_number": _decision(meta.get("số_quyết_định")),
        "levels": _levels(path, line, "metadata.cấp_thực_hiện", meta.get("cấp_thực_hiện")),
        "procedure_type": P.one_line(meta.get("loại_thủ_tục")),
        "sector": P.one_line(meta.get("lĩnh_vực")),
        "target_groups": P.split_list(content.get("đối_tượng_thực_hiện")),
        "issuing_body": "Bộ Quốc phòng",
        "implementing_agency": P.clean(content.get("cơ_quan_thực_hiện")),
        "competent_agency": P.clean(content.get("cơ_quan_có_thẩm_quyền")),
        "authorized_agency": P.clean(content.get("cơ_quan_được_ủy_quyền")),
        "coordinating_agency": P.clean(content.get("cơ_quan_phối_hợp")),
        "receiving_address": P.clean(content.get("địa_chỉ_tiếp_nhận_hs")),
        "channels": channels,
        "documents": [d for d in documents if d["name"]],
        "steps": P.parse_steps(content.get("trình_tự_thực_hiện")),
        "conditions": P.clean_conditions(content.get("yêu_cầu_điều_kiện_thực_hiện")),
        "result": P.clean(content.get("kết_quả_thực_hiện")),
        "legal_basis": [row for row in legal if row["title"] or row["number"]],
        "national_url": "",
        "keywords": P.one_line(content.get("từ_khóa")),
    }
    return ProcedureRecord(code=code, path=str(path), line=line, source="bqp", rank=DETAIL, values=values)


def _open_text(path):
    """Text lines of a plain or gzip file; a corrupt gzip is a ``SourceError``."""
    raw = Path(path).read_bytes()
    if str(path).endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as error:
            raise SourceError(path, 1, "tệp", f"không giải nén được tệp gzip ({error})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(path, 1, "tệp", f"tệp không phải văn bản UTF-8 (byte {error.start})") from None


def _json_line(path, number, text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(path, number, "json", f"dòng JSON không hợp lệ: {error.msg} (cột {error.colno})") from None
    if not isinstance(data, dict):
        raise SourceError(path, number, "json", "mỗi dòng phải là một object JSON")
    if "ma_thu_tuc" in data or "ten_thu_tuc" in data:
        return detail_record(data, path, number)
    if "metadata" in data and "tables" in data:
        return defence_record(data, path, number)
    keys = ", ".join(sorted(data)[:8]) or "(trống)"
    raise SourceError(
        path, number, "json",
        f"không nhận ra bộ trường ({keys}); cần ma_thu_tuc/ten_thu_tuc hoặc metadata/content/tables",
    )


def read_jsonl(path, errors):
    lines = enumerate(_open_text(path).splitlines(), start=1)
    return [r for r in (_collect(errors, _json_line, path, n, text) for n, text in lines if text.strip()) if r]


# --- Spreadsheets -------------------------------------------------------------------------------

XLSX_COLUMNS = {
    "Mã số": "code",
    "Tên": "name",
    "Cơ quan ban hành": "issuing_body",
    "Cơ quan thực hiện": "implementing_agency",
    "Lĩnh vực": "sector",
}


def read_xlsx(path, errors):
    """The portal's catalogue export: a title block, then a header row starting with "Mã số"."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SourceError(path, 1, "tệp", f"không đọc được tệp XLSX ({error.__class__.__name__})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header, header_line = None, 0
        for number, row in enumerate(rows, start=1):
            cells = [P.one_line(c) for c in row]
            if cells and cells[0] in ("Mã số", "Mã thủ tục"):
                header, header_line = cells, number
                break
            if number > 20:
                break
        if header is None:
            raise SourceError(path, 1, "cột", "không tìm thấy dòng tiêu đề bắt đầu bằng “Mã số” trong 20 dòng đầu")
        names = [h for h in header if h]
        unknown = [h for h in names if h not in XLSX_COLUMNS and h != "Mã thủ tục"]
        if unknown or "Tên" not in names:
            raise SourceError(
                path, header_line, "cột",
                f"bộ cột không nhận ra ({', '.join(names)}); cần: {', '.join(XLSX_COLUMNS)}",
            )
        columns = {index: XLSX_COLUMNS.get(name, "code") for index, name in enumerate(header) if name}
        records = []
        for number, row in enumerate(rows, start=header_line + 1):
            cells = {columns[i]: row[i] for i in columns if i < len(row)}
            if any(P.one_line(v) for v in cells.values()):
                record = _collect(errors, _xlsx_row, path, number, cells)
                if record:
                    records.append(record)
        return records
    finally:
        workbook.close()


def _xlsx_row(path, number, cells):
    code, name = _require(path, number, cells.get("code"), cells.get("name"), "Mã số", "Tên")
    values = {"name": name}
    for key in ("issuing_body", "implementing_agency", "sector"):
        if key in cells:
            values[key] = _agencies(cells[key]) if key == "implementing_agency" else P.one_line(cells[key])
    return ProcedureRecord(code=code, path=str(path), line=number, source="xlsx", rank=CATALOGUE, values=values)


def _agencies(text):
    """Agencies listed one a line in the export, de-duplicated: ``"UBND cấp xã\\nUBND cấp xã"`` → one."""
    seen = []
    for line in P.clean(text).split("\n"):
        line = " ".join(line.split())
        if line and line not in seen:
            seen.append(line)
    return "\n".join(seen)


# Columns of the editors' CSV template (UTF-8, comma-separated, header row required).
CSV_COLUMNS = {
    "ma_thu_tuc": "code",
    "ten_thu_tuc": "name",
    "so_quyet_dinh": "decision_number",
    "cap_thuc_hien": "levels",
    "loai_thu_tuc": "procedure_type",
    "linh_vuc": "sector",
    "doi_tuong_thuc_hien": "target_groups",
    "co_quan_ban_hanh": "issuing_body",
    "co_quan_thuc_hien": "implementing_agency",
    "co_quan_co_tham_quyen": "competent_agency",
    "co_quan_phoi_hop": "coordinating_agency",
    "dia_chi_tiep_nhan": "receiving_address",
    "hinh_thuc_nop": "channel_kinds",
    "thoi_han_giai_quyet": "channel_time",
    "phi_le_phi": "channel_fee",
    "yeu_cau_dieu_kien": "conditions",
    "ket_qua_xu_ly": "result",
    "duong_dan_quoc_gia": "national_url",
}
CSV_REQUIRED = ("ma_thu_tuc", "ten_thu_tuc")
# Columns the open-data CSV export adds; accepted and ignored on import, so an export can be re-imported.
CSV_IGNORED = ("muc_do_truc_tuyen", "duong_dan_cong_thong_tin")


def _csv_channels(path, line, kinds, time_text, fee_text):
    channels = []
    for label in (k.strip() for k in P.clean(kinds).replace("\n", ";").split(";")):
        if not label:
            continue
        try:
            channels.append(P.structured_channel(label, time_text, fee_text, "").as_dict())
        except ValueError as error:
            raise SourceError(path, line, "hinh_thuc_nop", f"{error}; dùng: {', '.join(P.CHANNEL_KINDS)}") from None
    return channels


def read_csv(path, errors):
    text = _open_text(path)
    reader = csv.reader(io.StringIO(text))
    header = [P.one_line(h) for h in next(reader, [])]
    unknown = [h for h in header if h and h not in CSV_COLUMNS and h not in CSV_IGNORED]
    missing = [h for h in CSV_REQUIRED if h not in header]
    if unknown or missing:
        problems = []
        if unknown:
            problems.append(f"cột không nhận ra: {', '.join(unknown)}")
        if missing:
            problems.append(f"thiếu cột: {', '.join(missing)}")
        raise SourceError(path, 1, "cột", "; ".join(problems) + " (xem docs/procedures.md)")
    records = []
    for number, row in enumerate(reader, start=2):
        if any(cell.strip() for cell in row):
            record = _collect(errors, _csv_row, path, number, header, row)
            if record:
                records.append(record)
    return records


def _csv_row(path, number, header, row):
    if len(row) > len(header):
        raise SourceError(path, number, "cột", f"dòng có {len(row)} ô, tiêu đề có {len(header)} cột")
    cells = dict(zip(header, row, strict=False))
    code, name = _require(path, number, cells.get("ma_thu_tuc"), cells.get("ten_thu_tuc"), "ma_thu_tuc",
                          "ten_thu_tuc")
    values = {"name": name}
    for column, key in CSV_COLUMNS.items():
        if column not in cells or key in ("code", "name") or key.startswith("channel_"):
            continue
        cell = cells[column]
        if key == "levels":
            values[key] = _levels(path, number, column, cell)
        elif key == "target_groups":
            values[key] = P.split_list(cell)
        elif key in ("decision_number", "procedure_type", "sector", "issuing_body", "national_url"):
            values[key] = P.one_line(cell)
        else:
            values[key] = P.clean(cell)
        if key == "national_url" and values[key] and not re.match(r"https?://", values[key]):
            raise SourceError(path, number, column, "đường dẫn phải bắt đầu bằng http:// hoặc https://")
    if "hinh_thuc_nop" in cells:
        values["channels"] = _csv_channels(
            path, number, cells["hinh_thuc_nop"], cells.get("thoi_han_giai_quyet", ""), cells.get("phi_le_phi", "")
        )
    return ProcedureRecord(code=code, path=str(path), line=number, source="csv", rank=CATALOGUE, values=values)


# --- Dispatch, merge ----------------------------------------------------------------------------

READERS = {".jsonl": read_jsonl, ".jsonl.gz": read_jsonl, ".json.gz": read_jsonl, ".xlsx": read_xlsx,
           ".csv": read_csv, ".csv.gz": read_csv}


def reader_for(path):
    name = str(path).lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def read_file(path, errors):
    path = Path(path)
    reader = reader_for(path)
    if reader is None:
        raise SourceError(path, 1, "tệp", "loại tệp không hỗ trợ; dùng .jsonl, .jsonl.gz, .xlsx hoặc .csv")
    if not path.is_file():
        raise SourceError(path, 1, "tệp", "không tìm thấy tệp")
    return reader(path, errors)


def _conflicting_fields(first, second):
    shared = first.values.keys() & second.values.keys()
    return sorted(key for key in shared if first.values[key] != second.values[key])


def merge_records(records, errors):
    """One record per code. Same rank + different data → an error; identical duplicates are dropped;
    a detail record wins over catalogue rows, which only add fields the detail lacks."""
    merged, notes = {}, []
    for record in records:
        existing = merged.get(record.code)
        if existing is None:
            merged[record.code] = record
            continue
        if existing.rank == record.rank:
            conflicts = _conflicting_fields(existing, record)
            if conflicts:
                errors.append(SourceError(
                    record.path, record.line, "ma_thu_tuc",
                    f"mã {record.code} trùng với {existing.where} nhưng khác dữ liệu ({', '.join(conflicts)})",
                ))
                continue
            existing.values = {**record.values, **existing.values}
            notes.append(f"{record.where}: mã {record.code} lặp lại {existing.where} (cùng dữ liệu), bỏ qua")
            continue
        winner, other = (existing, record) if existing.rank > record.rank else (record, existing)
        winner.values = {**{k: v for k, v in other.values.items()}, **winner.values}
        merged[record.code] = winner
    return list(merged.values()), notes


def read_sources(paths):
    """All records of ``paths`` merged by code: ``(records, notes)``. Raises ``SourceErrors`` listing
    every problem of every file when there is any."""
    records, errors = [], []
    for path in paths:
        records.extend(_collect(errors, read_file, path, errors) or [])
    merged, notes = merge_records(records, errors)
    if errors:
        raise SourceErrors(errors)
    return merged, notes
