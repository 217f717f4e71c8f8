"""The store: one data folder (database, photos, keys) opened and ready for services.

The database is SQLite in the data folder unless a URL names another (a command centre's
PostgreSQL server); the URL is chosen by the caller (cli/common.py, the window's start:
core/location.py), never here, so one process may hold a laptop and a centre at once.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from inspector_app.core.db.engine import make_engine, sqlite_url
from inspector_app.core.db.migrate import precheck_sqlite, prepare_schema
from inspector_app.core.errors import StoreError
from inspector_app.core.paths import DataPaths, resolve_data_dir


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some service accounts
        return "unknown"


@dataclass
class Store:
    """An open data folder. `write()` and `read()` hand out sessions in a transaction."""

    paths: DataPaths
    engine: Engine
    read_engine: Engine
    #: the database URL as given (password included): show `masked_url` instead
    url: str = field(repr=False)
    #: who is acting, recorded in the audit log
    actor: str = field(default_factory=_default_actor)
    backup: Path | None = None

    def __post_init__(self) -> None:
        self._write = sessionmaker(self.engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error."""
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @property
    def backend(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @property
    def masked_url(self) -> str:
        """The database URL fit to show or log: the password, if any, as ***."""
        return make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()


def unreachable(url: str, exc: OperationalError) -> StoreError:
    """The error for a database that cannot be reached, its URL's password masked (the
    driver's own first line says why: refused, unknown host, authentication)."""
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else ""
    masked = make_url(url).render_as_string(hide_password=True)
    return StoreError(f"cannot open the database {masked}: {reason}")


def sqlite_file(url: str) -> Path | None:
    """The database file a SQLite URL names (None for any other database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database)


def open_store(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    url: str | None = None,
    actor: str | None = None,
    photos_dir: str | os.PathLike[str] | None = None,
) -> Store:
    """Open (creating if needed) the data folder and bring its database to this schema.

    `url` names the database (default: SQLite in the data folder, which is then the only
    place a SQLite file is made); `photos_dir` a photos folder outside the data folder.
    Built-in catalogues are added on first use; a database from a newer program is
    refused, and so is a PostgreSQL database whose schema is older (`db upgrade`).
    """
    root = resolve_data_dir(data_dir)
    paths = DataPaths(root, Path(photos_dir).resolve() if photos_dir else None)
    paths.ensure()
    db_url = url or sqlite_url(paths.database)
    db_file = sqlite_file(db_url)
    if db_file is not None:
        precheck_sqlite(db_file)
    engine = make_engine(db_url)
    read_engine = make_engine(db_url, immediate=False)
    try:
        backup = prepare_schema(engine, db_file, read_engine=read_engine)
    except OperationalError as exc:
        engine.dispose()
        read_engine.dispose()
        raise unreachable(db_url, exc) from None
    except BaseException:
        engine.dispose()
        read_engine.dispose()
        raise
    store = Store(paths, engine, read_engine, db_url, backup=backup)
    if actor:
        store.actor = actor
    from inspector_app.core.catalogue import ensure_builtin_catalogues

    ensure_builtin_catalogues(store)
    return store
