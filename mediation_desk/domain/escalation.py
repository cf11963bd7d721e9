"""A dispute's life as a pure state machine (DOMAIN §3): moves, guards, transitions.

`decide(case, request)` either returns the `Transition` the service must record (one
event row, written in the same transaction as the state change) or raises
`IllegalTransition` with a sentence a mediator understands.  Nothing here touches a
database or a window; the table `ALLOWED` is the whole of what may happen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mediation_desk.domain.errors import IllegalTransition
from mediation_desk.domain.vocabulary import (
    DisputeKind,
    DisputeState,
    EventKind,
    LabelledEnum,
    Tier,
)


class Move(LabelledEnum):
    ACCEPT = ("accept", "受理")
    DECLINE = ("decline", "不予受理")
    START = ("start", "开始调解")
    ESCALATE = ("escalate", "升级")
    DEESCALATE = ("deescalate", "降级")
    SETTLE = ("settle", "调解成功")
    FAIL = ("fail", "调解不成")
    REFER = ("refer", "告知其他途径")
    CLOSE = ("close", "结案")
    REOPEN = ("reopen", "重新调解")
    WITHDRAW = ("withdraw", "撤回")


class DeclineReason(LabelledEnum):
    """Why a dispute cannot be accepted for people's mediation (调解法 art. 18, 26)."""

    PARTY_REFUSES = ("party_refuses", "当事人一方明确拒绝调解")
    COURT_ACCEPTED = ("court_accepted", "人民法院或仲裁机构已经受理")
    OTHER_AUTHORITY = ("other_authority", "法律规定由其他机关处理")
    CRIMINAL = ("criminal", "属于不能调解的刑事案件")


class ReferralRoute(LabelledEnum):
    LITIGATION = ("litigation", "诉讼")
    ARBITRATION = ("arbitration", "仲裁")
    ADMINISTRATIVE = ("administrative", "行政处理")
    PUBLIC_SECURITY = ("public_security", "治安处理")
    CRIMINAL = ("criminal", "刑事立案")


class SettlementKind(LabelledEnum):
    WRITTEN = ("written", "书面调解协议")
    ORAL = ("oral", "口头协议")


class Exclusion(LabelledEnum):
    """Causes that exclude 治安调解 (公安机关治安调解工作规范)."""

    HIRED_VIOLENCE = ("hired_violence", "雇凶伤害他人")
    GANG_FIGHT = ("gang_fight", "结伙斗殴")
    PROVOCATION = ("provocation", "寻衅滋事")
    REPEATED = ("repeated", "多次实施违反治安管理行为")


ALLOWED: dict[DisputeState, frozenset[Move]] = {
    DisputeState.REGISTERED: frozenset({Move.ACCEPT, Move.DECLINE, Move.WITHDRAW}),
    DisputeState.ACCEPTED: frozenset({Move.START, Move.WITHDRAW}),
    DisputeState.IN_MEDIATION: frozenset(
        {Move.ESCALATE, Move.DEESCALATE, Move.SETTLE, Move.FAIL, Move.WITHDRAW}
    ),
    DisputeState.SETTLED: frozenset({Move.CLOSE, Move.REOPEN}),
    DisputeState.FAILED: frozenset({Move.REFER, Move.REOPEN, Move.WITHDRAW}),
    DisputeState.CLOSED: frozenset({Move.REOPEN}),
    DisputeState.DECLINED: frozenset(),
    DisputeState.WITHDRAWN: frozenset(),
    DisputeState.REFERRED: frozenset(),
}

TARGET: dict[Move, DisputeState | None] = {
    Move.ACCEPT: DisputeState.ACCEPTED,
    Move.DECLINE: DisputeState.DECLINED,
    Move.START: DisputeState.IN_MEDIATION,
    Move.ESCALATE: None,  # the state stays; the tier changes
    Move.DEESCALATE: None,
    Move.SETTLE: DisputeState.SETTLED,
    Move.FAIL: DisputeState.FAILED,
    Move.REFER: DisputeState.REFERRED,
    Move.CLOSE: DisputeState.CLOSED,
    Move.REOPEN: DisputeState.IN_MEDIATION,
    Move.WITHDRAW: DisputeState.WITHDRAWN,
}

EVENT_OF: dict[Move, EventKind] = {
    Move.ACCEPT: EventKind.ACCEPTED,
    Move.DECLINE: EventKind.DECLINED,
    Move.START: EventKind.STARTED,
    Move.ESCALATE: EventKind.ESCALATED,
    Move.DEESCALATE: EventKind.DEESCALATED,
    Move.SETTLE: EventKind.SETTLED,
    Move.FAIL: EventKind.FAILED,
    Move.REFER: EventKind.REFERRED,
    Move.CLOSE: EventKind.CLOSED,
    Move.REOPEN: EventKind.REOPENED,
    Move.WITHDRAW: EventKind.WITHDRAWN,
}


@dataclass(frozen=True)
class CaseFacts:
    """What the guards need to know about a dispute as it stands."""

    state: DisputeState
    tier: Tier
    kind: DisputeKind = DisputeKind.PEOPLES
    sessions: int = 0
    settlement: SettlementKind | None = None
    referral: ReferralRoute | None = None
    # Why the agreement of the kind asked for cannot be signed yet (empty: it can).
    agreement_problems: tuple[str, ...] = ()
    # Follow-up visits still planned (neither made nor cancelled with a reason).
    open_visits: int = 0


