"""rectification history and the review queue's and closure proposals' indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rectification_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reinspection_finding_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "to_status IN ('open', 'reported_fixed', 'closed')",
            name=op.f("ck_rectification_events_to_status"),
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["rectification_tasks.id"],
            name=op.f("fk_rectification_events_task_id_rectification_tasks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectification_events")),
    )
    with op.batch_alter_table("rectification_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rectification_events_task_id"), ["task_id"], unique=False
        )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(
            "ix_findings_result_inspection_id", ["result", "inspection_id", "id"], unique=False
        )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(
            "ix_inspections_point_id_started_at", ["point_id", "started_at"], unique=False
        )
    with op.batch_alter_table("check_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_check_items_code"), ["code"], unique=False)
    # Tasks made before this revision get their creation as the first event of their history.
    op.execute(
        "INSERT INTO rectification_events (id, task_id, at, actor, from_status, to_status, note) "
        "SELECT id, id, created_at, created_by, NULL, 'open', '' FROM rectification_tasks"
    )


def downgrade() -> None:
    with op.batch_alter_table("check_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_items_code"))
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index("ix_inspections_point_id_started_at")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index("ix_findings_result_inspection_id")
    with op.batch_alter_table("rectification_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_events_task_id"))
    op.drop_table("rectification_events")
