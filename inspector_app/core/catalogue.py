"""Checklist catalogues: parse and validate the `inspector-catalogue/1` format, store, look up.

A catalogue is named by code and version (`national 2026.1`) and pinned by the SHA-256 of
its canonical JSON: the same name with other content is refused (DESIGN §9). Every error in
a catalogue file is an `InputError` naming the file, the entry and the field.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.db.models import CatalogueVersion, CheckItem, PointType
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.paths import resources_dir
from inspector_app.core.store import Store

FORMAT = "inspector-catalogue/1"
#: a catalogue file larger than this is refused unread
MAX_BYTES = 5 * 1024 * 1024
#: at most this many problems are listed for one bad file
MAX_REPORTED = 50

ENTRY_CODE_PATTERN = r"^[A-Z0-9][A-Z0-9_-]{0,31}$"
CATALOGUE_CODE_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,31}$"
VERSION_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$"

Category = Literal["ads", "sanitation", "order"]
Severity = Literal["high", "medium", "low"]
Mode = Literal["pass_fail", "per_instance", "per_missing"]

# Control characters other than tab and newline: never meaningful in a catalogue text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be empty")
    if _CONTROL.search(value):
        raise PydanticCustomError("control_char", "must not contain control characters")
    return value


Name = Annotated[str, Field(max_length=200), AfterValidator(_clean_text)]
LongText = Annotated[str, Field(max_length=2000), AfterValidator(_clean_text)]
EntryCode = Annotated[str, Field(pattern=ENTRY_CODE_PATTERN, max_length=32)]

_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- the document ------------------------------------------------------------------------


class ItemDoc(BaseModel):
    """One check item and how a problem on it is scored (DESIGN §9)."""

    model_config = _STRICT

    code: EntryCode
    category: Category
    text_zh: LongText
    text_en: LongText
    severity: Severity
    mode: Mode
    cap: float = Field(gt=0, allow_inf_nan=False)
    each: float | None = Field(default=None, gt=0, allow_inf_nan=False, validate_default=True)
    quota: int | None = Field(default=None, ge=1, le=10_000, validate_default=True)
    needs_photo: bool
    basis: LongText
    sources: str = Field(max_length=200)

    @field_validator("each")
    @classmethod
    def _each_fits_mode(cls, value: float | None, info: ValidationInfo) -> float | None:
        mode = info.data.get("mode")
        if mode == "pass_fail" and value is not None:
            raise PydanticCustomError("each_forbidden", "must be absent for pass_fail items")
        if mode in ("per_instance", "per_missing") and value is None:
            raise PydanticCustomError(
                "each_required", "is required for {mode} items", {"mode": mode}
            )
        cap = info.data.get("cap")
        if value is not None and cap is not None and value > cap:
            raise PydanticCustomError(
                "each_over_cap", "must not exceed cap ({cap})", {"cap": f"{cap:g}"}
            )
        return value

    @field_validator("quota")
    @classmethod
    def _quota_fits_mode(cls, value: int | None, info: ValidationInfo) -> int | None:
        mode = info.data.get("mode")
        if mode == "per_missing" and value is None:
            raise PydanticCustomError("quota_required", "is required for per_missing items")
        if mode in ("pass_fail", "per_instance") and value is not None:
            raise PydanticCustomError(
                "quota_forbidden", "must be absent for {mode} items", {"mode": mode}
            )
        return value


class PointTypeDoc(BaseModel):
    """One point type (测评点位类型) and its items, in walking order."""

    model_config = _STRICT

    code: EntryCode
    name_zh: Name
    name_en: Name
    route_hint: str = Field(max_length=500)
    items: tuple[ItemDoc, ...] = Field(min_length=1, max_length=1000, strict=False)


class CatalogueDoc(BaseModel):
    """A whole catalogue file; codes are unique (item codes across the whole catalogue)."""

    model_config = _STRICT

    format: Literal["inspector-catalogue/1"]
    code: Annotated[str, Field(pattern=CATALOGUE_CODE_PATTERN, max_length=32)]
    version: Annotated[str, Field(pattern=VERSION_PATTERN, max_length=32)]
    name_zh: Name
    name_en: Name
    description: str = Field(max_length=4000)
    point_types: tuple[PointTypeDoc, ...] = Field(min_length=1, max_length=1000, strict=False)

    @model_validator(mode="after")
    def _codes_unique(self) -> Self:
        types: dict[str, int] = {}
        items: dict[str, str] = {}
        for i, pt in enumerate(self.point_types):
            if pt.code in types:
                raise PydanticCustomError(
                    "duplicate_code",
                    "{code} appears twice (point types at positions {first} and {second})",
                    {
                        "code": pt.code,
                        "first": types[pt.code] + 1,
                        "second": i + 1,
                        "at": ("point_types", i, "code"),
                    },
                )
            types[pt.code] = i
            for j, item in enumerate(pt.items):
                if item.code in items:
                    raise PydanticCustomError(
                        "duplicate_code",
                        "{code} appears twice (also an item of point type {first})",
                        {
                            "code": item.code,
                            "first": items[item.code],
                            "at": ("point_types", i, "items", j, "code"),
                        },
                    )
                items[item.code] = pt.code
        return self


# --- parsing -----------------------------------------------------------------------------


class _DuplicateKeys(dict[str, Any]):
    """A JSON object that repeated a key; the first repeated key is kept for the message."""

    duplicate: str = ""


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            if not isinstance(obj, _DuplicateKeys):
                obj = _DuplicateKeys(obj)
                obj.duplicate = key
            continue
        obj[key] = value
    return obj


class _BadConstant(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _BadConstant(name)


def _find_duplicate(value: Any) -> tuple[str | int, ...] | None:
    """The location (ending in the key) of the first object that repeated a key."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), value)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, _DuplicateKeys):
            return (*loc, node.duplicate)
        children: list[tuple[str | int, Any]]
        if isinstance(node, dict):
            children = list(node.items())
        elif isinstance(node, list):
            children = list(enumerate(node))
        else:
            continue
        stack.extend(((*loc, key), child) for key, child in reversed(children))
    return None


