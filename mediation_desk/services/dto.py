"""Frozen values the services hand out.  ORM objects never leave the services layer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from mediation_desk.domain.agreements import AgreementKind, AgreementStatus, PerformanceWay
from mediation_desk.domain.deadlines import DeadlineKind
from mediation_desk.domain.figures import BREAKDOWNS, FIGURES, success_rate
from mediation_desk.domain.followups import (
    Performance,
    Satisfaction,
    VisitOrigin,
    VisitStatus,
    VisitWay,
)
from mediation_desk.domain.screening import ScreeningDraft
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

# The case list's own values live in `listing` (start-up imports only those); they are
# part of this module's interface too.
from mediation_desk.services.listing import CaseFilter as CaseFilter
from mediation_desk.services.listing import CaseRow
from mediation_desk.services.listing import FigureSelection as FigureSelection
from mediation_desk.services.listing import SortKey as SortKey


@dataclass(frozen=True)
class PartyView:
    id: int
    side: PartySide
    party_type: PartyType
    name: str
    sex: Sex | None
    ethnicity: str
    birth_date: dt.date | None
    id_number: str
    phone: str
    address: str
    occupation: str
    vulnerable: bool
    credit_code: str
    legal_representative: str
    agent_name: str
    agent_phone: str
    guardian_name: str
    guardian_relation: str
    guardian_phone: str

    def as_json(self, *, masked: bool) -> dict[str, object]:
        from mediation_desk.domain.validation import mask_id_number, mask_phone

        def id_(value: str) -> str:
            return mask_id_number(value) if masked and value else value

        def phone(value: str) -> str:
            return mask_phone(value) if masked and value else value

        return {
            "side": self.side.value,
            "type": self.party_type.value,
            "name": self.name,
            "sex": self.sex.value if self.sex else None,
            "ethnicity": self.ethnicity,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "id_number": id_(self.id_number),
            "phone": phone(self.phone),
            "address": self.address,
            "occupation": self.occupation,
            "vulnerable": self.vulnerable,
            "credit_code": self.credit_code,
            "legal_representative": self.legal_representative,
            "agent": {"name": self.agent_name, "phone": phone(self.agent_phone)}
            if self.agent_name
            else None,
            "guardian": {
                "name": self.guardian_name,
                "relation": self.guardian_relation,
                "phone": phone(self.guardian_phone),
            }
            if self.guardian_name
            else None,
        }


@dataclass(frozen=True)
class EventView:
    id: int
    at: dt.datetime
    kind: EventKind
    from_state: DisputeState | None
    to_state: DisputeState | None
    from_tier: Tier | None
    to_tier: Tier | None
    reason: str
    by: str
    # An escalation's new team, as "name（role）".
    team: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "team": list(self.team),
            "at": self.at.isoformat(timespec="seconds"),
            "kind": self.kind.value,
            "from_tier": int(self.from_tier) if self.from_tier else None,
            "to_tier": int(self.to_tier) if self.to_tier else None,
            "from_state": self.from_state.value if self.from_state else None,
            "to_state": self.to_state.value if self.to_state else None,
            "reason": self.reason,
            "by": self.by,
        }


@dataclass(frozen=True)
class ParticipantView:
    roster_id: int | None
    name: str
    role: RosterRole


@dataclass(frozen=True)
class SessionView:
    id: int
    seq: int
    held_on: dt.date
    start_time: str
    end_time: str
    place: str
    tier: Tier
    participants: tuple[ParticipantView, ...]
    parties_present: str
    others_present: str
    applicant_statement: str
    respondent_statement: str
    proposals: str
    outcome: str
    outcome_label: str
    next_on: dt.date | None
    recorded_by: str

    def as_json(self) -> dict[str, object]:
        return {
            "seq": self.seq,
            "date": self.held_on.isoformat(),
            "start_time": self.start_time,
            "end_time": self.end_time,
            "place": self.place,
            "tier": int(self.tier),
            "present": [
                {"name": p.name, "role": p.role.value, "roster_id": p.roster_id}
                for p in self.participants
            ],
            "parties_present": self.parties_present,
            "others_present": self.others_present,
            "outcome": self.outcome,
            "next_date": self.next_on.isoformat() if self.next_on else None,
            "recorded_by": self.recorded_by,
        }


@dataclass(frozen=True)
class TermView:
    id: int
    position: int
    content: str
    way: PerformanceWay
    obligor_party_id: int | None
    obligor: str  # the performing party's name; empty means all parties together
    amount: Decimal | None
    deadline: dt.date | None
    place: str

    @property
    def key(self) -> str:
        """The key a visit's performance record uses for this term."""
        return str(self.id)

    @property
    def label(self) -> str:
        """Short form for lists: "第1项 赔偿医药费（1200元）"."""
        money = f"（{self.amount:,.2f}元）" if self.amount is not None else ""
        return f"第{self.position}项 {self.content}{money}"

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "position": self.position,
            "content": self.content,
            "way": self.way.value,
            "obligor": self.obligor,
            "amount": str(self.amount) if self.amount is not None else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "place": self.place,
        }


