"""Mediation sessions with their roster participants; how a case ended (settlement kind or
referral route); the red-alert acknowledgement (DOMAIN §3, §5).

Columns are added to `dispute` with plain ALTER TABLE (no batch rebuild), which keeps the
search triggers of revision 0001 in place.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mediation_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('start_time', sa.String(length=5), nullable=False),
    sa.Column('end_time', sa.String(length=5), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('tier', sa.Integer(), nullable=False),
    sa.Column('others_present', sa.Text(), nullable=False),
    sa.Column('parties_present', sa.Text(), nullable=False),
    sa.Column('applicant_statement', sa.Text(), nullable=False),
    sa.Column('respondent_statement', sa.Text(), nullable=False),
    sa.Column('proposals', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('next_on', sa.Date(), nullable=True),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("outcome IN ('continue', 'settled', 'failed')", name=op.f('ck_mediation_session_outcome')),
    sa.CheckConstraint('tier IN (1, 2, 3)', name=op.f('ck_mediation_session_tier')),
    sa.ForeignKeyConstraint(['dispute_id'], ['dispute.id'], name=op.f('fk_mediation_session_dispute_id_dispute'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediation_session')),
    sa.UniqueConstraint('dispute_id', 'seq', name='uq_mediation_session_dispute_seq')
    )
    with op.batch_alter_table('mediation_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_session_dispute_id'), ['dispute_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_session_held_on'), ['held_on'], unique=False)

    op.create_table('session_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('roster_member_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.CheckConstraint("role IN ('mediator', 'grid_worker', 'community_officer', 'team_member', 'department')", name=op.f('ck_session_participant_role')),
    sa.ForeignKeyConstraint(['roster_member_id'], ['roster_member.id'], name=op.f('fk_session_participant_roster_member_id_roster_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['mediation_session.id'], name=op.f('fk_session_participant_session_id_mediation_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_participant'))
    )
    with op.batch_alter_table('session_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_participant_roster_member_id'), ['roster_member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_participant_session_id'), ['session_id'], unique=False)

    op.add_column('dispute', sa.Column('settlement', sa.String(length=16), nullable=True))
    op.add_column('dispute', sa.Column('referral_route', sa.String(length=32), nullable=True))
    op.add_column('dispute', sa.Column('red_acknowledged_at', sa.DateTime(), nullable=True))
    op.add_column('dispute', sa.Column('red_acknowledged_by', sa.String(length=100), nullable=False, server_default=''))
    op.add_column('dispute', sa.Column('duty_leader', sa.String(length=100), nullable=False, server_default=''))



def downgrade() -> None:
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.drop_column('duty_leader')
        batch_op.drop_column('red_acknowledged_by')
        batch_op.drop_column('red_acknowledged_at')
        batch_op.drop_column('referral_route')
        batch_op.drop_column('settlement')

    with op.batch_alter_table('session_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_participant_session_id'))
        batch_op.drop_index(batch_op.f('ix_session_participant_roster_member_id'))

    op.drop_table('session_participant')
    with op.batch_alter_table('mediation_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mediation_session_held_on'))
        batch_op.drop_index(batch_op.f('ix_mediation_session_dispute_id'))

    op.drop_table('mediation_session')
