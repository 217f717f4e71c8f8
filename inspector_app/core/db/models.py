"""The schema: SQLAlchemy 2 typed models for every table the program keeps.

Portable by construction (SQLite and PostgreSQL): text UUID ids, UTC timestamps, no
backend-specific types. Photos are referenced by their SHA-256; the bytes live on disk.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from inspector_app.core.db.types import UTCDateTime, new_id, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(36)
SHA256 = String(64)
KEY_ID = String(16)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# --- catalogue -------------------------------------------------------------------------


class CatalogueVersion(Base):
    """One checklist catalogue, named by code and version; its content hash pins it."""

    __tablename__ = "catalogue_versions"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(32))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    content_sha256: Mapped[str] = mapped_column(SHA256)
    #: the catalogue document as imported (canonical JSON), so it can be shipped again
    document: Mapped[str] = mapped_column(Text)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    point_types: Mapped[list[PointType]] = relationship(
        back_populates="catalogue", cascade="all, delete-orphan", order_by="PointType.position"
    )


class PointType(Base):
    __tablename__ = "point_types"
    __table_args__ = (UniqueConstraint("catalogue_id", "code"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    catalogue_id: Mapped[str] = mapped_column(
        ForeignKey("catalogue_versions.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    route_hint: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)

    catalogue: Mapped[CatalogueVersion] = relationship(back_populates="point_types")
    items: Mapped[list[CheckItem]] = relationship(
        back_populates="point_type", cascade="all, delete-orphan", order_by="CheckItem.position"
    )


class CheckItem(Base):
    """One check item: category, wording, and how a problem is scored (DESIGN §9)."""

    __tablename__ = "check_items"
    __table_args__ = (
        UniqueConstraint("catalogue_id", "code"),
        CheckConstraint("category IN ('ads', 'sanitation', 'order')", name="category"),
        CheckConstraint("mode IN ('pass_fail', 'per_instance', 'per_missing')", name="mode"),
        CheckConstraint("severity IN ('high', 'medium', 'low')", name="severity"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    catalogue_id: Mapped[str] = mapped_column(
        ForeignKey("catalogue_versions.id", ondelete="CASCADE"), index=True
    )
    point_type_id: Mapped[str] = mapped_column(
        ForeignKey("point_types.id", ondelete="CASCADE"), index=True
    )
    #: indexed: a re-inspection matches an item by code across catalogue versions
    code: Mapped[str] = mapped_column(String(32), index=True)
    category: Mapped[str] = mapped_column(String(16))
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(8))
    #: the most a problem on this item can deduct
    cap: Mapped[float] = mapped_column(Float)
    #: points per instance / per missing ad (null for pass/fail)
    each: Mapped[float | None] = mapped_column(Float, nullable=True)
    #: the required number of ads (per-missing items only)
    quota: Mapped[int | None] = mapped_column(Integer, nullable=True)
    needs_photo: Mapped[bool] = mapped_column(Boolean)
    position: Mapped[int] = mapped_column(Integer)

    point_type: Mapped[PointType] = relationship(back_populates="items")


# --- point register ----------------------------------------------------------------------


class Point(Base):
    """A test point (测评点位). `type_code` is a catalogue point-type code."""

    __tablename__ = "points"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    type_code: Mapped[str] = mapped_column(String(64), index=True)
    district: Mapped[str] = mapped_column(String(100), index=True)
    street: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


# --- keys and trust ----------------------------------------------------------------------


class LocalKey(Base):
    """This laptop's signing key; the secret half lives encrypted in the data folder."""

    __tablename__ = "local_keys"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    key_id: Mapped[str] = mapped_column(KEY_ID, unique=True)
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(32))
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    #: file name under the data folder's keys/ holding the encrypted PKCS#8 secret key
    secret_file: Mapped[str] = mapped_column(String(200))
    export_sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EnrolledKey(Base):
    """An inspector's public key enrolled at the command centre (the keyring)."""

    __tablename__ = "enrolled_keys"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    key_id: Mapped[str] = mapped_column(KEY_ID, unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(32))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    enrolled_by: Mapped[str] = mapped_column(String(100), default="")
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_export_sequence: Mapped[int] = mapped_column(Integer, default=0)


class CentreSecret(Base):
    """A command-centre secret (age identity, signing key), encrypted with its passphrase."""

    __tablename__ = "centre_secrets"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    public: Mapped[str] = mapped_column(Text)
    encrypted: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Setting(Base):
    """Small named settings kept with the data (recipient, time zone, active catalogue)."""

    __tablename__ = "settings"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- bundles -------------------------------------------------------------------------------


