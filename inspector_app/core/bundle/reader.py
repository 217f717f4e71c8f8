"""Strict verification of a bundle file (DESIGN §5), reading the zip without extracting it.

`open_verified` decrypts an age file (recognised by its magic bytes, never by its name) to
a temporary file, parses the zip's central directory and every local header itself, and
refuses anything that is not exactly what the writer makes: one top folder named by a
UUID, safe ASCII names, stored (uncompressed, unencrypted) regular-file entries laid end
to end with nothing between or after them, every file listed in the manifests and
matching its SHA-256, a minisign signature by a trusted key whose trusted comment agrees
with bag-info.txt, and a bundle.json whose photos, points, items and scores all hold
together. Each refusal is a BundleRejected with its own reason. The store's arrival rules
(already imported, conflict, replay) are the importer's, not this module's.

Memory does not grow with the bundle: entries are hashed (SHA-256 and the zip's CRC-32, in
one pass) in 1 MiB chunks on two threads. Every zip header must be exactly what the writer
makes for the signed creation time, so the signed content fixes every byte of the file and
its digest (`format.signed_content_digest`) identifies the bundle "byte for byte".
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import math
import os
import stat
import struct
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from inspector_app.core import agefile, scoring
from inspector_app.core.bundle import format as fmt
from inspector_app.core.bundle.schema import BundleDoc, parse_bundle_json
from inspector_app.core.bundle.verified import (
    BundleRejected,
    PhotoMember,
    TrustedKey,
    VerifiedBundle,
)
from inspector_app.core.errors import InputError
from inspector_app.core.minisign import PublicKey, blake2b_512, parse_signature, verify

AGE_MAGIC = b"age-encryption.org/v1"
ZIP_LOCAL_MAGIC = b"PK\x03\x04"
CHUNK = 1024 * 1024
#: threads hashing entries
HASH_WORKERS = 2
#: payloads below this are hashed on the calling thread
SMALL_PAYLOAD = 16 * 1024 * 1024
#: the read buffer for an image's header check (one read covers most headers and EXIF)
HEADER_BUFFER = 64 * 1024
#: photos up to this size are read whole for their header check (a header, EXIF or a
#: comment can fill most of a small photo)
SMALL_PHOTO = 512 * 1024

_EOCD = struct.Struct("<4sHHHHIIH")  # end of central directory, 22 bytes
_CDH = struct.Struct("<4sHHHHHHIIIHHHHHII")  # central directory header, 46 bytes
_LFH = struct.Struct("<4sHHHHHIIIHH")  # local file header, 30 bytes
_EOCD_SIG, _CDH_SIG, _LFH_SIG = b"PK\x05\x06", b"PK\x01\x02", b"PK\x03\x04"
_FLAG_ENCRYPTED, _FLAG_STRONG = 0x0001, 0x0040
_DOS_DIRECTORY = 0x10
_ZIP64_MARK = 0xFFFFFFFF

TrustedLookup = Callable[[str], TrustedKey | None]


@dataclass(frozen=True)
class _Entry:
    name: str  # full name, top folder included
    rel: str  # name inside the top folder
    header_offset: int
    data_offset: int
    size: int
    crc: int
    #: (made by, needed, flags, time, date, extra, comment, internal, external) of the
    #: central record and (needed, flags, time, date, extra) of the local header
    central: tuple[int, ...]
    local: tuple[int, ...]


def _reject(reason: str) -> BundleRejected:
    return BundleRejected(reason)


# --- decryption ----------------------------------------------------------------------------


def _is_age(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(AGE_MAGIC)) == AGE_MAGIC


def _decrypt(source: Path, identity: Any, tmp_dir: Path) -> Path:
    """The plaintext of an age file, in a temporary file inside `tmp_dir` (removed on error)."""
    text = str(identity).strip()
    try:
        agefile.identity_key(text)
    except ValueError:
        raise _reject("the command centre's identity cannot be read") from None
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=tmp_dir, prefix="bundle-", suffix=".zip")
    os.close(fd)
    plain = Path(name)
    try:
        agefile.decrypt_file(source, plain, text)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            plain.unlink()
        if isinstance(exc, agefile.NoIdentityMatches):
            raise _reject(
                "encrypted for another recipient: the command centre's identity cannot open it"
            ) from None
        if isinstance(exc, agefile.AgeError):
            raise _reject(f"the encrypted file is damaged or truncated ({exc})") from None
        if isinstance(exc, OSError):
            raise _reject(
                f"the encrypted file cannot be decrypted ({exc.strerror or exc})"
            ) from None
        raise
    return plain


# --- the zip's structure ----------------------------------------------------------------------


def _check_name(name: str) -> None:
    if not name:
        raise _reject("an entry has an empty name")
    if "\\" in name:
        raise _reject(f"entry name {name!r} uses a backslash")
    if name.startswith("/"):
        raise _reject(f"entry name {name!r} is an absolute path")
    if len(name) >= 2 and name[1] == ":" and name[0].isalpha():
        raise _reject(f"entry name {name!r} names a drive")
    if ".." in name.split("/"):
        raise _reject(f"entry name {name!r} climbs out of the bundle (..)")
    if name.endswith("/"):
        raise _reject(f"entry {name!r} is a folder entry; bundles hold files only")
    if "" in name.split("/"):
        raise _reject(f"entry name {name!r} has an empty path segment")
    if "." in name.split("/"):
        raise _reject(f"entry name {name!r} has a '.' path segment")
    if not fmt.SAFE_NAME_RE.match(name):
        raise _reject(f"entry name {name!r} uses characters outside the safe ASCII set")


def _size_limit(rel: str) -> int:
    if rel == fmt.BUNDLE_JSON:
        return fmt.MAX_BUNDLE_JSON_BYTES
    if rel.startswith("data/"):
        return fmt.MAX_PHOTO_BYTES
    return fmt.MAX_TAG_FILE_BYTES


def _read_exact(f: IO[bytes], offset: int, n: int, what: str) -> bytes:
    f.seek(offset)
    data = f.read(n)
    if len(data) != n:
        raise _reject(f"the file is truncated ({what} is cut short)")
    return data


def _parse_zip(f: IO[bytes], file_size: int) -> tuple[str, list[_Entry]]:
    """The entries of a strictly-formed stored zip, in file order, and its top folder."""
    if file_size < _EOCD.size:
        raise _reject("not a zip file (too short)")
    head = _read_exact(f, 0, 4, "the first header")
    if head != ZIP_LOCAL_MAGIC:
        if head == _EOCD_SIG:
            raise _reject("the zip file is empty")
        raise _reject("not a zip file")
    eocd = _read_exact(f, file_size - _EOCD.size, _EOCD.size, "the end record")
    sig, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment_len = _EOCD.unpack(eocd)
    if sig != _EOCD_SIG:
        # A zip comment or bytes after the archive (or a cut-off file): not ours.
        tail = _read_exact(f, max(0, file_size - 65_557), min(file_size, 65_557), "the end")
        if _EOCD_SIG in tail:
            raise _reject("the zip file has a comment or bytes after its end")
        raise _reject("the file is truncated or not a zip file (no end record)")
    if comment_len:
        raise _reject("the zip file has a comment or bytes after its end")
    if disk or cd_disk or n_disk != n_total:
        raise _reject("the zip file spans several disks")
    if n_total == 0xFFFF or cd_size == _ZIP64_MARK or cd_offset == _ZIP64_MARK:
        raise _reject("the zip file uses zip64, which this format does not")
    if n_total > fmt.MAX_ENTRIES:
        raise _reject(f"too many entries ({n_total}; at most {fmt.MAX_ENTRIES})")
    if cd_offset + cd_size != file_size - _EOCD.size:
        raise _reject("the zip's central directory is not where its end record says")
    if cd_size > n_total * (_CDH.size + 0xFFFF * 3):
        raise _reject("the zip's central directory is larger than its entries")
    cd = _read_exact(f, cd_offset, cd_size, "the central directory")

    entries: list[tuple[str, int, int, int, tuple[int, ...]]] = []
    seen: set[str] = set()
    folded: dict[str, str] = {}
    pos = 0
    for _ in range(n_total):
        if pos + _CDH.size > len(cd):
            raise _reject("the zip's central directory is cut short")
        (
            sig,
            made,
            need,
            flags,
            method,
            t,
            d,
            crc,
            csize,
            usize,
            name_len,
            extra_len,
            comment_len,
            disk_start,
            iattr,
            eattr,
            offset,
        ) = _CDH.unpack_from(cd, pos)
        if sig != _CDH_SIG:
            raise _reject("the zip's central directory is malformed")
        pos += _CDH.size
        raw = cd[pos : pos + name_len]
        pos += name_len + extra_len + comment_len
        if pos > len(cd) or len(raw) != name_len:
            raise _reject("the zip's central directory is cut short")
        try:
            name = raw.decode("ascii")
        except UnicodeDecodeError:
            raise _reject(
                f"entry name {raw.decode('utf-8', 'replace')!r} is not plain ASCII"
            ) from None
        _check_name(name)
        if flags & (_FLAG_ENCRYPTED | _FLAG_STRONG):
            raise _reject(f"entry {name!r} is encrypted inside the zip")
        if method != 0:
            raise _reject(f"entry {name!r} is compressed (method {method}); entries must be stored")
        mode = eattr >> 16
        if stat.S_ISLNK(mode):
            raise _reject(f"entry {name!r} is a symbolic link")
        if stat.S_ISDIR(mode) or eattr & _DOS_DIRECTORY or name.endswith("/"):
            raise _reject(f"entry {name!r} is a folder entry; bundles hold files only")
        if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
            raise _reject(f"entry {name!r} is not a regular file")
        if csize == _ZIP64_MARK or usize == _ZIP64_MARK or offset == _ZIP64_MARK:
            raise _reject(f"entry {name!r} uses zip64, which this format does not")
        if csize != usize:
            raise _reject(f"entry {name!r} claims {usize} bytes but stores {csize} (size mismatch)")
        if disk_start:
            raise _reject(f"entry {name!r} starts on another disk")
        if name in seen:
            raise _reject(f"entry {name!r} appears twice")
        if name.lower() in folded:
            raise _reject(f"entries {folded[name.lower()]!r} and {name!r} differ only in case")
        seen.add(name)
        folded[name.lower()] = name
        header = (made, need, flags, t, d, extra_len, comment_len, iattr, eattr)
        entries.append((name, offset, usize, crc, header))
    if pos != len(cd):
        raise _reject("the zip's central directory has bytes after its last entry")
    if not entries:
        raise _reject("the zip file is empty")

    tops = {e[0].split("/", 1)[0] for e in entries}
    if len(tops) != 1:
        raise _reject(f"the bundle has {len(tops)} top-level names; it must have one folder")
    top = tops.pop()
    if not fmt.UUID_RE.match(top):
        raise _reject(f"the top folder {top!r} is not named by a bundle id (a lower-case UUID)")
    if any("/" not in e[0] for e in entries):
        raise _reject(f"{top!r} is a file at the top; the bundle must be one folder")

    # Local headers: entries laid end to end from byte 0 up to the central directory.
    result: list[_Entry] = []
    total = 0
    expected = 0
    for name, offset, size, crc, central in sorted(entries, key=lambda e: e[1]):
        rel = name[len(top) + 1 :]
        if offset != expected:
            if offset < expected:
                raise _reject(f"entry {name!r} overlaps the entry before it")
            raise _reject(f"there are unexplained bytes before entry {name!r}")
        if offset + _LFH.size > cd_offset:
            raise _reject(f"entry {name!r} lies beyond the zip's data (truncated or malformed)")
        lfh = _read_exact(f, offset, _LFH.size, f"the header of {name!r}")
        (sig, need, flags, method, t, d, lcrc, csize, usize, name_len, extra_len) = _LFH.unpack(lfh)
        if sig != _LFH_SIG:
            raise _reject(f"the local header of {name!r} is missing or malformed")
        local_name = _read_exact(f, offset + _LFH.size, name_len, f"the name of {name!r}")
        if local_name != name.encode("ascii"):
            raise _reject(f"the local header of {name!r} names another file")
        if flags & (_FLAG_ENCRYPTED | _FLAG_STRONG):
            raise _reject(f"entry {name!r} is encrypted inside the zip")
        if method != 0:
            raise _reject(f"entry {name!r} is compressed in its local header")
        if flags & 0x08:
            raise _reject(f"entry {name!r} uses a data descriptor; sizes must be in its header")
        if csize != size or usize != size:
            raise _reject(
                f"the local header of {name!r} disagrees with the central directory on its size"
            )
        if lcrc != crc:
            raise _reject(
                f"the local header of {name!r} disagrees with the central directory on its CRC"
            )
        if size > _size_limit(rel):
            raise _reject(f"entry {name!r} is too large ({size} bytes)")
        data_offset = offset + _LFH.size + name_len + extra_len
        end = data_offset + size
        if end > cd_offset:
            raise _reject(f"entry {name!r} extends past the end of the zip data (truncated?)")
        total += size
        if total > fmt.MAX_TOTAL_BYTES:
            raise _reject("the bundle's entries add up to more than this format allows")
        local = (need, flags, t, d, extra_len)
        result.append(_Entry(name, rel, offset, data_offset, size, crc, central, local))
        expected = end
    if expected != cd_offset:
        raise _reject("there are unexplained bytes between the last entry and the directory")
    return top, result


def _check_headers(entries: list[_Entry], created: datetime) -> None:
    """Every header exactly as the writer makes it for this signed creation time, so no
    byte of the file can change without the bundle being refused."""
    t, d = fmt.dos_time(created)
    for e in entries:
        z = fmt.zip_info(e.name, e.size, created)
        central = (
            z.create_system << 8 | z.create_version,
            z.extract_version,
            z.flag_bits,
            t,
            d,
            0,
            0,
            z.internal_attr,
            z.external_attr,
        )
        local = (z.extract_version, z.flag_bits, t, d, 0)
        if e.central != central or e.local != local:
            raise _reject(
                f"the zip headers of {e.name!r} are not as this format writes them "
                "(altered after signing?)"
            )


# --- reading entries ------------------------------------------------------------------------


def _read_small(f: IO[bytes], e: _Entry) -> bytes:
    return _read_exact(f, e.data_offset, e.size, repr(e.name))


def _hash_entry(f: IO[bytes], e: _Entry, buf: bytearray) -> tuple[str, int]:
    """SHA-256 and CRC-32 of an entry's bytes, in one pass."""
    digest = hashlib.sha256()
    crc = 0
    view = memoryview(buf)
    f.seek(e.data_offset)
    left = e.size
    while left:
        n = f.readinto(view[: min(left, len(buf))])  # type: ignore[attr-defined]
        if not n:
            raise _reject(f"the file is truncated ({e.name!r} is cut short)")
        digest.update(view[:n])
        crc = zlib.crc32(view[:n], crc)
        left -= n
    return digest.hexdigest(), crc


