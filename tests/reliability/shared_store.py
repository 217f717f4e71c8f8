"""Helpers of the shared-store tests: small real bundles from several laptops, a command
centre on a given database with its own photos folder, importer processes, and the checks
that a store holds whole bundles only."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from inspector_app.core.audit import verify_chain
from inspector_app.core.db.models import (
    AuditEvent,
    Bundle,
    BundleInspection,
    Finding,
    Inspection,
    Photo,
    PhotoAttachment,
)
from inspector_app.core.photos import photo_path
from inspector_app.core.store import Store, open_store
from tests.bundles import Laptop, enroll_laptop, export, make_final, make_laptop, row_counts

ROOT = Path(__file__).resolve().parents[2]
#: rows that depend on the order of arrival or on who imported, not on what was imported
ORDER_DEPENDENT = {"audit_events", "audit_head"}


@dataclass(frozen=True)
class Bundles:
    laptops: tuple[Laptop, ...]
    files: tuple[Path, ...]  # one small bundle each: one inspection, three findings, a photo


def make_bundles(tmp_path: Path, *, laptops: int, each: int) -> Bundles:
    """`laptops` laptops (codes T01, T02, …) exporting `each` bundles of one inspection."""
    made: list[Laptop] = []
    files: list[Path] = []
    out = tmp_path / "bundles"
    for n in range(laptops):
        lap = make_laptop(tmp_path, f"laptop{n + 1}")
        made.append(lap)
        for _ in range(each):
            files.extend(export(lap, [make_final(lap)], out))
    for lap in made:
        lap.store.close()
    return Bundles(tuple(made), tuple(files))


def open_centre(
    data_dir: Path, url: str | None, photos_dir: Path, laptops: Sequence[Laptop], actor: str
) -> Store:
    """A command centre on `url` (None: SQLite in `data_dir`) with every laptop enrolled."""
    store = open_store(data_dir, url=url, photos_dir=photos_dir, actor=actor)
    for n, lap in enumerate(laptops):
        enroll_laptop(store, lap, name=f"检查员{n + 1}", code=f"T{n + 1:02}")
    return store


def start_importer(
    data_dir: Path, url: str | None, photos_dir: Path, files: Sequence[Path], actor: str
) -> subprocess.Popen[str]:
    """A child process importing `files` into the store (tests/reliability/import_child.py);
    it prints the reports as JSON."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    args = [str(data_dir), url or "", str(photos_dir), actor, *map(str, files)]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.import_child", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def reports_of(child: subprocess.Popen[str], timeout: float = 600) -> list[dict[str, object]]:
    out, err = child.communicate(timeout=timeout)
    assert child.returncode == 0, err
    reports: list[dict[str, object]] = json.loads(out)
    return reports


def counts(store: Store) -> dict[str, int]:
    """Rows per table, but for those that depend on arrival order."""
    return {t: n for t, n in row_counts(store).items() if t not in ORDER_DEPENDENT}


def imported_events(store: Store) -> dict[str, int]:
    """How many bundle.imported audit events each bundle has."""
    with store.read() as s:
        rows = s.execute(
            select(AuditEvent.entity_id, func.count())
            .where(AuditEvent.action == "bundle.imported")
            .group_by(AuditEvent.entity_id)
        ).all()
    return {bundle_id: int(n) for bundle_id, n in rows}


def whole_bundles_problems(store: Store, expected: dict[str, tuple[int, int, int]]) -> list[str]:
    """What is wrong with the imported bundles: `expected` maps a bundle id to (inspections,
    findings, photo attachments) it carries. Every bundle row must have all of them, no
    inspection may be there without its bundle, every photo row must have its file (with
    its hash), and the audit chain must be unbroken."""
    problems: list[str] = []
    with store.read() as s:
        stored = set(s.scalars(select(Bundle.id).where(Bundle.direction == "import")))
        for bundle_id in sorted(stored):
            insp = list(
                s.scalars(
                    select(BundleInspection.inspection_id).where(
                        BundleInspection.bundle_id == bundle_id
                    )
                )
            )
            findings = s.scalar(
                select(func.count()).select_from(Finding).where(Finding.inspection_id.in_(insp))
            )
            attached = s.scalar(
                select(func.count())
                .select_from(PhotoAttachment)
                .where(PhotoAttachment.inspection_id.in_(insp))
            )
            got = (len(insp), int(findings or 0), int(attached or 0))
            if got != expected.get(bundle_id):
                problems.append(f"bundle {bundle_id}: {got}, expected {expected.get(bundle_id)}")
        orphans = s.scalar(
            select(func.count())
            .select_from(Inspection)
            .where(
                Inspection.origin_key_id.is_not(None),
                Inspection.origin_bundle_id.is_(None)
                | Inspection.origin_bundle_id.not_in(select(Bundle.id)),
            )
        )
        if orphans:
            problems.append(f"{orphans} imported inspection(s) without their bundle")
        for sha in s.scalars(select(Photo.sha256)):
            path = photo_path(store.paths, sha)
            if not path.exists():
                problems.append(f"photo {sha} has no file")
            elif hashlib.sha256(path.read_bytes()).hexdigest() != sha:
                problems.append(f"photo {sha}'s file does not match its hash")
        chain = verify_chain(s)
        problems.extend(chain.problems)
    return problems


def expected_shape(store: Store) -> dict[str, tuple[int, int, int]]:
    """(inspections, findings, attachments) per imported bundle, as `store` holds them."""
    shape: dict[str, tuple[int, int, int]] = {}
    with store.read() as s:
        for bundle_id in s.scalars(select(Bundle.id).where(Bundle.direction == "import")):
            insp = list(
                s.scalars(
                    select(BundleInspection.inspection_id).where(
                        BundleInspection.bundle_id == bundle_id
                    )
                )
            )
            findings = s.scalar(
                select(func.count()).select_from(Finding).where(Finding.inspection_id.in_(insp))
            )
            attached = s.scalar(
                select(func.count())
                .select_from(PhotoAttachment)
                .where(PhotoAttachment.inspection_id.in_(insp))
            )
            shape[bundle_id] = (len(insp), int(findings or 0), int(attached or 0))
    return shape
