"""Signed BagIt zips, read strictly and written exactly: what bundles and packages share.

A signed bag is a stored zip holding one top folder named by a lower-case UUID, with
`bagit.txt`, `bag-info.txt`, `manifest-sha256.txt`, `tagmanifest-sha256.txt` and the
minisign signature of the tag manifest (`tagmanifest-sha256.txt.minisig`) beside `data/`.
`verify_signed_bag` parses the zip's central directory and every local header itself and
refuses anything that is not exactly what `write_tag_files` and `bundle.format.zip_info`
make: safe ASCII names, stored regular-file entries laid end to end, every file listed in
the manifests and matching its SHA-256, a signature by a trusted key. What the bag's
document says is its format's own business (`bundle.reader`, `package.reader`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import stat
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.core.bundle import format as fmt
from inspector_app.core.errors import InputError
from inspector_app.core.minisign import (
    PublicKey,
    Signature,
    blake2b_512,
    parse_signature,
    sign_prehashed,
    verify,
)

ZIP_LOCAL_MAGIC = b"PK\x03\x04"
CHUNK = 1024 * 1024
#: threads hashing entries
HASH_WORKERS = 2
#: payloads below this are hashed on the calling thread
SMALL_PAYLOAD = 16 * 1024 * 1024

_EOCD = struct.Struct("<4sHHHHIIH")  # end of central directory, 22 bytes
_CDH = struct.Struct("<4sHHHHHHIIIHHHHHII")  # central directory header, 46 bytes
_LFH = struct.Struct("<4sHHHHHIIIHH")  # local file header, 30 bytes
_EOCD_SIG, _CDH_SIG, _LFH_SIG = b"PK\x05\x06", b"PK\x01\x02", b"PK\x03\x04"
_FLAG_ENCRYPTED, _FLAG_STRONG = 0x0001, 0x0040
_DOS_DIRECTORY = 0x10
_ZIP64_MARK = 0xFFFFFFFF


class Rejected(InputError):
    """A signed bag refused; `reason` says why in words its user understands."""

    kind = "rejected"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class TrustedKey:
    """A public key the verifier may accept signatures from (an enrolled inspector, the
    laptop's own key when an export checks what it wrote, the pinned command-centre key)."""

    key_id: str
    public_key: bytes
    name: str
    code: str
    revoked: bool = False


TrustedLookup = Callable[[str], TrustedKey | None]


@dataclass(frozen=True)
class Entry:
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


def _reject(reason: str) -> Rejected:
    return Rejected(reason)


# --- the zip's structure ----------------------------------------------------------------------


def check_name(name: str, noun: str = "bundle") -> None:
    if not name:
        raise _reject("an entry has an empty name")
    if "\\" in name:
        raise _reject(f"entry name {name!r} uses a backslash")
    if name.startswith("/"):
        raise _reject(f"entry name {name!r} is an absolute path")
    if len(name) >= 2 and name[1] == ":" and name[0].isalpha():
        raise _reject(f"entry name {name!r} names a drive")
    if ".." in name.split("/"):
        raise _reject(f"entry name {name!r} climbs out of the {noun} (..)")
    if name.endswith("/"):
        raise _reject(f"entry {name!r} is a folder entry; {noun}s hold files only")
    if "" in name.split("/"):
        raise _reject(f"entry name {name!r} has an empty path segment")
    if "." in name.split("/"):
        raise _reject(f"entry name {name!r} has a '.' path segment")
    if not fmt.SAFE_NAME_RE.match(name):
        raise _reject(f"entry name {name!r} uses characters outside the safe ASCII set")


def read_exact(f: IO[bytes], offset: int, n: int, what: str) -> bytes:
    f.seek(offset)
    data = f.read(n)
    if len(data) != n:
        raise _reject(f"the file is truncated ({what} is cut short)")
    return data


def parse_zip(
    f: IO[bytes],
    file_size: int,
    *,
    size_limit: Callable[[str], int],
    max_total: int,
    noun: str = "bundle",
) -> tuple[str, list[Entry]]:
    """The entries of a strictly-formed stored zip, in file order, and its top folder.
    `size_limit(rel)` bounds each entry by its name inside the top folder."""
    if file_size < _EOCD.size:
        raise _reject("not a zip file (too short)")
    head = read_exact(f, 0, 4, "the first header")
    if head != ZIP_LOCAL_MAGIC:
        if head == _EOCD_SIG:
            raise _reject("the zip file is empty")
        raise _reject("not a zip file")
    eocd = read_exact(f, file_size - _EOCD.size, _EOCD.size, "the end record")
    sig, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment_len = _EOCD.unpack(eocd)
    if sig != _EOCD_SIG:
        # A zip comment or bytes after the archive (or a cut-off file): not ours.
        tail = read_exact(f, max(0, file_size - 65_557), min(file_size, 65_557), "the end")
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
    cd = read_exact(f, cd_offset, cd_size, "the central directory")

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
        check_name(name, noun)
        if flags & (_FLAG_ENCRYPTED | _FLAG_STRONG):
            raise _reject(f"entry {name!r} is encrypted inside the zip")
        if method != 0:
            raise _reject(f"entry {name!r} is compressed (method {method}); entries must be stored")
        mode = eattr >> 16
        if stat.S_ISLNK(mode):
            raise _reject(f"entry {name!r} is a symbolic link")
        if stat.S_ISDIR(mode) or eattr & _DOS_DIRECTORY or name.endswith("/"):
            raise _reject(f"entry {name!r} is a folder entry; {noun}s hold files only")
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
        raise _reject(f"the {noun} has {len(tops)} top-level names; it must have one folder")
    top = tops.pop()
    if not fmt.UUID_RE.match(top):
        raise _reject(f"the top folder {top!r} is not named by a {noun} id (a lower-case UUID)")
    if any("/" not in e[0] for e in entries):
        raise _reject(f"{top!r} is a file at the top; the {noun} must be one folder")

    # Local headers: entries laid end to end from byte 0 up to the central directory.
    result: list[Entry] = []
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
        lfh = read_exact(f, offset, _LFH.size, f"the header of {name!r}")
        (sig, need, flags, method, t, d, lcrc, csize, usize, name_len, extra_len) = _LFH.unpack(lfh)
        if sig != _LFH_SIG:
            raise _reject(f"the local header of {name!r} is missing or malformed")
        local_name = read_exact(f, offset + _LFH.size, name_len, f"the name of {name!r}")
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
        if size > size_limit(rel):
            raise _reject(f"entry {name!r} is too large ({size} bytes)")
        data_offset = offset + _LFH.size + name_len + extra_len
        end = data_offset + size
        if end > cd_offset:
            raise _reject(f"entry {name!r} extends past the end of the zip data (truncated?)")
        total += size
        if total > max_total:
            raise _reject(f"the {noun}'s entries add up to more than this format allows")
        local = (need, flags, t, d, extra_len)
        result.append(Entry(name, rel, offset, data_offset, size, crc, central, local))
        expected = end
    if expected != cd_offset:
        raise _reject("there are unexplained bytes between the last entry and the directory")
    return top, result


def check_headers(entries: list[Entry], created: datetime) -> None:
    """Every header exactly as the writer makes it for this signed creation time, so no
    byte of the file can change without the bag being refused."""
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


def read_small(f: IO[bytes], e: Entry) -> bytes:
    return read_exact(f, e.data_offset, e.size, repr(e.name))


def _hash_entry(f: IO[bytes], e: Entry, buf: bytearray) -> tuple[str, int]:
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


def hash_payload(
    opener: Callable[[], IO[bytes]], payload: dict[str, Entry], manifest: dict[str, str]
) -> None:
    """Hash every payload entry against the manifest, two at a time when the payload is
    large (each thread has its own handle from `opener` and a 1 MiB buffer; hashlib
    releases the GIL)."""
    ordered = sorted(payload.items(), key=lambda kv: kv[1].data_offset)
    local = threading.local()

    def one(item: tuple[str, Entry]) -> tuple[str, bool, bool]:
        rel, e = item
        if not hasattr(local, "f"):
            local.f = opener()
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


class MemberView(io.RawIOBase):
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


# --- tag files --------------------------------------------------------------------------------


def text(data: bytes, what: str) -> str:
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _reject(f"{what} is not UTF-8 text") from None
    if "\r" in decoded:
        raise _reject(f"{what} has carriage returns; lines must end with a line feed")
    if decoded and not decoded.endswith("\n"):
        raise _reject(f"{what} does not end with a line feed")
    return decoded


def parse_manifest(data: bytes, what: str) -> dict[str, str]:
    """`<64 hex>  <path>` per line, strictly; path → digest."""
    out: dict[str, str] = {}
    for n, line in enumerate(text(data, what).splitlines(), 1):
        digest, sep, path = line.partition("  ")
        if not sep or not fmt.SHA256_RE.match(digest) or not path:
            raise _reject(f"{what} line {n} is malformed (expected '<sha256>  <path>')")
        if path in out:
            raise _reject(f"{what} lists {path!r} twice")
        if not fmt.SAFE_NAME_RE.match(path) or ".." in path.split("/") or path.startswith("/"):
            raise _reject(f"{what} line {n} names an unsafe path {path!r}")
        out[path] = digest
    return out


@dataclass(frozen=True)
class BagSpec:
    """What one kind of signed bag (bundle, package) requires beyond the common rules."""

    noun: str  # "bundle" | "package": how refusals name the file
    format_field: str  # the bag-info.txt field naming the format
    readable_formats: tuple[str, ...]
    format_re: re.Pattern[str]
    info_fields: tuple[str, ...]  # every bag-info.txt field, no more, no fewer
    check_info: Callable[[dict[str, str]], None]  # the fields' own values
    document: str  # the payload's JSON document, e.g. data/bundle.json
    payload_name_ok: Callable[[str], bool]  # payload files other than the document
    payload_rule: str  # says which payload files are allowed, e.g. "only bundle.json"
    size_limit: Callable[[str], int]
    max_total: int


def parse_bag_info(data: bytes, spec: BagSpec) -> dict[str, str]:
    fields: dict[str, str] = {}
    for n, line in enumerate(text(data, "bag-info.txt").splitlines(), 1):
        label, sep, value = line.partition(": ")
        if not sep or not label or label != label.strip() or line[:1].isspace():
            raise _reject(f"bag-info.txt line {n} is malformed (expected 'Label: value')")
        if label in fields:
            raise _reject(f"bag-info.txt repeats {label}")
        fields[label] = value
    bag_format = fields.get(spec.format_field)
    if bag_format is None:
        raise _reject(
            f"bag-info.txt has no {spec.format_field}; this is not an inspector {spec.noun}"
        )
    if bag_format not in spec.readable_formats:
        if spec.format_re.match(bag_format):
            raise _reject(
                f"the {spec.noun} is format {bag_format}, made by a newer version; this "
                f"program reads {', '.join(spec.readable_formats)}"
            )
        raise _reject(f"bag-info.txt names an unknown {spec.format_field} {bag_format!r}")
    for label in spec.info_fields:
        if label not in fields:
            raise _reject(f"bag-info.txt has no {label}")
    extra = sorted(set(fields) - set(spec.info_fields))
    if extra:
        raise _reject(f"bag-info.txt has unexpected fields: {', '.join(extra)}")
    spec.check_info(fields)
    oxum = fields["Payload-Oxum"].split(".")
    if len(oxum) != 2 or not all(p.isdigit() and len(p) <= 15 for p in oxum):
        raise _reject("bag-info.txt's Payload-Oxum is malformed")
    return fields


# --- the whole check ------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedBag:
    """A bag whose structure, signature and every payload hash have been checked."""

    top: str
    entries: tuple[Entry, ...]
    payload: dict[str, Entry]
    manifest: dict[str, str]
    info: dict[str, str]
    signature: Signature
    signer: TrustedKey
    tag_raw: bytes
    sig_raw: bytes

    @property
    def content_sha256(self) -> str:
        return fmt.signed_content_digest(self.tag_raw, self.sig_raw)


def verify_signed_bag(
    f: IO[bytes],
    size: int,
    *,
    opener: Callable[[], IO[bytes]],
    spec: BagSpec,
    trusted: TrustedLookup,
    check_comment: Callable[[Signature, dict[str, str], str], None],
    defer: Callable[[str], bool] | None = None,
) -> SignedBag:
    """Every common check, in an order that refuses cheaply first (structure, signature):
    then `check_comment(signature, bag-info fields, top folder)` (the format's trusted
    comment), then the payload's listing and hashes. The caller checks its document and,
    last, `check_headers` with the signed creation time.

    `defer(rel)` true: that payload entry's bytes are not hashed here; its SHA-256 (the
    manifest's) and CRC-32 (its header's) are the caller's to check when it reads them."""
    noun = spec.noun
    top, entries = parse_zip(
        f, size, size_limit=spec.size_limit, max_total=spec.max_total, noun=noun
    )
    by_rel = {e.rel: e for e in entries}

    # Which files may be there at all.
    if "fetch.txt" in by_rel:
        raise _reject(f"the {noun} has a fetch.txt (files fetched from elsewhere are refused)")
    for rel in by_rel:
        if rel.startswith("data/") or rel in (*fmt.TAG_FILES, fmt.TAG_MANIFEST, fmt.SIGNATURE):
            continue
        raise _reject(f"unlisted file {rel!r} at the top of the {noun}")
    for rel in fmt.TAG_FILES:
        if rel not in by_rel:
            raise _reject(f"the {noun} has no {rel}")
    if fmt.TAG_MANIFEST not in by_rel:
        raise _reject(f"the {noun} has no {fmt.TAG_MANIFEST}")
    if fmt.SIGNATURE not in by_rel:
        raise _reject(f"the {noun} is not signed (no {fmt.SIGNATURE})")

    bagit = read_small(f, by_rel[fmt.BAGIT_TXT])
    if bagit != fmt.BAGIT_CONTENT.encode():
        raise _reject("bagit.txt is not BagIt 1.0 as this format writes it")
    bag_info_raw = read_small(f, by_rel[fmt.BAG_INFO_TXT])
    info = parse_bag_info(bag_info_raw, spec)

    # The signature, before anything large is read.
    tag_raw = read_small(f, by_rel[fmt.TAG_MANIFEST])
    sig_raw = read_small(f, by_rel[fmt.SIGNATURE])
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
            f"the signature does not match {fmt.TAG_MANIFEST} (the {noun} was changed after "
            "signing)"
        ) from None
    # The tag manifest: exactly the three tag files, each matching.
    tags = parse_manifest(tag_raw, fmt.TAG_MANIFEST)
    if set(tags) != set(fmt.TAG_FILES):
        raise _reject(f"{fmt.TAG_MANIFEST} must list exactly {', '.join(fmt.TAG_FILES)}")
    manifest_raw = read_small(f, by_rel[fmt.MANIFEST])
    for rel, data in (
        (fmt.BAGIT_TXT, bagit),
        (fmt.BAG_INFO_TXT, bag_info_raw),
        (fmt.MANIFEST, manifest_raw),
    ):
        if hashlib.sha256(data).hexdigest() != tags[rel]:
            raise _reject(f"{rel} does not match its hash in {fmt.TAG_MANIFEST}")

    check_comment(sig, info, top)

    # The payload: every file listed, nothing unlisted, each matching its hash.
    manifest = parse_manifest(manifest_raw, fmt.MANIFEST)
    payload = {rel: e for rel, e in by_rel.items() if rel.startswith("data/")}
    for rel in manifest:
        if rel not in payload:
            raise _reject(f"{fmt.MANIFEST} lists {rel!r}, which is not in the {noun}")
    for rel in sorted(payload):
        if rel not in manifest:
            raise _reject(f"{rel!r} is in the {noun} but not listed in {fmt.MANIFEST}")
    if spec.document not in payload:
        raise _reject(f"the {noun} has no {spec.document}")
    for rel in payload:
        if rel != spec.document and not spec.payload_name_ok(rel):
            raise _reject(f"unexpected payload file {rel!r} ({spec.payload_rule})")
    oxum_bytes, oxum_files = (int(p) for p in info["Payload-Oxum"].split("."))
    if oxum_files != len(payload) or oxum_bytes != sum(e.size for e in payload.values()):
        raise _reject("bag-info.txt's Payload-Oxum does not match the payload")
    hashed = payload if defer is None else {r: e for r, e in payload.items() if not defer(r)}
    hash_payload(opener, hashed, manifest)
    return SignedBag(
        top=top,
        entries=tuple(entries),
        payload=payload,
        manifest=manifest,
        info=info,
        signature=sig,
        signer=signer,
        tag_raw=tag_raw,
        sig_raw=sig_raw,
    )


