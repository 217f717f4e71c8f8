"""Find a point as an inspector types: by code, name, district or point type, in Chinese,
in full pinyin or by pinyin initials (`dgcsc` finds 东关菜市场), recent points first.

The index is built once (pinyin of every name) and then answers each keystroke in memory;
rebuild it after the register changes.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from inspector_app.core.catalogue import PointTypeIndex
from inspector_app.core.db.models import Inspection, Point
from inspector_app.core.store import Store

#: heteronyms multiply the initials' spellings (银行 yh/yx); beyond this, keep the first
MAX_SPELLINGS = 16


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def pinyin_keys(text: str) -> list[str]:
    """Full pinyin and every spelling of the initials of `text` (non-Chinese kept)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    full = "".join(lazy_pinyin(text)).casefold()
    choices = [sorted(set(opts)) for opts in pinyin(text, style=Style.FIRST_LETTER, heteronym=True)]
    initials = [
        "".join(combo).casefold()
        for combo in itertools.islice(itertools.product(*choices), MAX_SPELLINGS)
    ]
    return [full, *initials]


@dataclass(frozen=True)
class PointHit:
    code: str
    name: str
    type: str
    type_name_zh: str
    type_name_en: str
    district: str
    unit: str
    last_visit: datetime | None


@dataclass(frozen=True)
class _Entry:
    hit: PointHit
    keys: tuple[str, ...]  # folded texts a query may match


class PointSearchIndex:
    """All registered points, ready to be searched keystroke by keystroke."""

    def __init__(self, entries: list[_Entry]) -> None:
        self._entries = entries

    @classmethod
    def load(cls, store: Store) -> PointSearchIndex:
        with store.read() as s:
            types = PointTypeIndex.load(s)
            last = dict(
                s.execute(
                    select(Inspection.point_id, func.max(Inspection.started_at)).group_by(
                        Inspection.point_id
                    )
                )
                .tuples()
                .all()
            )
            points = list(s.scalars(select(Point).order_by(Point.code)))
        entries = []
        for p in points:
            zh, en = types.names.get(p.type_code, ("", ""))
            visit = last.get(p.id)
            hit = PointHit(p.code, p.name, p.type_code, zh, en, p.district, p.unit, visit)
            keys = [_fold(x) for x in (p.code, p.name, p.district, p.type_code, zh, en, p.street)]
            keys += pinyin_keys(p.name) + pinyin_keys(p.district)
            entries.append(_Entry(hit, tuple(k for k in keys if k)))
        return cls(entries)

    def search(self, query: str, *, limit: int = 50) -> list[PointHit]:
        """Points matching every word of `query`; recent visits first, then the closest."""
        terms = _fold(query).split()
        scored = []
        for e in self._entries:
            if all(any(t in k for k in e.keys) for t in terms):
                prefix = any(k.startswith(terms[0]) for k in e.keys) if terms else False
                recent = e.hit.last_visit.timestamp() if e.hit.last_visit else 0.0
                scored.append((-recent, not prefix, e.hit.code, e.hit))
        scored.sort(key=lambda x: x[:3])
        return [hit for *_rest, hit in scored[:limit]]
