"""Use cases on disputes: register one, list and search them, open one.

Every write is one transaction: the case number, the dispute, its parties and its first
event are committed together or not at all, so a failed save neither half-saves a record
nor leaves a gap in the year's numbering.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import Select, case, func, select, update
from sqlalchemy.orm import Session, aliased, selectinload

from mediation_desk.domain.case_numbers import format_case_number
from mediation_desk.domain.errors import NotFound, ValidationError, ValidationErrors
from mediation_desk.domain.intake import DisputeDraft, PartyDraft, intake_facts, validate_dispute
from mediation_desk.domain.tiering import TierSuggestion, suggest_tier
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeKind,
    DisputeState,
    EventKind,
    PartySide,
    PartyType,
    RiskGrade,
    RosterRole,
    Sex,
    Source,
    Tier,
)
from mediation_desk.persistence.models import (
    Agreement,
    CaseNumberSequence,
    Dispute,
    DisputeEvent,
    MediationSession,
    Party,
    RosterMember,
    ScreeningEntry,
)
from mediation_desk.persistence.search import apply_search
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services import clocks
from mediation_desk.services.dto import (
    CaseDetail,
    CaseFilter,
    CaseRow,
    DeadlineView,
    EventView,
    ParticipantView,
    PartyView,
    ScreeningLink,
    SessionView,
    SortKey,
)
from mediation_desk.services.settings import SettingsService
from mediation_desk.services.stats import figure_clause
from mediation_desk.services.views import agreement_view, visit_view

Clock = Callable[[], dt.datetime]


def parties_display(parties: Sequence[PartyDraft | Party]) -> str:
    """"张三 与 李四", "张三等3人 与 某公司": what the case list shows as 当事人."""

    def side(value: str) -> str:
        names = [p.name for p in parties if _side_value(p) == value]
        if not names:
            return ""
        return names[0] if len(names) == 1 else f"{names[0]}等{len(names)}人"

    return f"{side(PartySide.APPLICANT.value)} 与 {side(PartySide.RESPONDENT.value)}"[:300]


def _side_value(p: PartyDraft | Party) -> str:
    return p.side.value if isinstance(p.side, PartySide) else p.side


def search_text(number: str, parties: Sequence[PartyDraft | Party]) -> str:
    """What the search box matches: case number, names, ID numbers and phones."""
    pieces = [number]
    for p in parties:
        pieces += [
            p.name,
            p.id_number,
            p.phone,
            p.agent_name,
            p.agent_phone,
            p.guardian_name,
            p.guardian_phone,
            p.credit_code,
        ]
    return " ".join(piece for piece in pieces if piece).lower()


class CaseService:
    def __init__(self, *, uow: UnitOfWork, settings: SettingsService, clock: Clock) -> None:
        self._uow = uow
        self._settings = settings
        self._clock = clock

    # ----------------------------------------------------------------- writes
    def suggest_tier(self, draft: DisputeDraft) -> TierSuggestion:
        """The tier the rules suggest for a draft, cleaned as far as it goes."""
        today = self._clock().date()
        try:
            draft = validate_dispute(draft, today=today)
        except ValidationErrors:
            pass  # a partly typed form still gets a suggestion from what is valid
        return suggest_tier(intake_facts(draft, today), self._settings.load().thresholds())

    def register(
        self,
        *,
        draft: DisputeDraft,
        by: str,
        within: Callable[[Session, Dispute], None] | None = None,
    ) -> CaseDetail:
        """Register a dispute.  `within(session, dispute)`, if given, runs inside the same
        transaction once the dispute has its id (the screening log links its line there);
        if it raises, nothing is kept, the case number included."""
        now = self._clock()
        settings = self._settings.load()
        cleaned = validate_dispute(draft, today=now.date())
        suggestion = suggest_tier(intake_facts(cleaned, now.date()), settings.thresholds())
        tier = Tier(cleaned.tier) if cleaned.tier else suggestion.tier
        if tier is not suggestion.tier and not cleaned.tier_reason:
            raise ValidationErrors(
                [
                    ValidationError(
                        "tier_reason",
                        f"系统建议{suggestion.tier.label}，所选层级不同，请填写理由",
                    )
                ]
            )
        with self._uow.write() as session:
            self._check_roster(session, cleaned)
            serial = _next_serial(session, now.year)
            number = format_case_number(now.year, settings.station_short_name, serial)
            dispute = Dispute(
                number=number,
                year=now.year,
                serial=serial,
                kind=cleaned.kind.value,
                source=cleaned.source.value,  # type: ignore[union-attr]
                category=cleaned.category.value,  # type: ignore[union-attr]
                state=DisputeState.REGISTERED.value,
                tier=int(tier),
                suggested_tier=int(suggestion.tier),
                tier_reason=cleaned.tier_reason if tier is not suggestion.tier else "",
                intake_flags={**cleaned.flags(), "suggestion": suggestion.explanation()},
                risk=cleaned.risk.value,
                registered_at=now,
                registered_on=now.date(),
                occurred_on=cleaned.occurred_on,
                place=cleaned.place,
                summary=cleaned.summary,
                applicant_claims=cleaned.applicant_claims,
                respondent_claims=cleaned.respondent_claims,
                amount=cleaned.amount,
                people_involved=cleaned.people_involved,
                grid=cleaned.grid,
                community_officer=cleaned.community_officer,
                mediator_id=cleaned.mediator_id,
                grid_worker_id=cleaned.grid_worker_id,
                parties_display=parties_display(cleaned.parties),
                search_text=search_text(number, cleaned.parties),
                registered_by=by,
                updated_at=now,
            )
            dispute.parties = [_party_row(p, position) for position, p in enumerate(cleaned.parties)]
            reason = suggestion.explanation()
            if tier is not suggestion.tier:
                reason += f"；调解员改为{tier.label}：{cleaned.tier_reason}"
            dispute.events = [
                DisputeEvent(
                    at=now,
                    kind=EventKind.REGISTERED.value,
                    to_state=DisputeState.REGISTERED.value,
                    to_tier=int(tier),
                    reason=reason,
                    by=by,
                )
            ]
            session.add(dispute)
            session.flush()
            dispute_id = dispute.id
            if within is not None:
                within(session, dispute)
                session.flush()
            session.commit()
        return self.detail(dispute_id)

    @staticmethod
    def _check_roster(session: Session, draft: DisputeDraft) -> None:
        for field_name, member_id, roles in (
            ("mediator_id", draft.mediator_id, None),
            ("grid_worker_id", draft.grid_worker_id, {RosterRole.GRID_WORKER.value}),
        ):
            if member_id is None:
                continue
            member = session.get(RosterMember, member_id)
            if member is None or not member.active or (roles and member.role not in roles):
                raise ValidationErrors(
                    [ValidationError(field_name, "所选人员不在名册中或已停用，请重新选择")]
                )

    # ------------------------------------------------------------------ reads
    def list_ids(
        self,
        *,
        filters: CaseFilter | None = None,
        sort: SortKey = SortKey.ACCEPTED_ON,
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[int]:
        """Ids of the matching disputes in display order, a page at a time.

        The list model keeps only these ids and asks for the next page as the user
        scrolls; each page is an index walk (see persistence/search.py and the
        composite indexes on `dispute`), so the first page is quick at any size.
        """
        mediator = aliased(RosterMember)
        with self._uow.read() as session:
            query = select(Dispute.id)
            if sort is SortKey.MEDIATOR:
                query = query.outerjoin(mediator, Dispute.mediator_id == mediator.id)
            query = _filtered(query, filters or CaseFilter(), session, self._clock().date())
            keys = [*_sort_expressions(sort, mediator), Dispute.registered_on, Dispute.id]
            query = query.order_by(*(k.desc() if descending else k.asc() for k in keys))
            if limit is not None:
                query = query.limit(limit)
            if offset:
                query = query.offset(offset)
            return list(session.scalars(query))

    def count(self, filters: CaseFilter | None = None) -> int:
        """How many disputes match; a full scan for broad searches, so UIs call it off
        the GUI thread."""
        with self._uow.read() as session:
            query = _filtered(
                select(func.count(Dispute.id)), filters or CaseFilter(), session, self._clock().date()
            )
            return int(session.scalar(query) or 0)

    def rows(self, ids: Sequence[int]) -> list[CaseRow]:
        """The list rows for some ids, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        query = (
            select(
                Dispute.id,
                Dispute.number,
                Dispute.parties_display,
                Dispute.category,
                Dispute.tier,
                Dispute.state,
                Dispute.risk,
                Dispute.registered_on,
                Dispute.accepted_on,
                RosterMember.name,
                clocks.overdue_clause(self._clock().date()),
            )
            .outerjoin(RosterMember, Dispute.mediator_id == RosterMember.id)
            .where(Dispute.id.in_(list(ids)))
        )
        with self._uow.read() as session:
            found = {row[0]: row for row in session.execute(query)}
        return [_case_row(found[i]) for i in ids if i in found]

    def detail(self, dispute_id: int) -> CaseDetail:
        with self._uow.read() as session:
            dispute = session.get(
                Dispute,
                dispute_id,
                options=[
                    selectinload(Dispute.parties),
                    selectinload(Dispute.events),
                    selectinload(Dispute.sessions).selectinload(MediationSession.participants),
                    selectinload(Dispute.mediator),
                    selectinload(Dispute.grid_worker),
                    selectinload(Dispute.agreements).selectinload(Agreement.terms),
                    selectinload(Dispute.visits),
                ],
            )
            if dispute is None:
                raise NotFound(f"案件不存在（编号 {dispute_id}）")
            settings = self._settings.load()
            today = self._clock().date()
            items = clocks.tracked(session, dispute, settings)
            deadlines = clocks.deadline_views(items, today=today, calendar=settings.calendar())
            entry = session.scalar(
                select(ScreeningEntry).where(ScreeningEntry.dispute_id == dispute_id)
            )
            return _case_detail(dispute, deadlines, _screening_link(entry))

    def find_by_number(self, number: str) -> CaseDetail:
        """A case by its number; the digits alone ("0007" or "2026-7") also find it."""
        wanted = number.strip()
        with self._uow.read() as session:
            dispute_id = session.scalar(select(Dispute.id).where(Dispute.number == wanted))
            if dispute_id is None:
                dispute_id = _by_short_number(session, wanted)
        if dispute_id is None:
            raise NotFound(f"找不到案号为 {wanted} 的案件")
        return self.detail(dispute_id)