class Bundle(Base):
    """A bundle exported from here or imported at the command centre."""

    __tablename__ = "bundles"
    __table_args__ = (
        UniqueConstraint("direction", "key_id", "export_sequence"),
        CheckConstraint("direction IN ('export', 'import')", name="direction"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))
    key_id: Mapped[str] = mapped_column(KEY_ID, index=True)
    export_sequence: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(SHA256)
    size_bytes: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(300))
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")


class BundleInspection(Base):
    """Which inspections travelled in which bundle."""

    __tablename__ = "bundle_inspections"

    bundle_id: Mapped[str] = mapped_column(
        ForeignKey("bundles.id", ondelete="CASCADE"), primary_key=True
    )
    inspection_id: Mapped[str] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True, index=True
    )


# --- covert rounds and assignment packages -----------------------------------------------


class Round(Base):
    """A covert round: a sample of points visited in a date window. At the command centre
    it keeps how it was sampled (the inputs and the seed); on a laptop (`origin` package)
    only its name and window, as the package brought them."""

    __tablename__ = "rounds"
    __table_args__ = (
        CheckConstraint("origin IN ('centre', 'package')", name="origin"),
        CheckConstraint("starts_on <= ends_on", name="window"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(8), default="centre")
    #: the sampling's inputs as JSON (types, districts, sizes, recent points left out, the
    #: register's size, notes on fallbacks), so the sample can be drawn again
    inputs: Mapped[str] = mapped_column(Text, default="{}")
    seed: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class RoundAssignment(Base):
    """One sampled point of a round, and the inspector who visits it (null until assigned)."""

    __tablename__ = "round_assignments"
    __table_args__ = (UniqueConstraint("round_id", "point_id"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    point_id: Mapped[str] = mapped_column(ForeignKey("points.id", ondelete="RESTRICT"))
    #: the order in which the sample drew it
    position: Mapped[int] = mapped_column(Integer)
    #: inspected within the recent-days window, taken only because too few others were left
    recent: Mapped[bool] = mapped_column(Boolean, default=False)
    inspector_key_id: Mapped[str | None] = mapped_column(KEY_ID, nullable=True, index=True)
    inspector_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    #: the last package that carried it to its inspector
    package_id: Mapped[str | None] = mapped_column(ID, nullable=True)


class Package(Base):
    """An assignment package: written at the command centre, or applied on a laptop.
    `sequence` counts per inspector key and only goes up (a replay is refused)."""

    __tablename__ = "packages"
    __table_args__ = (
        UniqueConstraint("direction", "inspector_key_id", "sequence"),
        CheckConstraint("direction IN ('written', 'applied')", name="direction"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))
    inspector_key_id: Mapped[str] = mapped_column(KEY_ID, index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    round_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    #: the command-centre key that signed it, and the new key it announced (if any)
    centre_key_id: Mapped[str] = mapped_column(KEY_ID)
    announced_key_id: Mapped[str | None] = mapped_column(KEY_ID, nullable=True)
    #: "full" register or "changes" since the package numbered `base_sequence`
    register_mode: Mapped[str] = mapped_column(String(8))
    base_sequence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    content_sha256: Mapped[str] = mapped_column(SHA256)
    file_name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")


# --- inspections and findings ----------------------------------------------------------


class Inspection(Base):
    """One visit to a point, walked against one catalogue version's items."""

    __tablename__ = "inspections"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'final', 'exported')", name="status"),
        Index("ix_inspections_started_at", "started_at"),
        # a point's inspections newest first: closure proposals look back from there
        Index("ix_inspections_point_id_started_at", "point_id", "started_at"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    # found by ix_inspections_point_id_started_at, whose first column it is
    point_id: Mapped[str] = mapped_column(ForeignKey("points.id", ondelete="RESTRICT"))
    catalogue_id: Mapped[str] = mapped_column(
        ForeignKey("catalogue_versions.id", ondelete="RESTRICT")
    )
    point_type_id: Mapped[str] = mapped_column(ForeignKey("point_types.id", ondelete="RESTRICT"))
    #: the local signing key of the inspector (null until the laptop has a key)
    local_key_id: Mapped[str | None] = mapped_column(
        ForeignKey("local_keys.id", ondelete="SET NULL"), nullable=True
    )
    #: the signer's key id for inspections that arrived in a bundle
    origin_key_id: Mapped[str | None] = mapped_column(KEY_ID, nullable=True)
    origin_bundle_id: Mapped[str | None] = mapped_column(
        ForeignKey("bundles.id", ondelete="SET NULL"), nullable=True
    )
    covert: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(8), default="draft")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finalised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    round_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    # indexed: a round's board finds its points' inspections by assignment
    assignment_id: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)

    findings: Mapped[list[Finding]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan"
    )


class Finding(Base):
    """The result of one check item in one inspection."""

    __tablename__ = "findings"
    __table_args__ = (
        UniqueConstraint("inspection_id", "item_id"),
        CheckConstraint("result IN ('pass', 'problem', 'na')", name="result"),
        CheckConstraint("count >= 0", name="count"),
        # the review queue walks inspections by time and picks their problems from here;
        # with the id in it, counting the queue never reads the findings table itself
        Index("ix_findings_result_inspection_id", "result", "inspection_id", "id"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    # found by the unique (inspection_id, item_id) index, whose first column it is
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(ForeignKey("check_items.id", ondelete="RESTRICT"))
    result: Mapped[str] = mapped_column(String(8))
    count: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    inspection: Mapped[Inspection] = relationship(back_populates="findings")


class Photo(Base):
    """One original photo in the content-addressed store, named by its SHA-256."""

    __tablename__ = "photos"

    sha256: Mapped[str] = mapped_column(SHA256, primary_key=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(8))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    #: EXIF capture time as the camera wrote it (camera clock, no zone); null = unknown
    exif_time: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: EXIF OffsetTimeOriginal (e.g. "+08:00") when the camera recorded one
    exif_offset: Mapped[str | None] = mapped_column(String(8), nullable=True)
    gps_latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    gps_longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    orientation: Mapped[int] = mapped_column(Integer, default=1)
    original_name: Mapped[str] = mapped_column(String(300), default="")
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PhotoAttachment(Base):
    """A photo attached to an inspection, and to one of its findings once placed. One photo
    may show several problems, so it may be attached to several findings."""

    __tablename__ = "photo_attachments"
    __table_args__ = (UniqueConstraint("inspection_id", "finding_id", "photo_sha256"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    # found by the unique (inspection_id, finding_id, photo_sha256) index, its first column
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    finding_id: Mapped[str | None] = mapped_column(
        ForeignKey("findings.id", ondelete="SET NULL"), nullable=True, index=True
    )
    photo_sha256: Mapped[str] = mapped_column(
        ForeignKey("photos.sha256", ondelete="RESTRICT"), index=True
    )
    #: capture time in UTC when it is known (EXIF time resolved with the camera's zone)
    captured_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    attached_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# --- command centre: review and rectification ------------------------------------------


class ReviewDecision(Base):
    """A supervisor's accept / reject of an imported finding. `version` guards races."""

    __tablename__ = "review_decisions"
    __table_args__ = (CheckConstraint("decision IN ('accepted', 'rejected')", name="decision"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    finding_id: Mapped[str] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), unique=True
    )
    decision: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)


class RectificationTask(Base):
    """An accepted problem sent to the point's responsible unit with a deadline."""

    __tablename__ = "rectification_tasks"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'reported_fixed', 'closed')", name="status"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    finding_id: Mapped[str] = mapped_column(
        ForeignKey("findings.id", ondelete="RESTRICT"), unique=True
    )
    unit: Mapped[str] = mapped_column(String(200), index=True)
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    reported_fixed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    #: the later finding (same point, same item, result pass) that confirmed the fix
    reinspection_finding_id: Mapped[str | None] = mapped_column(
        ForeignKey("findings.id", ondelete="SET NULL"), nullable=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)


class RectificationEvent(Base):
    """One step in a task's history: created, reported fixed, disputed, closed — who, when,
    why. Append-only; the task row holds the current state."""

    __tablename__ = "rectification_events"
    __table_args__ = (
        CheckConstraint("to_status IN ('open', 'reported_fixed', 'closed')", name="to_status"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    task_id: Mapped[str] = mapped_column(
        ForeignKey("rectification_tasks.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    #: null for the event that created the task
    from_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    #: the re-inspection's passing finding, for a closure confirmed from one
    reinspection_finding_id: Mapped[str | None] = mapped_column(ID, nullable=True)


# --- audit log -----------------------------------------------------------------------------


class AuditEvent(Base):
    """One append-only, hash-chained event. `seq` is gapless; `hash` covers `prev_hash`."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    #: the database role that wrote it (PostgreSQL's current_user); None on SQLite
    db_role: Mapped[str | None] = mapped_column(String(100), nullable=True)
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(100), index=True)
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(SHA256)
    hash: Mapped[str] = mapped_column(SHA256, unique=True)


class AuditHead(Base):
    """The chain's last sequence number and hash, so deleting the newest events shows."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(SHA256)
