"""Alembic, driven from code: create + stamp a new store, back up and upgrade an old one,
refuse one made by a newer program.

Alembic (with mako and its dialect modules, ~0.1 s to import) is loaded only when the
schema must change; a store already at `HEAD` is recognised with one query.

SQLite (one laptop, one office): an older store is backed up beside itself and upgraded
when it is opened. PostgreSQL (a shared server): a new, empty database is created and
stamped when first opened, but an older schema is refused until an administrator runs
`inspector-app db upgrade` — upgrading a server under other supervisors' open windows
would change the tables beneath programs that expect the old ones. Each PostgreSQL
change runs in one transaction under the writers' lock (engine.py), so two programs
opening a new database at once create it once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from inspector_app.core.db.models import Base
from inspector_app.core.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PACKAGED = MIGRATIONS_DIR  # tests may point MIGRATIONS_DIR at a copy with newer revisions
#: the newest revision in migrations/versions (a test keeps it equal to Alembic's head)
HEAD = "0006"


def alembic_config(engine: Engine, connection: Connection | None = None) -> Config:
    """Alembic's configuration for `engine`; with `connection`, migrations run on it,
    inside the transaction it holds (env.py commits only what it began itself)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision_on(conn)


def _revision_on(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    # Alembic looks for its table before reading it: on PostgreSQL a failed SELECT would
    # abort the transaction this may run in
    return MigrationContext.configure(conn).get_current_revision()


def _stored_revision(engine: Engine) -> str | None:
    """The revision stamped in the store, read without Alembic (None if there is none)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None
    return rows[0][0] if len(rows) == 1 else None


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {rev.revision for rev in script.walk_revisions()}


def backup_sqlite(db_file: Path, revision: str) -> Path:
    """Copy the database beside itself with SQLite's online backup (WAL included)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = db_file.with_name(f"{db_file.name}.{revision}.{stamp}.bak")
    src = sqlite3.connect(db_file)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _refuse(current: str | None, tables: set[str]) -> None:
    """Raise for a database this program must not touch."""
    if current is None and tables - {"alembic_version"}:
        raise StoreError(
            "the database holds tables but no schema version; it was not made by "
            "Inspector, so it is left untouched"
        )
    if current is not None and current != HEAD and current not in known_revisions():
        raise StoreError(
            f"the database was made by a newer version of Inspector (schema {current}); "
            "install the newer version to open it. Nothing was changed."
        )


def precheck_sqlite(db_file: Path) -> None:
    """Refuse a foreign or newer SQLite file before any connection could change it
    (even switching on WAL rewrites the header)."""
    if not db_file.exists() or db_file.stat().st_size == 0:
        return
    _refuse(*_sqlite_revision(db_file))


def _sqlite_revision(db_file: Path) -> tuple[str | None, set[str]]:
    """The revision and table names of a SQLite file, read without changing a byte."""
    try:
        con = sqlite3.connect(f"{db_file.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"the database {db_file} cannot be opened: {exc}") from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        current = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            current = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{db_file} is not a usable database: {exc}") from None
    finally:
        con.close()
    return current, tables


def prepare_schema(
    engine: Engine, db_file: Path | None, *, read_engine: Engine | None = None
) -> Path | None:
    """Bring the store to the program's schema; returns the backup made, if any.
    `read_engine` answers the everyday question (already at HEAD?) without taking the
    writers' lock on a shared server."""
    if MIGRATIONS_DIR == _PACKAGED and _stored_revision(read_engine or engine) == HEAD:
        return None  # the everyday case: nothing to do, Alembic not even loaded
    if engine.dialect.name != "sqlite":
        _prepare_server(engine, upgrade=False)
        return None
    from alembic import command

    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    _refuse(current, set(inspect(engine).get_table_names()))
    if current is None:
        Base.metadata.create_all(engine)
        command.stamp(alembic_config(engine), head)
        return None
    backup = None
    if db_file is not None and engine.dialect.name == "sqlite":
        backup = backup_sqlite(db_file, current)
    command.upgrade(alembic_config(engine), head)
    return backup


# --- a shared server ----------------------------------------------------------------------


def _older_schema_message(current: str, head: str) -> str:
    return (
        f"the database's schema ({current}) is older than this program's ({head}); "
        "an administrator must run `inspector-app db upgrade` (after a backup with "
        "pg_dump) while no one has it open. Nothing was changed."
    )


def _prepare_server(engine: Engine, *, upgrade: bool) -> tuple[str | None, str]:
    """Create + stamp an empty server database, or (with `upgrade`) upgrade an older one,
    in one transaction under the writers' lock. Returns (revision before, after)."""
    from alembic import command

    head = head_revision()
    with engine.begin() as conn:
        current = _revision_on(conn)
        if current == head:
            return current, head
        _refuse(current, set(inspect(conn).get_table_names()))
        if current is None:
            Base.metadata.create_all(conn)
            command.stamp(alembic_config(engine, conn), head)
        elif not upgrade:
            raise StoreError(_older_schema_message(current, head))
        else:
            command.upgrade(alembic_config(engine, conn), head)
    return current, head


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database's schema stands against the program's."""

    backend: str
    #: the stamped revision; None for an empty database
    revision: str | None
    head: str
    #: "current", "empty" (made at first open), "older" (needs `db upgrade`), "newer"
    #: (made by a newer program: refused), or "foreign" (tables but no revision: refused)
    state: str

    @property
    def needs_upgrade(self) -> bool:
        return self.state == "older"


def schema_status(engine: Engine | None, db_file: Path | None = None) -> SchemaStatus:
    """Read the database's revision and compare it with the program's (changes nothing).
    A SQLite file is read directly (`engine` None), so even WAL mode is not switched on."""
    head = head_revision()
    if db_file is not None:
        backend = "sqlite"
        exists = db_file.exists() and db_file.stat().st_size > 0
        current, tables = _sqlite_revision(db_file) if exists else (None, set())
    else:
        assert engine is not None
        backend = engine.dialect.name
        with engine.connect() as conn:
            current = _revision_on(conn)
            tables = set(inspect(conn).get_table_names())
    if current == head:
        state = "current"
    elif current is None:
        state = "foreign" if tables - {"alembic_version"} else "empty"
    elif current not in known_revisions():
        state = "newer"
    else:
        state = "older"
    return SchemaStatus(backend, current, head, state)


@dataclass(frozen=True)
class UpgradeResult:
    """What `upgrade_schema` did."""

    before: str | None
    after: str
    #: the SQLite backup made before the upgrade (None on a server: back it up with pg_dump)
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def upgrade_schema(engine: Engine, db_file: Path | None) -> UpgradeResult:
    """`db upgrade`: bring the database to the program's schema (creating it when empty).
    SQLite is backed up first; PostgreSQL is upgraded in one transaction, all or nothing."""
    if engine.dialect.name != "sqlite":
        before, after = _prepare_server(engine, upgrade=True)
        return UpgradeResult(before, after, None)
    if db_file is not None:
        precheck_sqlite(db_file)
    before = current_revision(engine)
    backup = prepare_schema(engine, db_file)
    return UpgradeResult(before, head_revision(), backup)
