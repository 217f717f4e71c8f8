"""The main window over the demo data: the list (today's first, the status filter), the
status line, help and about, settings, and `inspector-app` without a subcommand."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from inspector_app.core.store import Store, open_store

pytest.importorskip("pytestqt")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built once; each test gets its own copy."""
    from inspector_app.core.demo import build_demo

    root = tmp_path_factory.mktemp("demo-template") / "data"
    s = open_store(root, actor="tester")
    try:
        build_demo(s, photos=4)
    finally:
        s.close()
    return root


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    root = tmp_path / "demo-data"
    shutil.copytree(demo_template, root)
    s = open_store(root, actor="tester")
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def demo_window(qtbot, demo_store: Store):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette = app.palette()
    window = MainWindow(demo_store, demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.waitUntil(lambda: window.filled, timeout=2000)  # lists fill after the first paint
    yield window
    window.runner.cancel_all()
    window.runner.wait(5000)
    app.setPalette(palette)


def test_lists_the_demo_today_first(demo_window) -> None:  # type: ignore[no-untyped-def]
    rows = demo_window.model.rows
    assert len(rows) >= 6
    today = datetime.now().astimezone().date()
    dates = [r.started_at.astimezone().date() for r in rows]
    n_today = sum(1 for d in dates if d == today)
    assert n_today >= 1
    assert all(d == today for d in dates[:n_today])
    # today's in the order they were made, then older ones newest first
    todays = [r.started_at for r in rows[:n_today]]
    assert todays == sorted(todays)
    older = [r.started_at for r in rows[n_today:]]
    assert older == sorted(older, reverse=True)
    # the table shows the point names and the first inspection is open
    names = {demo_window.model.index(n, 1).data() for n in range(demo_window.model.rowCount())}
    assert any(rows[0].point_name in name for name in names)
    assert demo_window.current_id == rows[0].id


def test_status_filter(demo_window) -> None:  # type: ignore[no-untyped-def]
    total = len(demo_window.model.rows)
    for index, status in ((1, "draft"), (2, "final"), (3, "exported")):
        demo_window.filter.setCurrentIndex(index)
        assert all(r.status == status for r in demo_window.model.rows)
        if status != "exported":
            assert demo_window.model.rows
    demo_window.filter.setCurrentIndex(3)
    assert demo_window.model.rows == []
    assert demo_window.current_id is None
    demo_window.filter.setCurrentIndex(0)
    assert len(demo_window.model.rows) == total


def test_status_line_and_title(demo_window) -> None:  # type: ignore[no-untyped-def]
    s = demo_window.current_summary()
    text = demo_window.status_label.text()
    assert f"{s.answered} / {s.items}" in text and "saved" in text
    assert "demo" in demo_window.windowTitle()
    assert demo_window.demo_mark.isVisible()
    # another inspection selected: the status line follows
    demo_window.table.selectRow(1)
    assert demo_window.current_id == demo_window.model.rows[1].id
    assert demo_window.status_label.text() != "" and "saved" in demo_window.status_label.text()


def test_shortcuts_and_about(demo_window) -> None:  # type: ignore[no-untyped-def]
    from inspector_app import __version__
    from inspector_app.core import keys

    keys_listed = " ".join(k for _what, k in demo_window.shortcut_rows())
    for seq in (
        "Ctrl+N",
        "Ctrl+E",
        "Ctrl+I",
        "Ctrl+D",
        "Ctrl+L",
        "Ctrl+Z",
        "Ctrl+Y",
        "Ctrl+Return",
    ):
        assert seq in keys_listed, seq
    about = demo_window.about_text()
    key = keys.get_local_key(demo_window.store)
    assert key is not None
    assert __version__ in about and key.key_id in about
    assert str(demo_window.store.paths.root) in about


def test_settings_dialog_saves(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core import keys
    from inspector_app.core.settings import get_recipient, get_setting
    from inspector_app.ui.settings_dialog import SettingsDialog

    keys.create_local_key(store, name="Li", code="L1", passphrase="secret")
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.discreet.setChecked(True)
    dialog.idle.setValue(2)
    dialog.recipient.setText("not a recipient")
    dialog.accept()
    assert dialog.error.text()  # refused, still open
    assert get_setting(store, "ui.language") is None
    from pyrage import x25519

    recipient = str(x25519.Identity.generate().to_public())
    dialog.recipient.setText(recipient)
    dialog.accept()
    assert get_recipient(store) == recipient
    assert get_setting(store, "ui.language") == "en"
    assert get_setting(store, "ui.discreet") == "1"
    assert get_setting(store, "ui.idle_lock_minutes") == "2"
    assert dialog.data_dir.isReadOnly() and dialog.data_dir.text() == str(store.paths.root)
    assert dialog.write_public_key(tmp_path / "me.pub")
    assert (tmp_path / "me.pub").read_text().startswith("untrusted comment")


def test_no_subcommand_opens_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    import inspector_app.ui.app as app_module
    from inspector_app.__main__ import main

    seen: list[tuple[str | None, str | None, str | None]] = []

    def window(data_dir: str | None, *, database: str | None, photos_dir: str | None) -> int:
        seen.append((data_dir, database, photos_dir))
        return 0

    monkeypatch.delenv("INSPECTOR_DATABASE_URL", raising=False)
    monkeypatch.setattr(app_module, "run_app", window)
    assert main([]) == 0
    assert main(["--data-dir", "/tmp/somewhere"]) == 0
    url = "postgresql+psycopg://chief@db.city/inspector"
    assert main(["--database", url, "--photos-dir", "/srv/photos"]) == 0
    assert seen == [(None, None, None), ("/tmp/somewhere", None, None), (None, url, "/srv/photos")]


def test_help_does_not_load_qt() -> None:
    import subprocess

    code = (
        "import sys\n"
        "from inspector_app.cli.main import run\n"
        "try:\n    run(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60)


def test_run_app_opens_the_main_window(qtbot, demo_store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui import app as app_module
    from inspector_app.ui.main_window import MainWindow

    root = str(demo_store.paths.root)
    demo_store.close()
    opened: list[MainWindow] = []
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    palette = qapp.palette()

    def close_windows() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible() and w.filled:
                opened.append(w)
                w.close()
        if not opened:
            QTimer.singleShot(50, close_windows)

    QTimer.singleShot(50, close_windows)
    try:
        assert app_module.run_app(root) == 0
    finally:
        qapp.setPalette(palette)
        app_module.install_translation("en")  # later tests read English
    assert opened and opened[0].model.rows
    for w in opened:
        w.store.close()


def test_photo_panel_follows_the_checklist(qtbot, demo_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The photos shown are the current item's from the start, and attaching photos updates
    the checklist's photo column without moving the cursor."""
    from PySide6.QtCore import Qt

    from inspector_app.ui.checklist import COL_PHOTOS
    from tests.factories import make_jpeg

    checklist, photos = demo_window.checklist, demo_window.photos
    drafts = [r for r in demo_window.model.rows if r.status == "draft"]
    demo_window.select(drafts[0].id)
    code = checklist.current_item()
    assert code is not None
    assert (photos.inspection_id, photos.item_code) == (drafts[0].id, code)

    code = next(i.code for i in checklist.detail.items if i.result == "problem")
    checklist.focus_item(code)
    assert photos.item_code == code
    before = len(checklist.model.find(code).photos)
    files = [make_jpeg(tmp_path / f"p{i}.jpg", colour=(i * 40, 90, 20)) for i in range(2)]
    with qtbot.waitSignal(photos.photosChanged, timeout=20_000):
        photos.attach_files(files)
    assert checklist.current_item() == code
    assert len(checklist.model.find(code).photos) == before + 2
    index = checklist.model.index_of(code, COL_PHOTOS)
    assert checklist.model.data(index, Qt.ItemDataRole.DisplayRole) == str(before + 2)
