"""Helpers every command module shares: opening the store, printing JSON and times."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector_app.core.location import DatabaseUrlError, Location, resolve_location
from inspector_app.core.paths import resolve_data_dir
from inspector_app.core.store import Store, open_store

#: a database URL the program cannot use is a misuse of the command line (as argparse's)
EXIT_MISUSE = 2


def location_from(args: Namespace) -> tuple[Path, Location]:
    """The data folder, and the database and photos folder: `--database` and
    `--photos-dir`, then their environment variables, then the data folder's
    connection.json. Chosen here and not in open_store, which opens what it is told."""
    root = resolve_data_dir(getattr(args, "data_dir", None))
    try:
        location = resolve_location(
            root,
            database=getattr(args, "database", None),
            photos_dir=getattr(args, "photos_dir", None),
        )
    except DatabaseUrlError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        raise SystemExit(EXIT_MISUSE) from None
    return root, location


def store_from(args: Namespace) -> Store:
    root, location = location_from(args)
    return open_store(root, url=location.database_url, photos_dir=location.photos_dir)


#: the supervisor's own name; the centre's commands act under it when it is set
SUPERVISOR_SETTING = "centre.supervisor"


def centre_store_from(args: Namespace) -> Store:
    """The store for a command of the centre role: acting as the supervisor when named."""
    from inspector_app.core.settings import get_setting

    store = store_from(args)
    supervisor = get_setting(store, SUPERVISOR_SETTING)
    if supervisor and supervisor.strip():
        store.actor = supervisor.strip()
    return store


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def local_time(value: datetime | None) -> str:
    """A stored UTC time in the machine's local zone, to the minute."""
    if value is None:
        return "unknown"
    return value.astimezone().strftime("%Y-%m-%d %H:%M")
