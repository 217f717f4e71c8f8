"""Entry point: `inspector-app` alone opens the program; with a subcommand, the CLI runs."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    from inspector_app.cli.main import dispatch, parse, wants_window

    argv = sys.argv[1:] if argv is None else argv
    parser, args = parse(argv)
    if wants_window(args):
        # Qt is imported only now, so commands and --help stay fast. The collector rests while
        # the window's libraries load (they allocate for good; collecting them again and
        # again costs ~40 ms of start-up); make_application() freezes them and restarts it.
        gc.disable()
        from inspector_app.ui.app import run_app

        return run_app(args.data_dir, database=args.database, photos_dir=args.photos_dir)
    return dispatch(parser, args, argv)


if __name__ == "__main__":
    sys.exit(main())
