"""`inspector-app package import FILE`: verify an assignment package and apply it."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import print_json, store_from
from inspector_app.cli.passphrase import passphrase


def import_(args: Namespace) -> int:
    from inspector_app.core import keys
    from inspector_app.core.package.apply import import_package

    store = store_from(args)
    keys.require_local_key(store)  # said before asking for a passphrase
    secret = passphrase(args, label="passphrase of this laptop's key")
    result = import_package(store, Path(args.file), secret)
    if args.json:
        print_json(result.to_json())
        return 0
    if result.status != "applied":
        print(f"ALREADY APPLIED package {result.sequence} ({result.package_id}): nothing changed")
        return 0
    print(f"APPLIED package {result.sequence} from command-centre key {result.centre_key_id}")
    if result.round_name:
        print(f"  round {result.round_name}: {result.assignments} assignment(s)")
    print(f"  points: {result.points_added} added, {result.points_updated} updated")
    if result.catalogues_added:
        print(f"  catalogues added: {', '.join(result.catalogues_added)}")
    if result.recipient_set:
        print("  bundles are now encrypted to the command centre's recipient")
    if result.new_centre_key_id:
        print(f"  the command centre's new key {result.new_centre_key_id} is pinned")
    print("see the assignments with: inspector-app round mine")
    return 0
