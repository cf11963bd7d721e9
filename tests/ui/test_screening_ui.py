"""The screening log tab, its entry dialog and 转为案件, through their real widgets."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from mediation_desk.domain.screening import ScreeningDraft
from mediation_desk.domain.vocabulary import (
    Category,
    PartySide,
    RiskGrade,
    RosterRole,
    Source,
)
from mediation_desk.services.dto import RosterDraft, ScreeningFilter
from mediation_desk.ui.main_window import MainWindow
from mediation_desk.ui.screening_dialog import ScreeningDialog
from mediation_desk.ui.screening_log import ScreeningLog
from mediation_desk.ui.screening_table_model import Column, ScreeningTableModel


@pytest.fixture
def worker(services):
    return services.roster.add(RosterDraft(name="王芳", role=RosterRole.GRID_WORKER,
                                           grid="城南第三网格"))


def add_line(services, worker, **changes):
    base = dict(found_on=dt.date(2026, 11, 3), grid="城南第三网格", grid_worker_id=worker.id,
                household="张三家", address="城南街12号", phone="13812345678",
                conflict="与邻居因排水沟堵塞多次争吵", category=Category.NEIGHBOUR,
                risk=RiskGrade.YELLOW, action="当场劝解")
    base.update(changes)
    return services.screening.add(draft=ScreeningDraft(**base), by="x")


def make_log(qtbot, services, tasks) -> ScreeningLog:
    log = ScreeningLog(services, tasks=tasks, user_name="值班员")
    qtbot.addWidget(log)
    with qtbot.waitSignal(log.loaded, timeout=5000):
        log.show()
    return log


def save_dialog(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._saving, timeout=5000)


def test_entry_dialog_refuses_a_bad_line_next_to_its_fields_then_saves(
        qtbot, services, tasks, worker):
    log = make_log(qtbot, services, tasks)
    assert log.model.rowCount() == 0
    dialog = log.add_entry()
    assert isinstance(dialog, ScreeningDialog)
    assert dialog.found_on.text() == "2026-11-20"  # today by default
    dialog.found_on.setText("2026-11-21")
    dialog.household.setText("张三家")
    dialog.phone.setText("1381234567")
    dialog.conflict.setPlainText("与邻居因排水沟堵塞多次争吵")
    save_dialog(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_messages() == {
        "found_on": "日期不能晚于今天",
        "grid": "请填写网格",
        "grid_worker": "请选择排查的网格员",
        "phone": "手机号应为11位，当前为10位",
        "risk": "请选择风险等级",
    }
    assert dialog.boxes["found_on"].error.isVisible()
    assert dialog.focusWidget() is dialog.found_on  # the first bad field
    assert services.screening.count() == 0

    dialog.found_on.setText("2026-11-03")
    # Picking the worker fills in their grid.
    qtbot.keyClick(dialog.grid_worker, Qt.Key.Key_Down)
    dialog.grid_worker.activated.emit(dialog.grid_worker.currentIndex())
    assert dialog.grid.currentText() == "城南第三网格"
    dialog.phone.setText("13812345678")
    dialog.risk.set_value(RiskGrade.RED)
    save_dialog(qtbot, dialog)
    assert dialog.error_messages() == {
        "handed_to": "红色风险的隐患须写明移交给谁（如派出所调解室、司法所）"}
    dialog.handed_to.setCurrentText("派出所调解室")
    with qtbot.waitSignal(log.loaded, timeout=5000):
        save_dialog(qtbot, dialog)
    assert log.entry_dialog is None  # closed
    assert log.model.rowCount() == 1
    saved = log.model.view(0)
    assert (saved.grid_worker, saved.risk, saved.handed_to) == ("王芳", RiskGrade.RED,
                                                                "派出所调解室")
    assert log.selected_id() == saved.id
    assert log.model.index(0, Column.CASE).data() == "not a case"


def test_edit_keeps_the_line_and_a_stale_edit_is_refused(qtbot, services, tasks, worker,
                                                         messages):
    entry = add_line(services, worker)
    log = make_log(qtbot, services, tasks)
    log.select_id(entry.id)
    dialog = log.edit_selected()
    assert dialog.household.text() == "张三家"
    assert dialog.grid_worker.value() == (worker.id, "王芳")
    dialog.action.setPlainText("再次走访，双方同意共同清理")
    with qtbot.waitSignal(log.loaded, timeout=5000):
        save_dialog(qtbot, dialog)
    assert log.model.view(0).action == "再次走访，双方同意共同清理"
    # Another window saved meanwhile: this one's change is refused with a message.
    dialog = log.edit_selected()
    services.screening.update(entry_id=entry.id, expected_row_version=2,
                              draft=replace(log.model.view(0).draft(), remarks="已回访"),
                              by="elsewhere")
    dialog.household.setText("李四家")
    save_dialog(qtbot, dialog)
    assert dialog.isVisible()
    assert any("另一台电脑" in text for _title, text in messages)
    assert services.screening.get(entry.id).household == "张三家"


def test_register_as_dispute_opens_the_intake_prefilled_and_links_the_case(
        qtbot, services, tasks, worker, preferences):
    entry = add_line(services, worker)
    window = MainWindow(services, preferences=preferences, tasks=tasks, user_name="值班员")
    qtbot.addWidget(window)
    window.show()
    log = window.screening_view
    with qtbot.waitSignal(log.loaded, timeout=5000):
        window.tabs.setCurrentWidget(log)
    log.select_id(entry.id)
    assert log.register_button.isEnabled() and not log.open_case_button.isEnabled()
    dialog = log.register_selected()
    assert dialog is not None
    assert dialog.source.value() is Source.GRID_SCREENING
    assert dialog.category.value() is Category.NEIGHBOUR
    assert dialog.risk.value() is RiskGrade.YELLOW
    assert dialog.grid.currentText() == "城南第三网格"
    assert dialog.grid_worker.value() == worker.id
    assert dialog.summary.toPlainText().startswith("与邻居因排水沟堵塞多次争吵")
    applicant = dialog.applicants.editors[0]
    assert (applicant.name.text(), applicant.phone.text()) == ("张三", "13812345678")
    assert not dialog.is_dirty()  # the prefill alone is nothing typed

    # The mediator adds the respondent and saves.
    dialog.respondents.editors[0].name.setText("李四")
    with qtbot.waitSignal(log.case_registered, timeout=5000) as registered:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: log.model.view(0).case_number is not None, timeout=5000)
    number = registered.args[0].number
    assert number == "（2026）潼川调字第0001号"
    view = log.model.view(log.model.row_of_id(entry.id))
    assert view.case_number == number
    assert log.model.index(0, Column.CASE).data() == number
    assert not log.register_button.isEnabled() and log.open_case_button.isEnabled()
    assert window.model.rowCount() == 1  # the case list shows the new case
    assert services.screening.list(ScreeningFilter(open_only=True)) == []

    # The linked case opens, and says where it came from.
    with qtbot.waitSignal(window.case_opened, timeout=5000) as opened:
        qtbot.mouseClick(log.open_case_button, Qt.MouseButton.LeftButton)
    case_dialog = opened.args[0]
    assert case_dialog.fact_labels["screening"].text() == "2026-11-03 城南第三网格 张三家"
    assert not case_dialog.fact_labels["screening"].isHidden()
    case_dialog.close()


def test_filters_narrow_the_list(qtbot, services, tasks, worker):
    add_line(services, worker, found_on=dt.date(2026, 10, 20))
    add_line(services, worker, found_on=dt.date(2026, 11, 2), grid="城北第一网格")
    add_line(services, worker, found_on=dt.date(2026, 11, 5))
    log = make_log(qtbot, services, tasks)
    assert log.model.rowCount() == 2  # this month by default
    assert log.summary.text() == "2 entry(s)"
    log.date_from.setText("2026-10-01")
    with qtbot.waitSignal(log.loaded, timeout=5000):
        log.apply_filter()
    assert log.model.rowCount() == 3
    log.grid.setCurrentIndex(log.grid.findData("城北第一网格"))
    with qtbot.waitSignal(log.loaded, timeout=5000):
        log.grid.activated.emit(log.grid.currentIndex())
    assert [log.model.view(r).grid for r in range(log.model.rowCount())] == ["城北第一网格"]
    log.date_from.setText("2026-12-01")
    log.apply_filter()
    assert log.filter_error.text() == "The start date is after the end date"
    log.date_from.setText("yesterday")
    log.apply_filter()
    assert log.filter_error.text() == "Not a date; type it as 2026-11-20"


def test_the_table_model_pages_and_passes_the_model_tester(qtmodeltester, qtbot, services,
                                                         tasks, worker, monkeypatch):
    from mediation_desk.ui import screening_log

    monkeypatch.setattr(screening_log, "PAGE_SIZE", 3)
    for day in range(1, 8):
        add_line(services, worker, found_on=dt.date(2026, 11, day))
    log = make_log(qtbot, services, tasks)
    assert log.model.rowCount() == 3 and log.model.total == 7
    qtbot.waitUntil(lambda: (log.model.canFetchMore() and log.model.fetchMore()) or
                    log.model.rowCount() == 7, timeout=5000)
    assert [log.model.view(r).found_on.day for r in range(7)] == [7, 6, 5, 4, 3, 2, 1]
    qtmodeltester.check(log.model)
    qtmodeltester.check(ScreeningTableModel())


def test_a_line_with_a_door_number_leaves_the_applicant_to_the_mediator(qtbot, services,
                                                                        tasks, worker):
    entry = add_line(services, worker, household="3栋2单元")
    log = make_log(qtbot, services, tasks)
    log.select_id(entry.id)
    dialog = log.register_selected()
    assert dialog.applicants.editors[0].name.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._saving, timeout=5000)
    errors = dialog.error_messages()
    assert errors["applicant.0.name"] == "请填写姓名"
    assert services.screening.get(entry.id).dispute_id is None
    # Completed by the mediator, it saves and links.
    dialog.applicants.editors[0].name.setText("周玉兰")
    dialog.respondents.editors[0].name.setText("李四")
    with qtbot.waitSignal(log.case_registered, timeout=5000) as registered:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    detail = registered.args[0]
    assert services.screening.get(entry.id).case_number == detail.number
    assert detail.parties[0].side is PartySide.APPLICANT
    assert detail.parties[0].name == "周玉兰"


def test_the_tab_and_the_dialog_are_chinese_with_the_translation(qtbot, services, tasks,
                                                                  worker, preferences):
    from PySide6.QtWidgets import QApplication

    from mediation_desk.app import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        window = MainWindow(services, preferences=preferences, tasks=tasks, user_name="x")
        qtbot.addWidget(window)
        log = window.screening_view
        assert window.tabs.tabText(window.tabs.indexOf(log)) == "排查登记"
        assert [b.text() for b in (log.add_button, log.edit_button, log.register_button,
                                   log.open_case_button)] == [
            "新增(&A)…", "修改(&E)…", "转为案件(&R)…", "打开关联案件(&L)"]
        headers = [log.model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
        assert headers == ["排查日期", "网格", "网格员", "住户", "发现的隐患", "风险", "处置措施",
                           "移交对象", "案件"]
        dialog = ScreeningDialog(services, tasks=tasks, user_name="x")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "新增排查登记"
        assert dialog.boxes["conflict"].caption.text() == "发现的矛盾纠纷隐患(&C)"
        window.tasks.wait_for_done()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
