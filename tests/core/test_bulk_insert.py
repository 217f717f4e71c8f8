"""`db.bulk.insert_rows` stores exactly what SQLAlchemy Core's insert stores."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import insert, select

from inspector_app.core.db.bulk import insert_rows
from inspector_app.core.db.models import Bundle
from inspector_app.core.store import Store

BEIJING = timezone(timedelta(hours=8))


def _row(n: int, **extra: object) -> dict[str, object]:
    return {
        "id": f"00000000-0000-4000-8000-00000000000{n}",
        "direction": "import",
        "key_id": "ABCDEF0123456789",
        "export_sequence": n,
        "content_sha256": "ab" * 32,
        "size_bytes": 2_000_000,
        "file_name": "周一的包.zip",
        "created_at": datetime(2026, 11, 26, 9, 30, 15, 123456, tzinfo=BEIJING),
        **extra,
    }


def _read(store: Store) -> dict[int, tuple[object, ...]]:
    with store.read() as s:
        return {
            b.export_sequence: (
                b.direction,
                b.key_id,
                b.content_sha256,
                b.size_bytes,
                b.file_name,
                b.encrypted,
                b.created_at,
                b.recorded_by,
            )
            for b in s.scalars(select(Bundle))
        }


def test_rows_read_back_as_core_would_store_them(store: Store) -> None:
    with store.write() as s:
        s.connection().execute(insert(Bundle), [_row(1, encrypted=True, recorded_by="张三")])
        insert_rows(s, Bundle, [_row(2, encrypted=True, recorded_by="张三")])
    rows = _read(store)
    assert rows[1] == rows[2]  # the same values, however they went in
    assert rows[2][6] == datetime(2026, 11, 26, 1, 30, 15, 123456, tzinfo=UTC)


def test_columns_left_out_get_their_defaults_row_by_row(store: Store) -> None:
    before = datetime.now(UTC)
    with store.write() as s:
        insert_rows(s, Bundle, [_row(3), _row(4)])  # encrypted, recorded_* left out
    with store.read() as s:
        found = list(s.scalars(select(Bundle).order_by(Bundle.export_sequence)))
    assert [(b.encrypted, b.recorded_by) for b in found] == [(False, ""), (False, "")]
    assert all(b.recorded_at >= before.replace(microsecond=0) for b in found)


def test_no_rows_is_no_statement(store: Store) -> None:
    with store.write() as s:
        insert_rows(s, Bundle, [])
    assert _read(store) == {}
