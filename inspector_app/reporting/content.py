"""What every briefing document says, once: titles, the city's figures, the table columns and
the serious problems' lines, as text for PDF and DOCX and as numbers for XLSX."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from inspector_app.core.briefing import (
    RED,
    YELLOW,
    Briefing,
    GroupFigures,
    RoundCompletion,
    SeriousProblem,
)
from inspector_app.core.errors import Cancelled
from inspector_app.core.photos import CancelToken

TITLE = "创文暗访通报"
FLAG_TEXT = {RED: "红旗", YELLOW: "黄旗"}
SEVERITY_TEXT = {"high": "严重", "medium": "一般", "low": "轻微"}
REVIEW_TEXT = {"accepted": "已确认", "pending": "待审核"}
NONE = "—"
PERCENT_FORMAT = "0.0%"
CHANGE = "+0.0%;-0.0%;0.0%"  # a change of rate, signed


class Steps:
    """Progress of a document's render: the tables count one step, each photo one more;
    every step checks the cancel token first (raising Cancelled)."""

    def __init__(
        self,
        b: Briefing,
        progress: Callable[[int, int], None] | None,
        cancel: CancelToken | None,
    ) -> None:
        self.total = 1 + sum(len(p.photos) for p in b.serious)
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()

    def step(self) -> None:
        self.check()
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def period_text(b: Briefing) -> str:
    """The period in Chinese: 2026年11月18日 · 2026年第47周（11月16日至11月22日）· 2026年11月."""
    p = b.period
    if p.kind == "day":
        return f"{p.first.year}年{p.first.month}月{p.first.day}日"
    if p.kind == "week":
        year, week, _ = p.first.isocalendar()
        return (
            f"{year}年第{week}周（{p.first.month}月{p.first.day}日至"
            f"{p.last.month}月{p.last.day}日）"
        )
    return f"{p.first.year}年{p.first.month}月"


def title(b: Briefing) -> str:
    kind = {"day": "日", "week": "周", "month": "月"}.get(b.period.kind, "")
    return f"{TITLE}（{kind}报）"


def local_time(b: Briefing, moment: datetime) -> str:
    return f"{moment.astimezone(ZoneInfo(b.timezone)):%Y-%m-%d %H:%M}"


def subtitle(b: Briefing) -> str:
    return f"{period_text(b)}　统计截至 {local_time(b, b.as_of)}（{b.timezone}）"


def pct(rate: float | None) -> str:
    return NONE if rate is None else f"{rate * 100:.1f}%"


def change(value: float | None) -> str:
    """A change of rate in percentage points: +1.2 / -0.4 / 0.0."""
    if value is None:
        return NONE
    points = round(value * 100, 1)
    return f"{points:+.1f}" if points else "0.0"


def rank_text(g: GroupFigures) -> str:
    return str(g.rank) if g.rank is not None else "不排名"


def city_lines(b: Briefing) -> list[str]:
    """The city's figures, the flags and the rule, as sentences."""
    c = b.city
    lines = [
        f"全市共检查点位 {c.points} 个、{c.inspections} 次，发现问题 {c.problems_found} 个"
        f"（已确认 {c.problems_accepted} 个，待审核 {c.pending_review} 个），"
        f"得分率 {pct(c.score_rate)}（较上期 {change(c.score_change)} 个百分点）。",
        f"整改任务 {c.tasks} 个，已整改 {c.rectified} 个，整改率 {pct(c.rectification_rate)}，"
        f"逾期未整改 {c.overdue} 个。",
        f"流动红旗：{'、'.join(b.red_flags) or '本期空缺'}；"
        f"流动黄旗：{'、'.join(b.yellow_flags) or '本期空缺'}。",
        f"排名规则：检查不少于 {b.rule.min_inspections} 次的参与排名；得分率第一且不低于 "
        f"{pct(b.rule.red_threshold)} 的单位获红旗，得分率最后且低于 "
        f"{pct(b.rule.yellow_threshold)} 的单位获黄旗。",
    ]
    return lines


# --- summary (the XLSX's first sheet) --------------------------------------------------------