def _hash_payload(zip_path: Path, payload: dict[str, _Entry], manifest: dict[str, str]) -> None:
    """Hash every payload entry against the manifest, two at a time when the payload is
    large (each thread has its own file handle and 1 MiB buffer; hashlib releases the
    GIL)."""
    ordered = sorted(payload.items(), key=lambda kv: kv[1].data_offset)
    local = threading.local()

    def one(item: tuple[str, _Entry]) -> tuple[str, bool, bool]:
        rel, e = item
        if not hasattr(local, "f"):
            local.f = open(zip_path, "rb", buffering=0)  # noqa: SIM115 - closed below
            local.buf = bytearray(CHUNK)
            handles.append(local.f)
        digest, crc = _hash_entry(local.f, e, local.buf)
        return rel, digest == manifest[rel], crc == e.crc

    handles: list[IO[bytes]] = []
    small = sum(e.size for e in payload.values()) < SMALL_PAYLOAD
    try:
        # A small payload is hashed sooner than two threads are started.
        with contextlib.ExitStack() as stack:
            if small:
                results: Iterator[tuple[str, bool, bool]] = map(one, ordered)
            else:
                pool = stack.enter_context(
                    ThreadPoolExecutor(max_workers=HASH_WORKERS, thread_name_prefix="verify")
                )
                results = pool.map(one, ordered)
            for rel, ok, crc_ok in results:
                if not ok:
                    raise _reject(f"{rel!r} does not match its SHA-256 in {fmt.MANIFEST}")
                if not crc_ok:
                    raise _reject(f"{rel!r} does not match the CRC-32 in its zip header")
    finally:
        for h in handles:
            h.close()


