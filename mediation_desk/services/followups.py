"""Follow-up visits (回访, DOMAIN §8): the plan made at settlement, the daily list, the
record of a visit, and reopening a case a visit found broken.

Each call is one write transaction that also rewrites the case's clocks, so the daily
list, the case list's overdue mark and the case screen's countdowns agree at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from mediation_desk.domain.agreements import AgreementKind, AgreementStatus
from mediation_desk.domain.deadlines import (
    Deadline,
    DeadlineKind,
    TrackedDeadline,
    judicial_confirmation,
)
from mediation_desk.domain.errors import (
    ConcurrentModification,
    IllegalTransition,
    NotFound,
    ValidationError,
    ValidationErrors,
)
from mediation_desk.domain.escalation import Move, MoveRequest
from mediation_desk.domain.followups import (
    WHOLE_AGREEMENT,
    VisitOrigin,
    VisitRecord,
    VisitStatus,
    plan_visits,
    reopen_grounds,
    validate_cancel,
    validate_move,
    validate_visit,
)
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeState,
    EventKind,
    PartySide,
    RiskGrade,
)
from mediation_desk.persistence.models import (
    Agreement,
    CaseDeadline,
    Dispute,
    DisputeEvent,
    FollowUpVisit,
    Party,
    RosterMember,
)
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services import clocks
from mediation_desk.services.dto import (
    CaseDetail,
    DeadlineView,
    DueVisit,
    PartyContact,
    VisitView,
)
from mediation_desk.services.settings import SettingsService, StationSettings
from mediation_desk.services.views import term_view, visit_view

Clock = Callable[[], dt.datetime]

STALE_VISIT = "这次回访刚被另一台电脑或窗口修改过，您的操作未执行。请刷新后再看。"
# Visits can be planned, moved and recorded while the agreement is being performed.
VISIT_STATES = frozenset({DisputeState.SETTLED, DisputeState.CLOSED})


# ---------------------------------------------------------- used by the flow
def plan_after_settlement(
    session: Session,
    dispute: Dispute,
    agreement: Agreement,
    *,
    settings: StationSettings,
    now: dt.datetime,
) -> list[str]:
    """Schedule the visits of a just-settled dispute; returns their dates (ISO)."""
    deadlines = [t.deadline for t in agreement.terms if t.deadline and t.deadline >= now.date()]
    seq = _max_seq(session, dispute.id)
    dates = []
    for planned in plan_visits(now.date(), offsets=settings.followup_days, performance_deadlines=deadlines):
        seq += 1
        session.add(
            FollowUpVisit(
                dispute_id=dispute.id,
                agreement_id=agreement.id,
                seq=seq,
                due_on=planned.due,
                planned_on=planned.due,
                origin=planned.origin.value,
                basis=planned.basis,
                created_at=now,
                updated_at=now,
            )
        )
        dates.append(planned.due.isoformat())
    return dates


def cancel_open_visits(session: Session, dispute_id: int, *, reason: str, now: dt.datetime) -> int:
    visits = session.scalars(
        select(FollowUpVisit).where(
            FollowUpVisit.dispute_id == dispute_id,
            FollowUpVisit.status == VisitStatus.PLANNED.value,
        )
    ).all()
    for visit in visits:
        visit.status = VisitStatus.CANCELLED.value
        visit.cancel_reason = reason
        visit.updated_at = now
    return len(visits)


def _max_seq(session: Session, dispute_id: int) -> int:
    return int(
        session.scalar(
            select(func.max(FollowUpVisit.seq)).where(FollowUpVisit.dispute_id == dispute_id)
        )
        or 0
    )


class FollowUpService:
    def __init__(self, *, uow: UnitOfWork, settings: SettingsService, cases, clock: Clock) -> None:  # type: ignore[no-untyped-def]
        self._uow = uow
        self._settings = settings
        self._cases = cases
        self._clock = clock

    # ------------------------------------------------------------------ reads
    def due(self, on: dt.date | None = None) -> list[DueVisit]:
        """Planned visits due on or before `on` (default today), the most overdue first."""
        day = on or self._clock().date()
        settings = self._settings.load()
        calendar = settings.calendar()
        with self._uow.read() as session:
            visits = session.scalars(
                select(FollowUpVisit)
                .where(
                    FollowUpVisit.status == VisitStatus.PLANNED.value,
                    FollowUpVisit.due_on <= day,
                )
                .order_by(FollowUpVisit.due_on, FollowUpVisit.dispute_id, FollowUpVisit.seq)
            ).all()
            ids = sorted({v.dispute_id for v in visits})
            disputes = {
                d.id: d
                for d in session.scalars(
                    select(Dispute)
                    .where(Dispute.id.in_(ids))
                    .options(selectinload(Dispute.parties))
                )
            } if ids else {}
            mediators = dict(
                session.execute(
                    select(RosterMember.id, RosterMember.name).where(
                        RosterMember.id.in_({d.mediator_id for d in disputes.values() if d.mediator_id})
                    )
                ).all()
            ) if disputes else {}
            # Everything the lines need, a handful of queries for any number of visits.
            signed = _signed_agreements(session, ids)
            running: dict[int, list[CaseDeadline]] = {}
            for row in session.scalars(
                select(CaseDeadline).where(CaseDeadline.dispute_id.in_(ids)).order_by(CaseDeadline.due)
            ) if ids else ():
                running.setdefault(row.dispute_id, []).append(row)
            result = []
            for visit in visits:
                dispute = disputes[visit.dispute_id]
                agreement = signed.get(dispute.id)
                result.append(
                    DueVisit(
                        visit_id=visit.id,
                        dispute_id=dispute.id,
                        case_number=dispute.number,
                        seq=visit.seq,
                        due=visit.due_on,
                        overdue_days=(day - visit.due_on).days,
                        basis=visit.basis,
                        parties=tuple(_contact(p) for p in dispute.parties),
                        terms=tuple(term_view(t) for t in agreement.terms) if agreement else (),
                        deadlines=_other_clocks(running.get(dispute.id, []), agreement, day, calendar),
                        category=Category(dispute.category),
                        risk=RiskGrade(dispute.risk),
                        mediator=mediators.get(dispute.mediator_id, ""),
                        row_version=visit.row_version,
                    )
                )
            return result

    def visit(self, visit_id: int) -> VisitView:
        with self._uow.read() as session:
            return visit_view(_visit(session, visit_id))

    # ----------------------------------------------------------------- writes
    def add(self, *, dispute_id: int, due: dt.date, reason: str, by: str) -> CaseDetail:
        """An extra visit the mediator plans by hand."""
        now = self._clock()
        if not reason.strip():
            raise ValidationErrors([ValidationError("reason", "请填写增加这次回访的原因")])
        with self._uow.write() as session:
            dispute = _dispute(session, dispute_id)
            _check_state(dispute, planning=True)
            settled_on = _settled_on(session, dispute)
            if settled_on is not None and due < settled_on:
                raise ValidationErrors([ValidationError("due", "回访日期不能早于调解成功日期")])
            if due < now.date():
                raise ValidationErrors([ValidationError("due", "计划的回访日期不能早于今天")])
            session.add(
                FollowUpVisit(
                    dispute_id=dispute.id,
                    agreement_id=_agreement_id(session, dispute.id),
                    seq=_max_seq(session, dispute.id) + 1,
                    due_on=due,
                    planned_on=due,
                    origin=VisitOrigin.MANUAL.value,
                    basis=reason.strip(),
                    created_at=now,
                    updated_at=now,
                )
            )
            self._finish(session, dispute, now, f"增加回访（{due:%Y-%m-%d}）：{reason.strip()}", by)
        return self._cases.detail(dispute_id)

    def move(
        self, *, visit_id: int, expected_row_version: int, due: dt.date, reason: str, by: str
    ) -> CaseDetail:
        now = self._clock()
        with self._uow.write() as session:
            visit = _planned(session, visit_id, expected_row_version)
            dispute = _dispute(session, visit.dispute_id)
            validate_move(due, reason=reason, settled_on=_settled_on(session, dispute))
            if due < now.date():
                raise ValidationErrors([ValidationError("due", "计划的回访日期不能早于今天")])
            old = visit.due_on
            visit.due_on = due
            visit.move_reason = reason.strip()
            visit.updated_at = now
            self._finish(
                session, dispute, now,
                f"第{visit.seq}次回访由{old:%Y-%m-%d}改到{due:%Y-%m-%d}：{reason.strip()}", by,
            )
        return self._cases.detail(visit.dispute_id)

    def cancel(self, *, visit_id: int, expected_row_version: int, reason: str, by: str) -> CaseDetail:
        now = self._clock()
        validate_cancel(reason)
        with self._uow.write() as session:
            visit = _planned(session, visit_id, expected_row_version)
            dispute = _dispute(session, visit.dispute_id)
            visit.status = VisitStatus.CANCELLED.value
            visit.cancel_reason = reason.strip()
            visit.updated_at = now
            self._finish(
                session, dispute, now,
                f"取消第{visit.seq}次回访（{visit.due_on:%Y-%m-%d}）：{reason.strip()}", by,
            )
        return self._cases.detail(visit.dispute_id)

    def record(
        self, *, visit_id: int, expected_row_version: int, record: VisitRecord, by: str
    ) -> VisitView:
        """Record a visit.  When it found a term refused or the conflict back, the returned
        view's `reopen_grounds` says so, and the screen offers `reopen`."""
        now = self._clock()
        with self._uow.write() as session:
            visit = _planned(session, visit_id, expected_row_version)
            dispute = _dispute(session, visit.dispute_id)
            _check_state(dispute)
            agreement = clocks.signed_agreement(session, dispute.id)
            keys, labels = _term_keys(agreement)
            cleaned = validate_visit(
                record, term_keys=keys, settled_on=_settled_on(session, dispute), today=now.date()
            )
            visit.status = VisitStatus.DONE.value
            visit.visited_on = cleaned.visited_on
            visit.way = cleaned.way.value
            visit.visited = cleaned.visited
            visit.visitors = cleaned.visitors
            visit.performance = {k: v.value for k, v in cleaned.performance.items()}
            visit.satisfaction_mediation = (
                cleaned.satisfaction_mediation.value if cleaned.satisfaction_mediation else None
            )
            visit.satisfaction_police = {k: v.value for k, v in cleaned.satisfaction_police.items()}
            visit.conflict_returning = cleaned.conflict_returning
            visit.conflict_signs = cleaned.conflict_signs
            visit.new_risks = cleaned.new_risks
            visit.action = cleaned.action
            visit.remarks = cleaned.remarks
            visit.reopen_grounds = reopen_grounds(cleaned, term_labels=labels)
            visit.recorded_by = by
            visit.recorded_at = now
            visit.updated_at = now
            summary = "；".join(
                f"{labels.get(k, '协议')}{v.label}" for k, v in cleaned.performance.items()
            )
            self._finish(
                session, dispute, now,
                f"第{visit.seq}次回访（{cleaned.way.label}，{cleaned.visited_on:%Y-%m-%d}）"
                + (f"：{summary}" if summary else "")
                + (f"。{visit.reopen_grounds}" if visit.reopen_grounds else ""),
                by,
            )
            return visit_view(visit)

    def reopen(self, *, visit_id: int, expected_version: int, by: str) -> CaseDetail:
        """Mediate again on what a visit found (the mediator confirmed); counts as 反复."""
        from mediation_desk.services.flow import STALE, move_in_session

        now = self._clock()
        settings = self._settings.load()
        with self._uow.write() as session:
            visit = _visit(session, visit_id)
            if visit.status != VisitStatus.DONE.value or not visit.reopen_grounds:
                raise IllegalTransition("这次回访没有发现协议被拒绝履行或矛盾反复，无需重新调解")
            if visit.reopened:
                raise IllegalTransition("已根据这次回访重新调解")
            dispute = _dispute(session, visit.dispute_id)
            current = clocks.signed_agreement(session, dispute.id)
            if visit.agreement_id and current is not None and visit.agreement_id != current.id:
                raise IllegalTransition("这次回访针对的是已被取代的协议，不能据此重新调解")
            if dispute.version != expected_version:
                raise ConcurrentModification(STALE)
            move_in_session(
                session, dispute, MoveRequest(Move.REOPEN, reason=visit.reopen_grounds),
                by=by, now=now, settings=settings, visit=visit,
            )
            session.commit()
        return self._cases.detail(visit.dispute_id)

    def _finish(
        self, session: Session, dispute: Dispute, now: dt.datetime, note: str, by: str
    ) -> None:
        session.add(
            DisputeEvent(
                dispute_id=dispute.id, at=now, kind=EventKind.NOTE.value, reason=note, by=by,
                data={"followup": True},
            )
        )
        dispute.updated_at = now
        clocks.refresh(session, dispute, self._settings.load())
        session.commit()


