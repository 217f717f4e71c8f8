"""Assignment packages checked by tools no one here wrote: the `age` CLI decrypts a package
with the inspector's key written in OpenSSH format, `unzip` lists it, `minisign -V` checks
its tag manifest's signature with the command centre's exported public key, and
`bagit.py --validate` checks every hash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from inspector_app.core import centre_key, rounds
from inspector_app.core.keys import signing_key
from inspector_app.core.package.writer import write_package
from inspector_app.core.store import Store
from tests.bundles import LAPTOP_PASS, Laptop, make_laptop
from tests.conftest import require_tool
from tests.packages import CENTRE_PASS, ready_centre, week_round


def _written(tmp_path: Path, laptop: Laptop, centre: Store) -> Path:
    ready_centre(centre, tmp_path / "csv")
    rnd = week_round(centre)
    rounds.assign_round(centre, rnd.id, ["T01"])
    out = tmp_path / "stick"
    out.mkdir()
    return write_package(centre, rnd.id, "T01", out, passphrase=CENTRE_PASS).path


def _openssh_key(lap: Laptop, path: Path) -> Path:
    _key, private = signing_key(lap.store, LAPTOP_PASS)
    path.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        )
    )
    os.chmod(path, 0o600)
    return path


def test_age_decrypts_a_package_with_the_inspectors_openssh_key_and_minisign_checks_it(
    tmp_path: Path, laptop: Laptop, centre: Store
) -> None:
    age = require_tool("age")
    minisign = require_tool("minisign")
    package = _written(tmp_path, laptop, centre)
    key = _openssh_key(laptop, tmp_path / "id_ed25519")
    plain = tmp_path / "package.zip"
    done = subprocess.run(
        [age, "-d", "-i", str(key), "-o", str(plain), str(package)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert plain.read_bytes().startswith(b"PK\x03\x04")

    # another inspector's key cannot open it
    other = make_laptop(tmp_path, "other")
    try:
        wrong = _openssh_key(other, tmp_path / "other_ed25519")
    finally:
        other.store.close()
    refused = subprocess.run(
        [age, "-d", "-i", str(wrong), "-o", str(tmp_path / "x.zip"), str(package)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode != 0

    unpacked = tmp_path / "checked"
    import zipfile

    with zipfile.ZipFile(plain) as z:
        z.extractall(unpacked)
    [top] = list(unpacked.iterdir())
    pub = tmp_path / "centre.pub"
    centre_key.write_public_key(centre, pub)
    ok = subprocess.run(
        [minisign, "-V", "-p", str(pub), "-m", str(top / "tagmanifest-sha256.txt")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert f"inspector-package/1 id={top.name}" in ok.stdout
    assert f"for={laptop.key_id} seq=1" in ok.stdout

    # the bag's hashes, as bagit-python checks them
    cli = Path(sys.executable).parent / "bagit.py"
    cmd = [str(cli)] if cli.exists() else [sys.executable, "-m", "bagit"]
    valid = subprocess.run(
        [*cmd, "--validate", str(top)], capture_output=True, text=True, timeout=60
    )
    assert valid.returncode == 0, valid.stderr
