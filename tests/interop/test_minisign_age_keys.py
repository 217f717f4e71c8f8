"""Our keys read by tools no one here wrote: `minisign -V` takes our exported public key and
signature; `age -d` opens the command centre's identity backup, and the identity inside
decrypts what pyrage encrypted to the centre's recipient."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import time
from pathlib import Path

import pyrage
from pyrage import x25519

from inspector_app.core import centre, keys, minisign
from inspector_app.core.store import Store
from tests.conftest import require_tool

KEY_PASS = "inspector pass"
CENTRE_PASS = "centre passphrase 中心"


def sign_file(store: Store, path: Path, comment: str) -> Path:
    key, private = keys.signing_key(store, KEY_PASS)
    digest = minisign.blake2b_512()
    digest.update(path.read_bytes())
    sig = path.with_name(path.name + ".minisig")
    sig.write_text(minisign.sign_prehashed(private, key.key_id, digest.digest(), comment))
    return sig


def test_minisign_accepts_our_public_key_and_signature(store: Store, tmp_path: Path) -> None:
    tool = require_tool("minisign")
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=KEY_PASS)
    pub = tmp_path / "t01.pub"
    keys.write_public_key(store, pub)
    signed = tmp_path / "tagmanifest-sha256.txt"
    signed.write_bytes(b"0123abcd  bagit.txt\n" * 50)
    comment = f"inspector-bundle/1 id=x key={key.key_id} seq=1 created=2025-01-01T00:00:00Z"
    sign_file(store, signed, comment)

    ok = subprocess.run(
        [tool, "-V", "-p", str(pub), "-m", str(signed)], capture_output=True, text=True, timeout=60
    )
    assert ok.returncode == 0, ok.stderr
    assert comment in ok.stdout

    # One byte changed: minisign refuses.
    data = bytearray(signed.read_bytes())
    data[7] ^= 0x01
    signed.write_bytes(bytes(data))
    bad = subprocess.run(
        [tool, "-V", "-p", str(pub), "-m", str(signed)], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode != 0

    # After a passphrase change the same public key still verifies new signatures.
    keys.change_passphrase(store, KEY_PASS, KEY_PASS + "2")
    keys.change_passphrase(store, KEY_PASS + "2", KEY_PASS)
    sign_file(store, signed, comment)
    again = subprocess.run(
        [tool, "-V", "-p", str(pub), "-m", str(signed)], capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0, again.stderr


def age_decrypt_on_a_terminal(age: str, src: Path, dst: Path, passphrase: str) -> tuple[int, str]:
    """`age -d` reads a passphrase only from its terminal: give it a pseudo-terminal."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once
        try:
            os.execv(age, [age, "-d", "-o", str(dst), str(src)])
        finally:
            os._exit(127)
    seen, sent = b"", False
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
            if not sent and b"passphrase" in seen.lower():
                os.write(fd, passphrase.encode("utf-8") + b"\r")
                sent = True
        else:
            os.kill(pid, signal.SIGKILL)
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


def test_age_opens_the_identity_backup(store: Store, tmp_path: Path) -> None:
    age = require_tool("age")
    recipient = centre.init_encryption(store, CENTRE_PASS)
    backup = tmp_path / "centre-identity.age"
    centre.export_identity(store, CENTRE_PASS, backup)

    identity_file = tmp_path / "identity.txt"
    code, transcript = age_decrypt_on_a_terminal(age, backup, identity_file, "wrong passphrase")
    assert code != 0 and not identity_file.exists(), transcript
    code, transcript = age_decrypt_on_a_terminal(age, backup, identity_file, CENTRE_PASS)
    assert code == 0, transcript
    text = identity_file.read_text()
    assert f"# public key: {recipient}" in text

    # The decrypted identity opens a file pyrage encrypted to the centre's recipient.
    plain = os.urandom(100_000)
    sealed = tmp_path / "bundle.zip.age"
    sealed.write_bytes(pyrage.encrypt(plain, [x25519.Recipient.from_str(recipient)]))
    out = tmp_path / "bundle.zip"
    done = subprocess.run(
        [age, "-d", "-i", str(identity_file), "-o", str(out), str(sealed)],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == plain

    # And age-keygen agrees the file holds the identity of that recipient.
    keygen = require_tool("age-keygen")
    shown = subprocess.run(
        [keygen, "-y", str(identity_file)], capture_output=True, text=True, timeout=60
    )
    assert shown.stdout.strip() == recipient