def _signed_agreements(session: Session, dispute_ids: list[int]) -> dict[int, Agreement]:
    """The agreement in force (newest signed version) of each dispute."""
    found: dict[int, Agreement] = {}
    if not dispute_ids:
        return found
    rows = session.scalars(
        select(Agreement)
        .where(Agreement.dispute_id.in_(dispute_ids), Agreement.status == AgreementStatus.SIGNED.value)
        .options(selectinload(Agreement.terms))
        .order_by(Agreement.dispute_id, Agreement.version)
    )
    for agreement in rows:
        found[agreement.dispute_id] = agreement  # the later version wins
    return found


def _other_clocks(
    rows: list[CaseDeadline], agreement: Agreement | None, day: dt.date, calendar
) -> tuple[DeadlineView, ...]:  # type: ignore[no-untyped-def]
    """The daily list's other clocks: the running ones (kept as rows) but the visits, and
    the judicial-confirmation window while it is open."""
    items = [
        TrackedDeadline(
            Deadline(kind=DeadlineKind(r.kind), due=r.due, label=r.label, basis=r.basis,
                     guessed=r.guessed),
            ref=r.ref,
        )
        for r in rows
        if r.kind != DeadlineKind.FOLLOWUP.value
    ]
    if agreement is not None and agreement.kind == AgreementKind.WRITTEN.value and agreement.signed_on:
        window = judicial_confirmation(agreement.signed_on)
        if window.due >= day:
            items.append(TrackedDeadline(window, counts_overdue=False))
    items.sort(key=lambda t: t.deadline.due)
    return clocks.deadline_views(items, today=day, calendar=calendar)


