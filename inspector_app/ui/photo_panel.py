"""The photos of one checklist item: thumbnails, drop / choose / paste to attach, remove,
and the inspection's unplaced photos (from a camera import) to put on the item.

Attaching runs on the TaskRunner (ingest + attach in the core); placeholder tiles show at
once. Each edit (attach, remove, put on the item) is one QUndoCommand on the window's
shared undo stack, pushed once the edit is done: undoing an attach detaches the photos it
added, undoing a removal puts them back with their capture time, undoing a placement makes
them unplaced again; the originals always stay in the content-addressed store.
Operations of this panel run one after another (a small serial queue), so an undo never
overtakes the edit it undoes.
"""

from __future__ import annotations

import functools
import json
import threading
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QKeyEvent,
    QPainter,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import inspections as svc
from inspector_app.core.errors import InspectorError, PhotoError
from inspector_app.core.inspections import DEFAULT_CAMERA_TZ, PhotoRef
from inspector_app.core.paths import photo_path, thumbnail_path
from inspector_app.core.store import Store
from inspector_app.ui.tasks import Progress, TaskRunner

ICON = 112
SHA_ROLE = Qt.ItemDataRole.UserRole
REF_ROLE = Qt.ItemDataRole.UserRole + 1
#: thumbnails decoded per event-loop turn (each is a small JPEG: well under 50 ms together)
THUMBS_PER_TURN = 6
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp", ".bmp")
#: what an unplaced tile carries when dragged onto the item: {"sha256": [...]}
PHOTO_MIME = "application/x-inspector-photos"


@dataclass(frozen=True)
class AttachOutcome:
    """What one attach did: the photos it newly put on the item, and the files refused."""

    inspection_id: str
    item_code: str
    added: tuple[str, ...]  # sha256, in the order attached
    refused: tuple[tuple[str, str], ...]  # (file name, reason)
    cancelled: bool = False


def _item_shas(store: Store, inspection_id: str, item_code: str) -> list[str]:
    detail = svc.get_inspection(store, inspection_id)
    for item in detail.items:
        if item.code == item_code:
            return [p.sha256 for p in item.photos]
    return []


def attach_files(
    store: Store,
    inspection_id: str,
    item_code: str,
    files: Sequence[Path],
    progress: Progress,
    cancel: threading.Event,
) -> AttachOutcome:
    """Attach each file in turn (runs on a worker): bad files are named, the rest attached.

    An error that is not about one file (finalised inspection, no result recorded) stops
    the whole attach and is raised.
    """
    before = set(_item_shas(store, inspection_id, item_code))
    refused: list[tuple[str, str]] = []
    total = len(files)
    progress(0, total)
    cancelled = False
    for done, path in enumerate(files, start=1):
        if cancel.is_set():
            cancelled = True
            break
        try:
            svc.attach_photos(store, inspection_id, item_code, [Path(path)])
        except PhotoError as exc:
            refused.append((Path(path).name, exc.reason))
        progress(done, total)
    after = _item_shas(store, inspection_id, item_code)
    added = tuple(sha for sha in after if sha not in before)
    return AttachOutcome(inspection_id, item_code, added, tuple(refused), cancelled)


@dataclass(frozen=True)
class EditOutcome:
    """What a remove or a placement did: the photos it changed, and those it could not."""

    done: tuple[PhotoRef, ...]
    failed: tuple[tuple[PhotoRef, str], ...]  # (photo, the core's reason)


def _each(refs: Sequence[PhotoRef], step: Callable[[PhotoRef], None]) -> EditOutcome:
    """Apply `step` to each photo (runs on a worker); a photo the core refuses is listed,
    the others still done, so the undo command covers exactly what changed."""
    done: list[PhotoRef] = []
    failed: list[tuple[PhotoRef, str]] = []
    for ref in refs:
        try:
            step(ref)
        except InspectorError as exc:
            failed.append((ref, str(exc)))
        else:
            done.append(ref)
    return EditOutcome(tuple(done), tuple(failed))


