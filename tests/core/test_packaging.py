"""What an installed program carries: every package of the source tree is listed in
pyproject.toml (the list is explicit because resources/ is mapped into the package), and a
wheel built from the checkout holds the catalogue, the report font and the migrations."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "inspector_app").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert {p for p in listed - found if not p.startswith("inspector_app.resources")} == set()


def test_a_wheel_carries_the_resources_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        cwd=tmp_path,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "inspector_app/resources/catalogues/national-2026.1.json" in names
    assert "inspector_app/resources/fonts/wqy-microhei.ttc" in names
    assert "inspector_app/core/db/migrations/versions/0001_first_schema.py" in names
    assert not any(name.startswith("tests/") for name in names)
