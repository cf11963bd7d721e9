"""The figures a station is judged by (DOMAIN §10), each one SQL aggregate.

The definitions live here and nowhere else; the case list's drill-down (a click on a
figure) filters with the very same conditions (`figure_clause`):

- received 受理数: disputes accepted in the range;
- mediated 调解数: disputes with a mediation session held in the range;
- settled 成功数: disputes settled (now settled or closed) whose mediation ended in the
  range; failed 调解不成: disputes whose mediation failed in the range (now failed, or
  referred to another route after failing);
- declined, withdrawn, referred: disputes that ended so in the range;
- success rate = settled ÷ (settled + failed) among those concluded in the range, as a
  percentage; None when nothing was concluded (not 0 %, which would read as failure);
- performed 协议履行: disputes whose agreement was found wholly performed in the range;
  judicial 司法确认: agreements confirmed by a court in the range; criminal 民转刑 and
  group_prevented 防止群体性事件: as recorded on the dispute, dated in the range;
- escalations by tier pair (moves, counted as events); recurrences (反复: disputes
  reopened after settling, in the range);
- follow-ups due (planned for a day in the range), done (made in the range), overdue
  (due in the range, before today, still not made);
- amount involved: the amounts in dispute of the disputes received.

Figures count disputes as their record stands, not events: a dispute settled, reopened
and settled again counts once, on the date it was last concluded; one that was reopened
and is being mediated again is not counted as settled.  A dispute told other routes
after failing counts as failed and referred in the range its mediation failed (the day
it concluded); one withdrawn after failing counts as withdrawn, not failed.  Breakdowns (by tier, category,
source, grid, mediator) group the same aggregates by the dispute's own tier (the tier it
ended at), category, source, grid and mediator.

Speed: the per-dispute figures are one pass over the covering index
`ix_dispute_figures`, grouped by the five breakdown columns, comparing the integer day
numbers and outcome codes of `domain.figures` (text dates compared row by row cost four
times as much on SQLite).  The breakdowns and totals are sums over those group rows,
done in the same statement.  The per-dispute figures of tier 1, of tiers 2 and 3, and the
figures of events and visits are read side by side on three connections, each its own
read transaction: a write committed in between (another workstation) can show in one
part and not yet in another, until the next count.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from types import SimpleNamespace
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
    union_all,
)

from mediation_desk.domain.errors import ValidationError, ValidationErrors
from mediation_desk.domain.figures import (
    BREAKDOWNS,
    FIGURES,
    OTHER_FIGURES,
    Outcome,
    day_number,
    month_range,
    previous_month,
    same_month_last_year,
    success_rate,
)
from mediation_desk.domain.followups import VisitStatus
from mediation_desk.domain.vocabulary import Category, DisputeState, EventKind, RiskGrade, Tier
from mediation_desk.persistence.models import (
    Dispute,
    DisputeEvent,
    FollowUpVisit,
    MediationSession,
    RosterMember,
)
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services.dto import (
    Figures,
    FigureSelection,
    MonthlyReport,
    RiskCase,
    ScreeningSummary,
    Stats,
)

if TYPE_CHECKING:  # (the screening service imports the case service, which imports this)
    from mediation_desk.services.screening import ScreeningService
    from mediation_desk.services.settings import SettingsService

__all__ = [
    "BREAKDOWNS", "FIGURES", "OTHER_FIGURES", "Figures", "Stats", "StatsService",
    "conditions", "figure_clause", "month_range", "previous_month",
    "same_month_last_year", "success_rate",
]

Clock = Callable[[], dt.datetime]

# The figures that are a way a mediation ended in the range, by outcome code.
_ENDINGS = {
    "settled": (int(Outcome.SETTLED),),
    "failed": (int(Outcome.FAILED), int(Outcome.REFERRED)),
    "declined": (int(Outcome.DECLINED),),
    "withdrawn": (int(Outcome.WITHDRAWN),),
    "referred": (int(Outcome.REFERRED),),
}

def conditions(date_from: dt.date, date_to: dt.date) -> dict[str, ColumnElement[bool]]:
    """Each per-dispute figure as a condition on `Dispute`, over [date_from, date_to]."""
    first, last = day_number(date_from), day_number(date_to)
    concluded = Dispute.concluded_day.between(first, last)
    sessions_in_range = (
        select(MediationSession.id)
        .where(MediationSession.dispute_id == Dispute.id,
               MediationSession.held_on.between(date_from, date_to))
        .exists()
    )
    return {
        "received": Dispute.accepted_day.between(first, last),
        # A session in the range: the first or the last session falls in it, or (rare)
        # sessions before and after it, when the sessions themselves are looked at.
        "mediated": and_(
            Dispute.first_session_day <= last,
            Dispute.last_session_day >= first,
            or_(Dispute.first_session_day >= first, Dispute.last_session_day <= last,
                sessions_in_range),
        ),
        **{name: and_(concluded, Dispute.outcome.in_(codes)) for name, codes in _ENDINGS.items()},
        "performed": Dispute.performed_on.between(date_from, date_to),
        "judicial": Dispute.judicial_confirmed_on.between(date_from, date_to),
        "criminal": Dispute.turned_criminal_on.between(date_from, date_to),
        "group_prevented": Dispute.group_incident_on.between(date_from, date_to),
    }


def _window(date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return (dt.datetime.combine(date_from, dt.time.min),
            dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))


def _recurrence_events(date_from: dt.date, date_to: dt.date) -> ColumnElement[bool]:
    start, end = _window(date_from, date_to)
    return and_(
        DisputeEvent.at >= start, DisputeEvent.at < end,
        DisputeEvent.kind == EventKind.REOPENED.value,
        DisputeEvent.from_state.in_((DisputeState.SETTLED.value, DisputeState.CLOSED.value)),
    )


def _escalation_events(date_from: dt.date, date_to: dt.date) -> ColumnElement[bool]:
    start, end = _window(date_from, date_to)
    return and_(
        DisputeEvent.at >= start, DisputeEvent.at < end,
        DisputeEvent.kind.in_([EventKind.ESCALATED.value, EventKind.DEESCALATED.value]),
    )


def _visits(name: str, date_from: dt.date, date_to: dt.date, today: dt.date
            ) -> ColumnElement[bool]:
    due = and_(FollowUpVisit.due_on.between(date_from, date_to),
               FollowUpVisit.status.in_((VisitStatus.PLANNED.value, VisitStatus.DONE.value)))
    return {
        "followups_due": due,
        "followups_overdue": and_(due, FollowUpVisit.status == VisitStatus.PLANNED.value,
                                  FollowUpVisit.due_on < today),
        "followups_done": and_(FollowUpVisit.status == VisitStatus.DONE.value,
                               FollowUpVisit.visited_on.between(date_from, date_to)),
    }[name]


def figure_clause(selection: FigureSelection, today: dt.date) -> ColumnElement[bool]:
    """The condition on `Dispute` that picks exactly the disputes counted in a figure."""
    a, b = selection.date_from, selection.date_to
    name = selection.figure
    if name in FIGURES:
        clause = conditions(a, b)[name]
    elif name == "recurrences":
        clause = exists().where(DisputeEvent.dispute_id == Dispute.id, _recurrence_events(a, b))
    elif name == "escalations":
        clause = exists().where(DisputeEvent.dispute_id == Dispute.id, _escalation_events(a, b))
        if selection.pair:
            low, high = (int(x) for x in selection.pair.split("→"))
            clause = exists().where(
                DisputeEvent.dispute_id == Dispute.id, _escalation_events(a, b),
                DisputeEvent.from_tier == low, DisputeEvent.to_tier == high,
            )
    elif name in ("followups_due", "followups_done", "followups_overdue"):
        clause = exists().where(FollowUpVisit.dispute_id == Dispute.id,
                                _visits(name, a, b, today))
    else:
        raise ValueError(f"unknown figure {name!r}")
    if selection.breakdown is not None:
        column = _DIMENSIONS[selection.breakdown]
        key = selection.key or ""
        if selection.breakdown == "mediator":
            clause = and_(clause, column.is_(None) if not key else column == int(key))
        elif selection.breakdown == "tier":
            clause = and_(clause, column == int(key))
        else:
            clause = and_(clause, column == key)
    return clause


_DIMENSIONS = {
    "tier": Dispute.tier,
    "category": Dispute.category,
    "source": Dispute.source,
    "grid": Dispute.grid,
    "mediator": Dispute.mediator_id,
}


class StatsService:
    def __init__(self, *, uow: UnitOfWork, clock: Clock,
                 screening: ScreeningService | None = None,
                 settings: SettingsService | None = None) -> None:
        self._uow = uow
        self._clock = clock
        self._screening = screening
        self._settings = settings

    def monthly_report(self, month: str, *, analysis: str = "") -> MonthlyReport:
        """The monthly analysis report's content for "YYYY-MM" (ValueError if unreadable):
        three sets of figures, the screening summary, and the red and orange disputes
        still open today, most severe and oldest first."""
        first, last = month_range(month)
        today = self._clock().date()
        if first > today:
            raise ValidationErrors([ValidationError(
                "month", f"{first.year}年{first.month}月还没有到，不能生成该月的报告")])
        screening = (self._screening.summary(first, last) if self._screening is not None
                     else ScreeningSummary(first, last, 0, {g: 0 for g in RiskGrade}, {}, 0, 0))
        station = self._settings.load().station_name if self._settings is not None else ""
        return MonthlyReport(
            month=f"{first.year}-{first.month:02d}",
            station=station,
            current=self.figures(first, last),
            previous=self.figures(*previous_month(first)),
            last_year=self.figures(*same_month_last_year(first)),
            screening=screening,
            open_risks=self.open_risks(today),
            open_risks_total=self.open_risks_count(),
            analysis=analysis.strip(),
            as_of=today,
        )

    def open_risks_count(self) -> int:
        with self._uow.read() as session:
            return int(session.scalar(select(func.count(Dispute.id)).where(*_open_risk())) or 0)

    def open_risks(self, today: dt.date, *, limit: int = 200) -> tuple[RiskCase, ...]:
        """Red and orange disputes not yet concluded (the report's watch list)."""
        severity = case({RiskGrade.RED.value: 0}, value=Dispute.risk, else_=1)
        with self._uow.read() as session:
            rows = session.execute(
                select(Dispute.number, Dispute.parties_display, Dispute.category, Dispute.risk,
                       Dispute.state, Dispute.tier, Dispute.accepted_on, Dispute.registered_on,
                       RosterMember.name, Dispute.summary)
                .outerjoin(RosterMember, RosterMember.id == Dispute.mediator_id)
                .where(*_open_risk())
                .order_by(severity, Dispute.registered_on, Dispute.id)
                .limit(limit)
            ).all()
        return tuple(
            RiskCase(number=r[0], parties=r[1], category=Category(r[2]), risk=RiskGrade(r[3]),
                     state=DisputeState(r[4]), tier=Tier(r[5]), accepted_on=r[6],
                     registered_on=r[7], mediator=r[8] or "", summary=r[9] or "",
                     days_open=(today - (r[6] or r[7])).days)
            for r in rows
        )

    def figures(self, date_from: dt.date, date_to: dt.date) -> Stats:
        """Every figure for [date_from, date_to].

        The work is three read-only queries on their own connections, run side by side
        (SQLite releases the GIL while it steps, and WAL lets readers run together): the
        per-dispute figures for tier 1 and for tiers 2 and 3 (two halves of the covering
        index), and the figures of events and visits.  The two halves' breakdown rows,
        a few dozen, are added up here.
        """
        if date_to < date_from:
            raise ValueError("date_to before date_from")
        today = self._clock().date()
        halves = ((1,), (2, 3))
        if self._parallel():
            pool = _pool()
            jobs = [pool.submit(self._dispute_figures, date_from, date_to, tiers)
                    for tiers in halves]
            other = pool.submit(self._other_figures, date_from, date_to, today)
            rows = [row for job in jobs for row in job.result()]
            mediators, escalations, recurrences, due, overdue, done = other.result()
        else:
            rows = [row for tiers in halves
                    for row in self._dispute_figures(date_from, date_to, tiers)]
            mediators, escalations, recurrences, due, overdue, done = self._other_figures(
                date_from, date_to, today)

        # The halves' rows for the same breakdown key (a category, a grid...) add up.
        merged: dict[tuple[str, str], list] = {}
        for row in rows:
            key = (row.breakdown, row.key or "")
            values = [int(getattr(row, f) or 0) for f in FIGURES]
            amount = Decimal(str(row.amount or 0))
            if key in merged:
                before, before_amount = merged[key]
                values = [a + b for a, b in zip(before, values, strict=True)]
                amount += before_amount
            merged[key] = [values, amount]
        breakdowns: dict[str, dict[str, Figures]] = {name: {} for name in BREAKDOWNS}
        totals = Figures()
        # Two mediators of the same name stay two rows (the id makes the label unique).
        names = [mediators.get(int(raw)) for (b, raw) in merged if b == "mediator" and raw]
        for (breakdown, raw), (values, amount) in merged.items():
            if breakdown != "total" and not any(values) and not amount:
                continue  # a grid, mediator... with nothing in the range
            figures = Figures(**dict(zip(FIGURES, values, strict=True)),
                              amount=amount.quantize(Decimal("0.01")), key=raw)
            if breakdown == "total":
                totals = figures
                continue
            shown = raw
            if breakdown == "mediator" and raw:
                shown = mediators.get(int(raw), "")
                if names.count(shown) > 1:
                    shown = f"{shown}（{raw}）"
            breakdowns[breakdown][shown] = figures
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
            amount_involved=totals.amount,
        )

    def _parallel(self) -> bool:
        url = self._uow.engine.url
        return not (url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"))

    def _dispute_figures(self, date_from: dt.date, date_to: dt.date,
                         tiers: tuple[int, ...], *, packed: bool | None = None) -> list:
        """The per-dispute figures of the disputes at `tiers`, by breakdown and in total.

        One ordered pass over ix_dispute_figures counts every per-dispute figure per
        (tier, category, source, grid, mediator); a dispute falls in exactly one such
        group, so each breakdown and the total are sums over these group rows, done in
        the same statement (not in Python).

        Most of the time goes into the aggregate steps (a figure per group row per
        breakdown), so the counts travel three to an integer: 21 bits each, added up by
        SQL as one sum and taken apart here.  A 21-bit field holds 2,097,151; a database
        with more disputes than that (`packed=False`) counts each figure on its own.
        """
        conds = conditions(date_from, date_to)
        with self._uow.read() as session:
            if packed is None:
                packed = (session.scalar(select(func.max(Dispute.id))) or 0) < _FIELD
            if packed:
                columns = _packed_columns(conds, date_from, date_to)
            else:
                columns = {name: func.count().filter(cond) for name, cond in conds.items()}
            columns["amount"] = func.sum(Dispute.amount).filter(conds["received"])
            groups = (
                select(
                    *[column.label(name) for name, column in _DIMENSIONS.items()],
                    *[column.label(name) for name, column in columns.items()],
                )
                .where(Dispute.tier.in_(tiers))
                .group_by(*_DIMENSIONS.values())
                .cte("groups")
                # Computed once, read by every breakdown (SQLite would inline it six times).
                .prefix_with("MATERIALIZED")
            )
            sums = [func.sum(groups.c[name]).label(name) for name in columns]
            parts = [
                select(literal(name).label("breakdown"),
                       func.cast(groups.c[name], String).label("key"), *sums)
                .group_by(groups.c[name])
                for name in _DIMENSIONS
            ]
            parts.append(select(literal("total").label("breakdown"),
                                literal("").label("key"), *sums))
            rows = session.execute(union_all(*parts)).all()
        return [_unpacked(row) for row in rows] if packed else list(rows)

    def _other_figures(self, date_from: dt.date, date_to: dt.date, today: dt.date):  # type: ignore[no-untyped-def]
        """Mediator names, escalations by tier pair, recurrences, and the visits."""
        with self._uow.read() as session:
            mediators = dict(session.execute(select(RosterMember.id, RosterMember.name)).all())
            escalations = {
                f"{a}→{b}": n
                for a, b, n in session.execute(
                    select(DisputeEvent.from_tier, DisputeEvent.to_tier, func.count())
                    .where(_escalation_events(date_from, date_to))
                    .group_by(DisputeEvent.from_tier, DisputeEvent.to_tier)
                    .order_by(DisputeEvent.from_tier, DisputeEvent.to_tier)
                )
            }
            recurrences = session.scalar(
                select(func.count(func.distinct(DisputeEvent.dispute_id)))
                .where(_recurrence_events(date_from, date_to))
            ) or 0
            # Each visit figure is a plain count over one index range (a count with a
            # FILTER over the quarter-million visits of three years costs twice as much).
            def count(clause: ColumnElement[bool]) -> int:
                return int(session.scalar(select(func.count()).where(clause)) or 0)

            due = sum(
                count(and_(FollowUpVisit.status == status,
                           FollowUpVisit.due_on.between(date_from, date_to)))
                for status in (VisitStatus.PLANNED.value, VisitStatus.DONE.value)
            )
            overdue = count(_visits("followups_overdue", date_from, date_to, today))
            done = count(_visits("followups_done", date_from, date_to, today))
        return mediators, escalations, recurrences, due, overdue, done


# Three counts to an integer (see `_dispute_figures`): each field is 21 bits wide.
_BITS = 21
_FIELD = 1 << _BITS
# (packed column, figures in its fields from the lowest).
_PACKING = {
    "p1": ("received", "performed", "judicial"),
    "p2": ("settled", "failed_only", "declined"),
    "p3": ("withdrawn", "referred", "criminal"),
}


def _packed_columns(conds: dict[str, ColumnElement[bool]], date_from: dt.date,
                    date_to: dt.date) -> dict[str, ColumnElement]:
    """The per-dispute figures as sums of packed flags (same conditions as `conditions`).

    A concluded dispute adds 1 in the field of its outcome; "failed" is read back as
    the failed field plus the referred one (a referral follows a failure)."""

    def flag(cond: ColumnElement[bool], field: int) -> ColumnElement:
        return case((cond, 1 << (_BITS * field)), else_=0)

    concluded = Dispute.concluded_day.between(day_number(date_from), day_number(date_to))
    ended = {
        "p2": {int(Outcome.SETTLED): 1, int(Outcome.FAILED): _FIELD,
               int(Outcome.DECLINED): _FIELD * _FIELD},
        "p3": {int(Outcome.WITHDRAWN): 1, int(Outcome.REFERRED): _FIELD},
    }
    return {
        "p1": func.sum(flag(conds["received"], 0) + flag(conds["performed"], 1)
                       + flag(conds["judicial"], 2)),
        "p2": func.sum(case((concluded, case(ended["p2"], value=Dispute.outcome, else_=0)),
                            else_=0)),
        "p3": func.sum(case((concluded, case(ended["p3"], value=Dispute.outcome, else_=0)),
                            else_=0) + flag(conds["criminal"], 2)),
        "mediated": func.count().filter(conds["mediated"]),
        "group_prevented": func.count().filter(conds["group_prevented"]),
    }


def _unpacked(row) -> SimpleNamespace:  # type: ignore[no-untyped-def]
    """A breakdown row of packed sums as one of plain figures."""
    values: dict[str, object] = {"breakdown": row.breakdown, "key": row.key,
                                 "amount": row.amount, "mediated": row.mediated,
                                 "group_prevented": row.group_prevented}
    for column, names in _PACKING.items():
        total = int(getattr(row, column) or 0)
        for index, name in enumerate(names):
            values[name] = (total >> (_BITS * index)) & (_FIELD - 1)
    values["failed"] = values.pop("failed_only") + values["referred"]  # type: ignore[operator]
    return SimpleNamespace(**values)


def _open_risk() -> tuple[ColumnElement[bool], ...]:
    """Red and orange disputes not concluded (registered, accepted, in mediation)."""
    return (
        Dispute.risk.in_((RiskGrade.RED.value, RiskGrade.ORANGE.value)),
        Dispute.state.in_((DisputeState.REGISTERED.value, DisputeState.ACCEPTED.value,
                           DisputeState.IN_MEDIATION.value)),
    )


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    """Three reader threads shared by every figures call (made on first use)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=3, thread_name_prefix="figures")
        return _POOL
