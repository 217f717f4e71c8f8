"""A small command centre's data for the briefing tests, built row by row so every figure
can be worked out by hand (the comments beside each visit do it): six points in three
districts and five units, imported inspections over ISO weeks 46–48 of 2026 (some right at
the week boundaries in Shanghai), review decisions and rectification tasks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from inspector_app.core.db.models import (
    CatalogueVersion,
    CheckItem,
    EnrolledKey,
    Finding,
    Inspection,
    Point,
    PointType,
    RectificationTask,
    ReviewDecision,
)
from inspector_app.core.store import Store

SH = ZoneInfo("Asia/Shanghai")
KEY = "0123456789ABCDEF"  # the inspector whose bundles the centre imported
AS_OF = datetime(2026, 11, 25, 12, 0, tzinfo=SH)  # the briefing is made on Wed 25 Nov
W47 = date(2026, 11, 18)  # ISO week 2026-W47: Mon 16 – Sun 22 Nov; W46 is 9–15 Nov

# Items of the test catalogue (one point type): every inspection answers A, B and C,
# so each one's caps are 2 + 4 + 4 = 10 (D is answered n.a. once: in neither sum).
ITEMS = {
    # code: (mode, severity, cap, each)
    "A": ("pass_fail", "high", 2.0, None),
    "B": ("per_instance", "medium", 4.0, 1.0),
    "C": ("pass_fail", "low", 4.0, None),
    "D": ("pass_fail", "low", 2.0, None),
}
POINTS = {
    # code: (district, unit)
    "P1": ("红旗区", "甲单位"),
    "P2": ("红旗区", "乙单位"),
    "P3": ("卫滨区", "乙单位"),
    "P4": ("卫滨区", "丙单位"),
    "P5": ("卫滨区", "丁单位"),
    "P6": ("牧野区", "戊单位"),
}


@dataclass(frozen=True)
class Task:
    status: str
    deadline: date
    closed: datetime | None = None
    created: datetime | None = None  # default: the day after the inspection


@dataclass(frozen=True)
class P:
    """A problem on one item."""

    count: int = 1
    decision: str | None = None  # accepted / rejected / None (pending)
    task: Task | None = None


@dataclass(frozen=True)
class Visit:
    label: str
    point: str
    when: datetime
    problems: dict[str, P] = field(default_factory=dict)  # the other items pass
    na: tuple[str, ...] = ()
    origin: str | None = KEY  # None: made here, not imported
    status: str = "final"


def sh(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=SH)


VISITS = [
    # --- W47 -------------------------------------------------------------------------------
    # 甲 (P1): deductions 0 + 0 + 1 = 1 of caps 30
    Visit("i1", "P1", sh(11, 17), na=("D",)),
    Visit("i2", "P1", sh(11, 18)),
    # Sunday 23:30 in Shanghai (15:30 UTC): still W47
    Visit("i3", "P1", sh(11, 22, 23, 30), {
        "B": P(1, "accepted", Task("closed", date(2026, 11, 27), sh(11, 24))),
    }),
    # 乙: P2 (红旗区) deducts 2 + 0, P3 (卫滨区) deducts 1 → 3 of 30
    # Monday 00:30 in Shanghai is Sunday 16:30 UTC: W47, not W46
    Visit("i4", "P2", sh(11, 16, 0, 30), {"A": P(1, "accepted", Task("open", date(2026, 11, 20)))}),
    Visit("i5", "P2", sh(11, 19, 9)),
    Visit("i6", "P3", sh(11, 20, 9), {"B": P(1)}),
    # 丙 (P4): 2 + 1 + 0, the rejected C problem deducts nothing → 3 of 30
    Visit("i7", "P4", sh(11, 18, 14), {
        "A": P(1, "accepted", Task("reported_fixed", date(2026, 11, 25))),
        "B": P(1),
    }),
    # a task made before the problem was rejected, long overdue: it counts nowhere
    Visit("i8", "P4", sh(11, 19, 14), {"C": P(1, "rejected", Task("open", date(2026, 11, 18)))}),
    Visit("i9", "P4", sh(11, 20, 14)),
    # 丁 (P5): only 2 inspections; 2 + 3 + 4 = 9 of 20
    Visit("i10", "P5", sh(11, 19, 15), {
        # closed after as_of: not rectified at as_of, nor overdue (deadline 30 Nov)
        "A": P(1, "accepted", Task("closed", date(2026, 11, 30), sh(11, 26))),
        "B": P(3, "accepted", Task("open", date(2026, 11, 24))),
    }),
    Visit("i11", "P5", sh(11, 21, 15), {"C": P(1)}),
    # 戊 (P6): min(4, 5 × 1) = 4, so 2 + 4 + 1 + 0 = 7 of 30
    Visit("i12", "P6", sh(11, 17, 8), {
        "A": P(1, "accepted", Task("closed", date(2026, 11, 24), sh(11, 21))),
        "B": P(5, "accepted", Task("open", date(2026, 11, 24))),
    }),
    Visit("i13", "P6", sh(11, 18, 8), {"B": P(1)}),
    Visit("i14", "P6", sh(11, 19, 8)),
    # not counted: made here (not imported), final and draft, with problems
    Visit("l1", "P1", sh(11, 18, 11), {"A": P(1), "C": P(1)}, origin=None),
    Visit("l2", "P1", sh(11, 18, 12), {"A": P(1)}, origin=None, status="draft"),
    # --- W46 (the previous week) ------------------------------------------------------------
    # 甲: 2 of 30; its task (deadline 13 Nov, open) is overdue in W47's briefing too
    Visit("p1", "P1", sh(11, 10), {"A": P(1, "accepted", Task("open", date(2026, 11, 13)))}),
    Visit("p2", "P1", sh(11, 11)),
    Visit("p3", "P1", sh(11, 12)),
    # 乙: 0 of 30 (Sunday 23:30 in Shanghai: still W46)
    Visit("p4", "P2", sh(11, 10)),
    Visit("p5", "P2", sh(11, 11)),
    Visit("p6", "P2", sh(11, 15, 23, 30)),
    # 戊: one inspection, 2 of 10
    Visit("p7", "P6", sh(11, 12), {"B": P(2)}),
    # --- W48: Monday 00:30 in Shanghai (Sunday 16:30 UTC): not W47 ------------------------
    Visit("w1", "P1", sh(11, 23, 0, 30), {"A": P(1)}),
]  # fmt: skip


@dataclass
class Data:
    store: Store
    inspections: dict[str, str]
    findings: dict[tuple[str, str], str]


def build(
    store: Store,
    visits: list[Visit] = VISITS,
    catalogue: dict[str, tuple[str, str, float, float | None]] = ITEMS,
) -> Data:
    inspections: dict[str, str] = {}
    findings: dict[tuple[str, str], str] = {}
    with store.write() as s:
        cat = CatalogueVersion(
            code="BRIEF-TEST",
            version="1",
            name_zh="测试目录",
            name_en="Test catalogue",
            content_sha256="0" * 64,
            document="{}",
        )
        s.add(cat)
        s.flush()
        ptype = PointType(
            catalogue_id=cat.id, code="SHOP", name_zh="商店", name_en="Shop", position=0
        )
        s.add(ptype)
        s.flush()
        items = {}
        for pos, (code, (mode, severity, cap, each)) in enumerate(catalogue.items()):
            items[code] = CheckItem(
                catalogue_id=cat.id,
                point_type_id=ptype.id,
                code=code,
                category="order",
                text_zh=f"检查项{code}",
                text_en=f"Item {code}",
                mode=mode,
                severity=severity,
                cap=cap,
                each=each,
                needs_photo=False,
                position=pos,
            )
            s.add(items[code])
        points = {}
        for code, (district, unit) in POINTS.items():
            points[code] = Point(
                code=code, name=f"点位{code}", type_code="SHOP", district=district, unit=unit
            )
            s.add(points[code])
        s.add(EnrolledKey(key_id=KEY, public_key=b"\0" * 32, name="李四", code="T07"))
        s.flush()
        for v in visits:
            insp = Inspection(
                point_id=points[v.point].id,
                catalogue_id=cat.id,
                point_type_id=ptype.id,
                origin_key_id=v.origin,
                status=v.status,
                started_at=v.when,
                finalised_at=v.when + timedelta(hours=1),
            )
            s.add(insp)
            s.flush()
            inspections[v.label] = insp.id
            answered = ["A", "B", "C", *v.na]
            for code in answered:
                p = v.problems.get(code)
                result = "na" if code in v.na else "problem" if p else "pass"
                f = Finding(
                    inspection_id=insp.id,
                    item_id=items[code].id,
                    result=result,
                    count=p.count if p else 0,
                )
                s.add(f)
                s.flush()
                findings[(v.label, code)] = f.id
                if p and p.decision:
                    s.add(
                        ReviewDecision(
                            finding_id=f.id,
                            decision=p.decision,
                            decided_by="tester",
                            decided_at=v.when + timedelta(hours=20),
                        )
                    )
                if p and p.task:
                    t = p.task
                    s.add(
                        RectificationTask(
                            finding_id=f.id,
                            unit=POINTS[v.point][1],
                            deadline=t.deadline,
                            status=t.status,
                            created_at=t.created or v.when + timedelta(days=1),
                            closed_at=t.closed,
                        )
                    )
    return Data(store, inspections, findings)  # fmt: skip
