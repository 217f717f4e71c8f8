"""Smoke test of the packaged app: build it, then run the frozen program headless.

    .venv/bin/python packaging/smoke.py [--no-build] [--record]      (make smoke)

Builds dist/inspector-app/ with `make package`, then runs the frozen program from a temp
folder (never the checkout, so nothing can come from the working directory) with a temp
HOME and temp data folders (never the user's own): --version, demo, export, verify and
import of the exported bundle at a command centre, a briefing as PDF, DOCX and XLSX, the
window opened offscreen over the demo data and closed once it has painted, the default
data folder (platformdirs, as the installed program), and the upgrade of a database at the
first schema revision with its backup. Every run must exit 0. Then it checks what the
folder holds and leaves out, and prints the build's size and start-up times; --record also
builds once untrimmed (PyInstaller's defaults) and writes the figures to
docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "inspector-app"
EXE = f"{NAME}.exe" if sys.platform == "win32" else NAME
PASSPHRASE = "smoke-test passphrase"
#: the window must have painted with its data within this (the timeout fails the run)
WINDOW_TIMEOUT_MS = 60_000

#: files the frozen program opens by path: missing one breaks a feature the runs below
#: may not reach (the point picker's pinyin, the Chinese Qt dialogs, …)
MUST_HOLD = (
    "resources/catalogues/national-2026.1.json",
    "resources/fonts/wqy-microhei.ttc",
    "resources/translations/inspector_zh_CN.qm",
    "resources/translations/inspector_en.qm",
    "inspector_app/core/db/migrations/env.py",
    "inspector_app/core/db/migrations/versions/0001_first_schema.py",
    "pypinyin/pinyin_dict.json",
    "pypinyin/phrases_dict.json",
    "docx/templates/default.docx",
    "tzdata/zoneinfo/Asia/Shanghai",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/Qt/translations/qtbase_en.qm",
)
#: what trimming leaves out: Qt modules the program does not use, Qt's other translations
MUST_LACK = re.compile(
    r"libQt6(Qml|Quick|Network|WebEngine|Multimedia|3D|Pdf|OpenGL)|"
    r"PySide6/Qt/translations/(?!qtbase_(zh_CN|en)\.qm$)|"
    r"plugins/(platformthemes/libqgtk3|generic|tls|egldeviceintegrations)"
)


class SmokeFailure(Exception):
    """One check of the frozen program failed; the message says which and why."""


def run(
    cmd: Sequence[str | Path], *, env: dict[str, str], cwd: Path, timeout: float = 300
) -> tuple[str, float]:
    """Run `cmd`; its stdout and wall time, or SmokeFailure unless it exits 0."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        [str(c) for c in cmd],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        shown = " ".join(str(c) for c in cmd[1:])
        raise SmokeFailure(f"`{NAME} {shown}` exited {proc.returncode}:\n{tail}")
    return proc.stdout, elapsed


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def source_version() -> str:
    """The one version, as inspector_app/__init__.py states it."""
    text = (ROOT / "inspector_app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert found, "inspector_app/__init__.py states no __version__"
    return found.group(1)


def build(dist: Path, *, untrimmed: bool = False) -> float:
    """`make package` into `dist`; returns the seconds it took."""
    env = dict(os.environ)
    args = [f"DIST={dist}"]
    if untrimmed:
        env["INSPECTOR_PACKAGE_UNTRIMMED"] = "1"
        args.append(f"PACKAGE_WORK={dist.parent / 'work-untrimmed'}")
    t0 = time.perf_counter()
    subprocess.run(
        ["make", "--no-print-directory", "package", *args], cwd=ROOT, env=env, check=True
    )
    return time.perf_counter() - t0


def sizes(folder: Path) -> tuple[int, dict[str, int]]:
    """Total bytes of the folder (links counted as links) and bytes per part."""
    parts: dict[str, int] = {}
    total = 0
    internal = folder / "_internal"
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.is_relative_to(internal):
            rel = path.relative_to(internal).parts
        elif path.parent == folder and path.name.startswith(NAME):
            rel = ("the program (bootloader and Python modules)",)
        else:
            rel = ("installer, menu entry and icons",)
        if rel[0] == "PySide6" and len(rel) > 3 and rel[1] == "Qt":
            key = "/".join(rel[:3])  # Qt's lib, plugins and translations apart
        elif len(rel) == 1 and rel[0].startswith("lib"):
            key = "shared libraries at the top"
        else:
            key = rel[0]
        parts[key] = parts.get(key, 0) + size
    return total, parts


def mib(n: float) -> str:
    return f"{n / 2**20:.1f} MiB"


def check_contents(app: Path) -> None:
    internal = app / "_internal"
    missing = [rel for rel in MUST_HOLD if not (internal / rel).exists()]
    expect(not missing, f"the build lacks files the program opens: {', '.join(missing)}")
    extra = sorted(
        str(p.relative_to(internal))
        for p in internal.rglob("*")
        if MUST_LACK.search(str(p.relative_to(internal)).replace(os.sep, "/"))
    )
    expect(not extra, f"the build holds what should be left out: {', '.join(extra[:10])}")


def make_first_revision_store(folder: Path) -> None:
    """A data folder whose database is at schema 0001 with one point (the checkout's own
    migrations make it, as the first release did)."""
    sys.path.insert(0, str(ROOT))
    from alembic import command
    from sqlalchemy import text

    from inspector_app.core.db import migrate
    from inspector_app.core.db.engine import make_engine, sqlite_url
    from inspector_app.core.paths import DataPaths

    paths = DataPaths(folder)
    paths.ensure()
    engine = make_engine(sqlite_url(paths.database))
    command.upgrade(migrate.alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO points (id, code, name, type_code, district, street, unit, address, "
                "created_at, updated_at) VALUES ('p1', 'OLD-1', '老点位', 'MAIN_ROAD', "
                "'红旗区', '', '城管局', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()


def smoke(app: Path, work: Path) -> dict[str, float]:
    """Every headless run of the frozen program; returns the timings measured."""
    program = app / EXE
    expect(program.is_file(), f"no program at {program}")
    home = work / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "INSPECTOR_")) and k not in ("PYTHONPATH", "PYTHONHOME")
    }
    env |= {
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "INSPECTOR_PASSPHRASE": PASSPHRASE,
        "LANG": "C.UTF-8",
    }
    laptop, centre, out = work / "laptop", work / "centre", work / "out"
    out.mkdir()
    timings: dict[str, float] = {}

    def app_run(*args: str | Path, timeout: float = 300, **extra: str) -> str:
        stdout, _ = run([program, *args], env=env | extra, cwd=work, timeout=timeout)
        return stdout

    # the version: one place (inspector_app/__init__.py), no package metadata needed
    versions = []
    for _ in range(5):
        stdout, elapsed = run([program, "--version"], env=env, cwd=work)
        versions.append(elapsed)
    expect(stdout.strip() == f"{NAME} {source_version()}", f"--version printed {stdout!r}")
    timings["version"] = statistics.median(versions)
    print(f"ok  --version: {stdout.strip()} ({timings['version']:.2f} s)")

    app_run("--data-dir", laptop, "demo", "--photos", "4")
    listed = json.loads(app_run("--data-dir", laptop, "inspect", "list", "--json"))
    expect(sum(1 for i in listed if i["status"] == "final") >= 2, "demo left no final inspections")
    print(f"ok  demo: {len(listed)} inspections")

    bundle_id = app_run("--data-dir", laptop, "export", "--all-final", "-o", out)
    bundle = out / f"{bundle_id.strip().splitlines()[-1]}.zip"
    expect(bundle.is_file(), f"export printed {bundle_id!r} but wrote no {bundle.name}")
    print(f"ok  export: {bundle.name} ({mib(bundle.stat().st_size)})")

    app_run("--data-dir", laptop, "key", "export-public", "-o", work / "laptop.pub")
    app_run(
        "--data-dir",
        centre,
        "keyring",
        "enroll",
        work / "laptop.pub",
        "--name",
        "冒烟测试",
        "--code",
        "SMOKE",
    )
    verified = app_run("--data-dir", centre, "verify", bundle)
    expect(verified.startswith("OK"), f"verify printed {verified!r}")
    imported = app_run("--data-dir", centre, "import", out)
    expect(imported.startswith("IMPORTED"), f"import printed {imported!r}")
    print("ok  verify and import at the command centre")

    docs = {ext: work / f"briefing.{ext}" for ext in ("pdf", "docx", "xlsx")}
    files = [a for ext, path in docs.items() for a in (f"--{ext}", path)]
    today = date.today().isoformat()
    app_run("--data-dir", centre, "briefing", "--period", "week", "--date", today, *files)
    expect(docs["pdf"].read_bytes()[:5] == b"%PDF-", "the briefing PDF is not a PDF")
    for ext in ("docx", "xlsx"):
        expect(zipfile.is_zipfile(docs[ext]), f"the briefing {ext.upper()} is not an OOXML zip")
    print("ok  briefing as PDF, DOCX and XLSX")

    # the window, offscreen, over the demo data: it closes itself once painted and filled
    windows = []
    for _ in range(3):
        _, elapsed = run(
            [program, "--data-dir", laptop],
            env=env | {"INSPECTOR_QUIT_AFTER_MS": str(WINDOW_TIMEOUT_MS)},
            cwd=work,
            timeout=WINDOW_TIMEOUT_MS / 1000 + 30,
        )
        windows.append(elapsed)
    timings["window"] = statistics.median(windows)
    print(f"ok  window opened offscreen with the demo data and closed ({timings['window']:.2f} s)")

    # no --data-dir: the same platformdirs folder as the installed program (HOME is temp)
    app_run("inspect", "list")
    expected = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import platformdirs; print(platformdirs.user_data_dir({NAME!r}, appauthor=False))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    expect(Path(expected, "inspector.db").is_file(), f"no database in the default {expected}")
    expect(Path(expected).is_relative_to(home), f"default folder {expected} outside temp HOME")
    print(f"ok  default data folder: {expected}")

    # a database from the first release: backed up beside itself, then upgraded
    old = work / "old"
    make_first_revision_store(old)
    points = json.loads(app_run("--data-dir", old, "points", "list", "--json"))
    expect([p["code"] for p in points] == ["OLD-1"], f"the old point did not survive: {points}")
    backups = list(old.glob("inspector.db.0001.*.bak"))
    expect(len(backups) == 1, f"expected one backup of schema 0001, found {backups}")
    with sqlite3.connect(old / "inspector.db") as con:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    with sqlite3.connect(backups[0]) as con:
        backed_up = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    expect(revision != "0001" and backed_up == "0001", f"upgrade: {backed_up} → {revision}")
    print(f"ok  upgrade 0001 → {revision}, backup {backups[0].name}")

    check_contents(app)
    print("ok  contents: every file the program opens is there; unused Qt parts are not")

    check_install(app, env, work)
    return timings


