"""Child process of the kill test: records findings with photos in a loop and reports
each one on stdout only after the service that stored it has returned."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

from inspector_app.core import inspections as svc
from inspector_app.core.store import open_store


def main(data_dir: str, scratch: str, round_no: int) -> None:
    store = open_store(data_dir, actor="kill-child")
    print("READY", flush=True)
    n = 0
    while True:
        insp = svc.start_inspection(store, "FM-T1")
        for item in svc.get_inspection(store, insp.id).items:
            n += 1
            photo = Path(scratch) / f"r{round_no}-{n}.jpg"
            Image.new("RGB", (160, 120), ((round_no * 37) % 256, n % 256, 99)).save(photo)
            result = "problem" if n % 2 else "pass"
            count = 1 if result == "problem" else None
            svc.record_finding(
                store,
                insp.id,
                item.code,
                result,
                count=count,
                note=f"round {round_no} #{n}",
                photos=[photo],
            )
            print(f"COMMITTED {insp.id} {item.code} {result} round {round_no} #{n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