class _MemberView(io.RawIOBase):
    """A read-only, seekable window onto one entry's bytes (for Pillow's header check)."""

    def __init__(self, f: IO[bytes], start: int, size: int) -> None:
        self._f, self._start, self._size, self._pos = f, start, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, b: Any) -> int:
        n = max(0, min(len(b), self._size - self._pos))
        if not n:
            return 0
        self._f.seek(self._start + self._pos)
        data = self._f.read(n)
        b[: len(data)] = data
        self._pos += len(data)
        return len(data)


def read_member(vb: VerifiedBundle, entry: str, *, chunk: int = CHUNK) -> Iterator[bytes]:
    """Stream one entry's bytes out of a verified bundle's zip (e.g. a PhotoMember.entry)."""
    with open(vb.zip_path, "rb") as f:
        _top, entries = _parse_zip(f, os.fstat(f.fileno()).st_size)
        found = next((e for e in entries if e.name == entry), None)
        if found is None:
            raise InputError(f"the bundle has no entry {entry!r}")
        f.seek(found.data_offset)
        left = found.size
        while left:
            data = f.read(min(chunk, left))
            if not data:
                raise InputError(f"the bundle file was cut short while reading {entry!r}")
            left -= len(data)
            yield data


def member_spans(vb: VerifiedBundle) -> dict[str, tuple[int, int]]:
    """Where each entry's bytes lie in a verified bundle's zip: full name → (offset, size).
    The zip is parsed again, strictly, so a file changed since verification is refused."""
    with open(vb.zip_path, "rb") as f:
        _top, entries = _parse_zip(f, os.fstat(f.fileno()).st_size)
    return {e.name: (e.data_offset, e.size) for e in entries}


