"""The figures' own columns on `dispute` (day numbers, outcome code, first and last
session day, and the facts recorded for the figures: 民转刑, group incident prevented,
judicial confirmation, agreement performed), their covering index, and the grid
screening log (矛盾纠纷隐患排查登记, DOMAIN §10).

Columns are added and dropped with plain ALTER TABLE (no batch rebuild of `dispute`), so
the search triggers of revision 0001 stay in place.  Existing rows get their figure
columns computed here, with the same rules as `domain.figures`.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_DATE_COLUMNS = ('turned_criminal_on', 'group_incident_on', 'judicial_confirmed_on',
                 'performed_on')
# Category identifiers as of this revision (domain.vocabulary.Category).
_CATEGORIES = (
    'marriage_family', 'neighbour', 'housing_homestead', 'contract', 'production_business',
    'damages', 'forest_land', 'land_acquisition', 'environment', 'labour', 'consumer',
    'medical', 'traffic', 'property_management', 'other',
)
_DAY_COLUMNS = ('accepted_day', 'concluded_day', 'first_session_day', 'last_session_day')


def _days(column: str, dialect: str) -> str:
    if dialect == 'postgresql':
        return f"({column} - DATE '1970-01-01')"
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in _DATE_COLUMNS:
        op.add_column('dispute', sa.Column(name, sa.Date(), nullable=True))
    for name in _DAY_COLUMNS:
        op.add_column('dispute', sa.Column(name, sa.Integer(), nullable=True))
    op.add_column('dispute', sa.Column('outcome', sa.Integer(), server_default='0',
                                       nullable=False))

    # Existing rows, by the rules of domain.figures.outcome_of / day_number.
    op.execute(
        "UPDATE dispute SET "
        f"accepted_day = {_days('accepted_on', dialect)}, "
        f"concluded_day = {_days('concluded_on', dialect)}, "
        "outcome = CASE "
        "WHEN state IN ('settled', 'closed') AND settlement IS NOT NULL THEN 1 "
        "WHEN state IN ('settled', 'closed') THEN 6 "
        "WHEN state = 'failed' THEN 2 WHEN state = 'declined' THEN 3 "
        "WHEN state = 'withdrawn' THEN 4 WHEN state = 'referred' THEN 5 ELSE 0 END"
    )
    op.execute(
        "UPDATE dispute SET "
        "first_session_day = (SELECT "
        f"{_days('MIN(s.held_on)', dialect)} FROM mediation_session s "
        "WHERE s.dispute_id = dispute.id), "
        "last_session_day = (SELECT "
        f"{_days('MAX(s.held_on)', dialect)} FROM mediation_session s "
        "WHERE s.dispute_id = dispute.id)"
    )
    op.create_index(
        'ix_dispute_figures', 'dispute',
        ['tier', 'category', 'source', 'grid', 'mediator_id', 'outcome', 'accepted_day',
         'concluded_day', 'first_session_day', 'last_session_day', 'amount',
         'performed_on', 'judicial_confirmed_on', 'turned_criminal_on', 'group_incident_on'],
        unique=False,
    )

    # The list's overdue mark, per row: a case's own clocks, led by the dispute (the
    # single-column index on dispute_id is this one's prefix).
    op.drop_index('ix_case_deadline_dispute_id', table_name='case_deadline')
    op.create_index('ix_case_deadline_dispute_open', 'case_deadline',
                    ['dispute_id', 'open', 'counts_overdue', 'due'], unique=False)

    # Escalations by tier pair and reopenings, counted from the index alone.
    op.drop_index('ix_dispute_event_kind_at', table_name='dispute_event')
    op.create_index('ix_dispute_event_figures', 'dispute_event',
                    ['kind', 'at', 'from_tier', 'to_tier', 'from_state', 'dispute_id'],
                    unique=False)

    op.create_table('screening_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('grid', sa.String(length=100), nullable=False),
    sa.Column('grid_worker_id', sa.Integer(), nullable=True),
    sa.Column('grid_worker', sa.String(length=100), nullable=False),
    sa.Column('household', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('conflict', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=True),
    sa.Column('risk', sa.String(length=16), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('handed_to', sa.String(length=200), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.CheckConstraint("risk IN ('red', 'orange', 'yellow', 'blue')", name=op.f('ck_screening_entry_risk')),
    sa.CheckConstraint(
        "category IS NULL OR category IN ("
        + ", ".join(f"'{c}'" for c in _CATEGORIES) + ")",
        name=op.f('ck_screening_entry_category')),
    sa.ForeignKeyConstraint(['dispute_id'], ['dispute.id'], name=op.f('fk_screening_entry_dispute_id_dispute'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['grid_worker_id'], ['roster_member.id'], name=op.f('fk_screening_entry_grid_worker_id_roster_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_entry')),
    sa.UniqueConstraint('dispute_id', name='uq_screening_entry_dispute_id')
    )
    op.create_index('ix_screening_entry_found_on', 'screening_entry', ['found_on', 'id'], unique=False)
    op.create_index('ix_screening_entry_grid_found_on', 'screening_entry', ['grid', 'found_on'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_screening_entry_grid_found_on', table_name='screening_entry')
    op.drop_index('ix_screening_entry_found_on', table_name='screening_entry')
    op.drop_table('screening_entry')
    op.drop_index('ix_dispute_figures', table_name='dispute')
    op.drop_index('ix_dispute_event_figures', table_name='dispute_event')
    op.drop_index('ix_case_deadline_dispute_open', table_name='case_deadline')
    op.create_index('ix_case_deadline_dispute_id', 'case_deadline', ['dispute_id'], unique=False)
    op.create_index('ix_dispute_event_kind_at', 'dispute_event', ['kind', 'at'], unique=False)
    # Plain ALTER TABLE DROP COLUMN (SQLite 3.35+), not a batch rebuild: keeps triggers.
    for name in ('outcome', *_DAY_COLUMNS, *_DATE_COLUMNS):
        op.drop_column('dispute', name)
