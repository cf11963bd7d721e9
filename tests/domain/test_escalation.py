"""The dispute state machine (DOMAIN §3): every move, every refusal, and random walks."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desk.domain.errors import IllegalTransition
from mediation_desk.domain.escalation import (
    ALLOWED,
    CaseFacts,
    DeclineReason,
    Exclusion,
    Move,
    MoveRequest,
    ReferralRoute,
    SettlementKind,
    allowed_moves,
    decide,
)
from mediation_desk.domain.vocabulary import DisputeKind, DisputeState, EventKind, Tier

S = DisputeState


def case(state=S.IN_MEDIATION, tier=Tier.GRID, **kw) -> CaseFacts:
    return CaseFacts(state=state, tier=tier, **kw)


def refused(facts: CaseFacts, request: MoveRequest) -> str:
    with pytest.raises(IllegalTransition) as raised:
        decide(facts, request)
    return raised.value.message


def test_happy_path_to_closed():
    facts = case(S.REGISTERED)
    steps = [
        MoveRequest(Move.ACCEPT),
        MoveRequest(Move.START),
        MoveRequest(Move.SETTLE, settlement=SettlementKind.WRITTEN),
        MoveRequest(Move.CLOSE),
    ]
    states = []
    for request in steps:
        t = decide(facts, request)
        states.append(t.to_state)
        facts = replace(facts, state=t.to_state, sessions=1, settlement=SettlementKind.WRITTEN)
    assert states == [S.ACCEPTED, S.IN_MEDIATION, S.SETTLED, S.CLOSED]


def test_escalate_moves_one_tier_and_keeps_the_state():
    t = decide(case(), MoveRequest(Move.ESCALATE, reason="一级未能调解", team=(7,)))
    assert (t.from_tier, t.to_tier) == (Tier.GRID, Tier.JOINT_TEAM)
    assert t.to_state is S.IN_MEDIATION and t.event is EventKind.ESCALATED
    assert t.changes_tier and not t.changes_state
    t = decide(case(tier=Tier.JOINT_TEAM), MoveRequest(Move.DEESCALATE, reason="事实简单"))
    assert t.to_tier is Tier.GRID and t.event is EventKind.DEESCALATED


@pytest.mark.parametrize(
    "facts, request_, message",
    [
        (case(tier=Tier.MEDIATION_ROOM), MoveRequest(Move.ESCALATE, reason="x", team=(1,)), "不能再升级"),
        (case(), MoveRequest(Move.ESCALATE, team=(1,)), "升级须填写理由"),
        (case(), MoveRequest(Move.ESCALATE, reason="x"), "调解人员"),
        (case(), MoveRequest(Move.DEESCALATE, reason="x"), "不能再降级"),
        (case(tier=Tier.JOINT_TEAM), MoveRequest(Move.DEESCALATE), "降级须填写理由"),
        (case(), MoveRequest(Move.SETTLE, settlement=SettlementKind.ORAL), "尚未记录调解过程"),
        (case(sessions=1), MoveRequest(Move.SETTLE), "书面调解协议还是口头协议"),
        (case(), MoveRequest(Move.FAIL, reason="x"), "尚未记录调解过程"),
        (case(sessions=1), MoveRequest(Move.FAIL), "原因"),
        (case(S.SETTLED), MoveRequest(Move.CLOSE), "调解协议未生成，不能结案"),
        (case(S.IN_MEDIATION), MoveRequest(Move.CLOSE), "调解协议未生成，不能结案"),
        (case(S.FAILED), MoveRequest(Move.REFER), "其他解决途径"),
        (case(S.REGISTERED), MoveRequest(Move.DECLINE), "法定理由"),
        (case(S.CLOSED), MoveRequest(Move.REOPEN), "原因"),
        (case(S.REGISTERED), MoveRequest(Move.WITHDRAW), "说明"),
        (case(S.DECLINED), MoveRequest(Move.ACCEPT), "已不予受理"),
        (case(S.REGISTERED), MoveRequest(Move.ESCALATE, reason="x", team=(1,)), "须先开始调解"),
    ],
)
def test_refusals_say_why(facts, request_, message):
    assert message in refused(facts, request_)


def test_public_security_exclusions_refuse_acceptance():
    facts = case(S.REGISTERED, kind=DisputeKind.PUBLIC_SECURITY)
    message = refused(facts, MoveRequest(Move.ACCEPT, exclusions=frozenset({Exclusion.GANG_FIGHT})))
    assert "结伙斗殴" in message and "不适用治安调解" in message
    assert decide(facts, MoveRequest(Move.ACCEPT)).to_state is S.ACCEPTED
    # The exclusion check applies only to 治安调解.
    ordinary = case(S.REGISTERED)
    assert decide(ordinary, MoveRequest(Move.ACCEPT, exclusions=frozenset(Exclusion))).to_state is S.ACCEPTED


def test_reasons_are_composed_for_the_record():
    t = decide(case(S.REGISTERED), MoveRequest(Move.DECLINE, decline_reason=DeclineReason.COURT_ACCEPTED, reason="（2026）川0722民初12号"))
    assert t.reason.startswith("人民法院或仲裁机构已经受理：")
    t = decide(case(S.FAILED), MoveRequest(Move.REFER, route=ReferralRoute.LITIGATION))
    assert t.reason == "告知当事人通过诉讼途径解决" and t.to_state is S.REFERRED


def test_terminal_states_allow_nothing():
    for state in (S.DECLINED, S.WITHDRAWN, S.REFERRED):
        assert allowed_moves(case(state)) == []


def _request_for(move: Move, data) -> MoveRequest:  # type: ignore[no-untyped-def]
    return MoveRequest(
        move,
        reason=data.draw(st.sampled_from(["", "理由"])),
        decline_reason=data.draw(st.sampled_from([None, *DeclineReason])),
        route=data.draw(st.sampled_from([None, *ReferralRoute])),
        settlement=data.draw(st.sampled_from([None, *SettlementKind])),
        team=data.draw(st.sampled_from([(), (1,)])),
    )


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_random_walks_stay_inside_the_table_and_keep_every_event(data):
    facts = case(S.REGISTERED, tier=data.draw(st.sampled_from(list(Tier))))
    log = []
    for _ in range(data.draw(st.integers(0, 25))):
        move = data.draw(st.sampled_from(list(Move)))
        if data.draw(st.booleans()):
            facts = replace(facts, sessions=facts.sessions + 1)  # a session was recorded
        request = _request_for(move, data)
        try:
            t = decide(facts, request)
        except IllegalTransition as refusal:
            assert refusal.message  # every refusal explains itself
            continue
        assert move in ALLOWED[facts.state]
        assert t.from_state is facts.state and t.from_tier is facts.tier
        assert abs(int(t.to_tier) - int(t.from_tier)) <= 1  # no tier is skipped
        log.append(t)
        settlement = request.settlement if t.move is Move.SETTLE else facts.settlement
        facts = replace(facts, state=t.to_state, tier=t.to_tier, settlement=settlement)
    # Replaying the log from the start reaches the same place: no move was lost.
    if log:
        assert log[0].from_state is S.REGISTERED
        for before, after in zip(log, log[1:], strict=False):
            assert after.from_state is before.to_state and after.from_tier is before.to_tier
        assert log[-1].to_state is facts.state


def test_offered_moves_respect_the_tier_ends():
    assert Move.DEESCALATE not in allowed_moves(case(tier=Tier.GRID))
    assert Move.ESCALATE in allowed_moves(case(tier=Tier.GRID))
    assert Move.ESCALATE not in allowed_moves(case(tier=Tier.MEDIATION_ROOM))
    assert Move.DEESCALATE in allowed_moves(case(tier=Tier.MEDIATION_ROOM))
