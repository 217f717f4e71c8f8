"""age v1 files (https://age-encryption.org/v1) for X25519 recipients, streamed.

Keys, identities and passphrase files stay with pyrage; bulk bundle encryption lives here
because the payload STREAM (ChaCha20-Poly1305 over 64 KiB chunks) through `cryptography`
runs at disk speed, where pyrage's file functions were 1.3-1.7x slower than age's own
command. Files written here are read by `age -d`, and files `age` writes are read here
(tests/interop). Only the X25519 recipient type is spoken; other stanzas are skipped.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"age-encryption.org/v1"
CHUNK = 64 * 1024
TAG = 16
X25519_LABEL = b"age-encryption.org/v1/X25519"
MAX_HEADER = 64 * 1024
MAX_STANZAS = 64


class AgeError(Exception):
    """A file that cannot be decrypted; the message says why."""


class NoIdentityMatches(AgeError):
    pass


# --- bech32 (BIP 173), for age1… recipients and AGE-SECRET-KEY-1… identities ---------------

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert(data: bytes | list[int], frm: int, to: int, pad: bool) -> list[int]:
    acc = bits = 0
    out: list[int] = []
    maxv = (1 << to) - 1
    for value in data:
        acc = (acc << frm) | value
        bits += frm
        while bits >= to:
            bits -= to
            out.append((acc >> bits) & maxv)
    if pad and bits:
        out.append((acc << (to - bits)) & maxv)
    elif not pad and (bits >= frm or (acc << (to - bits)) & maxv):
        raise ValueError("invalid padding")
    return out


def bech32_decode(text: str, hrp: str) -> bytes:
    lower = text.lower()
    if text != lower and text != text.upper():
        raise ValueError("mixed case")
    pos = lower.rfind("1")
    if lower[:pos] != hrp or pos + 7 > len(lower):
        raise ValueError(f"not a {hrp} string")
    try:
        data = [_CHARSET.index(c) for c in lower[pos + 1 :]]
    except ValueError:
        raise ValueError("invalid character") from None
    if _polymod(_hrp_expand(hrp) + data) != 1:
        raise ValueError("bad checksum")
    return bytes(_convert(data[:-6], 5, 8, False))


def bech32_encode(hrp: str, payload: bytes) -> str:
    data = _convert(payload, 8, 5, True)
    poly = _polymod([*_hrp_expand(hrp), *data, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[d] for d in data + checksum)


def recipient_key(recipient: str) -> bytes:
    raw = bech32_decode(recipient.strip(), "age")
    if len(raw) != 32:
        raise ValueError("an X25519 recipient holds 32 bytes")
    return raw


def identity_key(identity: str) -> bytes:
    raw = bech32_decode(identity.strip(), "age-secret-key-")
    if len(raw) != 32:
        raise ValueError("an X25519 identity holds 32 bytes")
    return raw


# --- primitives ------------------------------------------------------------------------------


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    if "=" in text or "\n" in text or "\r" in text:
        raise AgeError("the header has non-canonical base64")
    try:
        raw = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise AgeError("the header has invalid base64") from None
    if _b64(raw) != text:
        raise AgeError("the header has non-canonical base64")
    return raw


def _stream_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


# --- encryption ------------------------------------------------------------------------------


def encrypt_file(
    src: Path, dst: Path, recipients: list[str], *, check: Callable[[], None] | None = None
) -> None:
    """Encrypt `src` to `dst` for age X25519 recipients (durability is the caller's)."""
    file_key = os.urandom(16)
    lines = [MAGIC]
    for r in recipients:
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        their = recipient_key(r)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(their))
        wrap = _hkdf(shared, share + their, X25519_LABEL)
        body = ChaCha20Poly1305(wrap).encrypt(b"\x00" * 12, file_key, None)
        lines.append(f"-> X25519 {_b64(share)}".encode())
        lines.append(_b64(body).encode())  # 43 characters: one short line
    header = b"\n".join(lines) + b"\n---"
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, hashlib.sha256).digest()
    nonce = os.urandom(16)
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        fout.write(header + b" " + _b64(mac).encode() + b"\n" + nonce)
        counter = 0
        chunk = fin.read(CHUNK)
        while True:
            following = fin.read(CHUNK) if len(chunk) == CHUNK else b""
            last = not following
            fout.write(aead.encrypt(_stream_nonce(counter, last), chunk, None))
            if last:
                break
            if check:
                check()
            chunk, counter = following, counter + 1


