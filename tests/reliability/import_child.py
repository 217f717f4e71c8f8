"""Child of the shared-store tests: one supervisor's import of the given bundle files into
the store (DATA_DIR, database URL or "" for SQLite, PHOTOS_DIR, ACTOR, FILES…). Prints
the import's reports as JSON on stdout."""

from __future__ import annotations

import json
import sys

from inspector_app.core.bundle.importer import import_files
from inspector_app.core.store import open_store


def main(data_dir: str, url: str, photos_dir: str, actor: str, files: list[str]) -> None:
    store = open_store(data_dir, url=url or None, photos_dir=photos_dir, actor=actor)
    try:
        reports = import_files(store, files)
    finally:
        store.close()
    json.dump([r.to_json() for r in reports], sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
