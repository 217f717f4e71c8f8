"""Point register: import test points (测评点位) from CSV / XLSX files, list and look them up.

A points file is hostile until checked: it is read whole, every row is validated, and a file
with any bad row imports nothing. The error then lists every bad row with the line number a
text editor (CSV) or a spreadsheet (XLSX) shows for it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.catalogue import PointTypeIndex
from inspector_app.core.db.models import Point
from inspector_app.core.errors import InputError, NotFoundError
from inspector_app.core.store import Store

#: files larger than this are refused before they are read
MAX_FILE_BYTES = 50 * 1024 * 1024
#: data rows (blank rows aside) one file may hold
MAX_ROWS = 100_000
#: what the parts of an XLSX file may add up to once unpacked (a bound on zip bombs)
MAX_XLSX_UNPACKED = 512 * 1024 * 1024

#: the columns of a points file, in the order `PointInfo.to_json` gives them
FIELDS = (
    "code",
    "name",
    "type",
    "district",
    "street",
    "unit",
    "address",
    "latitude",
    "longitude",
)
REQUIRED = ("code", "name", "type", "district", "unit")
_TEXT_FIELDS = ("code", "name", "type", "district", "street", "unit", "address")

#: header spellings accepted for each column, compared after `_norm`
_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("code", "point code", "编号", "点位编号", "点位代码", "代码"),
    "name": ("name", "point name", "名称", "点位名称"),
    "type": ("type", "point type", "type code", "类型", "点位类型"),
    "district": ("district", "区", "区县", "所属区", "所属区县", "行政区", "所属区域"),
    "street": ("street", "街道", "所属街道", "街道乡镇", "乡镇街道"),
    "unit": ("unit", "responsible unit", "责任单位", "包保单位"),
    "address": ("address", "地址", "详细地址"),
    "latitude": ("latitude", "lat", "纬度"),
    "longitude": ("longitude", "lon", "lng", "经度"),
}

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_COORD_RANGE = {"latitude": 90.0, "longitude": 180.0}
_ZIP_MAGIC = b"PK\x03\x04"


def _norm(value: str) -> str:
    """A comparison key: width-folded (NFKC), case-folded, spaces and _ - collapsed."""
    text = unicodedata.normalize("NFKC", value.replace("\ufeff", "")).casefold()
    return " ".join(text.replace("_", " ").replace("-", " ").split())


_HEADER_INDEX = {_norm(name): col for col, names in _HEADERS.items() for name in names}


def _max_length(column: str) -> int | None:
    length = getattr(Point.__table__.c[column].type, "length", None)
    return length if isinstance(length, int) else None


#: column length limits, read from the model so they follow the schema
_LIMITS: dict[str, int | None] = {
    "code": _max_length("code"),
    "name": _max_length("name"),
    "district": _max_length("district"),
    "street": _max_length("street"),
    "unit": _max_length("unit"),
    "address": _max_length("address"),
}


# --- DTOs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointInfo:
    """A registered point as services hand it out. `type` is the point-type code."""

    code: str
    name: str
    type: str
    district: str
    street: str
    unit: str
    address: str
    latitude: float | None
    longitude: float | None
    #: the type's names in the newest catalogue that has it ("" if no catalogue does)
    type_name_zh: str = ""
    type_name_en: str = ""

    def to_json(self) -> dict[str, Any]:
        """The point as a JSON object (the type names are left out)."""
        return {name: getattr(self, name) for name in FIELDS}


@dataclass(frozen=True)
class PointRow:
    """One valid row of a points file; `line` is where it starts in the file."""

    line: int
    code: str
    name: str
    type_code: str
    district: str
    street: str
    unit: str
    address: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class PointsImportResult:
    added: int
    updated: int
    unchanged: int


# --- point types -------------------------------------------------------------------------


def resolve_point_type(session: Session, value: str) -> str:
    """The point-type code that `value` (a code, or a Chinese or English name) stands for."""
    code, reason = PointTypeIndex.load(session).lookup(value.strip())
    if code is None:
        raise InputError(reason or f'type "{value}" is unknown')
    return code


# --- reading files -------------------------------------------------------------------------


@dataclass
class _Table:
    """The non-blank rows of a file: the header row, then the data rows, with line numbers."""

    name: str
    sha256: str
    header_line: int
    header: list[Any]
    rows: list[tuple[int, list[Any]]]


def _is_blank(cells: Sequence[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _text(value: Any) -> str:
    """A cell as text: numbers as a spreadsheet shows them (1001, not 1001.0)."""
    if type(value) is str:  # the common case first: every CSV cell
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def _collect(name: str, rows: Iterator[tuple[int, list[Any]]], digest: str) -> _Table:
    header: tuple[int, list[Any]] | None = None
    data: list[tuple[int, list[Any]]] = []
    for line, cells in rows:
        if _is_blank(cells):
            continue
        if header is None:
            header = (line, cells)
            continue
        if len(data) >= MAX_ROWS:
            raise InputError(f"{name}: more than {MAX_ROWS:,} rows; split it into smaller files")
        data.append((line, cells))
    if header is None:
        raise InputError(f"{name}: the file is empty")
    return _Table(name, digest, header[0], header[1], data)


def _decode(name: str, data: bytes) -> str:
    if data.startswith(_ZIP_MAGIC):
        raise InputError(f"{name}: this is a zip file (an XLSX workbook?), not a CSV text file")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise InputError(f"{name}: not a CSV text file (expected UTF-8 or GBK text)")


def _sniff_delimiter(text: str) -> str:
    first = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _csv_rows(name: str, text: str) -> Iterator[tuple[int, list[Any]]]:
    """Rows with the line each starts on (a quoted field may span several lines)."""
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text), strict=True
    )
    last = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"{name}: line {last + 1}: cannot be read as CSV ({exc})") from exc
        yield last + 1, list(cells)
        last = reader.line_num


def _read_csv(path: Path, data: bytes) -> _Table:
    text = _decode(path.name, data)
    if not text.strip():
        raise InputError(f"{path.name}: the file is empty")
    return _collect(path.name, _csv_rows(path.name, text), hashlib.sha256(data).hexdigest())


def _read_xlsx(path: Path, data: bytes) -> _Table:
    import openpyxl  # only XLSX files need it; keeps CSV imports and startup light

    name = path.name
    digest = hashlib.sha256(data).hexdigest()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # zipfile never unpacks more than an entry declares, so this bounds the work
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{name}: not a readable XLSX workbook") from exc
    if unpacked > MAX_XLSX_UNPACKED:
        raise InputError(
            f"{name}: the workbook unpacks to {unpacked / 2**20:.0f} MB; "
            f"the limit is {MAX_XLSX_UNPACKED // 2**20} MB"
        )
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:
        raise InputError(f"{name}: not a readable XLSX workbook") from exc
    try:
        if not workbook.worksheets:
            raise InputError(f"{name}: the workbook has no sheet")
        sheet = workbook.worksheets[0]
        # Dimensions written by other programs are sometimes wrong; read every row there is.
        sheet.reset_dimensions()
        rows = (
            (number, list(values))
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1)
        )
        try:
            return _collect(name, rows, digest)
        except InputError:
            raise
        except Exception as exc:  # damaged sheet XML, bad shared strings, ...
            raise InputError(f"{name}: the workbook's first sheet cannot be read") from exc
    finally:
        workbook.close()


def _read_table(path: Path) -> _Table:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(f"{path.name}: a points file must be .csv or .xlsx")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{path.name}: the file is {size / 2**20:.1f} MB; "
            f"the limit is {MAX_FILE_BYTES // 2**20} MB"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not data:
        raise InputError(f"{path.name}: the file is empty")
    return _read_csv(path, data) if suffix == ".csv" else _read_xlsx(path, data)


# --- validation ------------------------------------------------------------------------------


def _columns(table: _Table) -> dict[str, int]:
    """Which cell of a row holds which field; refuses missing or repeated columns."""
    columns: dict[str, int] = {}
    for position, cell in enumerate(table.header):
        col = _HEADER_INDEX.get(_norm(_text(cell)))
        if col is None:
            continue  # extra columns are allowed and ignored
        if col in columns:
            raise InputError(
                f'{table.name}: column "{col}" appears twice in the header '
                f"(line {table.header_line}, columns {columns[col] + 1} and {position + 1})"
            )
        columns[col] = position
    missing = [col for col in REQUIRED if col not in columns]
    for one, other in (("latitude", "longitude"), ("longitude", "latitude")):
        if one in columns and other not in columns:
            missing.append(other)
    if missing:
        quoted = ", ".join(f'"{col}"' for col in missing)
        plural = "s" if len(missing) > 1 else ""
        verb = "are" if len(missing) > 1 else "is"
        found = ", ".join(_text(c) for c in table.header if _text(c)) or "nothing"
        raise InputError(
            f"{table.name}: required column{plural} {quoted} {verb} missing",
            details=[
                f"the header (line {table.header_line}) has: {found}",
                "expected columns: " + ", ".join(FIELDS),
            ],
        )
    return columns


def _coordinate(col: str, value: Any) -> tuple[float | None, str | None]:
    """(number, None), (None, None) when blank, or (None, the reason)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        shown = _text(value)
    else:
        shown = _text(value)
        if not shown:
            return None, None
        if not _NUMBER.fullmatch(shown):
            return None, f'{col} "{shown}" is not a number'
        number = float(shown)
    limit = _COORD_RANGE[col]
    if not math.isfinite(number):
        return None, f'{col} "{shown}" is not a number'
    if not -limit <= number <= limit:
        return None, f"{col} {shown} is outside {-limit:g}..{limit:g}"
    return number, None


