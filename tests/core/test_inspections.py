"""Inspections through the core services: start, record, photos, finalise, read-only."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector_app.core import inspections as svc
from inspector_app.core.db.models import AuditEvent, Finding, Photo, PhotoAttachment
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.store import Store
from tests.factories import make_jpeg


def counts(store: Store) -> tuple[int, int, int, int]:
    with store.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(t)) or 0
            for t in (Finding, Photo, PhotoAttachment, AuditEvent)
        )


def items_by_mode(detail: svc.InspectionDetail) -> dict[str, svc.ItemResult]:
    out: dict[str, svc.ItemResult] = {}
    for i in detail.items:
        out.setdefault(i.mode, i)
    return out


def test_start_uses_the_point_types_items(city: Store) -> None:
    s = svc.start_inspection(city, "FM-T1")
    assert s.status == "draft" and s.covert
    assert s.type_code == "FARMERS_MARKET" and s.catalogue == "national:2026.1"
    detail = svc.get_inspection(city, s.id)
    assert [i.code for i in detail.items][:1] == ["FM-A01"]
    assert all(i.code.startswith("FM-") for i in detail.items)
    assert detail.unanswered == tuple(i.code for i in detail.items)


def test_unknown_point_is_refused(city: Store) -> None:
    with pytest.raises(NotFoundError, match="no point with code NOPE"):
        svc.start_inspection(city, "NOPE")


def test_record_and_score(city: Store, tmp_path: Path) -> None:
    insp = svc.start_inspection(city, "FM-T1")
    detail = svc.get_inspection(city, insp.id)
    modes = items_by_mode(detail)
    pf, pi, pm = modes["pass_fail"], modes["per_instance"], modes["per_missing"]
    photo = make_jpeg(tmp_path / "a.jpg", taken=datetime(2026, 11, 26, 9, 20))
    svc.record_finding(city, insp.id, pf.code, "problem", note="门口", photos=[photo])
    r = svc.record_finding(city, insp.id, pi.code, "problem", count=3, photos=[photo])
    assert r.deduction == min(pi.cap, 3 * (pi.each or 0))
    r = svc.record_finding(city, insp.id, pm.code, "problem", count=1, photos=[photo])
    assert r.deduction == min(pm.cap, pm.each or 0)
    others = [i for i in detail.items if i.code not in {pf.code, pi.code, pm.code}]
    svc.record_finding(city, insp.id, others[0].code, "pass")
    svc.record_finding(city, insp.id, others[1].code, "na")

    d = svc.get_inspection(city, insp.id)
    expected_lost = pf.cap + min(pi.cap, 3 * (pi.each or 0)) + min(pm.cap, pm.each or 0)
    expected_caps = pf.cap + pi.cap + pm.cap + others[0].cap
    assert d.summary.deductions == pytest.approx(expected_lost)
    assert d.summary.caps == pytest.approx(expected_caps)
    assert d.summary.score_rate == pytest.approx(1 - expected_lost / expected_caps)
    assert d.summary.problems == 3 and d.summary.answered == 5
    item = {i.code: i for i in d.items}[pf.code]
    assert item.note == "门口" and len(item.photos) == 1
    # the same photo on three items is stored once
    assert counts(city)[1] == 1


def test_changing_a_result_keeps_the_note_unless_given(city: Store) -> None:
    insp = svc.start_inspection(city, "MR-T1")
    code = svc.get_inspection(city, insp.id).items[0].code
    svc.record_finding(city, insp.id, code, "na", note="施工围挡遮挡")
    r = svc.record_finding(city, insp.id, code, "pass")
    assert r.result == "pass" and r.note == "施工围挡遮挡"
    assert svc.record_finding(city, insp.id, code, "pass", note="").note == ""


def test_a_note_with_a_nul_character_is_refused(city: Store) -> None:
    """No bundle could carry it: the command centre refuses any NUL in bundle.json."""
    insp = svc.start_inspection(city, "MR-T1")
    code = svc.get_inspection(city, insp.id).items[0].code
    svc.record_finding(city, insp.id, code, "problem", note="门口")
    with pytest.raises(InputError, match="NUL character"):
        svc.record_finding(city, insp.id, code, "problem", note="门口\x00堆放")
    assert {i.code: i for i in svc.get_inspection(city, insp.id).items}[code].note == "门口"


@pytest.mark.parametrize(
    ("mode", "result", "count", "message"),
    [
        ("pass_fail", "problem", 3, "takes no count"),
        ("per_instance", "problem", 0, "at least 1"),
        ("per_instance", "pass", 2, "applies only to a problem"),
        ("per_instance", "problem", -1, "negative"),
        ("per_missing", "problem", 99, "cannot be missing"),
        ("pass_fail", "maybe", None, "result must be one of"),
    ],
)
def test_bad_counts_and_results_change_nothing(
    city: Store, mode: str, result: str, count: int | None, message: str
) -> None:
    insp = svc.start_inspection(city, "FM-T1")
    item = items_by_mode(svc.get_inspection(city, insp.id))[mode]
    before = counts(city)
    with pytest.raises(InputError, match=message):
        svc.record_finding(city, insp.id, item.code, result, count=count)
    assert counts(city) == before


def test_bad_photo_refuses_the_whole_record(city: Store, tmp_path: Path) -> None:
    insp = svc.start_inspection(city, "FM-T1")
    code = svc.get_inspection(city, insp.id).items[1].code
    good = make_jpeg(tmp_path / "good.jpg")
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"this is not a photo")
    before = counts(city)
    with pytest.raises(InputError, match=r"bad\.jpg"):
        svc.record_finding(city, insp.id, code, "problem", photos=[good, bad])
    assert counts(city) == before
    assert svc.get_inspection(city, insp.id).items[1].result is None


def test_item_from_another_type_is_refused(city: Store) -> None:
    insp = svc.start_inspection(city, "FM-T1")
    with pytest.raises(NotFoundError, match="MR-A01"):
        svc.record_finding(city, insp.id, "MR-A01", "pass")


def test_finalise_needs_photos_for_problems_that_need_them(city: Store, tmp_path: Path) -> None:
    insp = svc.start_inspection(city, "FM-T1")
    items = svc.get_inspection(city, insp.id).items
    needing = next(i for i in items if i.needs_photo)
    with pytest.raises(InputError, match="nothing has been recorded"):
        svc.finalise_inspection(city, insp.id)
    svc.record_finding(city, insp.id, needing.code, "problem")
    with pytest.raises(InputError, match="need a photo") as exc:
        svc.finalise_inspection(city, insp.id)
    assert any(needing.code in line for line in exc.value.details)
    assert svc.get_inspection(city, insp.id).summary.status == "draft"

    svc.attach_photos(city, insp.id, needing.code, [make_jpeg(tmp_path / "p.jpg")])
    result = svc.finalise_inspection(city, insp.id)
    assert result.summary.status == "final"
    assert needing.code not in result.unanswered
    assert len(result.unanswered) == len(items) - 1


def test_finalised_inspection_is_read_only(city: Store, tmp_path: Path) -> None:
    insp = svc.start_inspection(city, "MR-T1")
    code = next(i.code for i in svc.get_inspection(city, insp.id).items if not i.needs_photo)
    svc.record_finding(city, insp.id, code, "pass")
    svc.finalise_inspection(city, insp.id)
    before = counts(city)
    with pytest.raises(ConflictError, match="cannot be changed"):
        svc.record_finding(city, insp.id, code, "problem")
    with pytest.raises(ConflictError):
        svc.attach_photos(city, insp.id, code, [make_jpeg(tmp_path / "x.jpg")])
    with pytest.raises(ConflictError):
        svc.finalise_inspection(city, insp.id)
    assert counts(city) == before


def test_list_newest_first_with_status_filter(city: Store) -> None:
    a = svc.start_inspection(city, "FM-T1", started_at=datetime.fromisoformat("2026-11-20T01:00Z"))
    b = svc.start_inspection(city, "BS-T1", started_at=datetime.fromisoformat("2026-11-21T01:00Z"))
    code = next(i.code for i in svc.get_inspection(city, b.id).items if not i.needs_photo)
    svc.record_finding(city, b.id, code, "pass")
    svc.finalise_inspection(city, b.id)
    assert [s.id for s in svc.list_inspections(city)] == [b.id, a.id]
    assert [s.id for s in svc.list_inspections(city, status="final")] == [b.id]
    assert [s.id for s in svc.list_inspections(city, status="draft")] == [a.id]


def test_id_prefix_lookup(city: Store) -> None:
    insp = svc.start_inspection(city, "FM-T1")
    assert svc.get_inspection(city, insp.id[:8]).summary.id == insp.id
    with pytest.raises(NotFoundError):
        svc.get_inspection(city, "ffffffff-none")


def test_every_change_is_audited(city: Store, tmp_path: Path) -> None:
    insp = svc.start_inspection(city, "FM-T1")
    code = svc.get_inspection(city, insp.id).items[0].code
    svc.record_finding(
        city, insp.id, code, "problem", count=1, photos=[make_jpeg(tmp_path / "a.jpg")]
    )
    with city.read() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    assert actions[-4:] == [
        "inspection.started",
        "finding.recorded",
        "photo.stored",
        "photo.attached",
    ]


def test_one_photo_can_show_two_problems_and_be_detached(city: Store, tmp_path: Path) -> None:
    insp = svc.start_inspection(city, "FM-T1")
    a, b = [i.code for i in svc.get_inspection(city, insp.id).items if i.needs_photo][:2]
    shot = make_jpeg(tmp_path / "both.jpg")
    svc.record_finding(city, insp.id, a, "problem", count=1, photos=[shot])
    svc.record_finding(city, insp.id, b, "problem", count=1, photos=[shot])
    items = {i.code: i for i in svc.get_inspection(city, insp.id).items}
    assert len(items[a].photos) == len(items[b].photos) == 1
    svc.detach_photo(city, insp.id, items[a].photos[0].sha256, item_code=a)
    items = {i.code: i for i in svc.get_inspection(city, insp.id).items}
    assert items[a].photos == () and len(items[b].photos) == 1
    with pytest.raises(NotFoundError):
        svc.detach_photo(city, insp.id, "0" * 64)


def test_clearing_a_result_makes_the_item_unanswered_again(city: Store, tmp_path: Path) -> None:
    insp = svc.start_inspection(city, "FM-T1")
    item = next(i for i in svc.get_inspection(city, insp.id).items if i.needs_photo)
    svc.record_finding(
        city, insp.id, item.code, "problem", count=1, photos=[make_jpeg(tmp_path / "a.jpg")]
    )
    svc.clear_finding(city, insp.id, item.code)
    detail = svc.get_inspection(city, insp.id)
    assert item.code in detail.unanswered
    assert len(detail.unplaced_photos) == 1  # the photo stays with the inspection
    svc.clear_finding(city, insp.id, item.code)  # clearing twice is harmless
    with city.read() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert last is not None and last.action == "finding.cleared"


def _unplaced_photo(city: Store, tmp_path: Path) -> tuple[str, str, str]:
    """A draft with a problem item and one unplaced photo of a known capture time."""
    insp = svc.start_inspection(city, "FM-T1")
    a, b = [i.code for i in svc.get_inspection(city, insp.id).items if i.needs_photo][:2]
    svc.record_finding(
        city, insp.id, a, "problem", count=1, photos=[make_jpeg(tmp_path / "cam.jpg")]
    )
    svc.clear_finding(city, insp.id, a)  # the photo stays, unplaced
    with city.write() as s:  # as a camera import with a clock offset would have it
        att = s.scalars(select(PhotoAttachment)).one()
        att.captured_at = datetime.fromisoformat("2026-11-26T01:14:30+00:00")
    svc.record_finding(city, insp.id, b, "problem", count=1)
    return insp.id, b, att.photo_sha256


def test_an_unplaced_photo_is_moved_onto_an_item_and_back(city: Store, tmp_path: Path) -> None:
    insp_id, item, sha = _unplaced_photo(city, tmp_path)
    svc.move_photo(city, insp_id, sha, from_item=None, to_item=item)
    detail = svc.get_inspection(city, insp_id)
    [placed] = next(i for i in detail.items if i.code == item).photos
    assert detail.unplaced_photos == ()
    assert placed.sha256 == sha
    assert placed.captured_at == datetime.fromisoformat("2026-11-26T01:14:30+00:00")
    with city.read() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert last is not None and last.action == "photo.moved"
    assert json.loads(last.detail) == {"sha256": sha, "from": None, "to": item}
    svc.move_photo(city, insp_id, sha, from_item=item, to_item=None)
    detail = svc.get_inspection(city, insp_id)
    assert [p.captured_at for p in detail.unplaced_photos] == [placed.captured_at]
    assert next(i for i in detail.items if i.code == item).photos == ()


def test_moving_a_photo_is_refused_when_it_cannot_be_done(city: Store, tmp_path: Path) -> None:
    insp_id, item, sha = _unplaced_photo(city, tmp_path)
    unanswered = svc.get_inspection(city, insp_id).unanswered[0]
    before = counts(city)
    with pytest.raises(NotFoundError, match="not among the unplaced"):
        svc.move_photo(city, insp_id, "0" * 64, from_item=None, to_item=item)
    with pytest.raises(NotFoundError, match=f"not on item {item}"):
        svc.move_photo(city, insp_id, sha, from_item=item, to_item=None)
    with pytest.raises(InputError, match="record a result"):
        svc.move_photo(city, insp_id, sha, from_item=None, to_item=unanswered)
    with pytest.raises(InputError, match="neither"):
        svc.move_photo(city, insp_id, sha, from_item=None, to_item=None)
    assert counts(city) == before
    svc.attach_photos(city, insp_id, item, [make_jpeg(tmp_path / "other.jpg", colour=(1, 2, 3))])
    svc.move_photo(city, insp_id, sha, from_item=None, to_item=item)
    # the same photo imported again lands unplaced beside its placed copy: moving refuses
    with city.write() as s:
        s.add(PhotoAttachment(inspection_id=insp_id, finding_id=None, photo_sha256=sha))
    with pytest.raises(ConflictError, match="already on item"):
        svc.move_photo(city, insp_id, sha, from_item=None, to_item=item)
    # and moving the placed one back leaves a single unplaced row
    svc.move_photo(city, insp_id, sha, from_item=item, to_item=None)
    assert [p.sha256 for p in svc.get_inspection(city, insp_id).unplaced_photos] == [sha]
    svc.move_photo(city, insp_id, sha, from_item=None, to_item=item)
    svc.finalise_inspection(city, insp_id)
    with pytest.raises(ConflictError, match="cannot be changed"):
        svc.move_photo(city, insp_id, sha, from_item=item, to_item=None)


def test_a_detached_photo_is_put_back_with_its_capture_time(city: Store, tmp_path: Path) -> None:
    insp_id, item, sha = _unplaced_photo(city, tmp_path)
    svc.move_photo(city, insp_id, sha, from_item=None, to_item=item)
    [ref] = next(i for i in svc.get_inspection(city, insp_id).items if i.code == item).photos
    svc.detach_photo(city, insp_id, sha, item_code=item)
    assert next(i for i in svc.get_inspection(city, insp_id).items if i.code == item).photos == ()
    svc.reattach_photo(city, insp_id, item, sha, captured_at=ref.captured_at)
    svc.reattach_photo(city, insp_id, item, sha, captured_at=ref.captured_at)  # no second row
    detail = svc.get_inspection(city, insp_id)
    assert next(i for i in detail.items if i.code == item).photos == (ref,)
    with pytest.raises(NotFoundError, match="not in the photo store"):
        svc.reattach_photo(city, insp_id, item, "0" * 64, captured_at=None)
