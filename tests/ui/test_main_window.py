"""The main window: filtering by the combos, search as you type, opening and registering."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from mediation_desk.app import build_main_window
from mediation_desk.domain.intake import PartyDraft
from mediation_desk.domain.vocabulary import Category, PartySide, RiskGrade, Tier
from mediation_desk.ui.case_table_model import Column, IdRole

GOOD_ID = "11010519491231002X"


@pytest.fixture
def three_cases(services, make_draft):
    """Tier 1 (neighbours), tier 2 (an elderly party), tier 3 (risk red)."""
    first = services.cases.register(draft=make_draft(), by="test")
    elderly = PartyDraft(side=PartySide.APPLICANT, name="王秀英", id_number=GOOD_ID)
    second = services.cases.register(
        draft=make_draft(parties=(elderly, make_draft().parties[1]), category=Category.DAMAGES),
        by="test")
    third = services.cases.register(
        draft=make_draft(risk=RiskGrade.RED, parties=(
            PartyDraft(side=PartySide.APPLICANT, name="赵强", phone="13900001111"),
            PartyDraft(side=PartySide.RESPONDENT, name="钱峰"),
        )), by="test")
    assert [c.row.tier for c in (first, second, third)] == [Tier.GRID, Tier.JOINT_TEAM,
                                                          Tier.MEDIATION_ROOM]
    return first, second, third


@pytest.fixture
def window(qtbot, services, tmp_path):
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    main = build_main_window(services, settings=settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.tasks.wait_for_done()


def shown_numbers(window) -> list[str]:
    model = window.model
    return [model.index(row, Column.NUMBER).data() for row in range(model.rowCount())]


def test_lists_all_cases_newest_first_with_a_count(window, three_cases):
    window.refresh()
    assert window.model.rowCount() == 3
    assert window.count_label.text() == "3 dispute(s)"
    assert window.windowTitle() == "Mediation Desk — 潼川派出所"


def test_count_of_a_long_list_comes_from_the_worker(qtbot, window, three_cases, monkeypatch):
    from mediation_desk.ui import case_table_model

    monkeypatch.setattr(case_table_model, "PAGE_SIZE", 2)
    window.refresh()
    assert window.model.rowCount() == 2  # one page loaded ...
    qtbot.waitUntil(lambda: window.count_label.text() == "3 dispute(s)", timeout=3000)  # ... of 3


def test_state_and_tier_combos_filter_the_list(qtbot, window, three_cases):
    window.refresh()
    bar = window.filter_bar
    bar.tier.setFocus()
    for _ in range(3):  # All → 一级 → 二级 → 三级
        qtbot.keyClick(bar.tier, Qt.Key.Key_Down)
    assert bar.tier.value() is Tier.MEDIATION_ROOM
    assert shown_numbers(window) == [three_cases[2].number]
    assert window.count_label.text() == "1 dispute(s) (filtered)"

    qtbot.keyClick(bar.tier, Qt.Key.Key_Up)
    assert shown_numbers(window) == [three_cases[1].number]

    bar.state.setFocus()
    qtbot.keyClick(bar.state, Qt.Key.Key_Down)  # 已登记: all three are registered
    assert window.model.rowCount() == 1
    qtbot.keyClick(bar.state, Qt.Key.Key_Down)  # 已受理: none
    assert window.model.rowCount() == 0
    assert window.count_label.text() == "0 dispute(s) (filtered)"

    qtbot.mouseClick(bar.reset_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 3
    assert window.count_label.text() == "3 dispute(s)"


def test_search_filters_as_you_type(qtbot, window, three_cases):
    window.refresh()
    search = window.filter_bar.search
    search.setFocus()
    qtbot.keyClicks(search, "0002")
    # Debounced: the list changes shortly after typing stops, without pressing Enter.
    qtbot.waitUntil(lambda: shown_numbers(window) == [three_cases[1].number], timeout=2000)
    search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=2000)
    qtbot.keyClicks(search, GOOD_ID[-6:])  # part of an ID number
    qtbot.waitUntil(lambda: shown_numbers(window) == [three_cases[1].number], timeout=2000)
    search.clear()
    qtbot.keyClicks(search, "139000")  # part of a phone number
    qtbot.waitUntil(lambda: shown_numbers(window) == [three_cases[2].number], timeout=2000)


def test_a_selection_beyond_the_first_page_stays_through_a_refresh(qtbot, window, three_cases,
                                                                   monkeypatch):
    from mediation_desk.ui import case_table_model

    monkeypatch.setattr(case_table_model, "FIRST_PAGE", 1)
    monkeypatch.setattr(case_table_model, "PAGE_SIZE", 1)
    window.refresh()
    while window.model.canFetchMore():
        window.model.fetchMore()
    last = window.model.index(2, 0).data(IdRole)
    assert window.select_id(last)
    window.refresh()  # F5: the first page again, then as far as the selected row
    assert window.selected_id() == last
    assert window.model.rowCount() == 3


def test_header_click_sorts_in_sql_and_keeps_the_selection(qtbot, window, three_cases):
    window.refresh()
    window.select_id(three_cases[0].id)
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.NUMBER) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, 5))
    assert window.model.sort_column is Column.NUMBER
    numbers = shown_numbers(window)
    assert numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)
    assert window.selected_id() == three_cases[0].id


def test_enter_opens_the_case_and_new_registration_is_selected(qtbot, window, three_cases,
                                                               services, make_draft):
    window.refresh()
    window.select_id(three_cases[1].id)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    dialog = window.case_dialogs[three_cases[1].id]
    assert dialog.detail.number == three_cases[1].number
    dialog.close()

    # A case registered from the intake dialog shows up selected, even under a filter
    # that would hide it.
    window.filter_bar.tier.set_value(Tier.MEDIATION_ROOM)
    intake = window.new_dispute()
    new = services.cases.register(draft=replace(make_draft(), summary="新登记"), by="t")
    intake.detail = new
    intake.accept()
    assert window.selected_id() == new.id
    assert window.filter_bar.tier.value() is None


def test_geometry_is_saved_and_restored(qtbot, services, tmp_path):
    settings = QSettings(str(tmp_path / "g.ini"), QSettings.Format.IniFormat)
    first = build_main_window(services, settings=settings)
    qtbot.addWidget(first)
    first.resize(first.minimumSizeHint().width(), 560)  # fits the offscreen 800×600 screen
    first.show()
    qtbot.waitExposed(first)
    first.table.horizontalHeader().resizeSection(Column.PARTIES, 333)
    first.close()
    second = build_main_window(services, settings=settings)
    qtbot.addWidget(second)
    assert second.table.horizontalHeader().sectionSize(Column.PARTIES) == 333
    assert second.height() == 560  # (the width is clamped to the small offscreen screen)


def test_chinese_translation_is_complete_for_the_main_window(qtbot, services, tmp_path,
                                                            three_cases):
    from mediation_desk.app import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        assert len(translators) == 2, "qtbase_zh_CN.qm and mediation_desk_zh_CN.qm"
        main = build_main_window(
            services, settings=QSettings(str(tmp_path / "zh.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(main)
        assert main.windowTitle() == "调解台 — 潼川派出所"
        assert main.count_label.text() == "共 3 件"
        assert main.filter_bar.search.placeholderText() == "搜索案号、姓名、身份证号、电话"
        headers = [main.model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
        assert headers == ["案号", "当事人", "类别", "层级", "状态", "风险", "受理日期", "调解员"]
        assert main.filter_bar.state.itemText(0) == "全部"
        assert main.new_action.text().startswith("登记")
        assert main.model.index(0, Column.TIER).data(IdRole) == three_cases[2].id
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_start_up_shows_the_list_before_the_services_then_hands_over(qtbot, tmp_path, clock):
    """The window painted over the sqlite3 first page (filter bar and actions off), then
    `attach` switches the same list to the services and adds the other tabs."""
    from mediation_desk.first_page import open_first_page
    from mediation_desk.services.container import open_services
    from mediation_desk.services.demo import generate_demo
    from mediation_desk.ui.main_window import MainWindow
    from mediation_desk.ui.preferences import Preferences

    database = tmp_path / "start.sqlite"
    services = open_services(database, clock=clock)
    generate_demo(services, cases=60)
    source = open_first_page(database, clock().date())
    assert source is not None
    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    window = MainWindow(preferences=prefs, source=source, today=clock().date())
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 60
    first = window.model.case_row(0)
    assert not window.filter_bar.isEnabled() and not window.new_action.isEnabled()
    assert window.tabs.count() == 1
    with qtbot.waitSignal(window.attached):
        window.attach(services)
    assert window.model.case_row(0) == first
    assert window.filter_bar.isEnabled() and window.new_action.isEnabled()
    assert window.tabs.count() == 4
    window.filter_bar.search.setText(first.number)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    source.close()
    window.close()
    services.close()
