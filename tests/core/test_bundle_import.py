"""Import at the command centre: arrival rules (already imported, conflict, replay,
skipped inspections) and the all-or-nothing import, between two data folders.

Tests of `import_bundle` / `arrival_verdict` build the VerifiedBundle the verifier would
hand on (`verified_bundle`), so they test the importer alone; tests of `import_files` go
through the real writer and strict reader. The helpers here are shared by
tests/cli/test_bundle_commands.py and tests/interop/test_out_of_order.py.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select, text, update

from inspector_app.core import inspections as svc
from inspector_app.core.bundle import importer
from inspector_app.core.bundle.content import inspection_entries
from inspector_app.core.bundle.importer import (
    ALREADY_IMPORTED,
    IMPORTED,
    OK,
    REJECTED,
    arrival_verdict,
    check_files,
    import_bundle,
    import_files,
)
from inspector_app.core.bundle.verified import (
    BundleRejected,
    TrustedKey,
)
from inspector_app.core.db.models import (
    Bundle,
    BundleInspection,
    EnrolledKey,
    Finding,
    Inspection,
    LocalKey,
    Photo,
    PhotoAttachment,
    Point,
)
from inspector_app.core.photos import photo_path, thumbnail_path
from inspector_app.core.store import Store
from tests.bundles import (
    Laptop,
    enroll_laptop,
    entries,
    export,
    make_centre,
    make_final,
    row_counts,
    verified_bundle,
)

# --- fixtures ----------------------------------------------------------------------------------


# --- import_bundle -----------------------------------------------------------------------------


def test_round_trip_keeps_findings_photos_origin_and_scores(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    ids = [make_final(laptop, "FM-T1"), make_final(laptop, "MR-T1", note="路面破损")]
    vb = verified_bundle(laptop, ids, sequence=1, out_dir=tmp_path / "stick")
    result = import_bundle(centre, vb)
    assert result.status == "imported"
    assert sorted(result.imported) == sorted(ids) and result.skipped == ()
    assert result.photos_added == 2 and result.signer_code == "T01"
    assert result.key_id == laptop.key_id

    # the same content, byte for byte, as the exporter serialises it
    assert entries(centre, ids) == entries(laptop.store, ids)
    for i in ids:
        there, here = svc.get_inspection(laptop.store, i), svc.get_inspection(centre, i)
        assert here.summary.deductions == there.summary.deductions
        assert here.summary.caps == there.summary.caps
        assert here.summary.status == "final"
        assert here.summary.origin_bundle_id == vb.bundle_id
        assert here.summary.origin_key_id == laptop.key_id
        assert [(x.code, x.result, x.count, x.note) for x in here.items] == [
            (x.code, x.result, x.count, x.note) for x in there.items
        ]
    listed = {s.id: s for s in svc.list_inspections(centre)}
    assert listed[ids[0]].origin == f"bundle {vb.bundle_id} signed by {laptop.key_id}"
    with centre.read() as s:
        for sha in s.scalars(select(Photo.sha256)):
            assert photo_path(centre.paths, sha).is_file()
            assert thumbnail_path(centre.paths, sha).is_file()
        insp = s.get(Inspection, ids[0])
        assert insp is not None and insp.local_key_id is None
        bundle = s.get(Bundle, vb.bundle_id)
        assert bundle is not None and bundle.direction == "import"
        assert bundle.recorded_by == "supervisor" and bundle.export_sequence == 1
        links = s.scalars(select(BundleInspection.inspection_id)).all()
        assert sorted(links) == sorted(ids)
        key = s.scalars(select(EnrolledKey)).one()
        assert key.last_export_sequence == 1
        actions = list(s.scalars(text("SELECT action FROM audit_events")))
        assert actions.count("inspection.imported") == 2 and "bundle.imported" in actions
    # finding ids are the laptop's
    with laptop.store.read() as a, centre.read() as b:
        assert sorted(a.scalars(select(Finding.id))) == sorted(b.scalars(select(Finding.id)))
    # nothing left in the scratch folder
    assert not any(centre.paths.tmp.iterdir())
    assert not any(centre.paths.photos_tmp.glob("*"))  # nor temp originals


def test_same_bundle_twice_is_already_imported_and_changes_nothing(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    vb = verified_bundle(laptop, [make_final(laptop)], sequence=1, out_dir=tmp_path / "s")
    import_bundle(centre, vb)
    before = row_counts(centre)
    again = import_bundle(centre, vb)
    assert again.status == "already_imported" and again.imported == ()
    assert row_counts(centre) == before
    with centre.read() as s:
        assert arrival_verdict(s, vb).status == "already_imported"


def test_same_bundle_id_with_other_content_is_a_conflict(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    first = verified_bundle(laptop, [make_final(laptop)], sequence=1, out_dir=tmp_path / "a")
    import_bundle(centre, first)
    other = verified_bundle(
        laptop,
        [make_final(laptop)],
        sequence=2,
        out_dir=tmp_path / "b",
        bundle_id=first.bundle_id,
        salt=" ",
    )
    before = row_counts(centre)
    with pytest.raises(BundleRejected, match="conflict: bundle ID was imported before with other"):
        import_bundle(centre, other)
    assert row_counts(centre) == before


def test_a_reused_sequence_is_a_replay(laptop: Laptop, centre: Store, tmp_path: Path) -> None:
    first = verified_bundle(laptop, [make_final(laptop)], sequence=4, out_dir=tmp_path / "a")
    import_bundle(centre, first)
    second = verified_bundle(laptop, [make_final(laptop)], sequence=4, out_dir=tmp_path / "b")
    before = row_counts(centre)
    with pytest.raises(BundleRejected) as err:
        import_bundle(centre, second)
    assert err.value.reason == (
        f"replay: sequence 4 of key {laptop.key_id} was already used by bundle {first.bundle_id}"
    )
    assert row_counts(centre) == before


def test_late_sequences_are_fine_and_the_last_sequence_is_the_highest(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    for seq in (3, 1, 2):
        vb = verified_bundle(laptop, [make_final(laptop)], sequence=seq, out_dir=tmp_path / "s")
        assert import_bundle(centre, vb).status == "imported"
    with centre.read() as s:
        assert s.scalars(select(EnrolledKey.last_export_sequence)).one() == 3


def test_an_inspection_sent_again_is_skipped(laptop: Laptop, centre: Store, tmp_path: Path) -> None:
    a, b = make_final(laptop), make_final(laptop, "MR-T1")
    import_bundle(centre, verified_bundle(laptop, [a], sequence=1, out_dir=tmp_path / "s"))
    again = verified_bundle(laptop, [a, b], sequence=2, out_dir=tmp_path / "s")
    with centre.read() as s:
        arrival = arrival_verdict(s, again)
    assert arrival.status == "new" and arrival.skipped == {a}
    result = import_bundle(centre, again)
    assert result.imported == (b,) and result.skipped == (a,)
    assert result.photos_added == 1  # a's photo was already here
    with centre.read() as s:
        insp = s.get(Inspection, a)
        assert insp is not None and insp.origin_bundle_id != again.bundle_id  # first origin kept
        assert (
            s.scalar(
                select(func.count())
                .select_from(BundleInspection)
                .where(BundleInspection.bundle_id == again.bundle_id)
            )
            == 2
        )


def test_same_inspection_with_other_content_is_a_conflict_and_not_overwritten(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    a = make_final(laptop, note="原来的说明")
    import_bundle(centre, verified_bundle(laptop, [a], sequence=1, out_dir=tmp_path / "s"))
    with laptop.store.write() as s:
        s.execute(update(Finding).where(Finding.note == "原来的说明").values(note="改过的说明"))
    b = make_final(laptop)
    changed = verified_bundle(laptop, [b, a], sequence=2, out_dir=tmp_path / "s")
    before = row_counts(centre)
    with pytest.raises(BundleRejected) as err:
        import_bundle(centre, changed)
    assert err.value.reason == (
        f"conflict: inspection {a} is already here with other content; nothing was overwritten"
    )
    assert row_counts(centre) == before
    with centre.read() as s:
        assert "原来的说明" in s.scalars(select(Finding.note)).all()
        assert s.get(Inspection, b) is None  # the whole bundle was refused


def test_a_local_inspection_with_the_same_id_is_not_overwritten(
    laptop: Laptop, tmp_path: Path
) -> None:
    """A laptop importing its own bundle sees its own inspection: identical, skipped."""
    a = make_final(laptop)
    vb = verified_bundle(laptop, [a], sequence=1, out_dir=tmp_path / "s")
    with laptop.store.read() as s:
        assert arrival_verdict(s, vb).skipped == {a}


def test_revoked_signer_is_refused(laptop: Laptop, centre: Store, tmp_path: Path) -> None:
    signer = TrustedKey(laptop.key_id, laptop.public_key, "张三", "T01", revoked=True)
    vb = verified_bundle(
        laptop, [make_final(laptop)], sequence=1, out_dir=tmp_path / "s", signer=signer
    )
    before = row_counts(centre)
    with pytest.raises(BundleRejected, match="revoked"):
        import_bundle(centre, vb)
    assert row_counts(centre) == before


def _in_china(stamp: str) -> str:
    """The same instant written with Beijing's offset."""
    return datetime.fromisoformat(stamp).astimezone(timezone(timedelta(hours=8))).isoformat()


