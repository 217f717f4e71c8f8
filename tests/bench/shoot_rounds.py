"""Screenshots of covert rounds in the window, offscreen, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench.shoot_rounds docs/screenshots

Writes the inspector's window on My round after a package was applied (myround-*.png), the
pin dialog showing the centre key's id (pin-*.png) and the command centre's Rounds page on
last week's round with points received, exported, in progress and overdue
(centre-rounds-*.png), each in zh_CN and en, into the folder given.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inspector_app.core import centre_key, inspections, rounds
from inspector_app.core.bundle.importer import import_files
from inspector_app.core.bundle.writer import export_bundles
from inspector_app.core.demo import DEMO_PASSPHRASE, build_demo
from inspector_app.core.keyring import enroll
from inspector_app.core.keys import create_local_key, export_public
from inspector_app.core.my_round import my_assignments, start_assignment
from inspector_app.core.package.apply import import_package
from inspector_app.core.package.writer import write_package
from inspector_app.core.settings import set_setting
from inspector_app.core.store import Store, open_store
from inspector_app.ui.app import install_translation, make_application
from inspector_app.ui.main_window import LANGUAGE_SETTING
from tests.bench.shoot import SIZE, close, save, settle
from tests.packages import CENTRE_PASS, ready_centre

LAPTOP_PASS = "laptop-secret"


def inspect_all_pass(store: Store, assignment_id: str) -> str:
    """A finalised inspection of the assignment's point, every item passed."""
    insp = start_assignment(store, assignment_id)
    for item in inspections.get_inspection(store, insp.id).items:
        if item.mode == "pass_fail":
            inspections.record_finding(store, insp.id, item.code, "pass")
        else:
            inspections.record_finding(store, insp.id, item.code, "na")
    inspections.finalise_inspection(store, insp.id)
    return insp.id


def deliver(centre: Store, round_id: str, code: str, laptop: Store, folder: Path, pw: str) -> None:
    """The round's package for `code`, pinned and applied on `laptop`."""
    pub = folder / "centre.pub"
    centre_key.write_public_key(centre, pub)
    centre_key.pin_centre_key(laptop, pub)
    written = write_package(centre, round_id, code, folder, passphrase=CENTRE_PASS)
    import_package(laptop, written.path, pw)


def laptop_scene(root: Path) -> tuple[Store, Path]:
    """The demo laptop with this week's round applied: one point done, one in progress."""
    laptop = open_store(root / "demo")
    build_demo(laptop)
    centre = open_store(root / "centre", actor="王主任")
    try:
        ready_centre(centre, root / "csv")
        enroll(centre, export_public(laptop).to_file(), name="演示检查员", code="DEMO01")
        today = date.today()
        rnd = rounds.create_round(
            centre,
            name="第48周暗访",
            starts_on=today - timedelta(days=2),
            ends_on=today + timedelta(days=4),
            per_type=1,
            types=("FARMERS_MARKET", "BUS_STOP", "MAIN_ROAD", "SCHOOL_AREA"),
            seed="w48",
        )
        rounds.assign_round(centre, rnd.id, ["DEMO01"])
        stick = root / "stick"
        stick.mkdir()
        deliver(centre, rnd.id, "DEMO01", laptop, stick, DEMO_PASSPHRASE)
        mine = my_assignments(laptop)
        inspect_all_pass(laptop, mine[0].id)
        start_assignment(laptop, mine[1].id)
    finally:
        centre.close()
    return laptop, stick / "centre.pub"


def centre_scene(root: Path) -> tuple[Store, str]:
    """A centre whose last week's round went to three inspectors: some points received,
    one exported but not yet here, one in progress and one never visited (overdue)."""
    centre = open_store(root / "centre", actor="王主任")
    set_setting(centre, "centre.supervisor", "王主任")
    ready_centre(centre, root / "csv")
    people = [("zhang", "张三", "T01"), ("li", "李四", "T02"), ("wang", "王五", "T03")]
    laptops = {}
    for folder, name, code in people:
        store = open_store(root / folder, actor=code)
        create_local_key(store, name=name, code=code, passphrase=LAPTOP_PASS)
        enroll(centre, export_public(store).to_file(), name=name, code=code)
        laptops[code] = store
    today = date.today()
    last = rounds.create_round(
        centre,
        name="第47周暗访",
        starts_on=today - timedelta(days=8),
        ends_on=today - timedelta(days=2),
        per_type=1,
        per_district=True,
        types=("FARMERS_MARKET", "BUS_STOP", "SCHOOL_AREA"),
        seed="w47",
    )
    rounds.assign_round(centre, last.id, ["T01", "T02", "T03"])
    rounds.create_round(
        centre,
        name="第48周暗访",
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=5),
        per_type=2,
        seed="w48",
    )
    usb = root / "usb"
    try:
        for code, store in laptops.items():
            stick = root / f"stick-{code}"
            stick.mkdir()
            deliver(centre, last.id, code, store, stick, LAPTOP_PASS)
            mine = my_assignments(store, everything=True)
            # T01 did everything, T02 all but one (exported later), T03 half
            todo = {"T01": len(mine), "T02": len(mine), "T03": len(mine) // 2}[code]
            done = [inspect_all_pass(store, a.id) for a in mine[:todo]]
            if code == "T03" and len(mine) > todo:
                start_assignment(store, mine[todo].id)
            sent, kept = (done[:-1], done[-1:]) if code == "T02" else (done, [])
            for ids, folder in ((sent, usb / code), (kept, root / "not-yet-sent")):
                if ids:
                    folder.mkdir(parents=True, exist_ok=True)
                    written = export_bundles(
                        store, inspection_ids=ids, out_dir=folder, passphrase=LAPTOP_PASS
                    )
                    if folder.parent == usb:
                        import_files(centre, [Path(b.path) for b in written])
    finally:
        for store in laptops.values():
            store.close()
    return centre, last.id


def shoot_rounds(out: Path) -> None:
    from inspector_app.ui.centre_window import CentreWindow
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.package_dialogs import PinKeyDialog

    out.mkdir(parents=True, exist_ok=True)
    make_application()
    with tempfile.TemporaryDirectory(prefix="inspector-round-shots-") as tmp:
        laptop, pub = laptop_scene(Path(tmp) / "laptop")
        centre, last_id = centre_scene(Path(tmp) / "centre-side")
        fresh = open_store(Path(tmp) / "fresh")
        try:
            for language in ("zh_CN", "en"):
                set_setting(laptop, LANGUAGE_SETTING, language)
                install_translation(language)
                window = MainWindow(laptop, demo=True)
                window.resize(*SIZE)
                window.show()
                settle(window, 1.0)
                window.show_my_round()
                panel = window.round_panel
                panel.refresh()
                settle(window, 1.0)
                panel.table.selectRow(0)
                settle(window)
                save(window, out / f"myround-{language}.png")

                # as a laptop sees it the first time, before any key is pinned
                pin = PinKeyDialog(fresh, window, path=pub)
                pin.show()
                settle(window)
                save(pin, out / f"pin-{language}.png")
                pin.reject()
                close(window)

                set_setting(centre, LANGUAGE_SETTING, language)
                centre_window = CentreWindow(centre)
                centre_window.resize(*SIZE)
                centre_window.show()
                centre_window.show_page(centre_window.rounds_page)
                settle(centre_window, 1.0)
                centre_window.rounds_page.select_round(last_id)
                settle(centre_window, 1.5)
                save(centre_window, out / f"centre-rounds-{language}.png")
                close(centre_window)  # type: ignore[arg-type]
        finally:
            laptop.close()
            centre.close()
            fresh.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    shoot_rounds(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
