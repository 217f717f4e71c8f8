"""`inspector-app demo`: fill the data folder with a realistic demo (an inspector's, or with
--centre the command centre's)."""

from __future__ import annotations

import sys
from argparse import Namespace

from inspector_app.cli.common import EXIT_MISUSE, store_from

DEFAULT_PHOTOS = 12


def run(args: Namespace) -> int:
    from inspector_app.core.keys import passphrase_from_env

    if args.centre:
        if args.photos is not None:
            print("error: --photos is for the inspector's demo, not --centre", file=sys.stderr)
            return EXIT_MISUSE
        return _centre(args, passphrase_from_env())
    from inspector_app.core.demo import build_demo

    store = store_from(args)
    result = build_demo(
        store,
        photos=DEFAULT_PHOTOS if args.photos is None else args.photos,
        passphrase=passphrase_from_env(),
        progress=lambda msg: print(msg, file=sys.stderr),
    )
    if result.key_created:
        print(f"made signing key {result.key_id} for the demo inspector")
    if result.passphrase_note:
        print(result.passphrase_note)
    print(
        f"demo ready in {store.paths.root}: {result.points} points, "
        f"{len(result.inspections)} inspections ({result.finalised} finalised), "
        f"{result.photos} photos"
    )
    return 0


def _centre(args: Namespace, passphrase: str | None) -> int:
    from inspector_app.core.centre_demo import build_centre_demo

    store = store_from(args)
    result = build_centre_demo(
        store, passphrase=passphrase, progress=lambda msg: print(msg, file=sys.stderr)
    )
    data, tasks = result.data, result.tasks
    if result.identity_created:
        print(f"made the command centre's encryption identity {result.recipient}")
    if result.passphrase_note:
        print(result.passphrase_note)
    print(f"supervisor: {result.supervisor}")
    print(f"inspectors enrolled: {', '.join(f'{n} ({c}) {k}' for k, n, c in data.inspectors)}")
    print(
        f"findings: {data.findings} ({data.problems} problems: {data.accepted} accepted, "
        f"{data.rejected} rejected, {data.pending} pending review)"
    )
    print(
        f"tasks: {data.tasks} ({tasks['open']} open, {tasks['reported_fixed']} reported fixed, "
        f"{tasks['overdue']} overdue, {tasks['closed']} closed; {result.proposals} with a "
        "re-inspection proposing closure)"
    )
    print(
        f"centre demo ready in {store.paths.root}: {len(data.inspectors)} inspectors, "
        f"{data.inspections} inspections from {data.first_day} to "
        f"{data.today} in {len(data.districts)} districts, {data.photos} photos"
    )
    return 0
