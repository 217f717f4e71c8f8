"""The point register: importing CSV / XLSX point lists, refusing bad ones, listing points."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from inspector_app.core import points
from inspector_app.core.db.models import AuditEvent
from inspector_app.core.errors import InputError, NotFoundError
from inspector_app.core.points import (
    PointInfo,
    PointsImportResult,
    get_point,
    import_points_file,
    list_points,
)
from inspector_app.core.store import Store

HEADER = "code,name,type,district,street,unit,address,latitude,longitude\n"
MARKET_ZH = "农贸市场(集贸市场)及周边"
MARKET_EN = "Farmers' / wet market and surroundings"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def audit_count(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent)) or 0


def snapshot(store: Store) -> tuple[list[PointInfo], int]:
    return list_points(store), audit_count(store)


def refused(store: Store, path: Path) -> InputError:
    """Import `path`, expect it refused, and check that nothing changed."""
    before = snapshot(store)
    with pytest.raises(InputError) as info:
        import_points_file(store, path)
    assert snapshot(store) == before
    return info.value


@pytest.fixture
def seeded(store: Store, tmp_path: Path) -> Store:
    """A store with two points already imported."""
    path = write(
        tmp_path / "seed.csv",
        HEADER
        + "S1,人民路,MAIN_ROAD,红旗区,东街街道,红旗区城管局,人民路1号,35.3,113.9\n"
        + "S2,东关菜市场,FARMERS_MARKET,卫滨区,,卫滨区市场监管局,,,\n",
    )
    assert import_points_file(store, path) == PointsImportResult(2, 0, 0)
    return store


# --- good files -------------------------------------------------------------------------------


def test_english_csv_imports_every_field(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "points.csv",
        HEADER
        + "P1,Renmin Road,MAIN_ROAD,Hongqi,East Street,Hongqi City Management,1 Renmin Rd,"
        + "35.30,113.90\n"
        + "P2,East Gate Market,farmers_market,Weibin,,Weibin Market Bureau,,,\n",
    )
    result = import_points_file(store, path)
    assert result == PointsImportResult(added=2, updated=0, unchanged=0)

    p1 = get_point(store, "P1")
    assert p1 == PointInfo(
        code="P1",
        name="Renmin Road",
        type="MAIN_ROAD",
        district="Hongqi",
        street="East Street",
        unit="Hongqi City Management",
        address="1 Renmin Rd",
        latitude=35.3,
        longitude=113.9,
        type_name_zh="主次干道",
        type_name_en="Main and secondary roads",
    )
    p2 = get_point(store, "P2")
    assert p2.type == "FARMERS_MARKET"  # stored as the catalogue's code, whatever the case
    assert (p2.street, p2.address, p2.latitude, p2.longitude) == ("", "", None, None)
    assert p1.to_json() == {
        "code": "P1",
        "name": "Renmin Road",
        "type": "MAIN_ROAD",
        "district": "Hongqi",
        "street": "East Street",
        "unit": "Hongqi City Management",
        "address": "1 Renmin Rd",
        "latitude": 35.3,
        "longitude": 113.9,
    }
    json.dumps([p.to_json() for p in list_points(store)])  # what `points list --json` prints


def test_import_appends_one_audit_event(store: Store, tmp_path: Path) -> None:
    before = audit_count(store)
    path = write(tmp_path / "register.csv", HEADER + "P1,A,MAIN_ROAD,Hongqi,,Unit,,,\n")
    import_points_file(store, path)
    with store.read() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    assert len(events) == before + 1
    event = events[-1]
    assert (event.action, event.entity, event.entity_id, event.actor) == (
        "points.imported",
        "points",
        "register.csv",
        "tester",
    )
    detail = json.loads(event.detail)
    assert (detail["added"], detail["updated"], detail["unchanged"]) == (1, 0, 0)


def test_utf8_bom_csv_with_loose_headers_any_order_and_extra_columns(
    store: Store, tmp_path: Path
) -> None:
    text = (
        " Unit ,NAME,Remarks, District,Code,Type,LATITUDE,Longitude\n"
        "红旗区城管局,人民路,ignore me,红旗区,P1,Main and secondary roads,35.1,113.2\n"
    )
    path = write(tmp_path / "bom.csv", "\ufeff" + text)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert import_points_file(store, path).added == 1
    point = get_point(store, "P1")
    assert (point.name, point.type, point.district, point.unit) == (
        "人民路",
        "MAIN_ROAD",
        "红旗区",
        "红旗区城管局",
    )
    assert (point.street, point.address) == ("", "")
    assert (point.latitude, point.longitude) == (35.1, 113.2)


def test_gbk_csv_with_chinese_headers_and_type_names(store: Store, tmp_path: Path) -> None:
    text = (
        "编号,名称,类型,区,街道,责任单位,地址,纬度,经度\n"
        f"M1,东关菜市场,{MARKET_ZH},红旗区,东街街道,红旗区市场监管局,东关大街8号,35.29,113.88\n"
        "M2,西关菜市场,农贸市场（集贸市场）及周边,卫滨区,,卫滨区市场监管局,,,\n"
        "R1,人民路,主次干道,红旗区,,红旗区城管局,,,\n"
    )
    path = write(tmp_path / "点位.csv", text, encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # really GBK, not UTF-8
    assert import_points_file(store, path) == PointsImportResult(3, 0, 0)
    m1 = get_point(store, "M1")
    assert (m1.name, m1.type, m1.district, m1.street, m1.unit, m1.address) == (
        "东关菜市场",
        "FARMERS_MARKET",
        "红旗区",
        "东街街道",
        "红旗区市场监管局",
        "东关大街8号",
    )
    assert get_point(store, "M2").type == "FARMERS_MARKET"  # full-width brackets tolerated
    assert get_point(store, "R1").type == "MAIN_ROAD"


def test_chinese_header_synonyms(store: Store, tmp_path: Path) -> None:
    text = (
        "点位编号,点位名称,点位类型,所属区,包保单位\nB1,火车站公交站,BUS_STOP,牧野区,牧野区交通局\n"
    )
    import_points_file(store, write(tmp_path / "syn.csv", text))
    assert get_point(store, "B1").district == "牧野区"


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_tab_and_semicolon_delimited_csv(store: Store, tmp_path: Path, delimiter: str) -> None:
    rows = [
        ["code", "name", "type", "district", "unit", "latitude", "longitude"],
        ["P1", "Road, north part", "MAIN_ROAD", "Hongqi", "Unit", "35.5", "113.5"],
    ]
    path = write(tmp_path / "d.csv", "\n".join(delimiter.join(r) for r in rows) + "\n")
    import_points_file(store, path)
    assert get_point(store, "P1").name == "Road, north part"


def test_xlsx_with_numeric_codes_and_float_coordinates(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "名称", "类型", "区", "街道", "责任单位", "地址", "纬度", "经度"])
    sheet.append(
        [1001, "人民路", "MAIN_ROAD", "红旗区", "东街街道", "红旗区城管局", None, 35.3, 113.9]
    )
    sheet.append([])
    sheet.append(
        [1002, "东关菜市场", MARKET_EN, "卫滨区", None, "卫滨区市场监管局", "东关8号", 35, 114]
    )
    sheet.append([1003, "公交站", "bus_stop", "牧野区", None, "牧野区交通局", None, None, None])
    sheet.append([9999004, "医院", "HOSPITAL", "牧野区", None, "卫健委", None, "35.1", "113.7"])
    made = tmp_path / "made.xlsx"
    book.save(made)
    # Some programs store whole numbers as "1004.0"; openpyxl would read 1004.0, a float.
    path = tmp_path / "points.xlsx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(path, "w") as dst:
        for entry in src.infolist():
            data = src.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                assert b"<v>9999004</v>" in data
                data = data.replace(b"<v>9999004</v>", b"<v>1004.0</v>")
            dst.writestr(entry, data)

    assert import_points_file(store, path) == PointsImportResult(4, 0, 0)
    p = get_point(store, "1001")
    assert (p.code, p.name, p.latitude, p.longitude) == ("1001", "人民路", 35.3, 113.9)
    q = get_point(store, "1002")
    assert (q.type, q.latitude, q.longitude, q.address) == (
        "FARMERS_MARKET",
        35.0,
        114.0,
        "东关8号",
    )
    assert get_point(store, "1003").latitude is None
    r = get_point(store, "1004")  # not "1004.0"
    assert (r.type, r.latitude, r.longitude) == ("HOSPITAL", 35.1, 113.7)


def test_xlsx_bad_rows_are_named_by_sheet_row(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "name", "type", "district", "unit", "latitude", "longitude"])
    sheet.append([1, "A", "MAIN_ROAD", "Hongqi", "Unit", 35.0, 113.0])
    sheet.append([])
    sheet.append([2, "B", "菜场", "Hongqi", "Unit", 35.0, 113.0])
    sheet.append([3, "C", "MAIN_ROAD", "Hongqi", "Unit", 123.4, 113.0])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    error = refused(store, path)
    assert error.details == [
        'line 4: type "菜场" is unknown',
        "line 5: latitude 123.4 is outside -90..90",
    ]


# --- bad rows -----------------------------------------------------------------------------------


def test_every_bad_row_is_reported_at_once_with_its_line(store: Store, tmp_path: Path) -> None:
    long_name = "长" * 201
    lines = [
        HEADER.rstrip("\n"),  # 1
        "P1,Good,MAIN_ROAD,Hongqi,,Unit,,,",  # 2
        "P2,,MAIN_ROAD,Hongqi,,Unit,,,",  # 3
        "P3,Market,菜场,Hongqi,,Unit,,,",  # 4
        'P4,"Multi-line',  # 5
        'name, still valid",BUS_STOP,Hongqi,,Unit,"Addr",34.5,113.6',  # 6
        "P5,X,BUS_STOP,Hongqi,,Unit,,123.4,113.6",  # 7
        "",  # 8: blank rows are skipped
        "P6,X,BUS_STOP,Hongqi,,Unit,,abc,113.6",  # 9
        "P7,X,BUS_STOP,Hongqi,,Unit,,34.5,",  # 10
        "P8,X,BUS_STOP,Hongqi,,Unit,,,113.6",  # 11
        "P9,X,BUS_STOP,Hongqi,,Unit,,30,-200.5",  # 12
        "P1,Again,MAIN_ROAD,Hongqi,,Unit,,,",  # 13
        "P10,X,MAIN_ROAD,,,Unit,,,",  # 14
        "P11,X,main_road,Hongqi,,,,,",  # 15
        ",X,MAIN_ROAD,Hongqi,,Unit,,,",  # 16
        f"P12,{long_name},MAIN_ROAD,Hongqi,,Unit,,,",  # 17
        "P13,X,MAIN_ROAD,Hongqi,,Unit,,nan,inf",  # 18
        "P14,X,MAIN_ROAD,Hongqi,,Unit,,-90.5,180",  # 19
        "P15,X,MAIN_ROAD,Hongqi,,Unit,,-90,180",  # 20: the limits themselves are fine
        " , ,,,  ,,,,",  # 21: a row of empty cells is blank too
        'P16,X,MAIN_ROAD,Hongqi,,Unit,"Two-line',  # 22
        'address",91,0',  # 23
        "P17,X,MAIN_ROAD,Hongqi,,Unit,,0,0",  # 24
    ]
    path = write(tmp_path / "bad.csv", "\n".join(lines) + "\n")
    error = refused(store, path)
    assert error.details == [
        "line 3: name is missing",
        'line 4: type "菜场" is unknown',
        "line 7: latitude 123.4 is outside -90..90",
        'line 9: latitude "abc" is not a number',
        "line 10: latitude is given without longitude",
        "line 11: longitude is given without latitude",
        "line 12: longitude -200.5 is outside -180..180",
        'line 13: code "P1" repeats line 2',
        "line 14: district is missing",
        "line 15: unit is missing",
        "line 16: code is missing",
        "line 17: name is too long (201 characters; at most 200)",
        'line 18: latitude "nan" is not a number; longitude "inf" is not a number',
        "line 19: latitude -90.5 is outside -90..90",
        "line 22: latitude 91 is outside -90..90",  # where the row starts
    ]
    assert "15 rows are bad" in error.message
    assert "bad.csv" in error.message


def test_one_bad_row_among_good_ones_imports_nothing(seeded: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "update.csv",
        HEADER
        + "S1,Renamed,MAIN_ROAD,红旗区,,Other unit,,,\n"  # would update
        + "N1,New,MAIN_ROAD,红旗区,,Unit,,,\n"  # would add
        + "N2,Bad,NO_SUCH_TYPE,红旗区,,Unit,,,\n",
    )
    error = refused(seeded, path)
    assert error.details == ['line 4: type "NO_SUCH_TYPE" is unknown']
    assert "1 row is bad" in error.message
    assert get_point(seeded, "S1").name == "人民路"
    with pytest.raises(NotFoundError):
        get_point(seeded, "N1")


def test_crlf_line_ends_count_once(store: Store, tmp_path: Path) -> None:
    text = HEADER + "P1,A,MAIN_ROAD,H,,U,,,\n" + "P2,B,MAIN_ROAD,H,,U,,95,10\n"
    error = refused(store, write(tmp_path / "crlf.csv", text.replace("\n", "\r\n")))
    assert error.details == ["line 3: latitude 95 is outside -90..90"]


# --- bad files ------------------------------------------------------------------------------------


def test_missing_required_column_is_named(seeded: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "nodistrict.csv", "code,name,type,unit\nP1,A,MAIN_ROAD,Unit\n")
    error = refused(seeded, path)
    assert '"district"' in error.message
    assert "missing" in error.message


def test_latitude_column_without_longitude_column(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "lat.csv", "code,name,type,district,unit,纬度\nP1,A,MAIN_ROAD,H,U,30\n")
    assert '"longitude"' in refused(store, path).message


def test_repeated_column_is_refused(store: Store, tmp_path: Path) -> None:
    text = "code,编号,name,type,district,unit\nP1,P2,A,MAIN_ROAD,H,U\n"
    assert "twice" in refused(store, write(tmp_path / "twice.csv", text)).message


def test_garbage_bytes_are_refused(seeded: Store, tmp_path: Path) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(bytes(range(256)) * 40)
    assert "CSV" in refused(seeded, path).message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_text_is_refused(store: Store, tmp_path: Path, encoding: str) -> None:
    # without a BOM, UTF-16 of plain ASCII is valid UTF-8 full of NUL characters
    path = write(tmp_path / "u16.csv", HEADER + "P1,A,MAIN_ROAD,H,,U,,,\n", encoding=encoding)
    assert "UTF-8 or GBK" in refused(store, path).message


def test_xlsx_renamed_to_csv_is_refused(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["code", "name", "type", "district", "unit"])
    book.save(tmp_path / "book.xlsx")
    path = tmp_path / "book.csv"
    path.write_bytes((tmp_path / "book.xlsx").read_bytes())
    refused(store, path)


def test_broken_xlsx_is_refused(seeded: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["code", "name", "type", "district", "unit"])
    book.active.append(["P1", "A", "MAIN_ROAD", "H", "U"])
    good = tmp_path / "good.xlsx"
    book.save(good)
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "XLSX" in refused(seeded, truncated).message

    not_zip = tmp_path / "garbage.xlsx"
    not_zip.write_bytes(bytes(range(256)) * 10)
    assert "XLSX" in refused(seeded, not_zip).message

    other_zip = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert "XLSX" in refused(seeded, other_zip).message

    csv_named_xlsx = write(tmp_path / "text.xlsx", HEADER + "P1,A,MAIN_ROAD,H,,U,,,\n")
    refused(seeded, csv_named_xlsx)


def test_xlsx_that_unpacks_too_large_is_refused(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = openpyxl.Workbook()
    book.active.append(["code", "name", "type", "district", "unit"])
    book.active.append(["P1", "A", "MAIN_ROAD", "H", "U"])
    path = tmp_path / "bomb.xlsx"
    book.save(path)
    monkeypatch.setattr(points, "MAX_XLSX_UNPACKED", 1000)
    assert "unpacks to" in refused(store, path).message


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("empty.csv", b"", "empty"),
        ("bom-only.csv", b"\xef\xbb\xbf", "empty"),
        ("blank-lines.csv", b"\n \n,,,\n\t\n", "empty"),
        ("header-only.csv", HEADER.encode(), "no points"),
        ("empty.xlsx", b"", "empty"),
    ],
)
def test_empty_files_are_refused(
    seeded: Store, tmp_path: Path, name: str, content: bytes, why: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert why in refused(seeded, path).message


def test_empty_workbook_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    assert "empty" in refused(store, path).message


@pytest.mark.parametrize("name", ["points.txt", "points.xls", "points"])
def test_unknown_extension_is_refused(store: Store, tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, HEADER + "P1,A,MAIN_ROAD,H,,U,,,\n")
    assert ".csv or .xlsx" in refused(store, path).message


def test_missing_file_is_refused(store: Store, tmp_path: Path) -> None:
    refused(store, tmp_path / "nowhere.csv")


def test_file_over_50_mb_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:
        f.write(HEADER.encode())
        f.truncate(50 * 1024 * 1024 + 1)  # sparse: no need to write 50 MB
    assert "50 MB" in refused(store, path).message


def test_more_than_100000_rows_is_refused(store: Store, tmp_path: Path) -> None:
    body = "".join(f"P{i},A,MAIN_ROAD,H,,U,,,\n" for i in range(points.MAX_ROWS + 1))
    path = write(tmp_path / "many.csv", HEADER + body)
    assert "100,000" in refused(store, path).message


# --- re-import and queries -----------------------------------------------------------------------


def test_reimport_updates_by_code(seeded: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "again.csv",
        HEADER
        + "S1,人民路北段,BUS_STOP,卫滨区,西街街道,卫滨区交通局,人民路99号,,\n"  # all changed
        + "S2,东关菜市场,FARMERS_MARKET,卫滨区,,卫滨区市场监管局,,,\n"  # same as before
        + "S3,新点位,MALL,牧野区,,牧野区商务局,,35.2,113.8\n",  # new
    )
    assert import_points_file(seeded, path) == PointsImportResult(added=1, updated=1, unchanged=1)
    s1 = get_point(seeded, "S1")
    assert s1.to_json() == {
        "code": "S1",
        "name": "人民路北段",
        "type": "BUS_STOP",
        "district": "卫滨区",
        "street": "西街街道",
        "unit": "卫滨区交通局",
        "address": "人民路99号",
        "latitude": None,
        "longitude": None,
    }
    assert len(list_points(seeded)) == 3
    # the same file again changes nothing
    assert import_points_file(seeded, path) == PointsImportResult(0, 0, 3)


def test_list_is_ordered_by_district_then_code(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "order.csv",
        HEADER
        + "B2,x,MAIN_ROAD,B-district,,U,,,\n"
        + "A9,x,MAIN_ROAD,A-district,,U,,,\n"
        + "B1,x,MAIN_ROAD,B-district,,U,,,\n"
        + "A1,x,MAIN_ROAD,A-district,,U,,,\n",
    )
    import_points_file(store, path)
    assert [p.code for p in list_points(store)] == ["A1", "A9", "B1", "B2"]


def test_filters_by_district_and_type_by_code_chinese_or_english(
    store: Store, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "mix.csv",
        HEADER
        + "M1,东关菜市场,FARMERS_MARKET,红旗区,,U,,,\n"
        + "M2,西关菜市场,FARMERS_MARKET,卫滨区,,U,,,\n"
        + "R1,人民路,MAIN_ROAD,红旗区,,U,,,\n"
        + "B1,公交站,BUS_STOP,红旗区,,U,,,\n",
    )
    import_points_file(store, path)

    assert [p.code for p in list_points(store, district="红旗区")] == ["B1", "M1", "R1"]
    for spelling in ("FARMERS_MARKET", "farmers_market", MARKET_ZH, MARKET_EN, MARKET_EN.upper()):
        assert [p.code for p in list_points(store, type=spelling)] == ["M2", "M1"], spelling
    assert [p.code for p in list_points(store, type="主次干道")] == ["R1"]
    assert [
        p.code for p in list_points(store, district="红旗区", type="Bus stop (and bus ride)")
    ] == ["B1"]
    assert list_points(store, district="牧野区") == []
    assert list_points(store, type="HOSPITAL") == []
    with pytest.raises(InputError, match="unknown"):
        list_points(store, type="菜场")


def test_get_point_unknown_code(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no point with code NOPE"):
        get_point(store, "NOPE")


def test_parse_points_file_checks_without_storing(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", HEADER + "P1,A,主次干道,H,,U,,1.5,2.5\n")
    with store.read() as s:
        rows = points.parse_points_file(s, path)
    assert [(r.line, r.code, r.type_code, r.latitude) for r in rows] == [
        (2, "P1", "MAIN_ROAD", 1.5)
    ]
    assert list_points(store) == []
