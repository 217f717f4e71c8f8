"""covert rounds: rounds, their sampled points and assignments, assignment packages

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rounds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("origin", sa.String(length=8), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("seed", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint("origin IN ('centre', 'package')", name=op.f("ck_rounds_origin")),
        sa.CheckConstraint("starts_on <= ends_on", name=op.f("ck_rounds_window")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rounds")),
    )
    op.create_table(
        "round_assignments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("point_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("recent", sa.Boolean(), nullable=False),
        sa.Column("inspector_key_id", sa.String(length=16), nullable=True),
        sa.Column("inspector_code", sa.String(length=32), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["point_id"],
            ["points.id"],
            name=op.f("fk_round_assignments_point_id_points"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rounds.id"],
            name=op.f("fk_round_assignments_round_id_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_assignments")),
        sa.UniqueConstraint(
            "round_id", "point_id", name=op.f("uq_round_assignments_round_id_point_id")
        ),
    )
    with op.batch_alter_table("round_assignments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_round_assignments_inspector_key_id"), ["inspector_key_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_round_assignments_round_id"), ["round_id"], unique=False
        )
    op.create_table(
        "packages",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("inspector_key_id", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=True),
        sa.Column("centre_key_id", sa.String(length=16), nullable=False),
        sa.Column("announced_key_id", sa.String(length=16), nullable=True),
        sa.Column("register_mode", sa.String(length=8), nullable=False),
        sa.Column("base_sequence", sa.Integer(), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "direction IN ('written', 'applied')", name=op.f("ck_packages_direction")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packages")),
        sa.UniqueConstraint(
            "direction",
            "inspector_key_id",
            "sequence",
            name=op.f("uq_packages_direction_inspector_key_id_sequence"),
        ),
    )
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_packages_inspector_key_id"), ["inspector_key_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_packages_inspector_key_id"))
    op.drop_table("packages")
    with op.batch_alter_table("round_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_round_assignments_round_id"))
        batch_op.drop_index(batch_op.f("ix_round_assignments_inspector_key_id"))
    op.drop_table("round_assignments")
    op.drop_table("rounds")
