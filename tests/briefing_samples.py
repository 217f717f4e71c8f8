"""Hand-made briefings for the document tests: figures chosen here, not computed, with place
names full of characters that have look-alike radicals (金 长 龙 黄 门 见 车 马 鱼 青 食 高)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from inspector_app.core.briefing import (
    RED,
    YELLOW,
    Briefing,
    FlagRule,
    GroupFigures,
    RoundCompletion,
    RoundProgress,
    SeriousProblem,
)
from inspector_app.core.periods import period_of
from inspector_app.core.photos import ingest_photo
from inspector_app.core.store import Store
from tests.factories import make_jpeg

DISTRICTS = ("金水区", "长安区", "龙亭区", "高新区", "鼓楼区", "黄河新区", "马寨镇", "青龙区")
DISTRICTS += ("鱼台县", "东门区")
UNITS = (
    "金水区人民政府",
    "市城市管理局",
    "市交通运输局",
    "龙亭区市场监督管理局",
    "市公安局交警支队",
    "黄河风景名胜区管委会",
    "市车辆管理所",
    "东门街道办事处",
    "市食品药品检验所",
    "青少年宫",
    "长安区住房和城乡建设局",
    "见义勇为基金会",
)
TZ = ZoneInfo("Asia/Shanghai")


def group(
    name: str,
    *,
    inspections: int,
    deductions: float,
    caps: float,
    found: int,
    accepted: int,
    tasks: int,
    rectified: int,
    overdue: int,
    rank: int | None = None,
    previous_rate: float | None = None,
    flag: str | None = None,
) -> GroupFigures:
    """One group's figures, the rates derived from the sums as compute_briefing does."""
    rate = 1 - deductions / caps if caps else None
    return GroupFigures(
        name=name,
        inspections=inspections,
        points=max(1, inspections - 1),
        problems_found=found,
        problems_accepted=accepted,
        pending_review=found - accepted,
        deductions=deductions,
        caps=caps,
        score_rate=rate,
        tasks=tasks,
        rectified=rectified,
        rectification_rate=rectified / tasks if tasks else None,
        overdue=overdue,
        ranked=rank is not None,
        rank=rank,
        previous_score_rate=previous_rate,
        previous_rank=rank,
        score_change=rate - previous_rate if rate is not None and previous_rate else None,
        flag=flag,
    )


def _groups(names: tuple[str, ...], seed: int, flags: bool) -> tuple[GroupFigures, ...]:
    out = []
    n = len(names)
    for i, name in enumerate(names):
        caps = 400.0 + 37 * i + seed
        deductions = round(caps * (0.04 + 0.25 * i / max(1, n - 1)), 1)
        found = 10 + 3 * i
        tasks = found - 2
        flag = (RED if i == 0 else YELLOW if i == n - 2 else None) if flags else None
        last = i == n - 1  # too few inspections: listed, not ranked
        out.append(
            group(
                name,
                inspections=2 if last else 20 + i,
                deductions=deductions,
                caps=caps,
                found=found,
                accepted=found - 1,
                tasks=tasks,
                rectified=tasks // 2 + i % 3,
                overdue=i % 4,
                rank=None if last else i + 1,
                previous_rate=None if i == 1 else 0.85 - 0.01 * i,
                flag=None if last else flag,
            )
        )
    return tuple(out)


def _sum(name: str, groups: tuple[GroupFigures, ...]) -> GroupFigures:
    return group(
        name,
        inspections=sum(g.inspections for g in groups),
        deductions=sum(g.deductions for g in groups),
        caps=sum(g.caps for g in groups),
        found=sum(g.problems_found for g in groups),
        accepted=sum(g.problems_accepted for g in groups),
        tasks=sum(g.tasks for g in groups),
        rectified=sum(g.rectified for g in groups),
        overdue=sum(g.overdue for g in groups),
        previous_rate=0.8,
    )


