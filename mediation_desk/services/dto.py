"""Frozen values the services hand out.  ORM objects never leave the services layer."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from decimal import Decimal

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


class SortKey(enum.Enum):
    """Columns the case list can sort on; each maps to one SQL expression."""

    NUMBER = "number"
    PARTIES = "parties"
    CATEGORY = "category"
    TIER = "tier"
    STATE = "state"
    RISK = "risk"
    ACCEPTED_ON = "accepted_on"
    MEDIATOR = "mediator"


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows; empty sets mean "any"."""

    states: frozenset[DisputeState] = frozenset()
    tiers: frozenset[Tier] = frozenset()
    categories: frozenset[Category] = frozenset()
    risks: frozenset[RiskGrade] = frozenset()
    date_from: dt.date | None = None  # on the date received (登记/受理)
    date_to: dt.date | None = None
    search: str = ""
    # Red-risk disputes whose duty-leader notification is not recorded yet.
    red_alerts_only: bool = False


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list.  ID numbers and phones never appear here."""

    id: int
    number: str
    parties: str
    category: Category
    tier: Tier
    state: DisputeState
    risk: RiskGrade
    registered_on: dt.date
    accepted_on: dt.date | None
    mediator: str

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "number": self.number,
            "parties": self.parties,
            "category": self.category.value,
            "category_label": self.category.label,
            "tier": int(self.tier),
            "state": self.state.value,
            "state_label": self.state.label,
            "risk": self.risk.value,
            "registered_on": self.registered_on.isoformat(),
            "accepted_on": self.accepted_on.isoformat() if self.accepted_on else None,
            "mediator": self.mediator,
        }


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
