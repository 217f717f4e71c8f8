"""`inspector-app audit verify`."""

from __future__ import annotations

import sys
from argparse import Namespace

from inspector_app.cli.common import print_json, store_from


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