def _filtered(query: Select, filters: CaseFilter, session: Session, today: dt.date) -> Select:
    if filters.states:
        query = query.where(Dispute.state.in_(sorted(s.value for s in filters.states)))
    if filters.tiers:
        query = query.where(Dispute.tier.in_(sorted(int(t) for t in filters.tiers)))
    if filters.categories:
        query = query.where(Dispute.category.in_(sorted(c.value for c in filters.categories)))
    if filters.risks:
        query = query.where(Dispute.risk.in_(sorted(r.value for r in filters.risks)))
    if filters.date_from:
        query = query.where(Dispute.registered_on >= filters.date_from)
    if filters.date_to:
        query = query.where(Dispute.registered_on <= filters.date_to)
    if filters.red_alerts_only:
        query = query.where(
            Dispute.risk == RiskGrade.RED.value, Dispute.red_acknowledged_at.is_(None)
        )
    if filters.overdue_only:
        query = query.where(clocks.overdue_ids_clause(today))
    if filters.figure is not None:
        query = query.where(figure_clause(filters.figure, today))
    return apply_search(query, filters.search, session)


_RISK_ORDER = case({r.value: r.severity for r in RiskGrade}, value=Dispute.risk, else_=0)


def _sort_expressions(sort: SortKey, mediator) -> list:  # type: ignore[no-untyped-def]
    """The leading ORDER BY terms for a list column; (registered_on, id) always follow.

    The date column sorts on the date the dispute came in (registered_on), which is the
    acceptance date for nearly every case and has an index; sorting on a coalesce of
    the two would mean sorting every row for every page.
    """
    return {
        SortKey.NUMBER: [Dispute.year, Dispute.serial],
        SortKey.PARTIES: [Dispute.parties_display],
        SortKey.CATEGORY: [Dispute.category],
        SortKey.TIER: [Dispute.tier],
        SortKey.STATE: [Dispute.state],
        SortKey.RISK: [_RISK_ORDER],
        SortKey.ACCEPTED_ON: [],
        SortKey.MEDIATOR: [mediator.name],
    }[sort]


