"""Child of the import kill test: runs the real `inspector-app --data-dir DIR import FOLDER`
command in-process, says READY just before it starts, then waits to be killed. What the
command prints, and DONE with its exit code once it returns, go to the file LOG."""

from __future__ import annotations

import os
import sys
import time

# Loaded before READY, so the kill's random instant falls within the import itself.
import inspector_app.cli.bundle_import
import inspector_app.core.bundle.importer
import inspector_app.core.bundle.reader
from inspector_app.cli.main import run


def main(data_dir: str, folder: str, log: str) -> None:
    assert inspector_app.cli.bundle_import and inspector_app.core.bundle.importer
    assert inspector_app.core.bundle.reader
    print("READY", flush=True)
    # Processes the import starts inherit stdout and stderr: given the parent's pipes, one
    # outliving the kill would keep them open and the parent waiting (the test names such
    # processes itself).
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    started = time.perf_counter()
    code = run(["--data-dir", data_dir, "import", folder])
    print(f"DONE {code} {time.perf_counter() - started:.3f}", flush=True)
    while True:  # the parent kills at its chosen instant whether or not the import ended
        time.sleep(60)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
