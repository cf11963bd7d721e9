"""排查登记: the grid screening log on the main window (DOMAIN §10).

A date range and a grid narrow the list; the lines are read on the worker thread a page
at a time (`ScreeningTableModel`).  A line is added or corrected in `ScreeningDialog`,
and 转为案件 opens the intake dialog filled from the line: saving it registers the
dispute and links the line in one transaction (`ScreeningService.register_dispute`).
The main window is told through `case_registered` (to show the new case in its list)
and asked through `open_case_requested` to open a linked case.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.errors import DomainError
from mediation_desk.services.container import Services
from mediation_desk.services.dto import CaseDetail, ScreeningFilter, ScreeningView
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.intake_dialog import IntakeDialog
from mediation_desk.ui.preferences import Preferences
from mediation_desk.ui.screening_dialog import ScreeningDialog
from mediation_desk.ui.screening_table_model import Column, IdRole, ScreeningTableModel
from mediation_desk.ui.tasks import TaskRunner
from mediation_desk.ui.widgets import ERROR_COLOUR, DateLineEdit

PAGE_SIZE = 200
WIDTHS = {Column.FOUND_ON: 96, Column.GRID: 130, Column.GRID_WORKER: 80, Column.HOUSEHOLD: 110,
          Column.CONFLICT: 260, Column.RISK: 54, Column.ACTION: 200, Column.HANDED_TO: 120}


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


class ScreeningLog(QWidget):
    case_registered = Signal(object)  # CaseDetail
    open_case_requested = Signal(int)  # dispute id
    loaded = Signal(int)  # how many lines match

    def __init__(
        self,
        services: Services,
        *,
        tasks: TaskRunner,
        user_name: str,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screening_log")
        self._services = services
        self._tasks = tasks
        self._user_name = user_name
        self._preferences = preferences
        self.filter = ScreeningFilter()
        self.loaded_once = False
        self.entry_dialog: ScreeningDialog | None = None
        self.intake_dialog: IntakeDialog | None = None
        self._generation = 0
        self._keep_selected: int | None = None

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = services.clock().date()
        self.date_from = DateLineEdit(self)
        self.date_from.setObjectName("date_from")
        self.date_from.set_date(month_start(today))
        self.date_to = DateLineEdit(self)
        self.date_to.setObjectName("date_to")
        self.date_to.set_date(today)
        self.grid = QComboBox(self)
        self.grid.setObjectName("grid_filter")
        self.grid.setMinimumContentsLength(10)
        self.grid.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.open_only = QCheckBox(self.tr("Not yet a &case"), self)
        self.open_only.setObjectName("open_only")
        self.apply_button = QPushButton(self.tr("&Show"), self)
        self.apply_button.setObjectName("apply")
        for caption, widget in ((self.tr("Found &from"), self.date_from),
                                (self.tr("t&o"), self.date_to), (self.tr("Gr&id"), self.grid)):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(140)
            edit.returnPressed.connect(self.apply_filter)
            edit.date_picked.connect(self.apply_filter)
        self.grid.activated.connect(lambda _i: self.apply_filter())
        self.open_only.toggled.connect(lambda _checked: self.apply_filter())
        self.apply_button.clicked.connect(self.apply_filter)
        bar.addWidget(self.open_only)
        bar.addWidget(self.apply_button)
        self.filter_error = QLabel(self)
        self.filter_error.setObjectName("filter_error")
        self.filter_error.setStyleSheet(f"color: {ERROR_COLOUR};")
        bar.addWidget(self.filter_error)
        bar.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        bar.addWidget(self.summary)
        layout.addLayout(bar)

        self.model = ScreeningTableModel(self)
        self.model.more_wanted.connect(self._load_more)
        self.table = QTableView(self)
        self.table.setObjectName("screening_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setObjectName("add")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("edit")
        self.register_button = QPushButton(self.tr("&Register as dispute…"), self)
        self.register_button.setObjectName("register")
        self.register_button.setToolTip(
            self.tr("Open the intake form filled in from this entry; the new case keeps "
                    "the link"))
        self.open_case_button = QPushButton(self.tr("Open &linked case"), self)
        self.open_case_button.setObjectName("open_case")
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.register_button.clicked.connect(self.register_selected)
        self.open_case_button.clicked.connect(self.open_selected_case)
        buttons.addStretch(1)
        for button in (self.add_button, self.edit_button, self.register_button,
                       self.open_case_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded_once:  # read when first looked at, not at start-up
            self.apply_filter()

    # --------------------------------------------------------------- loading
    def _read_filter(self) -> ScreeningFilter | None:
        try:
            date_from, date_to = self.date_from.date(), self.date_to.date()
        except ValueError:
            self.filter_error.setText(self.tr("Not a date; type it as 2026-11-20"))
            return None
        if date_from and date_to and date_from > date_to:
            self.filter_error.setText(self.tr("The start date is after the end date"))
            return None
        self.filter_error.clear()
        return ScreeningFilter(date_from=date_from, date_to=date_to,
                               grid=self.grid.currentData() or "",
                               open_only=self.open_only.isChecked())

    def apply_filter(self) -> None:
        wanted = self._read_filter()
        if wanted is not None:
            self.load(wanted)

    def load(self, wanted: ScreeningFilter | None = None) -> None:
        """Read the first page (and the grids for the filter) on the worker thread."""
        self.loaded_once = True
        self.filter = wanted or self.filter
        self._generation += 1
        generation, current = self._generation, self.filter
        screening = self._services.screening
        self.summary.setText(self.tr("Reading…"))

        def work() -> tuple[list[ScreeningView], int, list[str]]:
            return (screening.list(current, limit=PAGE_SIZE), screening.count(current),
                    screening.grids())

        self._tasks.run(work, on_success=lambda result: self._show(generation, *result),
                        on_failure=self._failed, writes=False)

    def _load_more(self, offset: int) -> None:
        generation, current = self._generation, self.filter
        screening = self._services.screening
        self._tasks.run(lambda: screening.list(current, limit=PAGE_SIZE, offset=offset),
                        on_success=lambda rows: self._more(generation, offset, rows),
                        on_failure=self._failed, writes=False)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("The log could not be read"))
        ui_errors.show_error(self, error)

    def _show(self, generation: int, rows: list[ScreeningView], total: int,
              grids: list[str]) -> None:
        if generation != self._generation:
            return  # a newer filter was asked for meanwhile
        keep = self._keep_selected if self._keep_selected is not None else self.selected_id()
        self._keep_selected = None
        self._fill_grids(grids)
        self.model.set_rows(rows, total)
        self.summary.setText(self.tr("%n entry(s)", "", total))
        if keep is not None:
            self.select_id(keep)
        self._update_buttons()
        self.loaded.emit(total)

    def _more(self, generation: int, offset: int, rows: list[ScreeningView]) -> None:
        if generation == self._generation:
            self.model.append(offset, rows)

    def _fill_grids(self, grids: list[str]) -> None:
        chosen = self.grid.currentData() or ""
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.addItem(self.tr("All grids"), "")
        for name in grids:
            self.grid.addItem(name, name)
        index = self.grid.findData(chosen)
        self.grid.setCurrentIndex(max(index, 0))
        self.grid.blockSignals(False)

    # -------------------------------------------------------------- selection
    def selected(self) -> ScreeningView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.view(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(IdRole) if rows else None

    def select_id(self, entry_id: int) -> bool:
        row = self.model.row_of_id(entry_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        view = self.selected()
        busy = self.entry_dialog is not None or self.intake_dialog is not None
        self.add_button.setEnabled(not busy)
        self.edit_button.setEnabled(view is not None and not busy)
        self.register_button.setEnabled(view is not None and view.dispute_id is None and not busy)
        self.open_case_button.setEnabled(view is not None and view.dispute_id is not None)

    # ----------------------------------------------------------------- entries
    def add_entry(self) -> ScreeningDialog | None:
        return self._open_entry(None)

    def edit_selected(self) -> ScreeningDialog | None:
        view = self.selected()
        return self._open_entry(view) if view is not None else None

    def _open_entry(self, view: ScreeningView | None) -> ScreeningDialog | None:
        if self.entry_dialog is not None:
            self.entry_dialog.raise_()
            return self.entry_dialog
        try:
            dialog = ScreeningDialog(self._services, tasks=self._tasks,
                                     user_name=self._user_name, entry=view, parent=self)
        except DomainError as error:  # the roster could not be read
            ui_errors.show_error(self, error)
            return None
        self.entry_dialog = dialog
        dialog.accepted.connect(lambda: self._entry_saved(dialog))
        dialog.finished.connect(lambda _result: self._entry_closed(dialog))
        self._update_buttons()
        dialog.open()
        return dialog

    def _entry_saved(self, dialog: ScreeningDialog) -> None:
        if dialog.saved is not None:
            self._keep_selected = dialog.saved.id
            self.load()

    def _entry_closed(self, dialog: ScreeningDialog) -> None:
        if self.entry_dialog is dialog:
            self.entry_dialog = None
        dialog.deleteLater()
        self._update_buttons()

    # ------------------------------------------------------------ into a case
    def register_selected(self) -> IntakeDialog | None:
        view = self.selected()
        if view is None or view.dispute_id is not None:
            return None
        if self.intake_dialog is not None:
            self.intake_dialog.raise_()
            return self.intake_dialog
        screening = self._services.screening
        try:
            prefill = screening.prefill(view.id)
            dialog = IntakeDialog(
                self._services, tasks=self._tasks, user_name=self._user_name,
                preferences=self._preferences, prefill=prefill,
                register=lambda draft, by: screening.register_dispute(
                    entry_id=view.id, expected_row_version=view.row_version, draft=draft,
                    by=by),
                parent=self)
        except DomainError as error:
            ui_errors.show_error(self, error)
            return None
        dialog.setWindowTitle(self.tr("Register a dispute from the screening log"))
        self.intake_dialog = dialog
        dialog.accepted.connect(lambda: self._registered(view.id, dialog))
        dialog.finished.connect(lambda _result: self._intake_closed(dialog))
        self._update_buttons()
        dialog.open()
        return dialog

    def _registered(self, entry_id: int, dialog: IntakeDialog) -> None:
        detail: CaseDetail | None = dialog.detail
        if detail is None:
            return
        self._keep_selected = entry_id
        self.load()
        self.case_registered.emit(detail)

    def _intake_closed(self, dialog: IntakeDialog) -> None:
        if self.intake_dialog is dialog:
            self.intake_dialog = None
        dialog.deleteLater()
        self._update_buttons()

    def open_selected_case(self) -> None:
        view = self.selected()
        if view is not None and view.dispute_id is not None:
            self.open_case_requested.emit(view.dispute_id)

