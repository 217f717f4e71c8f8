"""A database that cannot be reached or that fails a command is one clear line on stderr and
exit 1, never a Python traceback, and never shows the URL's password; a reader that stops
reading the output early is no failure at all."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from tests.cli.conftest import run_program


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens once it is closed


def test_an_unreachable_server_is_one_line_and_exit_1(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://chief:s3cret-pw@127.0.0.1:{_closed_port()}/inspector"
    result = run_program("--data-dir", str(tmp_path / "d"), "--database", url, "review", "list")
    assert result.code == 1, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "Traceback" not in result.err
    assert "s3cret-pw" not in result.err + result.out
    assert not (tmp_path / "d" / "inspector.db").exists()  # no SQLite file made instead


def test_a_connection_lost_in_the_middle_of_a_command_is_one_line(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector_app.core import review

    def lost(*_args: object, **_kw: object) -> None:
        raise OperationalError(
            "SELECT findings.id FROM findings WHERE findings.note = %(note)s",
            {"note": "门口堆放杂物"},
            Exception("server closed the connection unexpectedly"),
        )

    monkeypatch.setattr(review, "review_page", lost)
    result = cli("review", "list")
    assert result.code == 1
    assert result.err.strip().splitlines() == [
        "error: the database cannot be reached (server closed the connection unexpectedly)"
    ]
    assert "SELECT" not in result.err and "门口" not in result.err  # neither statement nor values


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    """`inspector-app … --json | head`: the pipe closes before the output is written."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "inspector_app", "--data-dir", str(tmp_path / "d"), "catalogue",
         "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before a byte is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err, err
