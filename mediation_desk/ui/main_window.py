"""The main window: the case list with its filters, and the actions that start work.

Everything it needs comes in through the constructor (services, preferences, the task
runner, the user's name); it keeps no global state, so tests build it on a temporary
database.  Case list queries run on the GUI thread (they take milliseconds even at
100,000 disputes); writes go through the task runner.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.errors import DomainError
from mediation_desk.domain.vocabulary import RiskGrade
from mediation_desk.services.listing import CaseFilter, CaseRow, FigureSelection
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.case_table_model import CaseSource, CaseTableModel, Column, IdRole
from mediation_desk.ui.filter_bar import CaseFilterBar
from mediation_desk.ui.preferences import Preferences
from mediation_desk.ui.tasks import TaskRunner

# The dialogs and the other tabs are imported when first used: this module is what
# start-up imports before the first paint, and they bring in the services (SQLAlchemy).
if TYPE_CHECKING:
    from mediation_desk.services.container import Services
    from mediation_desk.services.settings import StationSettings
    from mediation_desk.ui.case_view import CaseDialog
    from mediation_desk.ui.intake_dialog import IntakeDialog
    from mediation_desk.ui.ledger_dialog import LedgerExportDialog
    from mediation_desk.ui.settings_dialog import SettingsDialog

RED = RiskGrade.RED.colour

DEFAULT_WIDTHS = {
    Column.NUMBER: 210,
    Column.PARTIES: 260,
    Column.CATEGORY: 120,
    Column.TIER: 56,
    Column.STATE: 80,
    Column.RISK: 60,
    Column.RECEIVED: 100,
}


class MainWindow(QMainWindow):
    """The main window.  Built in two steps so that start-up paints the list at once:
    the frame (menus, filter bar, the case list over a start-up `source`), then
    `attach(services)` once they are open, which switches the list to the services and
    adds the other tabs.  Given `services`, the constructor does both."""

    case_opened = Signal(object)  # CaseDialog
    attached = Signal()
    first_painted = Signal()  # the case list has been drawn once

    def __init__(
        self,
        services: Services | None = None,
        *,
        preferences: Preferences,
        tasks: TaskRunner | None = None,
        user_name: str | None = None,
        source: CaseSource | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.services: Services | None = None
        self.preferences = preferences
        self.tasks = tasks or TaskRunner(self, on_unhandled=self._unhandled)
        self.user_name = user_name or _os_user()
        self.intake_dialog: IntakeDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.ledger_dialog: LedgerExportDialog | None = None
        self.case_dialogs: dict[int, CaseDialog] = {}

        today = today or (services.clock().date() if services else dt.date.today())
        self.model = CaseTableModel(source or _NoCases(), self)
        self.filter_bar = CaseFilterBar(today, self)
        self.table = self._build_table()
        cases_page = QWidget(self)
        layout = QVBoxLayout(cases_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(cases_page, self.tr("Cases"))
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.statusBar().addWidget(self.count_label)
        self.database_label = QLabel(self)
        self.database_label.setStyleSheet("color: #5f6b7a;")
        self.database_label.setToolTip(self.tr("Database in use"))
        self.statusBar().addPermanentWidget(self.database_label)
        self._keep_selected: int | None = None
        self._kept_row = -1
        self._figures_stale = False
        self.setWindowTitle(self.tr("Mediation Desk"))
        self._restore_state()
        self._paint_watch = _FirstPaint(self.table.viewport(), self.first_painted)
        if services is not None:
            self.attach(services)
            return
        # Until the services are open: the list as read at start-up, nothing to act on.
        for action in self._service_actions:
            action.setEnabled(False)
        self.filter_bar.setEnabled(False)
        self.count_label.setText(self.tr("Opening the database…"))
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def attach(self, services: Services) -> None:
        """The services are open: read the list through them and add the other tabs."""
        from mediation_desk.ui.daily_followups import DailyFollowUps
        from mediation_desk.ui.dashboard import Dashboard
        from mediation_desk.ui.screening_log import ScreeningLog

        self.services = services
        self.followups_view = DailyFollowUps(services, tasks=self.tasks,
                                             open_visit=self.open_visit, parent=self)
        self.followups_view.loaded.connect(self._followups_loaded)
        self.followups_view.print_requested.connect(self.print_call_sheet)
        self.tabs.addTab(self.followups_view, self.tr("Follow-ups today"))
        # The figures are counted the first time the tab is shown, not at start-up.
        self.dashboard = Dashboard(services, tasks=self.tasks, parent=self)
        self.dashboard.drill.connect(self.show_figure)
        self.tabs.addTab(self.dashboard, self.tr("Statistics"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.screening_view = ScreeningLog(services, tasks=self.tasks, user_name=self.user_name,
                                           preferences=self.preferences, parent=self)
        self.screening_view.case_registered.connect(self._registered_from_screening)
        self.screening_view.open_case_requested.connect(self.open_case)
        self.tabs.addTab(self.screening_view, self.tr("Screening log"))
        self.database_label.setText(services.url.removeprefix("sqlite:///"))
        for action in self._service_actions:
            action.setEnabled(True)
        self.filter_bar.setEnabled(True)
        self.filter_bar.changed.connect(self.apply_filter)
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self.update_title(services.settings.load())
        # The same list, now from the services: turning sorting on sorts by the header's
        # indicator, which reads the first page through them (the selection is kept).
        self.model.set_source(services.cases, reload=False)
        self.table.setSortingEnabled(True)
        self._update_count()
        self.followups_view.load()
        self.attached.emit()

    # -------------------------------------------------------------- building
    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("case_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Activated is Enter on the keyboard and a double click with the mouse.
        table.activated.connect(self._open_index)
        return table

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("&Register…"), self)
        self.new_action.setObjectName("action_new")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setToolTip(self.tr("Register a new dispute (Ctrl+N)"))
        self.new_action.triggered.connect(self.new_dispute)

        self.open_action = QAction(self.tr("&Open case"), self)
        self.open_action.setObjectName("action_open")
        self.open_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_O))
        self.open_action.triggered.connect(self.open_selected)

        self.refresh_action = QAction(self.tr("Re&fresh"), self)
        self.refresh_action.setObjectName("action_refresh")
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setToolTip(self.tr("Read the list again (F5)"))
        self.refresh_action.triggered.connect(self.refresh)

        self.find_action = QAction(self.tr("&Search"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)

        self.settings_action = QAction(self.tr("Roster && &settings…"), self)
        self.settings_action.setObjectName("action_settings")
        self.settings_action.triggered.connect(self.open_settings)

        self.ledger_action = QAction(self.tr("Export &ledger…"), self)
        self.ledger_action.setObjectName("action_export_ledger")
        self.ledger_action.setToolTip(self.tr("Export the ledger as .xlsx or .csv"))
        self.ledger_action.triggered.connect(self.export_ledger)

        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("action_quit")
        self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.triggered.connect(self.close)

        cases_menu = self.menuBar().addMenu(self.tr("&Cases"))
        for action in (self.new_action, self.open_action, self.find_action, self.refresh_action):
            cases_menu.addAction(action)
        cases_menu.addSeparator()
        cases_menu.addAction(self.ledger_action)
        cases_menu.addSeparator()
        cases_menu.addAction(self.quit_action)
        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.settings_action)

        self._service_actions = (self.new_action, self.open_action, self.refresh_action,
                                 self.find_action, self.settings_action, self.ledger_action)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.refresh_action, self.settings_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _restore_state(self) -> None:
        self.resize(1280, 800)
        if geometry := self.preferences.bytes(Preferences.MAIN_GEOMETRY):
            self.restoreGeometry(geometry)
        if state := self.preferences.bytes(Preferences.MAIN_STATE):
            self.restoreState(state)
        if header := self.preferences.bytes(Preferences.CASE_HEADER):
            self.table.horizontalHeader().restoreState(header)

    # ---------------------------------------------------------------- list
    def update_title(self, settings: StationSettings) -> None:
        self.setWindowTitle(self.tr("Mediation Desk — {station}").format(
            station=settings.station_name))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.dashboard and (
                self.dashboard.stats is None or self._figures_stale):
            self._figures_stale = False
            self.dashboard.load()

    def _figures_changed(self) -> None:
        """A case was saved: the figures are read again when the dashboard is next seen
        (at once if it is on screen)."""
        self._figures_stale = True
        if self.tabs.currentWidget() is self.dashboard:
            self._tab_changed(self.tabs.currentIndex())

    def show_figure(self, selection: FigureSelection) -> None:
        """A figure clicked on the dashboard: the case list with exactly its disputes."""
        self.tabs.setCurrentIndex(0)
        self.filter_bar.set_figure(selection)

    def apply_filter(self, case_filter: CaseFilter) -> None:
        self.model.set_filter(case_filter)

    def refresh(self) -> None:
        """Read the list again (F5), and the day's visits and the figures with it."""
        self.model.reload()
        if self.services is not None:
            self.followups_view.load()
            self._figures_changed()

    def case_changed(self, dispute_id: int) -> None:
        """A case screen changed a dispute: redraw its row.  Under a filter it may no
        longer match (or newly match), so the list and its count are read again."""
        if self.model.case_filter == CaseFilter():
            self.model.refresh_rows([dispute_id])
            self._figures_changed()
            self.followups_view.load()
        else:
            self.refresh()

    def _followups_loaded(self, count: int) -> None:
        overdue = sum(1 for v in self.followups_view.visits if v.overdue_days > 0)
        title = self.tr("Follow-ups today ({count})").format(count=count)
        self.tabs.setTabText(1, title)
        self.tabs.setTabToolTip(1, self.tr("{count} visits due, {overdue} overdue").format(
            count=count, overdue=overdue))
        self.tabs.tabBar().setTabTextColor(1, QColor(RED) if overdue else QColor())

    def open_visit(self, dispute_id: int, visit_id: int) -> CaseDialog | None:
        """Open a case from the daily list; with a visit, start recording it."""
        dialog = self.open_case(dispute_id)
        if dialog is None or not visit_id:
            return dialog
        dialog.visits_panel.select_visit(visit_id)
        visit = next((v for v in dialog.detail.visits if v.id == visit_id), None)
        if visit is not None:
            dialog.record_visit(visit)
        return dialog

    def print_call_sheet(self, day, visits) -> None:  # type: ignore[no-untyped-def]
        """The day's call sheet, built on the worker and previewed for printing."""
        from mediation_desk.ui.document_preview import DocumentPreview

        documents = self.services.documents

        def done(pdf) -> None:  # type: ignore[no-untyped-def]
            self.call_sheet = DocumentPreview(
                pdf.content, title=pdf.title, file_name=f"回访单{day:%Y%m%d}.pdf", parent=self)
            self.call_sheet.show()

        self.tasks.run(lambda: documents.call_sheet(visits, day=day), on_success=done,
                       on_failure=lambda error: ui_errors.show_error(self, error))

    def _before_reset(self) -> None:
        self._keep_selected = self.selected_id()
        self._kept_row = self.table.currentIndex().row()

    def _after_reset(self) -> None:
        # The same dispute stays selected through a new filter, sort or refresh, if the
        # list still holds it no further down than it was (ids beyond the first page
        # are read as far as that row, no further).
        kept, self._keep_selected = self._keep_selected, None
        if kept is not None:
            self.select_id(kept, fetch=True, max_rows=max(self._kept_row + 1, 1))
        self._update_count()

    def _update_count(self) -> None:
        model = self.model
        if model.complete:
            self._show_count(model.case_filter, model.rowCount())
            return
        # Only a page of ids is loaded: the total is counted on the worker (a broad
        # search counts by scanning), and shown when it comes back.
        self.count_label.setText(self.tr("Counting…"))
        wanted = model.case_filter
        cases = self.services.cases
        self.tasks.run(lambda: cases.count(wanted),
                       on_success=lambda total: self._show_count(wanted, total),
                       on_failure=lambda error: ui_errors.log.warning("count failed: %s", error),
                       writes=False)

    def _show_count(self, case_filter: CaseFilter, total: int) -> None:
        if case_filter != self.model.case_filter:
            return  # a newer filter is on screen
        text = self.tr("%n dispute(s)", "", total)
        if case_filter != CaseFilter():
            text += self.tr(" (filtered)")
        self.count_label.setText(text)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(IdRole) if rows else None

    def select_id(self, dispute_id: int, *, fetch: bool = False, max_rows: int | None = None) -> bool:
        """Select a dispute's row; with `fetch`, read further pages to find it (while
        fewer than `max_rows` rows are loaded, if given)."""
        if not fetch:
            row = self.model.row_of_id(dispute_id)
        elif max_rows is None:
            row = self.model.load_until(dispute_id)
        else:
            row = self.model.load_until(dispute_id, max_rows=max_rows)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    # --------------------------------------------------------------- cases
    def _open_index(self, index: QModelIndex) -> None:
        dispute_id = index.data(IdRole)
        if dispute_id is not None:
            self.open_case(dispute_id)

    def open_selected(self) -> None:
        dispute_id = self.selected_id()
        if dispute_id is not None:
            self.open_case(dispute_id)

    def open_case(self, dispute_id: int) -> CaseDialog | None:
        existing = self.case_dialogs.get(dispute_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        if self.services is None:
            return None  # still opening the database (a double click on the first page)
        from mediation_desk.ui.case_view import CaseDialog

        try:
            detail = self.services.cases.detail(dispute_id)
        except DomainError as error:
            ui_errors.show_error(self, error)
            return None
        dialog = CaseDialog(detail, services=self.services, user_name=self.user_name,
                            preferences=self.preferences, tasks=self.tasks, parent=self)
        dialog.changed.connect(self.case_changed)
        self.case_dialogs[dispute_id] = dialog
        dialog.finished.connect(lambda _result: self.case_dialogs.pop(dispute_id, None))
        dialog.show()
        self.case_opened.emit(dialog)
        return dialog

    def new_dispute(self) -> IntakeDialog | None:
        if self.intake_dialog is not None:
            self.intake_dialog.raise_()
            self.intake_dialog.activateWindow()
            return self.intake_dialog
        from mediation_desk.ui.intake_dialog import IntakeDialog

        try:
            dialog = IntakeDialog(self.services, tasks=self.tasks, user_name=self.user_name,
                                  preferences=self.preferences, parent=self)
        except DomainError as error:  # the roster could not be read (locked, ...)
            ui_errors.show_error(self, error)
            return None
        self.intake_dialog = dialog
        dialog.accepted.connect(lambda: self._registered(dialog))
        dialog.finished.connect(lambda _result: self._intake_closed(dialog))
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def _intake_closed(self, dialog: IntakeDialog) -> None:
        if self.intake_dialog is dialog:
            self.intake_dialog = None
        dialog.deleteLater()

    def _registered(self, dialog: IntakeDialog) -> None:
        detail = dialog.detail
        if detail is None:
            return
        self.model.reload()
        self._figures_changed()
        if not self.select_id(detail.id, fetch=True):
            # The current filters hide the new case: show everything so it can be seen.
            self.filter_bar.clear()
            self.select_id(detail.id, fetch=True)
        self.statusBar().showMessage(
            self.tr("Registered {number}").format(number=detail.number), 8000)

    def _registered_from_screening(self, detail) -> None:  # type: ignore[no-untyped-def]
        self.model.reload()
        self._figures_changed()
        self.statusBar().showMessage(
            self.tr("Registered {number}").format(number=detail.number), 8000)

    def export_ledger(self) -> LedgerExportDialog:
        # Kept (not deleted on close) until the next one: a cancelled export still
        # reports back to it from the worker.
        from mediation_desk.ui.ledger_dialog import LedgerExportDialog

        dialog = LedgerExportDialog(self.services, tasks=self.tasks, parent=self)
        if self.ledger_dialog is not None:
            self.ledger_dialog.deleteLater()
        self.ledger_dialog = dialog
        dialog.exported.connect(lambda result: self.statusBar().showMessage(
            self.tr("Ledger exported to {path}").format(path=result.path), 8000))
        dialog.open()
        return dialog

    # ------------------------------------------------------------ settings
    def open_settings(self) -> SettingsDialog:
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return self.settings_dialog
        from mediation_desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, tasks=self.tasks, preferences=self.preferences,
                                parent=self)
        self.settings_dialog = dialog
        dialog.settings_saved.connect(self.update_title)
        dialog.roster_changed.connect(self.refresh)
        dialog.finished.connect(lambda _result: self._settings_closed(dialog))
        dialog.open()
        return dialog

    def _settings_closed(self, dialog: SettingsDialog) -> None:
        if self.settings_dialog is dialog:
            self.settings_dialog = None
        dialog.deleteLater()

    # ------------------------------------------------------------- closing
    def _unhandled(self, error: BaseException) -> None:
        if ui_errors.is_expected(error):
            ui_errors.show_error(self, error)
        else:
            ui_errors.report_unexpected(error, parent=self)

    def save_state(self) -> None:
        self.preferences.set_bytes(Preferences.MAIN_GEOMETRY, self.saveGeometry())
        self.preferences.set_bytes(Preferences.MAIN_STATE, self.saveState())
        self.preferences.set_bytes(Preferences.CASE_HEADER,
                                   self.table.horizontalHeader().saveState())
        self.preferences.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only a save in progress holds the window open; a count still running is
        # simply dropped (wait_for_done at exit lets the worker finish it).
        if self.tasks.busy_writing:
            self.statusBar().showMessage(self.tr("Still saving, please wait…"), 3000)
            event.ignore()
            return
        self.save_state()
        for dialog in list(self.case_dialogs.values()):
            dialog.close()
        super().closeEvent(event)


class _FirstPaint(QObject):
    """Emits `signal` after the first paint of `widget`, then stops watching."""

    def __init__(self, widget: QWidget, signal) -> None:  # type: ignore[no-untyped-def]
        super().__init__(widget)
        self._widget, self._signal = widget, signal
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._widget:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._signal.emit)  # after this paint has finished
        return False


class _NoCases:
    """The list's source before there is a database to read (an empty list)."""

    def list_ids(self, **_kwargs: object) -> list[int]:
        return []

    def rows(self, ids: Sequence[int]) -> list[CaseRow]:
        return []


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""
