"""Checklist catalogues: parse and validate the `inspector-catalogue/1` format, store, look up.

A catalogue is named by code and version (`national 2026.1`) and pinned by the SHA-256 of
its canonical JSON: the same name with other content is refused (DESIGN §9). Every error in
a catalogue file is an `InputError` naming the file, the entry and the field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.db.models import CatalogueVersion, CheckItem, PointType
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.paths import resources_dir
from inspector_app.core.store import Store

if TYPE_CHECKING:
    from inspector_app.core.catalogue_doc import CatalogueDoc


# --- DTOs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueInfo:
    """A stored catalogue version; `point_types` and `items` are counts."""

    id: str
    code: str
    version: str
    name_zh: str
    name_en: str
    builtin: bool
    point_types: int
    items: int
    content_sha256: str
    added_at: datetime

    @property
    def name(self) -> str:
        """`code:version`, the name `find_catalogue` accepts."""
        return f"{self.code}:{self.version}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "version": self.version,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "builtin": self.builtin,
            "point_types": self.point_types,
            "items": self.items,
            "content_sha256": self.content_sha256,
            "added_at": self.added_at.isoformat(),
        }


@dataclass(frozen=True)
class ItemInfo:
    code: str
    category: str
    text_zh: str
    text_en: str
    mode: str
    severity: str
    cap: float
    each: float | None
    quota: int | None
    needs_photo: bool

    @classmethod
    def from_row(cls, row: CheckItem) -> ItemInfo:
        return cls(
            code=row.code,
            category=row.category,
            text_zh=row.text_zh,
            text_en=row.text_en,
            mode=row.mode,
            severity=row.severity,
            cap=row.cap,
            each=row.each,
            quota=row.quota,
            needs_photo=row.needs_photo,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "category": self.category,
            "text_zh": self.text_zh,
            "text_en": self.text_en,
            "mode": self.mode,
            "severity": self.severity,
            "cap": self.cap,
            "each": self.each,
            "quota": self.quota,
            "needs_photo": self.needs_photo,
        }


@dataclass(frozen=True)
class PointTypeInfo:
    code: str
    name_zh: str
    name_en: str
    route_hint: str
    items: tuple[ItemInfo, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "route_hint": self.route_hint,
            "items": [item.to_json() for item in self.items],
        }


@dataclass(frozen=True)
class CatalogueDetail:
    info: CatalogueInfo
    point_types: tuple[PointTypeInfo, ...]

    def to_json(self) -> dict[str, Any]:
        """The catalogue's fields, with `point_types` expanded from a count to the list."""
        out = self.info.to_json()
        out["point_types"] = [pt.to_json() for pt in self.point_types]
        return out


def _info(row: CatalogueVersion, point_types: int, items: int) -> CatalogueInfo:
    return CatalogueInfo(
        id=row.id,
        code=row.code,
        version=row.version,
        name_zh=row.name_zh,
        name_en=row.name_en,
        builtin=row.builtin,
        point_types=point_types,
        items=items,
        content_sha256=row.content_sha256,
        added_at=row.added_at,
    )


def _counts(session: Session, catalogue_id: str) -> tuple[int, int]:
    types = session.scalar(
        select(func.count()).select_from(PointType).where(PointType.catalogue_id == catalogue_id)
    )
    items = session.scalar(
        select(func.count()).select_from(CheckItem).where(CheckItem.catalogue_id == catalogue_id)
    )
    return int(types or 0), int(items or 0)


# --- import --------------------------------------------------------------------------------


def _stored(session: Session, code: str, version: str) -> CatalogueVersion | None:
    return session.scalars(
        select(CatalogueVersion).where(
            CatalogueVersion.code == code, CatalogueVersion.version == version
        )
    ).one_or_none()


def _same_or_conflict(session: Session, row: CatalogueVersion, sha: str) -> CatalogueInfo:
    if row.content_sha256 != sha:
        raise ConflictError(
            f"catalogue {row.code} {row.version} is already stored with other content; "
            "give the new one its own version"
        )
    return _info(row, *_counts(session, row.id))


