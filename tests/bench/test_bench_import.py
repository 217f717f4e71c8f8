"""Importing at the command centre against its floor (DESIGN §13): 100 signed bundles of
10 final inspections and 30 photos each (≈ 2 MB a bundle) from two inspectors' laptops.

The floor, measured in the same run on one core: the bundle bench's verify floor
(SHA-256 of every entry, read straight from the zip) for the same 100 files, plus writing
each photo's bytes to a new file in a fresh folder and fsyncing it (and the folder once a
bundle). Ours is `import_files` on a fresh centre store, in-process as `inspector-app
import` runs it: strict verification (each photo's hash and CRC checked as it is
copied), arrival rules, the originals stored (fsynced, renamed, their folders fsynced)
and every row with its audit events, committed by groups of bundles (a savepoint each);
its thumbnails (a full decode of each photo) are timed apart, as `make_thumbnails` after
it.
Limit: the import ≤ 1.5 × the floor.

The floor and the import take turns going first, round by round. Nothing is deleted
until every round is done. On ext4 without a journal (as on the
machines this runs on), creating a file skips, one by one, every inode of its block group
freed in the last minutes: right after a folder of 3,000 photos is deleted, each new file
costs ten times as much to create. Deleting each run's folder before the next run made
whichever run came next pay for it.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.bench.record import record_section
from tests.bench.test_bench_bundle import verify_floor
from tests.bench.test_bench_photos import _base_image, _exif

BUNDLES = 100
PER_BUNDLE = 10  # inspections
PHOTOS_PER_INSPECTION = 3  # one on a pass/fail problem, two on a counted one
LAPTOPS = 2
BASES = 3
PHOTO_SIZE = (800, 600)
PHOTO_QUALITY = 75
PHOTO_BYTES = 72_500  # every photo padded to this size: bundles split exactly at 10
ROUNDS = 4
LIMIT = 1.5
POINTS = ["FM-T1", "MR-T1", "BS-T1", "CO-T1"]
INSPECTORS = [("张三", "T01"), ("李四", "T02")]

FIGURES: dict[str, Any] = {}


@pytest.fixture(scope="module", autouse=True)
def _write_figures() -> Iterator[None]:
    yield
    if FIGURES:
        record_section("Command centre: import", _report())


def _report() -> str:
    f = FIGURES
    ratio = f["import"] / f["floor"]
    both = f["import"] + f["thumbnails"]
    return "\n".join(
        [
            f"Best of {ROUNDS} interleaved rounds, the floor and ours going first in turn. "
            f"{f['bundles']} signed bundles from "
            f"{LAPTOPS} laptops, each of {PER_BUNDLE} final inspections and "
            f"{PER_BUNDLE * PHOTOS_PER_INSPECTION} JPEGs ({PHOTO_SIZE[0]}x{PHOTO_SIZE[1]}, "
            f"{PHOTO_BYTES // 1000} kB): {f['mb']:.0f} MB of bundles, "
            f"{f['photos']} photos, {f['inspections']} inspections, into a fresh centre store.",
            "",
            "| run | seconds | bundles/s | MB/s | ratio | limit |",
            "|---|---|---|---|---|---|",
            f"| floor: verify floor ({f['floor_verify']:.2f} s) + write and fsync each photo "
            f"({f['floor_write']:.2f} s) | {f['floor']:.2f} | {f['bundles'] / f['floor']:.0f} "
            f"| {f['mb'] / f['floor']:.0f} | 1.00 | |",
            f"| `import_files(thumbnails=False)`: verify, arrival rules, originals stored, rows "
            f"and audit events | {f['import']:.2f} | {f['bundles'] / f['import']:.0f} "
            f"| {f['mb'] / f['import']:.0f} | **{ratio:.2f}** | ≤ {LIMIT} |",
            f"| then `make_thumbnails` (2 workers: a full draft-mode decode of each photo) "
            f"| {f['thumbnails']:.2f} | | | {f['thumbnails'] / f['floor']:.2f} | |",
            f"| both: what `import_files()` does by default | {both:.2f} "
            f"| {f['bundles'] / both:.0f} | {f['mb'] / both:.0f} | {both / f['floor']:.2f} | |",
            "",
            "A thumbnail needs a full (draft-mode) decode of its photo, which the floor does "
            "not count and which alone costs several floors with photos this small; it is "
            "derived from the original and can always be made again, so an import may report "
            "before its thumbnails are made (`import_files(thumbnails=False)`, then "
            "`photos.make_thumbnails` with the reports' `new_photos`). By default they are "
            "made, and a photo that does not decode refuses its bundle, before the bundle "
            "is recorded.",
            "",
            "Where an import's time goes (timers on each step, py-spy, perf): the importing "
            "thread verifies each bundle (signature, manifests, bundle.json parsed and "
            "cross-checked, each JPEG's frame header read by walking its segments; the "
            "hashes of the photos' bytes are left to their copy) in about 4.5 ms, then "
            "applies the arrival rules and writes the rows and audit events, one "
            "executemany per table (`db.bulk`), in about 8.5 ms, with the cycle collector "
            "paused. Meanwhile a copier thread reads each photo once, hashing it and "
            "checking its CRC against what was signed, and writes it to a temp file whose "
            "fsync starts at once; a bundle's savepoint is released once its copies are "
            "done, while the next bundle is verified. At the end of each group of 16 "
            "bundles the originals are renamed into place and their folders fsynced (about "
            "25 ms) before the commit.",
            "",
            "Nothing is deleted until every round is done. On ext4 without a journal, as "
            "here, creating a file skips one by one every inode of its block group freed in "
            "the last minutes: the run that came right after the deletion of the previous "
            "run's 3,000 photos paid about 0.9 s more for creating its files (0.1 s against "
            "1.0 s, measured).",
        ]
    )


# --- the data -----------------------------------------------------------------------------------


_BASES: list[bytes] = []


def _photo_bytes(n: int) -> bytes:
    """A realistic small JPEG (one of a few pictures), unique and exactly PHOTO_BYTES long:
    a COM segment right after SOI carries the number and the padding."""
    if not _BASES:
        for k in range(BASES):
            buf = io.BytesIO()
            small = _base_image(k).resize(PHOTO_SIZE)
            small.save(buf, "JPEG", quality=PHOTO_QUALITY, exif=_exif(k))
            _BASES.append(buf.getvalue())
    base = _BASES[n % BASES]
    label = f"bench import photo {n:06d} ".encode()
    payload = label.ljust(PHOTO_BYTES - len(base) - 4, b".")
    assert len(payload) + 2 <= 0xFFFF
    data = base[:2] + b"\xff\xfe" + struct.pack(">H", len(payload) + 2) + payload + base[2:]
    assert len(data) == PHOTO_BYTES
    return data


def _inspect(laptop: Any, n: int) -> str:
    """A final inspection: a pass/fail problem (1 photo), a counted problem (2 photos), the
    other items passed."""
    from inspector_app.core import inspections as svc

    store = laptop.store
    insp = svc.start_inspection(store, POINTS[n % len(POINTS)])
    items = svc.get_inspection(store, insp.id).items
    camera = laptop.folder / "camera"
    camera.mkdir(exist_ok=True)
    shots = []
    for k in range(PHOTOS_PER_INSPECTION):
        path = camera / f"IMG_{n:05d}_{k}.JPG"
        path.write_bytes(_photo_bytes(n * PHOTOS_PER_INSPECTION + k))
        shots.append(path)
    fail = next(i for i in items if i.mode == "pass_fail")
    counted = next(i for i in items if i.mode == "per_instance")
    svc.record_finding(store, insp.id, fail.code, "problem", note="门口堆放杂物", photos=shots[:1])
    svc.record_finding(
        store, insp.id, counted.code, "problem", count=2, note="两处", photos=shots[1:]
    )
    for item in items:
        if item.code not in (fail.code, counted.code):
            svc.record_finding(store, insp.id, item.code, "pass")
    svc.finalise_inspection(store, insp.id)  # the camera's files are kept: see the top
    return insp.id


def build_bundles(root: Path) -> tuple[list[Any], Path]:
    """Two laptops' final inspections exported (the real path) as 100 bundles in `usb/`."""
    from inspector_app.core.bundle import writer
    from tests.bundles import LAPTOP_PASS, make_laptop

    usb = root / "usb"
    usb.mkdir()
    laptops = []
    per_laptop = BUNDLES // LAPTOPS * PER_BUNDLE
    per_photo = PHOTO_BYTES + writer.PHOTO_OVERHEAD
    # The writer's own estimate, so that exactly PER_BUNDLE inspections fit in a bundle.
    max_bytes = (
        writer.BUNDLE_OVERHEAD
        + PER_BUNDLE * (writer.INSPECTION_OVERHEAD + PHOTOS_PER_INSPECTION * per_photo)
        + 1
    )
    for k in range(LAPTOPS):
        laptop = make_laptop(root, f"laptop{k}")
        laptops.append(laptop)
        ids = [_inspect(laptop, k * per_laptop + n) for n in range(per_laptop)]
        done = writer.export_bundles(
            laptop.store,
            inspection_ids=ids,
            out_dir=usb,
            passphrase=LAPTOP_PASS,
            max_bytes=max_bytes,
        )
        assert len(done) == BUNDLES // LAPTOPS
    return laptops, usb


