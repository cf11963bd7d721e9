"""名册与设置: adding a mediator, deactivating, station settings with errors by the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from mediation_desk.domain.vocabulary import RosterRole
from mediation_desk.services.dto import RosterDraft
from mediation_desk.ui.roster_table_model import RosterColumn
from mediation_desk.ui.settings_dialog import SettingsDialog


def type_chinese(widget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def make_dialog(qtbot, services, tasks) -> SettingsDialog:
    dialog = SettingsDialog(services, tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def names_shown(dialog) -> list[str]:
    model = dialog.roster_model
    return [model.index(r, RosterColumn.NAME).data() for r in range(model.rowCount())]


def test_add_a_mediator(qtbot, services, tasks):
    dialog = make_dialog(qtbot, services, tasks)
    assert names_shown(dialog) == []
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    entry_dialog = dialog.entry_dialog
    assert entry_dialog is not None and entry_dialog.isVisible()
    assert entry_dialog.role.value() is RosterRole.MEDIATOR
    type_chinese(entry_dialog.name, "王㛃")
    type_chinese(entry_dialog.organisation, "派出所调解室")
    qtbot.keyClicks(entry_dialog.phone, "13812345678")
    with qtbot.waitSignal(dialog.roster_changed, timeout=5000):
        qtbot.mouseClick(entry_dialog.save_button, Qt.MouseButton.LeftButton)
    mediators = services.roster.list(roles={RosterRole.MEDIATOR})
    assert [(m.name, m.organisation, m.phone, m.active) for m in mediators] == [
        ("王㛃", "派出所调解室", "13812345678", True)]
    assert names_shown(dialog) == ["王㛃"]
    assert dialog.selected_entry().id == mediators[0].id


def test_roster_errors_are_shown_next_to_the_field(qtbot, services, tasks):
    dialog = make_dialog(qtbot, services, tasks)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    entry_dialog = dialog.entry_dialog
    qtbot.keyClicks(entry_dialog.phone, "12345")
    qtbot.mouseClick(entry_dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: entry_dialog.boxes["name"].error_text() != "", timeout=5000)
    assert entry_dialog.boxes["phone"].error_text()
    assert entry_dialog.isVisible()
    assert services.roster.list() == []


def test_deactivate_and_filter_by_role(qtbot, services, tasks):
    services.roster.add(RosterDraft(name="张玉东", role=RosterRole.MEDIATOR))
    services.roster.add(RosterDraft(name="刘网格", role=RosterRole.GRID_WORKER, grid="潼川镇第1网格"))
    dialog = make_dialog(qtbot, services, tasks)
    assert sorted(names_shown(dialog)) == ["刘网格", "张玉东"]
    dialog.role_filter.set_value(RosterRole.MEDIATOR)
    assert names_shown(dialog) == ["张玉东"]
    dialog.roster_view.selectRow(0)
    assert dialog.toggle_button.text() == "&Deactivate"
    with qtbot.waitSignal(dialog.roster_changed, timeout=5000):
        qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert services.roster.list(roles={RosterRole.MEDIATOR}, active_only=True) == []
    assert dialog.toggle_button.text() == "&Activate"
    qtbot.mouseClick(dialog.show_inactive, Qt.MouseButton.LeftButton)
    assert names_shown(dialog) == []


def test_station_settings_errors_then_save(qtbot, services, tasks):
    dialog = make_dialog(qtbot, services, tasks)
    dialog.tabs.setCurrentIndex(1)
    short = dialog.station_editors["station_short_name"]
    short.setFocus()
    short.selectAll()
    qtbot.keyClick(short, Qt.Key.Key_Delete)
    with qtbot.waitSignal(dialog.save_station_button.clicked):
        qtbot.mouseClick(dialog.save_station_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.save_station_button.isEnabled(), timeout=5000)
    assert dialog.station_boxes["station_short_name"].error_text() == "请填写简称（用于案号）"
    type_chinese(short, "北坝")
    assert "（2026）北坝调字第0001号" in dialog.number_preview.text()
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_station_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].station_short_name == "北坝"
    assert services.settings.load().station_short_name == "北坝"
