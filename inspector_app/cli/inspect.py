"""`inspector-app inspect start | record | finalise | show | list`."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import local_time, print_json, store_from
from inspector_app.core import scoring
from inspector_app.core.inspections import InspectionSummary

RESULT_MARK = {"pass": "✓", "problem": "✗", "na": "–", None: "·"}


def start(args: Namespace) -> int:
    from inspector_app.core.inspections import start_inspection

    summary = start_inspection(
        store_from(args), args.point, covert=args.covert, catalogue=args.catalogue
    )
    print(
        f"started {'covert ' if summary.covert else ''}inspection at "
        f"{summary.point_code} {summary.point_name} ({summary.type_name_zh}), "
        f"{summary.items} items"
    )
    print(summary.id)
    return 0


def record(args: Namespace) -> int:
    from inspector_app.core.inspections import record_finding

    item = record_finding(
        store_from(args),
        args.id,
        args.item,
        args.result,
        count=args.count,
        note=args.note,
        photos=[Path(p) for p in args.photo],
    )
    extra = f" ×{item.count}" if item.result == "problem" and item.mode != "pass_fail" else ""
    print(
        f"{item.code}: {item.result}{extra}, −{item.deduction:g} points, "
        f"{len(item.photos)} photo(s)"
    )
    return 0


def finalise(args: Namespace) -> int:
    from inspector_app.core.inspections import finalise_inspection

    result = finalise_inspection(store_from(args), args.id)
    s = result.summary
    print(
        f"inspection {s.id} finalised: {s.problems} problem(s), "
        f"score rate {scoring.format_rate(s.score_rate)}"
    )
    if result.unanswered:
        print(f"not answered ({len(result.unanswered)}): {', '.join(result.unanswered)}")
    return 0


def _line(s: InspectionSummary) -> str:
    origin = "" if s.origin_bundle_id is None else f"  [{s.origin}]"
    return (
        f"{s.id[:8]}  {local_time(s.started_at)}  {s.status:8} {s.point_code:10} "
        f"{s.point_name}  {s.answered}/{s.items} answered, {s.problems} problem(s), "
        f"{scoring.format_rate(s.score_rate)}{origin}"
    )


def show(args: Namespace) -> int:
    from inspector_app.core.inspections import get_inspection

    detail = get_inspection(store_from(args), args.id)
    if args.json:
        print_json(detail.to_json())
        return 0
    s = detail.summary
    print(f"{s.id}  {s.status}{'  covert' if s.covert else ''}")
    print(f"{s.point_code} {s.point_name} · {s.type_name_zh} · {s.district} · {s.unit}")
    print(
        f"started {local_time(s.started_at)}"
        + (f", finalised {local_time(s.finalised_at)}" if s.finalised_at else "")
        + f" · catalogue {s.catalogue}"
    )
    if s.origin_bundle_id:
        print(f"origin: {s.origin}")
    print(
        f"score rate {scoring.format_rate(s.score_rate)} "
        f"(−{s.deductions:g} of {s.caps:g}) · {s.answered}/{s.items} answered · "
        f"{s.problems} problem(s) · {s.photos} photo(s)"
    )
    for i in detail.items:
        count = f" ×{i.count}" if i.result == "problem" and i.mode != "pass_fail" else ""
        lost = f"  −{i.deduction:g}" if i.deduction else ""
        photos = f"  [{len(i.photos)} photo(s)]" if i.photos else ""
        print(f"  {RESULT_MARK[i.result]} {i.code:8} {i.text_zh}{count}{lost}{photos}")
        if i.note:
            print(f"      note: {i.note}")
    if detail.unplaced_photos:
        print(f"{len(detail.unplaced_photos)} photo(s) not yet placed on an item")
    return 0


def list_(args: Namespace) -> int:
    from inspector_app.core.inspections import list_inspections

    items = list_inspections(store_from(args), status=args.status)
    if args.json:
        print_json([s.to_json() for s in items])
        return 0
    for s in items:
        print(_line(s))
    print(f"{len(items)} inspection(s)")
    return 0
