"""Property: flipping or cutting bytes of a valid bundle never crashes verification and
is never accepted, unless the bytes are in fact unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.core import inspections as svc
from inspector_app.core import keyring, keys
from inspector_app.core.bundle.importer import check_files
from inspector_app.core.bundle.writer import export_bundles
from inspector_app.core.points import import_points_file
from inspector_app.core.store import Store, open_store
from tests.factories import make_jpeg, write_points_csv


@dataclass
class Setup:
    centre: Store
    original: bytes
    work: Path


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    root = tmp_path_factory.mktemp("fuzz")
    laptop = open_store(root / "laptop")
    import_points_file(laptop, write_points_csv(root))
    keys.create_local_key(laptop, name="王五", code="T03", passphrase="pass phrase")
    insp = svc.start_inspection(laptop, "MR-T1")
    item = next(i for i in svc.get_inspection(laptop, insp.id).items if i.needs_photo)
    shot = make_jpeg(root / "a.jpg", size=(64, 48))
    svc.record_finding(laptop, insp.id, item.code, "problem", count=1, photos=[shot])
    svc.finalise_inspection(laptop, insp.id)
    out = root / "out"
    out.mkdir()
    bundle = export_bundles(
        laptop, inspection_ids=[insp.id], out_dir=out, passphrase="pass phrase"
    )[0]
    centre = open_store(root / "centre")
    keyring.enroll(centre, keys.export_public(laptop).to_file(), name="王五", code="T03")
    work = root / "work"
    work.mkdir()
    yield Setup(centre, bundle.path.read_bytes(), work)
    laptop.close()
    centre.close()


def _verdict(s: Setup, data: bytes) -> str:
    path = s.work / "candidate.zip"
    path.write_bytes(data)
    report = check_files(s.centre, [path])[0]
    assert report.verdict in {"OK", "REJECTED"}
    if report.verdict == "REJECTED":
        assert report.reason
    return report.verdict


def test_original_is_accepted(setup: Setup) -> None:
    assert _verdict(setup, setup.original) == "OK"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_flipped_bytes_are_never_accepted(setup: Setup, data: st.DataObject) -> None:
    raw = bytearray(setup.original)
    flips = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(raw) - 1), st.integers(1, 255)), min_size=1, max_size=4
        )
    )
    for at, mask in flips:
        raw[at] ^= mask
    verdict = _verdict(setup, bytes(raw))
    assert verdict == "REJECTED" or bytes(raw) == setup.original


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(0, 10**9))
def test_truncated_bundles_are_never_accepted(setup: Setup, cut: int) -> None:
    size = cut % len(setup.original)
    assert _verdict(setup, setup.original[:size]) == "REJECTED"