def _by_short_number(session: Session, text: str) -> int | None:
    digits = [int(part) for part in text.replace("-", " ").replace("/", " ").split() if part.isdigit()]
    if len(digits) == 2:
        year, serial = digits
    elif len(digits) == 1:
        year, serial = None, digits[0]
    else:
        return None
    query = select(Dispute.id).where(Dispute.serial == serial)
    if year is not None:
        query = query.where(Dispute.year == year)
    ids = list(session.scalars(query.order_by(Dispute.year.desc()).limit(2)))
    return ids[0] if len(ids) == 1 or year is not None and ids else None


def _next_serial(session: Session, year: int) -> int:
    serial = session.execute(
        update(CaseNumberSequence)
        .where(CaseNumberSequence.year == year)
        .values(last_value=CaseNumberSequence.last_value + 1)
        .returning(CaseNumberSequence.last_value)
    ).scalar()
    if serial is None:
        session.add(CaseNumberSequence(year=year, last_value=1))
        session.flush()
        serial = 1
    return int(serial)


def _party_row(p: PartyDraft, position: int) -> Party:
    return Party(
        side=p.side.value,
        position=position,
        party_type=p.party_type.value,
        name=p.name,
        sex=p.sex.value if p.sex else None,
        ethnicity=p.ethnicity,
        birth_date=p.birth_date,
        id_number=p.id_number,
        phone=p.phone,
        address=p.address,
        occupation=p.occupation,
        vulnerable=p.vulnerable,
        credit_code=p.credit_code,
        legal_representative=p.legal_representative,
        agent_name=p.agent_name,
        agent_phone=p.agent_phone,
        agent_id_number=p.agent_id_number,
        guardian_name=p.guardian_name,
        guardian_relation=p.guardian_relation,
        guardian_phone=p.guardian_phone,
        guardian_id_number=p.guardian_id_number,
    )


