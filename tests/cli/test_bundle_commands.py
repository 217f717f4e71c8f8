"""`inspector-app verify` and `inspector-app import` at the command centre: one line per
bundle, --json, exit codes, encrypted bundles and the centre's passphrase."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import update

from inspector_app.cli.main import run
from inspector_app.core.db.models import Finding
from inspector_app.core.store import Store
from tests.bundles import (
    Laptop,
    export,
    make_final,
    row_counts,
)
from tests.cli.conftest import Result

CENTRE_PASS = "centre-secret"
Invoke = Callable[..., Result]


@pytest.fixture
def at_centre(centre: Store, capsys: pytest.CaptureFixture[str]) -> Invoke:
    """Run a command on the centre's data folder (and its database)."""
    database = ["--database", centre.url] if centre.backend != "sqlite" else []

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        try:
            code = run([*args, "--data-dir", str(centre.paths.root), *database])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return invoke


def test_verify_then_import_then_import_again(
    laptop: Laptop, centre: Store, at_centre: Invoke, tmp_path: Path
) -> None:
    [path] = export(laptop, [make_final(laptop), make_final(laptop, "MR-T1")], tmp_path / "usb")
    before = row_counts(centre)

    r = at_centre("verify", str(path))
    assert r.code == 0, r.err
    assert r.out == (f"OK  {path}  张三 (T01, {laptop.key_id})  seq 1  2 inspections, 2 photos\n")
    assert row_counts(centre) == before

    r = at_centre("import", str(path))
    assert r.code == 0, r.err
    assert r.out.startswith(f"IMPORTED  {path}  张三 (T01, {laptop.key_id})  seq 1  2 insp")
    after = row_counts(centre)
    assert after["inspections"] == 2 and after["bundles"] == 1

    r = at_centre("import", str(tmp_path / "usb"), "--json")  # a folder
    assert r.code == 0, r.err
    [obj] = r.json()
    assert obj["verdict"] == "ALREADY_IMPORTED" and obj["ok"] is True
    assert obj["signer"] == {"name": "张三", "code": "T01", "key_id": laptop.key_id}
    assert obj["sequence"] == 1 and obj["inspections"] == 2 and obj["photos"] == 2
    assert row_counts(centre) == after
    r = at_centre("verify", str(path))
    assert r.code == 0 and r.out.startswith("ALREADY IMPORTED  ")

    listed = at_centre("inspect", "list", "--json").json()
    assert {i["origin"]["signer"] for i in listed} == {laptop.key_id}


def test_rejections_exit_1_with_the_reason(
    laptop: Laptop, centre: Store, at_centre: Invoke, tmp_path: Path
) -> None:
    a = make_final(laptop, note="原来的说明")
    [good] = export(laptop, [a], tmp_path / "one")
    assert at_centre("import", str(good)).code == 0
    with laptop.store.write() as s:
        s.execute(update(Finding).where(Finding.note == "原来的说明").values(note="改过的"))
    [changed] = export(laptop, [a], tmp_path / "two")
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    before = row_counts(centre)

    r = at_centre("import", str(changed), str(junk))
    assert r.code == 1
    lines = r.out.splitlines()
    assert lines[0] == (
        f"REJECTED  {changed}  conflict: inspection {a} is already here with other content; "
        "nothing was overwritten"
    )
    assert lines[1].startswith(f"REJECTED  {junk}  ")
    assert row_counts(centre) == before

    r = at_centre("verify", str(good), str(changed), "--json")
    assert r.code == 1
    assert [o["verdict"] for o in r.json()] == ["ALREADY_IMPORTED", "REJECTED"]


def test_unknown_key_is_rejected(laptop: Laptop, tmp_path: Path) -> None:
    [path] = export(laptop, [make_final(laptop)], tmp_path / "usb")
    stranger = tmp_path / "other-centre"
    r_code = run(["--data-dir", str(stranger), "verify", str(path)])
    assert r_code == 1


def test_encrypted_bundles_need_the_centres_passphrase(
    laptop: Laptop, centre: Store, at_centre: Invoke, tmp_path: Path
) -> None:
    from inspector_app.core.centre import init_encryption

    recipient = init_encryption(centre, CENTRE_PASS)
    from inspector_app.core.bundle.writer import export_bundles

    (tmp_path / "usb").mkdir()
    [done] = export_bundles(
        laptop.store,
        inspection_ids=[make_final(laptop)],
        out_dir=tmp_path / "usb",
        passphrase="laptop-secret",
        recipient=recipient,
    )
    path = Path(done.path)
    assert path.name.endswith(".zip.age")
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text(CENTRE_PASS + "\n", encoding="utf-8")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-it\n", encoding="utf-8")

    r = at_centre("verify", str(path), "--passphrase-file", str(wrong))
    assert r.code == 1 and r.err.startswith("error: ")
    r = at_centre("verify", str(path), "--passphrase-file", str(pass_file))
    assert r.code == 0, r.out + r.err
    assert r.out.startswith(f"OK  {path}  张三 (T01, {laptop.key_id})  seq 1  1 inspections")
    r = at_centre("import", str(path), "--passphrase-file", str(pass_file), "--json")
    assert r.code == 0, r.out + r.err
    [obj] = r.json()
    assert obj["verdict"] == "IMPORTED" and obj["encrypted"] is True
    # no plaintext left behind
    assert not any(centre.paths.tmp.iterdir())
    assert not any(centre.paths.photos_tmp.glob("*"))  # nor temp originals
