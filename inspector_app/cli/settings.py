"""`inspector-app settings set-recipient | show`."""

from __future__ import annotations

from argparse import Namespace

from inspector_app.cli.common import print_json, store_from


def set_recipient(args: Namespace) -> int:
    from inspector_app.core import settings

    value = settings.set_recipient(store_from(args), args.recipient)
    print(f"exported bundles will be encrypted to {value} (unless --no-encrypt is given)")
    return 0


def show(args: Namespace) -> int:
    from inspector_app.core import settings

    values = settings.all_settings(store_from(args))
    if args.json:
        print_json(values)
        return 0
    if not values:
        print("no settings")
    for name, value in values.items():
        print(f"{name}: {value}")
    return 0
