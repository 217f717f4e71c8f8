"""First start: the welcome screen makes the key (and keeps the recipient and language),
or opens the demo in its own folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from inspector_app.core import keys
from inspector_app.core.settings import get_recipient, get_setting
from inspector_app.core.store import Store

pytest.importorskip("pytestqt")


def _dialog(qtbot, store: Store, **kw):  # type: ignore[no-untyped-def]
    from inspector_app.ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(store, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(qtbot, dialog, *, again: str = "s3cret-pass", recipient: str = "") -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.name, "Li")
    dialog.name.setText(dialog.name.text() + " 明")  # QTest types Latin-1 only
    qtbot.keyClicks(dialog.code, "XY-07")
    qtbot.keyClicks(dialog.passphrase, "s3cret-pass")
    qtbot.keyClicks(dialog.passphrase2, again)
    if recipient:
        dialog.recipient.setText(recipient)


def test_first_run_setup_creates_a_key(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from pyrage import x25519

    from inspector_app.ui.welcome import needs_welcome

    assert needs_welcome(store)
    languages: list[str] = []
    dialog = _dialog(qtbot, store, set_language=languages.append)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert languages == ["en"]
    recipient = str(x25519.Identity.generate().to_public())
    _fill(qtbot, dialog, recipient=recipient)
    qtbot.mouseClick(dialog.setup_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.mode == "setup"
    key = keys.get_local_key(store)
    assert key is not None and key.name == "Li 明" and key.code == "XY-07"
    keys.load_private_key(store, key, "s3cret-pass")  # the passphrase protects it
    assert get_recipient(store) == recipient
    assert get_setting(store, "ui.language") == "en"
    assert not needs_welcome(store)


def test_setup_refuses_differing_passphrases(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, store)
    _fill(qtbot, dialog, again="other-pass")
    qtbot.mouseClick(dialog.setup_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text()
    assert keys.get_local_key(store) is None


def test_setup_refuses_a_bad_recipient_before_making_the_key(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, store)
    _fill(qtbot, dialog, recipient="age1-not-really")
    assert not dialog.set_up()
    assert "age" in dialog.error.text()
    assert keys.get_local_key(store) is None


def test_recipient_from_a_file(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pyrage import x25519

    from inspector_app.ui.settings_dialog import read_recipient_file

    recipient = str(x25519.Identity.generate().to_public())
    f = tmp_path / "centre.txt"
    f.write_text(f"# command centre\n{recipient}\n", encoding="utf-8")
    assert read_recipient_file(f) == recipient


def test_explore_demo_uses_its_own_folder(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core import inspections

    dialog = _dialog(qtbot, store)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.mode == "demo", timeout=60_000)
    demo = dialog.demo_store
    assert demo is not None
    try:
        assert demo.paths.root == store.paths.root / "demo"
        assert inspections.list_inspections(demo)
        assert inspections.list_inspections(store) == []  # nothing mixes with real work
        assert keys.get_local_key(store) is None
    finally:
        dialog.runner.wait(5000)
        demo.close()
