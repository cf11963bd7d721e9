"""The id-only case model: Qt's model tester, SQL sorting, roles, block loading."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from mediation_desk.domain.intake import PartyDraft
from mediation_desk.domain.vocabulary import Category, PartySide, RiskGrade, Tier
from mediation_desk.services.dto import CaseFilter
from mediation_desk.ui import case_table_model
from mediation_desk.ui.case_table_model import CaseTableModel, Column, IdRole, SortRole


@pytest.fixture
def cases(services, make_draft):
    made = []
    for n, (risk, category) in enumerate([
        (RiskGrade.BLUE, Category.NEIGHBOUR),
        (RiskGrade.RED, Category.DAMAGES),
        (RiskGrade.YELLOW, Category.CONTRACT),
        (RiskGrade.ORANGE, Category.LABOUR),
        (RiskGrade.BLUE, Category.TRAFFIC),
    ]):
        applicant = PartyDraft(side=PartySide.APPLICANT, name=f"申请人{'甲乙丙丁戊'[n]}")
        made.append(services.cases.register(
            draft=replace(make_draft(), risk=risk, category=category,
                          parties=(applicant, make_draft().parties[1])), by="test"))
    return made


def test_passes_qt_model_tester(qtmodeltester, services, cases):
    model = CaseTableModel(services.cases)
    model.reload()
    qtmodeltester.check(model)
    model.set_filter(CaseFilter(search="申请人乙"))
    qtmodeltester.check(model)
    model.sort(Column.RISK, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_roles_and_columns(services, cases):
    model = CaseTableModel(services.cases)
    model.sort(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 5
    first = cases[0]
    assert model.index(0, 0).data(IdRole) == first.id
    assert model.index(0, Column.NUMBER).data() == "（2026）潼川调字第0001号"
    assert model.index(0, Column.PARTIES).data() == "申请人甲 与 李四"
    assert model.index(0, Column.CATEGORY).data() == "邻里"
    assert model.index(0, Column.TIER).data() == "一级"
    assert model.index(0, Column.TIER).data(Qt.ItemDataRole.ToolTipRole) == "警民联调工作站"
    assert model.index(0, Column.TIER).data(SortRole) == 1
    assert model.index(0, Column.STATE).data() == "已登记"
    assert model.index(0, Column.RECEIVED).data() == "2026-11-20"  # not accepted yet: registered
    assert model.index(1, Column.RISK).data() == "红"
    assert model.index(1, Column.RISK).data(SortRole) == 4
    assert isinstance(model.index(1, Column.RISK).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index(1, Column.NUMBER).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.headerData(Column.MEDIATOR, Qt.Orientation.Horizontal) == "Mediator"


def test_sorting_requeries_ids_in_sql(services, cases, monkeypatch):
    model = CaseTableModel(services.cases)
    model.reload()
    calls = []
    original = services.cases.list_ids
    monkeypatch.setattr(services.cases, "list_ids",
                        lambda **kw: calls.append(kw) or original(**kw))
    model.sort(Column.RISK, Qt.SortOrder.DescendingOrder)
    assert calls[-1]["sort"].value == "risk" and calls[-1]["descending"] is True
    risks = [model.index(r, Column.RISK).data(SortRole) for r in range(model.rowCount())]
    assert risks == sorted(risks, reverse=True)
    model.sort(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    numbers = [model.index(r, Column.NUMBER).data() for r in range(model.rowCount())]
    assert numbers == sorted(numbers)


def test_rows_are_fetched_in_blocks_and_refreshed_with_data_changed(
    qtbot, services, cases, monkeypatch
):
    monkeypatch.setattr(case_table_model, "BLOCK_SIZE", 2)
    model = CaseTableModel(services.cases)
    model.sort(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    fetched = []
    original = services.cases.rows
    monkeypatch.setattr(services.cases, "rows", lambda ids: fetched.append(list(ids)) or original(ids))
    for row in range(model.rowCount()):
        for column in Column:
            model.index(row, column).data()
    assert [len(block) for block in fetched] == [2, 2, 1]  # one query per block, not per cell
    with qtbot.waitSignal(model.dataChanged) as signal:
        model.refresh_rows([cases[2].id])
    top_left, bottom_right = signal.args[:2]
    assert (top_left.row(), bottom_right.row()) == (2, 2)
    assert model.index(2, 0).data(IdRole) == cases[2].id


def test_set_filter_resets_and_counts(qtbot, services, cases):
    model = CaseTableModel(services.cases)
    model.reload()
    with qtbot.waitSignal(model.modelReset):
        model.set_filter(CaseFilter(tiers=frozenset({Tier.MEDIATION_ROOM})))
    assert model.rowCount() == 1  # the red one
    assert model.index(0, Column.RISK).data() == "红"


def test_ids_come_a_page_at_a_time(qtmodeltester, services, cases, monkeypatch):
    monkeypatch.setattr(case_table_model, "PAGE_SIZE", 2)
    tested = CaseTableModel(services.cases)
    tested.reload()
    qtmodeltester.check(tested)  # the tester fetches the remaining pages itself
    assert tested.complete

    model = CaseTableModel(services.cases)
    model.sort(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 2 and model.canFetchMore() and not model.complete
    while model.canFetchMore():
        model.fetchMore()
    assert model.complete
    assert [model.index(r, 0).data(IdRole) for r in range(model.rowCount())] == [
        c.id for c in cases]
    model.reload()
    assert model.rowCount() == 2
    assert model.load_until(cases[4].id) == 4


def test_a_case_registered_between_pages_is_not_listed_twice(services, cases, make_draft,
                                                           monkeypatch):
    monkeypatch.setattr(case_table_model, "PAGE_SIZE", 2)
    model = CaseTableModel(services.cases)
    model.reload()  # newest first
    services.cases.register(draft=make_draft(), by="test")
    while model.canFetchMore():
        model.fetchMore()
    ids = [model.index(r, 0).data(IdRole) for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == 5
