"""`inspector-app photos import FOLDER`: place a camera folder's photos by capture time."""

from __future__ import annotations

import re
from argparse import Namespace
from datetime import timedelta, tzinfo
from pathlib import Path

from inspector_app.cli.common import print_json, store_from
from inspector_app.core.errors import InputError

_HMS = re.compile(r"^([+-]?)(\d{1,3}):(\d{2})(?::(\d{2}))?$")


def parse_clock_offset(text: str) -> timedelta:
    """Seconds (`-90`) or [+-]H:MM[:SS]; true time = camera time + offset."""
    text = text.strip()
    if re.fullmatch(r"[+-]?\d{1,7}", text):
        return timedelta(seconds=int(text))
    m = _HMS.match(text)
    if not m:
        raise InputError(f"clock offset {text!r} is neither seconds nor [+-]H:MM[:SS]")
    sign = -1 if m.group(1) == "-" else 1
    secs = int(m.group(2)) * 3600 + int(m.group(3)) * 60 + int(m.group(4) or 0)
    return timedelta(seconds=sign * secs)


def parse_zone(name: str) -> tzinfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"unknown time zone {name!r} (use a name like Asia/Shanghai)") from None


def import_(args: Namespace) -> int:
    from inspector_app.core.camera_import import apply_camera_import, plan_camera_import

    folder = Path(args.folder)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder")
    offset, zone = parse_clock_offset(args.clock_offset), parse_zone(args.camera_tz)
    store = store_from(args)
    plan = plan_camera_import(store, folder, clock_offset=offset, camera_tz=zone)
    if args.dry_run:
        rows = [
            {
                "file": p.source.name,
                "captured_at": p.captured_at.isoformat() if p.captured_at else None,
                "inspection": p.inspection_id,
                "reason": p.reason,
            }
            for p in plan.photos
        ]
        if args.json:
            print_json(rows)
        else:
            for r in rows:
                target = r["inspection"] or f"not placed: {r['reason']}"
                print(f"{r['file']}: {target}")
        return 0
    result = apply_camera_import(store, plan)
    if args.json:
        print_json(
            {
                "imported": [
                    {"file": n, "inspection": i, "sha256": h} for n, i, h in result.imported
                ],
                "unplaced": [{"file": n, "reason": r} for n, r in result.unplaced],
                "failed": [{"file": n, "error": e} for n, e in result.failed],
            }
        )
    else:
        for name, insp, _sha in result.imported:
            print(f"{name}: attached to inspection {insp}")
        for name, reason in result.unplaced:
            print(f"{name}: not placed: {reason}")
        for name, error in result.failed:
            print(f"{name}: refused: {error}")
        print(
            f"{len(result.imported)} imported, {len(result.unplaced)} not placed, "
            f"{len(result.failed)} refused"
        )
    return 1 if result.failed else 0
