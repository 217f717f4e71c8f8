"""`inspector-app briefing`: a day's, ISO week's or month's figures, ranked units and flags,
as text or JSON, and the briefing as PDF / DOCX / XLSX documents."""

from __future__ import annotations

import re
import sys
from argparse import Namespace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from inspector_app.cli.common import print_json, store_from
from inspector_app.cli.main import EXIT_MISUSE

if TYPE_CHECKING:
    from inspector_app.core.briefing import Briefing

KINDS = ("day", "week", "month")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _misuse(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_MISUSE


def run(args: Namespace) -> int:
    if args.period not in KINDS:
        return _misuse(f"--period must be day, week or month, not {args.period!r}")
    try:
        # fromisoformat alone would also take 20261126 or 2026-W48-4
        if not _DATE.fullmatch(args.date):
            raise ValueError
        day = date.fromisoformat(args.date)
    except ValueError:
        return _misuse(f"--date must be a calendar date as YYYY-MM-DD, not {args.date!r}")

    from inspector_app.core.briefing import briefing_to_json, compute_briefing

    store = store_from(args)
    briefing = compute_briefing(store, args.period, day)
    written: list[str] = []
    # each renderer is imported only when its document is asked for (Qt, python-docx, …)
    if args.pdf:
        from inspector_app.reporting.pdf import render_pdf

        render_pdf(store, briefing, Path(args.pdf))
        written.append(args.pdf)
    if args.docx:
        from inspector_app.reporting.docx import render_docx

        render_docx(store, briefing, Path(args.docx))
        written.append(args.docx)
    if args.xlsx:
        from inspector_app.reporting.xlsx import render_xlsx

        render_xlsx(briefing, Path(args.xlsx))
        written.append(args.xlsx)
    if args.json:
        print_json(briefing_to_json(briefing))
    else:
        print(summary(briefing))
        for path in written:
            print(f"written: {path}")
    return 0


def _change(value: float | None) -> str:
    return "" if value is None else f" ({value * 100:+.1f} pts)"


def _before(b: Briefing) -> str:
    """The city's rate in the previous period and the change, when it had one."""
    from inspector_app.core.scoring import format_rate

    c = b.city
    if c.previous_score_rate is None:
        return ""
    change = "" if c.score_change is None else f", {c.score_change * 100:+.1f} pts"
    return f" ({b.previous.label}: {format_rate(c.previous_score_rate)}{change})"


def summary(b: Briefing) -> str:
    """A few lines a supervisor reads at a glance: the city, then the units in rank order."""
    from inspector_app.core.briefing import RED, YELLOW
    from inspector_app.core.scoring import format_rate

    c, p = b.city, b.period
    span = p.first.isoformat() if p.first == p.last else f"{p.first} – {p.last}"
    lines = [
        f"Briefing {p.label} ({span}, {b.timezone}); rectification as of "
        f"{b.as_of.astimezone(ZoneInfo(b.timezone)).strftime('%Y-%m-%d %H:%M')}",
        f"City: {c.inspections} inspections at {c.points} points; {c.problems_found} problems "
        f"({c.problems_accepted} accepted, {c.pending_review} pending review); "
        f"score rate {format_rate(c.score_rate)}{_before(b)}",
        f"Rectification: {c.rectified} of {c.tasks} tasks closed "
        f"({format_rate(c.rectification_rate)}); {c.overdue} overdue",
    ]
    if b.units:
        lines.append(
            f"Units by score rate (ranked with at least {b.rule.min_inspections} inspections):"
        )
    flag_words = {RED: "  RED FLAG", YELLOW: "  YELLOW FLAG"}
    for u in b.units:
        rank = f"{u.rank:>3}" if u.rank is not None else "  -"
        lines.append(
            f"{rank}  {u.name}  {format_rate(u.score_rate)}{_change(u.score_change)}  "
            f"inspections {u.inspections}, problems {u.problems_found}, "
            f"rectified {u.rectified}/{u.tasks}, overdue {u.overdue}"
            f"{flag_words.get(u.flag or '', '')}"
        )
    lines.append(f"Red flag: {', '.join(b.red_flags) or 'none'}")
    lines.append(f"Yellow flag: {', '.join(b.yellow_flags) or 'none'}")
    for r in b.rounds:
        t = r.total
        lines.append(
            f"Covert round {t.name} ({r.starts_on} – {r.ends_on}): {t.received} of {t.points} "
            f"points received ({format_rate(t.completion)}), {t.assigned} assigned, "
            f"{t.overdue} overdue"
        )
    return "\n".join(lines)