def _cell(cells: list[Any], columns: dict[str, int], col: str) -> Any:
    position = columns.get(col)
    return cells[position] if position is not None and position < len(cells) else None


def _validate(session: Session, table: _Table) -> list[PointRow]:
    columns = _columns(table)
    if not table.rows:
        raise InputError(f"{table.name}: no points below the header (line {table.header_line})")
    types = PointTypeIndex.load(session)
    seen: dict[str, int] = {}
    good: list[PointRow] = []
    bad: list[str] = []

    for line, cells in table.rows:
        reasons: list[str] = []
        text = {col: _text(_cell(cells, columns, col)) for col in _TEXT_FIELDS}
        for col in REQUIRED:
            if not text[col]:
                reasons.append(f"{col} is missing")
        for col, limit in _LIMITS.items():
            if limit is not None and len(text[col]) > limit:
                reasons.append(f"{col} is too long ({len(text[col])} characters; at most {limit})")
        type_code: str | None = None
        if text["type"]:
            type_code, reason = types.lookup(text["type"])
            if reason:
                reasons.append(reason)
        latitude, lat_reason = _coordinate("latitude", _cell(cells, columns, "latitude"))
        longitude, lon_reason = _coordinate("longitude", _cell(cells, columns, "longitude"))
        reasons.extend(r for r in (lat_reason, lon_reason) if r)
        has_lat = bool(_text(_cell(cells, columns, "latitude")))
        has_lon = bool(_text(_cell(cells, columns, "longitude")))
        if has_lat and not has_lon:
            reasons.append("latitude is given without longitude")
        elif has_lon and not has_lat:
            reasons.append("longitude is given without latitude")
        code = text["code"]
        if code:
            if code in seen:
                reasons.append(f'code "{code}" repeats line {seen[code]}')
            else:
                seen[code] = line

        if reasons:
            bad.append(f"line {line}: " + "; ".join(reasons))
            continue
        assert type_code is not None  # a row without a known type has a reason above
        good.append(
            PointRow(
                line=line,
                code=code,
                name=text["name"],
                type_code=type_code,
                district=text["district"],
                street=text["street"],
                unit=text["unit"],
                address=text["address"],
                latitude=latitude,
                longitude=longitude,
            )
        )

    if bad:
        count = "1 row is bad" if len(bad) == 1 else f"{len(bad)} rows are bad"
        raise InputError(f"{table.name}: {count}; nothing was imported", details=bad)
    return good


