"""Agreements, follow-up plans, visits, reopening and the case clocks, on a real migrated
SQLite file with a movable clock."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mediation_desk.domain.agreements import (
    AgreementDraft,
    AgreementKind,
    AgreementStatus,
    PerformanceWay,
    TermDraft,
)
from mediation_desk.domain.deadlines import DeadlineKind
from mediation_desk.domain.errors import (
    ConcurrentModification,
    IllegalTransition,
    ValidationErrors,
)
from mediation_desk.domain.escalation import Move, MoveRequest, SettlementKind
from mediation_desk.domain.followups import (
    POLICE_ASPECTS,
    WHOLE_AGREEMENT,
    Performance,
    Satisfaction,
    VisitRecord,
    VisitStatus,
    VisitWay,
)
from mediation_desk.domain.intake import DisputeDraft, PartyDraft
from mediation_desk.domain.sessions import Participant, SessionDraft, SessionOutcome
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeKind,
    DisputeState,
    EventKind,
    PartySide,
    RosterRole,
    Source,
)
from mediation_desk.services.container import open_services
from mediation_desk.services.dto import CaseFilter, RosterDraft

START = dt.datetime(2026, 11, 20, 10, 0)
D = dt.date


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def days(self, n: int) -> None:
        self.now += dt.timedelta(days=n)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def svc(tmp_path, clock):
    opened = open_services(tmp_path / "f.sqlite", clock=clock)
    yield opened
    opened.close()


def register(svc, *, kind=DisputeKind.PEOPLES, names=("周喆", "吴昇")):
    return svc.cases.register(
        draft=DisputeDraft(
            source=Source.APPLICATION,
            category=Category.NEIGHBOUR,
            kind=kind,
            parties=(
                PartyDraft(side=PartySide.APPLICANT, name=names[0], phone="13800138000"),
                PartyDraft(side=PartySide.RESPONDENT, name=names[1], phone="0825-5551234"),
            ),
            summary="楼上漏水",
        ),
        by="王㛃",
    )


def move(svc, d, move_, **kw):
    return svc.flow.move(
        dispute_id=d.id, expected_version=d.version, request=MoveRequest(move_, **kw), by="王㛃"
    )


def mediating(svc, **kw):
    mediator = svc.roster.add(RosterDraft(name="王㛃", role=RosterRole.MEDIATOR))
    d = move(svc, move(svc, register(svc, **kw), Move.ACCEPT), Move.START)
    return svc.flow.record_session(
        dispute_id=d.id,
        draft=SessionDraft(
            held_on=svc.clock().date(), start_time="09:00", end_time="10:00", place="调解室",
            participants=(Participant(mediator.id, mediator.name, mediator.role),),
            applicant_statement="要求赔偿维修费", respondent_statement="同意赔偿",
            outcome=SessionOutcome.SETTLED,
        ),
        by="王㛃",
    )


def agreement(d, *, terms=None, kind=AgreementKind.WRITTEN):
    applicant, respondent = d.parties
    return AgreementDraft(
        kind=kind,
        party_ids=(applicant.id, respondent.id),
        facts="楼上卫生间漏水致楼下天花板受损",
        issues="维修费用的承担",
        responsibility="吴昇负全部责任",
        oral_content="吴昇当场赔偿300元" if kind is AgreementKind.ORAL else "",
        terms=(
            terms
            if terms is not None
            else (
                TermDraft("赔偿维修费", obligor_party_id=respondent.id, amount=Decimal("1500"),
                          deadline=D(2026, 11, 30)),
                TermDraft("赔礼道歉", way=PerformanceWay.APOLOGY, obligor_party_id=respondent.id,
                          deadline=D(2026, 11, 25)),
            )
        ),
    )


def settled(svc, **kw):
    d = mediating(svc, **kw)
    svc.agreements.save_draft(
        dispute_id=d.id, draft=agreement(d), expected_edit_version=None, by="王㛃"
    )
    d = svc.cases.detail(d.id)
    return move(svc, d, Move.SETTLE, settlement=SettlementKind.WRITTEN)


def visit_record(d, day, *, how=Performance.FULLY, returning=False):
    keys = [t.key for t in d.signed_agreement.terms] or [WHOLE_AGREEMENT]
    return VisitRecord(
        visited_on=day,
        way=VisitWay.PHONE,
        visited="周喆",
        visitors="王㛃",
        performance={k: how for k in keys},
        satisfaction_mediation=Satisfaction.SATISFIED,
        satisfaction_police={k: Satisfaction.FAIRLY for k, _ in POLICE_ASPECTS},
        conflict_returning=returning,
        conflict_signs="双方又在楼道争吵" if returning else "",
    )


def test_settling_signs_the_draft_and_plans_visits_from_settings_and_deadlines(svc):
    d = settled(svc)
    signed = d.signed_agreement
    assert signed.status is AgreementStatus.SIGNED and signed.signed_on == D(2026, 11, 20)
    # 3 and 30 days after settlement, and the day after each performance deadline.
    assert [(v.due_on, v.origin.value) for v in d.visits] == [
        (D(2026, 11, 23), "offset"),
        (D(2026, 11, 26), "performance"),
        (D(2026, 12, 1), "performance"),
        (D(2026, 12, 20), "offset"),
    ]
    kinds = {x.kind for x in d.deadlines}
    assert {DeadlineKind.JUDICIAL_CONFIRMATION, DeadlineKind.PERFORMANCE, DeadlineKind.FOLLOWUP} <= kinds
    judicial = next(x for x in d.deadlines if x.kind is DeadlineKind.JUDICIAL_CONFIRMATION)
    assert judicial.due == D(2026, 12, 20) and judicial.text == "还剩30天"
    settle_event = next(e for e in d.events if e.kind is EventKind.SETTLED)
    assert settle_event.reason.startswith("书面调解协议")


def test_settling_refuses_an_incomplete_agreement_and_says_what_is_missing(svc):
    d = mediating(svc)
    no_deadline = (TermDraft("赔偿维修费", amount=Decimal("1500")),)
    draft = agreement(d, terms=no_deadline)
    draft = AgreementDraft(**{**draft.__dict__, "party_ids": (d.parties[0].id,)})
    saved = svc.agreements.save_draft(
        dispute_id=d.id, draft=draft, expected_edit_version=None, by="王㛃"
    )
    assert saved.status is AgreementStatus.DRAFT  # an incomplete draft is still kept
    with pytest.raises(IllegalTransition) as refused:
        move(svc, svc.cases.detail(d.id), Move.SETTLE, settlement=SettlementKind.WRITTEN)
    assert "当事人吴昇未列入协议" in refused.value.message
    assert "第1项约定事项未填写履行期限" in refused.value.message
    assert svc.cases.detail(d.id).row.state is DisputeState.IN_MEDIATION
    assert svc.cases.detail(d.id).visits == ()
    with pytest.raises(IllegalTransition) as wrong_kind:
        move(svc, svc.cases.detail(d.id), Move.SETTLE, settlement=SettlementKind.ORAL)
    assert "已填写的是书面调解协议，不是口头协议" in wrong_kind.value.message


def test_a_second_window_saving_an_older_draft_is_refused(svc):
    d = mediating(svc)
    first = svc.agreements.save_draft(
        dispute_id=d.id, draft=agreement(d), expected_edit_version=None, by="A"
    )
    svc.agreements.save_draft(
        dispute_id=d.id, draft=agreement(d), expected_edit_version=first.edit_version, by="A"
    )
    with pytest.raises(ConcurrentModification):
        svc.agreements.save_draft(
            dispute_id=d.id, draft=agreement(d), expected_edit_version=first.edit_version, by="B"
        )


def test_a_signed_agreement_is_frozen_and_a_correction_keeps_the_old_version(svc):
    d = settled(svc)
    old = d.signed_agreement
    with pytest.raises(IllegalTransition):
        svc.agreements.save_draft(
            dispute_id=d.id, draft=agreement(d), expected_edit_version=old.edit_version, by="x"
        )
    with pytest.raises(ValidationErrors):
        svc.agreements.correct(dispute_id=d.id, reason=" ", by="x")
    draft = svc.agreements.correct(dispute_id=d.id, reason="金额笔误", by="王㛃")
    assert draft.version == 2 and draft.supersedes_id == old.id and draft.status is AgreementStatus.DRAFT
    changed = agreement(d, terms=(
        TermDraft("赔偿维修费", obligor_party_id=d.parties[1].id, amount=Decimal("1600"),
                  deadline=D(2026, 12, 10)),
    ))
    draft = svc.agreements.save_draft(
        dispute_id=d.id, draft=changed, expected_edit_version=draft.edit_version, by="王㛃"
    )
    signed = svc.agreements.sign_correction(
        agreement_id=draft.id, expected_edit_version=draft.edit_version, by="王㛃"
    )
    d = svc.cases.detail(d.id)
    assert [a.status for a in d.agreements] == [AgreementStatus.SUPERSEDED, AgreementStatus.SIGNED]
    assert d.agreements[0].terms[0].amount == Decimal("1500.00")  # the old text is kept
    assert d.signed_agreement.id == signed.id and signed.terms[0].amount == Decimal("1600.00")
    assert D(2026, 12, 11) in [v.due_on for v in d.visits]  # a visit for the new deadline


def test_daily_list_shows_due_and_overdue_visits_with_full_phones(svc, clock):
    d = settled(svc)
    clock.days(5)  # 25 November: the 23rd is 2 days overdue
    due = svc.followups.due()
    assert [(v.due, v.overdue_days) for v in due] == [(D(2026, 11, 23), 2)]
    line = due[0]
    assert line.case_number == d.number
    assert [p.phone for p in line.parties] == ["13800138000", "0825-5551234"]
    assert line.as_json()["phones"] == ["13800138000", "0825-5551234"]
    assert [t.content for t in line.terms] == ["赔偿维修费", "赔礼道歉"]
    assert {x.kind for x in line.deadlines} >= {DeadlineKind.PERFORMANCE, DeadlineKind.JUDICIAL_CONFIRMATION}
    assert svc.followups.due(D(2026, 11, 26))[-1].due == D(2026, 11, 26)
    # The case list marks the case overdue and can filter on it.
    assert svc.cases.rows([d.id])[0].overdue
    assert svc.cases.list_ids(filters=CaseFilter(overdue_only=True)) == [d.id]
    assert svc.cases.count(CaseFilter(overdue_only=True)) == 1


def test_recording_a_visit_checks_every_field(svc, clock):
    d = settled(svc)
    clock.days(3)
    visit = d.visits[0]
    with pytest.raises(ValidationErrors) as refused:
        svc.followups.record(
            visit_id=visit.id, expected_row_version=visit.row_version, by="王㛃",
            record=VisitRecord(visited_on=D(2026, 11, 24), way=VisitWay.PHONE, visited="", visitors="王㛃",
                               conflict_returning=True),
        )
    fields = refused.value.as_dict()
    assert fields["visited_on"] == "回访日期不能晚于今天"
    assert fields["visited"] == "请填写回访对象"
    assert fields[f"performance.{d.signed_agreement.terms[0].key}"] == "请选择第1项约定事项的履行情况"
    assert fields["satisfaction_speed"] == "请选择对出警速度的满意度"
    assert fields["conflict_signs"] == "发现矛盾反复时请写明具体迹象"
    assert svc.followups.visit(visit.id).status is VisitStatus.PLANNED  # nothing half-saved


def test_a_visit_finding_a_refusal_reopens_the_case_as_a_recurrence(svc, clock):
    d = settled(svc)
    clock.days(3)
    visit = d.visits[0]
    done = svc.followups.record(
        visit_id=visit.id, expected_row_version=visit.row_version, by="王㛃",
        record=visit_record(d, D(2026, 11, 23), how=Performance.REFUSED),
    )
    assert done.status is VisitStatus.DONE
    assert "被拒绝履行" in done.reopen_grounds and done.reopen_grounds.startswith("2026-11-23回访发现")
    d = svc.cases.detail(d.id)
    assert d.row.state is DisputeState.SETTLED  # nothing reopens without the mediator
    d = svc.followups.reopen(visit_id=visit.id, expected_version=d.version, by="王㛃")
    assert d.row.state is DisputeState.IN_MEDIATION and d.recurrences == 1
    assert d.reopened_on == D(2026, 11, 23)
    assert all(v.status is not VisitStatus.PLANNED for v in d.visits)
    assert {v.cancel_reason for v in d.visits if v.status is VisitStatus.CANCELLED} == {
        "案件重新调解，原回访计划取消"
    }
    reopen = d.events[-1]
    assert reopen.kind is EventKind.REOPENED and "被拒绝履行" in reopen.reason
    # A new 30-day target runs from the reopening; the judicial window no longer shows.
    kinds = {x.kind: x for x in d.deadlines}
    assert kinds[DeadlineKind.MEDIATION_TARGET].due == D(2026, 12, 23)
    assert DeadlineKind.JUDICIAL_CONFIRMATION not in kinds
    with pytest.raises(IllegalTransition):
        svc.followups.reopen(visit_id=visit.id, expected_version=d.version, by="王㛃")


def test_a_fully_performed_term_stops_its_clock_and_closing_waits_for_the_plan(svc, clock):
    d = settled(svc)
    clock.days(3)
    v1 = d.visits[0]
    svc.followups.record(
        visit_id=v1.id, expected_row_version=v1.row_version, by="王㛃",
        record=visit_record(d, D(2026, 11, 23)),
    )
    d = svc.cases.detail(d.id)
    performance = [x for x in d.deadlines if x.kind is DeadlineKind.PERFORMANCE]
    assert performance and not any(x.open for x in performance)
    with pytest.raises(IllegalTransition) as refused:
        move(svc, d, Move.CLOSE)
    assert refused.value.message.startswith("回访计划尚未完成（还有3次回访未进行）")
    v2 = d.visits[1]
    with pytest.raises(ValidationErrors):
        svc.followups.move(visit_id=v2.id, expected_row_version=v2.row_version,
                           due=D(2026, 11, 27), reason="", by="王㛃")
    d = svc.followups.move(visit_id=v2.id, expected_row_version=v2.row_version,
                           due=D(2026, 11, 27), reason="当事人外出", by="王㛃")
    moved = d.visits[1]
    assert moved.due_on == D(2026, 11, 27) and moved.planned_on == D(2026, 11, 26)
    for v in d.visits[1:]:
        d = svc.followups.cancel(visit_id=v.id, expected_row_version=v.row_version,
                                 reason="已全部履行，当事人表示无需再回访", by="王㛃")
    d = move(svc, d, Move.CLOSE)
    assert d.row.state is DisputeState.CLOSED


def test_an_oral_agreement_is_followed_up_as_a_whole(svc, clock):
    d = mediating(svc)
    svc.agreements.save_draft(
        dispute_id=d.id, draft=agreement(d, kind=AgreementKind.ORAL, terms=()),
        expected_edit_version=None, by="王㛃",
    )
    d = move(svc, svc.cases.detail(d.id), Move.SETTLE, settlement=SettlementKind.ORAL)
    assert [v.due_on for v in d.visits] == [D(2026, 11, 23), D(2026, 12, 20)]
    assert not any(x.kind is DeadlineKind.JUDICIAL_CONFIRMATION for x in d.deadlines)
    clock.days(3)
    done = svc.followups.record(
        visit_id=d.visits[0].id, expected_row_version=d.visits[0].row_version, by="王㛃",
        record=visit_record(d, D(2026, 11, 23)),
    )
    assert done.performance == {WHOLE_AGREEMENT: Performance.FULLY}


def test_public_security_clocks_count_working_days(svc):
    d = move(svc, register(svc, kind=DisputeKind.PUBLIC_SECURITY), Move.ACCEPT)
    first = next(x for x in d.deadlines if x.kind is DeadlineKind.PUBLIC_SECURITY_FIRST)
    # Accepted Friday 20 November 2026: three working days are Mon 23 – Wed 25.
    assert first.due == D(2026, 11, 25) and first.text == "还剩3个工作日"


def test_running_long_is_a_warning_answered_by_a_reason(svc, clock):
    d = move(svc, register(svc), Move.ACCEPT)
    clock.days(31)
    d = svc.cases.detail(d.id)
    target = next(x for x in d.deadlines if x.kind is DeadlineKind.MEDIATION_TARGET)
    assert target.overdue and target.text == "已超期1天" and d.row.overdue
    with pytest.raises(ValidationErrors):
        svc.flow.record_long_running_reason(dispute_id=d.id, expected_version=d.version, reason="", by="x")
    d = svc.flow.record_long_running_reason(
        dispute_id=d.id, expected_version=d.version, reason="等待房屋质量鉴定", by="王㛃"
    )
    target = next(x for x in d.deadlines if x.kind is DeadlineKind.MEDIATION_TARGET)
    assert target.open and not target.overdue and not d.row.overdue
    assert d.long_running_reason == "等待房屋质量鉴定"


def test_changing_the_target_rewrites_the_running_clocks(svc, clock):
    from dataclasses import replace

    d = move(svc, register(svc), Move.ACCEPT)
    clock.days(40)
    assert svc.cases.rows([d.id])[0].overdue
    svc.settings.save(replace(svc.settings.load(), mediation_target_days=60))
    assert not svc.cases.rows([d.id])[0].overdue
    assert svc.cases.count(CaseFilter(overdue_only=True)) == 0


def test_a_closed_case_has_no_running_clock(svc, clock):
    d = settled(svc)
    for v in d.visits:
        d = svc.followups.cancel(visit_id=v.id, expected_row_version=v.row_version,
                                 reason="当事人已迁居外地", by="x")
    d = move(svc, d, Move.CLOSE)
    clock.days(60)
    assert not svc.cases.rows([d.id])[0].overdue
    assert not any(x.overdue for x in svc.cases.detail(d.id).deadlines)
    with pytest.raises(IllegalTransition):
        svc.followups.add(dispute_id=d.id, due=D(2027, 2, 1), reason="补充回访", by="x")


def test_a_correction_after_deadlines_passed_keeps_answers_and_replans(svc, clock):
    d = settled(svc)
    clock.days(3)
    v1 = d.visits[0]
    svc.followups.record(visit_id=v1.id, expected_row_version=v1.row_version, by="x",
                         record=visit_record(d, D(2026, 11, 23)))
    clock.days(10)  # 3 December: both deadlines are past
    d = svc.cases.detail(d.id)
    draft = svc.agreements.correct(dispute_id=d.id, reason="地址笔误", by="x")
    terms = list(draft.terms)
    changed = agreement(d, terms=(
        TermDraft(terms[0].content, obligor_party_id=terms[0].obligor_party_id,
                  amount=terms[0].amount, deadline=terms[0].deadline),
        TermDraft("赔礼道歉并修复门窗", way=PerformanceWay.ACT,
                  obligor_party_id=terms[1].obligor_party_id, deadline=D(2026, 12, 15)),
    ))
    draft = svc.agreements.save_draft(dispute_id=d.id, draft=changed,
                                      expected_edit_version=draft.edit_version, by="x")
    svc.agreements.sign_correction(agreement_id=draft.id, expected_edit_version=draft.edit_version,
                                   by="x")
    d = svc.cases.detail(d.id)
    performance = {x.label: x for x in d.deadlines if x.kind is DeadlineKind.PERFORMANCE}
    kept = next(x for label, x in performance.items() if "赔偿维修费" in label)
    assert not kept.open  # the unchanged term keeps the visit's answer
    old_visit = next(v for v in d.visits if v.due_on == D(2026, 11, 26))
    assert old_visit.status is VisitStatus.CANCELLED and "协议已更正" in old_visit.cancel_reason
    assert any(v.due_on == D(2026, 12, 16) and v.status is VisitStatus.PLANNED for v in d.visits)
    # A visit between settling and the correction can still be recorded on its date.
    v2 = next(v for v in d.visits if v.due_on == D(2026, 12, 1))
    svc.followups.record(visit_id=v2.id, expected_row_version=v2.row_version, by="x",
                         record=visit_record(d, D(2026, 12, 1)))
