"""A throwaway PostgreSQL server for the tests, and the fixtures that put a store on it.

The server is Debian's PostgreSQL (``/usr/lib/postgresql/<version>/bin``; or the folder
named by INSPECTOR_PG_BIN, or initdb on the PATH), never the machine's own cluster or
service: ``initdb`` makes a cluster in a fresh temporary folder, ``pg_ctl`` starts it on a
free loopback port (fsync on, as for evidence; small shared buffers; trust authentication
on 127.0.0.1 only; its Unix socket inside the temporary folder) and everything is stopped
and removed when the session ends. PostgreSQL refuses to run as root, so under root the
cluster belongs to the ``postgres`` user that Debian's package makes, run through
``runuser``. Without the tools the tests that need the server are skipped with the reason
(a failure under INSPECTOR_STRICT_TESTS=1, as with ``require_tool``).

Fixtures:

- ``pg_server`` (session): the running server, a :class:`PgServer` with ``host``,
  ``port``, ``user``, ``bin_dir``, ``url(dbname)``, ``stop()`` and ``start()`` (to take
  the server away in the middle of a test and bring it back: data and port kept),
  ``create_database(template=None)``, ``drop_database(name)`` and ``execute(sql)`` (as
  the superuser, on the ``postgres`` database).
- ``pg_url`` (function): the URL of a fresh, empty database (no schema: ``open_store``
  creates and stamps it); dropped after the test.
- ``pg_store_url`` (function): the URL of a fresh database already at the program's
  schema with the built-in catalogues (a copy of a template migrated once per session),
  so opening it costs what opening a SQLite store costs; dropped after the test.
- ``database_url`` (function, parametrised ``sqlite`` / ``postgresql``): None for a
  SQLite store in the data folder, else a ``pg_store_url``. The ``store`` fixture
  (tests/conftest.py), the ``centre`` fixture (tests/bundles.py) and the CLI tests'
  ``cli`` runner (tests/cli/conftest.py, ``--database``) take it, so every test built on
  them runs on both backends. Tests about SQLite itself carry ``@pytest.mark.sqlite_only``
  and run once, on SQLite.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

STRICT = os.environ.get("INSPECTOR_STRICT_TESTS") == "1"
SUPERUSER = "inspector_test"
#: the session's template: migrated to the program's schema once, copied for each test
TEMPLATE_DB = "inspector_template"
BACKENDS = ("sqlite", "postgresql")
#: test folders whose store-using tests run on SQLite alone
SQLITE_DIRS = ("ui", "bench")


def find_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl: INSPECTOR_PG_BIN, Debian's newest version,
    or the PATH."""
    explicit = os.environ.get("INSPECTOR_PG_BIN")
    if explicit:
        return Path(explicit) if (Path(explicit) / "initdb").exists() else None
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _unavailable(reason: str) -> None:
    message = f"needs a PostgreSQL server: {reason}"
    if STRICT:
        pytest.fail(message + " (INSPECTOR_STRICT_TESTS=1 makes this a failure)")
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One PostgreSQL cluster in a temporary folder, listening on 127.0.0.1:`port`."""

    host = "127.0.0.1"
    user = SUPERUSER

    def __init__(self, bin_dir: Path, root: Path, run_as: str | None) -> None:
        self.bin_dir = bin_dir
        self.root = root
        self.data = root / "data"
        self.log = root / "server.log"
        self.run_as = run_as
        self.port = _free_port()
        self._names = itertools.count(1)

    # --- the cluster -------------------------------------------------------------------

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.run_as is not None:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)

    def init(self) -> None:
        result = self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            # byte order, like SQLite's BINARY collation (docs/COMMAND-CENTRE.md asks the
            # same of a production database)
            "--locale=C",
            "--no-instructions",
        )
        if result.returncode != 0:
            raise RuntimeError(f"initdb failed: {result.stderr.strip() or result.stdout}")
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.root}'",
            # the evidence store's own guarantee: commits reach the disk
            "fsync": "on",
            "synchronous_commit": "on",
            "shared_buffers": "16MB",
            "max_connections": "200",
            "logging_collector": "off",
        }
        with (self.data / "postgresql.auto.conf").open("a", encoding="utf-8") as conf:
            for name, value in settings.items():
                conf.write(f"{name} = {value}\n")
        # only loopback TCP and the socket in our own folder, no password
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\nhost all all 127.0.0.1/32 trust\n", encoding="utf-8"
        )

    def start(self) -> None:
        """Start (or start again after `stop()`) and wait until it accepts connections."""
        result = self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
            "-t", "60", "start",
        )  # fmt: skip
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {result.stderr.strip()}\n{log}")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` rolls back open transactions and closes connections,
        `immediate` stops as a crash would (recovery at the next start)."""
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    # --- databases -------------------------------------------------------------------

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"

    def execute(self, sql: str) -> None:
        """Run one statement as the superuser on the `postgres` database (autocommit)."""
        import psycopg

        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, template: str | None = None) -> str:
        name = f"t_{os.getpid()}_{next(self._names)}"
        source = template or "template0"
        # WAL_LOG copies a small template page by page through the WAL; FILE_COPY would
        # checkpoint the whole cluster (with fsync on) for every test
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}" STRATEGY WAL_LOG')
        return name

    def drop_database(self, name: str) -> None:
        # FORCE: a store a test left open must not keep the database alive
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _start_server(root: Path) -> PgServer:
    bin_dir = find_bin_dir()
    if bin_dir is None or not (bin_dir / "pg_ctl").exists():
        _unavailable("initdb and pg_ctl were not found (apt-get install postgresql)")
        raise AssertionError  # unreachable: skip or fail raised
    run_as = None
    if os.geteuid() == 0:
        # PostgreSQL will not run as root: the folder goes to the postgres user
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root and there is no 'postgres' user to run it as")
            raise AssertionError from None
        if shutil.which("runuser") is None:
            _unavailable("running as root without 'runuser' to run it as 'postgres'")
        os.chown(root, owner.pw_uid, owner.pw_gid)
        run_as = "postgres"
    server = PgServer(bin_dir, root, run_as)
    server.init()
    for attempt in range(3):
        try:
            server.start()
            return server
        except RuntimeError:
            # the free port was taken between choosing and binding it: choose again
            if attempt == 2:
                raise
            server.port = _free_port()
            with (server.data / "postgresql.auto.conf").open("a", encoding="utf-8") as conf:
                conf.write(f"port = {server.port}\n")
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's PostgreSQL server, with a template database at the program's schema."""
    # not under pytest's tmp folder: that one is private to root, the server runs as postgres
    root = Path(tempfile.mkdtemp(prefix="inspector-pg-"))
    server: PgServer | None = None
    try:
        server = _start_server(root)
        _make_template(server)
        yield server
    finally:
        if server is not None:
            server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


def _make_template(server: PgServer) -> None:
    from inspector_app.core.store import open_store

    server.execute(f'CREATE DATABASE "{TEMPLATE_DB}" TEMPLATE template0')
    with tempfile.TemporaryDirectory(prefix="inspector-pg-template-") as folder:
        store = open_store(folder, url=server.url(TEMPLATE_DB), actor="template")
        store.close()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh empty database (no schema yet)."""
    name = pg_server.create_database()
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def pg_store_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh database at the program's schema, built-in catalogues in."""
    name = pg_server.create_database(TEMPLATE_DB)
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop_database(name)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that (through its fixtures) opens a store runs once per backend; a test
    marked sqlite_only once, on SQLite. INSPECTOR_TEST_BACKENDS=sqlite narrows a quick
    local run."""
    if "backend" not in metafunc.fixturenames:
        return
    chosen = os.environ.get("INSPECTOR_TEST_BACKENDS")
    backends = [b for b in BACKENDS if chosen is None or b in chosen.split(",")]
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        backends = ["sqlite"]
    elif metafunc.definition.path.parent.name in SQLITE_DIRS:
        # the window's tests and the benchmarks stay on SQLite (a bench that compares
        # the backends asks for pg_store_url itself)
        backends = ["sqlite"]
    metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The store's backend for this run of the test: "sqlite" or "postgresql"."""
    name: str = getattr(request, "param", "sqlite")
    return name


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest) -> str | None:
    """None for SQLite in the data folder, or a fresh PostgreSQL database's URL."""
    if backend == "sqlite":
        return None
    url: str = request.getfixturevalue("pg_store_url")
    return url
