"""Checklist catalogues: the built-in national catalogue, strict parsing, import rules."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from inspector_app.core import catalogue_doc
from inspector_app.core.catalogue import (
    CatalogueDetail,
    ensure_builtin_catalogues,
    find_catalogue,
    import_catalogue_file,
    items_for_type,
    list_catalogues,
    resolve_point_type_code,
    show_catalogue,
)
from inspector_app.core.catalogue_doc import content_sha256, parse_catalogue
from inspector_app.core.db.models import AuditEvent, CatalogueVersion, CheckItem, PointType
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.paths import resources_dir
from inspector_app.core.store import Store

BUILTIN = resources_dir() / "catalogues" / "national-2026.1.json"

# Point types and item codes of domain/checklist-facts.json, in its order.
FACTS = {
    "MAIN_ROAD": "MR-A01 MR-A02 MR-S01 MR-S02 MR-O01 MR-O02 MR-O03",
    "COMMERCIAL_STREET": "CS-A01 CS-A02 CS-S01 CS-S02 CS-O01 CS-O02 CS-O03",
    "BACK_ALLEY": "BA-S01 BA-S02 BA-S03 BA-O01 BA-O02 BA-O03 BA-A01",
    "TRAFFIC_JUNCTION": "TJ-O01 TJ-O02 TJ-O03 TJ-O04 TJ-O05 TJ-S01",
    "FARMERS_MARKET": "FM-A01 FM-O01 FM-S01 FM-S02 FM-S03 FM-O02 FM-O03",
    "RESIDENTIAL": "RC-A01 RC-A02 RC-S01 RC-S02 RC-O01 RC-O02 RC-O03",
    "PARK_SQUARE": "PS-A01 PS-S01 PS-S02 PS-S03 PS-O01 PS-O02 PS-O03",
    "BUS_STOP": "BS-A01 BS-A02 BS-S01 BS-O01 BS-O02 BS-O03",
    "STATION": "ST-A01 ST-S01 ST-S02 ST-O01 ST-O02 ST-O03",
    "HOSPITAL": "HO-A01 HO-O01 HO-O02 HO-O03 HO-O04 HO-S01",
    "SCHOOL_AREA": "SC-O01 SC-O02 SC-O03 SC-S01 SC-A01 SC-A02",
    "GOV_SERVICE": "GS-A01 GS-O01 GS-O02 GS-O03 GS-O04 GS-S01",
    "WINDOW_UNIT": "WU-A01 WU-O01 WU-O02 WU-O03 WU-S01",
    "MALL": "ML-A01 ML-O01 ML-O02 ML-O03 ML-O04 ML-S01 ML-O05",
    "CONSTRUCTION": "CN-A01 CN-A02 CN-A03 CN-S01 CN-S02 CN-O01 CN-O02",
    "URBAN_VILLAGE": "UV-S01 UV-S02 UV-S03 UV-O01 UV-O02 UV-O03 UV-A01",
    "SCENIC": "SN-A01 SN-A02 SN-S01 SN-S02 SN-O01 SN-O02",
}
# (quota, points per missing ad) of the per-missing-ad items.
PER_MISSING = {
    "MR-A01": (5, 2),
    "CS-A01": (5, 2),
    "FM-A01": (5, 2),
    "RC-A01": (2, 2),
    "BS-A01": (2, 4),
    "BS-A02": (2, 4),
    "ST-A01": (10, 2),
    "HO-A01": (3, 2),
    "GS-A01": (3, 2),
    "WU-A01": (3, 2),
    "ML-A01": (5, 2),
    "SN-A01": (3, 2),
}
DEFAULT_CAP = {"high": 3, "medium": 2, "low": 1}
DEFAULT_EACH = {"high": 1, "medium": 0.5, "low": 0.25}

FM = 4  # FARMERS_MARKET's position in the built-in file: FM-A01 per_missing, FM-O01 pass_fail,
# FM-S01 per_instance


def builtin_doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BUILTIN.read_text(encoding="utf-8"))
    return data


def new_version(version: str = "2099.1") -> dict[str, Any]:
    """The built-in document under a version not stored yet: valid, so it would import."""
    doc = builtin_doc()
    doc["version"] = version
    return doc


def write(tmp_path: Path, doc: dict[str, Any] | bytes, name: str = "cat.json") -> Path:
    path = tmp_path / name
    if isinstance(doc, bytes):
        path.write_bytes(doc)
    else:
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def snapshot(store: Store) -> tuple[Any, ...]:
    """Everything a catalogue import may change."""
    with store.read() as s:
        counts = tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (CatalogueVersion, PointType, CheckItem, AuditEvent)
        )
    return counts, list_catalogues(store)


def fm_item(doc: dict[str, Any], index: int) -> dict[str, Any]:
    item: dict[str, Any] = doc["point_types"][FM]["items"][index]
    return item


# --- the built-in catalogue --------------------------------------------------------------


def test_builtin_catalogue_is_stored_at_first_open(store: Store) -> None:
    [info] = list_catalogues(store)
    assert (info.code, info.version, info.builtin) == ("national", "2026.1", True)
    assert (info.point_types, info.items) == (17, 110)
    assert info.content_sha256 == content_sha256(
        parse_catalogue(BUILTIN.read_bytes(), BUILTIN.name)
    )
    with store.read() as s:
        events = s.scalars(select(AuditEvent)).all()
    assert [(e.action, e.entity_id) for e in events] == [("catalogue.added", info.id)]
    assert json.loads(events[0].detail) == {
        "code": "national",
        "version": "2026.1",
        "sha256": info.content_sha256,
    }


def test_builtin_has_every_facts_type_and_item_in_order(store: Store) -> None:
    detail = show_catalogue(store, "national:2026.1")
    got = {pt.code: " ".join(item.code for item in pt.items) for pt in detail.point_types}
    assert got == FACTS
    assert [pt.code for pt in detail.point_types] == list(FACTS)
    for pt in detail.point_types:
        assert pt.name_zh and pt.name_en and pt.route_hint
        for item in pt.items:
            assert item.text_zh and item.text_en
            assert item.category in ("ads", "sanitation", "order")


def test_builtin_scoring_follows_sources_and_severity_defaults(store: Store) -> None:
    detail = show_catalogue(store, "2026.1")
    items = {item.code: item for pt in detail.point_types for item in pt.items}
    assert len(items) == 110
    assert {c for c, i in items.items() if i.mode == "per_missing"} == set(PER_MISSING)
    for code, item in items.items():
        if item.mode == "per_missing":
            quota, each = PER_MISSING[code]
            assert (item.quota, item.each, item.cap) == (quota, each, quota * each), code
        elif item.mode == "per_instance":
            assert item.quota is None, code
            assert item.each == DEFAULT_EACH[item.severity], code
            assert item.cap == DEFAULT_CAP[item.severity], code
        else:
            assert item.mode == "pass_fail"
            assert (item.each, item.quota) == (None, None), code
            assert item.cap == DEFAULT_CAP[item.severity], code


def test_builtin_photo_rules(store: Store) -> None:
    detail = show_catalogue(store, "national:2026.1")
    items = {item.code: item for pt in detail.point_types for item in pt.items}
    # fleeting behaviour: jaywalking, red-light running, smoking, queue-jumping, attitude
    for code in ("MR-O03", "TJ-O01", "ST-O03", "ML-O03", "WU-O02"):
        assert items[code].needs_photo is False, code
    # physical: ads, litter, vending, parking, illegal structures, mud at a site
    for code in ("MR-A01", "BA-S02", "MR-O01", "MR-O02", "UV-O01", "CN-S01"):
        assert items[code].needs_photo is True, code
    assert all(i.needs_photo for i in items.values() if i.category in ("ads", "sanitation"))


def test_builtin_file_basis_and_sources() -> None:
    doc = builtin_doc()
    assert doc["format"] == "inspector-catalogue/1"
    for pt in doc["point_types"]:
        for item in pt["items"]:
            assert item["basis"].strip() and item["sources"].strip(), item["code"]
            if item["mode"] == "pass_fail":
                assert "each" not in item and "quota" not in item
    fm_a01 = fm_item(doc, 0)
    assert "S9" in fm_a01["sources"].split(";") and "-2 per missing ad" in fm_a01["basis"]


def test_rows_keep_file_order(store: Store) -> None:
    with store.read() as s:
        catalogue = find_catalogue(s, "national:2026.1")
        rows = items_for_type(s, catalogue.id, "FARMERS_MARKET")
        assert [r.code for r in rows] == FACTS["FARMERS_MARKET"].split()
        assert [r.position for r in rows] == sorted(r.position for r in rows)
        assert rows[0].mode == "per_missing" and rows[0].quota == 5
        with pytest.raises(NotFoundError, match="NOWHERE"):
            items_for_type(s, catalogue.id, "NOWHERE")


def test_to_json_is_plain(store: Store) -> None:
    [info] = list_catalogues(store)
    listed = json.loads(json.dumps(info.to_json()))
    assert listed["id"] == info.id and listed["items"] == 110
    detail: CatalogueDetail = show_catalogue(store, "national:2026.1")
    shown = json.loads(json.dumps(detail.to_json(), ensure_ascii=False))
    assert shown["id"] == info.id
    assert [pt["code"] for pt in shown["point_types"]] == list(FACTS)
    first = shown["point_types"][0]["items"][0]
    assert first["code"] == "MR-A01" and first["quota"] == 5 and first["needs_photo"] is True


def test_ensure_builtin_is_cheap_when_all_are_stored(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(store)

    def no_parse(raw: bytes, source: str) -> Any:
        raise AssertionError(f"parsed {source} although it is stored")

    monkeypatch.setattr(catalogue_doc, "parse_catalogue", no_parse)
    ensure_builtin_catalogues(store)
    assert snapshot(store) == before


# --- bad input -------------------------------------------------------------------------------


def _mutate(change: Callable[[dict[str, Any]], None]) -> Callable[[], bytes]:
    def build() -> bytes:
        doc = new_version()
        change(doc)
        return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")

    return build


def _set(index: int, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda doc: fm_item(doc, index).__setitem__(key, value)


def _dup_json_key() -> bytes:
    text = json.dumps(new_version(), ensure_ascii=False, indent=2)
    # the first "severity" in the file is MR-A01's
    text = text.replace('"severity": "medium",', '"severity": "medium", "severity": "high",', 1)
    return text.encode("utf-8")


def _too_big() -> bytes:
    valid = json.dumps(new_version(), ensure_ascii=False).encode("utf-8")
    return valid + b" " * (5 * 1024 * 1024 + 1 - len(valid))


BAD: dict[str, tuple[Callable[[], bytes], tuple[str, ...]]] = {
    "unknown field": (
        _mutate(_set(0, "colour", "red")),
        ("item FM-A01 (point type FARMERS_MARKET)", 'field "colour"'),
    ),
    "unknown top-level field": (
        _mutate(lambda d: d.__setitem__("author", "x")),
        ('field "author"', "not a field"),
    ),
    "duplicate item code": (
        _mutate(_set(2, "code", "MR-A01")),
        ("item MR-A01 (point type FARMERS_MARKET)", 'field "code"', "twice", "MAIN_ROAD"),
    ),
    "duplicate point type code": (
        _mutate(lambda d: d["point_types"][FM].__setitem__("code", "MAIN_ROAD")),
        ("point type MAIN_ROAD", 'field "code"', "twice"),
    ),
    "duplicate JSON key": (
        _dup_json_key,
        ("item MR-A01 (point type MAIN_ROAD)", 'field "severity"', "twice"),
    ),
    "bad category": (
        _mutate(_set(2, "category", "noise")),
        ("item FM-S01 (point type FARMERS_MARKET)", 'field "category"', "'noise'"),
    ),
    "bad mode": (
        _mutate(_set(1, "mode", "sometimes")),
        ("item FM-O01 (point type FARMERS_MARKET)", 'field "mode"'),
    ),
    "each above cap": (
        _mutate(_set(2, "each", 5.0)),
        ("item FM-S01 (point type FARMERS_MARKET)", 'field "each"', "cap"),
    ),
    "cap zero": (
        _mutate(_set(1, "cap", 0)),
        ("item FM-O01 (point type FARMERS_MARKET)", 'field "cap"', "greater than 0"),
    ),
    "cap as text": (
        _mutate(_set(1, "cap", "2")),
        ("item FM-O01 (point type FARMERS_MARKET)", 'field "cap"', "number"),
    ),
    "per_missing without quota": (
        _mutate(lambda d: fm_item(d, 0).pop("quota")),
        ("item FM-A01 (point type FARMERS_MARKET)", 'field "quota"', "per_missing"),
    ),
    "per_instance without each": (
        _mutate(lambda d: fm_item(d, 2).pop("each")),
        ("item FM-S01 (point type FARMERS_MARKET)", 'field "each"', "per_instance"),
    ),
    "pass_fail with each": (
        _mutate(_set(1, "each", 1.0)),
        ("item FM-O01 (point type FARMERS_MARKET)", 'field "each"', "pass_fail"),
    ),
    "bad item code": (
        _mutate(_set(2, "code", "fm s01")),
        ("item at position 3 (point type FARMERS_MARKET)", 'field "code"'),
    ),
    "empty text": (
        _mutate(_set(2, "text_zh", "  ")),
        ("item FM-S01 (point type FARMERS_MARKET)", 'field "text_zh"', "empty"),
    ),
    "bad version": (
        _mutate(lambda d: d.__setitem__("version", "2026 spring")),
        ('field "version"',),
    ),
    "not JSON": (lambda: b'{"format": "inspector-catalogue/1", ', ("not valid JSON", "line 1")),
    "not UTF-8": (
        lambda: json.dumps(new_version(), ensure_ascii=False).encode("gb18030"),
        ("not UTF-8",),
    ),
    "too big": (_too_big, ("too large",)),
    "wrong format": (
        _mutate(lambda d: d.__setitem__("format", "inspector-bundle/1")),
        ('field "format"', "inspector-catalogue/1"),
    ),
    "newer format": (
        _mutate(lambda d: d.__setitem__("format", "inspector-catalogue/2")),
        ('field "format"', "newer version"),
    ),
    "not an object": (lambda: b"[]", ("JSON object",)),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_catalogue_is_refused_and_store_unchanged(
    store: Store, tmp_path: Path, case: str
) -> None:
    build, fragments = BAD[case]
    path = write(tmp_path, build(), name="city-2099.1.json")
    before = snapshot(store)
    with pytest.raises(InputError) as caught:
        import_catalogue_file(store, path)
    message = str(caught.value)
    assert message.startswith("city-2099.1.json: "), message
    for fragment in fragments:
        assert fragment in message, message
    assert snapshot(store) == before


def test_every_problem_is_listed(tmp_path: Path) -> None:
    doc = new_version()
    fm_item(doc, 1)["cap"] = -1
    fm_item(doc, 2)["severity"] = "extreme"
    with pytest.raises(InputError) as caught:
        parse_catalogue(json.dumps(doc).encode(), "c.json")
    lines = [caught.value.message, *caught.value.details]
    assert any('FM-O01 (point type FARMERS_MARKET), field "cap"' in line for line in lines)
    assert any('FM-S01 (point type FARMERS_MARKET), field "severity"' in line for line in lines)


def test_missing_file_is_an_input_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        import_catalogue_file(store, tmp_path / "absent.json")


# --- names, versions, conflicts -----------------------------------------------------------------


def test_same_name_other_content_is_a_conflict(store: Store, tmp_path: Path) -> None:
    doc = builtin_doc()
    fm_item(doc, 1)["cap"] = 2.5
    path = write(tmp_path, doc)
    before = snapshot(store)
    with pytest.raises(
        ConflictError, match=r"national 2026\.1 is already stored with other content"
    ):
        import_catalogue_file(store, path)
    assert snapshot(store) == before
    with store.read() as s:
        item = s.scalars(select(CheckItem).where(CheckItem.code == "FM-O01")).one()
        assert item.cap == 2.0


def test_same_content_again_is_not_added(store: Store, tmp_path: Path) -> None:
    [stored] = list_catalogues(store)
    before = snapshot(store)
    info, added = import_catalogue_file(store, BUILTIN)
    assert (info.id, added) == (stored.id, False)
    # the same content written differently (compact, keys reversed) is the same catalogue
    doc = builtin_doc()
    reordered = dict(reversed(list(doc.items())))
    path = write(tmp_path, json.dumps(reordered, ensure_ascii=False).encode("utf-8"))
    info, added = import_catalogue_file(store, path)
    assert (info.id, added) == (stored.id, False)
    assert snapshot(store) == before


def test_second_version_lives_beside_the_first(store: Store, tmp_path: Path) -> None:
    doc = new_version("2026.2")
    fm_item(doc, 0)["quota"] = 6
    fm_item(doc, 0)["cap"] = 12.0
    info, added = import_catalogue_file(store, write(tmp_path, doc))
    assert added and not info.builtin
    assert (info.code, info.version, info.point_types, info.items) == (
        "national",
        "2026.2",
        17,
        110,
    )
    assert [(c.version, c.builtin) for c in list_catalogues(store)] == [
        ("2026.1", True),
        ("2026.2", False),
    ]
    old = {i.code: i for pt in show_catalogue(store, "2026.1").point_types for i in pt.items}
    new = {i.code: i for pt in show_catalogue(store, "2026.2").point_types for i in pt.items}
    assert (old["FM-A01"].quota, old["FM-A01"].cap) == (5, 10.0)
    assert (new["FM-A01"].quota, new["FM-A01"].cap) == (6, 12.0)
    with store.read() as s:
        stored = s.get(CatalogueVersion, info.id)
        assert stored is not None
        assert json.loads(stored.document)["point_types"][FM]["items"][0]["quota"] == 6
        actions = s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
    assert actions == ["catalogue.added", "catalogue.added"]


def test_find_catalogue_by_version_or_code_and_version(store: Store, tmp_path: Path) -> None:
    doc = builtin_doc()
    doc["code"] = "city"
    import_catalogue_file(store, write(tmp_path, doc))
    with store.read() as s:
        assert find_catalogue(s, "city:2026.1").code == "city"
        assert find_catalogue(s, "NATIONAL:2026.1").code == "national"
        with pytest.raises(InputError, match="several codes"):
            find_catalogue(s, "2026.1")
        with pytest.raises(NotFoundError, match=r"national:2026\.1") as caught:
            find_catalogue(s, "2030.9")
        assert "city:2026.1" in str(caught.value)


def test_show_unknown_catalogue(store: Store) -> None:
    with pytest.raises(NotFoundError, match=r"national:2026\.1"):
        show_catalogue(store, "national:1999")


# --- point types ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("FARMERS_MARKET", "FARMERS_MARKET"),
        ("farmers_market", "FARMERS_MARKET"),
        ("农贸市场(集贸市场)及周边", "FARMERS_MARKET"),
        ("农贸市场（集贸市场）及周边", "FARMERS_MARKET"),
        ("主次干道", "MAIN_ROAD"),
        ("Main and secondary roads", "MAIN_ROAD"),
        ("  bus stop (and BUS ride) ", "BUS_STOP"),
        ("公交站点", "BUS_STOP"),
        ("Construction site", "CONSTRUCTION"),
    ],
)
def test_point_type_by_code_chinese_or_english(store: Store, text: str, code: str) -> None:
    with store.read() as s:
        assert resolve_point_type_code(s, text) == code


def test_unknown_point_type_lists_valid_codes(store: Store) -> None:
    with store.read() as s, pytest.raises(NotFoundError) as caught:
        resolve_point_type_code(s, "菜场")
    message = str(caught.value)
    assert "'菜场'" in message
    for code in FACTS:
        assert code in message
