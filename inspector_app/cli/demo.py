"""`inspector-app demo`: fill the data folder with a realistic demo."""

from __future__ import annotations

import sys
from argparse import Namespace

from inspector_app.cli.common import store_from


def run(args: Namespace) -> int:
    from inspector_app.core.demo import build_demo
    from inspector_app.core.keys import passphrase_from_env

    store = store_from(args)
    result = build_demo(
        store,
        photos=args.photos,
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
