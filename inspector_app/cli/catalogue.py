"""`inspector-app catalogue list | show | import`."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import local_time, print_json, store_from


def list_(args: Namespace) -> int:
    from inspector_app.core.catalogue import list_catalogues

    store = store_from(args)
    cats = list_catalogues(store)
    if args.json:
        print_json([c.to_json() for c in cats])
        return 0
    for c in cats:
        origin = "built-in" if c.builtin else f"added {local_time(c.added_at)}"
        print(
            f"{c.code}:{c.version}  {c.name_zh} / {c.name_en}  "
            f"{c.point_types} point types, {c.items} items  ({origin})"
        )
    return 0


def show(args: Namespace) -> int:
    from inspector_app.core.catalogue import show_catalogue

    detail = show_catalogue(store_from(args), args.version)
    if args.json:
        data = detail.info.to_json()
        data["point_types"] = [t.to_json() for t in detail.point_types]
        print_json(data)
        return 0
    info = detail.info
    print(f"{info.code}:{info.version}  {info.name_zh} / {info.name_en}")
    for t in detail.point_types:
        print(f"\n{t.code}  {t.name_zh} / {t.name_en}")
        for i in t.items:
            rule = f"cap {i.cap:g}"
            if i.each is not None:
                rule += f", {i.each:g} each"
            if i.quota is not None:
                rule += f", quota {i.quota}"
            photo = ", photo" if i.needs_photo else ""
            print(f"  {i.code:8} {i.category:10} {i.severity:6} {i.mode:12} {rule}{photo}")
            print(f"           {i.text_zh}")
    return 0


def import_(args: Namespace) -> int:
    from inspector_app.core.catalogue import import_catalogue_file

    info, added = import_catalogue_file(store_from(args), Path(args.file))
    state = "added" if added else "already stored, unchanged"
    print(
        f"catalogue {info.code}:{info.version}: {state} "
        f"({info.point_types} point types, {info.items} items)"
    )
    print(info.id)
    return 0
