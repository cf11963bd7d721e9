"""Indexes the figures (DOMAIN §10) read by: moves of a kind over a date range, and the
follow-up visits made in a range.  Indexes only; no table is rebuilt.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_dispute_event_kind_at', 'dispute_event', ['kind', 'at'], unique=False)
    op.create_index('ix_followup_visit_status_visited_on', 'followup_visit',
                    ['status', 'visited_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_followup_visit_status_visited_on', table_name='followup_visit')
    op.drop_index('ix_dispute_event_kind_at', table_name='dispute_event')
