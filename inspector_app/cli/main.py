"""CLI driver: parse, open the store, run one handler, map errors to exit codes."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_MISUSE = 0, 1, 2


def parse(argv: list[str]) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    from inspector_app.cli.parser import build_parser

    parser = build_parser()
    return parser, parser.parse_args(argv)


def wants_window(args: argparse.Namespace) -> bool:
    """No subcommand, at most the global options: the program's window, not the CLI."""
    return getattr(args, "command", None) is None


def run(argv: list[str]) -> int:
    """Run one command (without a command, print the overview: the window is opened by the
    entry point, since the command line never imports the window)."""
    parser, args = parse(argv)
    if wants_window(args):
        parser.print_help()
        return EXIT_OK
    return dispatch(parser, args, argv)


def dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace, argv: list[str]) -> int:
    handler_name = getattr(args, "handler", None)
    if handler_name is None:
        # a group without its action, e.g. `inspector-app points`
        parser.parse_args([*argv, "--help"])
        return EXIT_MISUSE
    module_name, func_name = handler_name.split(":")
    handler: Callable[[Any], int | None] = getattr(importlib.import_module(module_name), func_name)
    from sqlalchemy.exc import DBAPIError

    from inspector_app.core.errors import InspectorError

    try:
        code = handler(args) or EXIT_OK
        sys.stdout.flush()  # a reader gone shows here, not at the interpreter's exit
        return code
    except BrokenPipeError:
        # whoever read our output stopped (`… --json | head`): not a failure of the command
        _discard_stdout()
        return EXIT_OK
    except InspectorError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        for line in exc.details:
            print(f"  {line}", file=sys.stderr)
        return EXIT_REFUSED
    except DBAPIError as exc:  # the database went away or refused us: one line, no trace
        print(f"error: {database_failure(exc)}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def database_failure(exc: Exception) -> str:
    """What the database driver said, on one line, without the statement or its values."""
    orig = getattr(exc, "orig", None) or exc
    said = " ".join(str(orig).split()) or type(orig).__name__
    if getattr(exc, "connection_invalidated", False) or "connect" in said.lower():
        return f"the database cannot be reached ({said})"
    return f"the database refused the command ({said})"


def _discard_stdout() -> None:
    """Point stdout at the null device, so that flushing it at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