@dataclass(frozen=True)
class AgreementView:
    id: int
    dispute_id: int
    version: int
    kind: AgreementKind
    status: AgreementStatus
    party_ids: tuple[int, ...]
    facts: str
    issues: str
    responsibility: str
    oral_content: str
    place: str
    terms: tuple[TermView, ...]
    signed_on: dt.date | None
    signed_by: str
    supersedes_id: int | None
    correction_reason: str
    created_at: dt.datetime
    created_by: str
    edit_version: int

    @property
    def signed(self) -> bool:
        return self.status is not AgreementStatus.DRAFT

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "version": self.version,
            "kind": self.kind.value,
            "status": self.status.value,
            "facts": self.facts,
            "issues": self.issues,
            "responsibility": self.responsibility,
            "oral_content": self.oral_content,
            "place": self.place,
            "terms": [t.as_json() for t in self.terms],
            "signed_on": self.signed_on.isoformat() if self.signed_on else None,
            "supersedes": self.supersedes_id,
        }


@dataclass(frozen=True)
class VisitView:
    id: int
    dispute_id: int
    seq: int
    due_on: dt.date
    planned_on: dt.date
    origin: VisitOrigin
    basis: str
    status: VisitStatus
    move_reason: str
    cancel_reason: str
    visited_on: dt.date | None
    way: VisitWay | None
    visited: str
    visitors: str
    # term key -> Performance
    performance: dict[str, Performance]
    satisfaction_mediation: Satisfaction | None
    satisfaction_police: dict[str, Satisfaction]
    conflict_returning: bool
    conflict_signs: str
    new_risks: str
    action: str
    remarks: str
    reopen_grounds: str
    reopened: bool
    recorded_by: str
    recorded_at: dt.datetime | None
    row_version: int

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "seq": self.seq,
            "due": self.due_on.isoformat(),
            "origin": self.origin.value,
            "basis": self.basis,
            "status": self.status.value,
            "cancel_reason": self.cancel_reason,
            "visited_on": self.visited_on.isoformat() if self.visited_on else None,
            "way": self.way.value if self.way else None,
            "visited": self.visited,
            "visitors": self.visitors,
            "performance": {k: v.value for k, v in self.performance.items()},
            "satisfaction_mediation": self.satisfaction_mediation.value
            if self.satisfaction_mediation
            else None,
            "satisfaction_police": {k: v.value for k, v in self.satisfaction_police.items()},
            "conflict_returning": self.conflict_returning,
            "reopen_grounds": self.reopen_grounds,
            "reopened": self.reopened,
        }