def _add(session: Session, store: Store, doc: CatalogueDoc, *, builtin: bool) -> CatalogueInfo:
    from inspector_app.core.catalogue_doc import canonical_json, content_sha256

    sha = content_sha256(doc)
    existing = _stored(session, doc.code, doc.version)
    if existing is not None:
        raise _AlreadyStored(_same_or_conflict(session, existing, sha))
    row = CatalogueVersion(
        code=doc.code,
        version=doc.version,
        name_zh=doc.name_zh,
        name_en=doc.name_en,
        content_sha256=sha,
        document=canonical_json(doc),
        builtin=builtin,
    )
    session.add(row)
    session.flush()
    n_items = 0
    for type_pos, pt in enumerate(doc.point_types):
        type_row = PointType(
            catalogue_id=row.id,
            code=pt.code,
            name_zh=pt.name_zh,
            name_en=pt.name_en,
            route_hint=pt.route_hint,
            position=type_pos,
        )
        session.add(type_row)
        session.flush()
        for item_pos, item in enumerate(pt.items):
            session.add(
                CheckItem(
                    catalogue_id=row.id,
                    point_type_id=type_row.id,
                    code=item.code,
                    category=item.category,
                    text_zh=item.text_zh,
                    text_en=item.text_en,
                    mode=item.mode,
                    severity=item.severity,
                    cap=item.cap,
                    each=item.each,
                    quota=item.quota,
                    needs_photo=item.needs_photo,
                    position=item_pos,
                )
            )
            n_items += 1
    session.flush()
    audit.append_event(
        session,
        actor=store.actor,
        action="catalogue.added",
        entity="catalogue",
        entity_id=row.id,
        detail={"code": doc.code, "version": doc.version, "sha256": sha},
    )
    return _info(row, len(doc.point_types), n_items)


class _AlreadyStored(Exception):
    """Raised inside the write transaction to leave it without changes."""

    def __init__(self, info: CatalogueInfo) -> None:
        super().__init__(info.name)
        self.info = info


def add_catalogue_in(
    session: Session, store: Store, doc: CatalogueDoc, *, builtin: bool = False
) -> tuple[CatalogueInfo, bool]:
    """Store a validated catalogue inside the caller's write transaction (bundle import);
    (info, True) when newly added, (info, False) when the same content is already there.
    The same code and version with other content: `ConflictError`, before any change."""
    try:
        return _add(session, store, doc, builtin=builtin), True
    except _AlreadyStored as already:
        return already.info, False


def import_catalogue_doc(
    store: Store, doc: CatalogueDoc, *, builtin: bool = False
) -> tuple[CatalogueInfo, bool]:
    """Store a validated catalogue in one transaction; (info, True) when newly added.

    The same code and version with the same content is already there: (info, False). With
    other content: `ConflictError`, and nothing changes.
    """
    try:
        with store.write() as session:
            return _add(session, store, doc, builtin=builtin), True
    except _AlreadyStored as already:
        return already.info, False
    except IntegrityError:
        # Another process stored the same name between our check and our insert.
        with store.read() as session:
            row = _stored(session, doc.code, doc.version)
            if row is None:
                raise
            from inspector_app.core.catalogue_doc import content_sha256

            return _same_or_conflict(session, row, content_sha256(doc)), False


def import_catalogue_bytes(
    store: Store, raw: bytes, source: str, *, builtin: bool = False
) -> tuple[CatalogueInfo, bool]:
    """Parse and store a catalogue file's bytes (shared by file and built-in import)."""
    from inspector_app.core.catalogue_doc import parse_catalogue

    return import_catalogue_doc(store, parse_catalogue(raw, source), builtin=builtin)


def import_catalogue_file(store: Store, path: str | Path) -> tuple[CatalogueInfo, bool]:
    """Import a catalogue file; (info, True) when newly added, (info, False) when present."""
    path = Path(path)
    from inspector_app.core.catalogue_doc import read_catalogue_file

    return import_catalogue_bytes(store, read_catalogue_file(path), path.name)


