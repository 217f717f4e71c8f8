"""`inspector-app review list | accept | reject`: the command centre's review of imported
problems."""

from __future__ import annotations

from argparse import Namespace

from inspector_app.cli.common import centre_store_from, local_time, print_json
from inspector_app.core.store import Store


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


def _expected_version(
    store: Store, finding_id: str, decision: str, reason: str, force: bool
) -> int | None:
    """The version the decision may replace. A supervisor names the finding and the
    decision: a pending finding, or one already decided the same way, is decided at once;
    one decided otherwise (by anyone) is refused, saying by whom and when, unless --force.
    The version read here is checked again as the decision is written, so a decision made
    in between by someone else is refused too, never overwritten."""
    from inspector_app.core import review

    current = review.current_decision(store, finding_id)
    if force:
        return None
    if current is not None and (current.decision, current.reason) != (decision, reason):
        instead = "accept it" if decision == review.ACCEPTED else "record this rejection"
        raise review.decision_conflict(
            store,
            finding_id,
            current,
            "finding {finding} was already {state}; nothing was changed "
            f"(add --force to {instead} instead)",
        )
    return current.version if current is not None else 0


def accept(args: Namespace) -> int:
    from inspector_app.core import review

    store = centre_store_from(args)
    version = _expected_version(store, args.finding_id, review.ACCEPTED, "", args.force)
    d = review.accept(store, args.finding_id, expected_version=version)
    if not d.changed:
        print(
            f"finding {d.finding_id} was already {review.describe_decision(store, d)} "
            f"(task {d.task_id})"
        )
    else:
        print(f"accepted finding {d.finding_id}: rectification task due {d.deadline}")
    print(d.task_id)
    return 0


def reject(args: Namespace) -> int:
    from inspector_app.core import review

    store = centre_store_from(args)
    reason = args.reason.strip()
    version = _expected_version(store, args.finding_id, review.REJECTED, reason, args.force)
    d = review.reject(store, args.finding_id, args.reason, expected_version=version)
    if d.changed:
        print(f"finding {d.finding_id} rejected: {d.reason}")
    else:
        print(f"finding {d.finding_id} was already {review.describe_decision(store, d)}")
    print(d.finding_id)
    return 0