# --- the runs ---------------------------------------------------------------------------------


def _photo_members(zip_path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(zip_path) as zf:
        return [
            (i.filename.rsplit("/", 1)[1], zf.read(i))
            for i in zf.infolist()
            if "/data/photos/" in i.filename
        ]


def floor_run(zips: list[Path], out: Path) -> tuple[float, float]:
    """Seconds of the verify floor and of writing + fsyncing the photos, over all bundles."""
    out.mkdir()
    verifying = writing = 0.0
    folder = os.open(out, os.O_RDONLY)
    try:
        for zip_path in zips:
            verifying += verify_floor(zip_path)
            photos = _photo_members(zip_path)  # bytes in hand: their reading is counted above
            t0 = time.perf_counter()
            for name, data in photos:
                with open(out / name, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
            os.fsync(folder)
            writing += time.perf_counter() - t0
    finally:
        os.close(folder)
    return verifying, writing


def import_run(usb: Path, laptops: list[Any], data_dir: Path) -> tuple[float, float]:
    """Ours into a fresh centre store with the laptops' keys enrolled (not timed): the
    import (originals and rows), then the thumbnails of the photos it added."""
    from inspector_app.core.bundle.importer import IMPORTED, import_files
    from inspector_app.core.photos import make_thumbnails, thumbnail_path
    from inspector_app.core.store import open_store
    from tests.bundles import enroll_laptop

    centre = open_store(data_dir, actor="supervisor")
    try:
        for laptop, (name, code) in zip(laptops, INSPECTORS, strict=True):
            enroll_laptop(centre, laptop, name=name, code=code)
        t0 = time.perf_counter()
        reports = import_files(centre, [usb], thumbnails=False)
        elapsed = time.perf_counter() - t0
        shas = [sha for r in reports for sha in r.new_photos]
        t0 = time.perf_counter()
        failed = make_thumbnails(centre.paths, shas)
        thumbnails = time.perf_counter() - t0
        assert not failed
        assert all(thumbnail_path(centre.paths, sha).is_file() for sha in shas)
    finally:
        centre.close()
    assert len(reports) == BUNDLES
    bad = [r for r in reports if r.verdict != IMPORTED]
    assert not bad, bad[:3]
    assert sum(r.imported for r in reports) == BUNDLES * PER_BUNDLE
    assert sum(r.photos_added for r in reports) == BUNDLES * PER_BUNDLE * PHOTOS_PER_INSPECTION
    assert len(shas) == BUNDLES * PER_BUNDLE * PHOTOS_PER_INSPECTION
    return elapsed, thumbnails


def test_import_against_its_floor(tmp_path: Path) -> None:
    laptops, usb = build_bundles(tmp_path)
    try:
        zips = sorted(usb.glob("*.zip"))
        assert len(zips) == BUNDLES
        mb = sum(z.stat().st_size for z in zips) / 1e6
        times: dict[str, list[float]] = {
            k: [] for k in ("floor", "verify", "write", "import", "thumbnails")
        }
        for r in range(ROUNDS):

            def floor(r: int = r) -> None:
                verifying, writing = floor_run(zips, tmp_path / f"floor{r}")
                times["verify"].append(verifying)
                times["write"].append(writing)
                times["floor"].append(verifying + writing)

            def ours(r: int = r) -> None:
                imported, thumbnails = import_run(usb, laptops, tmp_path / f"centre{r}")
                times["import"].append(imported)
                times["thumbnails"].append(thumbnails)

            # Each goes first in turn: the disk is not in the same state for the second.
            for run in (floor, ours) if r % 2 == 0 else (ours, floor):
                run()
    finally:
        for laptop in laptops:
            laptop.store.close()
        shutil.rmtree(tmp_path, ignore_errors=True)
    best = {k: min(v) for k, v in times.items()}
    FIGURES.update(
        floor=best["floor"],
        floor_verify=best["verify"],
        floor_write=best["write"],
        bundles=BUNDLES,
        mb=mb,
        photos=BUNDLES * PER_BUNDLE * PHOTOS_PER_INSPECTION,
        inspections=BUNDLES * PER_BUNDLE,
        thumbnails=best["thumbnails"],
        **{"import": best["import"]},
    )
    ratio = best["import"] / best["floor"]
    print()
    print(f"import, {BUNDLES} bundles ({mb:.0f} MB), best of {ROUNDS}:")
    for k, v in times.items():
        print(f"  {k:8s} {best[k]:6.2f} s  [{', '.join(f'{t:.2f}' for t in v)}]")
    print(
        f"  import / floor {ratio:.2f} (limit {LIMIT}); {BUNDLES / best['import']:.1f} "
        f"bundles/s, {mb / best['import']:.1f} MB/s"
    )
    assert ratio <= LIMIT
