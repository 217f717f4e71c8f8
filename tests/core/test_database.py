"""The database behind a store: URLs, PostgreSQL's schema and writers' lock, db status/upgrade,
the photos folder of a shared store."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import DBAPIError

from inspector_app.cli.main import run
from inspector_app.core.db import migrate
from inspector_app.core.db.engine import WRITER_LOCK_KEY, make_engine
from inspector_app.core.errors import InputError, StoreError
from inspector_app.core.location import (
    ENV_DATABASE_URL,
    ConnectionSettings,
    DatabaseUrlError,
    check_database_url,
    mask_url,
    read_connection,
    resolve_location,
    write_connection,
)
from inspector_app.core.paths import DataPaths
from inspector_app.core.photos import ingest_photo
from inspector_app.core.store import open_store
from tests.factories import make_jpeg
from tests.pg import PgServer

FIRST = "0001"


# --- URLs ----------------------------------------------------------------------------------


def test_urls_are_checked_and_their_passwords_never_shown() -> None:
    assert check_database_url("postgresql://u:pw@h/db") == "postgresql+psycopg://u:pw@h/db"
    assert check_database_url(" postgresql+psycopg://u@h:5433/db ") == (
        "postgresql+psycopg://u@h:5433/db"
    )
    assert check_database_url("sqlite:////tmp/x.db") == "sqlite+pysqlite:////tmp/x.db"
    for bad in ("mysql://u:s3cret@h/db", "postgresql+psycopg2://u:s3cret@h/db", "nonsense"):
        with pytest.raises(DatabaseUrlError) as err:
            check_database_url(bad)
        assert "s3cret" not in err.value.message
    with pytest.raises(DatabaseUrlError, match="names no database"):
        check_database_url("postgresql://u:s3cret@h")
    with pytest.raises(DatabaseUrlError, match="must name a file"):
        check_database_url("sqlite://")
    assert mask_url("postgresql+psycopg://u:s3cret@h/db") == "postgresql+psycopg://u:***@h/db"


def test_the_option_wins_over_the_variable_which_wins_over_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    write_connection(folder, ConnectionSettings("postgresql://f@h/saved", str(tmp_path / "p")))
    assert (folder / "connection.json").stat().st_mode & 0o777 == 0o600
    assert read_connection(folder).database_url == "postgresql+psycopg://f@h/saved"
    assert resolve_location(folder).database_url == "postgresql+psycopg://f@h/saved"
    assert resolve_location(folder).photos_dir == (tmp_path / "p").resolve()
    monkeypatch.setenv(ENV_DATABASE_URL, "postgresql://e@h/env")
    assert resolve_location(folder).database_url == "postgresql+psycopg://e@h/env"
    chosen = resolve_location(folder, database="postgresql://o@h/opt")
    assert chosen.database_url == "postgresql+psycopg://o@h/opt"
    (folder / "connection.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(InputError, match="not a JSON object"):
        read_connection(folder)


def test_a_bad_url_is_a_misuse_and_keeps_its_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for where in ("before", "after"):
        opt = ["--database", "mysql://root:s3cret@db/x"]
        args = [*opt, "db", "status"] if where == "before" else ["db", "status", *opt]
        with pytest.raises(SystemExit) as exit_:
            run(["--data-dir", str(tmp_path / "d"), *args])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("error: ") and "s3cret" not in err
        assert "mysql://root:***@db/x" in err
    assert not (tmp_path / "d" / "inspector.db").exists()


def test_an_unreachable_server_is_one_line_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql+psycopg://who:s3cret@127.0.0.1:1/nowhere"
    code = run(["--data-dir", str(tmp_path), "--database", url, "points", "list"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error: cannot open the database ")
    assert "who:***@127.0.0.1:1/nowhere" in err and "s3cret" not in err
    assert err.count("\n") == 1


# --- PostgreSQL: schema, migrations, status and upgrade -------------------------------------


def test_a_new_database_is_made_on_first_open_and_no_sqlite_file(
    pg_url: str, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "data", url=pg_url)
    try:
        assert store.backend == "postgresql"
        assert migrate.current_revision(store.engine) == migrate.HEAD
        assert not (tmp_path / "data" / "inspector.db").exists()
        assert (tmp_path / "data" / "photos").is_dir()
    finally:
        store.close()


def test_two_programs_opening_a_new_database_at_once_make_it_once(
    pg_url: str, tmp_path: Path
) -> None:
    errors: list[BaseException] = []

    def opener(n: int) -> None:
        try:
            open_store(tmp_path / f"d{n}", url=pg_url).close()
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=opener, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM catalogue_versions")).scalar() == 1
    engine.dispose()


def test_the_migrations_run_unchanged_on_postgresql_and_match_the_models(
    pg_url: str, pg_server: PgServer
) -> None:
    engine = make_engine(pg_url)
    try:
        command.upgrade(migrate.alembic_config(engine), FIRST)
        command.upgrade(migrate.alembic_config(engine), "head")
        assert migrate.current_revision(engine) == migrate.head_revision()
        migrated = _schema(engine)
    finally:
        engine.dispose()
    fresh_name = pg_server.create_database()
    fresh = make_engine(pg_server.url(fresh_name))
    try:
        migrate.Base.metadata.create_all(fresh)
        assert _schema(fresh) == migrated
    finally:
        fresh.dispose()
        pg_server.drop_database(fresh_name)


def _schema(engine: object) -> dict[str, object]:
    """Tables, columns (type, nullability), indexes and constraints, by name."""
    insp = inspect(engine)
    out: dict[str, object] = {}
    for table in sorted(insp.get_table_names()):
        if table == "alembic_version":
            continue
        out[table] = {
            # by name: a column added by a later revision comes last in its table
            "columns": sorted(
                (c["name"], str(c["type"]), getattr(c["type"], "timezone", None), c["nullable"])
                for c in insp.get_columns(table)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"])) for i in insp.get_indexes(table)
            ),
            "unique": sorted(u["name"] for u in insp.get_unique_constraints(table)),
            "fks": sorted(f["name"] for f in insp.get_foreign_keys(table)),
            "checks": sorted(c["name"] for c in insp.get_check_constraints(table)),
            "pk": insp.get_pk_constraint(table)["name"],
        }
    return out


def test_an_older_schema_is_refused_until_db_upgrade(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(pg_url)
    command.upgrade(migrate.alembic_config(engine), FIRST)
    engine.dispose()
    with pytest.raises(StoreError, match="inspector-app db upgrade"):
        open_store(tmp_path, url=pg_url)
    base = ["--data-dir", str(tmp_path), "--database", pg_url]
    assert run([*base, "db", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["backend"] == "postgresql" and status["revision"] == FIRST
    assert status["state"] == "older" and status["needs_upgrade"] is True
    assert status["head"] == migrate.HEAD
    assert run(["db", "upgrade", *base]) == 0
    out = capsys.readouterr().out
    assert f"{FIRST} → {migrate.HEAD}" in out
    assert run([*base, "db", "upgrade"]) == 0
    assert "nothing to do" in capsys.readouterr().out
    open_store(tmp_path, url=pg_url).close()


def test_a_newer_or_foreign_database_is_refused_and_left_alone(pg_url: str, tmp_path: Path) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('9001')"))
    with pytest.raises(StoreError, match="newer version"):
        open_store(tmp_path, url=pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(text("CREATE TABLE theirs (x INTEGER)"))
    with pytest.raises(StoreError, match="not made by Inspector"):
        open_store(tmp_path, url=pg_url)
    assert inspect(engine).get_table_names() == ["theirs"]
    engine.dispose()


def test_db_status_on_sqlite_reads_without_making_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(tmp_path / "d")]
    assert run([*base, "db", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == "empty"
    assert not (tmp_path / "d" / "inspector.db").exists()
    assert run([*base, "db", "upgrade"]) == 0
    assert f"made the schema {migrate.HEAD}" in capsys.readouterr().out
    assert run([*base, "db", "status"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("database:  sqlite") and "up to date" in out


# --- PostgreSQL: writers take turns, readers do not wait -------------------------------------


def test_writers_take_turns_and_readers_do_not_wait(pg_store_url: str, tmp_path: Path) -> None:
    a = open_store(tmp_path / "a", url=pg_store_url)
    b = open_store(tmp_path / "b", url=pg_store_url)
    try:
        entered = threading.Event()
        order: list[str] = []

        def second_writer() -> None:
            entered.wait()
            with b.write() as s:
                s.execute(text("SELECT 1"))  # its first statement waits for the lock
                order.append("b")

        t = threading.Thread(target=second_writer)
        with a.write() as s:
            held = s.execute(
                text(
                    "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks WHERE "
                    "locktype = 'advisory' AND granted AND pid = pg_backend_pid()"
                )
            ).scalars()
            assert list(held) == [WRITER_LOCK_KEY]  # the writer holds the store's lock
            t.start()
            entered.set()
            time.sleep(0.3)  # b is now waiting for the lock a holds
            with b.read() as r:  # a reader is not blocked by the writer
                assert r.execute(text("SELECT 1")).scalar() == 1
            order.append("a")
        t.join(10)
        assert order == ["a", "b"]
        with pytest.raises(DBAPIError, match="read-only"), b.read() as r:
            r.execute(text("INSERT INTO settings (name, value) VALUES ('x', 'y')"))
    finally:
        a.close()
        b.close()


# --- the photos folder of a shared store -----------------------------------------------------


def test_originals_go_to_the_photos_folder_through_its_own_temp_folder(tmp_path: Path) -> None:
    share = tmp_path / "share"
    paths = DataPaths(tmp_path / "data", share)
    paths.ensure()
    photo = make_jpeg(tmp_path / "cam" / "a.jpg")
    first = ingest_photo(paths, photo)
    second = ingest_photo(paths, photo)  # a second writer of the same bytes: harmless
    assert first.sha256 == second.sha256
    assert (share / first.sha256[:2] / first.sha256).read_bytes() == photo.read_bytes()
    assert list((share / ".tmp").iterdir()) == []
    assert (tmp_path / "data" / "thumbnails" / first.sha256[:2]).is_dir()
    assert not (tmp_path / "data" / "photos").exists()


def test_the_photos_folder_option_reaches_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    share = tmp_path / "share"
    assert run(["--data-dir", str(tmp_path / "d"), "db", "status", "--photos-dir", str(share)]) == 0
    assert f"photos:    {share.resolve()}" in capsys.readouterr().out
