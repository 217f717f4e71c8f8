"""Our bundles checked by tools no one here wrote: bagit-python validates the bag,
`minisign -V` checks the signature with the exported public key, and `age -d` with the
command centre's backed-up identity decrypts an encrypted bundle to the same zip."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pyrage

from inspector_app.core import centre, keyring, keys
from inspector_app.core.bundle import format as fmt
from inspector_app.core.bundle.importer import check_files
from inspector_app.core.bundle.writer import export_bundles
from tests.bundles import LAPTOP_PASS, Laptop, make_centre, make_final
from tests.conftest import require_tool
from tests.interop.test_minisign_age_keys import age_decrypt_on_a_terminal

CENTRE_PASS = "centre passphrase"


def _export(lap: Laptop, out: Path, recipient: str | None = None) -> Path:
    out.mkdir(exist_ok=True)
    ids = [make_final(lap, "FM-T1"), make_final(lap, "BS-T1")]
    [bundle] = export_bundles(
        lap.store, inspection_ids=ids, out_dir=out, passphrase=LAPTOP_PASS, recipient=recipient
    )
    return Path(bundle.path)


def _extract(bundle: Path, into: Path) -> Path:
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(into)
        top = zf.namelist()[0].split("/")[0]
    return into / top


def test_bagit_python_validates_the_extracted_bag(laptop: Laptop, tmp_path: Path) -> None:
    bag = _extract(_export(laptop, tmp_path / "stick"), tmp_path / "x")
    cli = Path(sys.executable).parent / "bagit.py"
    cmd = [str(cli)] if cli.exists() else [sys.executable, "-m", "bagit"]
    done = subprocess.run([*cmd, "--validate", str(bag)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "is valid" in done.stderr
    # and bagit-python notices a changed photo
    photo = next((bag / "data" / "photos").iterdir())
    photo.write_bytes(photo.read_bytes()[:-1] + b"\x00")
    done = subprocess.run([*cmd, "--validate", str(bag)], capture_output=True, text=True)
    assert done.returncode != 0


def test_minisign_checks_the_signature(laptop: Laptop, tmp_path: Path) -> None:
    minisign = require_tool("minisign")
    bag = _extract(_export(laptop, tmp_path / "stick"), tmp_path / "x")
    pub = tmp_path / "inspector.pub"
    pub.write_text(keys.export_public(laptop.store).to_file(), encoding="utf-8")
    tag = bag / fmt.TAG_MANIFEST
    ok = subprocess.run(
        [minisign, "-V", "-p", str(pub), "-m", str(tag)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert f"key={laptop.key_id}" in ok.stdout and f"id={bag.name}" in ok.stdout
    data = bytearray(tag.read_bytes())
    data[10] ^= 0x01
    tag.write_bytes(bytes(data))
    bad = subprocess.run(
        [minisign, "-V", "-p", str(pub), "-m", str(tag)], capture_output=True, text=True
    )
    assert bad.returncode != 0


def test_age_decrypts_with_the_backed_up_identity(laptop: Laptop, tmp_path: Path) -> None:
    age = require_tool("age")
    hq = make_centre(tmp_path)
    try:
        recipient = centre.init_encryption(hq, CENTRE_PASS)
        keyring.enroll(hq, keys.export_public(laptop.store).to_file(), name="张三", code="T01")
        sealed = _export(laptop, tmp_path / "stick", recipient=recipient)
        assert sealed.name.endswith(".zip.age")
        backup = tmp_path / "centre-identity.age"
        centre.export_identity(hq, CENTRE_PASS, backup)
        identity = tmp_path / "identity.txt"
        code, out = age_decrypt_on_a_terminal(age, backup, identity, CENTRE_PASS)
        assert code == 0, out
        by_age = tmp_path / "by-age.zip"
        done = subprocess.run(
            [age, "-d", "-i", str(identity), "-o", str(by_age), str(sealed)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        by_us = tmp_path / "by-us.zip"
        pyrage.decrypt_file(str(sealed), str(by_us), [centre.load_identity(hq, CENTRE_PASS)])
        assert by_age.read_bytes() == by_us.read_bytes()
        # the zip age gave back is the signed bundle, whole
        [report] = check_files(hq, [by_age])
        assert report.verdict == "OK", report.reason
    finally:
        hq.close()