def _entry_code(entry: Any) -> str | None:
    if isinstance(entry, dict):
        code = entry.get("code")
        if isinstance(code, str) and re.fullmatch(ENTRY_CODE_PATTERN, code):
            return code
    return None


def _where(raw: Any, loc: Sequence[str | int]) -> str:
    """Words for a location in the raw document: `item FM-A01 (point type X), field "cap"`."""
    parts: list[str] = []
    rest = list(loc)
    type_name: str | None = None
    if len(rest) >= 2 and rest[0] == "point_types" and isinstance(rest[1], int):
        i = rest[1]
        types = raw.get("point_types") if isinstance(raw, dict) else None
        entry = types[i] if isinstance(types, list) and 0 <= i < len(types) else None
        code = _entry_code(entry)
        type_name = f"point type {code}" if code else f"point type at position {i + 1}"
        rest = rest[2:]
        if len(rest) >= 2 and rest[0] == "items" and isinstance(rest[1], int):
            j = rest[1]
            items = entry.get("items") if isinstance(entry, dict) else None
            item = items[j] if isinstance(items, list) and 0 <= j < len(items) else None
            item_code = _entry_code(item)
            item_name = f"item {item_code}" if item_code else f"item at position {j + 1}"
            parts.append(f"{item_name} ({type_name})")
            rest = rest[2:]
        else:
            parts.append(type_name)
    if rest:
        field = rest[0]
        if isinstance(field, int):
            parts.append(f"entry {field + 1}")
        else:
            parts.append(f'field "{field}"')
    return ", ".join(parts) if parts else "the document"


