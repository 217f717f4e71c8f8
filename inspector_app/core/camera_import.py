"""Batch import of a camera folder: photos matched to inspections by their capture time.

Two steps, so the user sees what will happen before anything is stored:
`plan_camera_import` reads only headers and EXIF and says, for each file, which draft
inspection was under way when it was taken (or why it cannot be placed);
`apply_camera_import` ingests the placed photos and attaches them to their inspections.

Camera clocks drift and carry no time zone: the plan takes the clock's error
(true time = camera time + `clock_offset`) and the zone the camera was set to; a photo's
own EXIF offset, when it has one, wins over that zone. A photo without a capture time is
never guessed into an inspection.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from inspector_app.core import audit
from inspector_app.core.db.models import Inspection, PhotoAttachment, Point
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import Cancelled, InputError, PhotoError
from inspector_app.core.photos import (
    CancelToken,
    IngestedPhoto,
    ProgressCallback,
    capture_time_utc,
    ingest_many,
    read_photo_metadata,
    record_photo,
)
from inspector_app.core.store import Store

DEFAULT_CAMERA_TZ: tzinfo = ZoneInfo("Asia/Shanghai")
#: photos attached per write transaction (each commit is fsynced)
BATCH = 50

# Why a photo is not placed; the UI words these (the `reason` text is a plain default).
PLACED = "placed"
UNREADABLE = "unreadable"
NO_CAPTURE_TIME = "no_capture_time"
NO_INSPECTION = "no_inspection"
FINALISED = "finalised"


@dataclass(frozen=True)
class PlannedPhoto:
    """One file of the folder: its capture time in UTC and the draft inspection it joins.

    `inspection_id` is set only for a placed photo; otherwise `reason` says why not and
    `kind` names the reason (UNREADABLE, NO_CAPTURE_TIME, NO_INSPECTION, FINALISED; for
    FINALISED, `blocked_by` is the read-only inspection the photo was taken during).
    """

    source: Path
    captured_at: datetime | None
    inspection_id: str | None
    reason: str | None
    kind: str = PLACED
    blocked_by: str | None = None

    @property
    def placed(self) -> bool:
        return self.inspection_id is not None and self.reason is None


@dataclass(frozen=True)
class CameraImportPlan:
    folder: Path
    clock_offset: timedelta
    camera_tz: tzinfo
    photos: tuple[PlannedPhoto, ...]

    @property
    def placed(self) -> tuple[PlannedPhoto, ...]:
        return tuple(p for p in self.photos if p.placed)

    @property
    def unplaced(self) -> tuple[PlannedPhoto, ...]:
        return tuple(p for p in self.photos if not p.placed)


@dataclass(frozen=True)
class CameraImportResult:
    #: (file name, inspection id, sha256) of each photo attached by this import
    imported: list[tuple[str, str, str]]
    #: (file name, reason) of each photo not placed, in the plan or since (finalised)
    unplaced: list[tuple[str, str]]
    #: (file name, error) of each placed photo that could not be stored (damaged, …)
    failed: list[tuple[str, str]]
    #: (file name, inspection id, sha256) of photos that were attached already
    already_attached: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Window:
    inspection_id: str
    status: str
    start: datetime
    end: datetime
    point_name: str


def _folder_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise InputError(f"{folder}: the folder cannot be read ({exc.strerror or exc})") from None
    files = [p for p in entries if not p.name.startswith(".") and not p.is_dir()]
    return sorted(files, key=lambda p: p.name)


def _windows(store: Store, earliest: datetime, latest: datetime) -> list[_Window]:
    """Inspections whose time window may hold a moment in [earliest, latest]."""
    now = utcnow()
    with store.read() as s:
        rows = s.execute(
            select(
                Inspection.id,
                Inspection.status,
                Inspection.started_at,
                Inspection.finalised_at,
                Inspection.updated_at,
                Point.name,
            )
            .join(Point, Point.id == Inspection.point_id)
            .where(Inspection.started_at <= latest)
            .where(
                or_(
                    Inspection.status == "draft",
                    Inspection.finalised_at.is_(None),
                    Inspection.finalised_at >= earliest,
                )
            )
        ).all()
    windows = []
    for iid, status, started, finalised, updated, point_name in rows:
        end = now if status == "draft" else (finalised or updated)
        windows.append(_Window(iid, status, started, end, point_name))
    return windows


def _match(windows: Iterable[_Window], moment: datetime) -> _Window | None:
    """The inspection under way at `moment`; of overlapping ones, the latest started."""
    holding = [w for w in windows if w.start <= moment <= w.end]
    return max(holding, key=lambda w: (w.start, w.inspection_id)) if holding else None


def plan_camera_import(
    store: Store,
    folder: Path,
    *,
    clock_offset: timedelta = timedelta(0),
    camera_tz: tzinfo = DEFAULT_CAMERA_TZ,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> CameraImportPlan:
    """Say where each photo in `folder` would go; nothing is stored.

    Files are taken from the folder itself (not sub-folders), sorted by name, hidden files
    skipped. Only headers and EXIF are read; `progress(done, total)` counts files.
    """
    folder = Path(folder)
    files = _folder_files(folder)
    times: list[tuple[Path, datetime | None, str | None]] = []
    for done, source in enumerate(files):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress:
            progress(done, len(files))
        try:
            meta = read_photo_metadata(source)
        except PhotoError as exc:
            times.append((source, None, f"not a readable image: {exc.reason}"))
            continue
        at = capture_time_utc(
            meta.exif_time, meta.exif_offset, camera_tz=camera_tz, clock_offset=clock_offset
        )
        times.append((source, at, None))
    if progress:
        progress(len(files), len(files))

    known = [at for _, at, _ in times if at is not None]
    windows = _windows(store, min(known), max(known)) if known else []
    planned: list[PlannedPhoto] = []
    for source, at, unreadable in times:
        if unreadable is not None:
            planned.append(PlannedPhoto(source, None, None, unreadable, UNREADABLE))
        elif at is None:
            planned.append(
                PlannedPhoto(
                    source,
                    None,
                    None,
                    "no capture time in EXIF (the time it was taken is unknown)",
                    NO_CAPTURE_TIME,
                )
            )
        elif (window := _match(windows, at)) is None:
            planned.append(
                PlannedPhoto(
                    source,
                    at,
                    None,
                    f"no inspection was under way at {at:%Y-%m-%d %H:%M:%S} UTC",
                    NO_INSPECTION,
                )
            )
        elif window.status != "draft":
            planned.append(
                PlannedPhoto(
                    source,
                    at,
                    None,
                    f"taken during the inspection at {window.point_name}, "
                    "which is finalised (read-only)",
                    FINALISED,
                    blocked_by=window.inspection_id,
                )
            )
        else:
            planned.append(PlannedPhoto(source, at, window.inspection_id, None))
    return CameraImportPlan(folder, clock_offset, camera_tz, tuple(planned))


def apply_camera_import(
    store: Store,
    plan: CameraImportPlan,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> CameraImportResult:
    """Store the placed photos of `plan` and attach each to its draft inspection.

    Photos are ingested first (files only, two at a time); then rows are written in small
    transactions, each re-checking that the inspection is still a draft. A photo already
    in the store is not stored twice; one already attached to its inspection is listed in
    `already_attached`. `progress(done, total)` counts each photo twice (stored, attached).
    On cancel, Cancelled is raised: photos attached before it stay attached, and nothing
    is half-stored.
    """
    placed = list(plan.placed)
    unplaced = [(p.source.name, p.reason or "not placed") for p in plan.unplaced]
    total = 2 * len(placed)

    def ingest_progress(done: int, _total: int) -> None:
        if progress:
            progress(done, total)

    outcomes = ingest_many(
        store.paths, [p.source for p in placed], progress=ingest_progress, cancel=cancel
    )
    failed: list[tuple[str, str]] = []
    ready: list[tuple[PlannedPhoto, IngestedPhoto]] = []
    for planned, outcome in zip(placed, outcomes, strict=True):
        if outcome.photo is None:
            failed.append((planned.source.name, outcome.error or "could not be stored"))
        else:
            ready.append((planned, outcome.photo))

    imported: list[tuple[str, str, str]] = []
    already: list[tuple[str, str, str]] = []
    done = len(placed) + len(failed)
    if progress:
        progress(done, total)
    for start in range(0, len(ready), BATCH):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        batch = ready[start : start + BATCH]
        with store.write() as s:
            for planned, photo in batch:
                name, iid = planned.source.name, planned.inspection_id
                assert iid is not None
                insp = s.get(Inspection, iid)
                if insp is None or insp.status != "draft":
                    state = "deleted" if insp is None else "finalised (read-only)"
                    unplaced.append((name, f"the inspection it belongs to is {state}"))
                    continue
                record_photo(s, photo, actor=store.actor)
                exists = s.scalar(
                    select(PhotoAttachment.id).where(
                        PhotoAttachment.inspection_id == iid,
                        PhotoAttachment.photo_sha256 == photo.sha256,
                    )
                )
                if exists is not None:
                    already.append((name, iid, photo.sha256))
                    continue
                s.add(
                    PhotoAttachment(
                        inspection_id=iid,
                        finding_id=None,
                        photo_sha256=photo.sha256,
                        captured_at=planned.captured_at,
                    )
                )
                insp.updated_at = utcnow()
                audit.append_event(
                    s,
                    actor=store.actor,
                    action="photo.attached",
                    entity="inspection",
                    entity_id=iid,
                    detail={
                        "sha256": photo.sha256,
                        "source": name,
                        "captured_at": planned.captured_at.isoformat()
                        if planned.captured_at
                        else None,
                    },
                )
                imported.append((name, iid, photo.sha256))
        done += len(batch)
        if progress:
            progress(done, total)
    return CameraImportResult(imported, unplaced, failed, already)