# --- writing ----------------------------------------------------------------------------------


def write_entry(zf: zipfile.ZipFile, name: str, data: bytes, created: datetime) -> None:
    """One stored entry with the fixed header `verify_signed_bag` requires."""
    with zf.open(fmt.zip_info(name, len(data), created), "w") as out:
        out.write(data)


def write_tag_files(
    zf: zipfile.ZipFile,
    *,
    top: str,
    manifest: list[tuple[str, str]],
    bag_info: bytes,
    private: Ed25519PrivateKey,
    key_id: str,
    comment: str,
    created: datetime,
) -> None:
    """After the payload: the manifest, bagit.txt, bag-info.txt, the tag manifest and its
    minisign signature (prehashed Ed25519 with `comment` as the trusted comment)."""
    manifest_bytes = fmt.manifest_text(manifest).encode()
    bagit = fmt.BAGIT_CONTENT.encode()
    tag_bytes = fmt.manifest_text(
        [
            (fmt.BAGIT_TXT, hashlib.sha256(bagit).hexdigest()),
            (fmt.BAG_INFO_TXT, hashlib.sha256(bag_info).hexdigest()),
            (fmt.MANIFEST, hashlib.sha256(manifest_bytes).hexdigest()),
        ]
    ).encode()
    prehash = blake2b_512()
    prehash.update(tag_bytes)
    signature = sign_prehashed(private, key_id, prehash.digest(), comment).encode()
    for rel, data in (
        (fmt.MANIFEST, manifest_bytes),
        (fmt.BAGIT_TXT, bagit),
        (fmt.BAG_INFO_TXT, bag_info),
        (fmt.TAG_MANIFEST, tag_bytes),
        (fmt.SIGNATURE, signature),
    ):
        write_entry(zf, top + rel, data, created)
