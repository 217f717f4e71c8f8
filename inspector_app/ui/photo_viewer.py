"""A photo at full size: zoom (wheel, +/−, fit), turned as its EXIF says, time and GPS."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.inspections import DEFAULT_CAMERA_TZ, PhotoRef
from inspector_app.core.paths import photo_path
from inspector_app.core.store import Store

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 16.0


def load_image(path: Path) -> QImage:
    """The image turned as its EXIF orientation says; Pillow (with pillow-heif) reads what
    Qt cannot, such as HEIC. A null QImage when neither can."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if not image.isNull():
        return image
    try:
        from PIL import Image, ImageOps

        import inspector_app.core.photos  # noqa: F401  (registers pillow-heif)

        with Image.open(path) as im:
            rgba = ImageOps.exif_transpose(im).convert("RGBA")
            data = rgba.tobytes("raw", "RGBA")
            qimage = QImage(
                data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888
            )
            return qimage.copy()  # own the pixels: `data` goes away
    except Exception:
        return QImage()


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
    """Shows one stored photo; `zoom_in`, `zoom_out`, `fit` (also + / − / 0 / wheel)."""

    def __init__(self, store: Store, photo: PhotoRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo = photo
        self.setWindowTitle(self.tr("Photo"))
        self.resize(900, 700)
        self.scene = QGraphicsScene(self)
        self.view = _View(self)
        self.view.setScene(self.scene)
        self.image = load_image(photo_path(store.paths, photo.sha256))
        self.item: QGraphicsPixmapItem | None = None
        self.fitted = True
        if self.image.isNull():
            self.scene.addText(self.tr("This photo cannot be shown."))
        else:
            self.item = self.scene.addPixmap(QPixmap.fromImage(self.image))
            self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)

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
