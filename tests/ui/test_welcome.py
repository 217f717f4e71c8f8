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
    assert not dialog.setup_button.isEnabled()  # the key is made on the worker
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert dialog.mode == "setup"
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


# --- the command centre's role ---------------------------------------------------------------

CENTRE_PASS = "centre passphrase 2026"


def actors(store: Store, action: str) -> list[str]:
    from sqlalchemy import select

    from inspector_app.core.db.models import AuditEvent

    with store.read() as s:
        return list(s.scalars(select(AuditEvent.actor).where(AuditEvent.action == action)))


def fill_centre(dialog, *, name: str = "王主任", secret: str = CENTRE_PASS, again=None, zone=""):  # type: ignore[no-untyped-def]
    dialog.name.setText(name)
    dialog.passphrase.setText(secret)
    dialog.passphrase2.setText(secret if again is None else again)
    if zone:
        dialog.timezone.setCurrentText(zone)


def finish_centre(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.submit()
    qtbot.waitUntil(
        lambda: dialog.pages.currentIndex() == 1 or bool(dialog.error.text()), timeout=60_000
    )
    assert dialog.pages.currentIndex() == 1, dialog.error.text()


def test_set_up_as_the_command_centre(qtbot, store: Store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core import centre
    from inspector_app.core.periods import centre_timezone
    from inspector_app.ui import welcome as w
    from inspector_app.ui.settings_dialog import read_recipient_file

    shown: list[str] = []

    def run_setup(dialog) -> int:  # type: ignore[no-untyped-def]
        assert dialog.timezone.currentText() == "Asia/Shanghai"  # the default
        fill_centre(dialog, zone="Asia/Urumqi")
        finish_centre(qtbot, dialog)
        shown.append(dialog.recipient_edit.text())
        assert dialog.save_recipient(tmp_path / "centre.txt")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(w.CentreSetupDialog, "exec", run_setup)
    dialog = _dialog(qtbot, store)
    assert dialog.centre_box.isVisible()
    qtbot.mouseClick(dialog.centre_button, Qt.MouseButton.LeftButton)
    assert dialog.mode == "centre" and dialog.result() == QDialog.DialogCode.Accepted
    recipient = centre.recipient(store)
    assert shown == [recipient] and recipient.startswith("age1")
    assert read_recipient_file(tmp_path / "centre.txt") == recipient  # inspectors load it
    centre.load_identity(store, CENTRE_PASS)  # the passphrase protects it
    assert centre_timezone(store).key == "Asia/Urumqi"
    assert get_setting(store, "centre.supervisor") == "王主任"
    assert get_setting(store, "ui.role") == "centre"
    assert actors(store, "centre.encryption_created") == ["王主任"]
    assert store.actor == "tester"  # the open store keeps its own actor
    assert not w.needs_welcome(store) and w.centre_ready(store)
    assert keys.get_local_key(store) is None  # no inspector's key was made


def test_centre_setup_refuses_bad_input_and_makes_nothing(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core import centre
    from inspector_app.ui.welcome import CentreSetupDialog

    dialog = CentreSetupDialog(store)
    qtbot.addWidget(dialog)
    for kwargs, field in [
        ({"name": "  "}, "name"),
        ({"secret": "short"}, "passphrase"),
        ({"again": "another passphrase"}, "passphrase2"),
        ({"zone": "Mars/Olympus"}, None),
    ]:
        fill_centre(dialog, **kwargs)
        assert not dialog.submit()
        assert dialog.error.text(), kwargs
        if field == "passphrase2":
            assert dialog.passphrase2.text() == ""
    assert "Mars/Olympus" in dialog.error.text()
    assert not centre.has_identity(store)
    assert get_setting(store, "centre.supervisor") is None


def test_centre_setup_over_an_existing_identity_asks_its_passphrase(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core import centre
    from inspector_app.ui.welcome import CentreSetupDialog

    recipient = centre.init_encryption(store, CENTRE_PASS)  # another supervisor made it
    dialog = CentreSetupDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.existing and not dialog.passphrase2.isVisibleTo(dialog)
    dialog.name.setText("李四")
    dialog.passphrase.setText("not the passphrase")
    assert dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=60_000)
    assert dialog.pages.currentIndex() == 0 and get_setting(store, "centre.supervisor") is None
    dialog.passphrase.setText(CENTRE_PASS)
    finish_centre(qtbot, dialog)
    assert dialog.recipient_edit.text() == recipient
    assert get_setting(store, "centre.supervisor") == "李四"


def test_passphrase_strength_hint() -> None:
    from inspector_app.ui.welcome import passphrase_strength

    assert passphrase_strength("short") == 0
    assert passphrase_strength("abcdefgh") == 1
    assert passphrase_strength("aaaaaaaaaaaaaaaaaaaaaaaaaa") == 1  # long but one letter
    assert passphrase_strength("Tr0ub4dor&3") == 2
    assert passphrase_strength("correct horse battery staple") == 3
    assert passphrase_strength("东关菜市场周二检查") == 3


def test_inspector_only_welcome_hides_the_other_choices(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, store, inspector_only=True)
    assert dialog.setup_box.isVisible()
    assert not dialog.centre_box.isVisible() and not dialog.demo_box.isVisible()
