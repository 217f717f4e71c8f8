"""Strict verification of an assignment package: decrypted with the laptop's own key, then
every check a bundle gets (the shared `signed_bag` code), signed by the pinned centre key.

Refusals are PackageRejected with the reason. Nothing here writes to the store: applying a
verified package is `package.apply`'s.
"""

from __future__ import annotations

import contextlib
import io
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import ssh

from inspector_app.core import signed_bag
from inspector_app.core.errors import InputError
from inspector_app.core.minisign import PublicKey, Signature, parse_public_key
from inspector_app.core.package import format as pfmt
from inspector_app.core.package.format import PackageDoc, parse_package_json
from inspector_app.core.settings import parse_recipient

AGE_MAGIC = b"age-encryption.org/v1"


class PackageRejected(signed_bag.Rejected):
    """A package refused; `reason` says why in words an inspector understands."""

    kind = "package_rejected"


@dataclass(frozen=True)
class VerifiedPackage:
    package_id: str
    centre_key_id: str
    inspector_key_id: str
    sequence: int
    created: str  # UTC ISO 8601 with Z, from the trusted comment
    #: equal for packages that are byte for byte the same
    content_sha256: str
    doc: PackageDoc


def _reject(reason: str) -> PackageRejected:
    return PackageRejected(reason)


@contextlib.contextmanager
def _as_package_rejection() -> Iterator[None]:
    try:
        yield
    except signed_bag.Rejected as exc:
        if isinstance(exc, PackageRejected):
            raise
        raise PackageRejected(exc.reason) from None


# --- decryption ---------------------------------------------------------------------------------


def ssh_recipient(public_key: bytes) -> str:
    """An inspector's Ed25519 public key as the `ssh-ed25519 …` recipient age encrypts to."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    key = Ed25519PublicKey.from_public_bytes(public_key)
    return key.public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    ).decode()


def openssh_private(private: Ed25519PrivateKey) -> bytes:
    """The key in OpenSSH's private-key format, unencrypted (what age's ssh identities
    read). Kept in memory only."""
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    )


def read_package_file(path: Path) -> bytes:
    """The package file's bytes, bounded, from a regular file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file")
    if st.st_size > pfmt.MAX_FILE_BYTES:
        raise _reject("the file is larger than any package may be")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    return data


def decrypt_package(data: bytes, private: Ed25519PrivateKey) -> bytes:
    """The plaintext zip of an age file encrypted to this Ed25519 key (ssh-ed25519)."""
    if not data.startswith(AGE_MAGIC):
        raise _reject(
            "not an assignment package (a package is an age file encrypted to this laptop's key)"
        )
    identity = ssh.Identity.from_buffer(openssh_private(private))
    try:
        plain = pyrage.decrypt(data, [identity])
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise _reject(
                "encrypted for another inspector: this laptop's key cannot open it"
            ) from None
        raise _reject(f"the package file is damaged or truncated ({exc})") from None
    if len(plain) > pfmt.MAX_TOTAL_BYTES + 1024 * 1024:
        raise _reject("the package is larger than this format allows")
    return plain


# --- the signed bag ---------------------------------------------------------------------------


def _size_limit(rel: str) -> int:
    return pfmt.MAX_PACKAGE_JSON_BYTES if rel == pfmt.PACKAGE_JSON else pfmt.MAX_TAG_FILE_BYTES


def _check_info(fields: dict[str, str]) -> None:
    if not signed_bag.fmt.UUID_RE.match(fields["External-Identifier"]):
        raise _reject("bag-info.txt's External-Identifier is not a package id")
    for label in ("Centre-Key-Id", "Inspector-Key-Id"):
        if not signed_bag.fmt.KEY_ID_RE.match(fields[label]):
            raise _reject(f"bag-info.txt's {label} is not a key id")
    seq = fields["Package-Sequence"]
    if not seq.isdigit() or len(seq) > 10 or int(seq) < 1:
        raise _reject("bag-info.txt's Package-Sequence is not a number from 1")


SPEC = signed_bag.BagSpec(
    noun="package",
    format_field="Package-Format",
    readable_formats=pfmt.READABLE_FORMATS,
    format_re=pfmt.FORMAT_RE,
    info_fields=pfmt.BAG_INFO_FIELDS,
    check_info=_check_info,
    document=pfmt.PACKAGE_JSON,
    payload_name_ok=lambda rel: False,
    payload_rule="only package.json",
    size_limit=_size_limit,
    max_total=pfmt.MAX_TOTAL_BYTES,
)


