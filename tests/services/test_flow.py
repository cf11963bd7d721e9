"""The three-tier flow on a real migrated SQLite file: moves, sessions, risk."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from mediation_desk.domain.agreements import AgreementDraft, TermDraft
from mediation_desk.domain.errors import (
    ConcurrentModification,
    IllegalTransition,
    ValidationErrors,
)
from mediation_desk.domain.escalation import (
    DeclineReason,
    Move,
    MoveRequest,
    ReferralRoute,
    SettlementKind,
)
from mediation_desk.domain.intake import DisputeDraft, PartyDraft
from mediation_desk.domain.sessions import Participant, SessionDraft, SessionOutcome
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeState,
    EventKind,
    PartySide,
    RiskGrade,
    RosterRole,
    Source,
    Tier,
)
from mediation_desk.persistence.models import DisputeEvent
from mediation_desk.services.dto import CaseFilter, RosterDraft

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def roster(services):
    add = services.roster.add
    return {
        "mediator": add(RosterDraft(name="王㛃", role=RosterRole.MEDIATOR)),
        "grid": add(RosterDraft(name="李网格", role=RosterRole.GRID_WORKER, grid="潼川镇第1网格")),
        "team": add(RosterDraft(name="张代表", role=RosterRole.TEAM_MEMBER, title="人大代表")),
        "dept": add(RosterDraft(name="司法所", role=RosterRole.DEPARTMENT)),
    }


@pytest.fixture
def case(services):
    return services.cases.register(
        draft=DisputeDraft(
            source=Source.APPLICATION,
            category=Category.NEIGHBOUR,
            parties=(
                PartyDraft(side=PartySide.APPLICANT, name="周喆"),
                PartyDraft(side=PartySide.RESPONDENT, name="吴昇"),
            ),
            summary="楼上漏水",
        ),
        by="王㛃",
    )


def events(services, dispute_id: int) -> int:
    with services.uow.read() as session:
        return session.scalar(
            select(func.count(DisputeEvent.id)).where(DisputeEvent.dispute_id == dispute_id)
        )


def move(services, detail, request: MoveRequest):
    return services.flow.move(
        dispute_id=detail.id, expected_version=detail.version, request=request, by="王㛃"
    )


def session_draft(*participants, outcome=SessionOutcome.CONTINUE) -> SessionDraft:
    return SessionDraft(
        held_on=TODAY,
        start_time="9:30",
        end_time="11:00",
        place="调解室",
        participants=tuple(Participant(p.id, p.name, p.role) for p in participants),
        applicant_statement="要求赔偿维修费2000元",
        respondent_statement="同意维修，赔偿金额有异议",
        proposals="建议赔偿1500元",
        outcome=outcome,
        next_on=TODAY + dt.timedelta(days=3) if outcome is SessionOutcome.CONTINUE else None,
    )


def test_each_move_writes_exactly_one_event_and_refusals_write_none(services, case, roster):
    d = case
    assert events(services, d.id) == 1
    d = move(services, d, MoveRequest(Move.ACCEPT))
    assert d.row.state is DisputeState.ACCEPTED and d.row.accepted_on == TODAY
    assert events(services, d.id) == 2
    with pytest.raises(IllegalTransition):
        move(services, d, MoveRequest(Move.SETTLE, settlement=SettlementKind.ORAL))
    assert events(services, d.id) == 2
    d = move(services, d, MoveRequest(Move.START))
    with pytest.raises(IllegalTransition) as refused:
        move(services, d, MoveRequest(Move.SETTLE, settlement=SettlementKind.ORAL))
    assert "尚未记录调解过程" in refused.value.message
    assert events(services, d.id) == 3
    d = services.flow.record_session(
        dispute_id=d.id, draft=session_draft(roster["mediator"], roster["grid"]), by="王㛃"
    )
    assert [s.tier for s in d.sessions] == [Tier.GRID]
    assert {p.name for p in d.sessions[0].participants} == {"王㛃", "李网格"}
    assert d.sessions[0].start_time == "09:30"
    with pytest.raises(IllegalTransition) as refused:
        move(services, d, MoveRequest(Move.SETTLE, settlement=SettlementKind.WRITTEN))
    assert refused.value.message == "不能认定调解成功：尚未填写书面调解协议"
    services.agreements.save_draft(
        dispute_id=d.id,
        draft=AgreementDraft(
            party_ids=tuple(p.id for p in d.parties),
            facts="楼上漏水", issues="维修费", responsibility="吴昇负主要责任",
            terms=(TermDraft("吴昇赔偿维修费1500元", amount=Decimal("1500"), deadline=TODAY + dt.timedelta(days=10)),),
        ),
        expected_edit_version=None, by="王㛃",
    )
    assert events(services, d.id) == 3  # a draft is not a move
    d = move(services, d, MoveRequest(Move.SETTLE, settlement=SettlementKind.WRITTEN))
    assert d.row.state is DisputeState.SETTLED and d.settlement == "written"
    assert d.signed_agreement is not None and d.signed_agreement.signed_on == TODAY
    assert [v.due_on for v in d.visits] == [
        TODAY + dt.timedelta(days=3), TODAY + dt.timedelta(days=11), TODAY + dt.timedelta(days=30)
    ]
    with pytest.raises(IllegalTransition) as refused:
        move(services, d, MoveRequest(Move.CLOSE))
    assert "还有3次回访未进行" in refused.value.message
    for visit in d.visits:
        d = services.followups.cancel(
            visit_id=visit.id, expected_row_version=visit.row_version, reason="当事人已搬离", by="王㛃"
        )
    d = move(services, d, MoveRequest(Move.CLOSE))
    assert d.row.state is DisputeState.CLOSED
    assert [e.kind for e in d.events if e.kind is not EventKind.NOTE] == [
        EventKind.REGISTERED, EventKind.ACCEPTED, EventKind.STARTED, EventKind.SETTLED,
        EventKind.CLOSED,
    ]


def test_escalation_records_team_and_sessions_stay(services, case, roster):
    d = move(services, case, MoveRequest(Move.ACCEPT))
    d = move(services, d, MoveRequest(Move.START))
    d = services.flow.record_session(
        dispute_id=d.id, draft=session_draft(roster["mediator"]), by="x"
    )
    with pytest.raises(IllegalTransition) as refused:
        move(services, d, MoveRequest(Move.ESCALATE, reason="分歧大"))
    assert "调解人员" in refused.value.message
    d = move(services, d, MoveRequest(Move.ESCALATE, reason="分歧大", team=(roster["team"].id,)))
    assert d.row.tier is Tier.JOINT_TEAM
    assert len(d.sessions) == 1 and d.sessions[0].tier is Tier.GRID
    escalation = d.events[-1]
    assert escalation.kind is EventKind.ESCALATED
    assert (escalation.from_tier, escalation.to_tier) == (Tier.GRID, Tier.JOINT_TEAM)
    # A tier-1 line-up no longer counts at tier 2.
    with pytest.raises(ValidationErrors) as refused_session:
        services.flow.record_session(dispute_id=d.id, draft=session_draft(roster["mediator"]), by="x")
    assert "工作队成员" in refused_session.value.as_dict()["participants"]
    d = services.flow.record_session(dispute_id=d.id, draft=session_draft(roster["team"]), by="x")
    d = move(services, d, MoveRequest(Move.ESCALATE, reason="涉及确权", team=(roster["dept"].id,)))
    with pytest.raises(IllegalTransition) as top:
        move(services, d, MoveRequest(Move.ESCALATE, reason="x", team=(roster["dept"].id,)))
    assert "不能再升级" in top.value.message
    d = move(services, d, MoveRequest(Move.DEESCALATE, reason="事实已清楚"))
    assert d.row.tier is Tier.JOINT_TEAM


def test_two_windows_escalating_at_once_escalate_once(services, case, roster):
    d = move(services, case, MoveRequest(Move.ACCEPT))
    d = move(services, d, MoveRequest(Move.START))
    window_a = window_b = d  # both windows show the same version
    request = MoveRequest(Move.ESCALATE, reason="分歧大", team=(roster["team"].id,))
    move(services, window_a, request)
    with pytest.raises(ConcurrentModification):
        move(services, window_b, request)
    detail = services.cases.detail(d.id)
    assert detail.row.tier is Tier.JOINT_TEAM
    assert [e.kind for e in detail.events].count(EventKind.ESCALATED) == 1


def test_fail_refer_and_decline_record_their_reasons(services, case, roster):
    declined = move(services, case, MoveRequest(Move.DECLINE, decline_reason=DeclineReason.COURT_ACCEPTED))
    assert declined.row.state is DisputeState.DECLINED
    assert declined.events[-1].reason.startswith("人民法院")
    other = services.cases.register(
        draft=DisputeDraft(
            source=Source.GRID_SCREENING, category=Category.CONTRACT, summary="欠款",
            parties=(PartyDraft(side=PartySide.APPLICANT, name="甲"),
                     PartyDraft(side=PartySide.RESPONDENT, name="乙")),
        ),
        by="x",
    )
    d = move(services, other, MoveRequest(Move.ACCEPT))
    d = move(services, d, MoveRequest(Move.START))
    d = services.flow.record_session(dispute_id=d.id, draft=session_draft(roster["mediator"]), by="x")
    d = move(services, d, MoveRequest(Move.FAIL, reason="双方分歧过大"))
    d = move(services, d, MoveRequest(Move.REFER, route=ReferralRoute.LITIGATION))
    assert d.row.state is DisputeState.REFERRED and d.referral_route == "litigation"
    data = d.as_json()
    assert [e["kind"] for e in data["events"]][-2:] == ["failed", "referred"]
    assert data["sessions"][0]["present"][0]["name"] == "王㛃"
    for key in ("at", "kind", "from_tier", "to_tier", "from_state", "to_state", "reason", "by"):
        assert key in data["events"][-1]
    for key in ("date", "tier", "present", "outcome"):
        assert key in data["sessions"][0]


def test_risk_change_needs_reason_and_red_alerts_until_notified(services, case):
    with pytest.raises(ValidationErrors):
        services.flow.change_risk(dispute_id=case.id, expected_version=case.version,
                                  risk=RiskGrade.RED, reason=" ", by="x")
    d = services.flow.change_risk(dispute_id=case.id, expected_version=case.version,
                                  risk=RiskGrade.RED, reason="扬言报复", by="x")
    assert d.row.risk is RiskGrade.RED and d.red_alert_open
    assert services.cases.count(CaseFilter(red_alerts_only=True)) == 1
    d = services.flow.notify_duty_leader(
        dispute_id=d.id, leader="刘所长", notified_at=dt.datetime(2026, 11, 20, 9, 40), by="x"
    )
    assert not d.red_alert_open and d.duty_leader == "刘所长"
    assert services.cases.count(CaseFilter(red_alerts_only=True)) == 0
    assert d.events[-2].kind is EventKind.RISK_CHANGED and "蓝→红" in d.events[-2].reason


def test_session_validation_messages(services, case, roster):
    d = move(services, case, MoveRequest(Move.ACCEPT))
    d = move(services, d, MoveRequest(Move.START))
    bad = SessionDraft(held_on=TODAY + dt.timedelta(days=1), start_time="10:00", end_time="9:00",
                       outcome=SessionOutcome.CONTINUE)
    with pytest.raises(ValidationErrors) as raised:
        services.flow.record_session(dispute_id=d.id, draft=bad, by="x")
    fields = raised.value.as_dict()
    assert {"held_on", "end_time", "participants", "applicant_statement", "next_on"} <= set(fields)
    assert services.cases.detail(d.id).sessions == ()


def test_tier_can_be_confirmed_before_mediation_only(services, case):
    with pytest.raises(ValidationErrors):
        services.flow.set_tier(dispute_id=case.id, expected_version=case.version,
                               tier=Tier.MEDIATION_ROOM, reason="", by="x")
    d = services.flow.set_tier(dispute_id=case.id, expected_version=case.version,
                               tier=Tier.MEDIATION_ROOM, reason="涉及群体", by="x")
    assert d.row.tier is Tier.MEDIATION_ROOM and d.tier_reason == "涉及群体"
    d = move(services, d, MoveRequest(Move.ACCEPT))
    d = move(services, d, MoveRequest(Move.START))
    with pytest.raises(IllegalTransition):
        services.flow.set_tier(dispute_id=d.id, expected_version=d.version, tier=Tier.GRID,
                               reason="x", by="x")


def test_actions_tell_the_screen_what_it_may_offer(services, case):
    actions = services.flow.actions(case.id)
    assert actions.set_tier and not actions.record_session
    assert Move.ACCEPT in actions.moves
    d = move(services, case, MoveRequest(Move.ACCEPT))
    d = move(services, d, MoveRequest(Move.START))
    actions = services.flow.actions(d.id)
    assert actions.record_session and not actions.set_tier
    assert Move.DEESCALATE not in actions.moves  # tier 1
    assert d.suggestion == "一般纠纷 → 警民联调工作站"


def test_an_escalation_team_must_include_the_new_tiers_lead_role(services, case, roster):
    d = move(services, case, MoveRequest(Move.ACCEPT))
    d = move(services, d, MoveRequest(Move.START))
    with pytest.raises(ValidationErrors) as raised:
        move(services, d, MoveRequest(Move.ESCALATE, reason="分歧大", team=(roster["grid"].id,)))
    assert "工作队成员" in raised.value.as_dict()["team"]
    assert events(services, d.id) == 3  # nothing written