@dataclass(frozen=True)
class DeadlineView:
    """One clock of a case with its countdown as of the service's today."""

    kind: DeadlineKind
    label: str
    basis: str
    due: dt.date
    text: str  # "还剩3个工作日", "今天到期", "已超期2天"
    days_left: int
    open: bool
    overdue: bool  # open, counts as overdue, and past its date
    warning_only: bool
    guessed: bool  # rests on days the working calendar does not know
    ref: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "label": self.label,
            "due": self.due.isoformat(),
            "text": self.text,
            "days_left": self.days_left,
            "open": self.open,
            "overdue": self.overdue,
            "guessed": self.guessed,
        }


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    dispute_id: int
    kind: str
    ref_id: int | None
    title: str
    sha256: str
    size: int
    pages: int
    created_at: dt.datetime
    created_by: str


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    kind: DisputeKind
    source: Source
    suggested_tier: Tier
    tier_reason: str
    registered_at: dt.datetime
    occurred_on: dt.date | None
    place: str
    summary: str
    applicant_claims: str
    respondent_claims: str
    amount: Decimal | None
    people_involved: int
    grid: str
    community_officer: str
    grid_worker: str
    registered_by: str
    version: int
    flags: dict[str, object]
    parties: tuple[PartyView, ...]
    events: tuple[EventView, ...] = field(default_factory=tuple)
    sessions: tuple[SessionView, ...] = field(default_factory=tuple)
    settlement: str | None = None
    referral_route: str | None = None
    duty_leader: str = ""
    red_acknowledged_at: dt.datetime | None = None
    concluded_on: dt.date | None = None
    recurrences: int = 0
    reopened_on: dt.date | None = None
    long_running_reason: str = ""
    # Facts recorded for the figures (DOMAIN §10); performed_on is set from the visits.
    turned_criminal_on: dt.date | None = None
    group_incident_on: dt.date | None = None
    judicial_confirmed_on: dt.date | None = None
    performed_on: dt.date | None = None
    # Every agreement version, oldest first; the current one is `agreement`.
    agreements: tuple[AgreementView, ...] = field(default_factory=tuple)
    visits: tuple[VisitView, ...] = field(default_factory=tuple)
    deadlines: tuple[DeadlineView, ...] = field(default_factory=tuple)
    mediator: str = ""
    # The screening-log line the case was taken in from (排查登记), if any.
    screening: ScreeningLink | None = None

    @property
    def agreement(self) -> AgreementView | None:
        """The agreement that counts now: the newest version (a draft under correction
        included)."""
        return self.agreements[-1] if self.agreements else None

    @property
    def signed_agreement(self) -> AgreementView | None:
        """The agreement in force: the newest signed version."""
        for agreement in reversed(self.agreements):
            if agreement.status is AgreementStatus.SIGNED:
                return agreement
        return None

    def party(self, party_id: int | None) -> PartyView | None:
        return next((p for p in self.parties if p.id == party_id), None)

    @property
    def red_alert_open(self) -> bool:
        return self.row.risk is RiskGrade.RED and self.red_acknowledged_at is None

    @property
    def suggestion(self) -> str:
        """The tier rules as shown at intake: "有群体上访苗头 → 矛盾纠纷调解室"."""
        recorded = self.flags.get("suggestion")
        if isinstance(recorded, str) and recorded:
            return recorded
        return self.suggested_tier.label

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def number(self) -> str:
        return self.row.number

    def as_json(self, *, masked: bool = False) -> dict[str, object]:
        data = self.row.as_json()
        data.update(
            {
                "kind": self.kind.value,
                "source": self.source.value,
                "suggested_tier": int(self.suggested_tier),
                "suggestion": self.suggestion,
                "tier_reason": self.tier_reason,
                "registered_at": self.registered_at.isoformat(timespec="seconds"),
                "occurred_on": self.occurred_on.isoformat() if self.occurred_on else None,
                "place": self.place,
                "summary": self.summary,
                "applicant_claims": self.applicant_claims,
                "respondent_claims": self.respondent_claims,
                "amount": str(self.amount) if self.amount is not None else None,
                "people_involved": self.people_involved,
                "grid": self.grid,
                "community_officer": self.community_officer,
                "grid_worker": self.grid_worker,
                "parties": [p.as_json(masked=masked) for p in self.parties],
                "events": [e.as_json() for e in self.events],
                "sessions": [s.as_json() for s in self.sessions],
                "settlement": self.settlement,
                "referral_route": self.referral_route,
                "red_alert_open": self.red_alert_open,
                "duty_leader": self.duty_leader,
                "concluded_on": self.concluded_on.isoformat() if self.concluded_on else None,
                "recurrences": self.recurrences,
                "agreements": [a.as_json() for a in self.agreements],
                "visits": [v.as_json() for v in self.visits],
                "deadlines": [d.as_json() for d in self.deadlines],
                "screening": self.screening.as_json() if self.screening else None,
            }
        )
        return data