def _contact(p: Party) -> PartyContact:
    return PartyContact(
        name=p.name,
        side=PartySide(p.side),
        phone=p.phone,
        agent_phone=p.agent_phone,
        guardian_phone=p.guardian_phone,
    )


def _term_keys(agreement: Agreement | None) -> tuple[list[str], dict[str, str]]:
    if agreement is None:
        return [], {}
    if agreement.kind == AgreementKind.ORAL.value or not agreement.terms:
        return [WHOLE_AGREEMENT], {WHOLE_AGREEMENT: "口头协议"}
    keys = [str(t.id) for t in agreement.terms]
    return keys, {str(t.id): f"第{t.position}项（{t.content}）" for t in agreement.terms}


def _dispute(session: Session, dispute_id: int) -> Dispute:
    dispute = session.get(Dispute, dispute_id)
    if dispute is None:
        raise NotFound(f"案件不存在（编号 {dispute_id}）")
    return dispute


def _visit(session: Session, visit_id: int) -> FollowUpVisit:
    visit = session.get(FollowUpVisit, visit_id)
    if visit is None:
        raise NotFound(f"回访不存在（编号 {visit_id}）")
    return visit


def _planned(session: Session, visit_id: int, expected_row_version: int) -> FollowUpVisit:
    visit = _visit(session, visit_id)
    if visit.row_version != expected_row_version:
        raise ConcurrentModification(STALE_VISIT)
    if visit.status != VisitStatus.PLANNED.value:
        raise IllegalTransition(f"这次回访{VisitStatus(visit.status).label}，不能再修改")
    return visit


def _check_state(dispute: Dispute, *, planning: bool = False) -> None:
    state = DisputeState(dispute.state)
    if planning and state is DisputeState.CLOSED:
        raise IllegalTransition("案件已结案，不再安排回访；如需继续跟进，请重新调解")
    if state not in VISIT_STATES:
        raise IllegalTransition(f"案件处于“{state.label}”，只有调解成功或已结案的案件安排回访")


def _settled_on(session: Session, dispute: Dispute) -> dt.date | None:
    """The day the dispute was settled (a later correction does not move it)."""
    if dispute.concluded_on is not None:
        return dispute.concluded_on
    agreement = clocks.signed_agreement(session, dispute.id)
    return agreement.signed_on if agreement else None


def _agreement_id(session: Session, dispute_id: int) -> int | None:
    return session.scalar(
        select(Agreement.id)
        .where(Agreement.dispute_id == dispute_id, Agreement.status == AgreementStatus.SIGNED.value)
        .order_by(Agreement.version.desc())
        .limit(1)
    )

