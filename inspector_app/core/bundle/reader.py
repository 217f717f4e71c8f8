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
import io
import math
import os
import stat
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from inspector_app.core import agefile, scoring, signed_bag
from inspector_app.core.bundle import format as fmt
from inspector_app.core.bundle.schema import BundleDoc, parse_bundle_json
from inspector_app.core.bundle.verified import (
    BundleRejected,
    PhotoMember,
    TrustedKey,
    VerifiedBundle,
)
from inspector_app.core.errors import InputError
from inspector_app.core.jpeg_frame import frame_size
from inspector_app.core.minisign import Signature

AGE_MAGIC = b"age-encryption.org/v1"
CHUNK = signed_bag.CHUNK
#: the read buffer for an image's header check (one read covers most headers and EXIF)
HEADER_BUFFER = 64 * 1024
#: photos up to this size are read whole for their header check (a header, EXIF or a
#: comment can fill most of a small photo)
SMALL_PHOTO = 512 * 1024

TrustedLookup = signed_bag.TrustedLookup


def _reject(reason: str) -> BundleRejected:
    return BundleRejected(reason)


@contextlib.contextmanager
def _as_bundle_rejection() -> Iterator[None]:
    """The shared signed-bag checks refuse with `Rejected`; callers here expect
    `BundleRejected` (same reason)."""
    try:
        yield
    except signed_bag.Rejected as exc:
        if isinstance(exc, BundleRejected):
            raise
        raise BundleRejected(exc.reason) from None


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


# --- bundle-specific rules of the signed bag ------------------------------------------------

_BAG_INFO_FIELDS = (
    "Bag-Software-Agent",
    "Bagging-Date",
    "Bundle-Format",
    "Export-Sequence",
    "External-Identifier",
    "Inspector-Key-Id",
    "Payload-Oxum",
)


def _size_limit(rel: str) -> int:
    if rel == fmt.BUNDLE_JSON:
        return fmt.MAX_BUNDLE_JSON_BYTES
    if rel.startswith("data/"):
        return fmt.MAX_PHOTO_BYTES
    return fmt.MAX_TAG_FILE_BYTES


def _check_info(fields: dict[str, str]) -> None:
    if not fmt.UUID_RE.match(fields["External-Identifier"]):
        raise _reject("bag-info.txt's External-Identifier is not a bundle id")
    if not fmt.KEY_ID_RE.match(fields["Inspector-Key-Id"]):
        raise _reject("bag-info.txt's Inspector-Key-Id is not a key id")
    if not fields["Export-Sequence"].isdigit() or len(fields["Export-Sequence"]) > 10:
        raise _reject("bag-info.txt's Export-Sequence is not a number")


SPEC = signed_bag.BagSpec(
    noun="bundle",
    format_field="Bundle-Format",
    readable_formats=fmt.READABLE_FORMATS,
    format_re=fmt.FORMAT_RE,
    info_fields=_BAG_INFO_FIELDS,
    check_info=_check_info,
    document=fmt.BUNDLE_JSON,
    payload_name_ok=lambda rel: bool(fmt.PHOTO_NAME_RE.match(rel)),
    payload_rule="only bundle.json and photos",
    size_limit=_size_limit,
    max_total=fmt.MAX_TOTAL_BYTES,
)


