"""Writing the mediation agreement of a case, and correcting it once signed (DOMAIN §6).

A draft is saved as the mediator types it, complete or not: nothing typed is lost, and
the editor shows what is still missing (`problems`).  The settle move signs the draft
(`FlowService.move`), which freezes it.  A signed agreement is never changed: `correct`
starts a new version from it, and `sign_correction` puts that version in force and keeps
the old one as superseded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from mediation_desk.domain.agreements import (
    AgreementDraft,
    AgreementKind,
    AgreementStatus,
    CaseParty,
    agreement_problems,
    validate_agreement,
)
from mediation_desk.domain.errors import (
    ConcurrentModification,
    IllegalTransition,
    NotFound,
    ValidationError,
    ValidationErrors,
)
from mediation_desk.domain.vocabulary import DisputeState, EventKind
from mediation_desk.persistence.models import (
    Agreement,
    AgreementTerm,
    Dispute,
    DisputeEvent,
    FollowUpVisit,
    Party,
)
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services import clocks
from mediation_desk.services.dto import AgreementView
from mediation_desk.services.settings import SettingsService
from mediation_desk.services.views import agreement_view

Clock = Callable[[], dt.datetime]

# States in which the agreement being reached may be drafted.
DRAFTING_STATES = frozenset({DisputeState.IN_MEDIATION})
# States in which a signed agreement may be corrected.
CORRECTING_STATES = frozenset({DisputeState.SETTLED, DisputeState.CLOSED})

STALE_DRAFT = "这份协议刚被另一台电脑或窗口保存过，您的修改未保存。请复制您的修改，刷新后再改。"


class AgreementService:
    def __init__(self, *, uow: UnitOfWork, settings: SettingsService, clock: Clock) -> None:
        self._uow = uow
        self._settings = settings
        self._clock = clock

    # ------------------------------------------------------------------ reads
    def current(self, dispute_id: int) -> AgreementView | None:
        """The newest version (a draft, or the signed agreement in force)."""
        with self._uow.read() as session:
            agreement = _latest(session, dispute_id)
            return agreement_view(agreement) if agreement else None

    def problems(self, dispute_id: int, kind: AgreementKind | None = None) -> tuple[str, ...]:
        """Why the current draft cannot be signed (empty: it can)."""
        with self._uow.read() as session:
            return draft_problems(session, dispute_id, kind=kind, today=self._clock().date())

    # ----------------------------------------------------------------- writes
    def save_draft(
        self,
        *,
        dispute_id: int,
        draft: AgreementDraft,
        expected_edit_version: int | None,
        by: str,
    ) -> AgreementView:
        """Save the draft as typed.  `expected_edit_version` is the draft's version the
        editor loaded (None for a new draft); a newer one on disk refuses the save."""
        now = self._clock()
        _basic_checks(draft)
        with self._uow.write() as session:
            dispute = _dispute(session, dispute_id)
            latest = _latest(session, dispute_id)
            existing = latest is not None and latest.status == AgreementStatus.DRAFT.value
            if latest is not None and existing:
                if expected_edit_version is None or latest.edit_version != expected_edit_version:
                    raise ConcurrentModification(STALE_DRAFT)
                record = latest
            else:
                state = DisputeState(dispute.state)
                if state not in DRAFTING_STATES:
                    raise IllegalTransition(
                        f"案件处于“{state.label}”，只有调解中的案件可以起草调解协议"
                        + ("；已签字的协议如需更正，请使用“更正协议”" if latest else "")
                    )
                record = Agreement(
                    dispute_id=dispute_id,
                    version=(latest.version + 1) if latest else 1,
                    kind=draft.kind.value,
                    status=AgreementStatus.DRAFT.value,
                    updated_at=now,
                    supersedes_id=latest.id if latest else None,
                    created_at=now,
                    created_by=by,
                )
                session.add(record)
            _fill(session, record, draft, dispute_id)
            record.updated_at = now
            if existing:
                record.edit_version += 1
            session.commit()
            return agreement_view(_reload(session, record.id))

    def correct(self, *, dispute_id: int, reason: str, by: str) -> AgreementView:
        """Start a correction of the signed agreement: a new draft version copied from it."""
        if not reason.strip():
            raise ValidationErrors([ValidationError("correction_reason", "更正协议须填写原因")])
        now = self._clock()
        with self._uow.write() as session:
            dispute = _dispute(session, dispute_id)
            latest = _latest(session, dispute_id)
            if latest is None or latest.status != AgreementStatus.SIGNED.value:
                if latest is not None and latest.status == AgreementStatus.DRAFT.value:
                    raise IllegalTransition("已有一份未签字的更正稿，请继续编辑该稿")
                raise IllegalTransition("本案没有已签字的协议，无需更正")
            if DisputeState(dispute.state) not in CORRECTING_STATES:
                raise IllegalTransition("只有调解成功或已结案的案件可以更正协议")
            record = Agreement(
                dispute_id=dispute_id,
                version=latest.version + 1,
                kind=latest.kind,
                status=AgreementStatus.DRAFT.value,
                party_ids=list(latest.party_ids or []),
                facts=latest.facts,
                issues=latest.issues,
                responsibility=latest.responsibility,
                oral_content=latest.oral_content,
                place=latest.place,
                supersedes_id=latest.id,
                correction_reason=reason.strip(),
                created_at=now,
                created_by=by,
                updated_at=now,
                terms=[
                    AgreementTerm(
                        position=t.position,
                        content=t.content,
                        way=t.way,
                        obligor_party_id=t.obligor_party_id,
                        obligor=t.obligor,
                        amount=t.amount,
                        deadline=t.deadline,
                        place=t.place,
                    )
                    for t in latest.terms
                ],
            )
            session.add(record)
            session.commit()
            return agreement_view(_reload(session, record.id))

    def sign_correction(
        self, *, agreement_id: int, expected_edit_version: int, by: str
    ) -> AgreementView:
        """Put a corrected version in force; the old version is kept, marked superseded."""
        now = self._clock()
        settings = self._settings.load()
        with self._uow.write() as session:
            record = _reload(session, agreement_id)
            if record.status != AgreementStatus.DRAFT.value or record.supersedes_id is None:
                raise IllegalTransition("这份协议不是待签字的更正稿")
            if record.edit_version != expected_edit_version:
                raise ConcurrentModification(STALE_DRAFT)
            dispute = _dispute(session, record.dispute_id)
            if DisputeState(dispute.state) not in CORRECTING_STATES:
                raise IllegalTransition("调解中的协议在认定调解成功时签字生效")
            # Deadlines kept from the original may lie in the past by now: a correction is
            # checked as of the day the agreement first took effect.
            as_of = min(now.date(), _first_signed_on(session, dispute.id) or now.date())
            problems = draft_problems(session, dispute.id, kind=None, today=as_of)
            if problems:
                raise IllegalTransition("更正后的协议不完整，不能签字：" + "；".join(problems))
            old_id = record.supersedes_id
            sign(session, record, now=now, by=by, as_of=as_of)
            replan_after_correction(session, dispute, record, old_id=old_id, now=now)
            session.add(
                DisputeEvent(
                    dispute_id=dispute.id, at=now, kind=EventKind.NOTE.value, by=by,
                    reason=f"调解协议更正为第{record.version}版并经各方签字：{record.correction_reason}",
                    data={"agreement": record.id, "version": record.version},
                )
            )
            dispute.updated_at = now
            clocks.refresh(session, dispute, settings)
            session.commit()
            return agreement_view(_reload(session, record.id))


# ------------------------------------------------------------- shared with flow
def draft_problems(
    session: Session, dispute_id: int, *, kind: AgreementKind | None, today: dt.date
) -> tuple[str, ...]:
    latest = _latest(session, dispute_id)
    if latest is None or latest.status != AgreementStatus.DRAFT.value:
        return (f"尚未填写{(kind or AgreementKind.WRITTEN).label}",)
    if kind is not None and latest.kind != kind.value:
        return (f"已填写的是{AgreementKind(latest.kind).label}，不是{kind.label}",)
    return agreement_problems(
        _draft_of(latest), case_parties=_case_parties(session, dispute_id), today=today
    )


def current_draft(session: Session, dispute_id: int) -> Agreement | None:
    latest = _latest(session, dispute_id)
    return latest if latest is not None and latest.status == AgreementStatus.DRAFT.value else None


def sign(
    session: Session, record: Agreement, *, now: dt.datetime, by: str, as_of: dt.date | None = None
) -> None:
    """Freeze a complete draft: it takes effect today; the version it replaces is kept."""
    cleaned = validate_agreement(
        _draft_of(record),
        case_parties=_case_parties(session, record.dispute_id),
        today=as_of or now.date(),
    )
    record.party_ids = list(cleaned.party_ids)
    record.status = AgreementStatus.SIGNED.value
    record.signed_on = now.date()
    record.signed_at = now
    record.signed_by = by
    record.updated_at = now
    if record.supersedes_id is not None:
        old = session.get(Agreement, record.supersedes_id)
        if old is not None and old.status == AgreementStatus.SIGNED.value:
            old.status = AgreementStatus.SUPERSEDED.value


def replan_after_correction(
    session: Session, dispute: Dispute, record: Agreement, *, old_id: int | None, now: dt.datetime
) -> None:
    """After a correction: the visits planned for deadlines the correction dropped are
    cancelled (reason kept), and a visit is planned the day after each new deadline.  A
    closed case has finished its follow-up: nothing is planned there."""
    from mediation_desk.domain.followups import VisitOrigin, VisitStatus

    if dispute.state == DisputeState.CLOSED.value:
        return
    wanted = {t.deadline + dt.timedelta(days=1) for t in record.terms if t.deadline is not None}
    visits = list(session.scalars(select(FollowUpVisit).where(FollowUpVisit.dispute_id == dispute.id)))
    for visit in visits:
        if (
            visit.status == VisitStatus.PLANNED.value
            and visit.origin == VisitOrigin.PERFORMANCE.value
            and visit.agreement_id == old_id
            and visit.due_on not in wanted
        ):
            visit.status = VisitStatus.CANCELLED.value
            visit.cancel_reason = f"协议已更正为第{record.version}版，原履行期限的回访取消"
            visit.updated_at = now
    planned = {v.due_on for v in visits if v.status != VisitStatus.CANCELLED.value}
    seq = max((v.seq for v in visits), default=0)
    for due in sorted(d for d in wanted - planned if d >= now.date()):
        seq += 1
        session.add(
            FollowUpVisit(
                dispute_id=dispute.id, agreement_id=record.id, seq=seq, due_on=due, planned_on=due,
                origin=VisitOrigin.PERFORMANCE.value,
                basis=f"履行期限{due - dt.timedelta(days=1):%Y-%m-%d}次日（更正协议）",
                created_at=now, updated_at=now,
            )
        )


def _first_signed_on(session: Session, dispute_id: int) -> dt.date | None:
    return session.scalar(
        select(func.min(Agreement.signed_on)).where(Agreement.dispute_id == dispute_id)
    )


# ------------------------------------------------------------------ helpers
def _basic_checks(draft: AgreementDraft) -> None:
    """What even a draft cannot hold (the rest is checked when it is signed)."""
    errors = []
    for n, term in enumerate(draft.terms, start=1):
        if term.amount is not None and term.amount < 0:
            errors.append(ValidationError(f"terms.{n}.amount", f"第{n}项的金额不能为负数"))
        if term.amount is not None and term.amount >= 10**12:
            errors.append(ValidationError(f"terms.{n}.amount", f"第{n}项的金额过大，请核对"))
    if errors:
        raise ValidationErrors(errors)


def _dispute(session: Session, dispute_id: int) -> Dispute:
    dispute = session.get(Dispute, dispute_id)
    if dispute is None:
        raise NotFound(f"案件不存在（编号 {dispute_id}）")
    return dispute


def _latest(session: Session, dispute_id: int) -> Agreement | None:
    return session.scalar(
        select(Agreement)
        .where(Agreement.dispute_id == dispute_id)
        .options(selectinload(Agreement.terms))
        .order_by(Agreement.version.desc())
        .limit(1)
    )


def _reload(session: Session, agreement_id: int) -> Agreement:
    record = session.scalar(
        select(Agreement)
        .where(Agreement.id == agreement_id)
        .options(selectinload(Agreement.terms))
        .execution_options(populate_existing=True)
    )
    if record is None:
        raise NotFound(f"协议不存在（编号 {agreement_id}）")
    return record


def _case_parties(session: Session, dispute_id: int) -> list[CaseParty]:
    rows = session.execute(
        select(Party.id, Party.name).where(Party.dispute_id == dispute_id).order_by(Party.position, Party.id)
    )
    return [CaseParty(id=i, name=n) for i, n in rows]


def _draft_of(record: Agreement) -> AgreementDraft:
    from mediation_desk.domain.agreements import PerformanceWay, TermDraft

    return AgreementDraft(
        kind=AgreementKind(record.kind),
        party_ids=tuple(int(i) for i in (record.party_ids or [])),
        facts=record.facts,
        issues=record.issues,
        responsibility=record.responsibility,
        oral_content=record.oral_content,
        place=record.place,
        terms=tuple(
            TermDraft(
                content=t.content,
                way=PerformanceWay(t.way),
                obligor_party_id=t.obligor_party_id,
                amount=t.amount,
                deadline=t.deadline,
                place=t.place,
            )
            for t in record.terms
        ),
    )


def _fill(session: Session, record: Agreement, draft: AgreementDraft, dispute_id: int) -> None:
    names = dict(
        session.execute(select(Party.id, Party.name).where(Party.dispute_id == dispute_id)).all()
    )
    record.kind = draft.kind.value
    record.party_ids = [int(i) for i in draft.party_ids if i in names]
    record.facts = draft.facts
    record.issues = draft.issues
    record.responsibility = draft.responsibility
    record.oral_content = draft.oral_content
    record.place = draft.place
    record.terms.clear()
    session.flush()
    for position, term in enumerate(draft.terms, start=1):
        record.terms.append(
            AgreementTerm(
                position=position,
                content=term.content,
                way=term.way.value,
                obligor_party_id=term.obligor_party_id if term.obligor_party_id in names else None,
                obligor=names.get(term.obligor_party_id, "") if term.obligor_party_id else "",
                amount=term.amount,
                deadline=term.deadline,
                place=term.place,
            )
        )