@dataclass(frozen=True)
class MoveRequest:
    move: Move
    reason: str = ""
    decline_reason: DeclineReason | None = None
    route: ReferralRoute | None = None
    settlement: SettlementKind | None = None
    # Escalation: the new tier's team (roster ids); at least one is needed.
    team: tuple[int, ...] = ()
    exclusions: frozenset[Exclusion] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Transition:
    move: Move
    event: EventKind
    from_state: DisputeState
    to_state: DisputeState
    from_tier: Tier
    to_tier: Tier
    reason: str

    @property
    def changes_state(self) -> bool:
        return self.from_state is not self.to_state

    @property
    def changes_tier(self) -> bool:
        return self.from_tier is not self.to_tier


# Sessions are recorded while mediation runs; the tier is confirmed or changed with a
# reason before it starts (afterwards only by escalating or moving down).
SESSION_STATES = frozenset({DisputeState.IN_MEDIATION})
TIER_SETTABLE_STATES = frozenset({DisputeState.REGISTERED, DisputeState.ACCEPTED})


def allowed_moves(case: CaseFacts) -> list[Move]:
    """The moves possible now, in a stable order for menus and buttons: the table's,
    less escalating from the top tier or moving down from the bottom one."""
    moves = [m for m in Move if m in ALLOWED[case.state]]
    if case.tier is Tier.MEDIATION_ROOM:
        moves = [m for m in moves if m is not Move.ESCALATE]
    if case.tier is Tier.GRID:
        moves = [m for m in moves if m is not Move.DEESCALATE]
    return moves


def can_record_session(case: CaseFacts) -> bool:
    return case.state in SESSION_STATES


def can_set_tier(case: CaseFacts) -> bool:
    return case.state in TIER_SETTABLE_STATES


def _refuse(message: str) -> IllegalTransition:
    return IllegalTransition(message)


def decide(case: CaseFacts, request: MoveRequest) -> Transition:
    move = request.move
    reason = request.reason.strip()
    if move not in ALLOWED[case.state]:
        raise _refuse(_not_now(case, move))
    to_state = TARGET[move] or case.state
    to_tier = case.tier

    if move is Move.DECLINE:
        if request.decline_reason is None:
            raise _refuse("不予受理须选择法定理由")
        reason = f"{request.decline_reason.label}" + (f"：{reason}" if reason else "")
    elif move is Move.ACCEPT:
        if case.kind is DisputeKind.PUBLIC_SECURITY and request.exclusions:
            causes = "、".join(e.label for e in Exclusion if e in request.exclusions)
            raise _refuse(f"因{causes}引起的治安案件不适用治安调解，不能受理，请依法处理")
    elif move is Move.ESCALATE:
        if case.tier is Tier.MEDIATION_ROOM:
            raise _refuse("已在第三级（矛盾纠纷调解室），不能再升级")
        if not reason:
            raise _refuse("升级须填写理由")
        if not request.team:
            raise _refuse(f"升级须从名册中选定{Tier(case.tier + 1).label}的调解人员")
        to_tier = Tier(case.tier + 1)
    elif move is Move.DEESCALATE:
        if case.tier is Tier.GRID:
            raise _refuse("已在第一级（警民联调工作站），不能再降级")
        if not reason:
            raise _refuse("降级须填写理由")
        to_tier = Tier(case.tier - 1)
    elif move is Move.SETTLE:
        if case.sessions < 1:
            raise _refuse("尚未记录调解过程，不能认定调解成功；请先记录调解笔录")
        if request.settlement is None:
            raise _refuse("请选择达成的是书面调解协议还是口头协议")
        if case.agreement_problems:
            raise _refuse("不能认定调解成功：" + "；".join(case.agreement_problems))
        reason = request.settlement.label + (f"：{reason}" if reason else "")
    elif move is Move.FAIL:
        if case.sessions < 1:
            raise _refuse("尚未记录调解过程，不能认定调解不成；请先记录调解笔录")
        if not reason:
            raise _refuse("调解不成须填写原因")
    elif move is Move.REFER:
        if request.route is None:
            raise _refuse("请选择告知当事人的其他解决途径")
        reason = f"告知当事人通过{request.route.label}途径解决" + (f"：{reason}" if reason else "")
    elif move is Move.CLOSE:
        if case.settlement is None:
            raise _refuse("调解协议未生成，不能结案")
        if case.open_visits:
            raise _refuse(
                f"回访计划尚未完成（还有{case.open_visits}次回访未进行），不能结案；"
                "请完成回访，或注明原因取消"
            )
    elif move is Move.REOPEN:
        if not reason:
            raise _refuse("重新调解须填写原因（如回访发现协议未履行）")
    elif move is Move.WITHDRAW:
        if not reason:
            raise _refuse("撤回须记录申请人的说明")

    return Transition(
        move=move,
        event=EVENT_OF[move],
        from_state=case.state,
        to_state=to_state,
        from_tier=case.tier,
        to_tier=to_tier,
        reason=reason,
    )


def _not_now(case: CaseFacts, move: Move) -> str:
    if not ALLOWED[case.state]:
        return f"案件已{case.state.label}，不能再{move.label}"
    if move is Move.CLOSE:
        return "调解协议未生成，不能结案" if case.state is not DisputeState.FAILED else (
            "调解不成的案件应先告知其他解决途径"
        )
    if move in (Move.ESCALATE, Move.DEESCALATE, Move.SETTLE, Move.FAIL):
        return f"案件处于“{case.state.label}”，须先开始调解才能{move.label}"
    return f"案件处于“{case.state.label}”，不能{move.label}"