_TYPE_WORDS = {
    "string_type": "must be text",
    "float_type": "must be a number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "tuple_type": "must be a list",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "missing": "is required",
    "extra_forbidden": "is not a field of this format",
    "finite_number": "must be a finite number",
}


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _words(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _TYPE_WORDS:
        return _TYPE_WORDS[kind]
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == ENTRY_CODE_PATTERN:
            rule = "1-32 upper-case letters, digits, '_' or '-'"
        elif pattern == CATALOGUE_CODE_PATTERN:
            rule = "1-32 lower-case letters, digits, '_' or '-'"
        elif pattern == VERSION_PATTERN:
            rule = "1-32 letters, digits, '.', '_' or '-'"
        else:
            rule = f"text matching {pattern}"
        return f"must be {rule} (got {_short(error['input'])})"
    if kind == "literal_error":
        return f"must be {ctx.get('expected', '?')} (got {_short(error['input'])})"
    if kind == "too_short" and ctx.get("min_length") == 1:
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters long"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    message = message.replace("Input should be", "must be").replace("List should", "must")
    if kind in ("greater_than", "greater_than_equal", "less_than_equal", "less_than"):
        message = f"{message} (got {_short(error['input'])})"
    return message


def _validation_lines(raw: Any, exc: ValidationError) -> list[str]:
    lines: list[str] = []
    for error in exc.errors():
        at = (error.get("ctx") or {}).get("at")
        # Union members add their type name to the location (e.g. "each", "float").
        loc = _trim_loc(at if isinstance(at, tuple) else error["loc"])
        line = f"{_where(raw, loc)}: {_words(error)}"
        if line not in lines:
            lines.append(line)
    return lines


def _trim_loc(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """The location up to the first field name below the deepest entry."""
    out: list[str | int] = []
    for part in loc:
        out.append(part)
        if isinstance(part, str) and part not in ("point_types", "items"):
            break
    return tuple(out)


def _fail(source: str, lines: list[str]) -> InputError:
    lines = [f"{source}: {line}" for line in lines[:MAX_REPORTED]]
    return InputError(lines[0], details=lines[1:])


def parse_catalogue(raw: bytes, source: str) -> CatalogueDoc:
    """Validate a catalogue file's bytes; `source` (the file name) starts every message."""
    if len(raw) > MAX_BYTES:
        raise _fail(source, [f"file is too large ({len(raw)} bytes; the limit is {MAX_BYTES})"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(source, [f"not UTF-8 text (bad byte at offset {exc.start})"]) from None
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook, parse_constant=_reject_constant)
    except _BadConstant as exc:
        raise _fail(source, [f"not valid JSON: {exc} is not a number JSON allows"]) from None
    except json.JSONDecodeError as exc:
        raise _fail(
            source, [f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]
        ) from None
    except RecursionError:
        raise _fail(source, ["not valid JSON: nested too deeply"]) from None
    except ValueError as exc:
        raise _fail(source, [f"not valid JSON: {exc}"]) from None
    duplicate = _find_duplicate(data)
    if duplicate is not None:
        raise _fail(source, [f"{_where(data, duplicate)}: appears twice in one object"])
    if not isinstance(data, dict):
        raise _fail(source, ["the document must be a JSON object"])
    found = data.get("format")
    if found != FORMAT:
        if "format" not in data:
            why = f"is required (this program reads {FORMAT})"
        elif isinstance(found, str) and found.startswith("inspector-catalogue/"):
            why = f"{found} was made by a newer version; this program reads {FORMAT}"
        else:
            why = f"must be {FORMAT} (got {_short(found)})"
        raise _fail(source, [f'field "format": {why}'])
    try:
        return CatalogueDoc.model_validate(data)
    except ValidationError as exc:
        raise _fail(source, _validation_lines(data, exc)) from None


def canonical_json(doc: CatalogueDoc) -> str:
    """The document as canonical JSON: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(
        doc.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def content_sha256(doc: CatalogueDoc) -> str:
    """SHA-256 (hex) of the canonical JSON: two files with equal content hash the same."""
    return hashlib.sha256(canonical_json(doc).encode("utf-8")).hexdigest()


# --- DTOs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueInfo:
    """A stored catalogue version; `point_types` and `items` are counts."""

    id: str
    code: str
    version: str
    name_zh: str
    name_en: str
    builtin: bool
    point_types: int
    items: int
    content_sha256: str
    added_at: datetime

    @property
    def name(self) -> str:
        """`code:version`, the name `find_catalogue` accepts."""
        return f"{self.code}:{self.version}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "version": self.version,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "builtin": self.builtin,
            "point_types": self.point_types,
            "items": self.items,
            "content_sha256": self.content_sha256,
            "added_at": self.added_at.isoformat(),
        }


@dataclass(frozen=True)
class ItemInfo:
    code: str
    category: str
    text_zh: str
    text_en: str
    mode: str
    severity: str
    cap: float
    each: float | None
    quota: int | None
    needs_photo: bool

    @classmethod
    def from_row(cls, row: CheckItem) -> ItemInfo:
        return cls(
            code=row.code,
            category=row.category,
            text_zh=row.text_zh,
            text_en=row.text_en,
            mode=row.mode,
            severity=row.severity,
            cap=row.cap,
            each=row.each,
            quota=row.quota,
            needs_photo=row.needs_photo,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "category": self.category,
            "text_zh": self.text_zh,
            "text_en": self.text_en,
            "mode": self.mode,
            "severity": self.severity,
            "cap": self.cap,
            "each": self.each,
            "quota": self.quota,
            "needs_photo": self.needs_photo,
        }


@dataclass(frozen=True)
class PointTypeInfo:
    code: str
    name_zh: str
    name_en: str
    route_hint: str
    items: tuple[ItemInfo, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "route_hint": self.route_hint,
            "items": [item.to_json() for item in self.items],
        }


@dataclass(frozen=True)
class CatalogueDetail:
    info: CatalogueInfo
    point_types: tuple[PointTypeInfo, ...]

    def to_json(self) -> dict[str, Any]:
        """The catalogue's fields, with `point_types` expanded from a count to the list."""
        out = self.info.to_json()
        out["point_types"] = [pt.to_json() for pt in self.point_types]
        return out


def _info(row: CatalogueVersion, point_types: int, items: int) -> CatalogueInfo:
    return CatalogueInfo(
        id=row.id,
        code=row.code,
        version=row.version,
        name_zh=row.name_zh,
        name_en=row.name_en,
        builtin=row.builtin,
        point_types=point_types,
        items=items,
        content_sha256=row.content_sha256,
        added_at=row.added_at,
    )


def _counts(session: Session, catalogue_id: str) -> tuple[int, int]:
    types = session.scalar(
        select(func.count()).select_from(PointType).where(PointType.catalogue_id == catalogue_id)
    )
    items = session.scalar(
        select(func.count()).select_from(CheckItem).where(CheckItem.catalogue_id == catalogue_id)
    )
    return int(types or 0), int(items or 0)


# --- import --------------------------------------------------------------------------------


def _stored(session: Session, code: str, version: str) -> CatalogueVersion | None:
    return session.scalars(
        select(CatalogueVersion).where(
            CatalogueVersion.code == code, CatalogueVersion.version == version
        )
    ).one_or_none()


def _same_or_conflict(session: Session, row: CatalogueVersion, sha: str) -> CatalogueInfo:
    if row.content_sha256 != sha:
        raise ConflictError(
            f"catalogue {row.code} {row.version} is already stored with other content; "
            "give the new one its own version"
        )
    return _info(row, *_counts(session, row.id))


def _add(session: Session, store: Store, doc: CatalogueDoc, *, builtin: bool) -> CatalogueInfo:
    sha = content_sha256(doc)
    existing = _stored(session, doc.code, doc.version)
    if existing is not None:
        raise _AlreadyStored(_same_or_conflict(session, existing, sha))
    row = CatalogueVersion(
        code=doc.code,
        version=doc.version,
        name_zh=doc.name_zh,
        name_en=doc.name_en,
        content_sha256=sha,
        document=canonical_json(doc),
        builtin=builtin,
    )
    session.add(row)
    session.flush()
    n_items = 0
    for type_pos, pt in enumerate(doc.point_types):
        type_row = PointType(
            catalogue_id=row.id,
            code=pt.code,
            name_zh=pt.name_zh,
            name_en=pt.name_en,
            route_hint=pt.route_hint,
            position=type_pos,
        )
        session.add(type_row)
        session.flush()
        for item_pos, item in enumerate(pt.items):
            session.add(
                CheckItem(
                    catalogue_id=row.id,
                    point_type_id=type_row.id,
                    code=item.code,
                    category=item.category,
                    text_zh=item.text_zh,
                    text_en=item.text_en,
                    mode=item.mode,
                    severity=item.severity,
                    cap=item.cap,
                    each=item.each,
                    quota=item.quota,
                    needs_photo=item.needs_photo,
                    position=item_pos,
                )
            )
            n_items += 1
    session.flush()
    audit.append_event(
        session,
        actor=store.actor,
        action="catalogue.added",
        entity="catalogue",
        entity_id=row.id,
        detail={"code": doc.code, "version": doc.version, "sha256": sha},
    )
    return _info(row, len(doc.point_types), n_items)


class _AlreadyStored(Exception):
    """Raised inside the write transaction to leave it without changes."""

    def __init__(self, info: CatalogueInfo) -> None:
        super().__init__(info.name)
        self.info = info


def add_catalogue_in(
    session: Session, store: Store, doc: CatalogueDoc, *, builtin: bool = False
) -> tuple[CatalogueInfo, bool]:
    """Store a validated catalogue inside the caller's write transaction (bundle import);
    (info, True) when newly added, (info, False) when the same content is already there.
    The same code and version with other content: `ConflictError`, before any change."""
    try:
        return _add(session, store, doc, builtin=builtin), True
    except _AlreadyStored as already:
        return already.info, False


def import_catalogue_doc(
    store: Store, doc: CatalogueDoc, *, builtin: bool = False
) -> tuple[CatalogueInfo, bool]:
    """Store a validated catalogue in one transaction; (info, True) when newly added.

    The same code and version with the same content is already there: (info, False). With
    other content: `ConflictError`, and nothing changes.
    """
    try:
        with store.write() as session:
            return _add(session, store, doc, builtin=builtin), True
    except _AlreadyStored as already:
        return already.info, False
    except IntegrityError:
        # Another process stored the same name between our check and our insert.
        with store.read() as session:
            row = _stored(session, doc.code, doc.version)
            if row is None:
                raise
            return _same_or_conflict(session, row, content_sha256(doc)), False


def import_catalogue_bytes(
    store: Store, raw: bytes, source: str, *, builtin: bool = False
) -> tuple[CatalogueInfo, bool]:
    """Parse and store a catalogue file's bytes (shared by file and built-in import)."""
    return import_catalogue_doc(store, parse_catalogue(raw, source), builtin=builtin)


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(path.name, [f"file is too large ({size} bytes; the limit is {MAX_BYTES})"])
        with path.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a catalogue file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def import_catalogue_file(store: Store, path: str | Path) -> tuple[CatalogueInfo, bool]:
    """Import a catalogue file; (info, True) when newly added, (info, False) when present."""
    path = Path(path)
    return import_catalogue_bytes(store, _read_file(path), path.name)


def builtin_catalogue_files() -> list[Path]:
    """The catalogue files shipped with the program (`resources/catalogues/*.json`)."""
    folder = resources_dir() / "catalogues"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def ensure_builtin_catalogues(store: Store) -> None:
    """Add every shipped catalogue not yet stored. Runs at each start: when all are there,
    it costs one small query (files are named `<code>-<version>.json`), no file parse."""
    files = builtin_catalogue_files()
    if not files:
        return
    with store.read() as session:
        stored = {
            f"{code}-{version}.json"
            for code, version in session.execute(
                select(CatalogueVersion.code, CatalogueVersion.version)
            )
        }
    for path in files:
        if path.name in stored:
            continue
        doc = parse_catalogue(_read_file(path), path.name)
        expected = f"{doc.code}-{doc.version}.json"
        if path.name != expected:
            raise InputError(
                f"{path.name}: a built-in catalogue file must be named {expected} "
                "(its code and version)"
            )
        import_catalogue_doc(store, doc, builtin=True)


# --- queries -------------------------------------------------------------------------------


def list_catalogues(store: Store) -> list[CatalogueInfo]:
    """Every stored catalogue version, by code, then oldest first."""
    types = (
        select(PointType.catalogue_id, func.count().label("n"))
        .group_by(PointType.catalogue_id)
        .subquery()
    )
    items = (
        select(CheckItem.catalogue_id, func.count().label("n"))
        .group_by(CheckItem.catalogue_id)
        .subquery()
    )
    stmt = (
        select(CatalogueVersion, func.coalesce(types.c.n, 0), func.coalesce(items.c.n, 0))
        .outerjoin(types, types.c.catalogue_id == CatalogueVersion.id)
        .outerjoin(items, items.c.catalogue_id == CatalogueVersion.id)
        .order_by(CatalogueVersion.code, CatalogueVersion.added_at, CatalogueVersion.version)
    )
    with store.read() as session:
        return [_info(row, int(nt), int(ni)) for row, nt, ni in session.execute(stmt)]


def find_catalogue(session: Session, name: str) -> CatalogueVersion:
    """The catalogue named `VERSION` or `CODE:VERSION` (code case-insensitive)."""
    text = name.strip()
    code, sep, version = text.rpartition(":")
    stmt = select(CatalogueVersion).where(CatalogueVersion.version == version)
    if sep:
        stmt = stmt.where(CatalogueVersion.code == code.strip().lower())
    rows = list(session.scalars(stmt.order_by(CatalogueVersion.code)))
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        names = ", ".join(f"{r.code}:{r.version}" for r in rows)
        raise InputError(
            f"catalogue version {version} is stored under several codes ({names}); "
            "give CODE:VERSION"
        )
    stored = session.execute(
        select(CatalogueVersion.code, CatalogueVersion.version).order_by(
            CatalogueVersion.code, CatalogueVersion.added_at
        )
    ).all()
    known = ", ".join(f"{c}:{v}" for c, v in stored) or "none"
    raise NotFoundError(f"no catalogue {text!r}; stored catalogues: {known}")


def show_catalogue(store: Store, name: str) -> CatalogueDetail:
    """One catalogue with its point types and items, in order."""
    with store.read() as session:
        row = find_catalogue(session, name)
        types = session.scalars(
            select(PointType).where(PointType.catalogue_id == row.id).order_by(PointType.position)
        ).all()
        items = session.scalars(
            select(CheckItem)
            .where(CheckItem.catalogue_id == row.id)
            .order_by(CheckItem.point_type_id, CheckItem.position)
        ).all()
        by_type: dict[str, list[ItemInfo]] = {}
        for item in items:
            by_type.setdefault(item.point_type_id, []).append(ItemInfo.from_row(item))
        point_types = tuple(
            PointTypeInfo(
                code=pt.code,
                name_zh=pt.name_zh,
                name_en=pt.name_en,
                route_hint=pt.route_hint,
                items=tuple(by_type.get(pt.id, [])),
            )
            for pt in types
        )
        info = _info(row, len(point_types), len(items))
    return CatalogueDetail(info=info, point_types=point_types)


def _norm(text: str) -> str:
    """For matching names: full-width forms folded (（ → (), case folded, spaces squeezed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _without_brackets(text: str) -> str:
    return " ".join(re.sub(r"\([^()]*\)", " ", text).split())


class PointTypeIndex:
    """Point types of every stored catalogue, found by code (any case) or by Chinese or
    English name; a name also matches without its bracketed part (公交站点 for
    公交站点(含公交车)). Loaded once, so a file of many rows resolves in one query."""

    def __init__(self, rows: Sequence[tuple[str, str, str]]) -> None:
        #: code -> (name_zh, name_en), from the newest catalogue that has the type
        self.names: dict[str, tuple[str, str]] = {}
        self._codes: dict[str, str] = {}
        self._full: dict[str, set[str]] = {}
        self._short: dict[str, set[str]] = {}
        for code, zh, en in rows:
            self.names.setdefault(code, (zh, en))
            self._codes.setdefault(_norm(code), code)
            for name in (zh, en):
                self._full.setdefault(_norm(name), set()).add(code)
                self._short.setdefault(_without_brackets(_norm(name)), set()).add(code)

    @classmethod
    def load(cls, session: Session) -> PointTypeIndex:
        rows = session.execute(
            select(PointType.code, PointType.name_zh, PointType.name_en)
            .join(CatalogueVersion, PointType.catalogue_id == CatalogueVersion.id)
            .order_by(CatalogueVersion.added_at.desc(), PointType.position)
        ).tuples()
        return cls(list(rows))

    def _matches(self, text: str) -> list[str]:
        """Codes `text` names: its own code, else full names, else names without brackets."""
        wanted = _norm(text)
        if wanted in self._codes:
            return [self._codes[wanted]]
        for table in (self._full, self._short):
            if wanted in table:
                return sorted(table[wanted])
        return []

    def lookup(self, text: str) -> tuple[str | None, str | None]:
        """(code, None) for a known type, else (None, why not) in words for a user."""
        matches = self._matches(text)
        if len(matches) == 1:
            return matches[0], None
        if matches:
            return (
                None,
                f'type "{text.strip()}" could be any of {", ".join(matches)}; give its code',
            )
        return None, f'type "{text.strip()}" is unknown'

    def resolve(self, text: str) -> str:
        """The code `text` names; InputError when ambiguous, NotFoundError when unknown."""
        code, reason = self.lookup(text)
        if code is not None:
            return code
        if self._matches(text):
            raise InputError(reason or "")
        raise NotFoundError(
            f"unknown point type {text.strip()!r}; give one of: "
            f"{', '.join(self.names) or 'none stored'}",
            details=[f"{code}  {zh}  {en}" for code, (zh, en) in self.names.items()],
        )


def resolve_point_type_code(session: Session, text: str) -> str:
    """A point-type code from its code (any case), Chinese or English name."""
    return PointTypeIndex.load(session).resolve(text)


def items_for_type(session: Session, catalogue_id: str, type_code: str) -> list[CheckItem]:
    """The check items of one point type in one catalogue, in walking order."""
    point_type = session.scalars(
        select(PointType).where(
            PointType.catalogue_id == catalogue_id, PointType.code == type_code.strip().upper()
        )
    ).one_or_none()
    if point_type is None:
        catalogue = session.get(CatalogueVersion, catalogue_id)
        if catalogue is None:
            raise NotFoundError(f"no catalogue with id {catalogue_id}")
        raise NotFoundError(
            f"catalogue {catalogue.code}:{catalogue.version} has no point type {type_code!r}"
        )
    return list(
        session.scalars(
            select(CheckItem)
            .where(CheckItem.point_type_id == point_type.id)
            .order_by(CheckItem.position)
        )
    )
