"""`inspector-app keyring enroll | list | revoke`."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import local_time, print_json, store_from


def enroll(args: Namespace) -> int:
    from inspector_app.core import keyring

    key = keyring.enroll(store_from(args), Path(args.file), name=args.name, code=args.code)
    print(f"enrolled {key.name} ({key.code}): bundles signed by this key are now accepted")
    print(key.key_id)
    return 0


def list_(args: Namespace) -> int:
    from inspector_app.core import keyring

    keys = keyring.list_keys(store_from(args))
    if args.json:
        print_json([k.to_json() for k in keys])
        return 0
    for k in keys:
        line = (
            f"{k.code} {k.name} {k.key_id}  bundles received: "
            f"{keyring.format_ranges(k.received)}; missing: {keyring.format_ranges(k.missing)}"
        )
        if k.revoked:
            line += f"  REVOKED {local_time(k.revoked_at)}"
        print(line)
    revoked = sum(k.revoked for k in keys)
    print(f"{len(keys)} key(s) enrolled" + (f", {revoked} revoked" if revoked else ""))
    return 0


def revoke(args: Namespace) -> int:
    from inspector_app.core import keyring

    key = keyring.revoke(store_from(args), args.key_id)
    print(
        f"revoked key {key.key_id} of {key.name} ({key.code}): "
        "bundles signed by it are refused from now on"
    )
    return 0
