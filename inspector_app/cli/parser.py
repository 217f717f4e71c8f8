"""The whole command-line grammar. Handlers are named as "module:function" strings and
imported only when their command runs, so `--help` loads nothing heavy."""

from __future__ import annotations

import argparse
from datetime import date

from inspector_app import __version__

PROG = "inspector-app"


def _common() -> argparse.ArgumentParser:
    """Options every command accepts after its name too (`demo --data-dir D`)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="data folder to use (default: INSPECTOR_DATA_DIR or the user's data folder)",
    )
    _location(common, argparse.SUPPRESS)
    return common


def _location(p: argparse.ArgumentParser, default: object) -> None:
    """--database and --photos-dir: a shared store's database and photos folder."""
    p.add_argument(
        "--database",
        metavar="URL",
        default=default,
        help="database URL, e.g. postgresql+psycopg://USER@HOST/DB (default: "
        "INSPECTOR_DATABASE_URL, the data folder's connection.json, else SQLite in it)",
    )
    p.add_argument(
        "--photos-dir",
        metavar="DIR",
        default=default,
        help="folder of the photo originals, e.g. a share (default: INSPECTOR_PHOTOS_DIR, "
        "the data folder's connection.json, else photos/ in the data folder)",
    )


def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of text")


def _passphrase(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from FILE (else INSPECTOR_PASSPHRASE or a prompt)",
    )


