"""Alembic environment: runs on the engine the program hands over (never a config file)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from inspector_app.core.db.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    # the caller's transaction (a server's create/upgrade under the writers' lock): it
    # commits or rolls back the whole change itself
    _run(given)
else:
    engine = config.attributes.get("engine")
    if engine is None:  # pragma: no cover - only for `alembic` run by hand
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as connection:
        _run(connection)
        connection.commit()
