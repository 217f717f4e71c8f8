"""`inspector-app tasks list | update`: rectification tasks of the responsible units."""

from __future__ import annotations

from argparse import Namespace

from inspector_app.cli.common import centre_store_from, print_json


def list_(args: Namespace) -> int:
    from inspector_app.core import rectification

    tasks = rectification.list_tasks(centre_store_from(args), unit=args.unit, status=args.status)
    if args.json:
        print_json([t.to_json() for t in tasks])
        return 0
    for t in tasks:
        proposal = "  re-inspection passed: confirm closure" if t.proposal_finding_id else ""
        print(
            f"{t.id}  {t.board_status:<14} due {t.deadline}  {t.unit}  "
            f"{t.point_code} {t.point_name}  {t.item_code} {t.severity}{proposal}"
        )
    overdue = sum(t.overdue for t in tasks)
    print(f"{len(tasks)} task(s)" + (f", {overdue} overdue" if overdue else ""))
    return 0


def update(args: Namespace) -> int:
    from inspector_app.core import rectification

    store = centre_store_from(args)
    seen = rectification.get_task(store, args.task_id)
    before = seen.status
    # The change applies to the task as just read: if another supervisor moves it in
    # between, it is refused (saying by whom), so "before → after" below is always true.
    t = rectification.update_status(
        store, args.task_id, args.status, note=args.note, expected_version=seen.version
    )
    print(f"task {t.id} ({t.unit}, {t.point_code} {t.item_code}): {before} → {t.status}")
    print(t.id)
    return 0