NOT_AS_STORED: dict[str, tuple[Callable[[Any], dict[str, Any]], str]] = {
    "a score that does not match its findings": (
        lambda e: {"score": e.score.model_copy(update={"deductions": 0.5})},
        "its score does not match its findings",
    ),
    "a time not in UTC": (
        lambda e: {"started_at": _in_china(e.started_at)},
        "is not in UTC as the store gives it back",
    ),
    "findings out of their checklist's order": (
        lambda e: {"findings": tuple(reversed(e.findings))},
        "not in the order of its checklist",
    ),
    "a photo attached twice": (
        lambda e: {"attachments": e.attachments + e.attachments},
        "not in order, or one is listed twice",
    ),
}


@pytest.mark.parametrize("case", list(NOT_AS_STORED))
def test_a_document_that_does_not_read_back_is_refused(
    laptop: Laptop, centre: Store, tmp_path: Path, case: str
) -> None:
    """The reader checks a bundle's coherence (tests/core/test_bundle_reader.py); the
    importer still refuses what would not read back exactly as it arrived, without
    storing it first (`content.storage_mismatch`)."""
    vb = verified_bundle(laptop, [make_final(laptop)], sequence=1, out_dir=tmp_path / "s")
    entry = vb.doc.inspections[0]
    change, reason = NOT_AS_STORED[case]
    doc = vb.doc.model_copy(update={"inspections": (entry.model_copy(update=change(entry)),)})
    before = row_counts(centre)
    with pytest.raises(BundleRejected, match="does not read back as it arrived") as info:
        import_bundle(centre, replace(vb, doc=doc))
    assert reason in info.value.reason
    assert row_counts(centre) == before


