"""A kill at any instant of an import leaves whole bundles or none of a bundle: a child runs
`inspector-app import FOLDER` on a fresh copy of a command centre and is SIGKILLed at a
random instant; the store must pass its integrity check, hold every bundle wholly (rows,
photo files with their hashes, audit events) or not at all, keep an unbroken audit chain,
and a later import of the same folder must bring in each bundle exactly once."""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from inspector_app.core.audit import verify_chain
from inspector_app.core.bundle.importer import ALREADY_IMPORTED, IMPORTED, import_files
from inspector_app.core.paths import DataPaths
from inspector_app.core.photos import photo_path
from inspector_app.core.store import open_store
from tests.bundles import enroll_laptop, export, make_centre, make_final, make_laptop, row_counts
from tests.reliability.killing import run_then_kill

ROUNDS = 20
LAPTOPS = 3
#: bundles per laptop, two inspections (two photos) each: 24 bundles are two of the
#: importer's transaction groups (16 bundles, then 8), so a kill can fall between commits
BUNDLES_EACH = 8


@dataclass(frozen=True)
class Rows:
    """Everything of one bundle found in a store, looked up by the ids the bundle carries
    (so a half-imported bundle shows even without its `bundles` row)."""

    bundle: bool
    links: frozenset[str]
    inspections: frozenset[tuple[str, str | None, str]]
    findings: frozenset[tuple[str, str, str, str]]
    attachments: frozenset[tuple[str, str | None, str]]
    photos: frozenset[str]
    events: frozenset[tuple[str, str]]

    @property
    def empty(self) -> bool:
        return not (
            self.bundle
            or self.links
            or self.inspections
            or self.findings
            or self.attachments
            or self.photos
            or self.events
        )


@dataclass(frozen=True)
class Carried:
    """The ids one bundle carries, as a serial import stored them."""

    inspections: tuple[str, ...]
    photos: tuple[str, ...]


def _marks(values: Iterable[str]) -> tuple[str, list[str]]:
    listed = list(values)
    return ",".join("?" * len(listed)) or "NULL", listed


def _rows(con: sqlite3.Connection, bundle_id: str, carried: Carried) -> Rows:
    insp_in, insp = _marks(carried.inspections)
    photo_in, photos = _marks(carried.photos)
    ids_in, ids = _marks([bundle_id, *carried.inspections, *carried.photos])
    return Rows(
        bundle=con.execute("SELECT 1 FROM bundles WHERE id = ?", (bundle_id,)).fetchone()
        is not None,
        links=frozenset(
            r[0]
            for r in con.execute(
                "SELECT inspection_id FROM bundle_inspections WHERE bundle_id = ?", (bundle_id,)
            )
        ),
        inspections=frozenset(
            con.execute(
                f"SELECT id, origin_bundle_id, status FROM inspections WHERE id IN ({insp_in})",
                insp,
            ).fetchall()
        ),
        findings=frozenset(
            con.execute(
                "SELECT id, inspection_id, result, note FROM findings "
                f"WHERE inspection_id IN ({insp_in})",
                insp,
            ).fetchall()
        ),
        attachments=frozenset(
            con.execute(
                "SELECT inspection_id, finding_id, photo_sha256 FROM photo_attachments "
                f"WHERE inspection_id IN ({insp_in}) OR photo_sha256 IN ({photo_in})",
                [*insp, *photos],
            ).fetchall()
        ),
        photos=frozenset(
            r[0]
            for r in con.execute(f"SELECT sha256 FROM photos WHERE sha256 IN ({photo_in})", photos)
        ),
        events=frozenset(
            con.execute(
                f"SELECT action, entity_id FROM audit_events WHERE entity_id IN ({ids_in})", ids
            ).fetchall()
        ),
    )


