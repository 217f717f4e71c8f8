"""Layering rules (DESIGN §2), checked on the source: the core never imports Qt or the
outer layers; the window and the command line never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "inspector_app"

FORBIDDEN = {
    "core": (
        "PySide6",
        "shiboken6",
        "inspector_app.reporting",
        "inspector_app.ui",
        "inspector_app.cli",
    ),
    "reporting": ("inspector_app.ui", "inspector_app.cli", "PySide6.QtWidgets"),
    "ui": ("inspector_app.cli",),
    "cli": ("inspector_app.ui",),
}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    folder = PACKAGE / layer
    bad = []
    for path in sorted(folder.rglob("*.py")) if folder.exists() else []:
        for name in imports_of(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert bad == []


def test_rule_catches_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport inspector_app.ui.main\n")
    assert {"PySide6.QtCore", "inspector_app.ui.main"} <= imports_of(sample)
