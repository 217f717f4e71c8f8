"""Screenshots of the real window over demo data, offscreen, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.shoot docs/screenshots

Writes the inspector's main window, export dialog, point picker and lock page
(main-*.png, export-*.png, picker-*.png, locked-*.png, each in zh_CN and en), and the
command centre's import desk, review page, rectification board and briefing
(centre-import-*.png, centre-review-*.png, centre-board-*.png, centre-briefing-*.png)
into the folder given (created if missing).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from inspector_app.core import inspections
from inspector_app.core.demo import build_demo
from inspector_app.core.settings import set_setting
from inspector_app.core.store import Store, open_store
from inspector_app.ui.app import install_translation, make_application
from inspector_app.ui.main_window import LANGUAGE_SETTING, MainWindow

SIZE = (1440, 900)


def settle(window: MainWindow | None = None, seconds: float = 0.6) -> None:
    """Let the event loop run (thumbnails come from the worker threads)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        if window is not None and not window.runner.busy and time.monotonic() > end - 0.3:
            break
        time.sleep(0.02)
    if window is not None:
        window.runner.wait(5_000)
    QApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def draft_with_photos(store: Store) -> tuple[str, str]:
    """A draft demo inspection and its first item that carries photos."""
    for summary in inspections.list_inspections(store, status="draft"):
        detail = inspections.get_inspection(store, summary.id)
        for item in detail.items:
            if item.photos:
                return summary.id, item.code
    raise SystemExit("the demo has no draft inspection with photos")


def open_window(store: Store, language: str) -> MainWindow:
    set_setting(store, LANGUAGE_SETTING, language)
    install_translation(language)
    window = MainWindow(store, demo=True)
    window.resize(*SIZE)
    window.show()
    insp_id, code = draft_with_photos(store)
    window.select(insp_id)
    window.checklist.focus_item(code)
    settle(window, 2.0)
    return window


def close(window: MainWindow) -> None:
    window.close()
    window.runner.wait()
    window.deleteLater()
    QApplication.processEvents()


def shoot(out: Path) -> None:
    from inspector_app.ui.export_dialog import ExportDialog
    from inspector_app.ui.point_picker import PointPickerDialog

    out.mkdir(parents=True, exist_ok=True)
    make_application()
    with tempfile.TemporaryDirectory(prefix="inspector-shots-") as tmp:
        store = open_store(Path(tmp) / "demo")
        try:
            build_demo(store)

            for language in ("zh_CN", "en"):
                window = open_window(store, language)
                save(window, out / f"main-{language}.png")

                export = ExportDialog(store, window.runner, window)
                export.show()
                settle(window)
                save(export, out / f"export-{language}.png")
                export.reject()

                picker = PointPickerDialog(store, window)
                picker.show()
                QTest.keyClicks(picker.search, "dgcsc")
                settle()
                save(picker, out / f"picker-{language}.png")
                picker.reject()

                window.lock()
                settle()
                save(window, out / f"locked-{language}.png")
                window.unlock()
                close(window)
        finally:
            store.close()


