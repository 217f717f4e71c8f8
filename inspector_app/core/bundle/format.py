"""The fixed spellings of format `inspector-bundle/1` (DESIGN §5), shared by the writer and
the verifier so that the two can never disagree."""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

FORMAT = "inspector-bundle/1"
#: formats this program reads; anything else is "made by a newer version"
READABLE_FORMATS = (FORMAT,)
FORMAT_RE = re.compile(r"^inspector-bundle/(\d+)$")

BAGIT_TXT = "bagit.txt"
BAG_INFO_TXT = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"
TAG_MANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "tagmanifest-sha256.txt.minisig"
BUNDLE_JSON = "data/bundle.json"
PHOTO_DIR = "data/photos/"
#: tag files listed in the tag manifest, in this order
TAG_FILES = (BAGIT_TXT, BAG_INFO_TXT, MANIFEST)

BAGIT_CONTENT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

#: photo formats (Pillow's names) and the extension their file takes in a bundle
PHOTO_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "HEIF": "heic"}
EXTENSION_FORMATS = {ext: fmt for fmt, ext in PHOTO_EXTENSIONS.items()}

#: a bundle stays below this (FAT32 cannot hold a file of 4 GiB)
DEFAULT_MAX_BUNDLE_BYTES = 2 * 1024**3
#: verification bounds: far above any real bundle, far below harm
MAX_ENTRIES = 50_000  # below zip's 65,535, so zip64 is never needed
MAX_TAG_FILE_BYTES = 16 * 1024 * 1024  # bagit.txt, bag-info.txt, manifests, signature
MAX_BUNDLE_JSON_BYTES = 256 * 1024 * 1024
MAX_PHOTO_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 4 * 1024**3

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
KEY_ID_RE = re.compile(r"^[0-9A-F]{16}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
PHOTO_NAME_RE = re.compile(r"^data/photos/([0-9a-f]{64})\.(jpg|png|heic)$")
#: the only characters an entry name may use (after the top folder)
SAFE_NAME_RE = re.compile(r"^[A-Za-z0-9._/-]+$")


def photo_entry(sha256: str, fmt: str) -> str:
    return f"{PHOTO_DIR}{sha256}.{PHOTO_EXTENSIONS[fmt]}"


def utc_iso(value: datetime) -> str:
    """UTC, ISO 8601, whole seconds, with Z: the spelling of the trusted comment."""
    return value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class TrustedComment:
    bundle_id: str
    key_id: str
    sequence: int
    created: str  # utc_iso text

    def render(self) -> str:
        return (
            f"{FORMAT} id={self.bundle_id} key={self.key_id} seq={self.sequence} "
            f"created={self.created}"
        )


TRUSTED_COMMENT_RE = re.compile(
    r"^(inspector-bundle/\d+) id=(\S+) key=(\S+) seq=(\d{1,10}) "
    r"created=(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$"
)


def manifest_text(entries: list[tuple[str, str]]) -> str:
    """A BagIt manifest: `<sha256>  <path>` per line, sorted by path."""
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(entries))


def bag_info_text(
    *,
    bundle_id: str,
    key_id: str,
    sequence: int,
    created: datetime,
    payload_bytes: int,
    payload_files: int,
    agent: str,
) -> str:
    """bag-info.txt: BagIt's own fields plus the bundle's (DESIGN §5), in a fixed order."""
    return (
        f"Bag-Software-Agent: {agent}\n"
        f"Bagging-Date: {created.astimezone(UTC).date().isoformat()}\n"
        f"Bundle-Format: {FORMAT}\n"
        f"Export-Sequence: {sequence}\n"
        f"External-Identifier: {bundle_id}\n"
        f"Inspector-Key-Id: {key_id}\n"
        f"Payload-Oxum: {payload_bytes}.{payload_files}\n"
    )


#: every entry is a regular file, rw-r--r--, made on unix so the mode bits mean what they say
FILE_MODE = 0o100644 << 16


def zip_info(name: str, size: int, created: datetime) -> zipfile.ZipInfo:
    """The header of every entry: stored, stamped with the signed creation time (UTC).

    The verifier requires exactly these header fields, so a bundle's bytes are fixed by its
    signed content: nothing in a header can change without the bundle being refused."""
    z = zipfile.ZipInfo(name, date_time=created.astimezone(UTC).timetuple()[:6])
    z.compress_type = zipfile.ZIP_STORED
    z.file_size = size
    z.external_attr = FILE_MODE
    z.create_system = 3
    return z


def dos_time(created: datetime) -> tuple[int, int]:
    """(time, date) in the zip headers' DOS form, as zipfile writes them."""
    dt = created.astimezone(UTC).timetuple()
    return (dt[3] << 11 | dt[4] << 5 | dt[5] // 2, (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2])


def signed_content_digest(tag_manifest: bytes, signature: bytes) -> str:
    """A bundle's identity for "byte for byte the same": the signed tag manifest (which
    fixes every file's hash) and its signature. With every header fixed by the signed
    creation time, equal digests mean equal bundles."""
    return hashlib.sha256(tag_manifest + b"\0" + signature).hexdigest()
