"""Photo ingest against its floor (DESIGN §13), and its peak memory over 1,000 photos.

The floor, per photo, on one core: SHA-256 of the bytes, a draft-mode decode to a 256 px
thumbnail, and writing the bytes to a new file and fsyncing it; the least any program that
keeps photos as evidence must do. Ours adds EXIF, the thumbnail file, renames, folder
fsyncs and the database row with its audit event.
Limits: ours on one worker ≤ 1.3 × the floor; on two workers faster than the floor;
peak memory for 1,000 photos ≤ 250 MB.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import ExifTags, Image

from inspector_app.core.photos import IngestOutcome, ingest_many, record_photo
from inspector_app.core.store import open_store
from tests.bench.record import record_section

WIDTH, HEIGHT = 4000, 3000  # 12 megapixels
PHOTOS = 200
MEMORY_PHOTOS = 1000
BASES = 4
QUALITY = 90
RATIO_LIMIT = 1.3
ROUNDS = 3
MEMORY_LIMIT_MB = 250
RECORD_BATCH = 50  # rows per write transaction, as the camera import does

FIGURES: dict[str, Any] = {}


# --- deterministic photos -------------------------------------------------------------------


def _base_image(k: int) -> Image.Image:
    """Gradients for sky and walls, soft texture, and blocks of fine noise for foliage."""
    red = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    green = Image.radial_gradient("L").resize((WIDTH, HEIGHT))
    blue = red.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    im = Image.merge("RGB", (red, green, blue))
    texture = Image.effect_noise((WIDTH // 4, HEIGHT // 4), 30 + 8 * k).resize(
        (WIDTH, HEIGHT), Image.Resampling.BILINEAR
    )
    im = Image.blend(im, Image.merge("RGB", (texture, texture, texture)), 0.35)
    fine = Image.effect_noise((500, 500), 50).convert("RGB")
    tiles = [(x, y) for x in range(0, WIDTH, 500) for y in range(0, HEIGHT, 500)]
    for i, (x, y) in enumerate(tiles):
        if (i + k) % 3 == 0:
            box = (x, y, x + 500, y + 500)
            im.paste(Image.blend(im.crop(box), fine, 0.5), box)
    return im


def _exif(k: int) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Bench"
    exif[ExifTags.Base.Orientation] = 1
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    ifd[ExifTags.Base.DateTimeOriginal] = f"2024:05:01 09:{10 + k:02}:00"
    ifd[ExifTags.Base.OffsetTimeOriginal] = "+08:00"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (35.0, 18.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (113.0, 55.0, 3.25)
    return exif


_BASE_BYTES: list[bytes] = []


def _base_jpegs() -> list[bytes]:
    if not _BASE_BYTES:
        for k in range(BASES):
            buf = io.BytesIO()
            _base_image(k).save(buf, "JPEG", quality=QUALITY, exif=_exif(k))
            _BASE_BYTES.append(buf.getvalue())
    return _BASE_BYTES


def _unique(jpeg: bytes, n: int) -> bytes:
    """The same picture, other bytes: a COM segment right after SOI."""
    payload = f"bench photo {n:06d}".encode()
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def make_photos(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    bases = _base_jpegs()
    files = []
    for n in range(count):
        path = folder / f"IMG_{n:05d}.JPG"
        path.write_bytes(_unique(bases[n % len(bases)], n))
        files.append(path)
    return files


# --- the runs -------------------------------------------------------------------------------


def floor_run(files: list[Path], out: Path) -> float:
    """The least work, one file after another on one core."""
    out.mkdir()
    t0 = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        with Image.open(io.BytesIO(data)) as im:
            im.draft("RGB", (256, 256))
            im.thumbnail((256, 256))
        with open(out / path.name, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    return time.perf_counter() - t0


def ours_run(files: list[Path], data_dir: Path, workers: int) -> float:
    """Our ingest into a fresh store, database rows included (opening the store is not)."""
    store = open_store(data_dir, actor="bench")
    try:
        t0 = time.perf_counter()
        outcomes = ingest_many(store.paths, files, workers=workers)
        _record(store, outcomes)
        elapsed = time.perf_counter() - t0
    finally:
        store.close()
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok][:3]
    return elapsed


def _record(store: Any, outcomes: list[IngestOutcome]) -> None:
    ready = [o.photo for o in outcomes if o.photo is not None]
    for start in range(0, len(ready), RECORD_BATCH):
        with store.write() as s:
            for photo in ready[start : start + RECORD_BATCH]:
                record_photo(s, photo, actor=store.actor)


@pytest.fixture(scope="module", autouse=True)
def _write_figures() -> Iterator[None]:
    yield
    if FIGURES:
        record_section("Photo ingest", _report())


def _report() -> str:
    lines = []
    f = FIGURES
    if "floor_s" in f:
        per = 1000 / f["photos"]
        lines.append(
            f"Best of {ROUNDS} interleaved rounds. "
            f"{f['photos']} JPEGs of 12 MP ({WIDTH}x{HEIGHT}, quality {QUALITY}, EXIF, "
            f"{f['mb_per_photo']:.1f} MB each). Floor per photo, one core: SHA-256 + draft-mode "
            f"decode to a 256 px thumbnail + write and fsync the bytes "
            f"({f['floor_s'] * per:.1f} ms per photo here = 1.00)."
        )
        lines.append("")
        lines.append("| run | time / floor | limit |")
        lines.append("|---|---|---|")
        lines.append(
            f"| `ingest_many(workers=1)` + `record_photo` | **{f['ratio_1']:.2f}** "
            f"| ≤ {RATIO_LIMIT} |"
        )
        lines.append(
            f"| `ingest_many(workers=2)` + `record_photo` | **{f['ratio_2']:.2f}** | < 1.00 |"
        )
    if "peak_mb" in f:
        lines.append("")
        lines.append(
            f"Peak memory (peak RSS, VmHWM, of a child process) ingesting and recording "
            f"{MEMORY_PHOTOS} such photos with 2 workers: **{f['peak_mb']:.0f} MB** "
            f"(after imports and opening the store: {f['start_mb']:.0f} MB; "
            f"limit {MEMORY_LIMIT_MB} MB)."
        )
    return "\n".join(lines)


def test_ingest_against_its_floor(tmp_path: Path) -> None:
    # Rounds interleave floor and ours, and each keeps its best: other work on the machine
    # slows single runs, never the best of several.
    floors: list[float] = []
    ones: list[float] = []
    twos: list[float] = []
    try:
        files = make_photos(tmp_path / "camera", PHOTOS)
        size = sum(p.stat().st_size for p in files) / len(files)
        for r in range(ROUNDS):
            floors.append(floor_run(files, tmp_path / f"floor_{r}"))
            ones.append(ours_run(files, tmp_path / f"store_1_{r}", workers=1))
            twos.append(ours_run(files, tmp_path / f"store_2_{r}", workers=2))
            for done in tmp_path.glob(f"*_{r}"):
                shutil.rmtree(done)
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)
    floor, ours_1, ours_2 = min(floors), min(ones), min(twos)
    ratio_1, ratio_2 = ours_1 / floor, ours_2 / floor
    FIGURES.update(
        photos=PHOTOS, mb_per_photo=size / 1e6, floor_s=floor, ratio_1=ratio_1, ratio_2=ratio_2
    )
    ms = 1000 / PHOTOS

    def runs(times: list[float]) -> str:
        return ", ".join(f"{t * ms:.1f}" for t in times)

    print()
    print(f"photo ingest, {PHOTOS} x 12 MP JPEG ({size / 1e6:.1f} MB each), best of {ROUNDS}:")
    print(f"  (a) floor, one core         {floor * ms:6.1f} ms/photo  [{runs(floors)}]")
    print(
        f"  (b) ours, workers=1 + rows  {ours_1 * ms:6.1f} ms/photo  [{runs(ones)}]  "
        f"ratio {ratio_1:.2f} (limit {RATIO_LIMIT})"
    )
    print(
        f"  (c) ours, workers=2 + rows  {ours_2 * ms:6.1f} ms/photo  [{runs(twos)}]  "
        f"ratio {ratio_2:.2f} (limit < 1.00)"
    )
    assert ratio_1 <= RATIO_LIMIT
    assert ours_2 < floor


CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    from inspector_app.core.photos import ingest_many, record_photo
    from inspector_app.core.store import open_store

    def rss_mb():
        # VmHWM: the peak RSS of this process's own memory. ru_maxrss would also count
        # the parent's, which a child spawned by vfork inherits at exec.
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    files = sorted(Path(sys.argv[1]).iterdir())
    store = open_store(sys.argv[2], actor="bench")
    start = rss_mb()
    outcomes = ingest_many(store.paths, files, workers=2)
    ready = [o.photo for o in outcomes if o.photo is not None]
    for i in range(0, len(ready), 50):
        with store.write() as s:
            for photo in ready[i : i + 50]:
                record_photo(s, photo, actor="bench")
    store.close()
    print(json.dumps({"start_mb": start, "peak_mb": rss_mb(), "stored": len(ready)}))
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is read in KiB (Linux)")
def test_peak_memory_for_a_thousand_photos(tmp_path: Path) -> None:
    try:
        make_photos(tmp_path / "camera", MEMORY_PHOTOS)
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(tmp_path / "camera"), str(tmp_path / "data")],
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        elapsed = time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    FIGURES.update(peak_mb=result["peak_mb"], start_mb=result["start_mb"])
    print()
    print(
        f"photo ingest, {MEMORY_PHOTOS} photos, 2 workers: peak RSS {result['peak_mb']:.0f} MB "
        f"(after start-up {result['start_mb']:.0f} MB; limit {MEMORY_LIMIT_MB} MB), "
        f"{elapsed:.1f} s"
    )
    assert result["stored"] == MEMORY_PHOTOS
    assert result["peak_mb"] <= MEMORY_LIMIT_MB
