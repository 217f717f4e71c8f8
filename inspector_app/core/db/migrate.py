"""Alembic, driven from code: create + stamp a new store, back up and upgrade an old one,
refuse one made by a newer program.

Alembic (with mako and its dialect modules, ~0.1 s to import) is loaded only when the
schema must change; a store already at `HEAD` is recognised with one query.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from inspector_app.core.db.models import Base
from inspector_app.core.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_PACKAGED = MIGRATIONS_DIR  # tests may point MIGRATIONS_DIR at a copy with newer revisions
#: the newest revision in migrations/versions (a test keeps it equal to Alembic's head)
HEAD = "0003"


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
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
    _refuse(current, tables)


def prepare_schema(engine: Engine, db_file: Path | None) -> Path | None:
    """Bring the store to the program's schema; returns the backup made, if any."""
    if MIGRATIONS_DIR == _PACKAGED and _stored_revision(engine) == HEAD:
        return None  # the everyday case: nothing to do, Alembic not even loaded
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
