"""The photos behind a finding, large: one at a time with its EXIF time and place, the review
markers (taken outside the inspection's time, shared with another finding) in words, and
the zoomable viewer of ui/photo_viewer.py on a double-click or Z."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.evidence import PhotoInfo
from inspector_app.core.inspections import PhotoRef
from inspector_app.core.store import Store
from inspector_app.ui.centre_words import centre_time
from inspector_app.ui.tasks import Progress, TaskRunner

#: the longest side a preview is decoded to: sharp on a large screen, a fraction of a
#: 12-megapixel original's decoding time (JPEG draft mode scales while decoding)
PREVIEW_SIDE = 1600
OUTSIDE_STYLE = "background: #fde2e1; color: #a4161a; border-radius: 3px; padding: 2px 6px;"
SHARED_STYLE = "background: #fdf1d6; color: #7a4b00; border-radius: 3px; padding: 2px 6px;"


def decode_preview(path: Path, side: int = PREVIEW_SIDE) -> tuple[bytes, int, int] | None:
    """RGBA bytes of the photo turned as its EXIF says and fitted in `side` (on a worker:
    Pillow only, no Qt); None when it cannot be read."""
    from PIL import Image, ImageOps

    import inspector_app.core.photos  # noqa: F401  (bounded pixels, HEIC reader)

    try:
        with Image.open(path) as im:
            im.draft("RGB", (side, side))
            turned = ImageOps.exif_transpose(im)
            turned.thumbnail((side, side))
            rgba = turned.convert("RGBA")
            return rgba.tobytes("raw", "RGBA"), rgba.width, rgba.height
    except Exception:  # a missing or damaged file shows as such, it does not stop the review
        return None


#: what the worker hands back: the request's generation and the decoded preview, if any
_Decoded = tuple[int, tuple[bytes, int, int] | None]


def photo_ref(photo: PhotoInfo) -> PhotoRef:
    """What the zoomable viewer takes."""
    gps = (
        (photo.gps_latitude, photo.gps_longitude)
        if photo.gps_latitude is not None and photo.gps_longitude is not None
        else None
    )
    return PhotoRef(
        sha256=photo.sha256,
        format=photo.path.suffix.lstrip("."),
        width=photo.width,
        height=photo.height,
        captured_at=photo.captured_at,
        gps=gps,
    )


class _Picture(QLabel):
    """The photo fitted to the room it has; a double-click opens the zoomable viewer."""

    doubleClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background: #22262c; color: #c9ced6;")

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._fit()

    def set_message(self, text: str) -> None:
        self.image = QImage()
        self.setPixmap(QPixmap())
        self.setText(text)

    def _fit(self) -> None:
        if self.image.isNull():
            return
        room = self.size()
        scaled = self.image.scaled(
            room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.doubleClicked.emit()

    def sizeHint(self) -> QSize:
        return QSize(640, 480)


class EvidencePhotos(QWidget):
    """Shows a finding's photos one at a time; `show_photos`, `next_photo`, `zoom`."""

    def __init__(
        self, store: Store, runner: TaskRunner, tz: ZoneInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.tz = tz
        self.photos: tuple[PhotoInfo, ...] = ()
        #: the inspection's start and end, named by the outside-the-time marker
        self.time_window: tuple[datetime, datetime | None] | None = None
        self.index = 0
        self._generation = 0

        self.picture = _Picture(self)
        self.picture.doubleClicked.connect(self.zoom)
        self.counter = QLabel()
        self.prev_button = QPushButton("‹")
        self.prev_button.setToolTip(self.tr("Previous photo (←)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton("›")
        self.next_button.setToolTip(self.tr("Next photo (→)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.zoom_button = QPushButton(self.tr("Zoom… (Z)"))
        self.zoom_button.clicked.connect(self.zoom)
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(32)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outside = QLabel()
        self.outside.setWordWrap(True)
        self.outside.setStyleSheet(OUTSIDE_STYLE)
        self.shared = QLabel()
        self.shared.setWordWrap(True)
        self.shared.setStyleSheet(SHARED_STYLE)

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.counter)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture, 1)
        layout.addLayout(bar)
        layout.addWidget(self.info)
        layout.addWidget(self.outside)
        layout.addWidget(self.shared)
        self.show_photos(())

    @property
    def current(self) -> PhotoInfo | None:
        return self.photos[self.index] if 0 <= self.index < len(self.photos) else None

    def show_photos(
        self,
        photos: tuple[PhotoInfo, ...],
        window: tuple[datetime, datetime | None] | None = None,
    ) -> None:
        self.photos = photos
        self.time_window = window
        self.index = 0
        self._show()

    def step(self, delta: int) -> None:
        if self.photos:
            self.index = (self.index + delta) % len(self.photos)
            self._show()

    def next_photo(self) -> None:
        self.step(1)

    def previous_photo(self) -> None:
        self.step(-1)

    def zoom(self) -> None:
        from inspector_app.ui.photo_viewer import PhotoViewer

        photo = self.current
        if photo is not None:
            PhotoViewer(self.store, photo_ref(photo), self, runner=self.runner).open()

    def _show(self) -> None:
        self._generation += 1
        photo = self.current
        many = len(self.photos) > 1
        for button in (self.prev_button, self.next_button):
            button.setVisible(many)
        self.zoom_button.setEnabled(photo is not None)
        if photo is None:
            self.counter.setText("")
            self.picture.set_message(self.tr("No photo"))
            self.info.setText("")
            self.outside.hide()
            self.shared.hide()
            return
        self.counter.setText(
            self.tr("Photo %1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.photos)))
        )
        self.info.setText(self.info_text(photo))
        self.outside.setVisible(photo.outside_window)
        self.outside.setText(self.outside_text(photo))
        self.shared.setVisible(bool(photo.shared_with))
        self.shared.setText(self.shared_text(photo))
        self.picture.set_message(self.tr("Loading…"))
        generation, path = self._generation, photo.path

        def decode(_progress: Progress, _cancel: threading.Event) -> _Decoded:
            return generation, decode_preview(path)

        # a bound method, not a lambda: Qt drops the call if this widget is gone by then
        self.runner.run(decode, on_done=self._decoded)

    def _decoded(self, outcome: _Decoded) -> None:
        generation, result = outcome
        if generation != self._generation:
            return
        if result is None:
            self.picture.set_message(self.tr("This photo cannot be shown."))
            return
        data, width, height = result
        image = QImage(data, width, height, width * 4, QImage.Format.Format_RGBA8888)
        self.picture.set_image(image.copy())  # own the pixels: `data` goes away

    def info_text(self, photo: PhotoInfo) -> str:
        if photo.captured_at is not None:
            when = centre_time(photo.captured_at, self.tz, seconds=True)
        elif photo.exif_time:
            when = self.tr("%1 (camera clock, zone unknown)").replace("%1", photo.exif_time)
        else:
            when = self.tr("unknown")
        if photo.gps_latitude is not None and photo.gps_longitude is not None:
            place = f"{photo.gps_latitude:.5f}, {photo.gps_longitude:.5f}"
        else:
            place = self.tr("no GPS")
        return self.tr("Taken %1 · place %2").replace("%1", when).replace("%2", place)

    def outside_text(self, photo: PhotoInfo) -> str:
        if not photo.outside_window:
            return ""
        text = "⚠ " + self.tr("Taken outside the inspection's time")
        if self.time_window is not None:
            start, end = self.time_window
            span = centre_time(start, self.tz)
            if end is not None:
                span += "–" + end.astimezone(self.tz).strftime("%H:%M")
            text += " " + self.tr("(inspection %1)").replace("%1", span)
        return text

    def shared_text(self, photo: PhotoInfo) -> str:
        if not photo.shared_with:
            return ""
        others = " · ".join(f"{u.point_code} {u.item_code}" for u in photo.shared_with[:3])
        if len(photo.shared_with) > 3:
            others += " …"
        text = self.tr("Same photo as %n other finding(s): %1", "", len(photo.shared_with))
        return "⧉ " + text.replace("%1", others)