def _day(text: str) -> date:
    """A YYYY-MM-DD argument (a malformed one is misuse)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Civilized-city field inspections: checklists, photo evidence, "
        "signed bundles for the command centre.",
        epilog="Run a command with --help for its options.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="data folder to use (default: INSPECTOR_DATA_DIR or the user's data folder)",
    )
    _location(parser, None)
    groups = parser.add_subparsers(dest="command", metavar="COMMAND")

    def leaf(
        sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, handler: str, help: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, parents=[common])
        p.set_defaults(handler=handler)
        return p

    def group(name: str, help: str) -> argparse._SubParsersAction[argparse.ArgumentParser]:
        g = groups.add_parser(name, help=help, description=help, parents=[common])
        sub = g.add_subparsers(dest="action", metavar="ACTION", required=True)
        return sub

    # demo
    p = leaf(
        groups,
        "demo",
        "inspector_app.cli.demo:run",
        "fill the data folder with realistic demo points and inspections",
    )
    p.add_argument(
        "--photos",
        type=int,
        default=None,
        metavar="N",
        help="how many generated photos to attach (default 12; the inspector's demo only)",
    )
    p.add_argument(
        "--centre",
        action="store_true",
        help="the command centre's demo instead: enrolled inspectors, a few hundred imported "
        "inspections over the last four weeks, reviews and rectification tasks",
    )

    # catalogue
    g = group("catalogue", "checklist catalogues (point types and check items)")
    p = leaf(g, "list", "inspector_app.cli.catalogue:list_", "list stored catalogue versions")
    _json(p)
    p = leaf(g, "show", "inspector_app.cli.catalogue:show", "show one catalogue's items")
    p.add_argument("version", metavar="VERSION", help="VERSION or CODE:VERSION")
    _json(p)
    p = leaf(
        g,
        "import",
        "inspector_app.cli.catalogue:import_",
        "add a catalogue version from a JSON file",
    )
    p.add_argument("file", metavar="FILE")

    # points
    g = group("points", "the register of test points")
    p = leaf(
        g,
        "import",
        "inspector_app.cli.points:import_",
        "import or update points from a CSV or XLSX file",
    )
    p.add_argument("file", metavar="FILE")
    p = leaf(g, "list", "inspector_app.cli.points:list_", "list points")
    p.add_argument("--district", metavar="D")
    p.add_argument("--type", metavar="T", help="point type: code, Chinese or English name")
    _json(p)

    # inspect
    g = group("inspect", "inspections: start, record, finalise, show, list")
    p = leaf(g, "start", "inspector_app.cli.inspect:start", "start an inspection at a point")
    p.add_argument("--point", required=True, metavar="CODE")
    p.add_argument(
        "--covert",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="covert (unannounced) visit; default on",
    )
    p.add_argument(
        "--catalogue",
        metavar="VERSION",
        help="catalogue to use (default: the newest with the point's type)",
    )
    p = leaf(g, "record", "inspector_app.cli.inspect:record", "record one item's result")
    p.add_argument("id", metavar="ID", help="inspection id (or a unique prefix of it)")
    p.add_argument("item", metavar="ITEM_CODE")
    p.add_argument("--result", required=True, choices=["pass", "problem", "na"])
    p.add_argument("--count", type=int, help="instances (or missing ads) for a problem")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument(
        "--photo",
        nargs="+",
        action="extend",
        default=[],
        metavar="FILE",
        help="photo file(s) to attach as evidence",
    )
    p = leaf(
        g,
        "finalise",
        "inspector_app.cli.inspect:finalise",
        "finalise an inspection (it becomes read-only)",
    )
    p.add_argument("id", metavar="ID")
    p = leaf(g, "show", "inspector_app.cli.inspect:show", "show an inspection and its findings")
    p.add_argument("id", metavar="ID")
    _json(p)
    p = leaf(g, "list", "inspector_app.cli.inspect:list_", "list inspections, newest first")
    p.add_argument("--status", choices=["draft", "final", "exported"])
    _json(p)

    # photos
    g = group("photos", "photo evidence")
    p = leaf(
        g,
        "import",
        "inspector_app.cli.photos:import_",
        "import a camera folder, placing each photo by its capture time",
    )
    p.add_argument("folder", metavar="FOLDER")
    p.add_argument(
        "--clock-offset",
        default="0",
        metavar="OFFSET",
        help="true time minus camera time, e.g. 90, -3600, +00:05:00",
    )
    p.add_argument(
        "--camera-tz",
        default="Asia/Shanghai",
        metavar="ZONE",
        help="the camera clock's time zone (default Asia/Shanghai)",
    )
    p.add_argument("--dry-run", action="store_true", help="show the placement, store nothing")
    _json(p)

    # keys and trust
    g = group("key", "this laptop's signing key")
    p = leaf(g, "init", "inspector_app.cli.key:init", "make this laptop's Ed25519 key pair")
    p.add_argument("--name", required=True, help="the inspector's name")
    p.add_argument("--code", required=True, help="the inspector's code, e.g. T01")
    _passphrase(p)
    p = leaf(g, "show", "inspector_app.cli.key:show", "show the key's id, owner and sequence")
    _json(p)
    p = leaf(
        g,
        "export-public",
        "inspector_app.cli.key:export_public",
        "write the public key in minisign's format",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.pub")
    p = leaf(
        g,
        "change-passphrase",
        "inspector_app.cli.key:change_passphrase",
        "protect the secret key with a new passphrase",
    )
    _passphrase(p)
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE (else INSPECTOR_NEW_PASSPHRASE or a prompt)",
    )

    g = group("keyring", "inspectors' public keys trusted by the command centre")
    p = leaf(g, "enroll", "inspector_app.cli.keyring:enroll", "trust an inspector's public key")
    p.add_argument("file", metavar="FILE.pub")
    p.add_argument("--name", required=True)
    p.add_argument("--code", required=True)
    p = leaf(
        g,
        "list",
        "inspector_app.cli.keyring:list_",
        "list enrolled keys with their missing bundle numbers",
    )
    _json(p)
    p = leaf(g, "revoke", "inspector_app.cli.keyring:revoke", "stop trusting a key")
    p.add_argument("key_id", metavar="KEY_ID")

    g = group("centre", "the command centre's encryption identity, calendar and supervisor")
    p = leaf(
        g,
        "init-encryption",
        "inspector_app.cli.centre:init_encryption",
        "make the command centre's age identity and print its recipient",
    )
    _passphrase(p)
    p = leaf(
        g,
        "recipient",
        "inspector_app.cli.centre:recipient",
        "print the recipient inspectors encrypt bundles to",
    )
    p = leaf(
        g,
        "export-identity",
        "inspector_app.cli.centre:export_identity",
        "back up the identity in age's passphrase-encrypted format",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    _passphrase(p)
    # the calendar's values are checked by the handler: one line on misuse, 1 when refused
    p = leaf(
        g,
        "calendar",
        "inspector_app.cli.centre_calendar:calendar",
        "show or change the time zone, rectification deadlines, holidays and adjusted working days",
    )
    p.add_argument("--timezone", metavar="TZ", help="the centre's time zone, e.g. Asia/Shanghai")
    p.add_argument(
        "--deadline",
        nargs="+",
        action="extend",
        default=[],
        metavar="SEVERITY=DAYS",
        help="working days to rectify a problem of a severity, e.g. high=2 medium=5 low=10",
    )
    for option, what in (
        ("--holiday", "add holiday(s)"),
        ("--no-holiday", "remove holiday(s)"),
        ("--workday", "add adjusted working day(s): a Saturday or Sunday worked"),
        ("--no-workday", "remove adjusted working day(s)"),
    ):
        p.add_argument(option, nargs="+", action="extend", default=[], metavar="DATE", help=what)
    _json(p)
    p = leaf(
        g,
        "supervisor",
        "inspector_app.cli.centre_calendar:supervisor",
        "show the supervisor's name, or set it (the centre's commands act under it)",
    )
    p.add_argument("name", nargs="?", metavar="NAME")
    # the centre's signing key: `centre key ACTION`
    k = g.add_parser(
        "key",
        help="the command centre's signing key (it signs assignment packages)",
        description="the command centre's signing key (it signs assignment packages)",
        parents=[common],
    )
    ksub = k.add_subparsers(dest="key_action", metavar="ACTION", required=True)
    p = leaf(
        ksub,
        "init",
        "inspector_app.cli.centre_key:init",
        "make the centre's Ed25519 signing key, kept encrypted in the database",
    )
    _passphrase(p)
    p = leaf(
        ksub,
        "rotate",
        "inspector_app.cli.centre_key:rotate",
        "make a new signing key; each inspector's next package announces it",
    )
    _passphrase(p)
    p = leaf(ksub, "show", "inspector_app.cli.centre_key:show", "show the signing key's id")
    _json(p)
    p = leaf(
        ksub,
        "export-public",
        "inspector_app.cli.centre_key:export_public",
        "write the signing key's public half in minisign's format (for laptops to pin)",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.pub")

    # on a laptop: the pinned centre key
    g = group("centre-key", "the command centre's key this laptop accepts packages from")
    p = leaf(
        g,
        "pin",
        "inspector_app.cli.centre_key:pin",
        "accept packages signed by this command-centre key (compare its id first)",
    )
    p.add_argument("file", metavar="FILE.pub")
    p = leaf(g, "show", "inspector_app.cli.centre_key:pinned", "show the pinned key's id")
    _json(p)

    g = group("settings", "settings kept with the data")
    p = leaf(
        g,
        "set-recipient",
        "inspector_app.cli.settings:set_recipient",
        "encrypt exported bundles to this command-centre recipient (age1…)",
    )
    p.add_argument("recipient", metavar="AGE_RECIPIENT")
    p = leaf(g, "show", "inspector_app.cli.settings:show", "show the settings")
    _json(p)

    # bundles
    p = leaf(
        groups,
        "export",
        "inspector_app.cli.bundle:export",
        "write finalised inspections as a signed bundle",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--inspection", nargs="+", action="extend", metavar="ID", help="inspection id(s) to export"
    )
    which.add_argument(
        "--all-final", action="store_true", help="every finalised inspection not yet exported"
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="destination folder (a USB stick)"
    )
    p.add_argument(
        "--no-encrypt", action="store_true", help="do not encrypt even though a recipient is set"
    )
    p.add_argument(
        "--max-size",
        metavar="BYTES",
        type=int,
        help="split into bundles below this size (default 2 GiB)",
    )
    _passphrase(p)
    _json(p)
    p = leaf(
        groups,
        "verify",
        "inspector_app.cli.bundle_import:verify",
        "check bundles against the keyring without importing them",
    )
    p.add_argument("bundles", nargs="+", metavar="BUNDLE")
    _passphrase(p)
    _json(p)
    p = leaf(
        groups,
        "import",
        "inspector_app.cli.bundle_import:import_",
        "verify and import bundles, each all or nothing",
    )
    p.add_argument("bundles", nargs="+", metavar="BUNDLE")
    _passphrase(p)
    _json(p)

    # briefing (the period and date are checked by the handler: one line on misuse)
    p = leaf(
        groups,
        "briefing",
        "inspector_app.cli.briefing:run",
        "a day's, ISO week's or month's figures by district and unit, rankings and flags",
    )
    p.add_argument("--period", required=True, metavar="day|week|month")
    p.add_argument(
        "--date",
        required=True,
        metavar="YYYY-MM-DD",
        help="any day of the period, in the command centre's time zone",
    )
    p.add_argument("--pdf", metavar="FILE", help="also write the briefing as a PDF")
    p.add_argument("--docx", metavar="FILE", help="also write it as a DOCX document")
    p.add_argument("--xlsx", metavar="FILE", help="also write its tables as an XLSX workbook")
    _json(p)

    # review and rectification (command centre)
    g = group("review", "review imported problems: accept or reject each")
    p = leaf(g, "list", "inspector_app.cli.review:list_", "list imported problems, oldest first")
    p.add_argument("--status", choices=("pending", "accepted", "rejected"))
    _json(p)
    p = leaf(
        g,
        "accept",
        "inspector_app.cli.review:accept",
        "accept a problem: its unit gets a rectification task with a deadline",
    )
    p.add_argument("finding_id", metavar="FINDING_ID")
    p.add_argument(
        "--force", action="store_true", help="replace a rejection already recorded (by anyone)"
    )
    p = leaf(g, "reject", "inspector_app.cli.review:reject", "reject a problem, saying why")
    p.add_argument("finding_id", metavar="FINDING_ID")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace an acceptance or another rejection reason already recorded (by anyone)",
    )

    g = group("tasks", "rectification tasks of the responsible units")
    p = leaf(g, "list", "inspector_app.cli.tasks:list_", "list tasks, overdue first")
    p.add_argument("--unit", metavar="U")
    p.add_argument("--status", choices=("open", "reported_fixed", "closed", "overdue"))
    _json(p)
    p = leaf(g, "update", "inspector_app.cli.tasks:update", "change a task's status")
    p.add_argument("task_id", metavar="TASK_ID")
    p.add_argument("--status", required=True, choices=("open", "reported_fixed", "closed"))
    p.add_argument("--note", default="", metavar="TEXT")

    # the database (an administrator's commands; a shared PostgreSQL store above all)
    g = group("db", "the store's database: its kind, schema revision and upgrade")
    p = leaf(g, "status", "inspector_app.cli.db:status", "the database and its schema revision")
    _json(p)
    p = leaf(
        g,
        "upgrade",
        "inspector_app.cli.db:upgrade",
        "bring the database to this program's schema (SQLite: backed up first)",
    )
    _json(p)

    # covert rounds (command centre) and assignment packages (both sides)
    g = group("round", "covert rounds: sample points, assign inspectors, send packages")
    p = leaf(g, "create", "inspector_app.cli.rounds:create", "sample a new round's points")
    p.add_argument("--name", required=True)
    p.add_argument("--from", dest="starts_on", required=True, type=_day, metavar="DATE")
    p.add_argument("--to", dest="ends_on", required=True, type=_day, metavar="DATE")
    p.add_argument("--per-type", required=True, type=int, metavar="N", help="points per type")
    p.add_argument(
        "--per-district", action="store_true", help="N points per type in every district"
    )
    p.add_argument("--district", nargs="+", action="extend", default=[], metavar="D")
    p.add_argument(
        "--type", nargs="+", action="extend", default=[], metavar="T", help="point type(s)"
    )
    p.add_argument("--seed", metavar="S", help="the random seed (default: a new one, recorded)")
    p.add_argument(
        "--exclude-recent",
        type=int,
        default=30,
        metavar="DAYS",
        help="leave out points inspected in the last DAYS days first (default 30; 0: none)",
    )
    _json(p)
    p = leaf(g, "list", "inspector_app.cli.rounds:list_", "list rounds, newest first")
    _json(p)
    p = leaf(g, "assign", "inspector_app.cli.rounds:assign", "share a round's points out")
    p.add_argument("round_id", metavar="ROUND_ID")
    p.add_argument("--inspector", nargs="+", action="extend", required=True, metavar="CODE")
    p.add_argument(
        "--home",
        nargs="+",
        action="extend",
        default=[],
        metavar="CODE=DISTRICT",
        help="an inspector's home district, where they are not sent",
    )
    _json(p)
    p = leaf(
        g,
        "package",
        "inspector_app.cli.rounds:package",
        "write each inspector's signed, encrypted assignment package",
    )
    p.add_argument("round_id", metavar="ROUND_ID")
    p.add_argument("--inspector", nargs="+", action="extend", required=True, metavar="CODE")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument(
        "--full-register", action="store_true", help="send every point, not only the changes"
    )
    _passphrase(p)
    _json(p)
    p = leaf(g, "status", "inspector_app.cli.rounds:status", "a round's progress board")
    p.add_argument("round_id", metavar="ROUND_ID")
    _json(p)
    p = leaf(g, "mine", "inspector_app.cli.rounds:mine", "this laptop's assignments (My round)")
    p.add_argument("--all", action="store_true", help="past rounds too")
    _json(p)
    p = leaf(
        g,
        "start",
        "inspector_app.cli.rounds:start",
        "start an inspection from an assignment (linked to it)",
    )
    p.add_argument("assignment_id", metavar="ASSIGNMENT_ID")
    p.add_argument("--covert", action=argparse.BooleanOptionalAction, default=True)

    g = group("package", "assignment packages from the command centre")
    p = leaf(
        g,
        "import",
        "inspector_app.cli.package:import_",
        "verify a package and apply it, all or nothing",
    )
    p.add_argument("file", metavar="FILE")
    _passphrase(p)
    _json(p)

    # audit
    g = group("audit", "the tamper-evident audit log")
    p = leaf(g, "verify", "inspector_app.cli.audit:verify", "check the audit log's hash chain")
    _json(p)
    p = leaf(
        g,
        "list",
        "inspector_app.cli.audit:list_",
        "the newest events: who (name and database role), what, when",
    )
    p.add_argument("--last", type=int, default=50, metavar="N", help="how many (default 50)")
    p.add_argument("--entity", metavar="ID", help="only the events of this record")
    p.add_argument("--actor", metavar="NAME", help="only the events of this person")
    _json(p)

    return parser