class _DoneEditCommand(QUndoCommand):
    """An edit already done on a worker when pushed, so the first redo does nothing; later
    redos and undos run `forward` / `backward` on the panel's serial queue."""

    def __init__(
        self,
        panel: PhotoPanel,
        text: str,
        inspection_id: str,
        forward: Callable[[Progress, threading.Event], Any],
        backward: Callable[[Progress, threading.Event], Any],
    ) -> None:
        super().__init__(text)
        self.panel = panel
        self.inspection_id = inspection_id
        self.forward, self.backward = forward, backward
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.panel.enqueue(self.forward, lambda _r: self.panel.changed(self.inspection_id))

    def undo(self) -> None:
        self.panel.enqueue(self.backward, lambda _r: self.panel.changed(self.inspection_id))


class AttachPhotosCommand(_DoneEditCommand):
    """Undo = detach the photos this attach added; redo = attach them again from the store."""

    def __init__(self, panel: PhotoPanel, outcome: AttachOutcome) -> None:
        self.outcome = o = outcome
        store = panel.store
        originals = [photo_path(store.paths, sha) for sha in o.added]

        def forward(progress: Progress, cancel: threading.Event) -> None:
            svc.attach_photos(store, o.inspection_id, o.item_code, originals)

        def backward(progress: Progress, cancel: threading.Event) -> None:
            for sha in o.added:
                svc.detach_photo(store, o.inspection_id, sha, item_code=o.item_code)

        super().__init__(panel, panel.attach_text(len(o.added)), o.inspection_id, forward, backward)


def detach_step(store: Store, inspection_id: str, item_code: str) -> Callable[[PhotoRef], None]:
    """Take one photo off the item (the original stays in the store)."""
    return lambda ref: svc.detach_photo(store, inspection_id, ref.sha256, item_code=item_code)


def reattach_step(store: Store, inspection_id: str, item_code: str) -> Callable[[PhotoRef], None]:
    """Put one removed photo back on the item with the capture time it had."""
    return lambda ref: svc.reattach_photo(
        store, inspection_id, item_code, ref.sha256, captured_at=ref.captured_at
    )


def place_step(
    store: Store, inspection_id: str, item_code: str, *, back: bool = False
) -> Callable[[PhotoRef], None]:
    """Put one unplaced photo on the item (`back`: make it unplaced again)."""
    source, target = (item_code, None) if back else (None, item_code)
    return lambda ref: svc.move_photo(
        store, inspection_id, ref.sha256, from_item=source, to_item=target
    )


@functools.cache
def _placeholder(text: str) -> QIcon:
    """A grey tile while the real thumbnail loads (drawn once, then shared)."""
    pix = QPixmap(ICON, ICON)
    pix.fill(QColor("#d9dde3"))
    painter = QPainter(pix)
    painter.setPen(QColor("#555b66"))
    font = QFont(painter.font())
    font.setPointSize(20)
    painter.setFont(font)
    painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pix)


class _PhotoList(QListWidget):
    """An icon grid of photo tiles; drops go to the panel (the list takes none itself).

    Keys on a selected tile: Delete (or Backspace) asks to remove it, Enter for the list's
    main action, Space to view the photo.
    """

    removeRequested = Signal()
    enterPressed = Signal()
    viewRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(ICON, ICON))
        self.setGridSize(QSize(ICON + 16, ICON + 40))
        self.setSpacing(4)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setAcceptDrops(False)
        self.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and self.currentItem() is not None:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.removeRequested.emit()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.enterPressed.emit()
                return
            if key == Qt.Key.Key_Space:
                self.viewRequested.emit()
                return
        super().keyPressEvent(event)


