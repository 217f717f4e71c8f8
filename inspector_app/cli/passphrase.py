"""Passphrases for commands: `--passphrase-file`, then the environment, then a prompt."""

from __future__ import annotations

import getpass
import os
import sys
from argparse import Namespace
from pathlib import Path

from inspector_app.core.errors import InputError

ENV = "INSPECTOR_PASSPHRASE"
NEW_ENV = "INSPECTOR_NEW_PASSPHRASE"
MAX_BYTES = 4096


def _from_file(path: str) -> str:
    try:
        data = Path(path).read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        raise InputError(f"cannot read the passphrase file {path}: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"the passphrase file {path} is too long")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"the passphrase file {path} is not UTF-8 text") from None
    # One trailing newline is the file's, not the passphrase's.
    return text[:-1] if text.endswith("\n") else text


def _prompt(label: str, confirm: bool) -> str:
    if not sys.stdin.isatty():
        raise InputError(f"a {label} is needed: use --passphrase-file FILE or set {ENV}")
    first = getpass.getpass(f"{label.capitalize()}: ")
    if confirm and getpass.getpass(f"Repeat the {label}: ") != first:
        raise InputError(f"the two {label}s differ")
    return first


def passphrase(args: Namespace, *, label: str = "passphrase", confirm: bool = False) -> str:
    path = getattr(args, "passphrase_file", None)
    if path:
        return _from_file(path)
    env = os.environ.get(ENV)
    if env is not None:
        return env
    return _prompt(label, confirm)


def new_passphrase(args: Namespace) -> str:
    path = getattr(args, "new_passphrase_file", None)
    if path:
        return _from_file(path)
    env = os.environ.get(NEW_ENV)
    if env is not None:
        return env
    return _prompt("new passphrase", confirm=True)