def check_install(app: Path, env: dict[str, str], work: Path) -> None:
    """install.sh puts the program, its command, menu entry and icons under the temp HOME,
    the menu entry passes desktop-file-validate, and --uninstall removes them again."""
    home = Path(env["HOME"])
    prefix = home / ".local" / "opt" / NAME
    entry = home / ".local" / "share" / "applications" / f"{NAME}.desktop"
    icon = home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{NAME}.png"
    run(["sh", app / "install.sh"], env=env, cwd=work)
    command = home / ".local" / "bin" / NAME
    stdout, _ = run([command, "--version"], env=env, cwd=work)
    expect(stdout.strip() == f"{NAME} {source_version()}", f"installed --version: {stdout!r}")
    expect(entry.is_file() and icon.is_file(), "install.sh left no menu entry or icon")
    expect(f'Exec="{prefix}/{NAME}"' in entry.read_text(), "the menu entry names another program")
    validate = shutil.which("desktop-file-validate")
    if validate:
        run([validate, entry], env=env, cwd=work)
    elif os.environ.get("INSPECTOR_STRICT_TESTS") == "1":
        raise SmokeFailure("desktop-file-validate is missing (apt-get install desktop-file-utils)")
    data = home / ".local" / "share" / NAME
    run(["sh", prefix / "install.sh", "--uninstall"], env=env, cwd=work)
    left = [p for p in (prefix, command, entry, icon) if p.exists() or p.is_symlink()]
    expect(not left, f"--uninstall left {left}")
    expect((data / "inspector.db").is_file(), "--uninstall touched the data folder")
    checked = "validated" if validate else "not validated (no desktop-file-validate)"
    print(f"ok  install.sh and --uninstall under the temp HOME (menu entry {checked})")


