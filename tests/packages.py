"""A command centre with a register, a signing key and a round, for the round and package
tests (core, CLI, interop)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from inspector_app.core import centre_key, rounds
from inspector_app.core.demo import demo_points_csv
from inspector_app.core.periods import centre_today
from inspector_app.core.points import import_points_file
from inspector_app.core.store import Store

CENTRE_PASS = "centre-secret"


def register_city(store: Store, folder: Path) -> None:
    """The demo register (85 points, 17 types, 3 districts) plus the laptops' small one."""
    from tests.factories import write_points_csv

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "city.csv"
    path.write_text(demo_points_csv(), encoding="utf-8")
    import_points_file(store, path)
    import_points_file(store, write_points_csv(folder))


def ready_centre(store: Store, folder: Path) -> centre_key.CentreKeyInfo:
    register_city(store, folder)
    return centre_key.init_signing_key(store, CENTRE_PASS)


def week_round(
    store: Store, *, seed: str = "s1", per_type: int = 2, types: tuple[str, ...] = ()
) -> rounds.RoundInfo:
    today = centre_today(store)  # the centre's calendar, which days left count in
    return rounds.create_round(
        store,
        name="第48周暗访",
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=6),
        per_type=per_type,
        types=types or ("FARMERS_MARKET", "BUS_STOP"),
        seed=seed,
    )
