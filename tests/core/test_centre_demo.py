"""The command centre's demo: a city of three districts, enrolled inspectors with real keys,
imported inspections over the last four weeks with real photos, a review queue with every
decision, tasks in every status, briefings with ranked and flagged units, the centre set up;
refused over imported inspections or a short passphrase with nothing changed."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select

from inspector_app.core import audit, centre, keyring, rectification, review
from inspector_app.core.briefing import compute_briefing
from inspector_app.core.centre_demo import (
    CENTRE_ROLE,
    DEMO_CENTRE_PASSPHRASE,
    DEMO_SUPERVISOR,
    ROLE_SETTING,
    build_centre_demo,
)
from inspector_app.core.centre_settings import get_supervisor, set_supervisor
from inspector_app.core.db.models import (
    AuditEvent,
    Finding,
    Inspection,
    Photo,
    PhotoAttachment,
    Point,
    RectificationTask,
)
from inspector_app.core.errors import InputError
from inspector_app.core.minisign import parse_public_key
from inspector_app.core.paths import photo_path, thumbnail_path
from inspector_app.core.periods import centre_timezone
from inspector_app.core.settings import DEMO_SETTING, get_setting
from inspector_app.core.store import Store, open_store

NOW = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)  # Thursday, 12:00 in Shanghai


def _rows(store: Store) -> dict[str, int]:
    """How many rows the demo's tables hold, and the audit events."""
    with store.read() as s:
        return {
            model.__name__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Point, Inspection, Finding, Photo, RectificationTask, AuditEvent)
        }


def test_demo_has_something_true_for_every_screen(store: Store) -> None:
    made = build_centre_demo(store, now=NOW)
    data = made.data
    tz = centre_timezone(store)
    assert data.today == NOW.astimezone(tz).date()
    assert data.first_day == data.today - timedelta(days=27)

    # the keyring: real Ed25519 public keys under proper key ids, every bundle arrived
    keys = keyring.list_keys(store)
    assert 4 <= len(keys) == len(data.inspectors) <= 6
    for key in keys:
        assert re.fullmatch(r"[0-9A-F]{16}", key.key_id)
        Ed25519PublicKey.from_public_bytes(key.public_key)  # a point on the curve
        assert parse_public_key(key.public_key_line).key_id == key.key_id
        assert key.received == tuple(range(1, key.last_export_sequence + 1)) and not key.missing
        assert not key.revoked

    # a few hundred imported final inspections over the four weeks, in three districts
    with store.read() as s:
        rows = s.execute(select(Inspection, Point).join(Point)).all()
        assert 240 <= len(rows) == data.inspections <= 400
        for insp, _point in rows:
            assert insp.status == "final" and insp.origin_key_id in {k.key_id for k in keys}
            assert data.first_day <= insp.started_at.astimezone(tz).date() <= data.today
            assert insp.finalised_at is not None and insp.finalised_at <= NOW
        districts = {point.district for _insp, point in rows}
        assert districts == set(data.districts) and len(districts) == 3
        last_week = NOW - timedelta(days=7)
        assert {p.district for i, p in rows if i.started_at >= last_week} == districts

        # every problem has a real photo in the photo store, with its thumbnail and EXIF
        problems = set(s.scalars(select(Finding.id).where(Finding.result == "problem")))
        attached = list(s.scalars(select(PhotoAttachment)))
        assert {a.finding_id for a in attached} == problems and len(problems) == data.problems
        for photo in s.scalars(select(Photo)):
            data_bytes = photo_path(store.paths, photo.sha256).read_bytes()
            assert hashlib.sha256(data_bytes).hexdigest() == photo.sha256
            assert thumbnail_path(store.paths, photo.sha256).is_file()
            assert photo.format == "JPEG" and photo.exif_time and photo.gps_latitude

    # the review queue: pending, accepted and rejected
    counts = {
        status: review.review_count(store, review.ReviewFilter(status=status))
        for status in ("pending", "accepted", "rejected")
    }
    assert counts == {
        "pending": data.pending,
        "accepted": data.accepted,
        "rejected": data.rejected,
    }
    assert all(counts.values()) and counts["accepted"] > counts["rejected"]

    # tasks in every status the board shows, and re-inspections proposing closure
    tasks = rectification.list_tasks(store, today=data.today)
    shown = {t.board_status for t in tasks}
    assert shown == {"open", "reported_fixed", "overdue", "closed"}
    assert dict(made.tasks) == {s: sum(t.board_status == s for t in tasks) for s in shown}
    assert made.proposals == sum(1 for t in tasks if t.proposal_finding_id) > 0

    # the last full week's briefing ranks units and flags the best and the worst
    week = compute_briefing(store, "week", data.today - timedelta(days=7), as_of=NOW)
    assert week.city.inspections > 0
    assert sum(1 for u in week.units if u.rank is not None) >= 5
    assert week.red_flags and week.yellow_flags
    month = compute_briefing(store, "month", data.today, as_of=NOW)
    assert len(month.districts) == 3

    # the centre is set up, marked as a demo and opens as the centre
    assert made.identity_created and made.passphrase_note
    assert DEMO_CENTRE_PASSPHRASE in made.passphrase_note
    assert str(centre.load_identity(store, DEMO_CENTRE_PASSPHRASE).to_public()) == made.recipient
    assert get_supervisor(store) == made.supervisor == DEMO_SUPERVISOR
    assert get_setting(store, DEMO_SETTING) and get_setting(store, ROLE_SETTING) == CENTRE_ROLE

    # one audit event says what was made; the chain holds
    with store.read() as s:
        events = [e for e in audit.list_events(s, last=100) if e.action == "demo.centre_built"]
        assert len(events) == 1
        detail = events[0].detail
        assert detail["inspections"] == data.inspections and detail["tasks"] == data.tasks
        assert detail["inspectors"] == [k for k, _n, _c in data.inspectors]
        assert audit.verify_chain(s).ok

    # a second run is refused and changes nothing
    before = _rows(store)
    with pytest.raises(InputError, match="already holds imported inspections"):
        build_centre_demo(store, now=NOW)
    assert _rows(store) == before


