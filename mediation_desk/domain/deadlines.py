"""Deadlines on a case and the countdowns shown for them (DOMAIN §8, §9).

Pure date arithmetic: each function takes the dates it needs (and a `WorkingCalendar`
where working days count) and returns frozen values.  Nothing here reads the clock;
"today" is always passed in, so the case view, the daily list and the tests agree.

Periods follow the usual rule for legal periods (Civil Procedure Law art. 85): the day
the period starts on is not counted, so "30 days from acceptance on 1 March" is 31 March.
A due date that falls on a day off is *not* moved to the next working day: the app warns
on the earliest date a mediator could be held to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from mediation_desk.domain.calendar import WorkingCalendar
from mediation_desk.domain.vocabulary import DisputeKind, DisputeState, LabelledEnum

# The defaults DOMAIN §8 names; the station can change them in settings.
DEFAULT_FOLLOWUP_OFFSETS: tuple[int, ...] = (3, 30)
MEDIATION_TARGET_DAYS = 30
JUDICIAL_CONFIRMATION_DAYS = 30
PUBLIC_SECURITY_FIRST_WORKING_DAYS = 3
PUBLIC_SECURITY_SECOND_WORKING_DAYS = 7

_PUBLIC_SECURITY_RULES = "《公安机关治安调解工作规范》"


class DeadlineKind(LabelledEnum):
    MEDIATION_TARGET = ("mediation_target", "调解期限")
    PUBLIC_SECURITY_FIRST = ("public_security_first", "治安调解初次调解")
    PUBLIC_SECURITY_SECOND = ("public_security_second", "治安调解再次调解")
    JUDICIAL_CONFIRMATION = ("judicial_confirmation", "申请司法确认")
    PERFORMANCE = ("performance", "履行期限")
    FOLLOWUP = ("followup", "回访")

    @property
    def in_working_days(self) -> bool:
        """True for the 治安调解 clocks, which count working days, not calendar days."""
        return self in (DeadlineKind.PUBLIC_SECURITY_FIRST, DeadlineKind.PUBLIC_SECURITY_SECOND)

    @property
    def warning_only(self) -> bool:
        """True when passing the date is a reminder, not a breach (DOMAIN §9)."""
        return self is DeadlineKind.MEDIATION_TARGET


@dataclass(frozen=True)
class Deadline:
    """A date something must happen by, with the rule it comes from.

    `guessed` is True when the date rests on days the working calendar does not know
    (a year the library has no schedule for, without station overrides): the UI shows it
    as an estimate.
    """

    kind: DeadlineKind
    due: dt.date
    label: str
    basis: str
    guessed: bool = False


@dataclass(frozen=True)
class Countdown:
    """How far `today` is from a deadline, and the short Chinese text for it.

    For a working-day deadline pass `calendar` to count the working days left; without
    it the countdown falls back to calendar days, which is still true, only coarser.
    """

    deadline: Deadline
    today: dt.date
    calendar: WorkingCalendar | None = field(default=None, kw_only=True, compare=False)

    @property
    def days_left(self) -> int:
        """Calendar days until the due date; 0 on the day, negative once overdue."""
        return (self.deadline.due - self.today).days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def working_days_left(self) -> int | None:
        """Working days in (today, due] for a working-day deadline, else None."""
        if self.calendar is None or not self.deadline.kind.in_working_days:
            return None
        return self.calendar.working_days_between(self.today, self.deadline.due)

    def text(self) -> str:
        days = self.days_left
        if days < 0:
            # Lateness is told in calendar days whatever the kind: a mediator reads it
            # as "how long ago", and a weekend of delay is still delay.
            return f"已超期{-days}天"
        if days == 0:
            return "今天到期"
        working = self.working_days_left
        # Zero working days left before a later due date only happens when an override
        # turned the due date into a day off; calendar days are then the honest figure.
        if working:
            return f"还剩{working}个工作日"
        return f"还剩{days}天"


# ---------------------------------------------------------------- the deadlines
def mediation_target(accepted_on: dt.date, *, days: int = MEDIATION_TARGET_DAYS) -> Deadline:
    """The date mediation should end by: a warning only (DOMAIN §9)."""
    if days < 1:
        raise ValueError(f"days must be 1 or more, got {days}")
    return Deadline(
        kind=DeadlineKind.MEDIATION_TARGET,
        due=accepted_on + dt.timedelta(days=days),
        label=DeadlineKind.MEDIATION_TARGET.label,
        basis=f"受理之日起{days}日内调结（提醒，超期须记录原因）",
    )


def public_security_deadlines(
    accepted_on: dt.date,
    calendar: WorkingCalendar,
    *,
    appraisal_on: dt.date | None = None,
    first_session_on: dt.date | None = None,
) -> list[Deadline]:
    """The 治安调解 clocks: the first session, and the second once the first is held.

    The first session is due within 3 working days of acceptance, or of the delivery of
    the injury (or price) appraisal when the case needs one.  A second session, if any,
    is due within 7 working days after the first; until the first is held there is no
    second clock to show.
    """
    if appraisal_on is None:
        first_from, first_basis = accepted_on, "受理后"
    else:
        # Mediation cannot start before the case is accepted, so an appraisal delivered
        # earlier (brought by a party) leaves the clock running from acceptance.
        first_from, first_basis = max(accepted_on, appraisal_on), "伤情鉴定等文书送达后"
    deadlines = [
        _working_day_deadline(
            DeadlineKind.PUBLIC_SECURITY_FIRST,
            calendar,
            start=first_from,
            n=PUBLIC_SECURITY_FIRST_WORKING_DAYS,
            basis=f"{_PUBLIC_SECURITY_RULES}：{first_basis}"
            f"{PUBLIC_SECURITY_FIRST_WORKING_DAYS}个工作日内完成调解",
        )
    ]
    if first_session_on is not None:
        deadlines.append(
            _working_day_deadline(
                DeadlineKind.PUBLIC_SECURITY_SECOND,
                calendar,
                start=first_session_on,
                n=PUBLIC_SECURITY_SECOND_WORKING_DAYS,
                basis=f"{_PUBLIC_SECURITY_RULES}：治安调解一般为一次，必要时增加一次，"
                f"第一次调解后{PUBLIC_SECURITY_SECOND_WORKING_DAYS}个工作日内完成",
            )
        )
    return deadlines


def _working_day_deadline(
    kind: DeadlineKind, calendar: WorkingCalendar, *, start: dt.date, n: int, basis: str
) -> Deadline:
    due = calendar.add_working_days(start, n)
    return Deadline(
        kind=kind,
        due=due,
        label=kind.label,
        basis=basis,
        # Only the days after `start` were counted, so only they can make it a guess.
        guessed=not calendar.covers(start + dt.timedelta(days=1), due),
    )


def judicial_confirmation(effective_on: dt.date) -> Deadline:
    """The last day to apply jointly for judicial confirmation (People's Mediation Law art. 33)."""
    return Deadline(
        kind=DeadlineKind.JUDICIAL_CONFIRMATION,
        due=effective_on + dt.timedelta(days=JUDICIAL_CONFIRMATION_DAYS),
        label=DeadlineKind.JUDICIAL_CONFIRMATION.label,
        basis="《人民调解法》第三十三条：自调解协议生效之日起三十日内共同向人民法院申请司法确认",
    )


def performance_deadline(due: dt.date, *, term: str) -> Deadline:
    """One agreement term's performance deadline; `term` is the term as agreed."""
    label = f"{DeadlineKind.PERFORMANCE.label}：{term}" if term else DeadlineKind.PERFORMANCE.label
    return Deadline(
        kind=DeadlineKind.PERFORMANCE,
        due=due,
        label=label,
        basis="调解协议约定的履行期限",
    )


def followup_deadline(visit_on: dt.date) -> Deadline:
    """A planned follow-up visit, as a deadline for the daily list."""
    return Deadline(
        kind=DeadlineKind.FOLLOWUP,
        due=visit_on,
        label=DeadlineKind.FOLLOWUP.label,
        basis="回访计划",
    )


def followup_plan(
    settled_on: dt.date,
    *,
    offsets: Iterable[int] = DEFAULT_FOLLOWUP_OFFSETS,
    performance_deadlines: Iterable[dt.date] = (),
) -> list[dt.date]:
    """The visit dates for a settled case, sorted, each once (DOMAIN §8).

    One visit `offset` days after settlement for each offset, and one the day after each
    performance deadline, when there is something to check.  Visits are calendar days:
    a phone call does not wait for Monday, and the mediator can move any of them.
    """
    from mediation_desk.domain.followups import plan_visits

    return [
        v.due
        for v in plan_visits(
            settled_on, offsets=offsets, performance_deadlines=performance_deadlines
        )
    ]


# ------------------------------------------------------- all the clocks of one case
@dataclass(frozen=True)
class TermClock:
    """One agreement term's deadline, and whether a visit found it fully performed."""

    key: str
    label: str
    due: dt.date
    performed: bool = False


@dataclass(frozen=True)
class VisitClock:
    id: int
    due: dt.date
    open: bool = True  # planned, neither done nor cancelled


@dataclass(frozen=True)
class CaseClockFacts:
    """What decides which clocks run on a case (a plain snapshot of its record)."""

    state: DisputeState
    kind: DisputeKind = DisputeKind.PEOPLES
    accepted_on: dt.date | None = None
    # Mediation restarted by a reopen: its own 30 days run from that day.
    reopened_on: dt.date | None = None
    target_days: int = MEDIATION_TARGET_DAYS
    long_running_reason: str = ""
    first_session_on: dt.date | None = None
    # Sessions held so far: a second one ends the 治安调解 second-session clock.
    sessions_held: int = 0
    appraisal_on: dt.date | None = None
    # The written agreement's date of effect (signing), when there is one.
    effective_on: dt.date | None = None
    # The court confirmed the agreement (司法确认): the window to apply is used.
    judicial_confirmed_on: dt.date | None = None
    terms: tuple[TermClock, ...] = ()
    visits: tuple[VisitClock, ...] = ()


@dataclass(frozen=True)
class TrackedDeadline:
    """A deadline of a case as the list and the dashboard keep it.

    `open` is False once the thing is done (mediation concluded, term performed, visit
    made).  `counts_overdue` is False for a window that is a right, not a duty (judicial
    confirmation), and for a running-long warning whose reason has been recorded.
    """

    deadline: Deadline
    ref: str = ""
    open: bool = True
    counts_overdue: bool = True

    def overdue_on(self, today: dt.date) -> bool:
        return self.open and self.counts_overdue and self.deadline.due < today


_MEDIATING = frozenset({DisputeState.ACCEPTED, DisputeState.IN_MEDIATION})
_AGREED = frozenset({DisputeState.SETTLED, DisputeState.CLOSED})


def case_deadlines(facts: CaseClockFacts, calendar: WorkingCalendar) -> list[TrackedDeadline]:
    """Every clock that applies to the case as it stands, sorted by due date."""
    tracked: list[TrackedDeadline] = []
    mediating = facts.state in _MEDIATING
    start = facts.reopened_on or facts.accepted_on
    if start is not None and mediating:
        target = mediation_target(start, days=facts.target_days)
        if facts.reopened_on is not None:
            target = Deadline(
                kind=target.kind,
                due=target.due,
                label=target.label,
                basis=f"重新调解之日起{facts.target_days}日内调结（提醒，超期须记录原因）",
            )
        tracked.append(
            TrackedDeadline(target, counts_overdue=not facts.long_running_reason.strip())
        )
    if (
        facts.kind is DisputeKind.PUBLIC_SECURITY
        and facts.accepted_on is not None
        and mediating
        and facts.reopened_on is None
    ):
        for d in public_security_deadlines(
            facts.accepted_on,
            calendar,
            appraisal_on=facts.appraisal_on,
            first_session_on=facts.first_session_on,
        ):
            held = (
                d.kind is DeadlineKind.PUBLIC_SECURITY_FIRST and facts.first_session_on is not None
            ) or (d.kind is DeadlineKind.PUBLIC_SECURITY_SECOND and facts.sessions_held >= 2)
            tracked.append(TrackedDeadline(d, open=not held))
    if facts.state in _AGREED and facts.effective_on is not None:
        tracked.append(
            TrackedDeadline(judicial_confirmation(facts.effective_on), counts_overdue=False,
                            open=facts.judicial_confirmed_on is None)
        )
    # Performance and visits run while the agreement is being followed up; a closed case
    # has finished its plan (closing requires it), so nothing of it can go overdue.
    if facts.state is DisputeState.SETTLED:
        for term in facts.terms:
            tracked.append(
                TrackedDeadline(
                    performance_deadline(term.due, term=term.label),
                    ref=term.key,
                    open=not term.performed,
                )
            )
        for visit in facts.visits:
            tracked.append(
                TrackedDeadline(followup_deadline(visit.due), ref=str(visit.id), open=visit.open)
            )
    tracked.sort(key=lambda t: (t.deadline.due, t.deadline.kind.value, t.ref))
    return tracked


def deadline_rows(items: list[TrackedDeadline], dispute_id: int) -> list[dict]:
    """The `case_deadline` rows of a case's tracked clocks, as plain dicts: those open
    and counting (services.clocks.refresh writes these, and so does the demo)."""
    return [
        dict(
            dispute_id=dispute_id, kind=t.deadline.kind.value, ref=t.ref, due=t.deadline.due,
            label=t.deadline.label[:300], basis=t.deadline.basis, guessed=t.deadline.guessed,
            open=True, counts_overdue=True,
        )
        for t in items
        if t.open and t.counts_overdue
    ]
