"""Helpers every command module shares: opening the store, printing JSON and times."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from datetime import datetime
from typing import Any

from inspector_app.core.store import Store, open_store


def store_from(args: Namespace) -> Store:
    return open_store(getattr(args, "data_dir", None))


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
