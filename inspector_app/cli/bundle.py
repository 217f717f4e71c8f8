"""`inspector-app export (--inspection ID … | --all-final) -o DIR`: write signed bundles."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import print_json, store_from
from inspector_app.cli.passphrase import passphrase
from inspector_app.core.errors import InputError
from inspector_app.core.store import Store


def _recipient(store: Store) -> str | None:
    try:
        from inspector_app.core.settings import get_recipient
    except ImportError:  # older tree: read the setting directly
        from inspector_app.core.db.models import Setting

        with store.read() as s:
            row = s.get(Setting, "recipient")
            return row.value if row is not None else None
    return get_recipient(store)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KiB"


def export(args: Namespace) -> int:
    from inspector_app.core.bundle.writer import DEFAULT_MAX_BUNDLE_BYTES, export_bundles
    from inspector_app.core.keys import get_local_key

    store = store_from(args)
    if get_local_key(store) is None:
        raise InputError("this laptop has no signing key yet: run `inspector-app key init` first")
    out_dir = Path(args.output)
    if not out_dir.is_dir():
        raise InputError(f"the destination folder {out_dir} does not exist")
    recipient = None if args.no_encrypt else _recipient(store)
    secret = passphrase(args)
    done = export_bundles(
        store,
        inspection_ids=args.inspection,
        all_final=args.all_final,
        out_dir=out_dir,
        passphrase=secret,
        recipient=recipient,
        max_bytes=args.max_size or DEFAULT_MAX_BUNDLE_BYTES,
    )
    if args.json:
        print_json([b.to_json() for b in done])
        return 0
    for b in done:
        print(
            f"{b.path.name}: {_size(b.size_bytes)}, {len(b.inspections)} inspection(s), "
            f"{b.photos} photo(s), sequence {b.sequence}, "
            f"{'encrypted, ' if b.encrypted else ''}verified"
        )
    if recipient is None and not args.no_encrypt:
        print("note: not encrypted (no command-centre recipient is set)")
    for b in done:
        print(b.bundle_id)
    return 0
