"""Follow-up visits (回访, DOMAIN §8): the plan, the record of a visit, and when a visit
means the case must be mediated again.

Pure rules: the plan is computed from the settlement date, the station's offsets and the
agreement's performance deadlines; a visit record is checked field by field; and
`reopen_grounds` says whether what the visit found (a term refused, the conflict back)
should make the mediator reopen the case.  The mediator confirms; nothing reopens alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mediation_desk.domain.errors import ValidationError, ValidationErrors
from mediation_desk.domain.vocabulary import LabelledEnum


class VisitStatus(LabelledEnum):
    PLANNED = ("planned", "待回访")
    DONE = ("done", "已回访")
    CANCELLED = ("cancelled", "已取消")


class VisitOrigin(LabelledEnum):
    OFFSET = ("offset", "按规定天数")
    PERFORMANCE = ("performance", "履行期限次日")
    MANUAL = ("manual", "调解员添加")


class VisitWay(LabelledEnum):
    PHONE = ("phone", "电话回访")
    HOME = ("home", "上门回访")
    STATION = ("station", "来所回访")


class Performance(LabelledEnum):
    FULLY = ("fully", "已全部履行")
    PARTLY = ("partly", "部分履行")
    NOT_YET = ("not_yet", "尚未履行")
    REFUSED = ("refused", "拒绝履行")


class Satisfaction(LabelledEnum):
    SATISFIED = ("satisfied", "满意")
    FAIRLY = ("fairly", "基本满意")
    DISSATISFIED = ("dissatisfied", "不满意")


# The police response is judged on three points (seed 003): 出警速度、处警态度、处置情况.
POLICE_ASPECTS: tuple[tuple[str, str], ...] = (
    ("speed", "出警速度"),
    ("attitude", "处警态度"),
    ("handling", "处置情况"),
)

# The key a performance entry uses for an oral agreement, which has no separate terms.
WHOLE_AGREEMENT = "agreement"


@dataclass(frozen=True)
class PlannedVisit:
    due: dt.date
    origin: VisitOrigin
    basis: str


def plan_visits(
    settled_on: dt.date,
    *,
    offsets: Iterable[int],
    performance_deadlines: Iterable[dt.date] = (),
) -> list[PlannedVisit]:
    """The visits to schedule when a dispute is settled (DOMAIN §8), sorted by date.

    One visit `offset` days after settlement for each offset, and one the day after each
    performance deadline; two rules landing on the same day make one visit, described by
    the first rule that asked for it.
    """
    by_date: dict[dt.date, PlannedVisit] = {}
    for offset in sorted(set(offsets)):
        if offset < 0:
            raise ValueError(f"follow-up offsets must be 0 or more, got {offset}")
        due = settled_on + dt.timedelta(days=offset)
        by_date.setdefault(due, PlannedVisit(due, VisitOrigin.OFFSET, f"调解成功后第{offset}天"))
    for deadline in sorted(set(performance_deadlines)):
        if deadline < settled_on:
            raise ValueError(f"performance deadline {deadline} is before settlement on {settled_on}")
        due = deadline + dt.timedelta(days=1)
        by_date.setdefault(
            due,
            PlannedVisit(due, VisitOrigin.PERFORMANCE, f"履行期限{deadline:%Y-%m-%d}次日"),
        )
    return [by_date[d] for d in sorted(by_date)]


@dataclass(frozen=True)
class VisitRecord:
    """What a mediator writes down after a visit."""

    visited_on: dt.date
    way: VisitWay
    visited: str  # who was visited
    visitors: str  # who visited
    # Term key (the term's id as text, or WHOLE_AGREEMENT) -> how far it is performed.
    performance: dict[str, Performance] = field(default_factory=dict)
    satisfaction_mediation: Satisfaction | None = None
    satisfaction_police: dict[str, Satisfaction] = field(default_factory=dict)
    conflict_returning: bool = False
    conflict_signs: str = ""
    new_risks: str = ""
    action: str = ""
    remarks: str = ""


def validate_visit(
    record: VisitRecord,
    *,
    term_keys: Sequence[str],
    settled_on: dt.date | None,
    today: dt.date,
) -> VisitRecord:
    """Return the record trimmed, or raise `ValidationErrors` keyed by form field."""
    errors: list[ValidationError] = []
    if record.visited_on > today:
        errors.append(ValidationError("visited_on", "回访日期不能晚于今天"))
    if settled_on is not None and record.visited_on < settled_on:
        errors.append(
            ValidationError("visited_on", f"回访日期早于调解成功日期（{settled_on:%Y-%m-%d}）")
        )
    if not record.visited.strip():
        errors.append(ValidationError("visited", "请填写回访对象"))
    if not record.visitors.strip():
        errors.append(ValidationError("visitors", "请填写回访人"))
    for n, key in enumerate(term_keys, start=1):
        if key not in record.performance:
            errors.append(
                ValidationError(f"performance.{key}", f"请选择第{n}项约定事项的履行情况")
            )
    if record.satisfaction_mediation is None:
        errors.append(ValidationError("satisfaction_mediation", "请选择对调解工作的满意度"))
    for key, label in POLICE_ASPECTS:
        if key not in record.satisfaction_police:
            errors.append(ValidationError(f"satisfaction_{key}", f"请选择对{label}的满意度"))
    if record.conflict_returning and not record.conflict_signs.strip():
        errors.append(ValidationError("conflict_signs", "发现矛盾反复时请写明具体迹象"))
    if errors:
        raise ValidationErrors(errors)
    return VisitRecord(
        visited_on=record.visited_on,
        way=record.way,
        visited=record.visited.strip(),
        visitors=record.visitors.strip(),
        performance={k: record.performance[k] for k in term_keys},
        satisfaction_mediation=record.satisfaction_mediation,
        satisfaction_police=dict(record.satisfaction_police),
        conflict_returning=record.conflict_returning,
        conflict_signs=record.conflict_signs.strip(),
        new_risks=record.new_risks.strip(),
        action=record.action.strip(),
        remarks=record.remarks.strip(),
    )


def reopen_grounds(record: VisitRecord, *, term_labels: dict[str, str] | None = None) -> str:
    """Why this visit should reopen the case, as a sentence; empty when it should not.

    A term refused or the conflict coming back is a breach (DOMAIN §3, §8).  A term not
    yet performed is not: its deadline may still be ahead, and the next visit checks it.
    """
    labels = term_labels or {}
    reasons = [
        f"{labels.get(key, '协议')}被拒绝履行"
        for key, how in record.performance.items()
        if how is Performance.REFUSED
    ]
    if record.conflict_returning:
        reasons.append(f"矛盾出现反复：{record.conflict_signs}" if record.conflict_signs else "矛盾出现反复")
    if not reasons:
        return ""
    return f"{record.visited_on:%Y-%m-%d}回访发现" + "；".join(reasons)


def validate_move(new_date: dt.date, *, reason: str, settled_on: dt.date | None) -> None:
    errors: list[ValidationError] = []
    if settled_on is not None and new_date < settled_on:
        errors.append(ValidationError("due", "回访日期不能早于调解成功日期"))
    if not reason.strip():
        errors.append(ValidationError("reason", "请填写调整回访日期的原因"))
    if errors:
        raise ValidationErrors(errors)


def validate_cancel(reason: str) -> None:
    if not reason.strip():
        raise ValidationErrors([ValidationError("reason", "取消回访须填写原因")])
