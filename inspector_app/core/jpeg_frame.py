"""A JPEG's pixel size read from its frame header, seeking past every other segment.

Verifying a bundle checks each photo's header against what bundle.json says of it. Pillow
reads that header by reading every segment before the image data in full, a phone's EXIF
and its embedded thumbnail included, and parses them: for a bundle of small photos that is
reading most of their bytes twice. This walks the marker segments by their lengths, reading
a few kB where a segment starts, and answers only for the plainest well-formed case:
markers Pillow knows, each segment inside the file, one frame header (8-bit samples, 1, 3
or 4 components, its length as those imply) before the start of scan. Anything else gets
None, and the caller asks Pillow, whose verdict and words then stand.
"""

from __future__ import annotations

from collections.abc import Callable

#: bytes read where a segment starts (most headers fit in one read)
WINDOW = 4096
#: segments walked at most before giving up (a real JPEG has a few dozen)
MAX_SEGMENTS = 512

# The markers as Pillow's JPEG reader treats them; any other marker is left to Pillow.
_FRAMES = frozenset(
    {*range(0xC0, 0xC4), *range(0xC5, 0xC8), *range(0xC9, 0xCC), *range(0xCD, 0xD0)}
)
_SKIPPED = frozenset({0xC4, 0xCC, 0xDC, 0xDD, 0xDF})  # read past by their length
_RESTARTS = frozenset(range(0xD0, 0xD8))  # no length
_APPS = frozenset(range(0xE0, 0xF0))
_DQT, _SOS, _COM = 0xDB, 0xDA, 0xFE
_KNOWN = _FRAMES | _SKIPPED | _RESTARTS | _APPS | {_DQT, _SOS, _COM}
#: the longest start of an application segment looked at
_APP_HEAD = 14

#: read(position, count) → up to `count` bytes from `position` of the photo
Reader = Callable[[int, int], bytes]


class _Window:
    """The photo's bytes, a window at a time."""

    def __init__(self, read: Reader, size: int) -> None:
        self.read = read
        self.size = size
        self.base = 0
        self.data = b""

    def at(self, pos: int, count: int) -> int | None:
        """Where `count` bytes from `pos` start in `data` (read when they are not there
        yet), or None where the photo ends first."""
        if pos + count > self.size:
            return None
        start = pos - self.base
        if start < 0 or start + count > len(self.data):
            self.base = pos
            self.data = self.read(pos, min(max(count, WINDOW), self.size - pos))
            if len(self.data) < count:
                return None
            return 0
        return start


def _plain_app(kind: int, head: bytes) -> bool:
    """An application segment Pillow reads without a possible failure: not one it parses
    in depth (Photoshop resources, a multi-picture index), nor one too short for the
    fields it takes from it (JFIF, Adobe, an ICC profile's chunk)."""
    if kind == 0xE0 and head.startswith(b"JFIF"):
        return len(head) >= 7
    if kind == 0xEE and head.startswith(b"Adobe"):
        return len(head) >= 7
    if kind == 0xE2 and head.startswith(b"ICC_PROFILE\0"):
        return len(head) >= 14
    if kind == 0xE2 and head.startswith(b"MPF\0"):
        return False
    return not (kind == 0xED and head.startswith(b"Photoshop 3.0\0"))


def _plain_tables(body: bytes) -> bool:
    """Quantisation tables, each whole (8- or 16-bit entries), as Pillow reads them."""
    at = 0
    while at < len(body):
        entry = 1 if body[at] // 16 == 0 else 2
        at += 1 + 64 * entry
    return at == len(body)


def frame_size(read: Reader, size: int) -> tuple[int, int] | None:
    """(width, height) of a plainly well-formed JPEG of `size` bytes, else None."""
    window = _Window(read, size)
    at = window.at(0, 3)
    if at is None or window.data[:3] != b"\xff\xd8\xff":
        return None
    pos = 2
    found: tuple[int, int] | None = None
    for _ in range(MAX_SEGMENTS):
        at = window.at(pos, 4)  # the marker and (but for a restart) the segment's length
        if at is None:
            at = window.at(pos, 2)
            if at is None or window.data[at] != 0xFF or window.data[at + 1] not in _RESTARTS:
                return None
        data = window.data
        kind = data[at + 1]
        if data[at] != 0xFF or kind not in _KNOWN:  # Pillow decides
            return None
        if kind in _RESTARTS:  # no length
            pos += 2
            continue
        length = (data[at + 2] << 8) | data[at + 3]
        if length < 2 or pos + 2 + length > size:
            return None
        if kind == _SOS:  # the image data follow its header
            return found
        body_size = length - 2
        if kind in _FRAMES:
            at = window.at(pos + 4, 6)
            if found is not None or at is None:  # a second frame header, or a short one
                return None
            body = window.data[at : at + 6]
            components = body[5]
            if body[0] != 8 or components not in (1, 3, 4) or body_size != 6 + 3 * components:
                return None
            found = ((body[3] << 8) | body[4], (body[1] << 8) | body[2])
            if 0 in found:
                return None
        elif kind == _DQT:
            at = window.at(pos + 4, body_size)
            if at is None or not _plain_tables(window.data[at : at + body_size]):
                return None
        elif kind in _APPS:
            head = min(body_size, _APP_HEAD)
            at = window.at(pos + 4, head)
            if at is None or not _plain_app(kind, window.data[at : at + head]):
                return None
        pos += 2 + length
    return None


__all__ = ["frame_size"]
