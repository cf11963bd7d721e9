"""How a dispute's record reads for the figures (DOMAIN §10), as small integers.

The figures count disputes over date ranges at 100,000 rows; comparing text dates and
state names row by row is what makes such a query slow on SQLite.  So each dispute also
carries its dates as day numbers and its ending as an `Outcome` code, kept in step with
the record whenever it is saved (`persistence.figures`) and read only by the figures.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from mediation_desk.domain.errors import ValidationError
from mediation_desk.domain.vocabulary import Category, DisputeState, LabelledEnum, Source, Tier

_EPOCH = dt.date(1970, 1, 1)


class Outcome(IntEnum):
    """How the dispute's mediation ended, as the record stands now."""

    OPEN = 0  # not concluded (registered, accepted, in mediation)
    SETTLED = 1  # settled or closed after settling (an agreement was made)
    FAILED = 2  # mediation failed (调解不成)
    DECLINED = 3
    WITHDRAWN = 4
    REFERRED = 5  # referred to another route; counts as failed too
    CLOSED_OTHER = 6  # closed without a recorded settlement


def outcome_of(state: str, settlement: str | None) -> Outcome:
    """The outcome code of a dispute in `state` with `settlement` (its agreement kind)."""
    if state in (DisputeState.SETTLED.value, DisputeState.CLOSED.value):
        return Outcome.SETTLED if settlement else Outcome.CLOSED_OTHER
    return {
        DisputeState.FAILED.value: Outcome.FAILED,
        DisputeState.DECLINED.value: Outcome.DECLINED,
        DisputeState.WITHDRAWN.value: Outcome.WITHDRAWN,
        DisputeState.REFERRED.value: Outcome.REFERRED,
    }.get(state, Outcome.OPEN)


def day_number(day: dt.date | None) -> int | None:
    """Days since 1970-01-01 (None stays None)."""
    return None if day is None else (day - _EPOCH).days


def performed_on(
    *,
    signed_on: dt.date | None,
    term_keys: list[str],
    on_the_spot: set[str],
    carried_over: set[str],
    visits: list[tuple[dt.date, int, dict[str, str]]],
) -> dt.date | None:
    """The day the agreement was found wholly performed (协议履行完毕), or None.

    `term_keys` are the keys the visits answer for (term ids, or the whole oral
    agreement); `on_the_spot` were performed at signing; `carried_over` were found
    performed under an earlier version of a corrected agreement.  `visits` are the visits
    made: (visited_on, seq, {term key: performance}).  A term counts as performed when
    the latest visit that spoke of it found it fully performed; the day is that of the
    last such finding (the signing day when nothing was left to perform after it).
    """
    if signed_on is None:
        return None
    latest: dict[str, tuple[str, dt.date]] = {}
    for visited_on, _seq, performance in sorted(visits, key=lambda v: (v[0], v[1])):
        for key, how in performance.items():
            latest[key] = (how, visited_on)
    day = signed_on
    for key in term_keys:
        if key in on_the_spot:
            continue
        how, when = latest.get(key, ("", signed_on))
        if how == "fully":
            day = max(day, when)
        elif key not in carried_over:
            return None
    return day


class RecordedFact(LabelledEnum):
    """Facts about a dispute that the figures count "as recorded" (DOMAIN §10)."""

    CRIMINAL = ("criminal", "民转刑")
    GROUP_PREVENTED = ("group_prevented", "防止群体性事件")
    JUDICIAL = ("judicial", "司法确认")

    @property
    def column(self) -> str:
        return {
            "criminal": "turned_criminal_on",
            "group_prevented": "group_incident_on",
            "judicial": "judicial_confirmed_on",
        }[self.value]


