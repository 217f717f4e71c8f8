"""Where the program keeps its data: one folder per installation (platformdirs by default)."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "inspector-app"
ENV_DATA_DIR = "INSPECTOR_DATA_DIR"
ENV_PHOTOS_DIR = "INSPECTOR_PHOTOS_DIR"


def default_data_dir() -> Path:
    """The user's data folder for the app, e.g. ~/.local/share/inspector-app on Linux."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then INSPECTOR_DATA_DIR, then the platform default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


@dataclass(frozen=True)
class DataPaths:
    """The fixed layout inside one data folder. A shared store's photo originals may live
    in a folder of their own (`photos_dir`, e.g. a network share every supervisor's
    machine mounts); thumbnails stay in the data folder, a per-machine cache made again
    from the originals when missing."""

    root: Path
    photos_dir: Path | None = None

    @property
    def database(self) -> Path:
        return self.root / "inspector.db"

    @property
    def photos(self) -> Path:
        return self.photos_dir if self.photos_dir is not None else self.root / "photos"

    @property
    def photos_tmp(self) -> Path:
        """Temp files of originals being written: inside the photos folder, so the final
        rename never crosses file systems (atomic on a network share too). Names are
        unique per writer; two writers of the same photo both rename identical bytes
        onto the same content-addressed name, which is harmless."""
        return self.photos / ".tmp"

    @property
    def thumbnails(self) -> Path:
        return self.root / "thumbnails"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def tmp(self) -> Path:
        """Scratch space on the same file system as the stores, for atomic renames."""
        return self.root / "tmp"

    def ensure(self) -> None:
        for folder in (self.root, self.photos, self.thumbnails, self.keys, self.logs, self.tmp):
            folder.mkdir(parents=True, exist_ok=True)


def resolve_photos_dir(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """`--photos-dir` wins, then INSPECTOR_PHOTOS_DIR; None keeps photos in the data folder."""
    value = os.fspath(explicit) if explicit else os.environ.get(ENV_PHOTOS_DIR)
    return Path(value).expanduser().resolve() if value else None


_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def check_sha(sha: str) -> str:
    """`sha` itself, when it is a SHA-256 in lower-case hex (a name in the store)."""
    if not _SHA256_HEX.fullmatch(sha):
        raise ValueError(f"not a SHA-256 in lower-case hex: {sha!r}")
    return sha


def photo_path(paths: DataPaths, sha: str) -> Path:
    """Where the original bytes of photo `sha` live: photos/ab/<sha256>."""
    return paths.photos / check_sha(sha)[:2] / sha


def thumbnail_path(paths: DataPaths, sha: str) -> Path:
    """Where the 256 px JPEG thumbnail of photo `sha` lives: thumbnails/ab/<sha256>.jpg."""
    return paths.thumbnails / check_sha(sha)[:2] / f"{sha}.jpg"


def resources_dir() -> Path:
    """The `resources/` folder: inside a frozen build, inside the package when installed
    from a wheel (inspector_app/resources), beside the package in a checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    package = Path(__file__).resolve().parents[1]
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"
