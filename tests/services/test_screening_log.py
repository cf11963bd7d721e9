"""The screening log service on a real, Alembic-migrated SQLite file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from mediation_desk.domain.errors import (
    ConcurrentModification,
    IllegalTransition,
    NotFound,
    ValidationErrors,
)
from mediation_desk.domain.intake import PartyDraft
from mediation_desk.domain.screening import ScreeningDraft
from mediation_desk.domain.vocabulary import (
    Category,
    PartySide,
    RiskGrade,
    RosterRole,
    Source,
)
from mediation_desk.persistence.models import Dispute
from mediation_desk.services.dto import RosterDraft, ScreeningFilter


@pytest.fixture
def worker(services):
    return services.roster.add(RosterDraft(name="王芳", role=RosterRole.GRID_WORKER,
                                           grid="城南第三网格"))


def line(worker, **changes) -> ScreeningDraft:
    base = ScreeningDraft(
        found_on=dt.date(2026, 11, 3),
        grid="城南第三网格",
        grid_worker_id=worker.id,
        household="张三家",
        address="城南街12号",
        phone="13812345678",
        conflict="与邻居因排水沟堵塞多次争吵",
        category=Category.NEIGHBOUR,
        risk=RiskGrade.YELLOW,
        action="当场劝解",
    )
    return replace(base, **changes)


def completed(services, entry_id: int):
    """The prefilled intake draft with what the mediator adds: a respondent."""
    draft = services.screening.prefill(entry_id)
    return replace(draft, parties=(*draft.parties,
                                   PartyDraft(side=PartySide.RESPONDENT, name="李四")))


def dispute_count(services) -> int:
    with services.uow.read() as session:
        return session.scalar(select(func.count(Dispute.id)))


def test_add_fills_the_workers_name_from_the_roster(services, worker):
    entry = services.screening.add(draft=line(worker), by="值班员")
    assert entry.grid_worker == "王芳"
    assert entry.grid_worker_id == worker.id
    assert entry.created_by == "值班员"
    assert entry.row_version == 1
    assert entry.dispute_id is None and entry.case_number is None
    assert services.screening.get(entry.id) == entry


def test_add_refuses_a_bad_line_and_a_worker_not_in_the_roster(services, worker):
    with pytest.raises(ValidationErrors) as raised:
        services.screening.add(draft=line(worker, household="", risk=None), by="x")
    assert raised.value.as_dict() == {"household": "请填写被排查的住户（户主姓名或门牌）",
                                      "risk": "请选择风险等级"}
    officer = services.roster.add(RosterDraft(name="李警官", role=RosterRole.COMMUNITY_OFFICER))
    with pytest.raises(ValidationErrors) as raised:
        services.screening.add(draft=line(worker, grid_worker_id=officer.id), by="x")
    assert set(raised.value.as_dict()) == {"grid_worker"}
    assert services.screening.count() == 0


def test_update_checks_the_row_version(services, worker):
    entry = services.screening.add(draft=line(worker), by="x")
    changed = services.screening.update(
        entry_id=entry.id, expected_row_version=entry.row_version,
        draft=line(worker, risk=RiskGrade.ORANGE, handed_to="派出所调解室"), by="y")
    assert changed.risk is RiskGrade.ORANGE and changed.handed_to == "派出所调解室"
    assert changed.row_version == entry.row_version + 1
    with pytest.raises(ConcurrentModification):
        services.screening.update(entry_id=entry.id, expected_row_version=entry.row_version,
                                  draft=line(worker, household="李四家"), by="z")
    assert services.screening.get(entry.id).household == "张三家"
    with pytest.raises(NotFound):
        services.screening.update(entry_id=999, expected_row_version=1, draft=line(worker),
                                  by="z")


def test_a_worker_who_left_stays_on_old_lines_but_is_not_offered_for_new_ones(services, worker):
    entry = services.screening.add(draft=line(worker), by="x")
    services.roster.set_active(worker.id, False)
    again = services.screening.update(entry_id=entry.id, expected_row_version=1,
                                      draft=line(worker, action="再次走访"), by="x")
    assert again.grid_worker == "王芳"
    with pytest.raises(ValidationErrors):
        services.screening.add(draft=line(worker), by="x")


def test_list_filters_in_sql_and_orders_newest_first(services, worker):
    days = [dt.date(2026, 10, 30), dt.date(2026, 11, 3), dt.date(2026, 11, 3),
            dt.date(2026, 11, 15)]
    grids = ["城南第三网格", "城北第一网格", "城南第三网格", "城南第三网格"]
    ids = [services.screening.add(draft=line(worker, found_on=d, grid=g), by="x").id
           for d, g in zip(days, grids, strict=True)]
    everything = services.screening.list()
    assert [e.id for e in everything] == [ids[3], ids[2], ids[1], ids[0]]
    november = ScreeningFilter(date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 30))
    assert [e.id for e in services.screening.list(november)] == [ids[3], ids[2], ids[1]]
    south = replace(november, grid="城南第三网格")
    assert [e.id for e in services.screening.list(south)] == [ids[3], ids[2]]
    assert services.screening.count(south) == 2
    services.screening.register_dispute(entry_id=ids[2], draft=completed(services, ids[2]),
                                        by="x")
    open_ones = replace(south, open_only=True)
    assert [e.id for e in services.screening.list(open_ones)] == [ids[3]]
    assert [e.id for e in services.screening.list(limit=2, offset=1)] == [ids[2], ids[1]]
    assert services.screening.grids() == ["城北第一网格", "城南第三网格"]


def test_register_dispute_links_the_line_and_the_case_shows_it(services, worker):
    entry = services.screening.add(draft=line(worker), by="x")
    prefill = services.screening.prefill(entry.id)
    assert prefill.source is Source.GRID_SCREENING
    assert prefill.grid_worker_id == worker.id
    assert prefill.parties[0].name == "张三"
    case = services.screening.register_dispute(
        entry_id=entry.id, draft=completed(services, entry.id), by="调解员",
        expected_row_version=entry.row_version)
    assert case.number == "（2026）潼川调字第0001号"
    assert case.source is Source.GRID_SCREENING
    assert case.grid == "城南第三网格" and case.grid_worker == "王芳"
    assert case.screening is not None
    assert case.screening.entry_id == entry.id
    assert case.screening.text == "2026-11-03 城南第三网格 张三家"
    assert case.as_json()["screening"]["entry_id"] == entry.id
    linked = services.screening.get(entry.id)
    assert linked.dispute_id == case.id
    assert linked.case_number == case.number
    # A case registered at the desk has no screening line.
    other = services.cases.register(draft=replace(completed(services, entry.id),
                                                  source=Source.APPLICATION), by="x")
    assert other.screening is None


def test_turning_a_line_into_a_case_twice_is_refused(services, worker):
    entry = services.screening.add(draft=line(worker), by="x")
    draft = completed(services, entry.id)
    case = services.screening.register_dispute(entry_id=entry.id, draft=draft, by="x")
    with pytest.raises(IllegalTransition) as raised:
        services.screening.register_dispute(entry_id=entry.id, draft=draft, by="x")
    assert raised.value.message == f"这条排查登记已转为案件（{case.number}），不能再次转为案件"
    assert dispute_count(services) == 1


def test_the_check_inside_the_transaction_refuses_a_second_link(services, worker, monkeypatch):
    """Two windows both passed the first check: the second one's link is refused in its
    own transaction, and its dispute and case number are rolled back with it."""
    entry = services.screening.add(draft=line(worker), by="x")
    draft = completed(services, entry.id)
    first_view = services.screening.get(entry.id)
    services.screening.register_dispute(entry_id=entry.id, draft=draft, by="x")
    # The second window's pre-check still sees the line as it was before.
    monkeypatch.setattr(services.screening, "get", lambda _id: first_view)
    with pytest.raises(IllegalTransition):
        services.screening.register_dispute(entry_id=entry.id, draft=draft, by="x")
    monkeypatch.undo()
    assert dispute_count(services) == 1
    nxt = services.cases.register(draft=draft, by="x")
    assert nxt.number == "（2026）潼川调字第0002号"  # no number was used up


def test_a_failure_while_linking_leaves_neither_the_dispute_nor_the_link(services, worker):
    entry = services.screening.add(draft=line(worker), by="x")
    # The line is corrected elsewhere after the mediator opened the intake: the link
    # step finds a newer version after the dispute was already written in the session.
    services.screening.update(entry_id=entry.id, expected_row_version=entry.row_version,
                              draft=line(worker, action="再次走访"), by="y")
    with pytest.raises(ConcurrentModification):
        services.screening.register_dispute(
            entry_id=entry.id, draft=completed(services, entry.id), by="x",
            expected_row_version=entry.row_version)
    assert dispute_count(services) == 0
    assert services.screening.get(entry.id).dispute_id is None
    case = services.cases.register(draft=completed(services, entry.id), by="x")
    assert case.number == "（2026）潼川调字第0001号"


def test_an_error_after_the_link_is_set_rolls_back_both(services, worker, monkeypatch):
    """The link is written and then the transaction fails (a bug, a lost disk): the
    dispute, the link and the case number all go."""
    from mediation_desk.services import screening as module

    entry = services.screening.add(draft=line(worker), by="x")
    real_entry = module._entry
    seen: list[int | None] = []

    def entry_then_fail(session, entry_id):
        found = real_entry(session, entry_id)
        session.flush()  # the dispute row is in the database's transaction now
        seen.append(session.scalar(select(func.count(Dispute.id))))
        found.dispute_id = session.scalar(select(func.max(Dispute.id)))
        session.flush()
        raise RuntimeError("simulated failure after linking")

    monkeypatch.setattr(module, "_entry", entry_then_fail)
    with pytest.raises(RuntimeError):
        services.screening.register_dispute(entry_id=entry.id,
                                            draft=completed(services, entry.id), by="x")
    monkeypatch.undo()
    assert seen == [1]  # the dispute had been written inside the transaction
    assert dispute_count(services) == 0
    assert services.screening.get(entry.id).dispute_id is None
    case = services.screening.register_dispute(entry_id=entry.id,
                                               draft=completed(services, entry.id), by="x")
    assert case.number == "（2026）潼川调字第0001号"


def test_invalid_intake_links_nothing(services, worker):
    entry = services.screening.add(draft=line(worker), by="x")
    with pytest.raises(ValidationErrors) as raised:
        services.screening.register_dispute(entry_id=entry.id,
                                            draft=services.screening.prefill(entry.id), by="x")
    assert "respondent" in raised.value.as_dict()
    assert services.screening.get(entry.id).dispute_id is None
    with pytest.raises(NotFound):
        services.screening.register_dispute(entry_id=999, draft=completed(services, entry.id),
                                            by="x")


def test_summary_matches_a_hand_count(services, worker):
    north = services.roster.add(RosterDraft(name="赵强", role=RosterRole.GRID_WORKER,
                                            grid="城北第一网格"))
    rows = [
        # (found_on, grid, worker, risk, handed_to, becomes a case)
        (dt.date(2026, 10, 31), "城南第三网格", worker, RiskGrade.RED, "派出所", True),  # outside
        (dt.date(2026, 11, 1), "城南第三网格", worker, RiskGrade.RED, "派出所调解室", True),
        (dt.date(2026, 11, 2), "城南第三网格", worker, RiskGrade.YELLOW, "", False),
        (dt.date(2026, 11, 5), "城北第一网格", north, RiskGrade.ORANGE, "司法所", False),
        (dt.date(2026, 11, 9), "城北第一网格", north, RiskGrade.BLUE, "", True),
        (dt.date(2026, 11, 20), "城南第三网格", worker, RiskGrade.BLUE, "社区民警", False),
        (dt.date(2026, 11, 20), "城东网格", north, RiskGrade.YELLOW, "", False),
    ]
    for found_on, grid, who, risk, handed_to, becomes_case in rows:
        entry = services.screening.add(
            draft=line(who, found_on=found_on, grid=grid, risk=risk, handed_to=handed_to),
            by="x")
        if becomes_case:
            services.screening.register_dispute(entry_id=entry.id,
                                                draft=completed(services, entry.id), by="x")
    summary = services.screening.summary(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    # Counted by hand from the rows above, the first one being in October.
    assert summary.total == 6
    assert summary.by_risk == {RiskGrade.RED: 1, RiskGrade.ORANGE: 1, RiskGrade.YELLOW: 2,
                               RiskGrade.BLUE: 2}
    assert summary.by_grid == {"城南第三网格": 3, "城北第一网格": 2, "城东网格": 1}
    assert list(summary.by_grid) == ["城南第三网格", "城北第一网格", "城东网格"]
    assert summary.handed_over == 3
    assert summary.turned_into_cases == 2
    assert summary.as_json()["by_risk"] == {"red": 1, "orange": 1, "yellow": 2, "blue": 2}
    empty = services.screening.summary(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert empty.total == 0 and empty.by_grid == {}
    assert set(empty.by_risk.values()) == {0}
