"""Several supervisors on one store (two Store objects on the same database act as two):
review decisions and task changes made meanwhile are refused, naming who made them, and
never lost; concurrent exports get distinct, increasing sequences; a bundle imported by
another supervisor after it was checked is already imported; a database failure in the
middle of an import group keeps nothing of the group and a retry imports it; every audit
event names its database role on PostgreSQL, covered by the hash chain."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from inspector_app.core import audit, review
from inspector_app.core import rectification as rect
from inspector_app.core.bundle import importer
from inspector_app.core.bundle.importer import (
    ALREADY_IMPORTED,
    IMPORTED,
    OK,
    REJECTED,
    check_files,
    import_files,
)
from inspector_app.core.centre_demo import CentreData, build_centre_data
from inspector_app.core.db.models import AuditEvent, Bundle, RectificationEvent, ReviewDecision
from inspector_app.core.errors import ConflictError
from inspector_app.core.keys import create_local_key
from inspector_app.core.store import Store, open_store
from tests.bundles import LAPTOP_PASS, Laptop, export, make_final, row_counts

NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
T = TypeVar("T")


@pytest.fixture
def cdata(store: Store) -> CentreData:
    return build_centre_data(store, findings=300, seed=5, points=20, now=NOW)


@pytest.fixture
def other(store: Store) -> Iterator[Store]:
    """A second supervisor on the same database."""
    s = open_store(store.paths.root, url=store.url, actor="李四")
    try:
        yield s
    finally:
        s.close()


def pending(store: Store, n: int) -> list[str]:
    page = review.review_page(store, review.ReviewFilter(status="pending"), limit=n)
    assert len(page.rows) == n
    return [r.finding_id for r in page.rows]


def at_once(*calls: Callable[[], T]) -> list[T | BaseException]:
    """Run the calls on threads released together; each one's result or exception."""
    barrier = threading.Barrier(len(calls))
    out: list[T | BaseException] = [RuntimeError("did not run")] * len(calls)

    def run(n: int, call: Callable[[], T]) -> None:
        barrier.wait()
        try:
            out[n] = call()
        except BaseException as exc:
            out[n] = exc

    threads = [threading.Thread(target=run, args=(n, c)) for n, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


def events_of(store: Store, entity_id: str, prefix: str) -> list[AuditEvent]:
    with store.read() as s:
        return list(
            s.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity_id == entity_id, AuditEvent.action.startswith(prefix))
                .order_by(AuditEvent.seq)
            )
        )


# --- review decisions ------------------------------------------------------------------------


def test_a_decision_made_meanwhile_is_refused_naming_who_decided_what_and_when(
    store: Store, other: Store, cdata: CentreData
) -> None:
    (fid,) = pending(store, 1)
    seen = review.finding_detail(store, fid).decision_version  # both see it pending
    assert seen == review.finding_detail(other, fid).decision_version == 0
    review.reject(other, fid, "照片看不清", expected_version=seen)
    with pytest.raises(review.DecisionConflict) as caught:
        review.accept(store, fid, expected_version=seen)
    err = caught.value
    assert (err.status, err.decided_by, err.reason, err.version) == (
        "rejected",
        "李四",
        "照片看不清",
        1,
    )
    assert err.decided_at is not None
    local = err.decided_at.astimezone(review.centre_timezone(store))
    assert f"rejected by 李四 at {local:%Y-%m-%d %H:%M} +08:00" in err.message
    assert "照片看不清" in err.message and "not saved" in err.message
    d = review.finding_detail(store, fid)
    assert (d.status, d.decided_by, d.task_id) == ("rejected", "李四", None)
    assert [e.actor for e in events_of(store, fid, "review.")] == ["李四"]
    # Having seen the rejection, the first supervisor may change it on purpose.
    changed = review.accept(store, fid, expected_version=err.version)
    assert changed.decision == "accepted" and changed.decided_by == "tester"
    assert changed.version == 2 and changed.task_id is not None


