"""The catalogue file format `inspector-catalogue/1`: its strict pydantic schema, parsing
with errors that name the file, entry and field, and its canonical JSON and hash.

Kept apart from `catalogue` so that opening a store (which only reads catalogues already
stored) does not load pydantic.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
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

from inspector_app.core.errors import InputError

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


def read_catalogue_file(path: Path) -> bytes:
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