def venv_window_seconds(laptop: Path, work: Path) -> float:
    """The same window run from the venv (not frozen), for the ratio."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "INSPECTOR_QUIT_AFTER_MS": str(WINDOW_TIMEOUT_MS)}
    runs = []
    for _ in range(3):
        _, elapsed = run(
            [sys.executable, "-m", "inspector_app", "--data-dir", laptop], env=env, cwd=ROOT
        )
        runs.append(elapsed)
    return statistics.median(runs)


def report(
    app: Path,
    build_s: float | None,
    timings: dict[str, float],
    untrimmed: int | None,
    venv_window: float | None,
) -> str:
    total, parts = sizes(app)
    files = sum(1 for p in app.rglob("*") if p.is_file())
    lines = [
        f"`make package` builds `dist/{NAME}/` with PyInstaller; `make smoke` runs it headless "
        "(packaging/smoke.py).",
        "",
        "| Figure | Value |",
        "| --- | --- |",
    ]
    if build_s is not None:
        lines.append(f"| build time (`make package`, clean) | {build_s:.0f} s |")
    lines.append(f"| size of the folder | {mib(total)} in {files} files |")
    if untrimmed is not None:
        lines.append(
            f"| untrimmed (PyInstaller's defaults) | {mib(untrimmed)}; trimming saves "
            f"{mib(untrimmed - total)} ({(untrimmed - total) / untrimmed:.0%}) |"
        )
    lines.append(f"| `--version` (frozen, median of 5) | {timings['version']:.2f} s |")
    window = f"{timings['window']:.2f} s"
    if venv_window:
        window += (
            f"; from the venv {venv_window:.2f} s, ratio {timings['window'] / venv_window:.2f}"
        )
    lines.append(f"| window painted with the demo data, then closed (median of 3) | {window} |")
    lines += ["", "Biggest parts:", "", "| Part | Size |", "| --- | --- |"]
    for key, size in sorted(parts.items(), key=lambda kv: -kv[1])[:12]:
        lines.append(f"| `{key}` | {mib(size)} |")
    lines += [
        "",
        "Kept small by leaving out (packaging/inspector-app.spec): every Qt module but QtCore, "
        "QtGui, QtWidgets and QtDBus (no QtNetwork, QML/Quick, OpenGL, WebEngine, Multimedia, "
        "3D, PDF); Qt plugins but the xcb, Wayland and offscreen platforms, JPEG/SVG/ICO "
        "images, the SVG icon engine, the desktop portal theme and the input methods; Qt's "
        "translations but qtbase zh_CN and en; the system libraries only left-out plugins "
        "loaded (GTK's stack); the venv's test and lint tools (pytest, hypothesis, mypy), "
        "tkinter, unittest, setuptools; and debug symbols (strip). What remains is mostly "
        "Qt (ICU's data alone is 31 MiB), the HEIC decoder's libraries (x265 23 MiB) and "
        "Pillow's, cryptography and lxml.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the build goes")
    parser.add_argument("--no-build", action="store_true", help="test the build already there")
    parser.add_argument(
        "--record", action="store_true", help="also build untrimmed; write docs/PERFORMANCE.md"
    )
    args = parser.parse_args(argv)
    app = args.dist.resolve() / NAME
    build_s = None if args.no_build else build(args.dist.resolve())
    if build_s is not None:
        print(f"ok  built {app} in {build_s:.0f} s")
    with tempfile.TemporaryDirectory(prefix="inspector-smoke-") as tmp:
        work = Path(tmp)
        try:
            timings = smoke(app, work)
        except (SmokeFailure, subprocess.TimeoutExpired) as exc:
            print(f"SMOKE FAILED: {exc}", file=sys.stderr)
            return 1
        untrimmed = venv_window = None
        if args.record:
            venv_window = venv_window_seconds(work / "laptop", work)
            build(work / "untrimmed", untrimmed=True)
            untrimmed = sizes(work / "untrimmed" / NAME)[0]
            shutil.rmtree(work / "untrimmed")
    body = report(app, build_s, timings, untrimmed, venv_window)
    print()
    print(body)
    if args.record:
        sys.path.insert(0, str(ROOT))
        from tests.bench.record import record_section

        record_section("Packaged app (PyInstaller)", body)
        print("\nrecorded in docs/PERFORMANCE.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
