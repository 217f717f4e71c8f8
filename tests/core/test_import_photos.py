"""The command centre's photo path for verified bundles: originals copied straight from the
zip (hash checked again, nothing left behind on refusal), thumbnails made at once or later,
batched photo rows and audit events that keep the chain whole."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from inspector_app.core import audit
from inspector_app.core.bundle.importer import IMPORTED, REJECTED, import_bundle, import_files
from inspector_app.core.bundle.reader import member_spans
from inspector_app.core.bundle.verified import BundleRejected
from inspector_app.core.db.models import AuditEvent, Photo
from inspector_app.core.errors import PhotoError
from inspector_app.core.photos import (
    make_thumbnails,
    photo_path,
    store_originals,
    thumbnail_path,
)
from inspector_app.core.store import Store
from tests.bundles import Laptop, export, make_final, row_counts, verified_bundle


def _leftovers(store: Store) -> list[Path]:
    """Temp files left behind: the store's tmp/ and its originals' photos/.tmp/."""
    folders = (store.paths.tmp, store.paths.photos_tmp)
    return [p for folder in folders if folder.exists() for p in folder.glob("*")]


def test_import_without_thumbnails_names_the_photos_and_they_are_made_later(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    ids = [make_final(laptop), make_final(laptop, "MR-T1")]
    [report] = import_files(centre, export(laptop, ids, tmp_path / "stick"), thumbnails=False)
    assert report.verdict == IMPORTED and report.photos_added == 2
    assert len(report.new_photos) == 2
    for sha in report.new_photos:
        assert photo_path(centre.paths, sha).is_file()
        assert not thumbnail_path(centre.paths, sha).exists()
    assert make_thumbnails(centre.paths, report.new_photos) == {}
    assert all(thumbnail_path(centre.paths, sha).is_file() for sha in report.new_photos)
    assert _leftovers(centre) == []
    with centre.read() as s:
        # the rows say what the laptop's own ingest read from the same bytes
        here = {p.sha256: (p.width, p.height, p.exif_time) for p in s.scalars(select(Photo))}
        assert audit.verify_chain(s).ok
        stored = s.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "photo.stored")
        )
        assert stored == 2
    with laptop.store.read() as s:
        there = {p.sha256: (p.width, p.height, p.exif_time) for p in s.scalars(select(Photo))}
    assert here == there


def test_a_photo_changed_after_verification_refuses_the_bundle_and_leaves_nothing(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    vb = verified_bundle(laptop, [make_final(laptop)], sequence=1, out_dir=tmp_path / "s")
    [member] = vb.photos
    offset, size = member_spans(vb)[member.entry]
    with open(vb.zip_path, "r+b") as f:  # same length, other bytes: the CRC is not looked at
        f.seek(offset + size - 3)
        f.write(b"\x00\x00\x00")
    before = row_counts(centre)
    with pytest.raises(BundleRejected, match="changed after verification"):
        import_bundle(centre, vb)
    assert row_counts(centre) == before
    assert not photo_path(centre.paths, member.sha256).exists()
    assert _leftovers(centre) == []


def test_in_a_group_only_the_bundle_whose_photo_changed_is_refused(
    laptop: Laptop, centre: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The photos are copied on a thread while the rows go in: a copy that fails refuses
    its own bundle (rolled back to its savepoint), not the bundles beside it."""
    from inspector_app.core.bundle import importer

    files = [export(laptop, [make_final(laptop)], tmp_path / f"stick{k}")[0] for k in range(3)]
    victim = files[1]
    real_open = importer._open

    @contextlib.contextmanager
    def open_then_tamper(store: Store, path: Path, *args: Any, **kw: Any) -> Iterator[Any]:
        with real_open(store, path, *args, **kw) as vb:
            if path == victim:
                [member] = vb.photos
                offset, size = member_spans(vb)[member.entry]
                with open(vb.zip_path, "r+b") as f:
                    f.seek(offset + size - 3)
                    f.write(b"\x00\x00\x00")
            yield vb

    monkeypatch.setattr(importer, "_open", open_then_tamper)
    reports = import_files(centre, files, thumbnails=False)
    assert [r.verdict for r in reports] == [IMPORTED, REJECTED, IMPORTED]
    # the import checks each photo's bytes as it copies them, in the verifier's words
    assert "does not match its SHA-256 in manifest-sha256.txt" in (reports[1].reason or "")
    with centre.read() as s:
        assert s.scalar(select(func.count()).select_from(Photo)) == 2
        assert audit.verify_chain(s).ok
    assert all(photo_path(centre.paths, sha).is_file() for r in reports for sha in r.new_photos)
    assert _leftovers(centre) == []