def builtin_catalogue_files() -> list[Path]:
    """The catalogue files shipped with the program (`resources/catalogues/*.json`)."""
    folder = resources_dir() / "catalogues"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def ensure_builtin_catalogues(store: Store) -> None:
    """Add every shipped catalogue not yet stored. Runs at each start: when all are there,
    it costs one small query (files are named `<code>-<version>.json`), no file parse."""
    files = builtin_catalogue_files()
    if not files:
        return
    with store.read() as session:
        stored = {
            f"{code}-{version}.json"
            for code, version in session.execute(
                select(CatalogueVersion.code, CatalogueVersion.version)
            )
        }
    for path in files:
        if path.name in stored:
            continue
        from inspector_app.core.catalogue_doc import parse_catalogue, read_catalogue_file

        doc = parse_catalogue(read_catalogue_file(path), path.name)
        expected = f"{doc.code}-{doc.version}.json"
        if path.name != expected:
            raise InputError(
                f"{path.name}: a built-in catalogue file must be named {expected} "
                "(its code and version)"
            )
        import_catalogue_doc(store, doc, builtin=True)


# --- queries -------------------------------------------------------------------------------


def list_catalogues(store: Store) -> list[CatalogueInfo]:
    """Every stored catalogue version, by code, then oldest first."""
    types = (
        select(PointType.catalogue_id, func.count().label("n"))
        .group_by(PointType.catalogue_id)
        .subquery()
    )
    items = (
        select(CheckItem.catalogue_id, func.count().label("n"))
        .group_by(CheckItem.catalogue_id)
        .subquery()
    )
    stmt = (
        select(CatalogueVersion, func.coalesce(types.c.n, 0), func.coalesce(items.c.n, 0))
        .outerjoin(types, types.c.catalogue_id == CatalogueVersion.id)
        .outerjoin(items, items.c.catalogue_id == CatalogueVersion.id)
        .order_by(CatalogueVersion.code, CatalogueVersion.added_at, CatalogueVersion.version)
    )
    with store.read() as session:
        return [_info(row, int(nt), int(ni)) for row, nt, ni in session.execute(stmt)]


def find_catalogue(session: Session, name: str) -> CatalogueVersion:
    """The catalogue named `VERSION` or `CODE:VERSION` (code case-insensitive)."""
    text = name.strip()
    code, sep, version = text.rpartition(":")
    stmt = select(CatalogueVersion).where(CatalogueVersion.version == version)
    if sep:
        stmt = stmt.where(CatalogueVersion.code == code.strip().lower())
    rows = list(session.scalars(stmt.order_by(CatalogueVersion.code)))
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        names = ", ".join(f"{r.code}:{r.version}" for r in rows)
        raise InputError(
            f"catalogue version {version} is stored under several codes ({names}); "
            "give CODE:VERSION"
        )
    stored = session.execute(
        select(CatalogueVersion.code, CatalogueVersion.version).order_by(
            CatalogueVersion.code, CatalogueVersion.added_at
        )
    ).all()
    known = ", ".join(f"{c}:{v}" for c, v in stored) or "none"
    raise NotFoundError(f"no catalogue {text!r}; stored catalogues: {known}")


def show_catalogue(store: Store, name: str) -> CatalogueDetail:
    """One catalogue with its point types and items, in order."""
    with store.read() as session:
        row = find_catalogue(session, name)
        types = session.scalars(
            select(PointType).where(PointType.catalogue_id == row.id).order_by(PointType.position)
        ).all()
        items = session.scalars(
            select(CheckItem)
            .where(CheckItem.catalogue_id == row.id)
            .order_by(CheckItem.point_type_id, CheckItem.position)
        ).all()
        by_type: dict[str, list[ItemInfo]] = {}
        for item in items:
            by_type.setdefault(item.point_type_id, []).append(ItemInfo.from_row(item))
        point_types = tuple(
            PointTypeInfo(
                code=pt.code,
                name_zh=pt.name_zh,
                name_en=pt.name_en,
                route_hint=pt.route_hint,
                items=tuple(by_type.get(pt.id, [])),
            )
            for pt in types
        )
        info = _info(row, len(point_types), len(items))
    return CatalogueDetail(info=info, point_types=point_types)


