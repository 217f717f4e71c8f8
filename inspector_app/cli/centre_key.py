"""`inspector-app centre key init | rotate | show | export-public` (command centre) and
`inspector-app centre-key pin | show` (laptop)."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import centre_store_from, local_time, print_json, store_from
from inspector_app.cli.passphrase import passphrase


def init(args: Namespace) -> int:
    from inspector_app.core import centre_key
    from inspector_app.core.errors import InputError

    store = centre_store_from(args)
    existing = centre_key.signing_key_info(store)
    if existing is not None:  # said before asking for a passphrase
        raise InputError(
            f"the command centre already has a signing key ({existing.key_id}); "
            "`inspector-app centre key rotate` replaces it"
        )
    secret = passphrase(args, label="the command centre's passphrase", confirm=True)
    info = centre_key.init_signing_key(store, secret)
    print("the command centre's signing key is made, kept encrypted in the database")
    print("give laptops its public key: inspector-app centre key export-public -o centre.pub")
    print(info.key_id)
    return 0


def rotate(args: Namespace) -> int:
    from inspector_app.core import centre_key

    store = centre_store_from(args)
    old = centre_key.require_signing_key(store)
    secret = passphrase(args, label="the command centre's passphrase")
    info = centre_key.rotate_signing_key(store, secret)
    print(f"new signing key {info.key_id} replaces {old.key_id}")
    print("each inspector's next package is signed by the old key and announces the new one")
    print(info.key_id)
    return 0


def show(args: Namespace) -> int:
    from inspector_app.core import centre_key

    info = centre_key.require_signing_key(store_from(args))
    if args.json:
        print_json(info.to_json())
        return 0
    print(f"key id:     {info.key_id}  ({centre_key.key_id_words(info.public)})")
    print(f"created:    {local_time(info.created_at)}")
    if info.previous_key_id:
        print(f"previous:   {info.previous_key_id} (still announces the new key)")
    return 0


def export_public(args: Namespace) -> int:
    from inspector_app.core import centre_key

    path = Path(args.output)
    public = centre_key.write_public_key(store_from(args), path)
    print(f"public key {public.key_id} written to {path}")
    print(f"on each laptop, after comparing the key id: inspector-app centre-key pin {path}")
    return 0


def pin(args: Namespace) -> int:
    from inspector_app.core import centre_key

    public = centre_key.pin_centre_key(store_from(args), Path(args.file))
    print(f"packages signed by command-centre key {centre_key.key_id_words(public)} are accepted")
    print(public.key_id)
    return 0


def pinned(args: Namespace) -> int:
    from inspector_app.core import centre_key
    from inspector_app.core.errors import NotFoundError

    public = centre_key.pinned_centre_key(store_from(args))
    if public is None:
        raise NotFoundError(centre_key.NO_PIN)
    if args.json:
        print_json({"key_id": public.key_id, "public_key": centre_key.pin_line(public)})
        return 0
    print(f"pinned command-centre key: {public.key_id}  ({centre_key.key_id_words(public)})")
    return 0
