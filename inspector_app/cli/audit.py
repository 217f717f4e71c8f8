"""`inspector-app audit verify | list`."""

from __future__ import annotations

import sys
from argparse import Namespace

from inspector_app.cli.common import local_time, print_json, store_from


def verify(args: Namespace) -> int:
    from inspector_app.core.audit import verify_chain

    store = store_from(args)
    with store.read() as s:
        report = verify_chain(s)
    if args.json:
        print_json({"ok": report.ok, "events": report.events, "problems": list(report.problems)})
    elif report.ok:
        print(f"audit log intact: {report.events} events, chain unbroken")
    else:
        print(
            f"error: audit log broken ({len(report.problems)} problem(s) in "
            f"{report.events} events)",
            file=sys.stderr,
        )
        for line in report.problems:
            print(f"  {line}", file=sys.stderr)
    return 0 if report.ok else 1


def list_(args: Namespace) -> int:
    from inspector_app.core.audit import list_events

    store = store_from(args)
    with store.read() as s:
        events = list_events(s, last=args.last, entity_id=args.entity, actor=args.actor)
    if args.json:
        print_json([e.to_json() for e in events])
        return 0
    for e in events:
        # the database role beside the name: on a shared server, the login that wrote it
        who = f"{e.actor} [{e.db_role}]" if e.db_role else e.actor
        print(f"{e.seq:>7}  {local_time(e.at)}  {who}  {e.action}  {e.entity} {e.entity_id}")
    print(f"{len(events)} event(s)")
    return 0