def test_store_originals_refuses_a_span_that_is_cut_short(laptop: Laptop, tmp_path: Path) -> None:
    vb = verified_bundle(laptop, [make_final(laptop)], sequence=1, out_dir=tmp_path / "s")
    [member] = vb.photos
    offset, _size = member_spans(vb)[member.entry]
    end = vb.zip_path.stat().st_size
    with pytest.raises(PhotoError, match="cut short"):
        store_originals(laptop.store.paths, vb.zip_path, [("a" * 64, offset, end - offset + 10)])
    assert _leftovers(laptop.store) == []


def test_a_photo_that_does_not_decode_refuses_the_bundle_when_thumbnails_are_made(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    vb = verified_bundle(laptop, [make_final(laptop)], sequence=1, out_dir=tmp_path / "s")
    [member] = vb.photos
    good = photo_path(laptop.store.paths, member.sha256).read_bytes()
    # A stored original whose picture data is cut off: the thumbnail's full decode shows it.
    damaged = good[: len(good) // 2]
    target = photo_path(centre.paths, member.sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(damaged)
    failed = make_thumbnails(centre.paths, [member.sha256])
    assert "truncated" in failed[member.sha256] or "damaged" in failed[member.sha256]
    assert not thumbnail_path(centre.paths, member.sha256).exists()
    assert _leftovers(centre) == []


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("exif_time", "yesterday", "EXIF time"),
        ("exif_time", "2026-11-26T09:00:00+08:00", "EXIF time"),
        ("exif_offset", "+8h", "EXIF offset"),
        ("gps_longitude", None, "half a GPS position"),
    ],
)
def test_photo_descriptions_that_cannot_be_stored_as_given_are_refused(
    laptop: Laptop, centre: Store, tmp_path: Path, field: str, value: object, reason: str
) -> None:
    vb = verified_bundle(laptop, [make_final(laptop)], sequence=1, out_dir=tmp_path / "s")
    [entry] = vb.doc.photos
    if field == "gps_longitude":
        entry = entry.model_copy(update={"gps_latitude": 35.3, "gps_longitude": None})
    else:
        entry = entry.model_copy(update={field: value})
    vb = replace(vb, doc=vb.doc.model_copy(update={"photos": (entry,)}))
    before = row_counts(centre)
    with pytest.raises(BundleRejected, match=reason):
        import_bundle(centre, vb)
    assert row_counts(centre) == before


def test_a_photo_already_here_is_still_checked_in_the_bundle_that_brings_it_again(
    laptop: Laptop, centre: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import verifies a bundle's photos as it reads them: one the store already
    holds is not copied, but its bytes in this bundle are still held against the
    bundle's manifest, so a bundle damaged there is refused all the same."""
    from inspector_app.core.bundle import importer

    ids = [make_final(laptop)]
    [first] = export(laptop, ids, tmp_path / "monday")
    [again] = export(laptop, ids, tmp_path / "tuesday")  # the same inspection, sent again
    [sound] = export(laptop, ids, tmp_path / "wednesday")
    assert [r.verdict for r in import_files(centre, [first], thumbnails=False)] == [IMPORTED]
    real_open = importer._open

    @contextlib.contextmanager
    def open_then_tamper(store: Store, path: Path, *args: Any, **kw: Any) -> Iterator[Any]:
        with real_open(store, path, *args, **kw) as vb:
            [member] = vb.photos
            with open(vb.zip_path, "r+b") as f:
                f.seek(member.offset + member.size - 3)
                f.write(b"\x00\x00\x00")
            yield vb

    before = row_counts(centre)
    monkeypatch.setattr(importer, "_open", open_then_tamper)
    [report] = import_files(centre, [again], thumbnails=False)
    assert report.verdict == REJECTED
    assert "does not match its SHA-256 in manifest-sha256.txt" in (report.reason or "")
    assert row_counts(centre) == before
    monkeypatch.undo()
    [report] = import_files(centre, [sound], thumbnails=False)  # undamaged: nothing new
    assert (report.verdict, report.imported, report.skipped) == (IMPORTED, 0, 1)
    assert report.photos_added == 0 and _leftovers(centre) == []