def centre_scene(root: Path) -> tuple[Store, Path]:
    """A command centre with three inspectors' keys enrolled and, on a "USB stick", their
    bundles: good ones, one already imported, a gap in the numbers, one changed after
    signing and one from a key the centre never enrolled."""
    from inspector_app.core.bundle.importer import import_files
    from inspector_app.core.keyring import enroll
    from inspector_app.core.keys import create_local_key, export_public
    from inspector_app.core.points import import_points_file
    from tests.bundles import Laptop, export, make_final
    from tests.factories import write_points_csv

    def laptop(folder: str, name: str, code: str) -> Laptop:
        store = open_store(root / folder, actor=code)
        import_points_file(store, write_points_csv(root / folder))
        key = create_local_key(store, name=name, code=code, passphrase="laptop-secret")
        return Laptop(store, key.key_id, export_public(store).key, root / folder)

    centre = open_store(root / "centre", actor="王主任")
    set_setting(centre, "centre.supervisor", "王主任")
    usb = root / "usb"
    people = [("zhang", "张三", "T01"), ("li", "李四", "T02"), ("wang", "王五", "T03")]
    laptops = [laptop(*p) for p in people]
    stranger = laptop("stranger", "赵六", "T09")
    try:
        for lap, (_f, name, code) in zip(laptops, people, strict=True):
            enroll(centre, export_public(lap.store).to_file(), name=name, code=code)
        points = ["FM-T1", "MR-T1", "BS-T1", "CO-T1"]
        zhang, li, wang = laptops
        [first] = export(zhang, [make_final(zhang, p) for p in points[:2]], usb)
        import_files(centre, [first])  # yesterday's stick
        export(zhang, [make_final(zhang, p) for p in points], usb)
        export(zhang, [make_final(zhang, p) for p in points[1:]], root / "lost")  # no. 3
        export(zhang, [make_final(zhang, p) for p in points[:3]], usb)
        for n in range(3):
            export(li, [make_final(li, p) for p in points[n:]], usb)
        [changed] = export(li, [make_final(li, "CO-T1")], usb)
        data = bytearray(changed.read_bytes())
        data[data.index(b"\xff\xd8\xff") + 400] ^= 1  # one byte of a photo
        changed.write_bytes(bytes(data))
        export(wang, [make_final(wang, p) for p in points], root / "lost")  # no. 1
        export(wang, [make_final(wang, p) for p in points[:2]], usb)
        export(stranger, [make_final(stranger, "FM-T1")], usb)
    finally:
        for lap in [*laptops, stranger]:
            lap.store.close()
    return centre, usb


def shoot_centre(out: Path) -> None:
    """The import desk just after a USB stick was dropped on it, a refusal selected."""
    from inspector_app.core.centre import init_encryption
    from inspector_app.ui.centre_window import CentreWindow

    out.mkdir(parents=True, exist_ok=True)
    make_application()
    with tempfile.TemporaryDirectory(prefix="inspector-centre-shots-") as tmp:
        for language in ("zh_CN", "en"):
            # a fresh centre per language: the same stick again would be "already here"
            store, usb = centre_scene(Path(tmp) / language)
            try:
                init_encryption(store, "centre passphrase 2026")
                install_translation(language)
                window = CentreWindow(store)
                window.resize(*SIZE)
                window.show()
                settle(window)
                desk = window.import_desk
                desk.import_paths([usb])
                while desk.busy:
                    settle(window, 0.2)
                settle(window)
                changed = next(
                    n for n, r in enumerate(desk.model.rows) if "SHA-256" in (r.reason or "")
                )
                desk.table.selectRow(changed)
                settle()
                save(window, out / f"centre-import-{language}.png")
                close(window)  # type: ignore[arg-type]
            finally:
                store.close()


