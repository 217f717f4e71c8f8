"""Engines for the store: SQLite tuned for evidence (WAL, FULL sync, foreign keys)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 15_000


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def make_engine(url: str, *, immediate: bool = True) -> Engine:
    """An engine for `url`. On SQLite, `immediate` makes every transaction take the write
    lock at BEGIN, so a writer never fails half-way on a lock upgrade; readers use a
    second engine with deferred transactions."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    # Connections are kept (a pool) rather than opened per transaction: opening one runs
    # the PRAGMAs below, and closing the last one checkpoints the WAL — a small write cost
    # 3.5 ms and a read 1 ms that way, against 1.8 ms and 0.3 ms pooled.
    engine = create_engine(
        url, pool_size=4, max_overflow=8, connect_args={"check_same_thread": False}
    )
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine
