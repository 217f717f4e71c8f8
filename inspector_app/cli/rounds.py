"""`inspector-app round create | list | assign | package | status` (command centre) and
`round mine | start` (laptop)."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from inspector_app.cli.common import centre_store_from, print_json, store_from
from inspector_app.cli.passphrase import passphrase

STATUS_WORDS = {
    "todo": "to do",
    "in_progress": "in progress",
    "done": "done",
    "exported": "exported",
    "received": "received",
}


def create(args: Namespace) -> int:
    from inspector_app.core import rounds

    info = rounds.create_round(
        centre_store_from(args),
        name=args.name,
        starts_on=args.starts_on,
        ends_on=args.ends_on,
        per_type=args.per_type,
        per_district=args.per_district,
        districts=args.district,
        types=args.type,
        seed=args.seed,
        exclude_recent_days=args.exclude_recent,
    )
    if args.json:
        print_json(info.to_json())
        return 0
    print(
        f"round {info.name} ({info.starts_on} to {info.ends_on}): {info.points} points, "
        f"seed {info.seed}"
    )
    for note in info.notes:
        print(f"  note: {note}")
    print(info.id)
    return 0


def list_(args: Namespace) -> int:
    from inspector_app.core import rounds

    found = rounds.list_rounds(store_from(args))
    if args.json:
        print_json([r.to_json() for r in found])
        return 0
    for r in found:
        print(f"{r.id}  {r.starts_on} to {r.ends_on}  {r.name}  {r.assigned}/{r.points} assigned")
    return 0


def _homes(pairs: list[str]) -> dict[str, str]:
    from inspector_app.core.errors import InputError

    out: dict[str, str] = {}
    for pair in pairs:
        code, sep, district = pair.partition("=")
        if not sep or not code.strip() or not district.strip():
            raise InputError(f"--home takes CODE=DISTRICT, not {pair!r}")
        out[code.strip()] = district.strip()
    return out


def _print_board(board: object) -> None:
    from inspector_app.core.rounds import RoundBoard

    assert isinstance(board, RoundBoard)
    r = board.round
    print(f"round {r.name} ({r.starts_on} to {r.ends_on}), seed {r.seed}")
    t = board.total
    done = f"{board.completion:.0%}" if board.completion is not None else "-"
    print(
        f"points {len(board.assignments)}  assigned {t.assigned}  inspected {t.inspected}  "
        f"exported {t.exported}  received {t.received} ({done})  overdue {t.overdue}"
    )
    for title, rows in (("inspector", board.by_inspector), ("district", board.by_district)):
        print(f"by {title}:")
        for row in rows:
            print(
                f"  {row.label:<10} assigned {row.assigned:>3}  inspected {row.inspected:>3}  "
                f"exported {row.exported:>3}  received {row.received:>3}  overdue {row.overdue:>3}"
            )
    print("points:")
    for a in board.assignments:
        late = "  OVERDUE" if a.overdue else ""
        print(
            f"  {a.point_code:<8} {a.district:<6} {a.inspector_code or '-':<6} "
            f"{STATUS_WORDS[a.status]}{late}  {a.point_name}"
        )


def assign(args: Namespace) -> int:
    from inspector_app.core import rounds

    board = rounds.assign_round(
        centre_store_from(args), args.round_id, args.inspector, homes=_homes(args.home)
    )
    if args.json:
        print_json(board.to_json())
        return 0
    _print_board(board)
    return 0


def package(args: Namespace) -> int:
    from inspector_app.core import centre_key
    from inspector_app.core.package.writer import write_package

    store = centre_store_from(args)
    centre_key.require_signing_key(store)  # said before asking for a passphrase
    secret = passphrase(args, label="the command centre's passphrase")
    written = [
        write_package(
            store,
            args.round_id,
            code,
            Path(args.output),
            passphrase=secret,
            full_register=args.full_register,
        )
        for code in dict.fromkeys(args.inspector)
    ]
    if args.json:
        print_json([w.to_json() for w in written])
        return 0
    for w in written:
        note = f", announces key {w.announced_key_id}" if w.announced_key_id else ""
        print(
            f"{w.inspector_code}: package {w.sequence} ({w.assignments} assignment(s), "
            f"{w.register_mode} register of {w.points} point(s){note}) -> {w.path}"
        )
    for w in written:
        print(w.package_id)
    return 0


def status(args: Namespace) -> int:
    from inspector_app.core import rounds

    board = rounds.round_board(store_from(args), args.round_id)
    if args.json:
        print_json(board.to_json())
        return 0
    _print_board(board)
    return 0


def mine(args: Namespace) -> int:
    from inspector_app.core.my_round import my_assignments

    items = my_assignments(store_from(args), everything=args.all)
    if args.json:
        print_json([a.to_json() for a in items])
        return 0
    if not items:
        print("no assignments: import the command centre's package with `package import FILE`")
        return 0
    for a in items:
        days = f"{a.days_left} day(s) left" if a.days_left >= 0 else f"{-a.days_left} day(s) late"
        print(
            f"{a.id}  {a.point_code:<8} {STATUS_WORDS[a.status]:<12} {days:<16} "
            f"{a.round_name}  {a.point_name}  {a.district}"
        )
    return 0


def start(args: Namespace) -> int:
    from inspector_app.core.my_round import start_assignment

    insp = start_assignment(store_from(args), args.assignment_id, covert=args.covert)
    print(f"inspection started at {insp.point_code} {insp.point_name}, linked to the assignment")
    print(insp.id)
    return 0