# --- tag files --------------------------------------------------------------------------------


def _text(data: bytes, what: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _reject(f"{what} is not UTF-8 text") from None
    if "\r" in text:
        raise _reject(f"{what} has carriage returns; lines must end with a line feed")
    if text and not text.endswith("\n"):
        raise _reject(f"{what} does not end with a line feed")
    return text


def _parse_manifest(data: bytes, what: str) -> dict[str, str]:
    """`<64 hex>  <path>` per line, strictly; path → digest."""
    out: dict[str, str] = {}
    for n, line in enumerate(_text(data, what).splitlines(), 1):
        digest, sep, path = line.partition("  ")
        if not sep or not fmt.SHA256_RE.match(digest) or not path:
            raise _reject(f"{what} line {n} is malformed (expected '<sha256>  <path>')")
        if path in out:
            raise _reject(f"{what} lists {path!r} twice")
        if not fmt.SAFE_NAME_RE.match(path) or ".." in path.split("/") or path.startswith("/"):
            raise _reject(f"{what} line {n} names an unsafe path {path!r}")
        out[path] = digest
    return out


_BAG_INFO_FIELDS = (
    "Bag-Software-Agent",
    "Bagging-Date",
    "Bundle-Format",
    "Export-Sequence",
    "External-Identifier",
    "Inspector-Key-Id",
    "Payload-Oxum",
)


def _parse_bag_info(data: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for n, line in enumerate(_text(data, "bag-info.txt").splitlines(), 1):
        label, sep, value = line.partition(": ")
        if not sep or not label or label != label.strip() or line[:1].isspace():
            raise _reject(f"bag-info.txt line {n} is malformed (expected 'Label: value')")
        if label in fields:
            raise _reject(f"bag-info.txt repeats {label}")
        fields[label] = value
    bundle_format = fields.get("Bundle-Format")
    if bundle_format is None:
        raise _reject("bag-info.txt has no Bundle-Format; this is not an inspector bundle")
    if bundle_format not in fmt.READABLE_FORMATS:
        if fmt.FORMAT_RE.match(bundle_format):
            raise _reject(
                f"the bundle is format {bundle_format}, made by a newer version; this program "
                f"reads {', '.join(fmt.READABLE_FORMATS)}"
            )
        raise _reject(f"bag-info.txt names an unknown Bundle-Format {bundle_format!r}")
    for label in _BAG_INFO_FIELDS:
        if label not in fields:
            raise _reject(f"bag-info.txt has no {label}")
    extra = sorted(set(fields) - set(_BAG_INFO_FIELDS))
    if extra:
        raise _reject(f"bag-info.txt has unexpected fields: {', '.join(extra)}")
    if not fmt.UUID_RE.match(fields["External-Identifier"]):
        raise _reject("bag-info.txt's External-Identifier is not a bundle id")
    if not fmt.KEY_ID_RE.match(fields["Inspector-Key-Id"]):
        raise _reject("bag-info.txt's Inspector-Key-Id is not a key id")
    if not fields["Export-Sequence"].isdigit() or len(fields["Export-Sequence"]) > 10:
        raise _reject("bag-info.txt's Export-Sequence is not a number")
    oxum = fields["Payload-Oxum"].split(".")
    if len(oxum) != 2 or not all(p.isdigit() and len(p) <= 15 for p in oxum):
        raise _reject("bag-info.txt's Payload-Oxum is malformed")
    return fields


# --- the whole check ------------------------------------------------------------------------


def _verify_zip(
    source: Path, zip_path: Path, encrypted: bool, trusted: TrustedLookup
) -> VerifiedBundle:
    with open(zip_path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > fmt.MAX_TOTAL_BYTES + 64 * 1024 * 1024:
            raise _reject("the file is larger than any bundle may be")
        return _verify_open(f, size, source, zip_path, encrypted, trusted)


def _verify_open(
    f: IO[bytes],
    size: int,
    source: Path,
    zip_path: Path,
    encrypted: bool,
    trusted: TrustedLookup,
) -> VerifiedBundle:
    """Every check, in an order that refuses cheaply first (structure, signature)."""
    top, entries = _parse_zip(f, size)
    by_rel = {e.rel: e for e in entries}

    # Which files may be there at all.
    if "fetch.txt" in by_rel:
        raise _reject("the bundle has a fetch.txt (files fetched from elsewhere are refused)")
    for rel in by_rel:
        if rel.startswith("data/") or rel in (*fmt.TAG_FILES, fmt.TAG_MANIFEST, fmt.SIGNATURE):
            continue
        raise _reject(f"unlisted file {rel!r} at the top of the bundle")
    for rel in fmt.TAG_FILES:
        if rel not in by_rel:
            raise _reject(f"the bundle has no {rel}")
    if fmt.TAG_MANIFEST not in by_rel:
        raise _reject(f"the bundle has no {fmt.TAG_MANIFEST}")
    if fmt.SIGNATURE not in by_rel:
        raise _reject(f"the bundle is not signed (no {fmt.SIGNATURE})")

    bagit = _read_small(f, by_rel[fmt.BAGIT_TXT])
    if bagit != fmt.BAGIT_CONTENT.encode():
        raise _reject("bagit.txt is not BagIt 1.0 as this format writes it")
    bag_info_raw = _read_small(f, by_rel[fmt.BAG_INFO_TXT])
    info = _parse_bag_info(bag_info_raw)

    # The signature, before anything large is read.
    tag_raw = _read_small(f, by_rel[fmt.TAG_MANIFEST])
    sig_raw = _read_small(f, by_rel[fmt.SIGNATURE])
    try:
        sig = parse_signature(sig_raw)
    except InputError as exc:
        raise _reject(f"the signature is malformed: {exc.message}") from None
    signer = trusted(sig.key_id)
    if signer is None:
        raise _reject(f"signed by key {sig.key_id}, which is not enrolled")
    if signer.revoked:
        raise _reject(f"signed by a revoked key {sig.key_id} ({signer.name}, {signer.code})")
    prehash = blake2b_512()
    prehash.update(tag_raw)
    try:
        verify(sig, PublicKey(signer.key_id, signer.public_key), prehash.digest())
    except InputError as exc:
        if "altered" in exc.message:
            raise _reject("the signature's trusted comment was altered after signing") from None
        raise _reject(
            f"the signature does not match {fmt.TAG_MANIFEST} (the bundle was changed after "
            "signing)"
        ) from None
    # The tag manifest: exactly the three tag files, each matching.
    tags = _parse_manifest(tag_raw, fmt.TAG_MANIFEST)
    if set(tags) != set(fmt.TAG_FILES):
        raise _reject(f"{fmt.TAG_MANIFEST} must list exactly {', '.join(fmt.TAG_FILES)}")
    manifest_raw = _read_small(f, by_rel[fmt.MANIFEST])
    for rel, data in (
        (fmt.BAGIT_TXT, bagit),
        (fmt.BAG_INFO_TXT, bag_info_raw),
        (fmt.MANIFEST, manifest_raw),
    ):
        if hashlib.sha256(data).hexdigest() != tags[rel]:
            raise _reject(f"{rel} does not match its hash in {fmt.TAG_MANIFEST}")

    m = fmt.TRUSTED_COMMENT_RE.match(sig.trusted_comment)
    if not m:
        raise _reject("the signature's trusted comment is not an inspector bundle's")
    tc_format, tc_id, tc_key, tc_seq, tc_created = m.groups()
    if tc_format not in fmt.READABLE_FORMATS:
        raise _reject(f"the signature names format {tc_format}, made by a newer version")
    if tc_id != info["External-Identifier"]:
        raise _reject("the signed bundle id differs from bag-info.txt's External-Identifier")
    if tc_id != top:
        raise _reject("the signed bundle id differs from the bundle's top folder")
    if tc_key != info["Inspector-Key-Id"] or tc_key != sig.key_id:
        raise _reject("the signed key id differs from bag-info.txt's Inspector-Key-Id")
    if int(tc_seq) != int(info["Export-Sequence"]):
        raise _reject("the signed export sequence differs from bag-info.txt's Export-Sequence")
    if tc_created[:10] != info["Bagging-Date"]:
        raise _reject("the signed creation date differs from bag-info.txt's Bagging-Date")
    try:
        created = datetime.strptime(tc_created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise _reject("the signature's creation time is not a valid time") from None

    # The payload: every file listed, nothing unlisted, each matching its hash.
    manifest = _parse_manifest(manifest_raw, fmt.MANIFEST)
    payload = {rel: e for rel, e in by_rel.items() if rel.startswith("data/")}
    for rel in manifest:
        if rel not in payload:
            raise _reject(f"{fmt.MANIFEST} lists {rel!r}, which is not in the bundle")
    for rel in sorted(payload):
        if rel not in manifest:
            raise _reject(f"{rel!r} is in the bundle but not listed in {fmt.MANIFEST}")
    if fmt.BUNDLE_JSON not in payload:
        raise _reject(f"the bundle has no {fmt.BUNDLE_JSON}")
    for rel in payload:
        if rel != fmt.BUNDLE_JSON and not fmt.PHOTO_NAME_RE.match(rel):
            raise _reject(f"unexpected payload file {rel!r} (only bundle.json and photos)")
    oxum_bytes, oxum_files = (int(p) for p in info["Payload-Oxum"].split("."))
    if oxum_files != len(payload) or oxum_bytes != sum(e.size for e in payload.values()):
        raise _reject("bag-info.txt's Payload-Oxum does not match the payload")
    _hash_payload(zip_path, payload, manifest)

    try:
        doc = parse_bundle_json(_read_small(f, payload[fmt.BUNDLE_JSON]))
    except BundleRejected:
        raise
    except InputError as exc:
        raise _reject(exc.message) from None
    photos = _check_document(f, doc, payload, manifest)
    # Last: the content is sound; now its headers must be byte for byte the writer's.
    _check_headers(entries, created)

    return VerifiedBundle(
        source=source,
        zip_path=zip_path,
        encrypted=encrypted,
        bundle_id=top,
        key_id=sig.key_id,
        signer=signer,
        sequence=int(tc_seq),
        created=tc_created,
        content_sha256=fmt.signed_content_digest(tag_raw, sig_raw),
        size_bytes=size,
        doc=doc,
        photos=photos,
    )


def _check_document(
    f: IO[bytes], doc: BundleDoc, payload: dict[str, _Entry], manifest: dict[str, str]
) -> tuple[PhotoMember, ...]:
    """Cross-checks: photos, points, catalogue items and scores all hold together."""
    from inspector_app.core.errors import PhotoError
    from inspector_app.core.photos import _open_image  # the ingest's own header check

    photo_files = {rel for rel in payload if rel != fmt.BUNDLE_JSON}
    members: list[PhotoMember] = []
    listed: set[str] = set()
    for p in doc.photos:
        if p.sha256 in listed:
            raise _reject(f"bundle.json lists photo {p.sha256} twice")
        listed.add(p.sha256)
        rel = fmt.photo_entry(p.sha256, p.format)
        if p.file != rel:
            raise _reject(f"bundle.json names photo {p.sha256}'s file {p.file!r}, not {rel!r}")
        e = payload.get(rel)
        if e is None:
            raise _reject(f"photo {p.sha256} ({p.format}) is referenced but not in the bundle")
        if manifest[rel] != p.sha256:
            raise _reject(f"photo file {rel!r} is not named by its hash")
        if e.size != p.size_bytes:
            raise _reject(f"photo {p.sha256} is {e.size} bytes, bundle.json says {p.size_bytes}")
        view: IO[bytes]
        if e.size <= SMALL_PHOTO:  # one read instead of a seek and a read per buffer
            view = io.BytesIO(_read_small(f, e))
        else:
            view = io.BufferedReader(_MemberView(f, e.data_offset, e.size), HEADER_BUFFER)
        try:
            im, found = _open_image(view, rel, p.format)
        except PhotoError as exc:
            raise _reject(f"photo {rel!r} is refused: {exc.reason}") from None
        with im:
            dims = im.size
        if found != p.format:
            raise _reject(f"photo {rel!r} is {found}, not {p.format} as its name says")
        if dims != (p.width, p.height):
            raise _reject(
                f"photo {rel!r} is {dims[0]} x {dims[1]}, bundle.json says {p.width} x {p.height}"
            )
        members.append(PhotoMember(p.sha256, p.format, e.name, e.size))
    for rel in sorted(photo_files):
        m = fmt.PHOTO_NAME_RE.match(rel)
        assert m is not None
        if m.group(1) not in listed:
            raise _reject(f"photo file {rel!r} is not referenced by bundle.json")
        if manifest[rel] != m.group(1):
            raise _reject(f"photo file {rel!r} is not named by its hash")

    points: dict[str, str] = {}
    for pt in doc.points:
        if pt.code in points:
            raise _reject(f"bundle.json lists point {pt.code} twice")
        points[pt.code] = pt.type
    catalogues = {}
    for cat in doc.catalogues:
        key = (cat.code, cat.version)
        if key in catalogues:
            raise _reject(f"bundle.json carries catalogue {cat.code}:{cat.version} twice")
        catalogues[key] = cat
    inspection_ids: set[str] = set()
    finding_ids: set[str] = set()
    for insp in doc.inspections:
        if insp.id in inspection_ids:
            raise _reject(f"bundle.json lists inspection {insp.id} twice")
        inspection_ids.add(insp.id)
        if insp.point not in points:
            raise _reject(f"inspection {insp.id} is at point {insp.point}, not in bundle.json")
        found_cat = catalogues.get((insp.catalogue.code, insp.catalogue.version))
        if found_cat is None:
            raise _reject(
                f"inspection {insp.id} uses catalogue {insp.catalogue.code}:"
                f"{insp.catalogue.version}, which the bundle does not carry"
            )
        ptype = next((t for t in found_cat.point_types if t.code == insp.point_type), None)
        if ptype is None:
            raise _reject(
                f"inspection {insp.id}: point type {insp.point_type} is not in its catalogue"
            )
        items = {i.code: i for i in ptype.items}
        used: set[str] = set()
        scored = []
        for fd in insp.findings:
            item = items.get(fd.item)
            if item is None:
                raise _reject(
                    f"inspection {insp.id}: item {fd.item} is not in point type "
                    f"{insp.point_type} of its catalogue"
                )
            if fd.item in used:
                raise _reject(f"inspection {insp.id} answers item {fd.item} twice")
            if fd.id in finding_ids:
                raise _reject(f"bundle.json lists finding {fd.id} twice")
            used.add(fd.item)
            finding_ids.add(fd.id)
            scored.append(
                scoring.ScoredFinding(item.mode, item.cap, item.each, fd.result, fd.count)
            )
        sc = scoring.score(scored)
        if not (
            math.isclose(sc.deductions, insp.score.deductions, abs_tol=1e-6)
            and math.isclose(sc.caps, insp.score.caps, abs_tol=1e-6)
        ):
            raise _reject(
                f"inspection {insp.id}: the stated score does not match its findings "
                f"(stated {insp.score.deductions:g}/{insp.score.caps:g}, "
                f"recomputed {sc.deductions:g}/{sc.caps:g})"
            )
        own = {fd.id for fd in insp.findings}
        for att in insp.attachments:
            if att.sha256 not in listed:
                raise _reject(
                    f"inspection {insp.id} refers to photo {att.sha256}, which is not in the bundle"
                )
            if att.finding is not None and att.finding not in own:
                raise _reject(
                    f"inspection {insp.id} attaches a photo to finding {att.finding}, "
                    "which it does not have"
                )
    return tuple(members)


@contextlib.contextmanager
def open_verified(
    path: Path, *, trusted: TrustedLookup, identity: Any = None, tmp_dir: Path
) -> Iterator[VerifiedBundle]:
    """Verify a bundle file strictly; yield it while the plaintext zip is open for reading.

    `trusted(key_id)` gives the key to check the signature with (None: not enrolled).
    `identity` is the command centre's age identity (a pyrage identity or its text),
    needed for encrypted bundles; their plaintext lives in a temporary file in `tmp_dir`,
    removed on any failure and when the block ends. Raises BundleRejected with the reason.
    """
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file")
    plain: Path | None = None
    try:
        encrypted = _is_age(path)
        if encrypted:
            if identity is None:
                raise _reject("encrypted; needs the command centre's identity")
            plain = _decrypt(path, identity, Path(tmp_dir))
        vb = _verify_zip(path, plain or path, encrypted, trusted)
        yield vb
    finally:
        if plain is not None:
            with contextlib.suppress(OSError):
                plain.unlink()


__all__ = [
    "BundleRejected",
    "TrustedKey",
    "VerifiedBundle",
    "member_spans",
    "open_verified",
    "read_member",
]
