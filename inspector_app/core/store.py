"""The store: one data folder (database, photos, keys) opened and ready for services."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from inspector_app.core.db.engine import make_engine, sqlite_url
from inspector_app.core.db.migrate import precheck_sqlite, prepare_schema
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
    url: str
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

    def close(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()


def open_store(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    url: str | None = None,
    actor: str | None = None,
) -> Store:
    """Open (creating if needed) the data folder and bring its database to this schema.

    Built-in catalogues are added on first use; a database from a newer program is refused.
    """
    paths = DataPaths(resolve_data_dir(data_dir))
    paths.ensure()
    db_url = url or sqlite_url(paths.database)
    if url is None:
        precheck_sqlite(paths.database)
    engine = make_engine(db_url)
    read_engine = make_engine(db_url, immediate=False) if db_url.startswith("sqlite") else engine
    db_file = paths.database if url is None else None
    try:
        backup = prepare_schema(engine, db_file)
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