def _case_row(row) -> CaseRow:  # type: ignore[no-untyped-def]
    return CaseRow(
        id=row[0],
        number=row[1],
        parties=row[2],
        category=Category(row[3]),
        tier=Tier(row[4]),
        state=DisputeState(row[5]),
        risk=RiskGrade(row[6]),
        registered_on=row[7],
        accepted_on=row[8],
        mediator=row[9] or "",
        overdue=bool(row[10]) if len(row) > 10 else False,
    )


def _party_view(p: Party) -> PartyView:
    return PartyView(
        id=p.id,
        side=PartySide(p.side),
        party_type=PartyType(p.party_type),
        name=p.name,
        sex=Sex(p.sex) if p.sex else None,
        ethnicity=p.ethnicity,
        birth_date=p.birth_date,
        id_number=p.id_number,
        phone=p.phone,
        address=p.address,
        occupation=p.occupation,
        vulnerable=p.vulnerable,
        credit_code=p.credit_code,
        legal_representative=p.legal_representative,
        agent_name=p.agent_name,
        agent_phone=p.agent_phone,
        guardian_name=p.guardian_name,
        guardian_relation=p.guardian_relation,
        guardian_phone=p.guardian_phone,
    )


def _event_view(e: DisputeEvent) -> EventView:
    return EventView(
        id=e.id,
        at=e.at,
        kind=EventKind(e.kind),
        from_state=DisputeState(e.from_state) if e.from_state else None,
        to_state=DisputeState(e.to_state) if e.to_state else None,
        from_tier=Tier(e.from_tier) if e.from_tier else None,
        to_tier=Tier(e.to_tier) if e.to_tier else None,
        reason=e.reason,
        by=e.by,
        team=tuple(
            f"{m.get('name', '')}（{RosterRole(m['role']).label}）" if m.get("role") else str(m.get("name", ""))
            for m in (e.data or {}).get("team", [])
        ),
    )


