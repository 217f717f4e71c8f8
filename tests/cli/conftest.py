"""Run the CLI in-process (fast) or as a real program (exit codes, streams)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from inspector_app.cli.main import run
from inspector_app.core.store import Store, open_store


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def last_line(self) -> str:
        return self.out.strip().splitlines()[-1]


#: the database each data folder's CLI runs on (None: SQLite in the folder), for open_data
_DATABASES: dict[Path, str | None] = {}


def open_data(data_dir: Path, **kwargs: Any) -> Store:
    """Open the data folder the `cli` fixture runs its commands on, on the same database."""
    return open_store(data_dir, url=_DATABASES.get(data_dir), **kwargs)


@pytest.fixture
def cli(data_dir: Path, database_url: str | None, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run the CLI in-process on the data folder, on each backend in turn (`--database`)."""
    _DATABASES[data_dir] = database_url
    database = ["--database", database_url] if database_url else []

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        try:
            code = run(["--data-dir", str(data_dir), *database, *args])
        except SystemExit as exc:  # argparse misuse
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    yield invoke
    _DATABASES.pop(data_dir, None)


def run_program(*args: str, env: dict[str, str] | None = None) -> Result:
    proc = subprocess.run(
        [sys.executable, "-m", "inspector_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)
