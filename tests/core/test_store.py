"""The store: pragmas, schema versions, backups before upgrades, refusal of newer stores."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from inspector_app.core.db import migrate
from inspector_app.core.db.engine import make_engine, sqlite_url
from inspector_app.core.db.models import Base
from inspector_app.core.errors import StoreError
from inspector_app.core.paths import DataPaths, resolve_data_dir
from inspector_app.core.store import open_store

FIRST = "0001"


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only  # checks SQLite's own PRAGMAs (WAL, FULL sync, foreign keys)
def test_pragmas_hold_evidence_safely(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_new_store_is_created_and_stamped(data_dir: Path) -> None:
    s = open_store(data_dir)
    try:
        assert migrate.current_revision(s.engine) == migrate.head_revision()
        assert s.backup is None
    finally:
        s.close()


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    """A database made by running every migration matches the ORM models."""
    engine = make_engine(sqlite_url(tmp_path / "m.db"))
    command.upgrade(migrate.alembic_config(engine), "head")
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diffs == []


def _db_at_first_revision(data_dir: Path) -> Path:
    paths = DataPaths(data_dir)
    paths.ensure()
    engine = make_engine(sqlite_url(paths.database))
    command.upgrade(migrate.alembic_config(engine), FIRST)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO points (id, code, name, type_code, district, street, unit, address, "
                "created_at, updated_at) VALUES ('p1', 'OLD-1', '老点位', 'MAIN_ROAD', "
                "'红旗区', '', '城管局', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()
    return paths.database


def test_store_made_at_first_revision_opens_with_its_data(data_dir: Path) -> None:
    _db_at_first_revision(data_dir)
    s = open_store(data_dir)
    try:
        assert migrate.current_revision(s.engine) == migrate.head_revision()
        with s.read() as session:
            assert session.execute(text("SELECT name FROM points")).scalar() == "老点位"
    finally:
        s.close()


def test_old_store_is_backed_up_then_upgraded(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a newer migration present, opening an old store backs it up beside itself."""
    db = _db_at_first_revision(data_dir)
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts)
    head = migrate.head_revision()
    (scripts / "versions" / "9001_test_column.py").write_text(
        f'''"""add a column (test)"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("settings") as b:
        b.add_column(sa.Column("extra", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("settings") as b:
        b.drop_column("extra")
''',
        encoding="utf-8",
    )
    if head != FIRST:
        engine = make_engine(sqlite_url(db))
        command.upgrade(migrate.alembic_config(engine), head)
        engine.dispose()
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    s = open_store(data_dir)
    try:
        assert migrate.current_revision(s.engine) == "9001"
        assert s.backup is not None and s.backup.parent == db.parent
        old = sqlite3.connect(s.backup)
        try:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
            assert old.execute("SELECT name FROM points").fetchone()[0] == "老点位"
        finally:
            old.close()
    finally:
        s.close()


def test_store_from_a_newer_program_is_refused_untouched(data_dir: Path) -> None:
    s = open_store(data_dir)
    s.close()
    db = DataPaths(data_dir).database
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    con.commit()
    con.close()
    before = file_digest(db)
    with pytest.raises(StoreError, match="newer version"):
        open_store(data_dir)
    assert file_digest(db) == before


def test_foreign_database_is_left_alone(data_dir: Path) -> None:
    paths = DataPaths(data_dir)
    paths.ensure()
    con = sqlite3.connect(paths.database)
    con.execute("CREATE TABLE mine (x INTEGER)")
    con.commit()
    con.close()
    before = file_digest(paths.database)
    with pytest.raises(StoreError, match="not made by Inspector"):
        open_store(data_dir)
    assert file_digest(paths.database) == before


def test_data_dir_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir() == (tmp_path / "env").resolve()
    assert resolve_data_dir(tmp_path / "flag") == (tmp_path / "flag").resolve()
    monkeypatch.delenv("INSPECTOR_DATA_DIR")
    assert "inspector-app" in str(resolve_data_dir())


def test_head_constant_is_alembics_head() -> None:
    """Opening a current store skips Alembic by comparing with HEAD: keep it true."""
    assert migrate.head_revision() == migrate.HEAD


def test_upgrade_from_first_revision_keeps_review_data_and_starts_task_history(
    data_dir: Path,
) -> None:
    """0001 → 0002: decisions and tasks survive; each old task's history starts with its
    creation."""
    from inspector_app.core.centre_demo import build_centre_data

    db = _db_at_first_revision(data_dir)
    engine = make_engine(sqlite_url(db))
    command.upgrade(migrate.alembic_config(engine), "head")  # so the generator can fill it
    engine.dispose()
    s = open_store(data_dir, actor="t")
    build_centre_data(s, findings=300, seed=2)
    s.close()
    engine = make_engine(sqlite_url(db))
    with engine.begin() as conn:  # back to 0001 with its data in place
        counts = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
            for t in ("points", "findings", "review_decisions", "rectification_tasks")
        }
    command.downgrade(migrate.alembic_config(engine), FIRST)
    with engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert "rectification_events" not in tables
    engine.dispose()
    s = open_store(data_dir)
    try:
        assert migrate.current_revision(s.engine) == migrate.HEAD
        assert s.backup is not None
        with s.read() as session:
            for table, n in counts.items():
                assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar() == n
            rows = session.execute(
                text(
                    "SELECT t.created_by, e.actor, e.from_status, e.to_status, e.at = t.created_at "
                    "FROM rectification_tasks t JOIN rectification_events e ON e.task_id = t.id"
                )
            ).all()
        assert len(rows) == counts["rectification_tasks"] > 0
        assert all(r[0] == r[1] and r[2] is None and r[3] == "open" and r[4] for r in rows)
    finally:
        s.close()