def fact_problems(
    fact: RecordedFact,
    *,
    on: dt.date | None,
    today: dt.date,
    accepted_on: dt.date | None,
    registered_on: dt.date,
    signed_written_on: dt.date | None,
    note: str,
) -> list[ValidationError]:
    """What is wrong with recording `fact` on day `on` (errors keyed "on" and "note")."""
    problems: list[ValidationError] = []
    if on is None:
        problems.append(ValidationError("on", "请填写日期"))
    elif on > today:
        problems.append(ValidationError("on", "日期不能晚于今天"))
    elif on < (accepted_on or registered_on):
        problems.append(ValidationError("on", "日期不能早于案件受理（登记）日期"))
    if fact is RecordedFact.JUDICIAL:
        if signed_written_on is None:
            problems.append(ValidationError(
                "on", "只有已签字生效的书面调解协议才能申请司法确认"))
        elif on is not None and on < signed_written_on:
            problems.append(ValidationError("on", "司法确认日期不能早于协议签字日期"))
    if not note.strip():
        problems.append(ValidationError("note", {
            RecordedFact.CRIMINAL: "请写明转为刑事案件的情况（如案件编号、办案单位）",
            RecordedFact.GROUP_PREVENTED: "请写明涉及人数和采取的措施",
            RecordedFact.JUDICIAL: "请写明确认的法院及裁定书文号",
        }[fact]))
    return problems


# What the dashboard, the monthly report and the ledger call each figure (Chinese data,
# like the vocabularies' labels).
FIGURE_LABELS = {
    "received": "受理数",
    "mediated": "调解数",
    "settled": "调解成功",
    "failed": "调解不成",
    "declined": "不予受理",
    "withdrawn": "撤回",
    "referred": "移送",
    "success_rate": "调解成功率",
    "performed": "协议履行完毕",
    "judicial": "司法确认",
    "criminal": "民转刑",
    "group_prevented": "防止群体性事件",
    "recurrences": "反复",
    "escalations": "升降级",
    "followups_due": "应回访",
    "followups_done": "已回访",
    "followups_overdue": "逾期未回访",
    "amount": "涉及金额（元）",
}
BREAKDOWN_LABELS = {
    "tier": "层级",
    "category": "类别",
    "source": "来源",
    "grid": "网格",
    "mediator": "调解员",
}


def breakdown_key_label(breakdown: str, key: str) -> str:
    """How one row of a breakdown is named: 第一层级, 邻里, 110警情转办, a grid, a name."""
    if breakdown == "tier":
        return Tier(int(key)).label if key else "未定"
    if breakdown == "category":
        return Category(key).label if key else "未分类"
    if breakdown == "source":
        return Source(key).label if key else "未填"
    if breakdown == "grid":
        return key or "未填网格"
    return key or "未指派调解员"


# Per-dispute figures: each one a condition on a dispute's record (see `conditions`).
FIGURES = (
    "received", "mediated", "settled", "failed", "declined", "withdrawn", "referred",
    "performed", "judicial", "criminal", "group_prevented",
)
BREAKDOWNS = ("tier", "category", "source", "grid", "mediator")
# Figures of other records (events, visits), each with a drill-down to its disputes.
OTHER_FIGURES = ("recurrences", "followups_due", "followups_done", "followups_overdue")


def success_rate(settled: int, failed: int) -> float | None:
    """settled ÷ (settled + failed) as a percentage, one decimal; None if none concluded."""
    concluded = settled + failed
    if concluded == 0:
        return None
    rate = round(100 * settled / concluded, 1)
    # Rounding must not hide the last failure or the only success (99.96 % is not 100 %).
    if failed and rate == 100.0:
        return 99.9
    if settled and rate == 0.0:
        return 0.1
    return rate


def month_range(month: str) -> tuple[dt.date, dt.date]:
    """"2026-10" -> (2026-10-01, 2026-10-31); ValueError when unreadable."""
    year, number = (int(x) for x in month.split("-"))
    first = dt.date(year, number, 1)
    following = dt.date(year + (number == 12), number % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def previous_month(first: dt.date) -> tuple[dt.date, dt.date]:
    """The month before the one starting on `first`."""
    last = first - dt.timedelta(days=1)
    return last.replace(day=1), last


def same_month_last_year(first: dt.date) -> tuple[dt.date, dt.date]:
    return month_range(f"{first.year - 1}-{first.month:02d}")
