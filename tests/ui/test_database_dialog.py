"""Centre ▸ Database…: the URL saved in the data folder (masked when shown, kept when left
masked), a refused URL saves nothing, the connection tested on a worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.core.location import ConnectionSettings, read_connection, write_connection
from inspector_app.ui.tasks import TaskRunner

pytest.importorskip("pytestqt")


def _dialog(qtbot, folder: Path):  # type: ignore[no-untyped-def]
    from inspector_app.ui.database_dialog import DatabaseDialog

    runner = TaskRunner()
    d = DatabaseDialog(folder, runner, "sqlite+pysqlite:///x.db")
    qtbot.addWidget(d)
    d.show()
    return d, runner


def test_the_password_is_masked_and_kept_when_left_alone(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_connection(tmp_path, ConnectionSettings("postgresql://zhao:s3cret@db/insp", None))
    d, _runner = _dialog(qtbot, tmp_path)
    assert d.url.text() == "postgresql+psycopg://zhao:***@db/insp"
    d.photos.setText(str(tmp_path / "share"))
    d.save()
    saved = read_connection(tmp_path)
    assert saved.database_url == "postgresql+psycopg://zhao:s3cret@db/insp"
    assert saved.photos_dir == str(tmp_path / "share")


def test_a_bad_url_is_refused_and_nothing_is_saved(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d, _runner = _dialog(qtbot, tmp_path)
    d.url.setText("mysql://root:s3cret@db/x")
    d.save()
    assert d.isVisible() and "mysql://root:***@db/x" in d.status_label.text()
    assert "s3cret" not in d.status_label.text()
    assert not (tmp_path / "connection.json").exists()


def test_test_connection_runs_on_a_worker_and_says_what_it_found(
    qtbot, tmp_path: Path, pg_url: str
) -> None:  # type: ignore[no-untyped-def]
    d, runner = _dialog(qtbot, tmp_path)
    d.url.setText("postgresql+psycopg://nobody:s3cret@127.0.0.1:1/none")
    d.test_connection()
    assert not d.test_button.isEnabled()  # the UI thread did not wait for it
    qtbot.waitUntil(d.tested.is_set, timeout=20_000)
    assert "cannot open the database" in d.status_label.text()
    assert "s3cret" not in d.status_label.text()
    d.tested.clear()
    d.url.setText(pg_url)
    d.test_connection()
    qtbot.waitUntil(d.tested.is_set, timeout=20_000)
    assert d.status_label.text() == "Connected: an empty database, made ready at the next start."
    runner.wait()