def _carried(con: sqlite3.Connection) -> dict[str, Carried]:
    out: dict[str, Carried] = {}
    for (bundle_id,) in con.execute("SELECT id FROM bundles ORDER BY id").fetchall():
        insp = [
            r[0]
            for r in con.execute(
                "SELECT inspection_id FROM bundle_inspections WHERE bundle_id = ? "
                "ORDER BY inspection_id",
                (bundle_id,),
            )
        ]
        marks, _ = _marks(insp)
        photos = [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT photo_sha256 FROM photo_attachments "
                f"WHERE inspection_id IN ({marks}) ORDER BY photo_sha256",
                insp,
            )
        ]
        out[bundle_id] = Carried(tuple(insp), tuple(photos))
    return out


def _leftovers(data_dir: Path) -> tuple[list[str], list[str]]:
    """Harmless remains of a kill: temp files, and photo files no row refers to
    (content-addressed, so a later import of the photo reuses them)."""
    paths = DataPaths(data_dir)
    temps = sorted(
        p.name
        for folder in (paths.tmp, paths.photos_tmp)
        if folder.exists()
        for p in folder.rglob("*")
        if p.is_file()
    )
    con = sqlite3.connect(paths.database)
    try:
        rows = {r[0] for r in con.execute("SELECT sha256 FROM photos")}
    finally:
        con.close()
    files = (
        [p for p in paths.photos.rglob("*") if p.is_file() and p.parent != paths.photos_tmp]
        if paths.photos.exists()
        else []
    )
    return temps, sorted(p.name for p in files if p.name.split(".")[0] not in rows)


def _said(leftovers: tuple[list[str], list[str]]) -> str:
    temps, unreferenced = leftovers
    return (
        f"leftovers: {len(temps)} temp file(s) {temps[:5]}, "
        f"{len(unreferenced)} unreferenced photo file(s) {unreferenced[:5]}"
    )


MARK = "INSPECTOR_IMPORT_KILL_ROUND"


def _survivors(token: str) -> dict[int, str]:
    """Processes other than this one that carry the round's environment mark: the killed
    child's own processes (a worker) that outlived it. Pid to command line."""
    found: dict[int, str] = {}
    mark = f"{MARK}={token}".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if mark not in (proc / "environ").read_bytes().split(b"\0"):
                continue
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # gone meanwhile, or not ours to read
        found[int(proc.name)] = cmd.strip()[:160]
    return found


def _reap(token: str) -> dict[int, str]:
    """The round's survivors after a grace of 1.5 s (time for a worker that watches its
    parent to notice), each then killed by its pid."""
    deadline = time.monotonic() + 1.5
    while (left := _survivors(token)) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return left


def _check(
    data_dir: Path, carried: dict[str, Carried], whole: dict[str, Rows], what: str
) -> set[str]:
    """The invariants after a kill; returns the ids of the bundles wholly imported."""
    paths = DataPaths(data_dir)
    con = sqlite3.connect(paths.database)
    present: set[str] = set()
    try:
        problems: list[str] = []
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:5]}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:5]}")
        for bundle_id, ids in carried.items():
            found = _rows(con, bundle_id, ids)
            if found == whole[bundle_id]:
                present.add(bundle_id)
            elif not found.empty:
                problems.append(
                    f"bundle {bundle_id} partly imported: {found} != {whole[bundle_id]}"
                )
        for sha, size in con.execute("SELECT sha256, size_bytes FROM photos"):
            f = photo_path(paths, sha)
            if not f.is_file():
                problems.append(f"photo row {sha} has no file")
                continue
            data = f.read_bytes()
            if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
                problems.append(f"photo file {f.name} does not hold photo {sha}")
    finally:
        con.close()
    store = open_store(data_dir, actor="checker")
    try:
        with store.read() as s:
            chain = verify_chain(s)
    finally:
        store.close()
    if not chain.ok:
        problems.append(f"audit chain: {chain.problems[:5]}")
    assert not problems, f"{what}: " + "; ".join(problems) + f"; {_said(_leftovers(data_dir))}"
    return present