def sample_briefing(
    store: Store | None = None,
    tmp: Path | None = None,
    *,
    districts: int = 4,
    units: int = 6,
    serious: int = 3,
    photos_per_problem: int = 2,
    photo_size: tuple[int, int] = (1200, 900),
    day: date = date(2026, 11, 18),
    rounds: int = 0,
) -> Briefing:
    """A weekly briefing; with a store (and a scratch folder), its serious problems carry
    real photos ingested into that store's photo store."""
    period = period_of("week", day, TZ)
    ds = _groups(DISTRICTS[:districts], 3, flags=False)
    us = _groups(UNITS[:units] if units <= len(UNITS) else _many_units(units), 7, True)
    problems = []
    for i in range(serious):
        shas: list[str] = []
        if store is not None and tmp is not None:
            for j in range(photos_per_problem):
                path = make_jpeg(
                    tmp / f"problem-{i}-{j}.jpg",
                    taken=datetime(2026, 11, 17, 9, i, j),
                    offset="+08:00",
                    size=photo_size,
                    colour=(40 + 20 * i, 120, 200 - 30 * j),
                )
                shas.append(ingest_photo(store.paths, path).sha256)
        problems.append(
            SeriousProblem(
                finding_id=f"f-{i}",
                inspection_id=f"i-{i}",
                point_code=f"FM-{i + 1:02d}",
                point_name=f"{DISTRICTS[i % districts]}金龙菜市场{i + 1}号",
                district=DISTRICTS[i % districts],
                unit=us[i % len(us)].name,
                item_code=f"FM.{i + 1:02d}",
                item_text_zh="市场内外环境整洁，无乱堆乱放、无占道经营" + "，地面无积水" * (i % 2),
                item_text_en="Market clean inside and out",
                severity="high" if i < 2 else "medium",
                count=1 + i % 3,
                deduction=3.0 - 0.5 * (i % 3),
                note="东侧入口垃圾堆放" if i % 2 == 0 else "",
                review="accepted" if i % 3 else "pending",
                inspector_code=f"DC-{i % 4 + 1:02d}",
                inspector_name="张伟",
                started_at=period.start + timedelta(days=1, hours=1 + i),
                photos=tuple(shas),
            )
        )
    return Briefing(
        period=period,
        previous=period.previous(TZ),
        timezone=TZ.key,
        as_of=period.end + timedelta(hours=3),
        rule=FlagRule(),
        city=_sum("", ds),
        districts=ds,
        units=us,
        red_flags=tuple(u.name for u in us if u.flag == RED),
        yellow_flags=tuple(u.name for u in us if u.flag == YELLOW),
        serious=tuple(problems),
        rounds=tuple(sample_round(i, period.first, districts) for i in range(rounds)),
    )


def sample_round(i: int, first: date, districts: int) -> RoundProgress:
    """A round over the period's first days, spread over the first districts: some points
    received, some overdue, a district with nothing received."""
    parts = []
    for j, name in enumerate(DISTRICTS[: min(3, districts)]):
        points = 3 + j + i
        received = (points - 1 - i) if j != 2 else 0
        parts.append(
            RoundCompletion(name, points, points, received, received / points, (i + j) % 2)
        )
    total = RoundCompletion(
        f"第{47 + i}周暗访（{DISTRICTS[i % len(DISTRICTS)]}抽查）",
        sum(p.points for p in parts),
        sum(p.assigned for p in parts),
        sum(p.received for p in parts),
        sum(p.received for p in parts) / sum(p.points for p in parts),
        sum(p.overdue for p in parts),
    )
    start = first - timedelta(days=2 - i)
    return RoundProgress(f"r-{i}", start, start + timedelta(days=6), total, tuple(parts))


def _many_units(n: int) -> tuple[str, ...]:
    return tuple(f"{UNITS[i % len(UNITS)]}{i // len(UNITS) + 1}分局" for i in range(n))
