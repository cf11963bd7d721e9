"""Moving a dispute through its life: the three-tier flow, sessions, risk grade.

Every move reads the dispute inside a write transaction (SQLite's write lock is taken at
BEGIN), checks that it is still the version the mediator was looking at, asks the pure
state machine (`domain.escalation.decide`) and writes the state change and exactly one
event row in that same transaction.  A second window escalating the same dispute at the
same moment therefore finds a newer version and is refused; nothing is ever done twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediation_desk.domain.agreements import AgreementKind
from mediation_desk.domain.errors import (
    ConcurrentModification,
    IllegalTransition,
    NotFound,
    ValidationError,
    ValidationErrors,
)
from mediation_desk.domain.escalation import (
    CaseFacts,
    Move,
    MoveRequest,
    ReferralRoute,
    SettlementKind,
    Transition,
    allowed_moves,
    can_record_session,
    can_set_tier,
    decide,
)
from mediation_desk.domain.figures import RecordedFact, fact_problems
from mediation_desk.domain.followups import VisitStatus
from mediation_desk.domain.sessions import (
    Participant,
    SessionDraft,
    validate_session,
    validate_team,
)
from mediation_desk.domain.vocabulary import (
    DisputeKind,
    DisputeState,
    EventKind,
    RiskGrade,
    RosterRole,
    Tier,
)
from mediation_desk.persistence.models import (
    Dispute,
    DisputeEvent,
    FollowUpVisit,
    MediationSession,
    RosterMember,
    SessionParticipant,
)
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services import agreements, clocks, followups
from mediation_desk.services.cases import CaseService
from mediation_desk.services.dto import CaseDetail
from mediation_desk.services.settings import SettingsService, StationSettings

Clock = Callable[[], dt.datetime]

@dataclass(frozen=True)
class CaseActions:
    moves: tuple[Move, ...]
    record_session: bool
    set_tier: bool


STALE = "这个案件刚被另一台电脑或窗口修改过（例如已升级），您的操作未执行。请刷新后再看。"


class FlowService:
    def __init__(
        self, *, uow: UnitOfWork, cases: CaseService, settings: SettingsService, clock: Clock
    ) -> None:
        self._uow = uow
        self._cases = cases
        self._settings = settings
        self._clock = clock

    # ------------------------------------------------------------------ reads
    def facts(self, dispute_id: int) -> CaseFacts:
        with self._uow.read() as session:
            return _facts(session, _get(session, dispute_id))

    def allowed_moves(self, dispute_id: int) -> list[Move]:
        return allowed_moves(self.facts(dispute_id))

    def actions(self, dispute_id: int) -> CaseActions:
        """Everything the case screen may offer now, decided by the domain rules."""
        facts = self.facts(dispute_id)
        return CaseActions(
            moves=tuple(allowed_moves(facts)),
            record_session=can_record_session(facts),
            set_tier=can_set_tier(facts),
        )

    # ----------------------------------------------------------------- writes
    def move(
        self, *, dispute_id: int, expected_version: int, request: MoveRequest, by: str
    ) -> CaseDetail:
        now = self._clock()
        settings = self._settings.load()
        with self._uow.write() as session:
            dispute = _get(session, dispute_id)
            _check_version(dispute, expected_version)
            move_in_session(session, dispute, request, by=by, now=now, settings=settings)
            session.commit()
        return self._cases.detail(dispute_id)

    def record_long_running_reason(
        self, *, dispute_id: int, expected_version: int, reason: str, by: str
    ) -> CaseDetail:
        """Why mediation runs past its target (DOMAIN §9): a warning answered, not a block."""
        if not reason.strip():
            raise ValidationErrors([ValidationError("long_running_reason", "请填写超期的原因")])
        now = self._clock()
        settings = self._settings.load()
        with self._uow.write() as session:
            dispute = _get(session, dispute_id)
            _check_version(dispute, expected_version)
            dispute.long_running_reason = reason.strip()
            session.add(
                DisputeEvent(
                    dispute_id=dispute.id, at=now, kind=EventKind.NOTE.value, by=by,
                    reason=f"调解超过期限的原因：{reason.strip()}",
                    data={"long_running_reason": reason.strip()},
                )
            )
            dispute.updated_at = now
            clocks.refresh(session, dispute, settings)
            session.commit()
        return self._cases.detail(dispute_id)

    def record_fact(
        self,
        *,
        dispute_id: int,
        expected_version: int,
        fact: RecordedFact,
        on: dt.date | None,
        note: str,
        by: str,
    ) -> CaseDetail:
        """Record 民转刑, a group incident prevented, or the court's confirmation of the
        agreement (DOMAIN §10: counted "as recorded"); `on=None` withdraws a wrong record,
        with `note` saying why.  Each is an event on the timeline too."""
        now = self._clock()
        with self._uow.write() as session:
            dispute = _get(session, dispute_id)
            _check_version(dispute, expected_version)
            if on is None:
                if getattr(dispute, fact.column) is None:
                    raise ValidationErrors([ValidationError("on", f"本案没有{fact.label}记录，无需撤销")])
                if not note.strip():
                    raise ValidationErrors([ValidationError("note", "请写明撤销这条记录的原因")])
                text = f"撤销{fact.label}记录：{note.strip()}"
            else:
                agreement = clocks.signed_agreement(session, dispute.id)
                written = (agreement.signed_on if agreement is not None
                           and agreement.kind == AgreementKind.WRITTEN.value else None)
                problems = fact_problems(
                    fact, on=on, today=now.date(), accepted_on=dispute.accepted_on,
                    registered_on=dispute.registered_on, signed_written_on=written, note=note,
                )
                if problems:
                    raise ValidationErrors(problems)
                text = f"记录{fact.label}（{on.isoformat()}）：{note.strip()}"
            setattr(dispute, fact.column, on)
            if fact is RecordedFact.JUDICIAL:
                # A confirmation ends the window to apply for one.
                clocks.refresh(session, dispute, self._settings.load())
            session.add(
                DisputeEvent(
                    dispute_id=dispute.id, at=now, kind=EventKind.NOTE.value, by=by,
                    reason=text,
                    data={"fact": fact.value, "on": on.isoformat() if on else None},
                )
            )
            dispute.updated_at = now
            session.commit()
        return self._cases.detail(dispute_id)

    def set_tier(
        self, *, dispute_id: int, expected_version: int, tier: Tier, reason: str, by: str
    ) -> CaseDetail:
        """Confirm or override the tier before mediation starts (afterwards, escalate)."""
        now = self._clock()
        with self._uow.write() as session:
            dispute = _get(session, dispute_id)
            _check_version(dispute, expected_version)
            if not can_set_tier(_facts(session, dispute)):
                raise IllegalTransition("调解开始后改变层级须通过升级或降级，并填写理由")
            if tier != dispute.suggested_tier and not reason.strip():
                raise ValidationErrors(
                    [ValidationError("tier_reason", "所选层级与系统建议不同，请填写理由")]
                )
            session.add(
                DisputeEvent(
                    dispute_id=dispute.id, at=now, kind=EventKind.TIER_CONFIRMED.value,
                    from_tier=dispute.tier, to_tier=int(tier), reason=reason.strip(), by=by,
                )
            )
            dispute.tier = int(tier)
            dispute.tier_reason = reason.strip() if tier != dispute.suggested_tier else ""
            dispute.updated_at = now
            session.commit()
        return self._cases.detail(dispute_id)

    def record_session(self, *, dispute_id: int, draft: SessionDraft, by: str) -> CaseDetail:
        """Record a session at the dispute's current tier.  Not tied to a version: a
        session typed over half an hour must not be lost because someone changed the
        risk grade meanwhile."""
        now = self._clock()
        with self._uow.write() as session:
            dispute = _get(session, dispute_id)
            if not can_record_session(_facts(session, dispute)):
                raise IllegalTransition(
                    f"案件处于“{DisputeState(dispute.state).label}”，只有调解中的案件可以记录调解笔录"
                )
            participants = _participants(session, draft.participants)
            cleaned = validate_session(
                replace(draft, participants=participants),
                tier=Tier(dispute.tier),
                today=now.date(),
            )
            seq = (
                session.scalar(
                    select(func.max(MediationSession.seq)).where(
                        MediationSession.dispute_id == dispute.id
                    )
                )
                or 0
            ) + 1
            record = MediationSession(
                dispute_id=dispute.id,
                seq=seq,
                held_on=cleaned.held_on,
                start_time=cleaned.start_time,
                end_time=cleaned.end_time,
                place=cleaned.place,
                tier=dispute.tier,
                parties_present=cleaned.parties_present,
                others_present=cleaned.others_present,
                applicant_statement=cleaned.applicant_statement,
                respondent_statement=cleaned.respondent_statement,
                proposals=cleaned.proposals,
                outcome=cleaned.outcome.value,
                next_on=cleaned.next_on,
                recorded_by=by,
                recorded_at=now,
                participants=[
                    SessionParticipant(roster_member_id=p.roster_id, name=p.name, role=p.role.value)
                    for p in cleaned.participants
                ],
            )
            session.add(record)
            dispute.updated_at = now  # bumps the version: open case screens must reload
            clocks.refresh(session, dispute, self._settings.load())
            session.commit()
        return self._cases.detail(dispute_id)

    def change_risk(
        self,
        *,
        dispute_id: int,
        expected_version: int,
        risk: RiskGrade,
        reason: str,
        by: str,
    ) -> CaseDetail:
        now = self._clock()
        if not reason.strip():
            raise ValidationErrors([ValidationError("risk_reason", "改变风险等级须填写理由")])
        with self._uow.write() as session:
            dispute = _get(session, dispute_id)
            _check_version(dispute, expected_version)
            old = RiskGrade(dispute.risk)
            if old is risk:
                raise ValidationErrors([ValidationError("risk", f"风险等级已是{risk.label}色")])
            session.add(
                DisputeEvent(
                    dispute_id=dispute.id, at=now, kind=EventKind.RISK_CHANGED.value,
                    reason=f"{old.label}→{risk.label}：{reason.strip()}", by=by,
                    data={"from": old.value, "to": risk.value},
                )
            )
            dispute.risk = risk.value
            if risk is RiskGrade.RED:
                # A new red grade needs a new notification of the duty leader.
                dispute.red_acknowledged_at = None
                dispute.red_acknowledged_by = ""
                dispute.duty_leader = ""
            dispute.updated_at = now
            session.commit()
        return self._cases.detail(dispute_id)

    def notify_duty_leader(
        self, *, dispute_id: int, leader: str, notified_at: dt.datetime, by: str
    ) -> CaseDetail:
        """Record that the duty leader was told of a red-risk dispute (DOMAIN §2)."""
        now = self._clock()
        errors = []
        if not leader.strip():
            errors.append(ValidationError("duty_leader", "请填写已通知的值班领导姓名"))
        if notified_at > now + dt.timedelta(minutes=5):
            errors.append(ValidationError("notified_at", "通知时间不能晚于现在"))
        if errors:
            raise ValidationErrors(errors)
        with self._uow.write() as session:
            dispute = _get(session, dispute_id)
            if RiskGrade(dispute.risk) is not RiskGrade.RED:
                raise ValidationErrors([ValidationError("duty_leader", "只有红色风险的案件需要通知值班领导")])
            dispute.duty_leader = leader.strip()
            dispute.red_acknowledged_at = notified_at
            dispute.red_acknowledged_by = by
            session.add(
                DisputeEvent(
                    dispute_id=dispute.id, at=now, kind=EventKind.NOTE.value,
                    reason=f"已于{notified_at:%Y-%m-%d %H:%M}通知值班领导{leader.strip()}",
                    by=by, data={"duty_leader": leader.strip(),
                                 "notified_at": notified_at.isoformat(timespec="minutes")},
                )
            )
            dispute.updated_at = now
            session.commit()
        return self._cases.detail(dispute_id)


def _get(session: Session, dispute_id: int) -> Dispute:
    dispute = session.get(Dispute, dispute_id)
    if dispute is None:
        raise NotFound(f"案件不存在（编号 {dispute_id}）")
    return dispute


def _check_version(dispute: Dispute, expected: int) -> None:
    if dispute.version != expected:
        raise ConcurrentModification(STALE)


def move_in_session(
    session: Session,
    dispute: Dispute,
    request: MoveRequest,
    *,
    by: str,
    now: dt.datetime,
    settings: StationSettings,
    visit: FollowUpVisit | None = None,
) -> Transition:
    """Decide and record one move inside the caller's transaction: the state change, its
    event row, and what the move brings with it (signing the agreement and planning the
    follow-ups on settle; cancelling the plan on reopen), then the case clocks."""
    problems: tuple[str, ...] = ()
    if request.move is Move.SETTLE and request.settlement is not None:
        problems = agreements.draft_problems(
            session, dispute.id, kind=request.settlement, today=now.date()
        )
    transition = decide(_facts(session, dispute, agreement_problems=problems), request)
    team: list[dict[str, object]] = []
    if request.move is Move.ESCALATE:
        chosen = _participants(session, request.team)
        validate_team(chosen, tier=transition.to_tier)
        team = [{"id": p.roster_id, "name": p.name, "role": p.role.value} for p in chosen]
    recurrence = transition.move is Move.REOPEN and transition.from_state in (
        DisputeState.SETTLED,
        DisputeState.CLOSED,
    )
    _apply(dispute, transition, request, now)
    data: dict[str, object] = {}
    if team:
        data["team"] = team
    if transition.move is Move.SETTLE:
        draft = agreements.current_draft(session, dispute.id)
        assert draft is not None  # decide() refused otherwise
        agreements.sign(session, draft, now=now, by=by)
        data["agreement"] = draft.id
        data["visits"] = followups.plan_after_settlement(
            session, dispute, draft, settings=settings, now=now
        )
    if transition.move is Move.REOPEN:
        cancelled = followups.cancel_open_visits(
            session, dispute.id, reason="案件重新调解，原回访计划取消", now=now
        )
        dispute.reopened_on = now.date()
        dispute.long_running_reason = ""
        if recurrence:
            dispute.recurrences = (dispute.recurrences or 0) + 1
            data["recurrence"] = True
        if visit is not None:
            visit.reopened = True
            visit.updated_at = now
            data["visit"] = visit.id
        if cancelled:
            data["cancelled_visits"] = cancelled
    session.add(
        DisputeEvent(
            dispute_id=dispute.id,
            at=now,
            kind=transition.event.value,
            from_state=transition.from_state.value,
            to_state=transition.to_state.value,
            from_tier=int(transition.from_tier),
            to_tier=int(transition.to_tier),
            reason=transition.reason,
            by=by,
            data=data or None,
        )
    )
    clocks.refresh(session, dispute, settings)
    return transition


def _facts(
    session: Session, dispute: Dispute, *, agreement_problems: tuple[str, ...] = ()
) -> CaseFacts:
    sessions = session.scalar(
        select(func.count(MediationSession.id)).where(MediationSession.dispute_id == dispute.id)
    )
    open_visits = session.scalar(
        select(func.count(FollowUpVisit.id)).where(
            FollowUpVisit.dispute_id == dispute.id,
            FollowUpVisit.status == VisitStatus.PLANNED.value,
        )
    )
    return CaseFacts(
        agreement_problems=agreement_problems,
        open_visits=int(open_visits or 0),
        state=DisputeState(dispute.state),
        tier=Tier(dispute.tier),
        kind=DisputeKind(dispute.kind),
        sessions=int(sessions or 0),
        settlement=SettlementKind(dispute.settlement) if dispute.settlement else None,
        referral=ReferralRoute(dispute.referral_route) if dispute.referral_route else None,
    )


def _apply(dispute: Dispute, t: Transition, request: MoveRequest, now: dt.datetime) -> None:
    dispute.state = t.to_state.value
    dispute.tier = int(t.to_tier)
    dispute.updated_at = now
    if t.move is Move.ACCEPT:
        dispute.accepted_on = now.date()
    elif t.move is Move.SETTLE:
        dispute.settlement = request.settlement.value if request.settlement else None
        dispute.concluded_on = now.date()
    elif t.move in (Move.FAIL, Move.DECLINE, Move.WITHDRAW):
        dispute.concluded_on = dispute.concluded_on or now.date()
    elif t.move is Move.REFER:
        dispute.referral_route = request.route.value if request.route else None
    elif t.move is Move.REOPEN:
        dispute.concluded_on = None
        dispute.settlement = None


def _participants(session: Session, chosen) -> tuple[Participant, ...]:  # type: ignore[no-untyped-def]
    """Roster entries for ids (or Participants), read from the roster itself."""
    ids = [c.roster_id if isinstance(c, Participant) else int(c) for c in chosen]
    if not ids:
        return ()
    members = {m.id: m for m in session.scalars(select(RosterMember).where(RosterMember.id.in_(ids)))}
    missing = [i for i in ids if i not in members or not members[i].active]
    if missing:
        raise ValidationErrors(
            [ValidationError("participants", "所选人员不在名册中或已停用，请重新选择")]
        )
    return tuple(
        Participant(roster_id=i, name=members[i].name, role=RosterRole(members[i].role)) for i in ids
    )