def _check_comment(sig: Signature, info: dict[str, str], top: str) -> None:
    m = pfmt.TRUSTED_COMMENT_RE.match(sig.trusted_comment)
    if not m:
        raise _reject("the signature's trusted comment is not an assignment package's")
    tc_format, tc_id, tc_key, tc_for, tc_seq, tc_created = m.groups()
    if tc_format not in pfmt.READABLE_FORMATS:
        raise _reject(f"the signature names format {tc_format}, made by a newer version")
    if tc_id != info["External-Identifier"] or tc_id != top:
        raise _reject("the signed package id differs from bag-info.txt or the top folder")
    if tc_key != info["Centre-Key-Id"] or tc_key != sig.key_id:
        raise _reject("the signed centre key id differs from bag-info.txt's Centre-Key-Id")
    if tc_for != info["Inspector-Key-Id"]:
        raise _reject("the signed inspector key id differs from bag-info.txt's Inspector-Key-Id")
    if int(tc_seq) != int(info["Package-Sequence"]):
        raise _reject("the signed sequence differs from bag-info.txt's Package-Sequence")
    if tc_created[:10] != info["Bagging-Date"]:
        raise _reject("the signed creation date differs from bag-info.txt's Bagging-Date")
    try:
        datetime.strptime(tc_created, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise _reject("the signature's creation time is not a valid time") from None


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _reject(f"package.json: {what} {text!r} is not a date") from None


def _check_document(doc: PackageDoc, inspector_key_id: str) -> None:
    """Cross-checks: the document agrees with the signed header and with itself."""
    if doc.inspector.key_id != inspector_key_id:
        raise _reject("package.json names another inspector key than the signed one")
    codes: set[str] = set()
    for pt in doc.point_register.points:
        if pt.code in codes:
            raise _reject(f"package.json lists point {pt.code} twice")
        codes.add(pt.code)
    if (doc.point_register.mode == "full") != (doc.point_register.base_sequence is None):
        raise _reject("package.json's register gives a base package only for changes")
    cats: set[tuple[str, str]] = set()
    for cat in doc.catalogues:
        if (cat.code, cat.version) in cats:
            raise _reject(f"package.json carries catalogue {cat.code}:{cat.version} twice")
        cats.add((cat.code, cat.version))
    if doc.round is None:
        if doc.assignments:
            raise _reject("package.json has assignments but no round")
    else:
        start = _day(doc.round.starts_on, "the round's start")
        end = _day(doc.round.ends_on, "the round's end")
        if end < start:
            raise _reject("package.json: the round ends before it starts")
    seen: set[str] = set()
    points: set[str] = set()
    for a in doc.assignments:
        if a.id in seen:
            raise _reject(f"package.json lists assignment {a.id} twice")
        if a.point in points:
            raise _reject(f"package.json assigns point {a.point} twice")
        seen.add(a.id)
        points.add(a.point)
        if _day(a.ends_on, "an assignment's end") < _day(a.starts_on, "an assignment's start"):
            raise _reject(f"package.json: assignment {a.id} ends before it starts")
    if doc.recipient is not None:
        try:
            parse_recipient(doc.recipient)
        except InputError:
            raise _reject("package.json's recipient is not an age recipient (age1…)") from None
    if doc.centre_key is not None:
        try:
            announced = parse_public_key(doc.centre_key.public_key)
        except InputError:
            raise _reject("package.json announces a centre key that is not a public key") from None
        if announced.key_id != doc.centre_key.key_id:
            raise _reject("package.json announces a centre key under another key id")


def verify_package_zip(
    plain: bytes, trusted: Callable[[str], signed_bag.TrustedKey | None]
) -> VerifiedPackage:
    """Every check on a package's plaintext zip; PackageRejected with the reason."""
    f = io.BytesIO(plain)
    with _as_package_rejection():
        bag = signed_bag.verify_signed_bag(
            f,
            len(plain),
            opener=lambda: io.BytesIO(plain),
            spec=SPEC,
            trusted=trusted,
            check_comment=_check_comment,
        )
        m = pfmt.TRUSTED_COMMENT_RE.match(bag.signature.trusted_comment)
        assert m is not None  # _check_comment passed
        created = datetime.strptime(m.group(6), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        try:
            doc = parse_package_json(signed_bag.read_small(f, bag.payload[pfmt.PACKAGE_JSON]))
        except signed_bag.Rejected:
            raise
        except InputError as exc:
            raise _reject(exc.message) from None
        _check_document(doc, bag.info["Inspector-Key-Id"])
        signed_bag.check_headers(list(bag.entries), created)
    return VerifiedPackage(
        package_id=bag.top,
        centre_key_id=bag.signature.key_id,
        inspector_key_id=bag.info["Inspector-Key-Id"],
        sequence=int(bag.info["Package-Sequence"]),
        created=m.group(6),
        content_sha256=bag.content_sha256,
        doc=doc,
    )


def pinned_lookup(pinned: PublicKey | None) -> Callable[[str], signed_bag.TrustedKey | None]:
    """The verifier's key lookup on a laptop: the pinned centre key and no other; refusals
    say how to pin."""
    from inspector_app.core.centre_key import NO_PIN

    def lookup(key_id: str) -> signed_bag.TrustedKey | None:
        if pinned is None:
            raise _reject(f"signed by command-centre key {key_id}, but {NO_PIN}")
        if key_id != pinned.key_id:
            raise _reject(
                f"signed by key {key_id}, not by the pinned command-centre key "
                f"{pinned.key_id}; if the command centre has a new key, compare its key id "
                "with them and run `inspector-app centre-key pin FILE.pub`"
            )
        return signed_bag.TrustedKey(pinned.key_id, pinned.key, "command centre", "centre")

    return lookup
