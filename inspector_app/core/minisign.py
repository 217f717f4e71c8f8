"""minisign's formats, so `minisign -V` checks our signatures and reads our public keys.

Public key file:  `untrusted comment: …` / base64("Ed" + key id (8) + Ed25519 key (32)).
Signature file:   `untrusted comment: …` / base64("ED" + key id + Ed25519(BLAKE2b-512(file)))
                  / `trusted comment: …` / base64(Ed25519(signature + trusted comment)).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.core.errors import InputError

PUBLIC_ALG = b"Ed"
PREHASHED_ALG = b"ED"
MAX_COMMENT = 1024


def format_key_id(raw: bytes) -> str:
    """The 8 stored key-id bytes as minisign prints them: reversed, upper-case hex."""
    return raw[::-1].hex().upper()


def raw_key_id(key_id: str) -> bytes:
    return bytes.fromhex(key_id)[::-1]


def blake2b_512() -> hashlib.blake2b:
    """The prehash minisign signs for "ED" signatures (BLAKE2b-512, no key)."""
    return hashlib.blake2b(digest_size=64)


@dataclass(frozen=True)
class PublicKey:
    key_id: str
    key: bytes  # 32 raw Ed25519 bytes

    def to_file(self, comment: str | None = None) -> str:
        blob = PUBLIC_ALG + raw_key_id(self.key_id) + self.key
        text = comment or f"minisign public key {self.key_id}"
        return f"untrusted comment: {text}\n{base64.b64encode(blob).decode()}\n"


def _b64(line: str, what: str) -> bytes:
    try:
        return base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise InputError(f"{what} is not valid base64") from None


def parse_public_key(text: str) -> PublicKey:
    """Read a minisign public key file (or its one base64 line)."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if lines and lines[0].startswith("untrusted comment:"):
        lines = lines[1:]
    if len(lines) != 1:
        raise InputError("not a minisign public key (expected one base64 line)")
    blob = _b64(lines[0], "the public key")
    if len(blob) != 42 or blob[:2] != PUBLIC_ALG:
        raise InputError("not a minisign Ed25519 public key")
    return PublicKey(format_key_id(blob[2:10]), blob[10:])


@dataclass(frozen=True)
class Signature:
    key_id: str
    signature: bytes  # Ed25519 over BLAKE2b-512 of the signed file
    trusted_comment: str
    global_signature: bytes  # Ed25519 over signature + trusted comment


def sign_prehashed(
    private: Ed25519PrivateKey, key_id: str, digest: bytes, trusted_comment: str
) -> str:
    """A minisign signature file for a file whose BLAKE2b-512 is `digest`."""
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise ValueError("a trusted comment is one line")
    sig = private.sign(digest)
    global_sig = private.sign(sig + trusted_comment.encode("utf-8"))
    blob = PREHASHED_ALG + raw_key_id(key_id) + sig
    return (
        "untrusted comment: signature from inspector-app secret key\n"
        f"{base64.b64encode(blob).decode()}\n"
        f"trusted comment: {trusted_comment}\n"
        f"{base64.b64encode(global_sig).decode()}\n"
    )


def parse_signature(data: bytes) -> Signature:
    """Read a minisign signature file strictly (prehashed "ED" only)."""
    if len(data) > 4 * MAX_COMMENT:
        raise InputError("the signature file is too large")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the signature file is not UTF-8 text") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != 4:
        raise InputError("the signature file does not have minisign's four lines")
    untrusted, sig_line, trusted, global_line = lines
    if not untrusted.startswith("untrusted comment:"):
        raise InputError("the signature file does not start with an untrusted comment")
    if not trusted.startswith("trusted comment: "):
        raise InputError("the signature file has no trusted comment")
    blob = _b64(sig_line, "the signature")
    if len(blob) != 74:
        raise InputError("the signature has the wrong length")
    if blob[:2] != PREHASHED_ALG:
        raise InputError("the signature is not a prehashed Ed25519 (ED) signature")
    global_sig = _b64(global_line, "the trusted-comment signature")
    if len(global_sig) != 64:
        raise InputError("the trusted-comment signature has the wrong length")
    return Signature(
        format_key_id(blob[2:10]), blob[10:], trusted[len("trusted comment: ") :], global_sig
    )


def verify(sig: Signature, public: PublicKey, digest: bytes) -> None:
    """Raise InputError unless `sig` signs `digest` and its trusted comment with `public`."""
    if sig.key_id != public.key_id:
        raise InputError(f"signed by key {sig.key_id}, not {public.key_id}")
    key = Ed25519PublicKey.from_public_bytes(public.key)
    try:
        key.verify(sig.signature, digest)
    except InvalidSignature:
        raise InputError("the signature does not match the signed file") from None
    try:
        key.verify(sig.global_signature, sig.signature + sig.trusted_comment.encode("utf-8"))
    except InvalidSignature:
        raise InputError("the trusted comment was altered after signing") from None
