"""Keeps each dispute's figure columns (`domain.figures`) in step with its record.

Mapper events, so every write through the ORM is covered without each service having to
remember: a dispute's day numbers and outcome code are set whenever the dispute row is
written, and a new or changed mediation session moves the dispute's first and last
session day.  Writers that bypass the ORM (the demo's bulk insert, the migrations) set
the same columns from the same `domain.figures` functions.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event, func, select, update

from mediation_desk.domain.figures import day_number, outcome_of
from mediation_desk.persistence.models import Dispute, MediationSession


def _set_figure_columns(_mapper, _connection, dispute: Dispute) -> None:
    accepted = day_number(dispute.accepted_on)
    concluded = day_number(dispute.concluded_on)
    outcome = int(outcome_of(dispute.state, dispute.settlement))
    # Assign only what changed, so an unchanged row is not made dirty by this hook.
    if dispute.accepted_day != accepted:
        dispute.accepted_day = accepted
    if dispute.concluded_day != concluded:
        dispute.concluded_day = concluded
    if dispute.outcome != outcome:
        dispute.outcome = outcome


def _session_days(_mapper, connection, row: MediationSession) -> None:
    table = MediationSession.__table__
    first, last = connection.execute(
        select(func.min(table.c.held_on), func.max(table.c.held_on)).where(
            table.c.dispute_id == row.dispute_id
        )
    ).one()
    # Raw dates from SQLite come back as text; through the column type they are dates.
    first = _as_date(first)
    last = _as_date(last)
    connection.execute(
        update(Dispute.__table__)
        .where(Dispute.__table__.c.id == row.dispute_id)
        .values(first_session_day=day_number(first), last_session_day=day_number(last))
    )


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


event.listen(Dispute, "before_insert", _set_figure_columns)
event.listen(Dispute, "before_update", _set_figure_columns)
event.listen(MediationSession, "after_insert", _session_days)
event.listen(MediationSession, "after_update", _session_days)
event.listen(MediationSession, "after_delete", _session_days)
