"""The point picker's search: pinyin initials, full pinyin, Chinese, codes, recent first."""

from __future__ import annotations

from datetime import UTC, datetime

from inspector_app.core import inspections as svc
from inspector_app.core.point_search import PointSearchIndex, pinyin_keys
from inspector_app.core.store import Store


def codes(index: PointSearchIndex, query: str) -> list[str]:
    return [h.code for h in index.search(query)]


def test_pinyin_initials_find_the_market(city: Store) -> None:
    index = PointSearchIndex.load(city)
    assert codes(index, "dgcsc") == ["FM-T1"]
    assert codes(index, "DGCSC") == ["FM-T1"]
    assert codes(index, "dongguan") == ["FM-T1"]
    assert codes(index, "东关") == ["FM-T1"]


def test_code_district_and_type(city: Store) -> None:
    index = PointSearchIndex.load(city)
    assert codes(index, "bs-t1") == ["BS-T1"]
    assert codes(index, "卫滨") == ["CO-T1", "MR-T1"]
    assert codes(index, "公交") == ["BS-T1"]
    assert codes(index, "bus stop") == ["BS-T1"]
    assert codes(index, "weibin renmin") == ["MR-T1"]  # every word must match
    assert codes(index, "nothing-like-this") == []


def test_recent_points_come_first(city: Store) -> None:
    svc.start_inspection(city, "MR-T1", started_at=datetime(2026, 11, 1, tzinfo=UTC))
    svc.start_inspection(city, "CO-T1", started_at=datetime(2026, 11, 20, tzinfo=UTC))
    index = PointSearchIndex.load(city)
    assert codes(index, "")[:2] == ["CO-T1", "MR-T1"]
    assert codes(index, "卫滨") == ["CO-T1", "MR-T1"]
    assert index.search("")[0].last_visit == datetime(2026, 11, 20, tzinfo=UTC)


def test_heteronyms_give_every_reading() -> None:
    assert "yh" in pinyin_keys("银行")  # a known phrase reads as the phrase
    keys = pinyin_keys("长")  # a lone heteronym: both readings
    assert "c" in keys and "z" in keys
