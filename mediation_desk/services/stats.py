"""The figures a station is judged by (DOMAIN §10), each one SQL aggregate.

The definitions live here and nowhere else:

- received 受理数: disputes accepted in the range;
- mediated 调解数: disputes with a mediation session held in the range;
- settled 成功数: disputes settled (now settled or closed) whose mediation ended in the
  range; failed 调解不成: disputes whose mediation failed in the range (now failed, or
  referred to another route after failing);
- declined, withdrawn, referred: disputes that ended so in the range;
- success rate = settled ÷ (settled + failed) among those concluded in the range, as a
  percentage; None when nothing was concluded (not 0 %, which would read as failure);
- escalations by tier pair; recurrences (反复: reopened after settling);
- follow-ups due (planned for a day in the range), done (made in the range), overdue
  (due in the range, before today, still not made);
- amount involved: the amounts in dispute of the disputes received.

Figures count disputes as their record stands, not events: a dispute settled, reopened
and settled again counts once, on the date it was last concluded; one that was reopened
and is being mediated again is not counted as settled.  Breakdowns (by tier, category,
source, grid, mediator) group the same aggregates by the dispute's own tier (the tier it
ended at), category, source, grid and mediator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import String, and_, case, func, literal, or_, select, union_all

from mediation_desk.domain.followups import VisitStatus
from mediation_desk.domain.vocabulary import DisputeState, EventKind
from mediation_desk.persistence.models import (
    Dispute,
    DisputeEvent,
    FollowUpVisit,
    MediationSession,
    RosterMember,
)
from mediation_desk.persistence.unit_of_work import UnitOfWork

Clock = Callable[[], dt.datetime]

FIGURES = ("received", "mediated", "settled", "failed", "declined", "withdrawn", "referred")
BREAKDOWNS = ("tier", "category", "source", "grid", "mediator")


def success_rate(settled: int, failed: int) -> float | None:
    """settled ÷ (settled + failed) as a percentage, one decimal; None if none concluded."""
    concluded = settled + failed
    if concluded == 0:
        return None
    return round(100 * settled / concluded, 1)


@dataclass(frozen=True)
class Figures:
    received: int = 0
    mediated: int = 0
    settled: int = 0
    failed: int = 0
    declined: int = 0
    withdrawn: int = 0
    referred: int = 0

    @property
    def success_rate(self) -> float | None:
        return success_rate(self.settled, self.failed)

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {name: getattr(self, name) for name in FIGURES}
        data["success_rate"] = self.success_rate
        return data


@dataclass(frozen=True)
class Stats:
    date_from: dt.date
    date_to: dt.date
    totals: Figures
    breakdowns: dict[str, dict[str, Figures]]
    escalations: dict[str, int]  # "1→2": count
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


def month_range(month: str) -> tuple[dt.date, dt.date]:
    """"2026-10" -> (2026-10-01, 2026-10-31); ValueError when unreadable."""
    year, number = (int(x) for x in month.split("-"))
    first = dt.date(year, number, 1)
    following = dt.date(year + (number == 12), number % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


class StatsService:
    def __init__(self, *, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def figures(self, date_from: dt.date, date_to: dt.date) -> Stats:
        if date_to < date_from:
            raise ValueError("date_to before date_from")
        start = dt.datetime.combine(date_from, dt.time.min)
        end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min)
        today = self._clock().date()
        concluded = and_(Dispute.concluded_on >= date_from, Dispute.concluded_on <= date_to)
        conditions = {
            "received": and_(Dispute.accepted_on >= date_from, Dispute.accepted_on <= date_to),
            "settled": and_(concluded, Dispute.settlement.is_not(None),
                            Dispute.state.in_((DisputeState.SETTLED.value, DisputeState.CLOSED.value))),
            "failed": and_(concluded, Dispute.state.in_(
                (DisputeState.FAILED.value, DisputeState.REFERRED.value))),
            "declined": and_(concluded, Dispute.state == DisputeState.DECLINED.value),
            "withdrawn": and_(concluded, Dispute.state == DisputeState.WITHDRAWN.value),
            "referred": and_(concluded, Dispute.state == DisputeState.REFERRED.value),
        }
        conditions["mediated"] = (
            select(MediationSession.id)
            .where(MediationSession.dispute_id == Dispute.id,
                   MediationSession.held_on >= date_from, MediationSession.held_on <= date_to)
            .exists()
        )
        dims = {
            "tier": Dispute.tier,
            "category": Dispute.category,
            "source": Dispute.source,
            "grid": Dispute.grid,
            "mediator": Dispute.mediator_id,
        }
        with self._uow.read() as session:
            # One pass over the disputes gives every figure per (tier, category, source,
            # grid, mediator); a dispute falls in exactly one such group, so each
            # breakdown and the totals are sums over these groups, done in the same
            # statement over the few thousand group rows (not in Python).
            groups = (
                select(
                    *[column.label(name) for name, column in dims.items()],
                    *[func.sum(case((cond, 1), else_=0)).label(name)
                      for name, cond in conditions.items()],
                    func.sum(case((conditions["received"], func.coalesce(Dispute.amount, 0)),
                                  else_=0)).label("amount"),
                )
                # Mediation in the range needs a dispute accepted by its end.
                .where(or_(conditions["received"], concluded,
                           and_(Dispute.accepted_on <= date_to,
                                or_(Dispute.concluded_on.is_(None),
                                    Dispute.concluded_on >= date_from))))
                .group_by(*dims.values())
                .cte("groups")
                # Computed once, read by every breakdown (SQLite would inline it six times).
                .prefix_with("MATERIALIZED")
            )
            figures = [name for name in conditions]
            parts = [
                select(
                    literal(name).label("breakdown"),
                    func.cast(groups.c[name], String).label("key"),
                    *[func.sum(groups.c[f]).label(f) for f in figures],
                    func.sum(groups.c.amount).label("amount"),
                ).group_by(groups.c[name])
                for name in dims
            ]
            parts.append(
                select(
                    literal("total").label("breakdown"),
                    literal("").label("key"),
                    *[func.sum(groups.c[f]).label(f) for f in figures],
                    func.sum(groups.c.amount).label("amount"),
                )
            )
            rows = session.execute(union_all(*parts)).all()
            mediators = dict(session.execute(select(RosterMember.id, RosterMember.name)).all())
            escalations = {
                f"{a}→{b}": n
                for a, b, n in session.execute(
                    select(DisputeEvent.from_tier, DisputeEvent.to_tier, func.count())
                    .where(DisputeEvent.at >= start, DisputeEvent.at < end,
                           DisputeEvent.kind.in_(
                               [EventKind.ESCALATED.value, EventKind.DEESCALATED.value]))
                    .group_by(DisputeEvent.from_tier, DisputeEvent.to_tier)
                    .order_by(DisputeEvent.from_tier, DisputeEvent.to_tier)
                )
            }
            recurrences = session.scalar(
                select(func.count(func.distinct(DisputeEvent.dispute_id))).where(
                    DisputeEvent.at >= start, DisputeEvent.at < end,
                    DisputeEvent.kind == EventKind.REOPENED.value,
                    DisputeEvent.from_state.in_((DisputeState.SETTLED.value,
                                                 DisputeState.CLOSED.value)),
                )
            ) or 0
            due, overdue = session.execute(
                select(
                    func.count(FollowUpVisit.id),
                    func.count(case((and_(FollowUpVisit.status == VisitStatus.PLANNED.value,
                                          FollowUpVisit.due_on < today), FollowUpVisit.id))),
                ).where(FollowUpVisit.due_on >= date_from, FollowUpVisit.due_on <= date_to,
                        FollowUpVisit.status != VisitStatus.CANCELLED.value)
            ).one()
            done = session.scalar(
                select(func.count(FollowUpVisit.id)).where(
                    FollowUpVisit.status == VisitStatus.DONE.value,
                    FollowUpVisit.visited_on >= date_from,
                    FollowUpVisit.visited_on <= date_to,
                )
            ) or 0

        breakdowns: dict[str, dict[str, Figures]] = {name: {} for name in BREAKDOWNS}
        totals = Figures()
        amount = Decimal("0")
        for row in rows:
            values = Figures(**{f: int(getattr(row, f) or 0) for f in FIGURES})
            if row.breakdown == "total":
                totals, amount = values, Decimal(str(row.amount or 0))
                continue
            key = row.key or ""
            if row.breakdown == "mediator":
                key = mediators.get(int(key), "") if key else ""
            breakdowns[row.breakdown][key] = values
        return Stats(
            date_from=date_from,
            date_to=date_to,
            totals=totals,
            breakdowns={name: dict(sorted(groups.items())) for name, groups in breakdowns.items()},
            escalations=escalations,
            recurrences=int(recurrences),
            followups_due=int(due or 0),
            followups_done=int(done),
            followups_overdue=int(overdue or 0),
            amount_involved=amount.quantize(Decimal("0.01")),
        )
