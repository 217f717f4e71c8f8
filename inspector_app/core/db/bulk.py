"""Many rows into one table with one executemany, without the SQL layer's per-row work.

An import puts tens of thousands of rows in at once. SQLAlchemy Core's executemany turns
every row's dict into its parameters through the compiled statement (defaults, type
processing, key lookups), which costs about as much as the database's own insert. Here
the statement is written once per table and columns, each column's type processing is
taken from the dialect once (the very conversion Core would apply, so what is stored is
the same), and the rows go to the driver as tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session

_Plan = tuple[str, tuple[Callable[[Any], Any] | None, ...]]
_plans: dict[tuple[str, str, tuple[str, ...]], _Plan] = {}


def _plan(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> _Plan:
    key = (dialect.name, table.name, columns)
    found = _plans.get(key)
    if found is None:
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        quote = dialect.identifier_preparer.quote
        sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join(mark for _ in columns)})"
        )
        processors = tuple(table.c[c].type.bind_processor(dialect) for c in columns)
        found = _plans[key] = (sql, processors)
    return found


def _defaults(table: Table, given: tuple[str, ...]) -> list[tuple[str, Callable[[], Any]]]:
    """The columns the rows leave out that have a Python-side default, with a maker of
    their value (made afresh for each row, as Core does: a new id, the time now)."""
    out: list[tuple[str, Callable[[], Any]]] = []
    for column in table.columns:
        default = column.default
        if column.name in given or default is None:
            continue
        arg: Any = getattr(default, "arg", None)
        if default.is_callable:
            out.append((column.name, partial(arg, None)))  # Core's wrapper takes a context
        elif default.is_scalar:
            out.append((column.name, partial(_same, arg)))
    return out


def _same(value: Any) -> Any:
    return value


def insert_rows(session: Session, model: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys) into `model`'s table in the session's
    transaction; columns left out get their Python-side defaults, as with Core."""
    if not rows:
        return
    conn: Connection = session.connection()
    table: Table = model.__table__
    given = tuple(rows[0])
    defaults = _defaults(table, given)
    columns = given + tuple(name for name, _make in defaults)
    sql, processors = _plan(conn.dialect, table, columns)
    converted = [(c, p) for c, p in zip(columns, processors, strict=True) if p is not None]
    params = []
    for row in rows:
        values = dict(row)
        for name, make in defaults:
            values[name] = make()
        for name, process in converted:
            values[name] = process(values[name])
        params.append(tuple(values[c] for c in columns))
    conn.exec_driver_sql(sql, params)


__all__ = ["insert_rows"]
