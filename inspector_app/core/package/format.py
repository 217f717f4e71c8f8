"""The fixed spellings of format `inspector-package/1` and its document's strict schema.

The package is a signed bag (`signed_bag`) whose one payload file is `data/package.json`.
bag-info.txt names the package, the command-centre key that signed it, the inspector key it
is for and its sequence; the trusted comment repeats them, so the signature covers them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import Field

from inspector_app.core.bundle.schema import (
    PointEntry,
    Uuid,
    _Strict,
    parse_strict_json,
    render_document,
)
from inspector_app.core.catalogue_doc import CatalogueDoc

FORMAT = "inspector-package/1"
READABLE_FORMATS = (FORMAT,)
FORMAT_RE = re.compile(r"^inspector-package/(\d+)$")
PACKAGE_JSON = "data/package.json"
#: the file the writer makes: <package id> + this
SUFFIX = ".package.age"

#: verification bounds: a register of 100,000 points and a few catalogues fit with room
MAX_PACKAGE_JSON_BYTES = 64 * 1024 * 1024
MAX_TAG_FILE_BYTES = 1024 * 1024
MAX_TOTAL_BYTES = MAX_PACKAGE_JSON_BYTES + 4 * MAX_TAG_FILE_BYTES
#: the encrypted file: the zip plus age's overhead (16 bytes per 64 KiB and a header)
MAX_FILE_BYTES = MAX_TOTAL_BYTES + MAX_TOTAL_BYTES // 2048 + 64 * 1024

BAG_INFO_FIELDS = (
    "Bag-Software-Agent",
    "Bagging-Date",
    "Centre-Key-Id",
    "External-Identifier",
    "Inspector-Key-Id",
    "Package-Format",
    "Package-Sequence",
    "Payload-Oxum",
)


def utc_iso(value: datetime) -> str:
    return value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class TrustedComment:
    package_id: str
    centre_key_id: str
    inspector_key_id: str
    sequence: int
    created: str  # utc_iso text

    def render(self) -> str:
        return (
            f"{FORMAT} id={self.package_id} key={self.centre_key_id} "
            f"for={self.inspector_key_id} seq={self.sequence} created={self.created}"
        )


TRUSTED_COMMENT_RE = re.compile(
    r"^(inspector-package/\d+) id=(\S+) key=(\S+) for=(\S+) seq=(\d{1,10}) "
    r"created=(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$"
)


def bag_info_text(
    *,
    package_id: str,
    centre_key_id: str,
    inspector_key_id: str,
    sequence: int,
    created: datetime,
    payload_bytes: int,
    agent: str,
) -> str:
    return (
        f"Bag-Software-Agent: {agent}\n"
        f"Bagging-Date: {created.astimezone(UTC).date().isoformat()}\n"
        f"Centre-Key-Id: {centre_key_id}\n"
        f"External-Identifier: {package_id}\n"
        f"Inspector-Key-Id: {inspector_key_id}\n"
        f"Package-Format: {FORMAT}\n"
        f"Package-Sequence: {sequence}\n"
        f"Payload-Oxum: {payload_bytes}.1\n"
    )


# --- package.json ----------------------------------------------------------------------------

Day = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
KeyId = Annotated[str, Field(pattern=r"^[0-9A-F]{16}$")]


class RoundEntry(_Strict):
    id: Uuid
    name: Annotated[str, Field(min_length=1, max_length=100)]
    starts_on: Day
    ends_on: Day


class AssignmentEntry(_Strict):
    id: Uuid
    point: Annotated[str, Field(min_length=1, max_length=64)]
    starts_on: Day
    ends_on: Day


class RegisterEntry(_Strict):
    #: "full": every point; "changes": points added or changed since package `base_sequence`
    mode: Literal["full", "changes"]
    base_sequence: Annotated[int, Field(ge=1)] | None
    points: tuple[PointEntry, ...]


class CentreKeyEntry(_Strict):
    """A new command-centre key, announced by a package the old key signed."""

    key_id: KeyId
    public_key: Annotated[str, Field(min_length=56, max_length=56)]  # minisign's base64 line


class InspectorEntry(_Strict):
    key_id: KeyId
    code: Annotated[str, Field(min_length=1, max_length=32)]
    name: Annotated[str, Field(min_length=1, max_length=100)]


class PackageDoc(_Strict):
    format: Literal["inspector-package/1"]
    generator: Annotated[str, Field(max_length=100)]
    inspector: InspectorEntry
    round: RoundEntry | None
    assignments: tuple[AssignmentEntry, ...]
    point_register: RegisterEntry
    catalogues: tuple[CatalogueDoc, ...]
    recipient: Annotated[str, Field(max_length=100)] | None
    centre_key: CentreKeyEntry | None


def parse_package_json(raw: bytes) -> PackageDoc:
    return parse_strict_json(
        raw, PackageDoc, what="package.json", readable=READABLE_FORMATS, format_re=FORMAT_RE
    )


def render_package_json(doc: PackageDoc) -> bytes:
    return render_document(doc)