def test_what_is_imported_reads_back_exactly_as_it_arrived(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    """`storage_mismatch` stands in for storing and reading back: what it lets through
    does read back the same, on every backend."""
    ids = [make_final(laptop, point) for point in ("FM-T1", "BS-T1")]
    vb = verified_bundle(laptop, ids, sequence=1, out_dir=tmp_path / "s")
    import_bundle(centre, vb)
    with centre.read() as s:
        stored = inspection_entries(s, ids)
    assert [stored[i] for i in ids] == list(vb.doc.inspections)


def test_points_the_register_lacks_are_created_and_existing_ones_left_alone(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    with centre.write() as s:  # the centre's register knows FM-T1 under another name
        s.add(
            Point(
                code="FM-T1",
                name="中心的名字",
                type_code="FARMERS_MARKET",
                district="红旗区",
                unit="某单位",
            )
        )
    vb = verified_bundle(
        laptop,
        [make_final(laptop, "FM-T1"), make_final(laptop, "BS-T1")],
        sequence=1,
        out_dir=tmp_path / "s",
    )
    import_bundle(centre, vb)
    with centre.read() as s:
        names = dict(s.execute(select(Point.code, Point.name)).tuples().all())
    assert names == {"FM-T1": "中心的名字", "BS-T1": "火车站公交站"}


def test_a_failure_midway_leaves_the_store_unchanged(
    laptop: Laptop, centre: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [make_final(laptop), make_final(laptop, "MR-T1")]
    vb = verified_bundle(laptop, ids, sequence=1, out_dir=tmp_path / "s")
    before = row_counts(centre)

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    # after the catalogue, photos, bundle, inspections and findings were added
    monkeypatch.setattr(importer, "_record_bundle", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        import_bundle(centre, vb)
    assert row_counts(centre) == before
    monkeypatch.undo()
    # photo files left behind are whole and harmless; the import then succeeds
    assert import_bundle(centre, vb).status == "imported"
    with centre.read() as s:
        assert s.scalar(select(func.count()).select_from(PhotoAttachment)) == 2


# --- files: the real writer and reader ---------------------------------------------------------


def test_import_files_round_trip_and_reports(laptop: Laptop, centre: Store, tmp_path: Path) -> None:
    ids = [make_final(laptop), make_final(laptop, "MR-T1")]
    [path] = export(laptop, ids, tmp_path / "stick")

    checked = check_files(centre, [path])
    assert [r.verdict for r in checked] == [OK]
    assert checked[0].inspections == 2 and checked[0].photos == 2
    assert checked[0].signer_name == "张三" and checked[0].sequence == 1
    assert row_counts(centre)["inspections"] == 0

    [report] = import_files(centre, [tmp_path / "stick"])  # a folder
    assert report.verdict == IMPORTED and report.imported == 2 and report.photos_added == 2
    assert report.key_id == laptop.key_id and report.ok
    assert report.to_json()["signer"] == {"name": "张三", "code": "T01", "key_id": laptop.key_id}
    assert entries(centre, ids) == entries(laptop.store, ids)

    before = row_counts(centre)
    [again] = import_files(centre, [path])
    assert again.verdict == ALREADY_IMPORTED and again.ok
    assert [r.verdict for r in check_files(centre, [path])] == [ALREADY_IMPORTED]
    assert row_counts(centre) == before


def test_import_files_refuses_unknown_and_revoked_keys(laptop: Laptop, tmp_path: Path) -> None:
    from inspector_app.core.keyring import revoke

    [path] = export(laptop, [make_final(laptop)], tmp_path / "stick")
    stranger = make_centre(tmp_path)
    try:
        before = row_counts(stranger)
        [report] = import_files(stranger, [path])
        assert report.verdict == REJECTED and report.reason and laptop.key_id in report.reason
        assert row_counts(stranger) == before
        enroll_laptop(stranger, laptop)
        revoke(stranger, laptop.key_id)
        before = row_counts(stranger)
        [report] = import_files(stranger, [path])
        assert report.verdict == REJECTED and "revoked" in (report.reason or "")
        assert row_counts(stranger) == before
    finally:
        stranger.close()


def test_import_files_conflict_and_replay_from_real_bundles(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    a = make_final(laptop, note="原来的说明")
    [first] = export(laptop, [a], tmp_path / "one")
    # the laptop's sequence is wound back (its record of the export erased): its next
    # bundle reuses number 1
    with laptop.store.write() as s:
        s.execute(delete(Bundle))
        s.execute(update(LocalKey).values(export_sequence=0))
    [replayed] = export(laptop, [make_final(laptop)], tmp_path / "two")
    # and the inspection is changed behind the program's back, then sent again
    with laptop.store.write() as s:
        s.execute(update(Finding).where(Finding.note == "原来的说明").values(note="改过的说明"))
    [changed] = export(laptop, [a], tmp_path / "three")

    assert [r.verdict for r in check_files(centre, [first, replayed])] == [OK, REJECTED]
    [imported] = import_files(centre, [first])
    assert imported.verdict == IMPORTED
    before = row_counts(centre)
    rep, conf = import_files(centre, [replayed, changed])
    assert rep.verdict == REJECTED and rep.reason == (
        f"replay: sequence 1 of key {laptop.key_id} was already used by bundle {imported.bundle_id}"
    )
    assert conf.verdict == REJECTED
    assert conf.reason == (
        f"conflict: inspection {a} is already here with other content; nothing was overwritten"
    )
    # same bundle id, other content: as if another file with this id had arrived first
    with centre.write() as s:
        s.execute(
            update(Bundle).where(Bundle.id == imported.bundle_id).values(content_sha256="0" * 64)
        )
    [same_id] = import_files(centre, [first])
    assert same_id.verdict == REJECTED
    assert same_id.reason == "conflict: bundle ID was imported before with other content"
    with centre.write() as s:
        s.execute(
            update(Bundle)
            .where(Bundle.id == imported.bundle_id)
            .values(content_sha256=imported_sha(first))
        )
    assert row_counts(centre) == before


def imported_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_missing_files_and_empty_folders_are_reported(centre: Store, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    reports = import_files(centre, [tmp_path / "nope.zip", tmp_path / "empty"])
    assert [r.verdict for r in reports] == [REJECTED, REJECTED]
    assert reports[0].reason == "no such file or folder"
    assert "no bundle" in (reports[1].reason or "")
