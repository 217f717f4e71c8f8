"""Group commit at the command centre: bundles imported together in one transaction still
go in each all or nothing (a savepoint each), and nothing is committed before the group's
originals are durable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from inspector_app.core import audit
from inspector_app.core.bundle import importer
from inspector_app.core.bundle.importer import IMPORTED, REJECTED, import_files
from inspector_app.core.bundle.verified import BundleRejected
from inspector_app.core.db.models import Bundle, Inspection
from inspector_app.core.errors import Cancelled, PhotoError
from inspector_app.core.photos import OriginalsBatch, photo_path
from inspector_app.core.store import Store
from tests.bundles import Laptop, export, make_final, row_counts


def _three_bundles(laptop: Laptop, out: Path) -> tuple[list[str], list[Path]]:
    """Three bundles of one inspection each, in the order they are imported."""
    ids = [make_final(laptop, point) for point in ("FM-T1", "MR-T1", "BS-T1")]
    paths = [export(laptop, [i], out / f"b{n}")[0] for n, i in enumerate(ids)]
    return ids, paths


def _stored(centre: Store) -> tuple[set[str], int]:
    with centre.read() as s:
        inspections = set(s.scalars(select(Inspection.id)))
        bundles = int(s.scalar(select(func.count()).select_from(Bundle)) or 0)
        assert audit.verify_chain(s).ok
    return inspections, bundles


def test_a_bundle_refused_inside_a_group_leaves_nothing_and_the_others_go_in(
    laptop: Laptop, centre: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids, paths = _three_bundles(laptop, tmp_path)
    real = importer._add_inspections

    def refuse_the_second(session: Any, vb: Any, entries: Any, events: Any) -> None:
        real(session, vb, entries, events)  # its rows are in, then it is refused
        if entries and entries[0].id == ids[1]:
            raise BundleRejected("refused for the test")

    monkeypatch.setattr(importer, "_add_inspections", refuse_the_second)
    reports = import_files(centre, paths, thumbnails=False)
    assert [r.verdict for r in reports] == [IMPORTED, REJECTED, IMPORTED]
    assert reports[1].reason == "refused for the test"
    inspections, bundles = _stored(centre)
    assert inspections == {ids[0], ids[2]} and bundles == 2
    # the refused bundle's photo was not kept, and no temp file is left
    assert not reports[1].new_photos
    kept = {sha for r in reports for sha in r.new_photos}
    assert all(photo_path(centre.paths, sha).is_file() for sha in kept)
    assert not any(centre.paths.tmp.iterdir())
    assert not any(centre.paths.photos_tmp.glob("*"))  # nor temp originals


def test_originals_that_cannot_be_made_durable_refuse_the_whole_group(
    laptop: Laptop, centre: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ids, paths = _three_bundles(laptop, tmp_path)
    before = row_counts(centre)

    def fails(self: OriginalsBatch) -> None:
        self.abandon()
        raise PhotoError("photos", "the photos could not be stored (No space left on device)")

    monkeypatch.setattr(OriginalsBatch, "settle", fails)
    reports = import_files(centre, paths, thumbnails=False)
    assert [r.verdict for r in reports] == [REJECTED] * 3
    assert all("No space left" in (r.reason or "") for r in reports)
    assert all(r.imported == 0 and not r.new_photos for r in reports)
    assert row_counts(centre) == before
    assert not [p for p in centre.paths.photos.rglob("*") if p.is_file()]
    assert not any(centre.paths.tmp.iterdir())
    assert not any(centre.paths.photos_tmp.glob("*"))  # nor temp originals


def test_cancelling_between_bundles_keeps_those_done(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    ids, paths = _three_bundles(laptop, tmp_path)

    class Token:
        def __init__(self) -> None:
            self.set = False

        def is_set(self) -> bool:
            return self.set

    token = Token()

    def progress(done: int, _total: int) -> None:
        if done == 1:
            token.set = True

    with pytest.raises(Cancelled):
        import_files(centre, paths, progress=progress, cancel=token, thumbnails=False)
    inspections, bundles = _stored(centre)
    assert inspections == {ids[0]} and bundles == 1
    assert not any(centre.paths.tmp.iterdir())
    assert not any(centre.paths.photos_tmp.glob("*"))  # nor temp originals


def test_groups_are_bounded(
    laptop: Laptop, centre: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids, paths = _three_bundles(laptop, tmp_path)
    monkeypatch.setattr(importer, "GROUP_BUNDLES", 2)
    commits: list[int] = []
    real = OriginalsBatch.settle

    def counted(self: OriginalsBatch) -> None:
        commits.append(1)
        real(self)

    monkeypatch.setattr(OriginalsBatch, "settle", counted)
    reports = import_files(centre, paths, thumbnails=False)
    assert [r.verdict for r in reports] == [IMPORTED] * 3
    assert len(commits) == 2  # two bundles, then one
    assert _stored(centre) == (set(ids), 3)