def _screening_link(entry: ScreeningEntry | None) -> ScreeningLink | None:
    if entry is None:
        return None
    return ScreeningLink(entry_id=entry.id, found_on=entry.found_on, grid=entry.grid,
                         household=entry.household)


def _case_detail(
    d: Dispute, deadlines: tuple[DeadlineView, ...] = (), screening: ScreeningLink | None = None
) -> CaseDetail:
    row = CaseRow(
        id=d.id,
        number=d.number,
        parties=d.parties_display,
        category=Category(d.category),
        tier=Tier(d.tier),
        state=DisputeState(d.state),
        risk=RiskGrade(d.risk),
        registered_on=d.registered_on,
        accepted_on=d.accepted_on,
        mediator=d.mediator.name if d.mediator else "",
        overdue=any(x.overdue for x in deadlines),
    )
    return CaseDetail(
        row=row,
        kind=DisputeKind(d.kind),
        source=Source(d.source),
        suggested_tier=Tier(d.suggested_tier),
        tier_reason=d.tier_reason,
        registered_at=d.registered_at,
        occurred_on=d.occurred_on,
        place=d.place,
        summary=d.summary,
        applicant_claims=d.applicant_claims,
        respondent_claims=d.respondent_claims,
        amount=d.amount,
        people_involved=d.people_involved,
        grid=d.grid,
        community_officer=d.community_officer,
        grid_worker=d.grid_worker.name if d.grid_worker else "",
        registered_by=d.registered_by,
        version=d.version,
        flags=dict(d.intake_flags or {}),
        parties=tuple(_party_view(p) for p in d.parties),
        events=tuple(_event_view(e) for e in d.events),
        sessions=tuple(_session_view(s) for s in d.sessions),
        settlement=d.settlement,
        referral_route=d.referral_route,
        duty_leader=d.duty_leader,
        red_acknowledged_at=d.red_acknowledged_at,
        concluded_on=d.concluded_on,
        recurrences=d.recurrences or 0,
        reopened_on=d.reopened_on,
        long_running_reason=d.long_running_reason or "",
        turned_criminal_on=d.turned_criminal_on,
        group_incident_on=d.group_incident_on,
        judicial_confirmed_on=d.judicial_confirmed_on,
        performed_on=d.performed_on,
        agreements=tuple(agreement_view(a) for a in d.agreements),
        visits=tuple(visit_view(v) for v in d.visits),
        deadlines=deadlines,
        mediator=d.mediator.name if d.mediator else "",
        screening=screening,
    )


def _session_view(s: MediationSession) -> SessionView:
    from mediation_desk.domain.sessions import SessionOutcome

    return SessionView(
        id=s.id,
        seq=s.seq,
        held_on=s.held_on,
        start_time=s.start_time,
        end_time=s.end_time,
        place=s.place,
        tier=Tier(s.tier),
        participants=tuple(
            ParticipantView(roster_id=p.roster_member_id, name=p.name, role=RosterRole(p.role))
            for p in s.participants
        ),
        parties_present=s.parties_present,
        others_present=s.others_present,
        applicant_statement=s.applicant_statement,
        respondent_statement=s.respondent_statement,
        proposals=s.proposals,
        outcome=s.outcome,
        outcome_label=SessionOutcome(s.outcome).label,
        next_on=s.next_on,
        recorded_by=s.recorded_by,
    )

