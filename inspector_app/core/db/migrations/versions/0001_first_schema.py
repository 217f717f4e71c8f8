"""first schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 04:45:32.935841
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "bundles",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("export_sequence", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint("direction IN ('export', 'import')", name=op.f("ck_bundles_direction")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundles")),
        sa.UniqueConstraint(
            "direction",
            "key_id",
            "export_sequence",
            name=op.f("uq_bundles_direction_key_id_export_sequence"),
        ),
    )
    with op.batch_alter_table("bundles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bundles_key_id"), ["key_id"], unique=False)

    op.create_table(
        "catalogue_versions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_versions")),
        sa.UniqueConstraint("code", "version", name=op.f("uq_catalogue_versions_code_version")),
    )
    op.create_table(
        "centre_secrets",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("public", sa.Text(), nullable=False),
        sa.Column("encrypted", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_centre_secrets")),
    )
    op.create_table(
        "enrolled_keys",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enrolled_by", sa.String(length=100), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_export_sequence", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolled_keys")),
        sa.UniqueConstraint("key_id", name=op.f("uq_enrolled_keys_key_id")),
    )
    op.create_table(
        "local_keys",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("secret_file", sa.String(length=200), nullable=False),
        sa.Column("export_sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_keys")),
        sa.UniqueConstraint("key_id", name=op.f("uq_local_keys_key_id")),
    )
    op.create_table(
        "photos",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("exif_time", sa.String(length=32), nullable=True),
        sa.Column("exif_offset", sa.String(length=8), nullable=True),
        sa.Column("gps_latitude", sa.Float(), nullable=True),
        sa.Column("gps_longitude", sa.Float(), nullable=True),
        sa.Column("orientation", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_photos")),
    )
    op.create_table(
        "points",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type_code", sa.String(length=64), nullable=False),
        sa.Column("district", sa.String(length=100), nullable=False),
        sa.Column("street", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points")),
        sa.UniqueConstraint("code", name=op.f("uq_points_code")),
    )
    with op.batch_alter_table("points", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_points_district"), ["district"], unique=False)
        batch_op.create_index(batch_op.f("ix_points_type_code"), ["type_code"], unique=False)

    op.create_table(
        "settings",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_settings")),
    )
    op.create_table(
        "point_types",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("catalogue_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("route_hint", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["catalogue_id"],
            ["catalogue_versions.id"],
            name=op.f("fk_point_types_catalogue_id_catalogue_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_types")),
        sa.UniqueConstraint("catalogue_id", "code", name=op.f("uq_point_types_catalogue_id_code")),
    )
    with op.batch_alter_table("point_types", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_point_types_catalogue_id"), ["catalogue_id"], unique=False
        )

    op.create_table(
        "check_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("catalogue_id", sa.String(length=36), nullable=False),
        sa.Column("point_type_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("cap", sa.Float(), nullable=False),
        sa.Column("each", sa.Float(), nullable=True),
        sa.Column("quota", sa.Integer(), nullable=True),
        sa.Column("needs_photo", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "category IN ('ads', 'sanitation', 'order')", name=op.f("ck_check_items_category")
        ),
        sa.CheckConstraint(
            "mode IN ('pass_fail', 'per_instance', 'per_missing')", name=op.f("ck_check_items_mode")
        ),
        sa.CheckConstraint(
            "severity IN ('high', 'medium', 'low')", name=op.f("ck_check_items_severity")
        ),
        sa.ForeignKeyConstraint(
            ["catalogue_id"],
            ["catalogue_versions.id"],
            name=op.f("fk_check_items_catalogue_id_catalogue_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["point_type_id"],
            ["point_types.id"],
            name=op.f("fk_check_items_point_type_id_point_types"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_items")),
        sa.UniqueConstraint("catalogue_id", "code", name=op.f("uq_check_items_catalogue_id_code")),
    )
    with op.batch_alter_table("check_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_check_items_catalogue_id"), ["catalogue_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_check_items_point_type_id"), ["point_type_id"], unique=False
        )

    op.create_table(
        "inspections",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("point_id", sa.String(length=36), nullable=False),
        sa.Column("catalogue_id", sa.String(length=36), nullable=False),
        sa.Column("point_type_id", sa.String(length=36), nullable=False),
        sa.Column("local_key_id", sa.String(length=36), nullable=True),
        sa.Column("origin_key_id", sa.String(length=16), nullable=True),
        sa.Column("origin_bundle_id", sa.String(length=36), nullable=True),
        sa.Column("covert", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finalised_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=True),
        sa.Column("assignment_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "status IN ('draft', 'final', 'exported')", name=op.f("ck_inspections_status")
        ),
        sa.ForeignKeyConstraint(
            ["catalogue_id"],
            ["catalogue_versions.id"],
            name=op.f("fk_inspections_catalogue_id_catalogue_versions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["local_key_id"],
            ["local_keys.id"],
            name=op.f("fk_inspections_local_key_id_local_keys"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["origin_bundle_id"],
            ["bundles.id"],
            name=op.f("fk_inspections_origin_bundle_id_bundles"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["point_id"],
            ["points.id"],
            name=op.f("fk_inspections_point_id_points"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["point_type_id"],
            ["point_types.id"],
            name=op.f("fk_inspections_point_type_id_point_types"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_point_id"), ["point_id"], unique=False)
        batch_op.create_index("ix_inspections_started_at", ["started_at"], unique=False)

    op.create_table(
        "bundle_inspections",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["bundle_id"],
            ["bundles.id"],
            name=op.f("fk_bundle_inspections_bundle_id_bundles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_bundle_inspections_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("bundle_id", "inspection_id", name=op.f("pk_bundle_inspections")),
    )
    with op.batch_alter_table("bundle_inspections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bundle_inspections_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "findings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("result", sa.String(length=8), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("result IN ('pass', 'problem', 'na')", name=op.f("ck_findings_result")),
        sa.CheckConstraint("count >= 0", name=op.f("ck_findings_count")),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_findings_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["check_items.id"],
            name=op.f("fk_findings_item_id_check_items"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
        sa.UniqueConstraint(
            "inspection_id", "item_id", name=op.f("uq_findings_inspection_id_item_id")
        ),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_findings_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "photo_attachments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("finding_id", sa.String(length=36), nullable=True),
        sa.Column("photo_sha256", sa.String(length=64), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attached_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_photo_attachments_finding_id_findings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_photo_attachments_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["photo_sha256"],
            ["photos.sha256"],
            name=op.f("fk_photo_attachments_photo_sha256_photos"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo_attachments")),
        sa.UniqueConstraint(
            "inspection_id",
            "finding_id",
            "photo_sha256",
            name=op.f("uq_photo_attachments_inspection_id_finding_id_photo_sha256"),
        ),
    )
    with op.batch_alter_table("photo_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_photo_attachments_finding_id"), ["finding_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_photo_attachments_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_photo_attachments_photo_sha256"), ["photo_sha256"], unique=False
        )

    op.create_table(
        "rectification_tasks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("finding_id", sa.String(length=36), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("reported_fixed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=True),
        sa.Column("reinspection_finding_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'reported_fixed', 'closed')",
            name=op.f("ck_rectification_tasks_status"),
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_rectification_tasks_finding_id_findings"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reinspection_finding_id"],
            ["findings.id"],
            name=op.f("fk_rectification_tasks_reinspection_finding_id_findings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectification_tasks")),
        sa.UniqueConstraint("finding_id", name=op.f("uq_rectification_tasks_finding_id")),
    )
    with op.batch_alter_table("rectification_tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rectification_tasks_unit"), ["unit"], unique=False)

    op.create_table(
        "review_decisions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("finding_id", sa.String(length=36), nullable=False),
        sa.Column("decision", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "decision IN ('accepted', 'rejected')", name=op.f("ck_review_decisions_decision")
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_review_decisions_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_decisions")),
        sa.UniqueConstraint("finding_id", name=op.f("uq_review_decisions_finding_id")),
    )


def downgrade() -> None:
    op.drop_table("review_decisions")
    with op.batch_alter_table("rectification_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_tasks_unit"))

    op.drop_table("rectification_tasks")
    with op.batch_alter_table("photo_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_attachments_photo_sha256"))
        batch_op.drop_index(batch_op.f("ix_photo_attachments_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_photo_attachments_finding_id"))

    op.drop_table("photo_attachments")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_inspection_id"))

    op.drop_table("findings")
    with op.batch_alter_table("bundle_inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bundle_inspections_inspection_id"))

    op.drop_table("bundle_inspections")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index("ix_inspections_started_at")
        batch_op.drop_index(batch_op.f("ix_inspections_point_id"))

    op.drop_table("inspections")
    with op.batch_alter_table("check_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_items_point_type_id"))
        batch_op.drop_index(batch_op.f("ix_check_items_catalogue_id"))

    op.drop_table("check_items")
    with op.batch_alter_table("point_types", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_point_types_catalogue_id"))

    op.drop_table("point_types")
    op.drop_table("settings")
    with op.batch_alter_table("points", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_points_type_code"))
        batch_op.drop_index(batch_op.f("ix_points_district"))

    op.drop_table("points")
    op.drop_table("photos")
    op.drop_table("local_keys")
    op.drop_table("enrolled_keys")
    op.drop_table("centre_secrets")
    op.drop_table("catalogue_versions")
    with op.batch_alter_table("bundles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bundles_key_id"))

    op.drop_table("bundles")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_entity_id"))

    op.drop_table("audit_events")