def test_an_existing_centre_is_kept_and_keys_are_fresh(store: Store, tmp_path: Path) -> None:
    recipient = centre.init_encryption(store, "the supervisor's own")
    set_supervisor(store, "周主任")
    made = build_centre_demo(store, passphrase="ignored", now=NOW, inspections=40)
    assert not made.identity_created and made.passphrase_note is None
    assert made.recipient == recipient and made.supervisor == "周主任"
    assert made.data.inspections == 40
    with store.read() as s:
        assert set(s.scalars(select(RectificationTask.created_by))) == {"周主任"}

    # another demo elsewhere, from the same seed: the same city, other keys
    other = open_store(tmp_path / "other", actor="tester")
    try:
        again = build_centre_demo(other, now=NOW, inspections=40)
    finally:
        other.close()
    assert again.data.findings == made.data.findings
    ours = {k for k, _n, _c in made.data.inspectors}
    assert ours.isdisjoint(k for k, _n, _c in again.data.inspectors)


def test_a_short_passphrase_is_refused_before_anything_is_made(store: Store) -> None:
    before = _rows(store)
    with pytest.raises(InputError, match="at least 8 characters"):
        build_centre_demo(store, passphrase="short", now=NOW)
    assert _rows(store) == before
    assert not centre.has_identity(store) and get_setting(store, ROLE_SETTING) is None


def test_refused_over_a_folder_with_imported_inspections(store: Store) -> None:
    from inspector_app.core.centre_demo import build_centre_data

    build_centre_data(store, findings=50, seed=2, points=5, now=NOW)
    before = _rows(store)
    with pytest.raises(InputError, match="already holds imported inspections"):
        build_centre_demo(store, now=NOW)
    assert _rows(store) == before
    assert not centre.has_identity(store) and get_setting(store, DEMO_SETTING) is None