@pytest.mark.sqlite_only  # checks the SQLite file (integrity_check) after each kill
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_import_leaves_whole_bundles_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    laptops = [make_laptop(tmp_path, f"laptop{n}") for n in range(LAPTOPS)]
    try:
        for lap in laptops:
            for _ in range(BUNDLES_EACH):
                export(lap, [make_final(lap, "FM-T1"), make_final(lap, "MR-T1")], usb)
        baseline = make_centre(tmp_path)
        for n, lap in enumerate(laptops):
            enroll_laptop(baseline, lap, name=f"检查员{n}", code=f"T{n:02}")
        baseline_dir = baseline.paths.root
        baseline.close()
    finally:
        for lap in laptops:
            lap.store.close()
    files = sorted(usb.iterdir())
    assert len(files) == LAPTOPS * BUNDLES_EACH

    # The reference: the same folder imported serially, without a kill, into a fresh copy.
    reference_dir = tmp_path / "reference"
    shutil.copytree(baseline_dir, reference_dir)
    reference = open_store(reference_dir, actor="supervisor")
    started = time.perf_counter()
    reports = import_files(reference, [usb])
    serial = time.perf_counter() - started
    expected_counts = row_counts(reference)
    reference.close()
    assert [r.verdict for r in reports] == [IMPORTED] * len(files)
    con = sqlite3.connect(DataPaths(reference_dir).database)
    try:
        carried = _carried(con)
        whole = {b: _rows(con, b, ids) for b, ids in carried.items()}
    finally:
        con.close()
    assert len(carried) == len(files)
    every_photo = [sha for ids in carried.values() for sha in ids.photos]
    assert len(every_photo) == len(set(every_photo))  # no photo shared: "none" is exact

    rng = random.Random(20261127)
    # The child's import takes about as long as the serial one (READY comes after its
    # imports); a few kills fall after the end, which must change nothing either.
    window = 1.1 * serial
    outcomes: list[int] = []
    outlived: list[str] = []
    left_temps = left_photos = 0  # rounds whose kill left temp / unreferenced photo files
    for round_no in range(ROUNDS):
        work = tmp_path / f"kill{round_no}"
        shutil.copytree(baseline_dir, work)
        log = tmp_path / f"kill{round_no}.log"
        after = rng.uniform(0.0, window)
        token = f"{os.getpid()}-{round_no}-{time.time_ns()}"
        monkeypatch.setenv(MARK, token)  # inherited by the child and whatever it starts
        try:
            run_then_kill(
                "tests.reliability.import_kill_child", [str(work), str(usb), str(log)], after=after
            )
        finally:
            left = _reap(token)
        what = f"round {round_no}, killed {after:.3f} s into the import"
        outlived.extend(f"{what}: {pid} {cmd}" for pid, cmd in left.items())
        out = log.read_text(errors="replace") if log.exists() else ""
        present = _check(work, carried, whole, what)
        temps, unreferenced = _leftovers(work)
        left_temps += bool(temps)
        left_photos += bool(unreferenced)
        if "DONE" in out:
            assert len(present) == len(files), f"{what}: the import ended but {out!r}"
        outcomes.append(len(present))

        store = open_store(work, actor="supervisor")
        try:
            again = import_files(store, [usb])
            counts = row_counts(store)
        finally:
            store.close()
        verdicts = {r.bundle_id: r.verdict for r in again}
        assert len(again) == len(files), f"{what}: {again}"
        assert verdicts == {b: ALREADY_IMPORTED if b in present else IMPORTED for b in carried}, (
            f"{what}: {[(r.file, r.verdict, r.reason) for r in again if r.verdict != IMPORTED]}"
        )
        assert counts == expected_counts, f"{what}: {counts} != {expected_counts}"
        assert _check(work, carried, whole, f"{what}, after the import again") == set(carried)
        shutil.rmtree(work)

    # The kills fell at different stages: before any commit, between commits, after the end.
    print(
        f"serial import {serial:.3f} s; bundles whole after each kill: {outcomes}; kills "
        f"leaving temp files: {left_temps}, unreferenced photo files: {left_photos}"
    )
    # A process of the import living on after it was killed holds its stdout and stderr
    # (a `| tee` never ends) and stays for good; none may.
    assert not outlived, "processes outlived the killed import:\n" + "\n".join(outlived)
    assert min(outcomes) < len(files), f"no kill fell inside the import: {outcomes}"
