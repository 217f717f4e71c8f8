"""`inspector-app review list | accept | reject`: the command centre's review of imported
problems."""

from __future__ import annotations

from argparse import Namespace

from inspector_app.cli.common import centre_store_from, local_time, print_json


def list_(args: Namespace) -> int:
    from inspector_app.core import review

    store = centre_store_from(args)
    flt = review.ReviewFilter(status=args.status)
    rows: list[review.QueueRow] = []
    shown = 0
    cursor = None
    while True:  # page by page: the queue may hold a hundred thousand problems
        page = review.review_page(store, flt, after=cursor, limit=2000)
        if args.json:
            rows.extend(page.rows)
        else:
            shown += len(page.rows)
            for r in page.rows:
                who = r.inspector_code or r.inspector_key_id
                print(
                    f"{r.finding_id}  {local_time(r.started_at)}  {r.point_code} {r.point_name}  "
                    f"{r.item_code} {r.severity} ×{r.count} −{r.deduction:g}  {who}  {r.status}"
                )
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    if args.json:
        print_json([r.to_json() for r in rows])
    else:
        print(f"{shown} problem(s)")
    return 0


def accept(args: Namespace) -> int:
    from inspector_app.core import review

    d = review.accept(centre_store_from(args), args.finding_id)
    if not d.changed:
        print(f"finding {d.finding_id} was already accepted (task {d.task_id})")
    else:
        print(f"accepted finding {d.finding_id}: rectification task due {d.deadline}")
    print(d.task_id)
    return 0


def reject(args: Namespace) -> int:
    from inspector_app.core import review

    d = review.reject(centre_store_from(args), args.finding_id, args.reason)
    state = "rejected" if d.changed else "was already rejected"
    print(f"finding {d.finding_id} {state}: {d.reason}")
    print(d.finding_id)
    return 0
