"""Initial schema: roster, settings, disputes, parties, events, case-number sequence,
and the search index (an FTS5 trigram table on SQLite, a pg_trgm index on PostgreSQL).

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_number_sequence',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_case_number_sequence'))
    )
    op.create_table('roster_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('grid', sa.String(length=100), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('mediator', 'grid_worker', 'community_officer', 'team_member', 'department')", name=op.f('ck_roster_member_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roster_member'))
    )
    with op.batch_alter_table('roster_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roster_member_role'), ['role'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('dispute',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('serial', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('tier', sa.Integer(), nullable=False),
    sa.Column('suggested_tier', sa.Integer(), nullable=False),
    sa.Column('tier_reason', sa.Text(), nullable=False),
    sa.Column('intake_flags', sa.JSON(), nullable=False),
    sa.Column('risk', sa.String(length=16), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('concluded_on', sa.Date(), nullable=True),
    sa.Column('occurred_on', sa.Date(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('applicant_claims', sa.Text(), nullable=False),
    sa.Column('respondent_claims', sa.Text(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('people_involved', sa.Integer(), nullable=False),
    sa.Column('grid', sa.String(length=100), nullable=False),
    sa.Column('community_officer', sa.String(length=100), nullable=False),
    sa.Column('mediator_id', sa.Integer(), nullable=True),
    sa.Column('grid_worker_id', sa.Integer(), nullable=True),
    sa.Column('parties_display', sa.String(length=300), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('registered_by', sa.String(length=100), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("category IN ('marriage_family', 'neighbour', 'housing_homestead', 'contract', 'production_business', 'damages', 'forest_land', 'land_acquisition', 'environment', 'labour', 'consumer', 'medical', 'traffic', 'property_management', 'other')", name=op.f('ck_dispute_category')),
    sa.CheckConstraint("kind IN ('peoples', 'public_security')", name=op.f('ck_dispute_kind')),
    sa.CheckConstraint("risk IN ('red', 'orange', 'yellow', 'blue')", name=op.f('ck_dispute_risk')),
    sa.CheckConstraint("source IN ('application', 'police_incident', 'grid_screening', 'judicial_referral', 'committee_referral', 'own_initiative', 'other')", name=op.f('ck_dispute_source')),
    sa.CheckConstraint("state IN ('registered', 'accepted', 'declined', 'in_mediation', 'settled', 'failed', 'referred', 'closed', 'withdrawn')", name=op.f('ck_dispute_state')),
    sa.CheckConstraint('amount IS NULL OR amount >= 0', name=op.f('ck_dispute_amount')),
    sa.CheckConstraint('tier IN (1, 2, 3)', name=op.f('ck_dispute_tier')),
    sa.ForeignKeyConstraint(['grid_worker_id'], ['roster_member.id'], name=op.f('fk_dispute_grid_worker_id_roster_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['mediator_id'], ['roster_member.id'], name=op.f('fk_dispute_mediator_id_roster_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispute')),
    sa.UniqueConstraint('number', name=op.f('uq_dispute_number')),
    sa.UniqueConstraint('year', 'serial', name='uq_dispute_year_serial')
    )
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.create_index('ix_dispute_accepted_on', ['accepted_on'], unique=False)
        batch_op.create_index('ix_dispute_category_registered_on', ['category', 'registered_on', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_mediator_id'), ['mediator_id'], unique=False)
        batch_op.create_index('ix_dispute_registered_on_id', ['registered_on', 'id'], unique=False)
        batch_op.create_index('ix_dispute_risk_registered_on', ['risk', 'registered_on', 'id'], unique=False)
        batch_op.create_index('ix_dispute_state_registered_on', ['state', 'registered_on', 'id'], unique=False)
        batch_op.create_index('ix_dispute_tier_registered_on', ['tier', 'registered_on', 'id'], unique=False)

    op.create_table('dispute_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('from_state', sa.String(length=32), nullable=True),
    sa.Column('to_state', sa.String(length=32), nullable=True),
    sa.Column('from_tier', sa.Integer(), nullable=True),
    sa.Column('to_tier', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.CheckConstraint("kind IN ('registered', 'accepted', 'declined', 'started', 'escalated', 'deescalated', 'settled', 'failed', 'referred', 'closed', 'reopened', 'withdrawn', 'risk_changed', 'tier_confirmed', 'note')", name=op.f('ck_dispute_event_kind')),
    sa.ForeignKeyConstraint(['dispute_id'], ['dispute.id'], name=op.f('fk_dispute_event_dispute_id_dispute'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispute_event'))
    )
    with op.batch_alter_table('dispute_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_event_dispute_id'), ['dispute_id'], unique=False)

    op.create_table('party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('party_type', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sex', sa.String(length=8), nullable=True),
    sa.Column('ethnicity', sa.String(length=32), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('occupation', sa.String(length=200), nullable=False),
    sa.Column('vulnerable', sa.Boolean(), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=False),
    sa.Column('legal_representative', sa.String(length=100), nullable=False),
    sa.Column('agent_name', sa.String(length=100), nullable=False),
    sa.Column('agent_phone', sa.String(length=32), nullable=False),
    sa.Column('agent_id_number', sa.String(length=18), nullable=False),
    sa.Column('guardian_name', sa.String(length=100), nullable=False),
    sa.Column('guardian_relation', sa.String(length=32), nullable=False),
    sa.Column('guardian_phone', sa.String(length=32), nullable=False),
    sa.Column('guardian_id_number', sa.String(length=18), nullable=False),
    sa.CheckConstraint("party_type IN ('person', 'organisation')", name=op.f('ck_party_party_type')),
    sa.CheckConstraint("sex IS NULL OR sex IN ('male', 'female')", name=op.f('ck_party_sex')),
    sa.CheckConstraint("side IN ('applicant', 'respondent')", name=op.f('ck_party_side')),
    sa.ForeignKeyConstraint(['dispute_id'], ['dispute.id'], name=op.f('fk_party_dispute_id_dispute'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party'))
    )
    with op.batch_alter_table('party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_dispute_id'), ['dispute_id'], unique=False)


    _create_search_index()

def downgrade() -> None:
    _drop_search_index()
    with op.batch_alter_table('party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_dispute_id'))

    op.drop_table('party')
    with op.batch_alter_table('dispute_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_event_dispute_id'))

    op.drop_table('dispute_event')
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.drop_index('ix_dispute_tier_registered_on')
        batch_op.drop_index('ix_dispute_state_registered_on')
        batch_op.drop_index('ix_dispute_risk_registered_on')
        batch_op.drop_index('ix_dispute_registered_on_id')
        batch_op.drop_index(batch_op.f('ix_dispute_mediator_id'))
        batch_op.drop_index('ix_dispute_category_registered_on')
        batch_op.drop_index('ix_dispute_accepted_on')

    op.drop_table('dispute')
    op.drop_table('setting')
    with op.batch_alter_table('roster_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roster_member_role'))

    op.drop_table('roster_member')
    op.drop_table('case_number_sequence')


# Search indexes (see mediation_desk/persistence/search.py): an external-content trigram
# FTS5 table over dispute.search_text for terms of 3+ characters, and a contentless FTS5
# table of 1- and 2-character grams for shorter ones.  Triggers keep both in step in the
# same transaction as every write; md_search_grams is a Python function the program
# registers on each SQLite connection.  A later revision that rebuilds the dispute table
# in batch mode must re-create these triggers.
_SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE dispute_search USING fts5("
    "search_text, content='dispute', content_rowid='id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE dispute_grams USING fts5("
    "grams, content='', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER dispute_search_ai AFTER INSERT ON dispute BEGIN "
    "INSERT INTO dispute_search(rowid, search_text) VALUES (new.id, new.search_text); "
    "INSERT INTO dispute_grams(rowid, grams) VALUES (new.id, md_search_grams(new.search_text)); "
    "END",
    "CREATE TRIGGER dispute_search_ad AFTER DELETE ON dispute BEGIN "
    "INSERT INTO dispute_search(dispute_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO dispute_grams(dispute_grams, rowid, grams) "
    "VALUES ('delete', old.id, md_search_grams(old.search_text)); "
    "END",
    "CREATE TRIGGER dispute_search_au AFTER UPDATE OF search_text ON dispute BEGIN "
    "INSERT INTO dispute_search(dispute_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO dispute_search(rowid, search_text) VALUES (new.id, new.search_text); "
    "INSERT INTO dispute_grams(dispute_grams, rowid, grams) "
    "VALUES ('delete', old.id, md_search_grams(old.search_text)); "
    "INSERT INTO dispute_grams(rowid, grams) VALUES (new.id, md_search_grams(new.search_text)); "
    "END",
]
_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS dispute_search_ai",
    "DROP TRIGGER IF EXISTS dispute_search_ad",
    "DROP TRIGGER IF EXISTS dispute_search_au",
    "DROP TABLE IF EXISTS dispute_grams",
    "DROP TABLE IF EXISTS dispute_search",
]


def _create_search_index() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_SEARCH:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_dispute_search_text_trgm ON dispute "
            "USING gin (search_text gin_trgm_ops)"
        )


def _drop_search_index() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in _SQLITE_DROP:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_dispute_search_text_trgm")
