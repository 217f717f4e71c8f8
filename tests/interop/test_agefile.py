"""Our age files and `age`'s own are the same format: each side decrypts the other's, at
the sizes where the 64 KiB STREAM chunking has its edges."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pyrage
import pytest

from inspector_app.core import agefile
from tests.conftest import require_tool

SIZES = [0, 1, 65535, 65536, 65537, 3 * 65536, 1_000_003]


@pytest.fixture(scope="module")
def ident() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.mark.parametrize("size", SIZES)
def test_age_reads_ours_and_we_read_ages(tmp_path: Path, ident, size: int) -> None:  # type: ignore[no-untyped-def]
    age = require_tool("age")
    plain = tmp_path / "plain.bin"
    plain.write_bytes(os.urandom(size))
    id_file = tmp_path / "id.txt"
    id_file.write_text(f"{ident}\n")
    ours = tmp_path / "ours.age"
    agefile.encrypt_file(plain, ours, [str(ident.to_public())])
    by_age = subprocess.run([age, "-d", "-i", str(id_file), str(ours)], capture_output=True)
    assert by_age.returncode == 0, by_age.stderr
    assert by_age.stdout == plain.read_bytes()
    theirs = tmp_path / "theirs.age"
    subprocess.run([age, "-r", str(ident.to_public()), "-o", str(theirs), str(plain)], check=True)
    out = tmp_path / "out.bin"
    agefile.decrypt_file(theirs, out, str(ident))
    assert out.read_bytes() == plain.read_bytes()


def test_refusals(tmp_path: Path, ident) -> None:  # type: ignore[no-untyped-def]
    plain = tmp_path / "p.bin"
    plain.write_bytes(os.urandom(200_000))
    sealed = tmp_path / "p.age"
    agefile.encrypt_file(plain, sealed, [str(ident.to_public())])
    data = sealed.read_bytes()
    out = tmp_path / "o.bin"
    cases = {
        "truncated": data[: len(data) // 2],
        "last chunk dropped": data[: len(data) - (200_000 - 3 * 65536) - 16],
        "payload flipped": data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
        "header flipped": data.replace(b"-> X25519 ", b"-> X25519 A", 1),
        "not age": b"hello",
    }
    for name, bad in cases.items():
        (tmp_path / "bad.age").write_bytes(bad)
        with pytest.raises(agefile.AgeError):
            agefile.decrypt_file(tmp_path / "bad.age", out, str(ident))
        assert name  # each case is refused
    other = pyrage.x25519.Identity.generate()
    with pytest.raises(agefile.NoIdentityMatches):
        agefile.decrypt_file(sealed, out, str(other))


def test_bech32_round_trip(ident) -> None:  # type: ignore[no-untyped-def]
    r = str(ident.to_public())
    assert agefile.bech32_encode("age", agefile.recipient_key(r)) == r
    with pytest.raises(ValueError):
        agefile.recipient_key(r[:-1] + ("q" if r[-1] != "q" else "p"))
