"""`inspector-app centre init-encryption | recipient | export-identity`."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import store_from
from inspector_app.cli.passphrase import passphrase


def init_encryption(args: Namespace) -> int:
    from inspector_app.core import centre
    from inspector_app.core.errors import InputError

    store = store_from(args)
    if centre.has_identity(store):  # said before asking for a passphrase
        raise InputError("the command centre already has an encryption identity")
    secret = passphrase(args, label="passphrase for the command centre", confirm=True)
    recipient = centre.init_encryption(store, secret)
    print("the command centre's encryption identity is made, kept encrypted in the database")
    print("inspectors set it with: inspector-app settings set-recipient RECIPIENT")
    print(recipient)
    return 0


def recipient(args: Namespace) -> int:
    from inspector_app.core import centre

    print(centre.recipient(store_from(args)))
    return 0


def export_identity(args: Namespace) -> int:
    from inspector_app.core import centre

    store = store_from(args)
    centre.recipient(store)  # no identity: said before asking for a passphrase
    path = Path(args.output)
    secret = passphrase(args, label="the command centre's passphrase")
    centre.export_identity(store, secret, path)
    print(f"identity written to {path}, encrypted with the command centre's passphrase")
    print(f"to use it: age -d -o identity.txt {path}; then age -d -i identity.txt FILE.age")
    return 0