def scene_photo(store: Store, finding_id: str, label: str, seed: int) -> None:
    """Put a generated street scene (EXIF time and place of the finding's inspection) in
    the photo store and behind the finding, instead of its plain generated tile."""
    import hashlib
    import random
    import shutil
    from datetime import timedelta

    from sqlalchemy import delete, select

    from inspector_app.core.db.models import Finding, Inspection, Photo, PhotoAttachment, Point
    from inspector_app.core.demo import street_photo
    from inspector_app.core.paths import photo_path
    from inspector_app.core.periods import centre_timezone

    tz = centre_timezone(store)
    with store.write() as s:
        finding, insp, point = s.execute(
            select(Finding, Inspection, Point)
            .join(Inspection, Inspection.id == Finding.inspection_id)
            .join(Point, Point.id == Inspection.point_id)
            .where(Finding.id == finding_id)
        ).one()
        taken = insp.started_at + timedelta(minutes=6)
        tmp = store.paths.tmp / "scene.jpg"
        lat, lon = point.latitude or 35.3, point.longitude or 113.9
        local = taken.astimezone(tz).replace(tzinfo=None)
        street_photo(tmp, when_local=local, lat=lat, lon=lon, label=label, rng=random.Random(seed))
        data = tmp.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        target = photo_path(store.paths, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(tmp, target)
        s.add(
            Photo(
                sha256=sha,
                size_bytes=len(data),
                format="jpeg",
                width=1600,
                height=1200,
                exif_time=local.isoformat(),
                exif_offset="+08:00",
                gps_latitude=lat,
                gps_longitude=lon,
                original_name=f"IMG_{seed:04d}.jpg",
            )
        )
        s.execute(delete(PhotoAttachment).where(PhotoAttachment.finding_id == finding_id))
        s.add(
            PhotoAttachment(
                inspection_id=insp.id, finding_id=finding.id, photo_sha256=sha, captured_at=taken
            )
        )


def shoot_review_and_board(out: Path) -> None:
    """The review page on the first pending problem and the board on a task whose
    re-inspection passed (before and after side by side), over generated centre data."""
    from inspector_app.core import rectification, review
    from inspector_app.core.centre_demo import build_centre_data
    from inspector_app.ui.centre_window import CentreWindow

    out.mkdir(parents=True, exist_ok=True)
    make_application()
    with tempfile.TemporaryDirectory(prefix="inspector-review-shots-") as tmp:
        store = open_store(Path(tmp) / "centre", actor="周主任")
        try:
            set_setting(store, "centre.supervisor", "周主任")
            build_centre_data(store, findings=6_000, seed=3, photo_files=True)
            pending = review.review_page(store, review.ReviewFilter(status="pending"), limit=3)
            for n, row in enumerate(pending.rows):
                scene_photo(store, row.finding_id, row.point_code, 10 + n)
            task = next(t for t in rectification.list_tasks(store) if t.proposal_finding_id)
            assert task.proposal_finding_id is not None
            scene_photo(store, task.finding_id, task.point_code, 20)
            scene_photo(store, task.proposal_finding_id, task.point_code, 21)
            for language in ("zh_CN", "en"):
                set_setting(store, LANGUAGE_SETTING, language)
                install_translation(language)
                window = CentreWindow(store)
                window.resize(*SIZE)
                window.show()
                window.show_page(window.review_page)
                settle(window, 1.5)
                save(window, out / f"centre-review-{language}.png")
                window.show_page(window.board_page)
                settle(window, 1.5)
                window.board_page.select_task(task.id)
                settle(window, 1.5)
                save(window, out / f"centre-board-{language}.png")
                close(window)  # type: ignore[arg-type]
        finally:
            store.close()


def shoot_briefing(out: Path) -> None:
    """The briefing page on the last full ISO week (Monday's briefing), over generated
    centre data."""
    from inspector_app.core.centre_demo import build_centre_data
    from inspector_app.ui.centre_window import CentreWindow

    out.mkdir(parents=True, exist_ok=True)
    make_application()
    with tempfile.TemporaryDirectory(prefix="inspector-briefing-shots-") as tmp:
        store = open_store(Path(tmp) / "centre", actor="周主任")
        try:
            set_setting(store, "centre.supervisor", "周主任")
            build_centre_data(store, findings=30_000, seed=7)
            for language in ("zh_CN", "en"):
                set_setting(store, LANGUAGE_SETTING, language)
                install_translation(language)
                window = CentreWindow(store)
                window.resize(*SIZE)
                window.show()
                window.show_page(window.briefing_page)
                page = window.briefing_page
                page.previous_period()
                page.recompute()
                while page.computing:
                    settle(window, 0.2)
                settle(window)
                save(window, out / f"centre-briefing-{language}.png")
                close(window)  # type: ignore[arg-type]
        finally:
            store.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    shoot(Path(argv[1]))
    shoot_centre(Path(argv[1]))
    shoot_review_and_board(Path(argv[1]))
    shoot_briefing(Path(argv[1]))
    from tests.bench.shoot_rounds import shoot_rounds

    shoot_rounds(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