def parse_points_file(session: Session, path: str | os.PathLike[str]) -> list[PointRow]:
    """Read and check a points file without storing anything; raises InputError."""
    return _validate(session, _read_table(Path(path)))


# --- services --------------------------------------------------------------------------------

_ROW_VALUES = ("name", "district", "street", "unit", "address", "latitude", "longitude")


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def import_points_file(store: Store, path: str | os.PathLike[str]) -> PointsImportResult:
    """Add the file's points and update those already registered under the same code.

    All or nothing: a file with any bad row raises InputError listing every bad row, and
    the register stays as it was.
    """
    source = Path(path)
    table = _read_table(source)  # file I/O before the write transaction starts
    with store.write() as s:
        rows = _validate(s, table)
        codes = [row.code for row in rows]
        existing: dict[str, Point] = {}
        for chunk in _chunks(codes):
            for found in s.scalars(select(Point).where(Point.code.in_(chunk))):
                existing[found.code] = found
        new: list[dict[str, Any]] = []
        updated = unchanged = 0
        for row in rows:
            point = existing.get(row.code)
            if point is None:
                values = {col: getattr(row, col) for col in _ROW_VALUES}
                new.append({"code": row.code, "type_code": row.type_code, **values})
                continue
            changed = point.type_code != row.type_code
            if changed:
                point.type_code = row.type_code
            for col in _ROW_VALUES:
                if getattr(point, col) != getattr(row, col):
                    setattr(point, col, getattr(row, col))
                    changed = True
            if changed:
                updated += 1
            else:
                unchanged += 1
        if new:
            s.execute(insert(Point), new)
        result = PointsImportResult(added=len(new), updated=updated, unchanged=unchanged)
        audit.append_event(
            s,
            actor=store.actor,
            action="points.imported",
            entity="points",
            entity_id=source.name[:100],
            detail={
                "file": source.name,
                "sha256": table.sha256,
                "rows": len(rows),
                "added": result.added,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
    return result


def _info(point: Point, types: PointTypeIndex) -> PointInfo:
    name_zh, name_en = types.names.get(point.type_code, ("", ""))
    return PointInfo(
        code=point.code,
        name=point.name,
        type=point.type_code,
        district=point.district,
        street=point.street,
        unit=point.unit,
        address=point.address,
        latitude=point.latitude,
        longitude=point.longitude,
        type_name_zh=name_zh,
        type_name_en=name_en,
    )


def list_points(
    store: Store, *, district: str | None = None, type: str | None = None
) -> list[PointInfo]:
    """Registered points ordered by district, then code.

    `type` may be a point-type code or its Chinese or English name; an unknown type is an
    InputError. Blank filters are ignored.
    """
    with store.read() as s:
        types = PointTypeIndex.load(s)
        stmt = select(Point).order_by(Point.district, Point.code)
        if district and district.strip():
            stmt = stmt.where(Point.district == district.strip())
        if type and type.strip():
            code, reason = types.lookup(type.strip())
            if code is None:
                raise InputError(reason or f'type "{type}" is unknown')
            stmt = stmt.where(Point.type_code == code)
        return [_info(point, types) for point in s.scalars(stmt)]


def get_point(store: Store, code: str) -> PointInfo:
    """The point registered under `code`; NotFoundError when there is none."""
    with store.read() as s:
        point = s.scalars(select(Point).where(Point.code == code.strip())).one_or_none()
        if point is None:
            raise NotFoundError(f"no point with code {code}")
        return _info(point, PointTypeIndex.load(s))