def summary_rows(b: Briefing) -> list[tuple[str, object, str | None]]:
    """(label, value, number format) of the city's figures; values are numbers or text."""
    c = b.city
    return [
        ("通报", title(b), None),
        ("期间", period_text(b), None),
        ("期间标签", b.period.label, None),
        ("起始日期", b.period.first.isoformat(), None),
        ("截止日期", b.period.last.isoformat(), None),
        ("统计截至", local_time(b, b.as_of), None),
        ("时区", b.timezone, None),
        ("检查点位", c.points, "0"),
        ("检查次数", c.inspections, "0"),
        ("发现问题", c.problems_found, "0"),
        ("确认问题", c.problems_accepted, "0"),
        ("待审核", c.pending_review, "0"),
        ("扣分", c.deductions, "0.0#####"),
        ("应得分", c.caps, "0.0#####"),
        ("得分率", c.score_rate, PERCENT_FORMAT),
        ("上期得分率", c.previous_score_rate, PERCENT_FORMAT),
        ("得分率变化", c.score_change, PERCENT_FORMAT),
        ("整改任务", c.tasks, "0"),
        ("已整改", c.rectified, "0"),
        ("整改率", c.rectification_rate, PERCENT_FORMAT),
        ("逾期", c.overdue, "0"),
        ("流动红旗", "、".join(b.red_flags), None),
        ("流动黄旗", "、".join(b.yellow_flags), None),
        ("排名最少检查次数", b.rule.min_inspections, "0"),
        ("红旗得分率线", b.rule.red_threshold, PERCENT_FORMAT),
        ("黄旗得分率线", b.rule.yellow_threshold, PERCENT_FORMAT),
    ]


# --- the district and unit tables ------------------------------------------------------------


Row = TypeVar("Row")


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column of a table (districts, units, rounds)."""

    header: str
    width: float  # relative width on paper (mm on A4)
    text: Callable[[Row], str]
    value: Callable[[Row], object]  # the XLSX cell: a number, text or None
    number_format: str | None = None
    align_left: bool = False
    #: the flag (RED / YELLOW) a cell is coloured for, if any
    flag: Callable[[Row], str | None] | None = None


def _flag(g: GroupFigures) -> str:
    return FLAG_TEXT.get(g.flag or "", "")


def _columns(name_header: str, flags: bool) -> list[Column[GroupFigures]]:
    cols: list[Column[GroupFigures]] = [
        Column("排名", 11, rank_text, lambda g: g.rank, "0"),
        Column(name_header, 44, lambda g: g.name, lambda g: g.name, None, True),
    ]
    if flags:
        cols.append(Column("流动旗", 11, _flag, lambda g: _flag(g) or None, flag=lambda g: g.flag))
    cols += [
        Column("检查次数", 12, lambda g: str(g.inspections), lambda g: g.inspections, "0"),
        Column("得分率", 14, lambda g: pct(g.score_rate), lambda g: g.score_rate, PERCENT_FORMAT),
        Column("较上期", 12, lambda g: change(g.score_change), lambda g: g.score_change, CHANGE),
        Column("发现问题", 12, lambda g: str(g.problems_found), lambda g: g.problems_found, "0"),
        Column(
            "确认问题", 12, lambda g: str(g.problems_accepted), lambda g: g.problems_accepted, "0"
        ),
        Column("已整改", 11, lambda g: f"{g.rectified}/{g.tasks}", lambda g: g.rectified, "0"),
        Column(
            "整改率",
            13,
            lambda g: pct(g.rectification_rate),
            lambda g: g.rectification_rate,
            PERCENT_FORMAT,
        ),
        Column("逾期", 10, lambda g: str(g.overdue), lambda g: g.overdue, "0"),
    ]
    return cols


TABLE_NOTE = (
    "较上期：得分率的变化（百分点）；已整改：已整改/整改任务；不排名：检查次数不足或无可评分项。"
)
DISTRICT_COLUMNS = _columns("区县", flags=False)
UNIT_COLUMNS = _columns("责任单位", flags=True)


#: figures the paper tables leave out and the workbook shows, each in its own column
_XLSX_EXTRA: dict[str, Column[GroupFigures]] = {
    "检查点位": Column("检查点位", 0, str, lambda g: g.points, "0"),
    "上期得分率": Column("上期得分率", 0, str, lambda g: g.previous_score_rate, PERCENT_FORMAT),
    "待审核": Column("待审核", 0, str, lambda g: g.pending_review, "0"),
    "扣分": Column("扣分", 0, str, lambda g: g.deductions, "0.0#####"),
    "应得分": Column("应得分", 0, str, lambda g: g.caps, "0.0#####"),
    "整改任务": Column("整改任务", 0, str, lambda g: g.tasks, "0"),
}
_XLSX_ORDER = (
    "排名", "区县", "责任单位", "流动旗", "检查点位", "检查次数", "扣分", "应得分", "得分率",
    "上期得分率", "较上期", "发现问题", "确认问题", "待审核", "整改任务", "已整改", "整改率",
    "逾期",
)  # fmt: skip


def xlsx_columns(flags: bool) -> list[Column[GroupFigures]]:
    """The table columns of a workbook: every figure in its own column, as a number."""
    known = {c.header: c for c in (UNIT_COLUMNS if flags else DISTRICT_COLUMNS)} | _XLSX_EXTRA
    return [known[h] for h in _XLSX_ORDER if h in known]


# --- the most serious problems ---------------------------------------------------------------


def problem_heading(i: int, p: SeriousProblem) -> str:
    return f"{i}. 【{SEVERITY_TEXT.get(p.severity, p.severity)}】{p.point_name}（{p.point_code}）"


def problem_lines(b: Briefing, p: SeriousProblem) -> list[str]:
    lines = [
        f"问题：{p.item_text_zh}（{p.item_code}）" + (f"，{p.count} 处" if p.count > 1 else ""),
        f"区县：{p.district}　责任单位：{p.unit}　扣分：{p.deduction:g}　"
        f"{REVIEW_TEXT.get(p.review, p.review)}",
        f"检查员：{p.inspector_code or NONE}　检查时间：{local_time(b, p.started_at)}",
    ]
    if p.note:
        lines.append(f"备注：{p.note}")
    if not p.photos:
        lines.append("（无照片）")
    return lines


SERIOUS_HEADERS = (
    ("序号", 6, "0"),
    ("严重程度", 9, None),
    ("点位编号", 10, None),
    ("点位", 24, None),
    ("区县", 10, None),
    ("责任单位", 22, None),
    ("检查项", 10, None),
    ("问题", 40, None),
    ("处数", 6, "0"),
    ("扣分", 7, "0.0#####"),
    ("审核", 8, None),
    ("检查员", 9, None),
    ("检查时间", 17, None),
    ("备注", 20, None),
    ("照片数", 7, "0"),
)


def serious_row(b: Briefing, i: int, p: SeriousProblem) -> list[object]:
    return [
        i,
        SEVERITY_TEXT.get(p.severity, p.severity),
        p.point_code,
        p.point_name,
        p.district,
        p.unit,
        p.item_code,
        p.item_text_zh,
        p.count,
        p.deduction,
        REVIEW_TEXT.get(p.review, p.review),
        p.inspector_code,
        local_time(b, p.started_at),
        p.note,
        len(p.photos),
    ]


# --- covert rounds ---------------------------------------------------------------------------

ROUNDS_HEADING = "暗访轮次完成情况"
ROUNDS_NOTE = (
    "完成率：已收到/抽取点位；已收到：检查结果已导入指挥中心；逾期：轮次截止仍未检查的点位。"
)
TOTAL = "合计"


@dataclass(frozen=True)
class RoundRow:
    """One line of the rounds table: a round's total, or one district of it."""

    round: str
    district: str  # "" on the round's own line
    starts_on: date
    ends_on: date
    figures: RoundCompletion


