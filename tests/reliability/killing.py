"""Run a child module until it says READY, let it work a while, then SIGKILL it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_then_kill(module: str, args: list[str], *, after: float) -> str:
    """Everything the child printed before it was killed `after` seconds past READY."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first.strip() == "READY", child.stderr.read() if child.stderr else first
    time.sleep(after)
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate(timeout=30)
    return out
