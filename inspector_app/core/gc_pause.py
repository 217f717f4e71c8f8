"""Python's cycle collector held off while a long batch builds many short-lived objects.

An import makes hundreds of thousands of small objects (parsed documents, rows, events),
almost all freed by reference counting as soon as a bundle is done. The cycle collector
still runs every 700 allocations and walks the young objects each time: a few hundred
collections per hundred bundles, about 5 % of an import's time, finding next to nothing.
It is paused for the batch and resumed after it (by the last of several batches running
at once), when the next collection catches whatever cycles the batch left.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cycle collector off for the block (nesting and threads allowed)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()


__all__ = ["gc_paused"]
