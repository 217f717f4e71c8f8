"""The Qt Linguist files are complete: every message finished in zh_CN and en, placeholders
kept, every tr()/translate() literal of the window's code present, and the .qm files load."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "inspector_app" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
#: numerus forms per language (Chinese has one, English singular and plural)
NUMERUS_FORMS = {"zh_CN": 1, "en": 2}

_STRING = r'"(?:[^"\\\n]|\\.)*"'
#: one or more adjacent string literals (implicit concatenation across lines)
_STRINGS = rf"((?:{_STRING}\s*)+)"
TR_CALL = re.compile(rf"\.tr\(\s*{_STRINGS}")
TRANSLATE_CALL = re.compile(rf"\btranslate\(\s*({_STRING})\s*,\s*{_STRINGS}")
PLACEHOLDER = re.compile(r"%(?:n|\d)")


def _literal(pieces: str) -> str:
    return "".join(ast.literal_eval(p) for p in re.findall(_STRING, pieces))


def source_literals() -> set[tuple[str | None, str]]:
    """(context or None for self.tr, source text) of every literal the UI code translates."""
    found: set[tuple[str | None, str]] = set()
    for path in sorted(UI.glob("*.py")):
        code = path.read_text(encoding="utf-8")
        found |= {(None, _literal(m.group(1))) for m in TR_CALL.finditer(code)}
        found |= {
            (ast.literal_eval(m.group(1)), _literal(m.group(2)))
            for m in TRANSLATE_CALL.finditer(code)
        }
    return found


def messages(language: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(TRANSLATIONS / f"inspector_{language}.ts").getroot()
    assert root.get("language") == language
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def placeholders(text: str) -> list[str]:
    return sorted(set(PLACEHOLDER.findall(text)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_finished(language: str) -> None:
    msgs = messages(language)
    assert len(msgs) > 200
    problems = []
    for context, message in msgs:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        forms = translations_of(message)
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {kind}")
        if not forms or any(not form.strip() for form in forms):
            problems.append(f"{context}: {source!r} has an empty translation")
        if message.get("numerus") == "yes" and len(forms) != NUMERUS_FORMS[language]:
            problems.append(f"{context}: {source!r} has {len(forms)} numerus forms")
        for form in forms:
            if placeholders(form) != placeholders(source):
                problems.append(f"{context}: {source!r} → {form!r} changes the placeholders")
            if "&" in source.replace("&&", "") and "&" not in form:
                problems.append(f"{context}: {source!r} → {form!r} loses its accelerator")
    assert not problems, "\n".join(problems)


def test_english_translation_is_the_source() -> None:
    for context, message in messages("en"):
        source = message.findtext("source") or ""
        if message.get("numerus") != "yes":
            assert translations_of(message) == [source], (context, source)


def test_chinese_has_no_english_left() -> None:
    """A translation still in English is a missed one (a few proper names and keys aside)."""
    allowed = re.compile(
        r"%\w|age1|demo|dgcsc|Ctrl\+V|Ctrl\+Enter|Enter|Esc|Delete|P\b|GPS|DCIM/100CANON|Asia/Shanghai|"
        r"PDF|Word|Excel|WPS|\*\.(?:pdf|docx|xlsx)|PageUp|PageDown|Ctrl\+Home|"
        r"--data-dir|INSPECTOR_DATA_DIR|\*\.pub|\(&[A-Z]\)|\*|"
        r"--database|INSPECTOR_DATABASE_URL|SQLite|Inspector|photos/|`inspector-app db upgrade`|"
        r"\.package\.age|centre\.pub"
    )
    left = [
        (context, form)
        for context, message in messages("zh_CN")
        for form in translations_of(message)
        if re.search(r"[A-Za-z]{2,}", allowed.sub("", form))
    ]
    assert not left


def test_regex_finds_the_code_strings() -> None:
    literals = source_literals()
    assert len(literals) > 200
    assert (None, "Public-service ads") in literals
    assert ("lock", "Notes") in literals
    assert ("finalise", "Cannot finalise") in literals
    # implicit concatenation across lines is joined
    assert any(text.startswith("No command-centre recipient is set") for _c, text in literals)


def test_every_code_string_is_in_the_chinese_file() -> None:
    known = {(context, message.findtext("source") or "") for context, message in messages("zh_CN")}
    sources = {text for _context, text in known}
    missing = sorted(
        (context or "", text)
        for context, text in source_literals()
        if (text not in sources if context is None else (context, text) not in known)
    )
    assert not missing, f"not in inspector_zh_CN.ts (run `make lupdate`): {missing}"


def _lrelease() -> str:
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    if found is None:
        pytest.skip("pyside6-lrelease is not installed")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_qm_builds_and_loads(qapp: object, tmp_path: Path, language: str) -> None:
    qm = tmp_path / f"inspector_{language}.qm"
    run = subprocess.run(
        [_lrelease(), str(TRANSLATIONS / f"inspector_{language}.ts"), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "unfinished" not in run.stdout.replace("0 unfinished", "")
    assert "warning" not in (run.stdout + run.stderr).lower()
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.language() == language
    expected = {"zh_CN": ("新建检查", "%n 条检查"), "en": ("New inspection", "%n inspections")}
    new, inspections = expected[language]
    assert translator.translate("MainWindow", "New inspection") == new
    assert translator.translate("MainWindow", "%n inspection(s)", "", 3) == inspections
