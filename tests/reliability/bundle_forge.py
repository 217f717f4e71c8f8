"""Tools to build hostile bundles from a valid one: unpack entries, edit them, rehash the
manifests, re-sign, and write zips with the defects a forger (or a broken stick) brings."""

from __future__ import annotations

import contextlib
import hashlib
import io
import struct
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.core import minisign
from inspector_app.core.bundle import format as fmt


@dataclass
class Entry:
    name: str
    data: bytes
    compress: bool = False
    symlink: bool = False
    directory: bool = False


@dataclass
class Forge:
    """A bundle's entries, editable, plus what is needed to re-sign it."""

    top: str
    entries: list[Entry]
    private: Ed25519PrivateKey | None = None
    key_id: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Forge:
        with zipfile.ZipFile(path) as zf:
            entries = [Entry(i.filename, zf.read(i)) for i in zf.infolist()]
        top = entries[0].name.split("/", 1)[0]
        return cls(top, entries)

    def get(self, rel: str) -> bytes:
        return next(e.data for e in self.entries if e.name == f"{self.top}/{rel}")

    def set(self, rel: str, data: bytes) -> None:
        for e in self.entries:
            if e.name == f"{self.top}/{rel}":
                e.data = data
                return
        self.entries.append(Entry(f"{self.top}/{rel}", data))

    def drop(self, rel: str) -> None:
        self.entries = [e for e in self.entries if e.name != f"{self.top}/{rel}"]

    def rels(self) -> list[str]:
        return [e.name[len(self.top) + 1 :] for e in self.entries]

    def rehash(self) -> None:
        """Recompute Payload-Oxum, the manifest and the tag manifest (not the signature)."""
        payload = [(r, self.get(r)) for r in self.rels() if r.startswith("data/")]
        self.set(
            fmt.MANIFEST,
            fmt.manifest_text([(r, hashlib.sha256(d).hexdigest()) for r, d in payload]).encode(),
        )
        info = self.get(fmt.BAG_INFO_TXT).decode()
        lines = [
            f"Payload-Oxum: {sum(len(d) for _, d in payload)}.{len(payload)}"
            if ln.startswith("Payload-Oxum:")
            else ln
            for ln in info.splitlines()
        ]
        self.set(fmt.BAG_INFO_TXT, ("\n".join(lines) + "\n").encode())
        self.set(
            fmt.TAG_MANIFEST,
            fmt.manifest_text(
                [(r, hashlib.sha256(self.get(r)).hexdigest()) for r in fmt.TAG_FILES]
            ).encode(),
        )

    def resign(self, *, key: Ed25519PrivateKey, key_id: str, comment: str | None = None) -> None:
        tag = self.get(fmt.TAG_MANIFEST)
        digest = minisign.blake2b_512()
        digest.update(tag)
        old = minisign.parse_signature(self.get(fmt.SIGNATURE))
        text = comment if comment is not None else old.trusted_comment
        self.set(
            fmt.SIGNATURE, minisign.sign_prehashed(key, key_id, digest.digest(), text).encode()
        )

    def write(self, path: Path) -> Path:
        """Write the entries with the headers the writer would use for the signed time, as
        a forger holding the key would (so only the defect under test differs)."""
        created = datetime(2026, 11, 26, tzinfo=UTC)
        with contextlib.suppress(Exception):
            comment = minisign.parse_signature(self.get(fmt.SIGNATURE)).trusted_comment
            stamp = comment.rsplit("created=", 1)[1]
            created = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        write_zip(path, self.entries, created)
        return path


def write_zip(
    path: Path, entries: list[Entry], created: datetime = datetime(2026, 11, 26, tzinfo=UTC)
) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for e in entries:
            info = fmt.zip_info(e.name, len(e.data), created)
            info.compress_type = zipfile.ZIP_DEFLATED if e.compress else zipfile.ZIP_STORED
            if e.symlink:
                info.create_system = 3
                info.external_attr = 0o120777 << 16
            if e.directory:
                info.external_attr = (0o40755 << 16) | 0x10
            zf.writestr(info, e.data)
    path.write_bytes(buf.getvalue())


def set_encrypted_flag(path: Path, entry_name: str) -> None:
    """Mark an entry as encrypted (general-purpose flag bit 0) in both headers."""
    data = bytearray(path.read_bytes())
    name = entry_name.encode()
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (at := data.find(sig, start)) >= 0:
            start = at + 4
            name_len_at = 26 if sig == b"PK\x03\x04" else 28
            n = struct.unpack_from("<H", data, at + name_len_at)[0]
            name_at = at + (30 if sig == b"PK\x03\x04" else 46)
            if bytes(data[name_at : name_at + n]) == name:
                flags = struct.unpack_from("<H", data, at + flag_at)[0]
                struct.pack_into("<H", data, at + flag_at, flags | 1)
    path.write_bytes(bytes(data))


def patch_central_size(path: Path, entry_name: str, new_size: int) -> None:
    """Make the central directory claim another uncompressed size for one entry."""
    data = bytearray(path.read_bytes())
    name = entry_name.encode()
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        n = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + n]) == name:
            struct.pack_into("<I", data, at + 24, new_size)
            break
        at += 4
    path.write_bytes(bytes(data))


def overlap_entries(path: Path, first: str, second: str) -> None:
    """Point the central record of `second` at the local header of `first`."""
    data = bytearray(path.read_bytes())
    offsets: dict[str, tuple[int, int]] = {}
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        n = struct.unpack_from("<H", data, at + 28)[0]
        nm = bytes(data[at + 46 : at + 46 + n]).decode()
        offsets[nm] = (at, struct.unpack_from("<I", data, at + 42)[0])
        at += 4
    struct.pack_into("<I", data, offsets[second][0] + 42, offsets[first][1])
    path.write_bytes(bytes(data))


def patch_central_time(path: Path, entry_name: str) -> None:
    """Change one entry's modification time in the central directory (bytes 12-13)."""
    data = bytearray(path.read_bytes())
    name = entry_name.encode()
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        n = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + n]) == name:
            t = struct.unpack_from("<H", data, at + 12)[0]
            struct.pack_into("<H", data, at + 12, t ^ 0x0020)
            break
        at += 4
    path.write_bytes(bytes(data))
