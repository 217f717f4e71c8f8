"""`inspector-app verify BUNDLE...` and `inspector-app import BUNDLE...`.

One line per bundle; exit 0 when every bundle is valid (already imported counts as
valid), 1 otherwise. The command centre's passphrase is asked for only when a bundle is
encrypted (`.zip.age`)."""

from __future__ import annotations

from argparse import Namespace
from typing import TYPE_CHECKING, Any

from inspector_app.cli.common import print_json, store_from

if TYPE_CHECKING:
    from inspector_app.core.bundle.importer import BundleReport
    from inspector_app.core.store import Store

_LABELS = {
    "OK": "OK",
    "REJECTED": "REJECTED",
    "ALREADY_IMPORTED": "ALREADY IMPORTED",
    "IMPORTED": "IMPORTED",
}


def _identity(store: Store, args: Namespace) -> Any:
    from inspector_app.core.bundle.importer import needs_identity

    if not needs_identity(args.bundles):
        return None
    from inspector_app.cli.passphrase import passphrase
    from inspector_app.core.centre import load_identity

    return load_identity(store, passphrase(args, label="command centre passphrase"))


def _line(report: BundleReport) -> str:
    label = _LABELS.get(report.verdict, report.verdict)
    if report.verdict == "REJECTED":
        return f"{label}  {report.file}  {report.reason}"
    line = (
        f"{label}  {report.file}  {report.signer_name} ({report.signer_code}, {report.key_id})"
        f"  seq {report.sequence}  {report.inspections} inspections, {report.photos} photos"
    )
    if report.verdict == "IMPORTED" and (report.skipped or report.photos_added != report.photos):
        line += (
            f"  ({report.imported} imported, {report.skipped} already here, "
            f"{report.photos_added} new photos)"
        )
    elif report.verdict == "OK" and report.skipped:
        line += f"  ({report.skipped} already here)"
    return line


def _finish(reports: list[BundleReport], as_json: bool) -> int:
    if as_json:
        print_json([r.to_json() for r in reports])
    else:
        for report in reports:
            print(_line(report))
    return 0 if reports and all(r.ok for r in reports) else 1


def verify(args: Namespace) -> int:
    from inspector_app.core.bundle.importer import check_files

    store = store_from(args)
    try:
        reports = check_files(store, args.bundles, identity=_identity(store, args))
    finally:
        store.close()
    return _finish(reports, args.json)


def import_(args: Namespace) -> int:
    from inspector_app.core.bundle.importer import import_files

    store = store_from(args)
    try:
        reports = import_files(store, args.bundles, identity=_identity(store, args))
    finally:
        store.close()
    return _finish(reports, args.json)