def _norm(text: str) -> str:
    """For matching names: full-width forms folded (（ → (), case folded, spaces squeezed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _without_brackets(text: str) -> str:
    return " ".join(re.sub(r"\([^()]*\)", " ", text).split())


class PointTypeIndex:
    """Point types of every stored catalogue, found by code (any case) or by Chinese or
    English name; a name also matches without its bracketed part (公交站点 for
    公交站点(含公交车)). Loaded once, so a file of many rows resolves in one query."""

    def __init__(self, rows: Sequence[tuple[str, str, str]]) -> None:
        #: code -> (name_zh, name_en), from the newest catalogue that has the type
        self.names: dict[str, tuple[str, str]] = {}
        self._codes: dict[str, str] = {}
        self._full: dict[str, set[str]] = {}
        self._short: dict[str, set[str]] = {}
        for code, zh, en in rows:
            self.names.setdefault(code, (zh, en))
            self._codes.setdefault(_norm(code), code)
            for name in (zh, en):
                self._full.setdefault(_norm(name), set()).add(code)
                self._short.setdefault(_without_brackets(_norm(name)), set()).add(code)

    @classmethod
    def load(cls, session: Session) -> PointTypeIndex:
        rows = session.execute(
            select(PointType.code, PointType.name_zh, PointType.name_en)
            .join(CatalogueVersion, PointType.catalogue_id == CatalogueVersion.id)
            .order_by(CatalogueVersion.added_at.desc(), PointType.position)
        ).tuples()
        return cls(list(rows))

    def _matches(self, text: str) -> list[str]:
        """Codes `text` names: its own code, else full names, else names without brackets."""
        wanted = _norm(text)
        if wanted in self._codes:
            return [self._codes[wanted]]
        for table in (self._full, self._short):
            if wanted in table:
                return sorted(table[wanted])
        return []

    def lookup(self, text: str) -> tuple[str | None, str | None]:
        """(code, None) for a known type, else (None, why not) in words for a user."""
        matches = self._matches(text)
        if len(matches) == 1:
            return matches[0], None
        if matches:
            return (
                None,
                f'type "{text.strip()}" could be any of {", ".join(matches)}; give its code',
            )
        return None, f'type "{text.strip()}" is unknown'

    def resolve(self, text: str) -> str:
        """The code `text` names; InputError when ambiguous, NotFoundError when unknown."""
        code, reason = self.lookup(text)
        if code is not None:
            return code
        if self._matches(text):
            raise InputError(reason or "")
        raise NotFoundError(
            f"unknown point type {text.strip()!r}; give one of: "
            f"{', '.join(self.names) or 'none stored'}",
            details=[f"{code}  {zh}  {en}" for code, (zh, en) in self.names.items()],
        )


def resolve_point_type_code(session: Session, text: str) -> str:
    """A point-type code from its code (any case), Chinese or English name."""
    return PointTypeIndex.load(session).resolve(text)


def items_for_type(session: Session, catalogue_id: str, type_code: str) -> list[CheckItem]:
    """The check items of one point type in one catalogue, in walking order."""
    point_type = session.scalars(
        select(PointType).where(
            PointType.catalogue_id == catalogue_id, PointType.code == type_code.strip().upper()
        )
    ).one_or_none()
    if point_type is None:
        catalogue = session.get(CatalogueVersion, catalogue_id)
        if catalogue is None:
            raise NotFoundError(f"no catalogue with id {catalogue_id}")
        raise NotFoundError(
            f"catalogue {catalogue.code}:{catalogue.version} has no point type {type_code!r}"
        )
    return list(
        session.scalars(
            select(CheckItem)
            .where(CheckItem.point_type_id == point_type.id)
            .order_by(CheckItem.position)
        )
    )
