"""indexes that repeated the first column of another index dropped

Each of these indexed a column that a composite index of the same table already leads
with, so every lookup it served the composite serves as well; keeping both only made
every insert write one more B-tree (an import writes tens of thousands of these rows).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 16:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: (table, index, column): each column leads a composite index of its table
DROPPED = (
    ("inspections", "ix_inspections_point_id", "point_id"),
    ("findings", "ix_findings_inspection_id", "inspection_id"),
    ("photo_attachments", "ix_photo_attachments_inspection_id", "inspection_id"),
)


def upgrade() -> None:
    for table, index, _column in DROPPED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(index)


def downgrade() -> None:
    for table, index, column in DROPPED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(index, [column], unique=False)