class _UnplacedList(_PhotoList):
    """The inspection's unplaced photos; their tiles drag onto the item's photos."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        # a copy as far as Qt knows: after a "move" the view would delete the tiles itself,
        # even when the core refuses; the panel redraws both lists once the core has spoken
        self.setDefaultDropAction(Qt.DropAction.CopyAction)

    def mimeTypes(self) -> list[str]:
        return [PHOTO_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        shas = [t.data(SHA_ROLE) for t in items if t.data(SHA_ROLE)]
        mime.setData(PHOTO_MIME, json.dumps({"sha256": shas}).encode())
        return mime


class PhotoPanel(QWidget):
    """The photos of the item shown; drop files here, choose them, or paste an image."""

    photosChanged = Signal(str)  # inspection id

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.undo_stack = undo_stack
        self.inspection_id: str | None = None
        self.item_code: str | None = None
        self._queue: deque[tuple[Callable[[Progress, threading.Event], Any], Any]] = deque()
        self._busy = False
        self._pending_thumbs: list[QListWidgetItem] = []
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._load_some_thumbnails)
        self._temp_files: list[Path] = []
        self._editable = False
        self.setAcceptDrops(True)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.photos = _PhotoList(self)
        self.photos.itemDoubleClicked.connect(self._open_viewer)
        self.photos.removeRequested.connect(self.remove_selected)
        self.photos.enterPressed.connect(lambda: self._view_current(self.photos))
        self.photos.viewRequested.connect(lambda: self._view_current(self.photos))
        self.photos.itemSelectionChanged.connect(self._update_buttons)
        self.drop_hint = QLabel(self.tr("Drop photos here, or paste with Ctrl+V"))
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setStyleSheet("color: palette(mid);")
        self.unplaced_label = QLabel(self.tr("Imported for this inspection, not on an item"))
        self.unplaced_label.setWordWrap(True)
        self.unplaced = _UnplacedList(self)
        self.unplaced.setMaximumHeight(ICON + 56)
        self.unplaced.itemDoubleClicked.connect(self._open_viewer)
        self.unplaced.enterPressed.connect(self.place_selected)
        self.unplaced.viewRequested.connect(lambda: self._view_current(self.unplaced))
        self.unplaced.itemSelectionChanged.connect(self._update_buttons)
        self.place_button = QPushButton(self.tr("Put on this item"))
        self.place_button.setToolTip(
            self.tr("Put the selected photos on this item (Enter), or drag them onto it")
        )
        self.place_button.clicked.connect(self.place_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.clicked.connect(self.choose_files)
        self.paste_button = QPushButton(self.tr("Paste"))
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected photos from this item (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        unplaced_bar = QHBoxLayout()
        unplaced_bar.addWidget(self.unplaced_label, 1)
        unplaced_bar.addWidget(self.place_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.photos, 1)
        layout.addWidget(self.drop_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(unplaced_bar)
        layout.addWidget(self.unplaced)
        self.show_item(None, None)

    # --- showing ---------------------------------------------------------------------------

    def show_item(
        self,
        inspection_id: str | None,
        item_code: str | None,
        detail: svc.InspectionDetail | None = None,
    ) -> None:
        """Show the photos of this item (and the inspection's unplaced photos); `detail`, when
        the caller has just read the inspection, spares reading it again."""
        changed = (inspection_id, item_code) != (self.inspection_id, self.item_code)
        self.inspection_id, self.item_code = inspection_id, item_code
        if changed:
            self.status.clear()
        self._pending_thumbs.clear()
        self.photos.clear()
        self.unplaced.clear()
        self._editable = False
        if inspection_id is None:
            self.title.setText(self.tr("No inspection open"))
            self.unplaced_label.hide()
            self.unplaced.hide()
            self._update_buttons()
            return
        if detail is None or detail.summary.id != inspection_id:
            detail = svc.get_inspection(self.store, inspection_id)
        # a final inspection is read-only: its photos show, nothing offers to change them
        self._editable = item_code is not None and detail.summary.status == svc.DRAFT
        item = next((i for i in detail.items if i.code == item_code), None)
        if item is None:
            self.title.setText(self.tr("Choose an item to see its photos"))
        else:
            self.title.setText(
                self.tr("Photos of %1 (%2)")
                .replace("%1", item.code)
                .replace("%2", str(len(item.photos)))
            )
            for ref in item.photos:
                self.photos.addItem(self._tile(ref))
        for ref in detail.unplaced_photos:
            self.unplaced.addItem(self._tile(ref))
        has_unplaced = bool(detail.unplaced_photos)
        self.unplaced_label.setVisible(has_unplaced)
        self.unplaced.setVisible(has_unplaced)
        self.unplaced.setDragEnabled(self._editable)
        self._update_buttons()
        if self._pending_thumbs:
            self._thumb_timer.start()

    def refresh(self) -> None:
        self.show_item(self.inspection_id, self.item_code)

    def _update_buttons(self) -> None:
        editable = self._editable
        self.add_button.setEnabled(editable)
        self.paste_button.setEnabled(editable)
        self.drop_hint.setVisible(editable)
        self.remove_button.setEnabled(editable and bool(self._selected(self.photos)))
        self.place_button.setVisible(self.unplaced.isVisibleTo(self))
        self.place_button.setEnabled(editable and bool(self._selected(self.unplaced)))

    @staticmethod
    def _selected(tiles: QListWidget) -> list[PhotoRef]:
        """The stored photos selected in a list, in the list's order (placeholders skipped)."""
        refs = []
        for n in range(tiles.count()):
            tile = tiles.item(n)
            ref = tile.data(REF_ROLE)
            if tile.isSelected() and isinstance(ref, PhotoRef):
                refs.append(ref)
        return refs

    def attach_text(self, n: int) -> str:
        """The undo text of an attach: a PhotoPanel tr() so that lupdate files it here."""
        return self.tr("Attach %n photo(s)", "", n)

    def caption(self, ref: PhotoRef) -> str:
        when = (
            ref.captured_at.astimezone(DEFAULT_CAMERA_TZ).strftime("%m-%d %H:%M")
            if ref.captured_at is not None
            else self.tr("unknown")
        )
        gps = self.tr("GPS ✓") if ref.gps is not None else self.tr("no GPS")
        return f"{when}\n{gps}"

    def _tile(self, ref: PhotoRef) -> QListWidgetItem:
        tile = QListWidgetItem(_placeholder("…"), self.caption(ref))
        tile.setData(SHA_ROLE, ref.sha256)
        tile.setData(REF_ROLE, ref)
        tip = [
            f"{ref.width} × {ref.height} {ref.format}",
            self.tr("Taken: %1").replace(
                "%1",
                ref.captured_at.astimezone(DEFAULT_CAMERA_TZ).strftime("%Y-%m-%d %H:%M:%S")
                if ref.captured_at
                else self.tr("unknown"),
            ),
        ]
        if ref.gps is not None:
            tip.append(f"GPS {ref.gps[0]:.5f}, {ref.gps[1]:.5f}")
        tile.setToolTip("\n".join(tip))
        self._pending_thumbs.append(tile)
        return tile

    def _load_some_thumbnails(self) -> None:
        for _ in range(THUMBS_PER_TURN):
            if not self._pending_thumbs:
                self._thumb_timer.stop()
                return
            tile = self._pending_thumbs.pop(0)
            sha = tile.data(SHA_ROLE)
            pix = QPixmap(str(thumbnail_path(self.store.paths, sha)))
            if not pix.isNull():
                tile.setIcon(QIcon(pix))
        if not self._pending_thumbs:
            self._thumb_timer.stop()

    def _open_viewer(self, tile: QListWidgetItem) -> None:
        ref = tile.data(REF_ROLE)
        if not isinstance(ref, PhotoRef):
            return
        from inspector_app.ui.photo_viewer import PhotoViewer

        viewer = PhotoViewer(self.store, ref, self, runner=self.runner)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()

    def _view_current(self, tiles: QListWidget) -> None:
        tile = tiles.currentItem()
        if tile is not None:
            self._open_viewer(tile)

    # --- removing and placing --------------------------------------------------------------

    def remove_selected(self) -> None:
        """Take the selected photos off the item (undoable; the originals stay stored)."""
        refs = self._selected(self.photos)
        if not self._editable or not refs:
            return
        assert self.inspection_id is not None and self.item_code is not None
        insp, item = self.inspection_id, self.item_code
        self._edit(
            refs,
            detach_step(self.store, insp, item),
            reattach_step(self.store, insp, item),
            lambda n: self.tr("Remove %n photo(s) from %1", "", n).replace("%1", item),
            lambda n: self.tr("%n photo(s) removed from the item.", "", n),
        )

    def place_selected(self) -> None:
        """Put the selected unplaced photos on the item (undoable)."""
        self.place(self._selected(self.unplaced))

    def place(self, refs: Sequence[PhotoRef]) -> None:
        """Put these unplaced photos of the inspection on the item shown (undoable)."""
        if not self._editable or not refs:
            return
        assert self.inspection_id is not None and self.item_code is not None
        insp, item = self.inspection_id, self.item_code
        self._edit(
            refs,
            place_step(self.store, insp, item),
            place_step(self.store, insp, item, back=True),
            lambda n: self.tr("Put %n photo(s) on %1", "", n).replace("%1", item),
            lambda n: self.tr("%n photo(s) put on the item.", "", n),
        )

    def _edit(
        self,
        refs: Sequence[PhotoRef],
        step: Callable[[PhotoRef], None],
        back: Callable[[PhotoRef], None],
        undo_text: Callable[[int], str],
        done_text: Callable[[int], str],
    ) -> None:
        """Do `step` on each photo on the runner, then push the undo command for the photos
        it changed (undo runs `back` on those, redo `step` again)."""
        assert self.inspection_id is not None
        inspection_id = self.inspection_id
        refs = tuple(refs)

        def task(progress: Progress, cancel: threading.Event) -> EditOutcome:
            return _each(refs, step)

        def done(outcome: EditOutcome) -> None:
            if outcome.done:
                did = outcome.done

                # on undo / redo a refusal stops there and shows in the status line
                def forward(progress: Progress, cancel: threading.Event) -> None:
                    for ref in did:
                        step(ref)

                def backward(progress: Progress, cancel: threading.Event) -> None:
                    for ref in did:
                        back(ref)

                text = undo_text(len(did))
                self.undo_stack.push(_DoneEditCommand(self, text, inspection_id, forward, backward))
            self.changed(inspection_id)
            lines = [done_text(len(outcome.done))]
            if outcome.failed:
                lines.append(self.tr("Not done:"))
                lines += [f"• {ref.sha256[:12]}…: {why}" for ref, why in outcome.failed]
            self.status.setText("\n".join(lines))

        self.enqueue(task, done)

    # --- attaching -------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.inspection_id is None or self.item_code is None:
            return
        patterns = " ".join(f"*{s}" for s in IMAGE_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose photos"),
            "",
            self.tr("Images (%1)").replace("%1", patterns) + ";;" + self.tr("All files (*)"),
        )
        if files:
            self.attach_files([Path(f) for f in files])

    def paste_from_clipboard(self) -> None:
        """Attach the clipboard's image (saved as a PNG first) or its file URLs."""
        if self.inspection_id is None or self.item_code is None:
            return
        mime = QGuiApplication.clipboard().mimeData()
        files = self._local_files(mime) if mime is not None else []
        if files:
            self.attach_files(files)
            return
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.status.setText(self.tr("The clipboard holds no image."))
            return
        tmp_dir = self.store.paths.tmp
        tmp_dir.mkdir(parents=True, exist_ok=True)
        target = tmp_dir / f"clipboard-{uuid.uuid4().hex[:12]}.png"
        if not image.save(str(target)):  # PNG, from the suffix
            self.status.setText(self.tr("The pasted image could not be saved."))
            return
        self._temp_files.append(target)
        self.attach_files([target], temporary=True)

    @staticmethod
    def _local_files(mime: QMimeData) -> list[Path]:
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData(), event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData(), event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if not self._accepts(mime, event.position().toPoint()):
            event.ignore()
            return
        event.acceptProposedAction()
        if mime.hasFormat(PHOTO_MIME):
            self.place(self._dragged(mime))
            return
        files = self._local_files(mime)
        if files:
            self.attach_files(files)
        elif mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                tmp_dir = self.store.paths.tmp
                tmp_dir.mkdir(parents=True, exist_ok=True)
                target = tmp_dir / f"dropped-{uuid.uuid4().hex[:12]}.png"
                if image.save(str(target)):  # PNG, from the suffix
                    self._temp_files.append(target)
                    self.attach_files([target], temporary=True)

    def _accepts(self, mime: QMimeData | None, pos: QPoint) -> bool:
        if mime is None or not self._editable:
            return False
        if mime.hasFormat(PHOTO_MIME):
            # unplaced tiles go onto the item: anywhere but back on their own list
            on_unplaced = self.unplaced.isVisible() and self.unplaced.geometry().contains(pos)
            return not on_unplaced and bool(self._dragged(mime))
        return bool(self._local_files(mime)) or mime.hasImage()

    def _dragged(self, mime: QMimeData) -> list[PhotoRef]:
        """The unplaced photos of the inspection shown that a drag carries (a drag from
        another inspection's list, or stale, carries none)."""
        try:
            shas = json.loads(bytes(mime.data(PHOTO_MIME).data()).decode())["sha256"]
        except (ValueError, KeyError, TypeError):
            return []
        if not isinstance(shas, list):
            return []
        by_sha = {}
        for n in range(self.unplaced.count()):
            ref = self.unplaced.item(n).data(REF_ROLE)
            if isinstance(ref, PhotoRef):
                by_sha[ref.sha256] = ref
        return [by_sha[sha] for sha in shas if isinstance(sha, str) and sha in by_sha]

    def attach_files(self, files: Sequence[Path], *, temporary: bool = False) -> None:
        """Show placeholders now, ingest and attach on the runner, push an undo command."""
        if self.inspection_id is None or self.item_code is None or not files:
            return
        inspection_id, item_code = self.inspection_id, self.item_code
        paths = [Path(f) for f in files]
        placeholders = []
        for path in paths:
            tile = QListWidgetItem(_placeholder("…"), path.name)
            tile.setToolTip(self.tr("Adding %1…").replace("%1", str(path)))
            tile.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.photos.addItem(tile)
            placeholders.append(tile)
        self.status.setText(self.tr("Adding %n photo(s)…", "", len(paths)))
        store = self.store

        def task(progress: Progress, cancel: threading.Event) -> AttachOutcome:
            return attach_files(store, inspection_id, item_code, paths, progress, cancel)

        def done(outcome: AttachOutcome) -> None:
            self._drop_temps(paths if temporary else [])
            if outcome.added:
                self.undo_stack.push(AttachPhotosCommand(self, outcome))
            self._report(outcome)
            self.changed(inspection_id)

        def failed(exc: BaseException) -> None:
            self._drop_temps(paths if temporary else [])
            self.refresh()
            self.status.setText(self.tr("No photo was added: %1").replace("%1", str(exc)))

        def progress(done_n: int, total: int) -> None:
            if total:
                self.status.setText(
                    self.tr("Adding photos… %1 of %2")
                    .replace("%1", str(done_n))
                    .replace("%2", str(total))
                )

        self.enqueue(task, done, failed, progress)

    def _report(self, outcome: AttachOutcome) -> None:
        lines = [self.tr("%n photo(s) added.", "", len(outcome.added))]
        if outcome.refused:
            lines.append(self.tr("Not added:"))
            lines += [f"• {name}: {reason}" for name, reason in outcome.refused]
        if outcome.cancelled:
            lines.append(self.tr("Stopped before the end."))
        self.status.setText("\n".join(lines))

    def _drop_temps(self, paths: Sequence[Path]) -> None:
        for path in paths:
            if path in self._temp_files:
                self._temp_files.remove(path)
                path.unlink(missing_ok=True)

    def changed(self, inspection_id: str) -> None:
        if inspection_id == self.inspection_id:
            self.refresh()
        self.photosChanged.emit(inspection_id)

    # --- one operation at a time -----------------------------------------------------------

    def enqueue(
        self,
        fn: Callable[[Progress, threading.Event], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self._queue.append((fn, (on_done, on_error, on_progress)))
        self._next()

    @property
    def busy(self) -> bool:
        return self._busy or bool(self._queue)

    def _next(self) -> None:
        if self._busy or not self._queue:
            return
        fn, (on_done, on_error, on_progress) = self._queue.popleft()
        self._busy = True

        def done(result: Any) -> None:
            self._busy = False
            try:
                on_done(result)
            finally:
                self._next()

        def error(exc: BaseException) -> None:
            self._busy = False
            try:
                if on_error is not None:
                    on_error(exc)
                else:
                    self.refresh()
                    self.status.setText(str(exc))
            finally:
                self._next()

        self.runner.run(fn, on_done=done, on_error=error, on_progress=on_progress)