# --- decryption ------------------------------------------------------------------------------


def _read_header(f: BinaryIO) -> tuple[list[tuple[list[str], bytes]], bytes, bytes]:
    """Stanzas (arguments, body), the bytes the MAC covers, and the MAC."""
    first = f.readline(MAX_HEADER)
    if first != MAGIC + b"\n":
        raise AgeError("not an age v1 file")
    covered = bytearray(first)
    stanzas: list[tuple[list[str], bytes]] = []
    line = f.readline(MAX_HEADER)
    while True:
        if len(covered) > MAX_HEADER:
            raise AgeError("the header is too long")
        if line.startswith(b"--- "):
            covered += b"---"
            mac = _unb64(line[4:].rstrip(b"\n").decode("ascii", "replace"))
            if not line.endswith(b"\n") or len(mac) != 32:
                raise AgeError("the header's MAC line is malformed")
            return stanzas, bytes(covered), mac
        if not line.startswith(b"-> ") or not line.endswith(b"\n"):
            raise AgeError("the header is malformed or truncated")
        covered += line
        args = line[3:-1].decode("ascii", "replace").split(" ")
        body = bytearray()
        while True:
            bl = f.readline(MAX_HEADER)
            if not bl.endswith(b"\n"):
                raise AgeError("the header is truncated")
            covered += bl
            text = bl[:-1].decode("ascii", "replace")
            if len(text) > 64:
                raise AgeError("a header line is too long")
            body += _unb64(text)
            if len(text) < 64:
                break
        stanzas.append((args, bytes(body)))
        if len(stanzas) > MAX_STANZAS:
            raise AgeError("the header has too many recipients")
        line = f.readline(MAX_HEADER)


def _unwrap(stanzas: list[tuple[list[str], bytes]], identity: bytes) -> bytes:
    me = X25519PrivateKey.from_private_bytes(identity)
    mine = me.public_key().public_bytes_raw()
    for args, body in stanzas:
        if not args or args[0] != "X25519":
            continue
        if len(args) != 2 or len(body) != 32:
            raise AgeError("an X25519 stanza is malformed")
        share = _unb64(args[1])
        if len(share) != 32:
            raise AgeError("an X25519 stanza is malformed")
        shared = me.exchange(X25519PublicKey.from_public_bytes(share))
        if shared == b"\x00" * 32:
            raise AgeError("an X25519 stanza has a low-order share")
        wrap = _hkdf(shared, share + mine, X25519_LABEL)
        try:
            return ChaCha20Poly1305(wrap).decrypt(b"\x00" * 12, body, None)
        except InvalidTag:
            continue
    raise NoIdentityMatches("the file is not encrypted to this identity")


def decrypt_file(
    src: Path, dst: Path, identity: str, *, check: Callable[[], None] | None = None
) -> None:
    """Decrypt `src` to `dst` with an AGE-SECRET-KEY-1… identity. On any failure the
    output may hold a partial plaintext: the caller deletes it."""
    key = identity_key(identity)
    with open(src, "rb") as fin:
        stanzas, covered, mac = _read_header(fin)
        file_key = _unwrap(stanzas, key)
        if len(file_key) != 16:
            raise AgeError("the file key has the wrong size")
        expected = hmac.new(_hkdf(file_key, b"", b"header"), covered, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, mac):
            raise AgeError("the header was altered (MAC mismatch)")
        nonce = fin.read(16)
        if len(nonce) != 16:
            raise AgeError("the file is truncated (no payload)")
        aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
        with open(dst, "wb") as fout:
            counter = 0
            chunk = fin.read(CHUNK + TAG)
            while True:
                if len(chunk) < TAG:
                    raise AgeError("the file is truncated")
                following = fin.read(CHUNK + TAG) if len(chunk) == CHUNK + TAG else b""
                last = not following
                try:
                    plain = aead.decrypt(_stream_nonce(counter, last), chunk, None)
                except InvalidTag:
                    raise AgeError("the file is damaged or truncated") from None
                if last and not plain and counter > 0:
                    raise AgeError("the file ends with an empty chunk")
                fout.write(plain)
                if last:
                    break
                if check:
                    check()
                chunk, counter = following, counter + 1
            fout.flush()
