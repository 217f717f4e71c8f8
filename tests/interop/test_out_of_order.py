"""Bundles arrive in any order (USB sticks, shared folders): all import, and the keyring
reports the sequence numbers not yet received (DESIGN §5)."""

from __future__ import annotations

import random
from pathlib import Path

from inspector_app.cli.main import run
from inspector_app.core.bundle.importer import IMPORTED, import_files
from inspector_app.core.keyring import list_keys
from tests.bundles import (
    enroll_laptop,
    entries,
    export,
    make_centre,
    make_final,
    make_laptop,
)

POINTS = ("FM-T1", "MR-T1", "BS-T1", "CO-T1", "FM-T1")


def test_five_bundles_in_shuffled_order(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    laptop = make_laptop(tmp_path)
    centre = make_centre(tmp_path)
    try:
        enroll_laptop(centre, laptop)
        ids: list[str] = []
        bundles: list[Path] = []
        for n, point in enumerate(POINTS, start=1):
            ids.append(make_final(laptop, point))
            [path] = export(laptop, [ids[-1]], tmp_path / f"stick{n}")
            bundles.append(path)

        withheld = bundles[3]  # sequence 4 stays in someone's pocket
        arriving = [b for b in bundles if b != withheld]
        random.Random(20261126).shuffle(arriving)
        assert arriving != sorted(arriving, key=bundles.index)
        reports = import_files(centre, arriving)
        assert [r.verdict for r in reports] == [IMPORTED] * 4
        assert sorted(r.sequence or 0 for r in reports) == [1, 2, 3, 5]

        [key] = list_keys(centre)
        assert key.received == (1, 2, 3, 5) and key.missing == (4,)
        assert key.last_export_sequence == 5
        capsys.readouterr()
        assert run(["--data-dir", str(centre.paths.root), "keyring", "list"]) == 0
        assert "missing: 4" in capsys.readouterr().out

        # the late one arrives: nothing missing any more, all five as they were exported
        [late] = import_files(centre, [withheld])
        assert late.verdict == IMPORTED and late.sequence == 4
        [key] = list_keys(centre)
        assert key.missing == () and key.received == (1, 2, 3, 4, 5)
        assert entries(centre, ids) == entries(laptop.store, ids)
    finally:
        laptop.store.close()
        centre.close()
