"""CLI driver: parse, open the store, run one handler, map errors to exit codes."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_MISUSE = 0, 1, 2


def run(argv: list[str]) -> int:
    from inspector_app.cli.parser import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "command", None) is None:
        # no subcommand (at most the global options): open the window; Qt loads only now
        from inspector_app.ui.app import run_app

        return run_app(args.data_dir)
    handler_name = getattr(args, "handler", None)
    if handler_name is None:
        # a group without its action, e.g. `inspector-app points`
        parser.parse_args([*argv, "--help"])
        return EXIT_MISUSE
    module_name, func_name = handler_name.split(":")
    handler: Callable[[Any], int | None] = getattr(importlib.import_module(module_name), func_name)
    from inspector_app.core.errors import InspectorError

    try:
        return handler(args) or EXIT_OK
    except InspectorError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        for line in exc.details:
            print(f"  {line}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
