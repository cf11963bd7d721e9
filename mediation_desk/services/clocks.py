"""The clocks of a case, read from its record and kept as `case_deadline` rows.

The rules are `domain.deadlines.case_deadlines`; this module only gathers their inputs
from the database (`clock_facts`), turns the result into countdowns for a given day
(`deadline_views`) and rewrites a dispute's rows (`refresh`) inside the transaction that
changed what they depend on, so the case list can mark and filter overdue cases in SQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from mediation_desk.domain import figures
from mediation_desk.domain.agreements import AgreementKind, AgreementStatus, PerformanceWay
from mediation_desk.domain.calendar import WorkingCalendar
from mediation_desk.domain.deadlines import (
    CaseClockFacts,
    Countdown,
    DeadlineKind,
    TermClock,
    TrackedDeadline,
    VisitClock,
    case_deadlines,
    deadline_rows,
)
from mediation_desk.domain.followups import WHOLE_AGREEMENT, Performance, VisitStatus
from mediation_desk.domain.vocabulary import DisputeKind, DisputeState
from mediation_desk.persistence.models import (
    Agreement,
    CaseDeadline,
    Dispute,
    FollowUpVisit,
    MediationSession,
)
from mediation_desk.services.dto import DeadlineView
from mediation_desk.services.settings import StationSettings


def signed_agreement(session: Session, dispute_id: int) -> Agreement | None:
    return session.scalar(
        select(Agreement)
        .where(
            Agreement.dispute_id == dispute_id,
            Agreement.status == AgreementStatus.SIGNED.value,
        )
        .order_by(Agreement.version.desc())
        .limit(1)
    )


def performed_terms(visits: list[FollowUpVisit]) -> set[str]:
    """Term keys the latest visit that spoke of them found fully performed."""
    latest: dict[str, str] = {}
    for visit in sorted(
        (v for v in visits if v.status == VisitStatus.DONE.value),
        key=lambda v: (v.visited_on or dt.date.min, v.seq),
    ):
        latest.update(visit.performance or {})
    return {key for key, how in latest.items() if how == Performance.FULLY.value}


def clock_facts(session: Session, dispute: Dispute, settings: StationSettings) -> CaseClockFacts:
    first_session_on, sessions_held = session.execute(
        select(func.min(MediationSession.held_on), func.count(MediationSession.id)).where(
            MediationSession.dispute_id == dispute.id
        )
    ).one()
    visits = list(
        session.scalars(select(FollowUpVisit).where(FollowUpVisit.dispute_id == dispute.id))
    )
    agreement = signed_agreement(session, dispute.id)
    terms: tuple[TermClock, ...] = ()
    effective_on = None
    if agreement is not None:
        done = performed_terms(visits) | _carried_over(session, agreement, performed_terms(visits))
        terms = tuple(
            TermClock(
                key=str(t.id),
                label=f"第{t.position}项 {t.content}",
                due=t.deadline,
                performed=str(t.id) in done,
            )
            for t in agreement.terms
            # A term performed on the spot at signing has nothing left to wait for.
            if t.deadline is not None and t.way != PerformanceWay.ON_THE_SPOT.value
        )
        if agreement.kind == AgreementKind.WRITTEN.value:
            effective_on = agreement.signed_on
    return CaseClockFacts(
        state=DisputeState(dispute.state),
        kind=DisputeKind(dispute.kind),
        accepted_on=dispute.accepted_on,
        reopened_on=dispute.reopened_on,
        target_days=settings.mediation_target_days,
        long_running_reason=dispute.long_running_reason or "",
        first_session_on=first_session_on,
        sessions_held=int(sessions_held or 0),
        effective_on=effective_on,
        judicial_confirmed_on=dispute.judicial_confirmed_on,
        terms=terms,
        visits=tuple(
            VisitClock(id=v.id, due=v.due_on, open=v.status == VisitStatus.PLANNED.value)
            for v in visits
        ),
    )


def _carried_over(session: Session, agreement: Agreement, done: set[str]) -> set[str]:
    """Terms of a corrected agreement that a visit found performed under an earlier
    version: the same term (position, content, deadline) keeps its answer."""
    if agreement.supersedes_id is None or not done:
        return set()
    earlier = session.scalars(
        select(Agreement).where(
            Agreement.dispute_id == agreement.dispute_id, Agreement.version < agreement.version
        )
    ).all()
    performed = {
        (t.position, t.content, t.deadline)
        for old in earlier
        for t in old.terms
        if str(t.id) in done
    }
    return {str(t.id) for t in agreement.terms if (t.position, t.content, t.deadline) in performed}


def tracked(
    session: Session, dispute: Dispute, settings: StationSettings
) -> list[TrackedDeadline]:
    return case_deadlines(clock_facts(session, dispute, settings), settings.calendar())


def refresh(session: Session, dispute: Dispute, settings: StationSettings) -> None:
    """Rewrite the dispute's `case_deadline` rows from its record (same transaction).

    Only running clocks are kept (open, and able to go overdue): that is all the list's
    overdue mark and filter need, and a closed case then costs no rows at all.  The case
    screen computes every clock, finished ones included, from the record itself.
    """
    session.flush()
    session.execute(delete(CaseDeadline).where(CaseDeadline.dispute_id == dispute.id))
    for row in deadline_rows(tracked(session, dispute, settings), dispute.id):
        session.add(CaseDeadline(**row))
    performed = agreement_performed_on(session, dispute)
    if dispute.performed_on != performed:
        dispute.performed_on = performed


def agreement_performed_on(session: Session, dispute: Dispute) -> dt.date | None:
    """When the agreement in force was found wholly performed (for the figures); None
    while the case is not settled or closed, or something is still to perform."""
    if dispute.state not in (DisputeState.SETTLED.value, DisputeState.CLOSED.value):
        return None
    agreement = signed_agreement(session, dispute.id)
    if agreement is None:
        return None
    visits = [
        (v.visited_on, v.seq, v.performance or {})
        for v in session.scalars(
            select(FollowUpVisit).where(
                FollowUpVisit.dispute_id == dispute.id,
                FollowUpVisit.status == VisitStatus.DONE.value,
                FollowUpVisit.visited_on.is_not(None),
            )
        )
    ]
    if agreement.kind == AgreementKind.ORAL.value or not agreement.terms:
        keys, on_the_spot, carried = [WHOLE_AGREEMENT], set(), set()
    else:
        keys = [str(t.id) for t in agreement.terms]
        on_the_spot = {str(t.id) for t in agreement.terms
                       if t.way == PerformanceWay.ON_THE_SPOT.value}
        done = {k for _, _, p in visits for k, how in p.items() if how == Performance.FULLY.value}
        carried = _carried_over(session, agreement, done)
    return figures.performed_on(
        signed_on=agreement.signed_on, term_keys=keys, on_the_spot=on_the_spot,
        carried_over=carried, visits=visits,
    )


def backfill_performed(session: Session) -> int:
    """Set `performed_on` on every settled or closed dispute from its visits: once, after
    an upgrade from a schema without the column (revision 0005).  Returns how many were
    found performed."""
    disputes = session.scalars(select(Dispute).where(
        Dispute.state.in_((DisputeState.SETTLED.value, DisputeState.CLOSED.value)))).all()
    found = 0
    for dispute in disputes:
        performed = agreement_performed_on(session, dispute)
        if performed is not None:
            dispute.performed_on = performed
            found += 1
    return found


def rebuild(session: Session, settings: StationSettings, *, states: tuple[str, ...] | None = None) -> int:
    """Rewrite the clock rows of every dispute that can have a running clock (or of those
    in `states`): after an upgrade from a schema without them, or when the settings the
    clocks depend on change.  Returns how many disputes were refreshed."""
    wanted = states or (
        DisputeState.ACCEPTED.value, DisputeState.IN_MEDIATION.value, DisputeState.SETTLED.value
    )
    disputes = session.scalars(select(Dispute).where(Dispute.state.in_(wanted))).all()
    for dispute in disputes:
        refresh(session, dispute, settings)
    return len(disputes)


def deadline_views(
    items: list[TrackedDeadline], *, today: dt.date, calendar: WorkingCalendar
) -> tuple[DeadlineView, ...]:
    views = []
    for t in items:
        countdown = Countdown(t.deadline, today, calendar=calendar)
        is_open, text = t.open, countdown.text() if t.open else "已完成"
        if t.deadline.kind is DeadlineKind.JUDICIAL_CONFIRMATION and countdown.overdue:
            # A window for the parties' right, not a duty: once past, it is simply closed.
            is_open, text = False, "申请期限已过"
        views.append(
            DeadlineView(
                kind=t.deadline.kind,
                label=t.deadline.label,
                basis=t.deadline.basis,
                due=t.deadline.due,
                text=text,
                days_left=countdown.days_left,
                open=is_open,
                overdue=t.overdue_on(today),
                warning_only=t.deadline.kind.warning_only,
                guessed=t.deadline.guessed,
                ref=t.ref,
            )
        )
    return tuple(views)


def overdue_clause(today: dt.date):  # type: ignore[no-untyped-def]
    """SQL: the dispute has an open clock that counts and is past its date."""
    return exists().where(
        CaseDeadline.dispute_id == Dispute.id,
        CaseDeadline.open.is_(True),
        CaseDeadline.counts_overdue.is_(True),
        CaseDeadline.due < today,
    )


def overdue_ids_clause(today: dt.date):  # type: ignore[no-untyped-def]
    """SQL: ids of disputes with an overdue clock, through the (open, counts, due) index."""
    return Dispute.id.in_(
        select(CaseDeadline.dispute_id).where(
            CaseDeadline.open.is_(True),
            CaseDeadline.counts_overdue.is_(True),
            CaseDeadline.due < today,
        )
    )