def _check_comment(sig: Signature, info: dict[str, str], top: str) -> None:
    """The trusted comment agrees with bag-info.txt and the top folder."""
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
        datetime.strptime(tc_created, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise _reject("the signature's creation time is not a valid time") from None


# --- the whole check ------------------------------------------------------------------------


def _verify_zip(
    source: Path, zip_path: Path, encrypted: bool, trusted: TrustedLookup, defer_photos: bool
) -> VerifiedBundle:
    with open(zip_path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > fmt.MAX_TOTAL_BYTES + 64 * 1024 * 1024:
            raise _reject("the file is larger than any bundle may be")
        return _verify_open(f, size, source, zip_path, encrypted, trusted, defer_photos)


def _verify_open(
    f: IO[bytes],
    size: int,
    source: Path,
    zip_path: Path,
    encrypted: bool,
    trusted: TrustedLookup,
    defer_photos: bool,
) -> VerifiedBundle:
    """The signed bag's common checks (structure, signature, trusted comment, payload
    hashes), then bundle.json and its photos, then the zip headers."""
    bag = signed_bag.verify_signed_bag(
        f,
        size,
        opener=lambda: open(zip_path, "rb", buffering=0),  # noqa: SIM115 - closed by it
        spec=SPEC,
        trusted=trusted,
        check_comment=_check_comment,
        defer=(lambda rel: rel != fmt.BUNDLE_JSON) if defer_photos else None,
    )
    m = fmt.TRUSTED_COMMENT_RE.match(bag.signature.trusted_comment)
    assert m is not None  # _check_comment passed
    _tc_format, _tc_id, _tc_key, tc_seq, tc_created = m.groups()
    created = datetime.strptime(tc_created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    try:
        doc = parse_bundle_json(signed_bag.read_small(f, bag.payload[fmt.BUNDLE_JSON]))
    except signed_bag.Rejected:
        raise
    except InputError as exc:
        raise _reject(exc.message) from None
    photos = _check_document(f, doc, bag.payload, bag.manifest, defer_photos)
    # Last: the content is sound; now its headers must be byte for byte the writer's.
    signed_bag.check_headers(list(bag.entries), created)

    return VerifiedBundle(
        source=source,
        zip_path=zip_path,
        encrypted=encrypted,
        bundle_id=bag.top,
        key_id=bag.signature.key_id,
        signer=bag.signer,
        sequence=int(tc_seq),
        created=tc_created,
        content_sha256=bag.content_sha256,
        size_bytes=size,
        doc=doc,
        photos=photos,
        photos_deferred=defer_photos,
    )


def _check_photo_header(
    f: IO[bytes], e: signed_bag.Entry, rel: str, format: str, width: int, height: int
) -> None:
    """The photo is the image bundle.json says: its format and pixel size, as the ingest's
    own header check reads them. A plain JPEG of that size is answered from its frame
    header alone (`jpeg_frame`); any other photo, or a JPEG that does not match, is opened
    by Pillow, whose verdict and words stand."""
    from inspector_app.core.errors import PhotoError
    from inspector_app.core.photos import MAX_PIXELS, _open_image

    what = repr(e.name)
    if format == "JPEG":
        frame = frame_size(
            lambda pos, count: signed_bag.read_exact(f, e.data_offset + pos, count, what), e.size
        )
        if frame == (width, height) and width * height <= MAX_PIXELS:
            return
    view = _header_view(f, e.data_offset, e.size, what)
    try:
        im, found = _open_image(view, rel, format)
    except PhotoError as exc:
        raise _reject(f"photo {rel!r} is refused: {exc.reason}") from None
    with im:
        dims = im.size
    if found != format:
        raise _reject(f"photo {rel!r} is {found}, not {format} as its name says")
    if dims != (width, height):
        raise _reject(
            f"photo {rel!r} is {dims[0]} x {dims[1]}, bundle.json says {width} x {height}"
        )


def _header_view(f: IO[bytes], offset: int, size: int, what: str) -> IO[bytes]:
    """A photo's bytes to read its header from: one read for a small photo, a buffered
    window for a large one."""
    if size <= SMALL_PHOTO:  # one read instead of a seek and a read per buffer
        return io.BytesIO(signed_bag.read_exact(f, offset, size, what))
    return io.BufferedReader(signed_bag.MemberView(f, offset, size), HEADER_BUFFER)


def check_deferred_photo(member: PhotoMember, digest: str, crc: int) -> None:
    """What `open_verified(defer_photos=True)` left to whoever reads a photo's bytes, with
    the verifier's own words: `digest` and `crc` (SHA-256 hex and CRC-32 of all its bytes)
    against the manifest and the zip header. Raises BundleRejected."""
    if digest != member.sha256:
        raise _reject(f"{member.rel!r} does not match its SHA-256 in {fmt.MANIFEST}")
    if crc != member.crc:
        raise _reject(f"{member.rel!r} does not match the CRC-32 in its zip header")


def _check_document(
    f: IO[bytes],
    doc: BundleDoc,
    payload: dict[str, signed_bag.Entry],
    manifest: dict[str, str],
    defer_photos: bool,
) -> tuple[PhotoMember, ...]:
    """Cross-checks: photos (each one's header too), points, catalogue items and scores
    all hold together."""
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
        _check_photo_header(f, e, rel, p.format, p.width, p.height)
        members.append(PhotoMember(p.sha256, p.format, e.name, e.size, e.data_offset, e.crc))
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
    path: Path,
    *,
    trusted: TrustedLookup,
    identity: Any = None,
    tmp_dir: Path,
    defer_photos: bool = False,
) -> Iterator[VerifiedBundle]:
    """Verify a bundle file strictly; yield it while the plaintext zip is open for reading.

    `defer_photos`: every check but the hashes of the photos' bytes (SHA-256 and CRC-32),
    which the caller makes as it reads them anyway (`check_deferred_photo`): the importer,
    which copies them, so each photo is read whole and hashed once.

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
        with _as_bundle_rejection():
            vb = _verify_zip(path, plain or path, encrypted, trusted, defer_photos)
        yield vb
    finally:
        if plain is not None:
            with contextlib.suppress(OSError):
                plain.unlink()


def _entries(vb: VerifiedBundle) -> list[signed_bag.Entry]:
    """The zip parsed again, strictly, so a file changed since verification is refused."""
    with open(vb.zip_path, "rb") as f, _as_bundle_rejection():
        _top, entries = signed_bag.parse_zip(
            f, os.fstat(f.fileno()).st_size, size_limit=_size_limit, max_total=fmt.MAX_TOTAL_BYTES
        )
    return entries


def read_member(vb: VerifiedBundle, entry: str, *, chunk: int = CHUNK) -> Iterator[bytes]:
    """Stream one entry's bytes out of a verified bundle's zip (e.g. a PhotoMember.entry)."""
    found = next((e for e in _entries(vb) if e.name == entry), None)
    if found is None:
        raise InputError(f"the bundle has no entry {entry!r}")
    with open(vb.zip_path, "rb") as f:
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
    return {e.name: (e.data_offset, e.size) for e in _entries(vb)}


__all__ = [
    "BundleRejected",
    "TrustedKey",
    "VerifiedBundle",
    "member_spans",
    "open_verified",
    "read_member",
]