def test_two_supervisors_deciding_the_same_findings_at_once_never_overwrite(
    store: Store, other: Store, cdata: CentreData
) -> None:
    for fid in pending(store, 6):
        a, b = at_once(
            lambda f=fid: review.accept(store, f, expected_version=0),
            lambda f=fid: review.reject(other, f, "不属于检查范围", expected_version=0),
        )
        won = [r for r in (a, b) if isinstance(r, review.Decision)]
        lost = [r for r in (a, b) if isinstance(r, BaseException)]
        assert len(won) == 1 and len(lost) == 1, (a, b)
        assert isinstance(lost[0], review.DecisionConflict), lost[0]
        assert lost[0].status == won[0].decision and lost[0].decided_by == won[0].decided_by
        d = review.finding_detail(store, fid)
        assert (d.status, d.decided_by, d.decision_version) == (
            won[0].decision,
            won[0].decided_by,
            1,
        )
        assert (d.task_id is not None) == (won[0].decision == "accepted")
        assert len(events_of(store, fid, "review.")) == 1


def test_a_repeated_decision_by_another_supervisor_is_reported_not_overwritten(
    store: Store, other: Store, cdata: CentreData
) -> None:
    """Re-deciding the same way changes nothing: the first decision (who, when) stays."""
    (fid,) = pending(store, 1)
    first = review.accept(other, fid, expected_version=0)
    again = review.accept(store, fid, expected_version=first.version)
    assert not again.changed and again.decided_by == "李四" and again.version == first.version
    with store.read() as s:
        row = s.scalars(select(ReviewDecision).where(ReviewDecision.finding_id == fid)).one()
    assert row.decided_by == "李四"


# --- rectification tasks ---------------------------------------------------------------------


def open_task(store: Store) -> rect.TaskInfo:
    return next(t for t in rect.list_tasks(store, status="open") if not t.proposal_finding_id)


def test_a_task_changed_meanwhile_is_refused_naming_who_changed_it(
    store: Store, other: Store, cdata: CentreData
) -> None:
    task = open_task(store)
    rect.update_status(
        other, task.id, "reported_fixed", note="已整改", expected_version=task.version
    )
    with pytest.raises(rect.TaskConflict) as caught:
        rect.update_status(store, task.id, "reported_fixed", expected_version=task.version)
    err = caught.value
    assert err.status == "reported_fixed" and err.version == task.version + 1
    assert "now reported_fixed, by 李四 at" in err.message and "not saved" in err.message
    with pytest.raises(rect.TaskConflict):
        rect.confirm_closure(store, task.id, "any", expected_version=task.version)
    history = rect.task_detail(store, task.id).history
    assert [(e.actor, e.to_status) for e in history][-1] == ("李四", "reported_fixed")
    assert len(history) == 2  # created, reported fixed: the refused changes left nothing


def test_concurrent_task_changes_are_all_recorded_or_refused_never_lost(
    store: Store, other: Store, cdata: CentreData
) -> None:
    """Without versions (as the command line changes a task it names): one supervisor
    reports a fix while another closes it. Each change either goes into the history, in
    an order the rules allow, or is refused with a reason."""
    tasks = [t for t in rect.list_tasks(store, status="open")][:5]
    assert tasks
    for task in tasks:
        rect.update_status(store, task.id, "reported_fixed", note="单位报已整改")
        a, b = at_once(
            lambda t=task.id: rect.update_status(store, t, "closed", note="复核通过"),
            lambda t=task.id: rect.update_status(other, t, "open", note="现场仍有问题"),
        )
        done = [r for r in (a, b) if isinstance(r, rect.TaskInfo)]
        refused = [r for r in (a, b) if isinstance(r, BaseException)]
        assert all(isinstance(r, ConflictError) for r in refused), refused
        history = rect.task_detail(store, task.id).history
        steps = [(e.from_status, e.to_status) for e in history]
        # a chain: each change starts from where the one before it ended
        assert all(prev[1] == nxt[0] for prev, nxt in itertools.pairwise(steps))
        assert len(history) == 2 + len(done)
        with store.read() as s:
            recorded = s.scalars(
                select(RectificationEvent.note).where(RectificationEvent.task_id == task.id)
            ).all()
        for info, note in ((a, "复核通过"), (b, "现场仍有问题")):
            assert (note in recorded) == isinstance(info, rect.TaskInfo)