def round_rows(b: Briefing) -> list[RoundRow]:
    """Each round's line, then its districts' lines."""
    out = []
    for r in b.rounds:
        out.append(RoundRow(r.total.name, "", r.starts_on, r.ends_on, r.total))
        out += [RoundRow(r.total.name, d.name, r.starts_on, r.ends_on, d) for d in r.districts]
    return out


def window_text(r: RoundRow) -> str:
    a, z = r.starts_on, r.ends_on
    end = f"{z.month}月{z.day}日" if z.year == a.year else f"{z.year}年{z.month}月{z.day}日"
    return f"{a.month}月{a.day}日至{end}"


def _count(key: str) -> Column[RoundRow]:
    return Column(
        {"points": "抽取点位", "assigned": "已分配", "received": "已收到", "overdue": "逾期"}[key],
        13,
        lambda r: str(getattr(r.figures, key)),
        lambda r: getattr(r.figures, key),
        "0",
    )


_COMPLETION = Column[RoundRow](
    "完成率", 13, lambda r: pct(r.figures.completion), lambda r: r.figures.completion,
    PERCENT_FORMAT,
)  # fmt: skip
#: on paper: a round's line, then its districts' lines indented under it
ROUND_COLUMNS: list[Column[RoundRow]] = [
    Column(
        "轮次 / 区县", 50, lambda r: f"　　{r.district}" if r.district else r.round, str, None, True
    ),
    Column("起止日期", 34, lambda r: "" if r.district else window_text(r), str),
    _count("points"),
    _count("assigned"),
    _count("received"),
    _COMPLETION,
    _count("overdue"),
]
#: in the workbook: every line names its round and district (合计 for the whole round)
ROUND_XLSX_COLUMNS: list[Column[RoundRow]] = [
    Column("轮次", 0, str, lambda r: r.round),
    Column("区县", 0, str, lambda r: r.district or TOTAL),
    Column("开始日期", 0, str, lambda r: r.starts_on.isoformat()),
    Column("结束日期", 0, str, lambda r: r.ends_on.isoformat()),
    _count("points"),
    _count("assigned"),
    _count("received"),
    _COMPLETION,
    _count("overdue"),
]
