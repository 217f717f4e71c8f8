"""Assignment packages: written at the command centre, readable only by their inspector,
refused with a reason (changing nothing) when unpinned, forged, tampered, replayed or cut
short; applied all or nothing; My round, linked inspections and the centre's board."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest
from pyrage import ssh

from inspector_app.core import centre_key, inspections, rounds
from inspector_app.core import settings as settings_svc
from inspector_app.core.bundle.importer import import_files
from inspector_app.core.keys import signing_key
from inspector_app.core.my_round import my_assignments, start_assignment
from inspector_app.core.package.apply import import_package
from inspector_app.core.package.reader import (
    PackageRejected,
    decrypt_package,
    ssh_recipient,
)
from inspector_app.core.package.writer import WrittenPackage, write_package
from inspector_app.core.store import Store
from tests.bundles import LAPTOP_PASS, Laptop, enroll_laptop, export, make_laptop, row_counts
from tests.factories import make_jpeg
from tests.packages import CENTRE_PASS, ready_centre, week_round


@dataclass
class Setup:
    centre: Store
    a: Laptop
    b: Laptop
    round_id: str
    folder: Path


@pytest.fixture
def setup(tmp_path: Path, laptop: Laptop, centre: Store) -> Iterator[Setup]:
    """A centre with a round assigned to T01 (the laptop) and T02, both laptops pinned."""
    ready_centre(centre, tmp_path / "csv")
    b = make_laptop(tmp_path, "laptop-b")
    enroll_laptop(centre, b, name="李四", code="T02")
    rnd = week_round(centre, per_type=2)
    rounds.assign_round(centre, rnd.id, ["T01", "T02"])
    pub = tmp_path / "centre.pub"
    centre_key.write_public_key(centre, pub)
    for lap in (laptop, b):
        centre_key.pin_centre_key(lap.store, pub)
    out = tmp_path / "stick"
    out.mkdir()
    try:
        yield Setup(centre, laptop, b, rnd.id, out)
    finally:
        b.store.close()


def package(s: Setup, code: str = "T01", **kw: object) -> WrittenPackage:
    return write_package(s.centre, s.round_id, code, s.folder, passphrase=CENTRE_PASS, **kw)  # type: ignore[arg-type]


def refused(lap: Laptop, path: Path, match: str) -> None:
    before = row_counts(lap.store)
    with pytest.raises(PackageRejected, match=match):
        import_package(lap.store, path, LAPTOP_PASS)
    assert row_counts(lap.store) == before


def test_a_package_is_applied_and_shows_as_my_round(setup: Setup) -> None:
    written = package(setup, "T01")
    assert written.path.name == f"{written.package_id}.package.age"
    assert written.register_mode == "full" and written.sequence == 1
    result = import_package(setup.a.store, written.path, LAPTOP_PASS)
    assert result.status == "applied"
    assert result.assignments == written.assignments > 0
    mine = my_assignments(setup.a.store)
    board = rounds.round_board(setup.centre, setup.round_id)
    assert sorted(a.point_code for a in mine) == sorted(
        a.point_code for a in board.assignments if a.inspector_code == "T01"
    )
    assert {a.status for a in mine} == {"todo"}
    assert all(a.days_left == 6 for a in mine)
    # the same package again changes nothing
    before = row_counts(setup.a.store)
    assert import_package(setup.a.store, written.path, LAPTOP_PASS).status == "already applied"
    assert row_counts(setup.a.store) == before


def test_a_package_for_inspector_a_cannot_be_read_with_b_s_key(setup: Setup) -> None:
    written = package(setup, "T01")
    refused(setup.b, written.path, "encrypted for another inspector")


def test_without_a_pinned_key_the_refusal_says_how_to_pin(setup: Setup) -> None:
    written = package(setup, "T01")
    with setup.a.store.write() as s:
        from inspector_app.core.db.models import Setting

        row = s.get(Setting, centre_key.PINNED_SETTING)
        assert row is not None
        s.delete(row)
    refused(setup.a, written.path, r"centre-key pin FILE\.pub")


def test_a_package_signed_by_an_unpinned_key_is_refused(setup: Setup, tmp_path: Path) -> None:
    from inspector_app.core.store import open_store

    other = open_store(tmp_path / "other-centre", actor="intruder")
    try:
        ready_centre(other, tmp_path / "csv2")
        enroll_laptop(other, setup.a)
        rnd = week_round(other)
        rounds.assign_round(other, rnd.id, ["T01"])
        forged = write_package(other, rnd.id, "T01", setup.folder, passphrase=CENTRE_PASS)
    finally:
        other.close()
    refused(setup.a, forged.path, "not by the pinned command-centre key")


def _plain(lap: Laptop, path: Path) -> bytes:
    _key, private = signing_key(lap.store, LAPTOP_PASS)
    return decrypt_package(path.read_bytes(), private)


def _reseal(lap: Laptop, plain: bytes, path: Path) -> Path:
    recipient = ssh.Recipient.from_str(ssh_recipient(lap.public_key))
    path.write_bytes(pyrage.encrypt(plain, [recipient]))
    return path


def test_a_tampered_package_is_refused(setup: Setup, tmp_path: Path) -> None:
    written = package(setup, "T01")
    plain = bytearray(_plain(setup.a, written.path))
    at = plain.index(b'"assignments"')  # inside package.json
    plain[at + 1 : at + 2] = b"A"
    refused(
        setup.a, _reseal(setup.a, bytes(plain), tmp_path / "t.age"), "does not match its SHA-256"
    )
    # an encrypted byte changed: age's authentication refuses it
    data = bytearray(written.path.read_bytes())
    data[-100] ^= 0x01
    bad = tmp_path / "flip.age"
    bad.write_bytes(bytes(data))
    refused(setup.a, bad, "damaged or truncated")


def test_a_rebuilt_package_with_an_extra_entry_is_refused(setup: Setup, tmp_path: Path) -> None:
    written = package(setup, "T01")
    plain = _plain(setup.a, written.path)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        top = src.namelist()[0].split("/")[0]
        dst.writestr(f"{top}/data/extra.txt", b"x")
    path = _reseal(setup.a, buf.getvalue(), tmp_path / "extra.age")
    refused(setup.a, path, "extra.txt")


def test_a_truncated_package_is_refused(setup: Setup, tmp_path: Path) -> None:
    written = package(setup, "T01")
    cut = tmp_path / "cut.age"
    cut.write_bytes(written.path.read_bytes()[:-300])
    refused(setup.a, cut, "damaged or truncated")
    plain = _plain(setup.a, written.path)
    refused(setup.a, _reseal(setup.a, plain[:-40], tmp_path / "z.age"), "truncated|no end record")


def test_an_older_package_than_the_last_applied_is_refused_as_a_replay(setup: Setup) -> None:
    first = package(setup, "T01")
    second = package(setup, "T01")
    assert (first.sequence, second.sequence) == (1, 2)
    assert second.register_mode == "changes"
    refused(setup.a, second.path, "ask the command centre for a package with the full register")
    third = package(setup, "T01", full_register=True)
    assert third.register_mode == "full"
    import_package(setup.a.store, first.path, LAPTOP_PASS)
    import_package(setup.a.store, third.path, LAPTOP_PASS)
    # package 2 was never applied, but 3 was: 2 is older, refused
    refused(setup.a, second.path, "package number 2 is not newer than the last one applied here")


def test_a_package_brings_the_recipient_and_register_changes(setup: Setup, tmp_path: Path) -> None:
    from inspector_app.core import centre

    recipient = centre.init_encryption(setup.centre, CENTRE_PASS)
    first = package(setup, "T01")
    applied = import_package(setup.a.store, first.path, LAPTOP_PASS)
    assert applied.recipient_set
    assert settings_svc.get_recipient(setup.a.store) == recipient
    csv = tmp_path / "changed.csv"
    csv.write_text(
        "code,name,type,district,street,unit,address,latitude,longitude\n"
        "FM-T1,东关菜市场（新）,FARMERS_MARKET,红旗区,东街街道,红旗区市场监督管理局,东关大街1号,35.30,113.87\n"
        "NEW-1,新建公交站,BUS_STOP,牧野区,花园街道,市公交集团,新路,,\n",
        encoding="utf-8",
    )
    from inspector_app.core.points import get_point, import_points_file

    import_points_file(setup.centre, csv)
    second = package(setup, "T01")
    result = import_package(setup.a.store, second.path, LAPTOP_PASS)
    assert (result.points_added, result.points_updated) == (1, 1)
    assert get_point(setup.a.store, "FM-T1").name == "东关菜市场（新）"


def test_rotation_is_announced_by_the_old_key_then_only_the_new_key_is_accepted(
    setup: Setup,
) -> None:
    from datetime import UTC, datetime

    from inspector_app.core.package import format as pfmt
    from inspector_app.core.package.writer import build_zip

    import_package(setup.a.store, package(setup, "T01").path, LAPTOP_PASS)
    old = centre_key.require_signing_key(setup.centre)
    new = centre_key.rotate_signing_key(setup.centre, CENTRE_PASS)
    assert new.previous_key_id == old.key_id
    announcing = package(setup, "T01")
    assert (announcing.centre_key_id, announcing.announced_key_id) == (old.key_id, new.key_id)
    applied = import_package(setup.a.store, announcing.path, LAPTOP_PASS)
    assert applied.new_centre_key_id == new.key_id
    assert centre_key.pinned_centre_key(setup.a.store) == new.public
    # a package the old key signs now is refused
    public, private = centre_key.load_signing_key(setup.centre, CENTRE_PASS, previous=True)
    plain = _plain(setup.a, announcing.path)
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        doc_bytes = z.read(next(n for n in z.namelist() if n.endswith("package.json")))
    created = datetime.now(UTC).replace(microsecond=0)
    pid = "0b5e0f8e-1c49-4b0e-9a55-0d6a1c0e0001"
    comment = pfmt.TrustedComment(pid, public.key_id, setup.a.key_id, 9, pfmt.utc_iso(created))
    stale = build_zip(
        package_id=pid, doc_bytes=doc_bytes, comment=comment, private=private, created=created
    )
    path = _reseal(setup.a, stale, setup.folder / "stale.package.age")
    refused(setup.a, path, f"not by the pinned command-centre key {new.key_id}")
    # the next package is signed by the new key and applies
    later = package(setup, "T01")
    assert (later.centre_key_id, later.announced_key_id) == (new.key_id, None)
    assert import_package(setup.a.store, later.path, LAPTOP_PASS).status == "applied"


def _inspect(lap: Laptop, assignment_id: str) -> str:
    insp = start_assignment(lap.store, assignment_id)
    items = inspections.get_inspection(lap.store, insp.id).items
    photo = make_jpeg(lap.folder / "cam" / f"{assignment_id}.jpg")
    problem = next(i for i in items if i.mode == "pass_fail")
    inspections.record_finding(lap.store, insp.id, problem.code, "problem", photos=[photo])
    inspections.finalise_inspection(lap.store, insp.id)
    return insp.id


def test_an_inspection_started_from_an_assignment_is_linked_and_the_board_counts_it(
    setup: Setup, tmp_path: Path
) -> None:
    for lap, code in ((setup.a, "T01"), (setup.b, "T02")):
        import_package(lap.store, package(setup, code).path, LAPTOP_PASS)
    mine = my_assignments(setup.a.store)
    started = start_assignment(setup.a.store, mine[0].id)
    assert (started.round_id, started.assignment_id) == (setup.round_id, mine[0].id)
    with pytest.raises(Exception, match="already has an inspection in progress"):
        start_assignment(setup.a.store, mine[0].id)
    status = {a.id: a.status for a in my_assignments(setup.a.store)}
    assert status[mine[0].id] == "in_progress"
    done_a = _inspect(setup.a, mine[1].id)
    done_b = _inspect(setup.b, my_assignments(setup.b.store)[0].id)
    status = {a.id: a.status for a in my_assignments(setup.a.store)}
    assert status[mine[1].id] == "done"
    # the bundles carry round and assignment; the centre's board counts them
    paths = export(setup.a, [done_a], tmp_path / "back") + export(
        setup.b, [done_b], tmp_path / "back"
    )
    assert {a.status for a in my_assignments(setup.a.store) if a.id == mine[1].id} == {"exported"}
    reports = import_files(setup.centre, paths)
    assert [r.verdict for r in reports] == ["IMPORTED", "IMPORTED"], reports
    board = rounds.round_board(setup.centre, setup.round_id)
    by = {r.label: r for r in board.by_inspector}
    assert (by["T01"].received, by["T02"].received) == (1, 1)
    assert board.total.received == board.total.exported == board.total.inspected == 2
    assert board.total.assigned == len(board.assignments) == 4
    received = {a.point_code for a in board.assignments if a.status == "received"}
    assert mine[1].point_code in received
    assert sum(r.received for r in board.by_district) == 2
    assert board.completion == 0.5