# --- export sequences ------------------------------------------------------------------------


@pytest.fixture
def laptop_on(city: Store, tmp_path: Path) -> Laptop:
    """A laptop's store on the test's backend (its points, its key)."""
    key = create_local_key(city, name="张三", code="T01", passphrase=LAPTOP_PASS)
    from inspector_app.core.db.models import LocalKey

    with city.read() as s:
        public = bytes(s.scalars(select(LocalKey.public_key)).one())
    folder = tmp_path / "laptop-files"
    folder.mkdir()
    return Laptop(city, key.key_id, public, folder)


def test_concurrent_exports_take_distinct_increasing_sequences(
    laptop_on: Laptop, tmp_path: Path
) -> None:
    lap = laptop_on
    second = Laptop(
        open_store(lap.store.paths.root, url=lap.store.url, actor="窗口"),
        lap.key_id,
        lap.public_key,
        lap.folder,
    )
    try:
        mine = [make_final(lap) for _ in range(4)]
        theirs = [make_final(lap) for _ in range(4)]

        def each(laptop: Laptop, ids: list[str], out: str) -> list[Path]:
            return [p for i in ids for p in export(laptop, [i], tmp_path / out)]

        a, b = at_once(lambda: each(lap, mine, "a"), lambda: each(second, theirs, "b"))
        assert isinstance(a, list) and isinstance(b, list), (a, b)
        with lap.store.read() as s:
            rows = s.execute(
                select(Bundle.id, Bundle.export_sequence, Bundle.recorded_at).where(
                    Bundle.direction == "export"
                )
            ).all()
        sequences = sorted(seq for _id, seq, _at in rows)
        assert sequences == list(range(1, 9))  # distinct, no gap
        files = {p.name.split(".")[0] for p in a + b}
        assert files == {bundle_id for bundle_id, _s, _a in rows}
        assert len(list((tmp_path / "a").iterdir())) + len(list((tmp_path / "b").iterdir())) == 8
        # each exporter's own bundles went up one after another
        by_id = {bundle_id: seq for bundle_id, seq, _at in rows}
        for paths in (a, b):
            own = [by_id[p.name.split(".")[0]] for p in paths]
            assert own == sorted(own) and len(set(own)) == len(own)
    finally:
        second.store.close()


