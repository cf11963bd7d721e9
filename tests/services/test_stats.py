"""The station's figures on hand-built data with known answers, each also computed a
second way (from the case records in Python) and compared."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from test_followups import Clock, mediating, move, register, settled

from mediation_desk.domain.escalation import DeclineReason, Move, ReferralRoute
from mediation_desk.domain.vocabulary import DisputeState
from mediation_desk.services.container import open_services
from mediation_desk.services.dto import CaseFilter
from mediation_desk.services.stats import month_range, success_rate

D = dt.date


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def svc(tmp_path, clock):
    opened = open_services(tmp_path / "stats.sqlite", clock=clock)
    yield opened
    opened.close()


def test_success_rate_edge_cases():
    assert success_rate(0, 0) is None  # nothing concluded: no rate, not 0 %
    assert success_rate(0, 3) == 0.0
    assert success_rate(3, 0) == 100.0
    assert success_rate(2, 1) == 66.7
    assert success_rate(1999, 1) == 99.9  # one failure never reads as 100 %
    assert success_rate(1, 1999) == 0.1


def test_month_range():
    assert month_range("2026-12") == (D(2026, 12, 1), D(2026, 12, 31))
    assert month_range("2024-02") == (D(2024, 2, 1), D(2024, 2, 29))
    with pytest.raises(ValueError):
        month_range("2026-13")


def test_nothing_concluded_gives_no_rate(svc):
    stats = svc.stats.figures(D(2026, 1, 1), D(2026, 12, 31))
    assert stats.totals.success_rate is None and stats.as_json()["success_rate"] is None


def test_figures_on_a_small_station(svc, clock):
    settled(svc)                                      # accepted, mediated, settled
    settled(svc)
    failed = mediating(svc)
    failed = move(svc, failed, Move.FAIL, reason="分歧大")
    move(svc, failed, Move.REFER, route=ReferralRoute.LITIGATION)
    declined = register(svc)
    move(svc, declined, Move.DECLINE, decline_reason=DeclineReason.COURT_ACCEPTED)
    withdrawn = move(svc, register(svc), Move.ACCEPT)
    move(svc, withdrawn, Move.WITHDRAW, reason="自行和解")
    stats = svc.stats.figures(D(2026, 11, 1), D(2026, 11, 30))
    t = stats.totals
    assert (t.received, t.mediated, t.settled, t.failed, t.declined, t.withdrawn, t.referred) == (
        4, 3, 2, 1, 1, 1, 1)
    assert t.success_rate == 66.7
    data = stats.as_json()
    for key in ("received", "mediated", "settled", "failed", "declined", "withdrawn",
                "referred", "success_rate", "by_tier", "by_category", "by_source", "by_grid",
                "by_mediator"):
        assert key in data
    assert data["by_tier"]["1"]["settled"] == 2
    assert sum(f["received"] for f in data["by_category"].values()) == 4
    # Each settled case plans visits on 23 and 26 November (3 days; the day after the
    # apology's deadline) and two in December.
    assert stats.followups_due == 4
    assert svc.stats.figures(D(2026, 11, 23), D(2026, 11, 23)).followups_due == 2

    # The second way: from the case records themselves.
    details = [svc.cases.detail(i) for i in svc.cases.list_ids(filters=CaseFilter())]
    in_range = lambda day: day is not None and D(2026, 11, 1) <= day <= D(2026, 11, 30)  # noqa: E731
    assert t.received == sum(in_range(d.row.accepted_on) for d in details)
    assert t.settled == sum(d.row.state in (DisputeState.SETTLED, DisputeState.CLOSED)
                            and in_range(d.concluded_on) for d in details)
    assert t.mediated == sum(any(in_range(s.held_on) for s in d.sessions) for d in details)
    assert t.declined == sum(d.row.state is DisputeState.DECLINED for d in details)


def test_a_reopened_case_is_a_recurrence_and_no_longer_settled(svc, clock):
    from test_followups import visit_record

    from mediation_desk.domain.followups import Performance

    d = settled(svc)
    clock.days(3)
    visit = d.visits[0]
    svc.followups.record(visit_id=visit.id, expected_row_version=visit.row_version, by="x",
                         record=visit_record(d, D(2026, 11, 23), how=Performance.REFUSED))
    svc.followups.reopen(visit_id=visit.id, expected_version=svc.cases.detail(d.id).version, by="x")
    stats = svc.stats.figures(D(2026, 11, 1), D(2026, 11, 30))
    assert stats.recurrences == 1 and stats.totals.settled == 0
    assert stats.followups_done == 1


# --------------------------------------------------------------------------- new figures
def _ids(svc, selection):
    return set(svc.cases.list_ids(filters=CaseFilter(figure=selection)))


def test_every_figure_drills_down_to_exactly_the_disputes_it_counts(svc, clock):
    """The dashboard's click: the case list filtered by a figure has as many disputes as
    the figure says, in the totals and in each breakdown row."""
    from mediation_desk.services.dto import FigureSelection
    from mediation_desk.services.stats import FIGURES

    settled(svc)
    settled(svc)
    failed = move(svc, mediating(svc), Move.FAIL, reason="分歧大")
    move(svc, failed, Move.REFER, route=ReferralRoute.LITIGATION)
    declined = register(svc)
    move(svc, declined, Move.DECLINE, decline_reason=DeclineReason.COURT_ACCEPTED)
    a, b = D(2026, 11, 1), D(2026, 11, 30)
    stats = svc.stats.figures(a, b)
    for name in FIGURES:
        assert len(_ids(svc, FigureSelection(name, a, b))) == getattr(stats.totals, name), name
        for breakdown, rows in stats.breakdowns.items():
            for figures in rows.values():
                chosen = _ids(svc, FigureSelection(name, a, b, breakdown, figures.key))
                assert len(chosen) == getattr(figures, name), (name, breakdown, figures.key)
    due = _ids(svc, FigureSelection("followups_due", a, b))
    assert len(due) == 2  # both settled cases have visits due in November


def test_agreement_performed_is_counted_when_a_visit_finds_every_term_performed(svc, clock):
    from test_followups import visit_record

    d = settled(svc)
    assert svc.cases.detail(d.id).performed_on is None
    clock.days(3)
    visit = d.visits[0]
    svc.followups.record(visit_id=visit.id, expected_row_version=visit.row_version, by="x",
                         record=visit_record(d, clock().date()))
    detail = svc.cases.detail(d.id)
    assert detail.performed_on == clock().date()
    stats = svc.stats.figures(D(2026, 11, 1), D(2026, 11, 30))
    assert stats.totals.performed == 1
    assert svc.stats.figures(D(2026, 10, 1), D(2026, 10, 31)).totals.performed == 0


def test_an_agreement_performed_on_the_spot_counts_as_performed_at_signing(svc, clock):
    from test_followups import agreement

    from mediation_desk.domain.agreements import PerformanceWay, TermDraft
    from mediation_desk.domain.escalation import SettlementKind

    d = mediating(svc)
    respondent = d.parties[1]
    svc.agreements.save_draft(
        dispute_id=d.id, expected_edit_version=None, by="x",
        draft=agreement(d, terms=(TermDraft("当场赔偿300元", way=PerformanceWay.ON_THE_SPOT,
                                            obligor_party_id=respondent.id,
                                            amount=Decimal("300")),)),
    )
    d = move(svc, svc.cases.detail(d.id), Move.SETTLE, settlement=SettlementKind.WRITTEN)
    assert d.performed_on == clock().date()


def test_recorded_facts_are_checked_counted_and_on_the_timeline(svc, clock):
    from mediation_desk.domain.errors import ValidationErrors
    from mediation_desk.domain.figures import RecordedFact

    d = settled(svc)
    with pytest.raises(ValidationErrors) as refused:
        svc.flow.record_fact(dispute_id=d.id, expected_version=d.version,
                             fact=RecordedFact.CRIMINAL, on=D(2026, 12, 25), note="", by="x")
    assert {e.field for e in refused.value.errors} == {"on", "note"}
    d = svc.flow.record_fact(dispute_id=d.id, expected_version=d.version,
                             fact=RecordedFact.JUDICIAL, on=clock().date(),
                             note="潼川区人民法院（2026）川0922民特12号", by="x")
    assert d.judicial_confirmed_on == clock().date()
    assert "司法确认" in d.events[-1].reason
    d = svc.flow.record_fact(dispute_id=d.id, expected_version=d.version,
                             fact=RecordedFact.GROUP_PREVENTED, on=clock().date(),
                             note="涉及12人，现场劝离", by="x")
    stats = svc.stats.figures(D(2026, 11, 1), D(2026, 11, 30))
    assert (stats.totals.judicial, stats.totals.group_prevented, stats.totals.criminal) == (1, 1, 0)
    # Withdrawn with a reason: no longer counted.
    with pytest.raises(ValidationErrors):
        svc.flow.record_fact(dispute_id=d.id, expected_version=d.version,
                             fact=RecordedFact.GROUP_PREVENTED, on=None, note=" ", by="x")
    svc.flow.record_fact(dispute_id=d.id, expected_version=d.version,
                         fact=RecordedFact.GROUP_PREVENTED, on=None, note="录入错误", by="x")
    assert svc.stats.figures(D(2026, 11, 1), D(2026, 11, 30)).totals.group_prevented == 0


def test_judicial_confirmation_needs_a_signed_written_agreement(svc):
    from mediation_desk.domain.errors import ValidationErrors
    from mediation_desk.domain.figures import RecordedFact

    d = mediating(svc)
    with pytest.raises(ValidationErrors) as refused:
        svc.flow.record_fact(dispute_id=d.id, expected_version=d.version,
                             fact=RecordedFact.JUDICIAL, on=svc.clock().date(), note="x", by="x")
    assert "书面调解协议" in refused.value.errors[0].message


def test_figure_columns_follow_the_record_through_every_write(svc, clock):
    """The day numbers and outcome code the figures read equal domain.figures applied to
    the record, after each kind of write (register, accept, session, settle, reopen)."""
    from sqlalchemy import select

    from mediation_desk.domain.figures import day_number, outcome_of
    from mediation_desk.persistence.models import Dispute, MediationSession

    def check():
        with svc.uow.read() as session:
            for row in session.scalars(select(Dispute)):
                held = [s.held_on for s in session.scalars(
                    select(MediationSession).where(MediationSession.dispute_id == row.id))]
                assert row.accepted_day == day_number(row.accepted_on)
                assert row.concluded_day == day_number(row.concluded_on)
                assert row.outcome == outcome_of(row.state, row.settlement)
                assert row.first_session_day == (day_number(min(held)) if held else None)
                assert row.last_session_day == (day_number(max(held)) if held else None)

    from test_followups import visit_record

    from mediation_desk.domain.followups import Performance

    register(svc)
    check()
    d = settled(svc)
    check()
    clock.days(3)
    visit = d.visits[0]
    svc.followups.record(visit_id=visit.id, expected_row_version=visit.row_version, by="x",
                         record=visit_record(d, clock().date(), how=Performance.REFUSED))
    svc.followups.reopen(visit_id=visit.id, expected_version=svc.cases.detail(d.id).version,
                         by="x")
    check()
    failed = move(svc, mediating(svc), Move.FAIL, reason="分歧大")
    check()
    assert failed.row.state is DisputeState.FAILED


def test_figures_keep_their_json_keys(svc):
    data = svc.stats.figures(D(2026, 1, 1), D(2026, 12, 31)).as_json()
    for key in ("received", "mediated", "settled", "failed", "declined", "withdrawn",
                "referred", "success_rate", "performed", "judicial", "criminal",
                "group_prevented", "escalations", "recurrences", "followups",
                "amount_involved", "by_tier", "by_category", "by_source", "by_grid",
                "by_mediator"):
        assert key in data


# ------------------------------------------------------------- the second way, at scale
@pytest.fixture(scope="module")
def demo_services(tmp_path_factory):
    from mediation_desk.services.demo import generate_demo

    services = open_services(tmp_path_factory.mktemp("figures") / "demo.sqlite")
    generate_demo(services, cases=500)
    yield services
    services.close()


@pytest.fixture(scope="module")
def demo_details(demo_services):
    cases = demo_services.cases
    return [cases.detail(i) for i in cases.list_ids(filters=CaseFilter())]


def _second_way(details, first, last, today):
    """Every figure counted again from the case records, in plain Python."""
    from collections import Counter

    from mediation_desk.domain.followups import VisitStatus
    from mediation_desk.domain.vocabulary import EventKind

    inside = lambda day: day is not None and first <= day <= last  # noqa: E731
    concluded = lambda d: inside(d.concluded_on)  # noqa: E731
    state = lambda d: d.row.state  # noqa: E731
    done = (DisputeState.SETTLED, DisputeState.CLOSED)
    figures = {
        "received": sum(inside(d.row.accepted_on) for d in details),
        "mediated": sum(any(inside(s.held_on) for s in d.sessions) for d in details),
        "settled": sum(concluded(d) and state(d) in done and bool(d.settlement) for d in details),
        "failed": sum(concluded(d) and state(d) in (DisputeState.FAILED, DisputeState.REFERRED)
                      for d in details),
        "declined": sum(concluded(d) and state(d) is DisputeState.DECLINED for d in details),
        "withdrawn": sum(concluded(d) and state(d) is DisputeState.WITHDRAWN for d in details),
        "referred": sum(concluded(d) and state(d) is DisputeState.REFERRED for d in details),
        "performed": sum(inside(d.performed_on) for d in details),
        "judicial": sum(inside(d.judicial_confirmed_on) for d in details),
        "criminal": sum(inside(d.turned_criminal_on) for d in details),
        "group_prevented": sum(inside(d.group_incident_on) for d in details),
    }
    amount = sum((d.amount or 0) for d in details if inside(d.row.accepted_on))
    events = [e for d in details for e in d.events if inside(e.at.date())]
    escalations = Counter(
        f"{int(e.from_tier)}→{int(e.to_tier)}" for e in events
        if e.kind in (EventKind.ESCALATED, EventKind.DEESCALATED))
    recurrences = len({d.id for d in details for e in d.events if inside(e.at.date())
                       and e.kind is EventKind.REOPENED and e.from_state in done})
    visits = [v for d in details for v in d.visits]
    due = [v for v in visits if inside(v.due_on) and v.status is not VisitStatus.CANCELLED]
    return figures, amount, dict(escalations), recurrences, {
        "due": len(due),
        "overdue": sum(v.status is VisitStatus.PLANNED and v.due_on < today for v in due),
        "done": sum(v.status is VisitStatus.DONE and inside(v.visited_on) for v in visits),
    }


@pytest.mark.parametrize("span", ["all", "year", "month", "day", "empty"])
def test_every_figure_equals_a_count_from_the_case_records(demo_services, demo_details, span):
    from mediation_desk.domain.figures import FIGURES

    svc = demo_services
    today = svc.clock().date()
    first, last = {
        "all": (today.replace(year=today.year - 4), today),
        "year": (today.replace(month=1, day=1), today),
        "month": (today.replace(day=1) - dt.timedelta(days=62), today.replace(day=1)),
        "day": (today - dt.timedelta(days=40), today - dt.timedelta(days=40)),
        "empty": (D(2000, 1, 1), D(2000, 12, 31)),
    }[span]
    details = demo_details
    expected, amount, escalations, recurrences, visits = _second_way(details, first, last, today)
    stats = svc.stats.figures(first, last)
    assert {f: getattr(stats.totals, f) for f in FIGURES} == expected
    assert stats.amount_involved == Decimal(amount).quantize(Decimal("0.01"))
    assert stats.escalations == escalations
    assert stats.recurrences == recurrences
    assert (stats.followups_due, stats.followups_overdue, stats.followups_done) == (
        visits["due"], visits["overdue"], visits["done"])
    # Each breakdown adds up to the totals.
    for rows in stats.breakdowns.values():
        for name in FIGURES:
            assert sum(getattr(f, name) for f in rows.values()) == getattr(stats.totals, name)
    if span == "all":
        assert all(expected[f] > 0 for f in ("received", "mediated", "settled", "failed",
                                             "performed", "judicial"))


def test_two_mediators_of_the_same_name_stay_two_rows(svc):
    from mediation_desk.domain.vocabulary import RosterRole
    from mediation_desk.services.dto import RosterDraft

    first = svc.roster.add(RosterDraft(name="张伟", role=RosterRole.MEDIATOR))
    second = svc.roster.add(RosterDraft(name="张伟", role=RosterRole.MEDIATOR))
    for mediator in (first, second):
        d = move(svc, register(svc), Move.ACCEPT)
        _set_mediator(svc, d.id, mediator.id)
    rows = svc.stats.figures(D(2026, 11, 1), D(2026, 11, 30)).breakdowns["mediator"]
    assert sorted(f.received for f in rows.values()) == [1, 1]
    assert set(rows) == {f"张伟（{first.id}）", f"张伟（{second.id}）"}


def _set_mediator(svc, dispute_id, mediator_id):
    from mediation_desk.persistence.models import Dispute

    with svc.uow.write() as session:
        session.get(Dispute, dispute_id).mediator_id = mediator_id
        session.commit()


def test_a_breakdown_lists_only_what_has_figures_in_the_range(svc):
    settled(svc)
    empty = svc.stats.figures(D(2000, 1, 1), D(2000, 1, 31))
    assert all(rows == {} for rows in empty.breakdowns.values())


def test_an_upgrade_from_0004_fills_in_the_agreements_performed(tmp_path, clock):
    """Revision 0005 added performed_on; an upgraded database must not read 0 for the past."""
    from test_followups import visit_record

    path = tmp_path / "old.sqlite"
    svc = open_services(path, clock=clock)
    d = settled(svc)
    clock.days(3)
    visit = d.visits[0]
    svc.followups.record(visit_id=visit.id, expected_row_version=visit.row_version, by="x",
                         record=visit_record(d, clock().date()))
    performed = svc.cases.detail(d.id).performed_on
    assert performed is not None
    svc.close()
    _downgrade(path)
    again = open_services(path, clock=clock)
    try:
        assert again.upgrade.from_revision == "0004"
        assert again.cases.detail(d.id).performed_on == performed
        assert again.stats.figures(D(2026, 11, 1), D(2026, 11, 30)).totals.performed == 1
    finally:
        again.close()


def _downgrade(path):
    from alembic import command
    from alembic.config import Config

    from mediation_desk.paths import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.downgrade(config, "0004")


def test_judicial_confirmation_closes_its_window_and_a_missing_record_cannot_be_withdrawn(svc):
    from mediation_desk.domain.deadlines import DeadlineKind
    from mediation_desk.domain.errors import ValidationErrors
    from mediation_desk.domain.figures import RecordedFact

    d = settled(svc)
    window = lambda detail: next(x for x in detail.deadlines  # noqa: E731
                                 if x.kind is DeadlineKind.JUDICIAL_CONFIRMATION)
    assert window(d).open
    with pytest.raises(ValidationErrors) as refused:
        svc.flow.record_fact(dispute_id=d.id, expected_version=d.version,
                             fact=RecordedFact.CRIMINAL, on=None, note="录错了", by="x")
    assert "无需撤销" in refused.value.errors[0].message
    d = svc.flow.record_fact(dispute_id=d.id, expected_version=d.version,
                             fact=RecordedFact.JUDICIAL, on=svc.clock().date(),
                             note="（2026）川0922民特12号", by="x")
    assert not window(d).open


def test_packed_and_plain_counting_agree(demo_services):
    """The figures travel three to an integer; counted one by one they are the same."""
    from mediation_desk.domain.figures import FIGURES

    stats = demo_services.stats
    today = demo_services.clock().date()
    for first in (today.replace(year=today.year - 4), today.replace(day=1)):
        for tiers in ((1,), (2, 3)):
            packed = stats._dispute_figures(first, today, tiers, packed=True)
            plain = stats._dispute_figures(first, today, tiers, packed=False)
            as_dict = lambda rows: {  # noqa: E731
                (r.breakdown, r.key): ([getattr(r, f) for f in FIGURES], r.amount) for r in rows}
            assert as_dict(packed) == as_dict(plain)
