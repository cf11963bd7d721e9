"""The 统计 dashboard: figures read off the GUI thread, charts filled, and every click
(a card, a breakdown cell, a bar) opening the case list filtered to exactly those
disputes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QBarSeries, QPieSeries
from PySide6.QtCore import QSettings, Qt
from test_followups_ui import TODAY, move

from mediation_desk.app import build_main_window
from mediation_desk.domain.escalation import DeclineReason, Move
from mediation_desk.domain.vocabulary import Category

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, services, make_draft, tmp_path):
    neighbour = services.cases.register(draft=make_draft(), by="x")
    move(services, neighbour, Move.ACCEPT)
    labour = services.cases.register(draft=make_draft(category=Category.LABOUR), by="x")
    move(services, labour, Move.ACCEPT)
    declined = services.cases.register(draft=make_draft(), by="x")
    move(services, declined, Move.DECLINE, decline_reason=DeclineReason.COURT_ACCEPTED)
    services.cases.register(draft=make_draft(), by="x")  # registered only: not received
    win = build_main_window(
        services, settings=QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    return win


def open_dashboard(qtbot, window):
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(lambda: window.dashboard.stats is not None, timeout=10_000)
    return window.dashboard


def test_the_dashboard_counts_on_first_show_and_fills_its_charts(qtbot, window):
    assert window.dashboard.stats is None  # nothing counted at start-up
    dash = open_dashboard(qtbot, window)
    assert dash.stats.totals.received == 2 and dash.stats.totals.declined == 1
    assert dash.cards["received"].text().endswith("\n2")
    assert dash.cards["success_rate"].text().endswith("—")  # nothing concluded
    bars = [s for s in dash.bar_chart.series() if isinstance(s, QBarSeries)]
    assert bars and bars[0].count() == 3  # received, settled, failed
    assert [s.count() for s in dash.pie_chart.series() if isinstance(s, QPieSeries)] == [1]


def test_a_card_opens_the_case_list_with_exactly_its_disputes(qtbot, window):
    dash = open_dashboard(qtbot, window)
    qtbot.mouseClick(dash.cards["received"], LEFT)
    assert window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert window.filter_bar.figure_label.isVisible() or window.filter_bar.figure is not None
    assert "受理数" in window.filter_bar.figure_label.text()
    window.filter_bar.figure_clear.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)


def test_a_breakdown_cell_narrows_to_its_row(qtbot, window):
    dash = open_dashboard(qtbot, window)
    dash.breakdown.setCurrentIndex(dash.breakdown.findData("category"))
    labels = [dash.table.item(r, 0).text() for r in range(dash.table.rowCount())]
    row = labels.index(Category.LABOUR.label)
    dash._table_clicked(row, 1)  # the 受理数 column of the 劳动争议 row
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.case_row(0).category is Category.LABOUR


def test_a_bar_click_drills_down_too(qtbot, window):
    dash = open_dashboard(qtbot, window)
    series = [s for s in dash.bar_chart.series() if isinstance(s, QBarSeries)][0]
    received = series.barSets()[0]
    received.clicked.emit(0)  # tier 1's received bar
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)


def test_a_bad_range_is_explained_and_nothing_is_counted(qtbot, window):
    dash = open_dashboard(qtbot, window)
    before = dash.stats
    dash.date_from.set_date(TODAY)
    dash.date_to.set_date(TODAY - dt.timedelta(days=3))
    dash.load()
    assert "before" in dash.status.text()
    assert dash.stats is before


def test_the_monthly_report_is_built_off_the_gui_thread_and_previewed(qtbot, window):
    from mediation_desk.ui.dashboard import MonthlyReportDialog
    from mediation_desk.ui.document_preview import DocumentPreview

    dash = open_dashboard(qtbot, window)
    dialog = dash.monthly_report()
    assert isinstance(dialog, MonthlyReportDialog)
    dialog.month_edit.setDate(dialog.month_edit.date().fromString("2026-11", "yyyy-MM"))
    dialog.analysis_edit.setPlainText("邻里纠纷多发，应加强排查。")
    with qtbot.waitSignal(dash.report_ready, timeout=20_000) as ready:
        dialog.accept()
    assert ready.args[0].content.startswith(b"%PDF")
    assert isinstance(dash.report_preview, DocumentPreview)
    dash.report_preview.close()



def test_the_dashboard_counts_again_after_a_case_changes(qtbot, window, services, make_draft):
    dash = open_dashboard(qtbot, window)
    assert dash.stats.totals.received == 2
    d = services.cases.register(draft=make_draft(), by="x")
    move(services, d, Move.ACCEPT)
    window.case_changed(d.id)  # what a case screen reports after a save
    qtbot.waitUntil(lambda: dash.stats.totals.received == 3, timeout=10_000)
    assert dash.cards["received"].text().endswith("\n3")


def test_presets_work_on_a_leap_day(qtbot, tmp_path):
    import datetime as dt

    from mediation_desk.services.container import open_services
    from mediation_desk.ui.dashboard import Dashboard
    from mediation_desk.ui.tasks import TaskRunner

    leap = open_services(tmp_path / "leap.sqlite", clock=lambda: dt.datetime(2028, 2, 29, 9, 0))
    tasks = TaskRunner()
    dash = Dashboard(leap, tasks=tasks)
    qtbot.addWidget(dash)
    for key in ("month", "last_month", "year", "three_years"):
        dash.set_preset(key)
    assert dash.date_from.date() == dt.date(2025, 3, 2)
    assert dash.date_to.date() == dt.date(2028, 2, 29)
    tasks.wait_for_done()
    leap.close()
