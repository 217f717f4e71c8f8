"""Entry point: `inspector-app` alone opens the program; with a subcommand, the CLI runs."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from inspector_app.cli.main import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
