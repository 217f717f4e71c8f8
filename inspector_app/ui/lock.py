"""Discreet mode and the lock: a dim dark palette, a neutral title and icon, a lock page that
hides every piece of data behind the passphrase, and an idle timer that locks by itself."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.errors import InspectorError
from inspector_app.core.store import Store
from inspector_app.ui.tasks import Progress, TaskRunner

#: settings kept with the data
DISCREET_SETTING = "ui.discreet"
IDLE_SETTING = "ui.idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 5


def neutral_title() -> str:
    """The window title while discreet or locked: says nothing about the work."""
    return QCoreApplication.translate("lock", "Notes")


def neutral_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)


def discreet_palette() -> QPalette:
    """A dim dark palette: low light from the screen in a market or on a bus."""
    p = QPalette()
    window, base, text = QColor(28, 28, 30), QColor(20, 20, 22), QColor(150, 150, 150)
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor(32, 32, 35))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(90, 90, 90))
    p.setColor(QPalette.ColorRole.Button, QColor(38, 38, 40))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor(190, 110, 110))
    p.setColor(QPalette.ColorRole.Highlight, QColor(60, 70, 90))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(185, 185, 185))
    p.setColor(QPalette.ColorRole.ToolTipBase, base)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Link, QColor(100, 120, 150))
    p.setColor(QPalette.ColorRole.Light, QColor(50, 50, 52))
    p.setColor(QPalette.ColorRole.Midlight, QColor(44, 44, 46))
    p.setColor(QPalette.ColorRole.Mid, QColor(36, 36, 38))
    p.setColor(QPalette.ColorRole.Dark, QColor(14, 14, 15))
    p.setColor(QPalette.ColorRole.Shadow, QColor(0, 0, 0))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(80, 80, 80))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(80, 80, 80))
    return p


def idle_minutes(store: Store) -> int:
    """Minutes without input before the window locks itself (0: never)."""
    from inspector_app.core.settings import get_setting

    raw = get_setting(store, IDLE_SETTING)
    try:
        return max(0, int(raw)) if raw is not None else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES


class IdleWatcher(QObject):
    """Emits `idle` after `msecs` without keyboard or mouse input anywhere in the program."""

    idle = Signal()

    _INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
            QEvent.Type.InputMethod,
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_interval(self, msecs: int) -> None:
        """0 turns the watcher off."""
        self.timer.stop()
        self.timer.setInterval(max(0, msecs))
        if msecs > 0:
            self.timer.start()

    def reset(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT:
            self.reset()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockPage(QWidget):
    """What the window shows while locked: a passphrase field and nothing else."""

    unlocked = Signal()

    def __init__(
        self, store: Store, runner: TaskRunner, *, hint: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.checking = False
        self.setObjectName("lockPage")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.prompt = QLabel(self.tr("Locked. Enter the passphrase to continue."))
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setMaximumWidth(320)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setMaximumWidth(320)
        self.button.clicked.connect(self.try_unlock)
        self.error = QLabel("")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(hint)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.prompt)
        layout.addWidget(self.passphrase, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addStretch(3)

    def try_unlock(self) -> None:
        """Check the passphrase against the folder's key on a worker (the key file's scrypt
        takes ~0.3 s); `unlocked` is emitted when it is right."""
        if self.checking:
            return
        text = self.passphrase.text()
        self.passphrase.clear()
        self.checking = True
        self.passphrase.setEnabled(False)
        self.button.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        store = self.store

        def check(_progress: Progress, _cancel: threading.Event) -> None:
            from inspector_app.core import keys  # cryptography: loaded at the first unlock

            info = keys.get_local_key(store)
            if info is not None:
                keys.load_private_key(store, info, text)

        self.runner.run(check, on_done=self._right, on_error=self._wrong)

    def _checked(self) -> None:
        self.checking = False
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)

    def _right(self, _result: object) -> None:
        self._checked()
        self.error.clear()
        self.unlocked.emit()

    def _wrong(self, exc: BaseException) -> None:
        self._checked()
        if isinstance(exc, InspectorError):
            self.error.setText(self.tr("Wrong passphrase."))
        else:  # an unreadable key file, say: the words of the error, still locked
            self.error.setText(
                self.tr("The passphrase could not be checked: %1").replace("%1", str(exc))
            )
        self.passphrase.setFocus()
