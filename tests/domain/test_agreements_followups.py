"""Agreements, the follow-up plan, visit records and the case clocks: pure rules, no Qt,
no database; with property-based checks of the plan and the clocks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desk.domain.agreements import (
    AgreementDraft,
    AgreementKind,
    CaseParty,
    PerformanceWay,
    TermDraft,
    agreement_problems,
    copies_for,
    validate_agreement,
)
from mediation_desk.domain.calendar import WorkingCalendar
from mediation_desk.domain.deadlines import (
    CaseClockFacts,
    DeadlineKind,
    TermClock,
    VisitClock,
    case_deadlines,
)
from mediation_desk.domain.errors import IllegalTransition, ValidationErrors
from mediation_desk.domain.escalation import CaseFacts, Move, MoveRequest, SettlementKind, decide
from mediation_desk.domain.followups import (
    POLICE_ASPECTS,
    Performance,
    Satisfaction,
    VisitOrigin,
    VisitRecord,
    VisitWay,
    plan_visits,
    reopen_grounds,
    validate_visit,
)
from mediation_desk.domain.vocabulary import DisputeKind, DisputeState, Tier

D = dt.date
TODAY = D(2026, 11, 20)
PARTIES = [CaseParty(1, "周喆"), CaseParty(2, "吴昇")]
CALENDAR = WorkingCalendar()


def written(**changes) -> AgreementDraft:
    base = AgreementDraft(
        party_ids=(1, 2), facts="漏水", issues="维修费", responsibility="吴昇负责",
        terms=(TermDraft("赔偿维修费", amount=Decimal("800"), obligor_party_id=2,
                         deadline=D(2026, 11, 30)),),
    )
    return AgreementDraft(**{**base.__dict__, **changes})


def test_a_complete_agreement_passes_and_is_trimmed():
    cleaned = validate_agreement(written(facts=" 漏水 "), case_parties=PARTIES, today=TODAY)
    assert cleaned.facts == "漏水" and cleaned.party_ids == (1, 2)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"terms": ()}, "terms", "协议没有约定事项，请至少添加一项"),
        ({"terms": (TermDraft("赔偿", amount=Decimal("1")),)}, "terms.1.deadline",
         "第1项约定事项未填写履行期限"),
        ({"party_ids": (1,)}, "parties", "当事人吴昇未列入协议，协议须列明全部当事人"),
        ({"terms": (TermDraft("赔偿", deadline=TODAY),)}, "terms.1.amount",
         "第1项为支付款项，请填写金额"),
        ({"terms": (TermDraft("道歉", way=PerformanceWay.APOLOGY, deadline=D(2026, 11, 1)),)},
         "terms.1.deadline", "第1项的履行期限早于今天，请核对"),
    ],
)
def test_an_agreement_that_cannot_be_printed_says_why(changes, field, message):
    with pytest.raises(ValidationErrors) as refused:
        validate_agreement(written(**changes), case_parties=PARTIES, today=TODAY)
    assert refused.value.as_dict()[field] == message


def test_a_term_performed_on_the_spot_needs_no_deadline_and_oral_needs_content():
    on_the_spot = TermDraft("当场赔偿", way=PerformanceWay.ON_THE_SPOT, amount=Decimal("300"))
    assert validate_agreement(written(terms=(on_the_spot,)), case_parties=PARTIES,
                              today=TODAY).terms[0].deadline == TODAY
    oral = AgreementDraft(kind=AgreementKind.ORAL, party_ids=(1, 2))
    assert agreement_problems(oral, case_parties=PARTIES, today=TODAY) == ("请记录口头协议的内容",)
    assert agreement_problems(None, case_parties=PARTIES, today=TODAY) == ("尚未填写调解协议",)


def test_copies():
    assert copies_for(2, DisputeKind.PEOPLES) == 3
    assert copies_for(5, DisputeKind.PEOPLES) == 6
    assert copies_for(2, DisputeKind.PUBLIC_SECURITY) == 3


def test_settle_and_close_guards():
    mediating = CaseFacts(state=DisputeState.IN_MEDIATION, tier=Tier.GRID, sessions=1,
                          agreement_problems=("第1项约定事项未填写履行期限",))
    with pytest.raises(IllegalTransition) as refused:
        decide(mediating, MoveRequest(Move.SETTLE, settlement=SettlementKind.WRITTEN))
    assert refused.value.message == "不能认定调解成功：第1项约定事项未填写履行期限"
    settled = CaseFacts(state=DisputeState.SETTLED, tier=Tier.GRID, sessions=1,
                        settlement=SettlementKind.WRITTEN, open_visits=2)
    with pytest.raises(IllegalTransition) as refused:
        decide(settled, MoveRequest(Move.CLOSE))
    assert "还有2次回访未进行" in refused.value.message


def test_the_plan_joins_rules_landing_on_the_same_day():
    plan = plan_visits(TODAY, offsets=(3, 30), performance_deadlines=(D(2026, 11, 22),))
    assert [(v.due, v.origin) for v in plan] == [
        (D(2026, 11, 23), VisitOrigin.OFFSET), (D(2026, 12, 20), VisitOrigin.OFFSET)]


@given(
    settled=st.dates(D(2020, 1, 1), D(2030, 12, 31)),
    offsets=st.lists(st.integers(0, 400), max_size=5),
    later=st.lists(st.integers(0, 400), max_size=5),
)
def test_plan_properties(settled, offsets, later):
    deadlines = [settled + dt.timedelta(days=n) for n in later]
    plan = plan_visits(settled, offsets=offsets, performance_deadlines=deadlines)
    dues = [v.due for v in plan]
    assert dues == sorted(set(dues))  # sorted, each day once
    assert set(dues) == {settled + dt.timedelta(days=o) for o in offsets} | {
        d + dt.timedelta(days=1) for d in deadlines}
    assert all(v.due >= settled for v in plan)


def record(**changes) -> VisitRecord:
    base = VisitRecord(
        visited_on=TODAY, way=VisitWay.PHONE, visited="周喆", visitors="王㛃",
        performance={"7": Performance.FULLY}, satisfaction_mediation=Satisfaction.SATISFIED,
        satisfaction_police={k: Satisfaction.SATISFIED for k, _ in POLICE_ASPECTS},
    )
    return VisitRecord(**{**base.__dict__, **changes})


def test_a_visit_record_is_checked_and_reopen_grounds_found():
    assert validate_visit(record(), term_keys=["7"], settled_on=TODAY, today=TODAY)
    with pytest.raises(ValidationErrors) as refused:
        validate_visit(record(performance={}), term_keys=["7"], settled_on=TODAY, today=TODAY)
    assert refused.value.as_dict() == {"performance.7": "请选择第1项约定事项的履行情况"}
    assert reopen_grounds(record()) == ""
    assert reopen_grounds(record(performance={"7": Performance.NOT_YET})) == ""
    refused_term = reopen_grounds(record(performance={"7": Performance.REFUSED}),
                                  term_labels={"7": "第1项（赔偿）"})
    assert refused_term == "2026-11-20回访发现第1项（赔偿）被拒绝履行"
    assert "矛盾出现反复" in reopen_grounds(record(conflict_returning=True, conflict_signs="争吵"))


def test_case_clocks_by_state():
    settled = CaseClockFacts(
        state=DisputeState.SETTLED, accepted_on=D(2026, 11, 1), effective_on=TODAY,
        terms=(TermClock("7", "第1项", D(2026, 11, 30)),),
        visits=(VisitClock(1, D(2026, 11, 23)), VisitClock(2, D(2026, 12, 20), open=False)),
    )
    kinds = [(t.deadline.kind, t.open) for t in case_deadlines(settled, CALENDAR)]
    assert kinds == [
        (DeadlineKind.FOLLOWUP, True), (DeadlineKind.PERFORMANCE, True),
        (DeadlineKind.FOLLOWUP, False), (DeadlineKind.JUDICIAL_CONFIRMATION, True)]
    closed = CaseClockFacts(**{**settled.__dict__, "state": DisputeState.CLOSED})
    assert [t.deadline.kind for t in case_deadlines(closed, CALENDAR)] == [
        DeadlineKind.JUDICIAL_CONFIRMATION]
    public = CaseClockFacts(state=DisputeState.IN_MEDIATION, kind=DisputeKind.PUBLIC_SECURITY,
                            accepted_on=TODAY, first_session_on=D(2026, 11, 23), sessions_held=2)
    clocks = {t.deadline.kind: t for t in case_deadlines(public, CALENDAR)}
    assert not clocks[DeadlineKind.PUBLIC_SECURITY_FIRST].open
    assert not clocks[DeadlineKind.PUBLIC_SECURITY_SECOND].open
    assert clocks[DeadlineKind.MEDIATION_TARGET].open


@given(
    state=st.sampled_from(list(DisputeState)),
    accepted=st.dates(D(2024, 1, 1), D(2027, 12, 31)),
    reason=st.sampled_from(["", "等待鉴定"]),
)
def test_clock_properties(state, accepted, reason):
    facts = CaseClockFacts(state=state, accepted_on=accepted, long_running_reason=reason,
                           effective_on=accepted, terms=(TermClock("1", "t", accepted),),
                           visits=(VisitClock(1, accepted),))
    tracked = case_deadlines(facts, CALENDAR)
    dues = [t.deadline.due for t in tracked]
    assert dues == sorted(dues)
    # Only a mediation in progress has a target; a concluded case never counts it.
    target = [t for t in tracked if t.deadline.kind is DeadlineKind.MEDIATION_TARGET]
    assert bool(target) == (state in (DisputeState.ACCEPTED, DisputeState.IN_MEDIATION))
    if target:
        assert target[0].counts_overdue == (not reason)
    # Nothing of a closed, declined, withdrawn, failed or referred case can go overdue.
    if state not in (DisputeState.ACCEPTED, DisputeState.IN_MEDIATION, DisputeState.SETTLED):
        assert not any(t.overdue_on(accepted + dt.timedelta(days=999)) for t in tracked)