@dataclass(frozen=True)
class RosterEntry:
    id: int
    name: str
    role: RosterRole
    organisation: str
    title: str
    phone: str
    grid: str
    active: bool


@dataclass(frozen=True)
class RosterDraft:
    name: str
    role: RosterRole
    organisation: str = ""
    title: str = ""
    phone: str = ""
    grid: str = ""
    active: bool = True


@dataclass(frozen=True)
class PartyContact:
    name: str
    side: PartySide
    phone: str  # in full: the daily list is the mediator's working list
    agent_phone: str = ""
    guardian_phone: str = ""


@dataclass(frozen=True)
class DueVisit:
    """One line of the daily follow-up list (今日回访)."""

    visit_id: int
    dispute_id: int
    case_number: str
    seq: int
    due: dt.date
    overdue_days: int  # 0 when due today
    basis: str
    parties: tuple[PartyContact, ...]
    terms: tuple[TermView, ...]
    # The case's open clocks (performance deadlines, judicial confirmation...).
    deadlines: tuple[DeadlineView, ...]
    category: Category
    risk: RiskGrade
    mediator: str
    row_version: int

    def as_json(self) -> dict[str, object]:
        return {
            "case": self.case_number,
            "due": self.due.isoformat(),
            "overdue_days": self.overdue_days,
            "parties": [p.name for p in self.parties],
            "phones": [p.phone for p in self.parties if p.phone],
            "visit_id": self.visit_id,
            "seq": self.seq,
            "basis": self.basis,
            "contacts": [
                {"name": p.name, "side": p.side.value, "phone": p.phone} for p in self.parties
            ],
            "terms": [t.as_json() for t in self.terms],
            "deadlines": [d.as_json() for d in self.deadlines],
            "mediator": self.mediator,
        }


@dataclass(frozen=True)
class Figures:
    received: int = 0
    mediated: int = 0
    settled: int = 0
    failed: int = 0
    declined: int = 0
    withdrawn: int = 0
    referred: int = 0
    performed: int = 0
    judicial: int = 0
    criminal: int = 0
    group_prevented: int = 0
    amount: Decimal = Decimal("0.00")
    # The breakdown key as stored (tier number, category id, mediator id...): for the
    # drill-down; "" for the totals.
    key: str = field(default="", compare=False)

    @property
    def success_rate(self) -> float | None:
        return success_rate(self.settled, self.failed)

    def text(self, name: str) -> str:
        """One figure as the dashboard and the monthly report print it."""
        if name == "success_rate":
            rate = self.success_rate
            return "—" if rate is None else f"{rate:.1f}%"
        if name == "amount":
            return f"{self.amount:,.2f}"
        return f"{getattr(self, name):,}"

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {name: getattr(self, name) for name in FIGURES}
        data["success_rate"] = self.success_rate
        data["amount"] = str(self.amount)
        return data


@dataclass(frozen=True)
class Stats:
    date_from: dt.date
    date_to: dt.date
    totals: Figures
    breakdowns: dict[str, dict[str, Figures]]  # breakdown -> shown key -> figures
    escalations: dict[str, int]  # "1→2": count of moves
    recurrences: int
    followups_due: int
    followups_done: int
    followups_overdue: int
    amount_involved: Decimal

    def as_json(self) -> dict[str, object]:
        data = self.totals.as_json()
        data.update(
            {
                "from": self.date_from.isoformat(),
                "to": self.date_to.isoformat(),
                "escalations": dict(self.escalations),
                "recurrences": self.recurrences,
                "followups": {
                    "due": self.followups_due,
                    "done": self.followups_done,
                    "overdue": self.followups_overdue,
                },
                "amount_involved": str(self.amount_involved),
            }
        )
        for name in BREAKDOWNS:
            data[f"by_{name}"] = {
                key: figures.as_json() for key, figures in self.breakdowns[name].items()
            }
        return data


@dataclass(frozen=True)
class ScreeningLink:
    """On a case: the screening-log line it came from."""

    entry_id: int
    found_on: dt.date
    grid: str
    household: str

    @property
    def text(self) -> str:
        """"2026-11-02 城南网格 张三家": how the case screen names the line."""
        return " ".join(x for x in (self.found_on.isoformat(), self.grid, self.household) if x)

    def as_json(self) -> dict[str, object]:
        return {"entry_id": self.entry_id, "found_on": self.found_on.isoformat(),
                "grid": self.grid, "household": self.household}


