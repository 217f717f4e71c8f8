"""`inspector-app points import | list`."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import print_json, store_from


def import_(args: Namespace) -> int:
    from inspector_app.core.points import import_points_file

    result = import_points_file(store_from(args), Path(args.file))
    print(
        f"points imported: {result.added} added, {result.updated} updated, "
        f"{result.unchanged} unchanged"
    )
    return 0


def list_(args: Namespace) -> int:
    from inspector_app.core.points import list_points

    points = list_points(store_from(args), district=args.district, type=args.type)
    if args.json:
        print_json([p.to_json() for p in points])
        return 0
    for p in points:
        print(f"{p.code:12} {p.type:18} {p.district:8} {p.name}  ({p.unit})")
    print(f"{len(points)} point(s)")
    return 0
