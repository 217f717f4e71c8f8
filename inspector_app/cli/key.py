"""`inspector-app key init | show | export-public | change-passphrase`."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import local_time, print_json, store_from
from inspector_app.cli.passphrase import new_passphrase, passphrase


def init(args: Namespace) -> int:
    from inspector_app.core import keys
    from inspector_app.core.errors import InputError

    store = store_from(args)
    existing = keys.get_local_key(store)
    if existing is not None:  # said before asking for a passphrase that would not be used
        raise InputError(
            f"this data folder already has a signing key ({existing.key_id}, "
            f"{existing.name} ({existing.code}))"
        )
    secret = passphrase(args, label="passphrase for the new key", confirm=True)
    key = keys.create_local_key(store, name=args.name, code=args.code, passphrase=secret)
    print(f"signing key made for {key.name} ({key.code}); its secret half is kept encrypted")
    print("give the command centre its public key: inspector-app key export-public -o FILE.pub")
    print(key.key_id)
    return 0


def show(args: Namespace) -> int:
    from inspector_app.core import keys

    store = store_from(args)
    key = keys.require_local_key(store)
    public = keys.export_public(store)
    if args.json:
        print_json({**key.to_json(), "public_key": public.to_file().splitlines()[1]})
        return 0
    print(f"key id:          {key.key_id}")
    print(f"inspector:       {key.name} ({key.code})")
    print(f"export sequence: {key.export_sequence}")
    print(f"created:         {local_time(key.created_at)}")
    print(f"public key:      {public.to_file().splitlines()[1]}")
    return 0


def export_public(args: Namespace) -> int:
    from inspector_app.core import keys

    path = Path(args.output)
    public = keys.write_public_key(store_from(args), path)
    print(f"public key {public.key_id} written to {path}")
    print(f"check a signature with: minisign -V -p {path} -m FILE")
    return 0


def change_passphrase(args: Namespace) -> int:
    from inspector_app.core import keys

    store = store_from(args)
    key = keys.require_local_key(store)
    old = passphrase(args, label="current passphrase")
    # Checked before asking for the new one, so a typo costs one prompt, not two.
    keys.load_private_key(store, key, old)
    new = new_passphrase(args)
    keys.change_passphrase(store, old, new)
    print(f"the passphrase of key {key.key_id} is changed; the key and its id are the same")
    return 0
