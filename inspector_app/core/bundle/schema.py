"""`data/bundle.json`: its strict schema (unknown fields refused) and its parsing.

The document carries the inspections with their points, findings, scores, photo
references and the full catalogues they were walked against, so the command centre needs
no copy of the inspector's catalogue. It names neither the bundle nor its signer: those
live in bag-info.txt and the signature.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from inspector_app.core.bundle.format import FORMAT, FORMAT_RE, READABLE_FORMATS
from inspector_app.core.catalogue_doc import CatalogueDoc
from inspector_app.core.errors import InputError

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Uuid = Annotated[
    str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
Text = Annotated[str, Field(max_length=2000)]


def _iso_with_zone(text: str) -> str:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("not an ISO 8601 time") from None
    if value.tzinfo is None:
        raise ValueError("an ISO 8601 time without its zone")
    return text


#: ISO 8601 with its offset, as stored
Stamp = Annotated[str, Field(max_length=40), AfterValidator(_iso_with_zone)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PointEntry(_Strict):
    code: Annotated[str, Field(min_length=1, max_length=64)]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    type: Annotated[str, Field(min_length=1, max_length=64)]
    district: Annotated[str, Field(min_length=1, max_length=100)]
    street: Annotated[str, Field(max_length=100)]
    unit: Annotated[str, Field(min_length=1, max_length=200)]
    address: Annotated[str, Field(max_length=300)]
    latitude: Annotated[float, Field(ge=-90, le=90)] | None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None


class PhotoEntry(_Strict):
    sha256: Sha256
    file: Annotated[str, Field(max_length=120)]
    format: Literal["JPEG", "PNG", "HEIF"]
    size_bytes: Annotated[int, Field(ge=1)]
    width: Annotated[int, Field(ge=1, le=100_000)]
    height: Annotated[int, Field(ge=1, le=100_000)]
    exif_time: Annotated[str, Field(max_length=32)] | None  # camera clock, no zone
    exif_offset: Annotated[str, Field(max_length=8)] | None
    gps_latitude: Annotated[float, Field(ge=-90, le=90)] | None
    gps_longitude: Annotated[float, Field(ge=-180, le=180)] | None
    orientation: Annotated[int, Field(ge=1, le=8)]
    original_name: Annotated[str, Field(max_length=300)]


class FindingEntry(_Strict):
    id: Uuid
    item: Annotated[str, Field(min_length=1, max_length=32)]
    result: Literal["pass", "problem", "na"]
    count: Annotated[int, Field(ge=0, le=9999)]
    note: Text
    recorded_at: Stamp


class AttachmentEntry(_Strict):
    sha256: Sha256
    finding: Uuid | None
    captured_at: Stamp | None


class ScoreEntry(_Strict):
    deductions: Annotated[float, Field(ge=0)]
    caps: Annotated[float, Field(ge=0)]


class CatalogueRef(_Strict):
    code: Annotated[str, Field(min_length=1, max_length=64)]
    version: Annotated[str, Field(min_length=1, max_length=32)]


class InspectionEntry(_Strict):
    id: Uuid
    point: Annotated[str, Field(min_length=1, max_length=64)]
    point_type: Annotated[str, Field(min_length=1, max_length=64)]
    catalogue: CatalogueRef
    covert: bool
    started_at: Stamp
    finalised_at: Stamp
    round_id: Uuid | None
    assignment_id: Uuid | None
    score: ScoreEntry
    findings: tuple[FindingEntry, ...]
    attachments: tuple[AttachmentEntry, ...]


class BundleDoc(_Strict):
    format: Literal["inspector-bundle/1"]
    generator: Annotated[str, Field(max_length=100)]
    catalogues: tuple[CatalogueDoc, ...]
    points: tuple[PointEntry, ...]
    photos: tuple[PhotoEntry, ...]
    inspections: Annotated[tuple[InspectionEntry, ...], Field(min_length=1)]


def _no_duplicate_keys(what: str) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)  # in C: this runs for every object of the document
        if len(out) != len(pairs):  # name the first key repeated
            seen: set[str] = set()
            for key, _value in pairs:
                if key in seen:
                    raise InputError(f"{what} repeats the key {key!r}")
                seen.add(key)
        return out

    return hook


def _reject_constant(what: str) -> Callable[[str], Any]:
    def hook(name: str) -> Any:
        raise InputError(f"{what} holds {name}, which JSON does not allow")

    return hook


M = TypeVar("M", bound=BaseModel)

#: JSON can carry a NUL character only as this escape (not after an escaped backslash)
_NUL_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")


def parse_strict_json(
    raw: bytes,
    model: type[M],
    *,
    what: str,
    readable: tuple[str, ...],
    format_re: re.Pattern[str],
) -> M:
    """Parse a signed document strictly: UTF-8, no duplicate keys, no NaN, a format this
    program reads (a newer one is named as such), the schema with nothing extra."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{what} is not UTF-8 text") from None
    try:
        data = json.loads(
            text, object_pairs_hook=_no_duplicate_keys(what), parse_constant=_reject_constant(what)
        )
    except json.JSONDecodeError as exc:
        raise InputError(f"{what} is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    # The plain substring first: the regex alone costs ~2 ms on a 100 kB document
    if "\\u0000" in text and _NUL_ESCAPE.search(text):
        # No stored text may hold one (PostgreSQL refuses it outright)
        raise InputError(f"{what} holds a NUL character (\\u0000), which no text may hold")
    if isinstance(data, dict):
        fmt = data.get("format")
        if isinstance(fmt, str) and fmt not in readable and format_re.match(fmt):
            raise InputError(
                f"{what} is format {fmt}, made by a newer version; this program reads "
                f"{', '.join(readable)}"
            )
    try:
        # JSON-mode validation: strict types, and arrays may fill tuples.
        return model.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{what} does not match its schema at {where}: {first['msg']}") from None


def parse_bundle_json(raw: bytes) -> BundleDoc:
    """Parse strictly: UTF-8, no duplicate keys, no NaN, the schema with nothing extra."""
    return parse_strict_json(
        raw, BundleDoc, what="bundle.json", readable=READABLE_FORMATS, format_re=FORMAT_RE
    )


def render_document(doc: BaseModel) -> bytes:
    """The bytes of a signed JSON document (stable key order, UTF-8)."""
    return (json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n").encode()


def render_bundle_json(doc: BundleDoc) -> bytes:
    """The bytes written into a bundle (stable key order, UTF-8)."""
    return render_document(doc)


__all__ = ["FORMAT", "BundleDoc", "InspectionEntry", "parse_bundle_json", "render_bundle_json"]
