"""The command-centre data generator builds coherent data, the same for the same seed."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from inspector_app.core.centre_demo import build_centre_data
from inspector_app.core.db.models import (
    Bundle,
    CheckItem,
    EnrolledKey,
    Finding,
    Inspection,
    PhotoAttachment,
    Point,
    RectificationTask,
    ReviewDecision,
)
from inspector_app.core.paths import photo_path
from inspector_app.core.periods import centre_timezone
from inspector_app.core.store import Store, open_store

NOW = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai


def test_small_set_is_coherent(store: Store) -> None:
    data = build_centre_data(store, findings=600, seed=3, points=40, photo_files=True, now=NOW)
    tz = centre_timezone(store)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Finding)) == data.findings == 600
        assert s.scalar(select(func.count()).select_from(Inspection)) == data.inspections
        assert len(set(s.scalars(select(Point.district)))) >= 5
        assert len(set(s.scalars(select(Point.unit)))) >= 8
        keys = {k.key_id: k for k in s.scalars(select(EnrolledKey))}
        first_day = data.today - timedelta(days=6 * 7 - 1)
        for insp in s.scalars(select(Inspection)):
            assert insp.status == "final" and insp.origin_key_id in keys
            assert insp.origin_bundle_id is not None and insp.local_key_id is None
            assert first_day <= insp.started_at.astimezone(tz).date() <= data.today
            assert insp.started_at < insp.finalised_at <= NOW  # type: ignore[operator]
        # bundle numbers run 1..n for each inspector, as the keyring expects
        seqs: dict[str, list[int]] = defaultdict(list)
        for b in s.scalars(select(Bundle)):
            seqs[b.key_id].append(b.export_sequence)
        for key_id, numbers in seqs.items():
            assert sorted(numbers) == list(range(1, len(numbers) + 1))
            assert keys[key_id].last_export_sequence == len(numbers)
        results = defaultdict(int)
        rows = s.execute(select(Finding, CheckItem).join(CheckItem)).all()
        for f, item in rows:
            results[f.result] += 1
            if f.result != "problem":
                assert f.count == 0
            elif item.mode == "per_missing":
                assert 1 <= f.count <= (item.quota or 9999)
            else:
                assert f.count >= 1
        assert results["problem"] == data.problems and results["pass"] and results["na"]
        by_id = {f.id: (f, item) for f, item in rows}
        decisions = {d.finding_id: d for d in s.scalars(select(ReviewDecision))}
        assert data.accepted and data.rejected
        assert all(by_id[fid][0].result == "problem" for fid in decisions)
        assert all(d.reason for d in decisions.values() if d.decision == "rejected")
        tasks = list(s.scalars(select(RectificationTask)))
        assert len(tasks) == data.tasks == data.accepted
        statuses = set()
        for t in tasks:
            statuses.add(t.status)
            assert decisions[t.finding_id].decision == "accepted"
            assert t.deadline > decisions[t.finding_id].decided_at.astimezone(tz).date()
            if t.reinspection_finding_id:
                later, later_item = by_id[t.reinspection_finding_id]
                orig, orig_item = by_id[t.finding_id]
                assert later.result == "pass" and later_item.code == orig_item.code
                a, b = s.get(Inspection, orig.inspection_id), s.get(Inspection, later.inspection_id)
                assert a and b and a.point_id == b.point_id and b.started_at > a.started_at
        assert "open" in statuses and "closed" in statuses
        # every problem has a real photo file whose name is its digest
        attached = list(s.scalars(select(PhotoAttachment)))
        assert {a.finding_id for a in attached} == {f.id for f, _ in rows if f.result == "problem"}
        for a in attached:
            path: Path = photo_path(store.paths, a.photo_sha256)
            assert hashlib.sha256(path.read_bytes()).hexdigest() == a.photo_sha256


def test_same_seed_same_data(tmp_path: Path) -> None:
    def ids(folder: str, seed: int) -> list[str]:
        s = open_store(tmp_path / folder, actor="t")
        try:
            build_centre_data(s, findings=200, seed=seed, now=NOW)
            with s.read() as session:
                return sorted(session.scalars(select(Finding.id)))
        finally:
            s.close()

    assert ids("a", 5) == ids("b", 5) != ids("c", 6)
