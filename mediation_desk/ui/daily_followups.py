"""今日回访: the daily follow-up list on the main window (DOMAIN §8).

The visits due on the chosen day and every one still overdue, with the parties' phones
in full (it is the mediator's working list), the agreement's terms and the case's other
clocks.  The list is read on the worker thread; recording a visit opens the case screen
at that visit, so the record, its rules and the reopen question live in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.services.container import Services
from mediation_desk.services.dto import DueVisit
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.case_clocks import RED
from mediation_desk.ui.tasks import TaskRunner
from mediation_desk.ui.widgets import HINT_COLOUR, DateLineEdit


def contacts_text(visit: DueVisit) -> str:
    lines = []
    for p in visit.parties:
        extra = [x for x in (p.agent_phone, p.guardian_phone) if x]
        phones = " / ".join([p.phone, *extra]) if p.phone else " / ".join(extra)
        lines.append(f"{p.name}（{p.side.label}）{phones}")
    return "\n".join(lines)


def terms_text(visit: DueVisit) -> str:
    lines = []
    for t in visit.terms:
        due = f"，{t.deadline:%m-%d}前" if t.deadline else ""
        lines.append(f"{t.label}{due}")
    return "\n".join(lines)


def clocks_text(visit: DueVisit) -> str:
    return "\n".join(f"{d.label}：{d.text}" for d in visit.deadlines)


class DailyFollowUps(QWidget):
    """The list; `open_visit(dispute_id, visit_id)` is asked of the main window."""

    loaded = Signal(int)  # how many visits are listed
    print_requested = Signal(object, object)  # (day, visits)

    HEADERS = ("Case", "Visit", "Due", "Parties and phones", "Agreement terms",
               "Other deadlines", "Mediator")

    def __init__(
        self,
        services: Services,
        *,
        tasks: TaskRunner,
        open_visit: Callable[[int, int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("daily_followups")
        self._services = services
        self._tasks = tasks
        self._open_visit = open_visit
        self.visits: list[DueVisit] = []
        self.day = services.clock().date()

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Visits due on or before"), self))
        self.date_edit = DateLineEdit(self)
        self.date_edit.setObjectName("day")
        self.date_edit.set_date(self.day)
        self.date_edit.setMaximumWidth(150)
        self.date_edit.returnPressed.connect(self._date_typed)
        self.date_edit.date_picked.connect(self._date_typed)
        bar.addWidget(self.date_edit)
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.today_button.clicked.connect(lambda: self.load(self._services.clock().date()))
        bar.addWidget(self.today_button)
        self.date_error = QLabel(self)
        self.date_error.setStyleSheet(f"color: {RED};")
        bar.addWidget(self.date_error)
        bar.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        bar.addWidget(self.summary)
        layout.addLayout(bar)

        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("due_visits")
        self.table.setHorizontalHeaderLabels([
            self.tr("Case"), self.tr("Visit"), self.tr("Due"), self.tr("Parties and phones"),
            self.tr("Agreement terms"), self.tr("Other deadlines"), self.tr("Mediator")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _i: self.record_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.record_button = QPushButton(self.tr("&Record visit…"), self)
        self.record_button.setObjectName("record_selected")
        self.record_button.clicked.connect(self.record_selected)
        self.open_button = QPushButton(self.tr("&Open case"), self)
        self.open_button.setObjectName("open_selected")
        self.open_button.clicked.connect(self.open_selected)
        self.print_button = QPushButton(self.tr("&Print call sheet…"), self)
        self.print_button.setObjectName("print_sheet")
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.day, list(self.visits)))
        self.empty = QLabel(self.tr("No visit is due. "), self)
        self.empty.setStyleSheet(f"color: {HINT_COLOUR};")
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        for button in (self.record_button, self.open_button, self.print_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._update_buttons()

    # --------------------------------------------------------------- loading
    def _date_typed(self) -> None:
        try:
            day = self.date_edit.date()
        except ValueError:
            self.date_error.setText(self.tr("Not a date; type it as 2026-11-20"))
            return
        self.date_error.clear()
        self.load(day or self._services.clock().date())

    def load(self, day: dt.date | None = None) -> None:
        """Read the list for `day` (default: the day shown) on the worker thread."""
        self.day = day or self.day
        self.date_edit.set_date(self.day)
        followups = self._services.followups
        wanted = self.day
        self.summary.setText(self.tr("Reading…"))
        self._tasks.run(lambda: followups.due(wanted),
                        on_success=lambda visits: self._show(wanted, visits),
                        on_failure=self._failed, writes=False)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("The list could not be read"))
        ui_errors.show_error(self, error)

    def _show(self, day: dt.date, visits: list[DueVisit]) -> None:
        if day != self.day:
            return  # a newer day was asked for meanwhile
        selected = self.selected()
        self.visits = list(visits)
        table = self.table
        table.setRowCount(len(self.visits))
        for r, v in enumerate(self.visits):
            late = (self.tr("{n} days overdue").format(n=v.overdue_days)
                    if v.overdue_days > 0 else self.tr("due today"))
            cells = [
                f"{v.case_number}\n{v.category.label} · {v.risk.label}",
                f"第{v.seq}次\n{v.basis}",
                f"{v.due:%Y-%m-%d}\n{late}",
                contacts_text(v),
                terms_text(v),
                clocks_text(v),
                v.mediator,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.visit_id)
                if v.overdue_days > 0 and c in (0, 2):
                    item.setForeground(QBrush(QColor(RED)))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, min(header.sectionSize(column), 320))
        overdue = sum(1 for v in self.visits if v.overdue_days > 0)
        self.summary.setText(self.tr("{total} to visit, {overdue} overdue").format(
            total=len(self.visits), overdue=overdue))
        self.empty.setVisible(not self.visits)
        if selected is not None:
            self.select_visit(selected.visit_id)
        elif self.visits:
            table.selectRow(0)
        self._update_buttons()
        self.loaded.emit(len(self.visits))

    # --------------------------------------------------------------- acting
    def selected(self) -> DueVisit | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.visits):
            return None
        return self.visits[rows[0].row()]

    def select_visit(self, visit_id: int) -> None:
        for r, v in enumerate(self.visits):
            if v.visit_id == visit_id:
                self.table.selectRow(r)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.record_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)
        self.print_button.setEnabled(bool(self.visits))

    def record_selected(self) -> object:
        visit = self.selected()
        if visit is None:
            return None
        return self._open_visit(visit.dispute_id, visit.visit_id)

    def open_selected(self) -> object:
        visit = self.selected()
        if visit is None:
            return None
        return self._open_visit(visit.dispute_id, 0)
