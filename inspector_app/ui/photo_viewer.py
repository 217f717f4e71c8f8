"""A photo at full size: zoom (wheel, +/−, fit), turned as its EXIF says, time and GPS.

The full photo is decoded on the TaskRunner (Pillow, into 32-bit pixels Qt takes as they
are; a 12-MP photo takes ~0.1 s); meanwhile its stored thumbnail shows, scaled to the
photo's size so that zoom and fit do not jump when the full picture replaces it.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPainter,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.inspections import DEFAULT_CAMERA_TZ, PhotoRef
from inspector_app.core.paths import photo_path, thumbnail_path
from inspector_app.core.store import Store
from inspector_app.ui.tasks import Progress, TaskHandle, TaskRunner

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 16.0
#: Pillow's raw byte order for the QImage format Qt paints without converting: the
#: native-endian 0xAARRGGBB word of ARGB32 (little-endian machines: B, G, R, A in memory)
_RAW_MODE, _QT_FORMAT = (
    ("BGRa", QImage.Format.Format_ARGB32_Premultiplied)
    if sys.byteorder == "little"
    else ("RGBa", QImage.Format.Format_RGBA8888_Premultiplied)
)


@dataclass(frozen=True)
class DecodedPhoto:
    """A photo's upright pixels as premultiplied 32-bit ARGB rows (Qt's own layout)."""

    width: int
    height: int
    pixels: bytes


def decode_photo(path: Path, cancel: threading.Event | None = None) -> DecodedPhoto | None:
    """Decode a stored photo in full and turn it as its EXIF orientation says; no Qt here,
    so it runs on a worker. None when it cannot be decoded (or on cancel)."""
    try:
        from PIL import Image, ImageOps

        # also registers pillow-heif and bounds the pixel count
        from inspector_app.core.photos import _to_rgb

        with Image.open(path) as im:
            upright = ImageOps.exif_transpose(im)
            if cancel is not None and cancel.is_set():
                return None
            if upright.mode not in ("RGB", "RGBA"):
                # grey, palette, 16-bit…: the thumbnail's rule, then plain RGB
                upright = _to_rgb(upright).convert("RGB")
            # RGBa = premultiplied alpha, which Qt paints without converting; an opaque
            # photo is the same either way.
            rgba = upright.convert("RGBa")
            if cancel is not None and cancel.is_set():
                return None
            return DecodedPhoto(rgba.width, rgba.height, rgba.tobytes("raw", _RAW_MODE))
    except Exception:
        return None


def to_qimage(decoded: DecodedPhoto) -> QImage:
    """The decoded pixels as a QImage that shares them (keep `decoded` alive with it)."""
    return QImage(
        decoded.pixels,
        decoded.width,
        decoded.height,
        decoded.width * 4,
        _QT_FORMAT,
    )


def load_image(path: Path) -> QImage:
    """The whole photo, upright, as a QImage owning its pixels (a null QImage when it cannot
    be read); on the UI thread this blocks, so the viewer decodes on a worker instead."""
    decoded = decode_photo(path)
    return QImage() if decoded is None else to_qimage(decoded).copy()


class _ImageItem(QGraphicsItem):
    """A QImage drawn as it is: a 12-MP photo as a QPixmap would be a 48 MB copy made on
    the UI thread (30 ms and more), while painting only samples what the view shows."""

    def __init__(self, image: QImage) -> None:
        super().__init__()
        self.image = image

    def set_image(self, image: QImage) -> None:
        self.prepareGeometryChange()
        self.image = image
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.image.width(), self.image.height())

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QPointF(0, 0), self.image)


class _View(QGraphicsView):
    def __init__(self, viewer: PhotoViewer) -> None:
        super().__init__(viewer)
        self.viewer = viewer
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.viewer.zoom_by(ZOOM_STEP**steps)
        event.accept()


class PhotoViewer(QDialog):
    """Shows one stored photo; `zoom_in`, `zoom_out`, `fit` (also + / − / 0 / wheel).

    `loaded` is emitted once the full photo shows (True) or cannot be decoded (False).
    """

    loaded = Signal(bool)

    def __init__(
        self,
        store: Store,
        photo: PhotoRef,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        # without the window's runner the viewer decodes on one of its own, let go on close
        self._own_runner: TaskRunner | None = None
        if runner is None:
            runner = self._own_runner = TaskRunner(self, max_threads=1)
        self.photo = photo
        self.setWindowTitle(self.tr("Photo"))
        self.resize(900, 700)
        self.scene = QGraphicsScene(self)
        self.view = _View(self)
        self.view.setScene(self.scene)
        #: the full photo once decoded (null until then, and when it cannot be)
        self.image = QImage()
        self._decoded: DecodedPhoto | None = None  # the pixels `image` shares
        self.item: _ImageItem | None = None
        self.full = False
        self.fitted = True
        self._show_thumbnail(thumbnail_path(store.paths, photo.sha256))

        when = (
            photo.captured_at.astimezone(DEFAULT_CAMERA_TZ).strftime("%Y-%m-%d %H:%M:%S")
            if photo.captured_at is not None
            else self.tr("unknown")
        )
        gps = (
            f"{photo.gps[0]:.6f}, {photo.gps[1]:.6f}" if photo.gps is not None else self.tr("none")
        )
        self.info = QLabel(
            self.tr("Taken: %1 · GPS: %2 · %3 × %4")
            .replace("%1", when)
            .replace("%2", gps)
            .replace("%3", str(photo.width))
            .replace("%4", str(photo.height))
        )
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.zoom_label = QLabel()
        self.loading_label = QLabel(self.tr("Loading the full photo…"))

        minus = QPushButton("−")
        minus.setToolTip(self.tr("Zoom out (−)"))
        minus.clicked.connect(self.zoom_out)
        plus = QPushButton("+")
        plus.setToolTip(self.tr("Zoom in (+)"))
        plus.clicked.connect(self.zoom_in)
        fit = QPushButton(self.tr("Fit"))
        fit.setToolTip(self.tr("Fit to the window (0)"))
        fit.clicked.connect(self.fit)
        actual = QPushButton(self.tr("100 %"))
        actual.clicked.connect(self.actual_size)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)

        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(self.loading_label)
        bar.addWidget(self.zoom_label)
        for button in (minus, plus, fit, actual, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)

        for keys, slot in (
            ((QKeySequence.StandardKey.ZoomIn, "+", "="), self.zoom_in),
            ((QKeySequence.StandardKey.ZoomOut, "-"), self.zoom_out),
            (("0",), self.fit),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)

        original = photo_path(store.paths, photo.sha256)

        def task(progress: Progress, cancel: threading.Event) -> DecodedPhoto | None:
            return decode_photo(original, cancel)

        self._task: TaskHandle | None = runner.run(task)
        self._task.done.connect(self._show_full)
        self._task.failed.connect(self._not_decoded)
        self.finished.connect(self._stop_decoding)

    # --- the picture -----------------------------------------------------------------------

    def _show_thumbnail(self, path: Path) -> None:
        """The stored (upright) thumbnail, scaled up to the photo's size, while it decodes."""
        thumb = QImage(str(path))
        if thumb.isNull():
            return
        self.item = _ImageItem(thumb)
        self.scene.addItem(self.item)
        longest = max(self.photo.width, self.photo.height)
        self.item.setScale(longest / max(thumb.width(), thumb.height()))
        self.scene.setSceneRect(self.item.sceneBoundingRect())

    def _show_full(self, decoded: DecodedPhoto | None) -> None:
        self._task = None
        self.loading_label.hide()
        if decoded is None:
            if self.item is None:
                self.scene.addText(self.tr("This photo cannot be shown."))
            else:
                self.loading_label.setText(self.tr("Only the thumbnail can be shown."))
                self.loading_label.show()
            self.loaded.emit(False)
            return
        self._decoded = decoded
        self.image = to_qimage(decoded)
        if self.item is None:
            self.item = _ImageItem(self.image)
            self.scene.addItem(self.item)
        else:
            # same scene size as the scaled thumbnail: the view's zoom and scroll stay put
            self.item.set_image(self.image)
            self.item.setScale(1.0)
        self.scene.setSceneRect(self.item.sceneBoundingRect())
        self.full = True
        if self.fitted:
            self.fit()
        self.loaded.emit(True)

    def _not_decoded(self, _exc: BaseException) -> None:
        self._show_full(None)

    def _stop_decoding(self) -> None:
        """Closed before the decode ended: drop its result (the dialog may be gone by then)."""
        if self._task is not None:
            self._task.cancel()
            self._task.done.disconnect(self._show_full)
            self._task.failed.disconnect(self._not_decoded)
            self._task = None
        if self._own_runner is not None:
            self._own_runner.pool.shutdown(wait=False)

    # --- zoom ------------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        return float(self.view.transform().m11())

    def _show_scale(self) -> None:
        self.zoom_label.setText(f"{self.scale * 100:.0f} %")

    def zoom_by(self, factor: float) -> None:
        if self.item is None:
            return
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale * factor))
        self.fitted = False
        self.view.scale(target / self.scale, target / self.scale)
        self._show_scale()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def actual_size(self) -> None:
        self.fitted = False
        self.view.resetTransform()
        self._show_scale()

    def fit(self) -> None:
        self.fitted = True
        if self.item is not None:
            self.view.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
        self._show_scale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.fitted:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()
