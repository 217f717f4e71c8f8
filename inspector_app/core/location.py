"""Where a store's database and photos are: the command line, the environment or the data
folder's connection file, checked and with the password kept out of every message."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from inspector_app.core.errors import InputError
from inspector_app.core.fsutil import write_file_atomically
from inspector_app.core.paths import ENV_PHOTOS_DIR

ENV_DATABASE_URL = "INSPECTOR_DATABASE_URL"
#: in the data folder: the database URL and photos folder the window's settings chose
CONNECTION_FILE = "connection.json"
EXAMPLE_URL = "postgresql+psycopg://USER@HOST/DATABASE"


class DatabaseUrlError(InputError):
    """A database URL the program cannot use (a misuse: the CLI exits 2)."""


def mask_url(url: str | URL) -> str:
    """The URL fit to show or log: its password, if any, as ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a URL)"


def check_database_url(text: str) -> str:
    """A usable database URL in its canonical form, or DatabaseUrlError (which never
    repeats the password). PostgreSQL through psycopg 3 (`postgresql://` is taken to mean
    it) or a SQLite file."""
    value = text.strip()
    try:
        url = make_url(value)
    except ArgumentError:
        raise DatabaseUrlError(
            f"the database URL is not a URL; write it as {EXAMPLE_URL} or sqlite:///FILE"
        ) from None
    scheme = url.drivername.lower()
    if scheme in ("postgresql", "postgresql+psycopg"):
        url = url.set(drivername="postgresql+psycopg")
    elif scheme in ("sqlite", "sqlite+pysqlite"):
        if not url.database or url.database == ":memory:":
            raise DatabaseUrlError(
                "a SQLite database URL must name a file: sqlite:///FILE (absolute: "
                "sqlite:////path/to/file.db)"
            )
        url = url.set(drivername="sqlite+pysqlite")
    else:
        raise DatabaseUrlError(
            f"{mask_url(url)} is not a database Inspector can use: "
            f"write {EXAMPLE_URL} (PostgreSQL) or sqlite:///FILE"
        )
    if url.drivername == "postgresql+psycopg" and not url.database:
        raise DatabaseUrlError(f"{mask_url(url)} names no database: write {EXAMPLE_URL}")
    return url.render_as_string(hide_password=False)


@dataclass(frozen=True)
class ConnectionSettings:
    """What the data folder's connection file holds (both optional)."""

    database_url: str | None = None
    photos_dir: str | None = None


def connection_file(data_dir: Path) -> Path:
    return data_dir / CONNECTION_FILE


def read_connection(data_dir: Path) -> ConnectionSettings:
    """The data folder's connection settings (none when the file is missing)."""
    path = connection_file(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ConnectionSettings()
    except (OSError, ValueError) as exc:
        raise InputError(f"{path} cannot be read: {exc}") from None
    if not isinstance(raw, dict):
        raise InputError(f"{path} is not a JSON object")
    url, photos = raw.get("database_url"), raw.get("photos_dir")
    if not isinstance(url, str | None) or not isinstance(photos, str | None):
        raise InputError(f"{path}: database_url and photos_dir must be text")
    return ConnectionSettings(url or None, photos or None)


def write_connection(data_dir: Path, settings: ConnectionSettings) -> None:
    """Save the connection settings (the URL checked first). Readable by the user alone:
    a URL may carry a password (better: none, with ~/.pgpass or certificates)."""
    url = check_database_url(settings.database_url) if settings.database_url else None
    data_dir.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"database_url": url, "photos_dir": settings.photos_dir}, indent=2)
    path = connection_file(data_dir)
    write_file_atomically(path, (body + "\n").encode("utf-8"), mode=0o600)


@dataclass(frozen=True)
class Location:
    """The database URL (None: SQLite in the data folder) and photos folder to open."""

    database_url: str | None
    photos_dir: Path | None


def resolve_location(
    data_dir: Path, *, database: str | None = None, photos_dir: str | None = None
) -> Location:
    """`--database` wins over INSPECTOR_DATABASE_URL, which wins over the data folder's
    connection file; the same order for `--photos-dir` and INSPECTOR_PHOTOS_DIR."""
    saved = read_connection(data_dir)
    url = database or os.environ.get(ENV_DATABASE_URL) or saved.database_url
    photos = photos_dir or os.environ.get(ENV_PHOTOS_DIR) or saved.photos_dir
    return Location(
        check_database_url(url) if url else None,
        Path(photos).expanduser().resolve() if photos else None,
    )


def probe_database(url: str) -> str:
    """Connect to the database at `url` (checked first) and say where its schema stands,
    changing nothing: the window's "Test connection". StoreError when it cannot be
    reached, its password masked."""
    from sqlalchemy.exc import OperationalError

    from inspector_app.core.db.engine import make_engine
    from inspector_app.core.db.migrate import schema_status
    from inspector_app.core.store import sqlite_file, unreachable

    checked = check_database_url(url)
    db_file = sqlite_file(checked)
    if db_file is not None:
        return schema_status(None, db_file).state
    engine = make_engine(checked, immediate=False)
    try:
        return schema_status(engine).state
    except OperationalError as exc:
        raise unreachable(checked, exc) from None
    finally:
        engine.dispose()