@dataclass(frozen=True)
class ScreeningFilter:
    """Which lines of the screening log to list; None / "" / False mean "any"."""

    date_from: dt.date | None = None  # on the date found
    date_to: dt.date | None = None
    grid: str = ""
    # Only lines not yet taken in as a dispute.
    open_only: bool = False


@dataclass(frozen=True)
class ScreeningView:
    """One line of the grid screening log (矛盾纠纷隐患排查登记)."""

    id: int
    found_on: dt.date
    grid: str
    grid_worker_id: int | None
    grid_worker: str
    household: str
    address: str
    phone: str  # in full: shown masked in the list, in full in the entry's own dialog
    conflict: str
    category: Category | None
    risk: RiskGrade
    action: str
    handed_to: str
    remarks: str
    dispute_id: int | None
    case_number: str | None
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    row_version: int

    @property
    def handed_over(self) -> bool:
        return bool(self.handed_to)

    def draft(self) -> ScreeningDraft:
        """The line as a draft, to edit it or to take it in as a dispute."""
        return ScreeningDraft(
            found_on=self.found_on,
            grid=self.grid,
            grid_worker_id=self.grid_worker_id,
            grid_worker=self.grid_worker,
            household=self.household,
            address=self.address,
            phone=self.phone,
            conflict=self.conflict,
            category=self.category,
            risk=self.risk,
            action=self.action,
            handed_to=self.handed_to,
            remarks=self.remarks,
        )

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "found_on": self.found_on.isoformat(),
            "grid": self.grid,
            "grid_worker": self.grid_worker,
            "household": self.household,
            "conflict": self.conflict,
            "category": self.category.value if self.category else None,
            "risk": self.risk.value,
            "action": self.action,
            "handed_to": self.handed_to,
            "case": self.case_number,
        }


@dataclass(frozen=True)
class ScreeningSummary:
    """The screening log's figures for a date range (the monthly report's summary)."""

    date_from: dt.date
    date_to: dt.date
    total: int
    by_risk: dict[RiskGrade, int]  # every grade, 0 when none
    by_grid: dict[str, int]  # grids with at least one line, most lines first
    handed_over: int
    turned_into_cases: int

    def as_json(self) -> dict[str, object]:
        return {
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "total": self.total,
            "by_risk": {grade.value: count for grade, count in self.by_risk.items()},
            "by_grid": dict(self.by_grid),
            "handed_over": self.handed_over,
            "turned_into_cases": self.turned_into_cases,
        }


@dataclass(frozen=True)
class RiskCase:
    """A red or orange dispute still open: a line of the monthly report's watch list."""

    number: str
    parties: str
    category: Category
    risk: RiskGrade
    state: DisputeState
    tier: Tier
    accepted_on: dt.date | None
    registered_on: dt.date
    mediator: str
    summary: str
    days_open: int


@dataclass(frozen=True)
class MonthlyReport:
    """The monthly 矛盾纠纷分析研判 report's content (DOMAIN §10): the month's figures
    against the previous month and the same month last year, the screening log's
    summary, the red and orange disputes still open, and the leader's analysis."""

    month: str  # "2026-10"
    station: str
    current: Stats
    previous: Stats
    last_year: Stats
    screening: ScreeningSummary
    open_risks: tuple[RiskCase, ...]
    analysis: str = ""
    open_risks_total: int = 0  # how many there are; `open_risks` may list fewer
    as_of: dt.date | None = None  # the day the open list was read

    def as_json(self) -> dict[str, object]:
        return {
            "month": self.month,
            "station": self.station,
            "current": self.current.as_json(),
            "previous": self.previous.as_json(),
            "last_year": self.last_year.as_json(),
            "screening": self.screening.as_json(),
            "open_risks": [
                {"number": c.number, "parties": c.parties, "risk": c.risk.value,
                 "state": c.state.value, "category": c.category.value,
                 "days_open": c.days_open}
                for c in self.open_risks
            ],
            "analysis": self.analysis,
        }
