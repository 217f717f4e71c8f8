"""`db status` and `db upgrade`: the store's database, its schema revision and its upgrade."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from sqlalchemy.exc import OperationalError

from inspector_app.cli.common import location_from, print_json
from inspector_app.core.db.engine import make_engine, sqlite_url
from inspector_app.core.db.migrate import SchemaStatus, schema_status, upgrade_schema
from inspector_app.core.location import mask_url
from inspector_app.core.paths import DataPaths
from inspector_app.core.store import sqlite_file, unreachable

_STATE_TEXT = {
    "current": "up to date",
    "empty": "empty: the schema is made when the store is first opened (or by db upgrade)",
    "older": "older than this program's: run `inspector-app db upgrade` (back up first)",
    "newer": "made by a newer version of Inspector: install it to open this database",
    "foreign": "holds tables but no schema revision: not made by Inspector, left alone",
}


def _where(args: Namespace) -> tuple[str, Path | None, DataPaths]:
    root, location = location_from(args)
    paths = DataPaths(root, location.photos_dir)
    url = location.database_url or sqlite_url(paths.database)
    return url, sqlite_file(url), paths


def status(args: Namespace) -> int:
    url, db_file, paths = _where(args)
    if db_file is not None:
        st: SchemaStatus = schema_status(None, db_file)  # read-only, no file made
    else:
        engine = make_engine(url, immediate=False)  # read-only transactions
        try:
            st = schema_status(engine)
        except OperationalError as exc:
            raise unreachable(url, exc) from None
        finally:
            engine.dispose()
    if args.json:
        print_json(
            {
                "backend": st.backend,
                "url": mask_url(url),
                "revision": st.revision,
                "head": st.head,
                "state": st.state,
                "needs_upgrade": st.needs_upgrade,
                "data_dir": str(paths.root),
                "photos_dir": str(paths.photos),
            }
        )
        return 0
    print(f"database:  {st.backend}  {mask_url(url)}")
    print(f"schema:    {st.revision or 'none'} (this program: {st.head}), {_STATE_TEXT[st.state]}")
    print(f"data:      {paths.root}")
    print(f"photos:    {paths.photos}")
    return 0


def upgrade(args: Namespace) -> int:
    url, db_file, _paths = _where(args)
    if db_file is not None:
        db_file.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        result = upgrade_schema(engine, db_file)
    except OperationalError as exc:
        raise unreachable(url, exc) from None
    finally:
        engine.dispose()
    if args.json:
        print_json(
            {
                "url": mask_url(url),
                "before": result.before,
                "after": result.after,
                "changed": result.changed,
                "backup": str(result.backup) if result.backup else None,
            }
        )
        return 0
    if not result.changed:
        print(f"the schema is already {result.after}: nothing to do")
    elif result.before is None:
        print(f"made the schema {result.after} in the empty database {mask_url(url)}")
    else:
        print(f"upgraded the schema {result.before} → {result.after} in {mask_url(url)}")
        if result.backup is not None:
            print(f"backup of the database before the upgrade: {result.backup}")
    return 0
