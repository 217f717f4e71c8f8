"""`inspector-app --help` against its floor: a bare script that builds an argparse parser
with the same commands and prints its help (DESIGN §13: ratio ≤ 1.5)."""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from inspector_app.cli.parser import build_parser
from tests.bench.record import record_section

RUNS = 25
LIMIT = 1.5


def _tree(parser: argparse.ArgumentParser) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                leaves = {}
                for a in sub._actions:
                    if isinstance(a, argparse._SubParsersAction):
                        leaves = {n: s.description or "" for n, s in a.choices.items()}
                out[name] = leaves
    return out


def bare_script(tree: dict[str, dict[str, str]]) -> str:
    lines = [
        "import argparse",
        "p = argparse.ArgumentParser(prog='inspector-app')",
        "p.add_argument('--version', action='version', version='x')",
        "p.add_argument('--data-dir')",
        "g = p.add_subparsers(dest='command', metavar='COMMAND')",
    ]
    for name, leaves in tree.items():
        lines.append(f"s = g.add_parser({name!r}, help={name!r})")
        if leaves:
            lines.append("a = s.add_subparsers(dest='action')")
            for leaf, desc in leaves.items():
                lines.append(f"a.add_parser({leaf!r}, help={desc!r}).add_argument('--json')")
    lines.append("p.print_help()")
    return "\n".join(lines) + "\n"


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def test_help_is_fast(tmp_path: Path) -> None:
    script = tmp_path / "bare_help.py"
    script.write_text(bare_script(_tree(build_parser())), encoding="utf-8")
    entry = shutil.which("inspector-app", path=str(Path(sys.executable).parent))
    assert entry, "the inspector-app entry point is not installed in this environment"
    ours_cmd, floor_cmd = [entry, "--help"], [sys.executable, str(script)]
    for cmd in (ours_cmd, floor_cmd):  # warm the file cache
        _time(cmd)
    ours, floor = [], []
    for _ in range(RUNS):
        ours.append(_time(ours_cmd))
        floor.append(_time(floor_cmd))
    o, f = statistics.median(ours), statistics.median(floor)
    ratio = o / f
    print(
        f"\ninspector-app --help: {o * 1000:.1f} ms, bare argparse: {f * 1000:.1f} ms, "
        f"ratio {ratio:.2f} (limit {LIMIT})"
    )
    record_section(
        "CLI start-up",
        f"`inspector-app --help` median of {RUNS} runs: {o * 1000:.1f} ms; floor (a bare "
        f"script building an argparse parser with the same commands): {f * 1000:.1f} ms; "
        f"**ratio {ratio:.2f}** (limit {LIMIT}).",
    )
    assert ratio <= LIMIT
