"""The case list's values: what it shows (`CaseRow`), how it is filtered and sorted.

Kept apart from `dto` so that start-up, which paints the list before anything else is
loaded, imports only these few classes; `dto` re-exports them.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from mediation_desk.domain.vocabulary import Category, DisputeState, RiskGrade, Tier


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
class FigureSelection:
    """The disputes behind one figure: what a click on the dashboard opens.

    `figure` is one of stats.FIGURES or stats.OTHER_FIGURES, or "escalations" with `pair` "1→2";
    `breakdown`/`key` narrow it to one row of a breakdown (key as stored: the tier
    number, the category identifier, the mediator's id...).  `label` is what the case
    list shows above the filtered list.
    """

    figure: str
    date_from: dt.date
    date_to: dt.date
    breakdown: str | None = None
    key: str | None = None
    pair: str | None = None
    label: str = ""


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
    # Disputes with a clock past its date (`overdue_on`, default: the service's today).
    overdue_only: bool = False
    # Exactly the disputes counted in one figure of the dashboard (its drill-down).
    figure: FigureSelection | None = None


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
    # An open clock of the case is past its date (a visit, a performance deadline...).
    overdue: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "overdue": self.overdue,
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
