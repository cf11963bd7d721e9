"""A mediation session as the mediator records it (DOMAIN §5), and its checks.

Who may take part depends on the tier (DOMAIN §2): a full-time mediator (with the grid
worker) at tier 1, the joint team at tier 2, the mediation room with departments at
tier 3.  The community police officer may join at any tier.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mediation_desk.domain.errors import ValidationError, ValidationErrors
from mediation_desk.domain.vocabulary import LabelledEnum, RosterRole, Tier


class SessionOutcome(LabelledEnum):
    CONTINUE = ("continue", "继续调解")
    SETTLED = ("settled", "达成协议")
    FAILED = ("failed", "调解不成")


# Roles offered when picking who was present, by tier.
ROLES_FOR_TIER: dict[Tier, tuple[RosterRole, ...]] = {
    Tier.GRID: (RosterRole.MEDIATOR, RosterRole.GRID_WORKER, RosterRole.COMMUNITY_OFFICER),
    Tier.JOINT_TEAM: (RosterRole.TEAM_MEMBER, RosterRole.COMMUNITY_OFFICER, RosterRole.MEDIATOR),
    Tier.MEDIATION_ROOM: (
        RosterRole.MEDIATOR,
        RosterRole.DEPARTMENT,
        RosterRole.COMMUNITY_OFFICER,
        RosterRole.TEAM_MEMBER,
    ),
}
# The role that must be among those present for the session to count at that tier.
LEAD_ROLE: dict[Tier, RosterRole] = {
    Tier.GRID: RosterRole.MEDIATOR,
    Tier.JOINT_TEAM: RosterRole.TEAM_MEMBER,
    Tier.MEDIATION_ROOM: RosterRole.DEPARTMENT,
}

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Participant:
    roster_id: int
    name: str
    role: RosterRole


@dataclass(frozen=True)
class SessionDraft:
    held_on: dt.date | None = None
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    participants: tuple[Participant, ...] = ()
    parties_present: str = ""
    others_present: str = ""
    applicant_statement: str = ""
    respondent_statement: str = ""
    proposals: str = ""
    outcome: SessionOutcome = SessionOutcome.CONTINUE
    next_on: dt.date | None = None


def _time(value: str, field: str, errors: list[ValidationError]) -> str:
    text = value.strip().replace("：", ":")
    if not text:
        return ""
    match = _TIME.match(text)
    if not match:
        errors.append(ValidationError(field, "时间格式应为 时:分，如 09:30"))
        return text
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def validate_team(team: tuple[Participant, ...], *, tier: Tier) -> None:
    """An escalation's new team must include the role that leads at the new tier."""
    lead = LEAD_ROLE[tier]
    if not any(p.role is lead for p in team):
        raise ValidationErrors(
            [ValidationError("team", f"升级到{tier.label}须选定{lead.label}，请从名册中选择")]
        )


def validate_session(draft: SessionDraft, *, tier: Tier, today: dt.date) -> SessionDraft:
    errors: list[ValidationError] = []
    if draft.held_on is None:
        errors.append(ValidationError("held_on", "请填写调解日期"))
    elif draft.held_on > today:
        errors.append(ValidationError("held_on", "调解日期不能晚于今天"))
    start = _time(draft.start_time, "start_time", errors)
    end = _time(draft.end_time, "end_time", errors)
    if start and end and end <= start:
        errors.append(ValidationError("end_time", "结束时间应晚于开始时间"))
    if not draft.participants:
        errors.append(ValidationError("participants", "请从名册中选择参加调解的人员"))
    else:
        lead = LEAD_ROLE[tier]
        if not any(p.role is lead for p in draft.participants):
            errors.append(
                ValidationError(
                    "participants", f"{tier.label}的调解须有{lead.label}参加，请从名册中选择"
                )
            )
        allowed = ROLES_FOR_TIER[tier]
        strays = [p.name for p in draft.participants if p.role not in allowed]
        if strays:
            errors.append(
                ValidationError("participants", f"{'、'.join(strays)}不属于{tier.label}的人员")
            )
    if not (draft.applicant_statement.strip() or draft.respondent_statement.strip()):
        errors.append(ValidationError("applicant_statement", "请记录当事人的陈述"))
    if draft.outcome is SessionOutcome.CONTINUE:
        if draft.next_on is None:
            errors.append(ValidationError("next_on", "继续调解须填写下次调解日期"))
        elif draft.held_on and draft.next_on <= draft.held_on:
            errors.append(ValidationError("next_on", "下次调解日期应晚于本次"))
    if errors:
        raise ValidationErrors(errors)
    return SessionDraft(
        held_on=draft.held_on,
        start_time=start,
        end_time=end,
        place=" ".join(draft.place.split()),
        participants=draft.participants,
        parties_present=draft.parties_present.strip(),
        others_present=draft.others_present.strip(),
        applicant_statement=draft.applicant_statement.strip(),
        respondent_statement=draft.respondent_statement.strip(),
        proposals=draft.proposals.strip(),
        outcome=draft.outcome,
        next_on=draft.next_on if draft.outcome is SessionOutcome.CONTINUE else None,
    )