def test_an_export_whose_number_was_taken_is_written_again_with_the_next(
    laptop_on: Laptop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministically: another export records the number between this one's reading it
    and recording its bundle."""
    from inspector_app.core.bundle import writer

    lap = laptop_on
    first, second = make_final(lap), make_final(lap)
    real = writer._write_zip
    calls = {"n": 0}

    def meanwhile(*args: Any, **kw: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:  # while the first bundle is written, another export runs
            monkeypatch.setattr(writer, "_write_zip", real)
            export(lap, [second], tmp_path / "other")
        return real(*args, **kw)

    monkeypatch.setattr(writer, "_write_zip", meanwhile)
    (path,) = export(lap, [first], tmp_path / "mine")
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == [path.name]
    with lap.store.read() as s:
        seqs = dict(
            s.execute(
                select(Bundle.id, Bundle.export_sequence).where(Bundle.direction == "export")
            ).all()
        )
    assert sorted(seqs.values()) == [1, 2]
    assert seqs[path.name.split(".")[0]] == 2


# --- import ----------------------------------------------------------------------------------


def test_a_bundle_imported_by_another_supervisor_after_checking_is_already_imported(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    files = export(laptop, [make_final(laptop), make_final(laptop)], tmp_path / "out")
    assert [r.verdict for r in check_files(centre, files)] == [OK]
    other = open_store(centre.paths.root, url=centre.url, actor="李四")
    try:
        assert [r.verdict for r in import_files(other, files)] == [IMPORTED]
    finally:
        other.close()
    (report,) = import_files(centre, files)
    assert report.verdict == ALREADY_IMPORTED and report.ok


def test_a_database_failure_mid_group_keeps_nothing_of_the_group_and_a_retry_imports_it(
    laptop: Laptop, centre: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    files = [p for _ in range(6) for p in export(laptop, [make_final(laptop)], out)]
    before = row_counts(centre)
    real = importer._record_bundle
    seen = {"n": 0}

    def dies(*args: Any, **kw: Any) -> Any:
        seen["n"] += 1
        if seen["n"] == 3:  # the third bundle of the group: two went in, in savepoints
            raise OperationalError(
                "INSERT", {}, Exception("server closed the connection"), connection_invalidated=True
            )
        return real(*args, **kw)

    monkeypatch.setattr(importer, "_record_bundle", dies)
    reports = import_files(centre, files)
    assert [r.file for r in reports] == [str(p) for p in files]
    assert all(r.verdict == REJECTED for r in reports)
    lost = "the connection to the database was lost; nothing of this bundle was kept"
    assert all(lost in (r.reason or "") for r in reports[:3])
    assert all((r.reason or "").startswith("not tried: the import stopped") for r in reports[3:])
    assert row_counts(centre) == before  # the two bundles before it were rolled back too

    monkeypatch.setattr(importer, "_record_bundle", real)
    again = import_files(centre, files)
    assert [r.verdict for r in again] == [IMPORTED] * 6


def test_any_other_database_error_is_reported_with_its_own_words(
    laptop: Laptop, centre: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = export(laptop, [make_final(laptop)], tmp_path / "out")

    def locked(*_args: Any, **_kw: Any) -> Any:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(importer, "_record_bundle", locked)
    (report,) = import_files(centre, files)
    assert report.verdict == REJECTED
    assert report.reason == (
        "the database failed (database is locked); nothing of this bundle was kept; import it again"
    )


# --- audit -----------------------------------------------------------------------------------


def test_audit_events_carry_the_database_role_inside_the_hash_chain(
    store: Store, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.pg import SUPERUSER

    role = SUPERUSER if backend == "postgresql" else None
    # an event from before roles were recorded, then new ones
    monkeypatch.setattr(audit, "db_role", lambda _s: None)
    with store.write() as s:
        old = audit.append_event(s, actor="tester", action="t.old", entity="x", entity_id="1")
    monkeypatch.undo()
    with store.write() as s:
        new = audit.append_event(s, actor="tester", action="t.new", entity="x", entity_id="2")
        audit.append_events(s, actor="tester", events=[("t.more", "x", "3", {"n": 1})])
    with store.read() as s:
        assert audit.verify_chain(s).ok
        listed = {e.seq: e for e in audit.list_events(s, last=10)}
    assert listed[old].db_role is None
    assert listed[new].db_role == role and listed[new + 1].db_role == role
    if role is None:
        return
    # the role is covered by the hash: removing or changing it breaks the chain
    for forged in (None, "someone_else"):
        with store.write() as s:
            s.execute(update(AuditEvent).where(AuditEvent.seq == new).values(db_role=forged))
        with store.read() as s:
            report = audit.verify_chain(s)
        assert not report.ok and f"event {new} (t.new 2) was altered" in report.problems
    with store.write() as s:  # and adding one to an old event too
        s.execute(update(AuditEvent).where(AuditEvent.seq == new).values(db_role=role))
        s.execute(update(AuditEvent).where(AuditEvent.seq == old).values(db_role=role))
    with store.read() as s:
        assert [p for p in audit.verify_chain(s).problems] == [f"event {old} (t.old 1) was altered"]
