"""The station's figures on hand-built data with known answers, each also computed a
second way (from the case records in Python) and compared."""

from __future__ import annotations

import datetime as dt

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
