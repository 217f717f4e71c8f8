"""Write a benchmark's figures into its own section of docs/PERFORMANCE.md."""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "PERFORMANCE.md"
INTRO = (
    "# Performance\n\n"
    "Figures written by `make bench` (tests/bench/). Each benchmark measures its floor, the "
    "least work any program doing the same job must do, in the same run and reports the "
    "ratio, so the figures mean the same on a faster or slower machine.\n"
)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def record_section(title: str, body: str) -> None:
    """Replace (or add) the `## title` section, stamped with the machine it ran on."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else INTRO
    section = f"## {title}\n\nMachine: {machine()}.\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + section
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
