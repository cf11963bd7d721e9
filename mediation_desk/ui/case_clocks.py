"""The case screen's clocks and follow-up plan: countdowns (DOMAIN §9) and visits (§8).

`DeadlinesPanel` lists every clock of the case with its countdown, red once overdue,
and says when a date rests on a year the working calendar does not know yet.
`VisitsPanel` shows the follow-up plan and asks the case screen, through its signals,
to record, move, cancel or add a visit; the dialogs and service calls live there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
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

from mediation_desk.domain.deadlines import DeadlineKind
from mediation_desk.domain.followups import VisitStatus
from mediation_desk.domain.vocabulary import RiskGrade
from mediation_desk.services.dto import CaseDetail, DeadlineView, VisitView
from mediation_desk.ui.widgets import HINT_COLOUR, section_title

RED = RiskGrade.RED.colour
ORANGE = "#b35c00"
GREY = "#7a8594"

translate = QCoreApplication.translate


def deadline_colour(d: DeadlineView) -> str:
    if not d.open:
        return GREY
    if d.overdue:
        return RED
    if d.days_left < 0 or d.days_left <= 2:
        return ORANGE  # due soon, or past but only a warning already answered
    return "#1f2933"


def deadline_text(d: DeadlineView) -> str:
    guessed = translate("CaseClocks", " (estimate: the holiday calendar does not know this "
                                      "year yet)") if d.guessed else ""
    return f"{d.label}  {d.due:%Y-%m-%d}  {d.text}{guessed}"


class DeadlinesPanel(QWidget):
    """Every clock of the case, soonest first; finished ones greyed at the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlines")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)
        self.layout_.addWidget(section_title(self.tr("Deadlines"), self))
        self.lines: list[QLabel] = []
        self.empty = QLabel(self.tr("No clock is running on this case."), self)
        self.empty.setStyleSheet(f"color: {HINT_COLOUR};")
        self.layout_.addWidget(self.empty)

    def show_deadlines(self, detail: CaseDetail) -> None:
        for line in self.lines:
            line.deleteLater()
        self.lines = []
        ordered = sorted(detail.deadlines, key=lambda d: (not d.open, d.due))
        for d in ordered:
            line = QLabel(deadline_text(d), self)
            line.setObjectName(f"deadline_{d.kind.value}")
            line.setWordWrap(True)
            line.setToolTip(d.basis)
            weight = "bold" if d.overdue else "normal"
            line.setStyleSheet(f"color: {deadline_colour(d)}; font-weight: {weight};")
            self.layout_.addWidget(line)
            self.lines.append(line)
        self.empty.setVisible(not ordered)

    def texts(self) -> list[str]:
        return [line.text() for line in self.lines]


class VisitsPanel(QWidget):
    record_requested = Signal(object)  # VisitView
    move_requested = Signal(object)
    cancel_requested = Signal(object)
    add_requested = Signal()
    reopen_requested = Signal(object)  # a done visit that found a breach

    HEADERS = ("No.", "Due", "Why", "Status", "Visited", "Performance", "Notes")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visits_panel")
        self.visits: list[VisitView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = section_title(self.tr("Follow-up visits"), self)
        layout.addWidget(self.title)
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("visits")
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Due"), self.tr("Why"), self.tr("Status"),
            self.tr("Visited"), self.tr("Performance"), self.tr("Notes")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self._emit(self.record_requested))
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Record &visit…"), self)
        self.record_button.setObjectName("record_visit")
        self.record_button.clicked.connect(lambda: self._emit(self.record_requested))
        self.move_button = QPushButton(self.tr("Change &date…"), self)
        self.move_button.setObjectName("move_visit")
        self.move_button.clicked.connect(lambda: self._emit(self.move_requested))
        self.cancel_button = QPushButton(self.tr("Cancel visit…"), self)
        self.cancel_button.setObjectName("cancel_visit")
        self.cancel_button.clicked.connect(lambda: self._emit(self.cancel_requested))
        self.add_button = QPushButton(self.tr("Add visit…"), self)
        self.add_button.setObjectName("add_visit")
        self.add_button.clicked.connect(self.add_requested.emit)
        self.reopen_button = QPushButton(self.tr("Mediate again on this visit…"), self)
        self.reopen_button.setObjectName("reopen_from_visit")
        self.reopen_button.clicked.connect(self._reopen)
        for button in (self.record_button, self.move_button, self.cancel_button,
                       self.reopen_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self._can_act = False

    def show_visits(self, detail: CaseDetail, *, can_act: bool, can_add: bool | None = None) -> None:
        self._can_act = can_act
        labels = {}
        for agreement in detail.agreements:
            labels.update({t.key: f"第{t.position}项" for t in agreement.terms})
        self.visits = sorted(detail.visits, key=lambda v: v.seq)
        open_dates = {d.ref: d for d in detail.deadlines if d.kind is DeadlineKind.FOLLOWUP}
        self.table.setRowCount(len(self.visits))
        for r, v in enumerate(self.visits):
            status = v.status.label
            clock = open_dates.get(str(v.id))
            if v.status is VisitStatus.PLANNED and clock is not None:
                status += f"（{clock.text}）"
            performance = "；".join(f"{labels.get(k, '协议')}{how.label}" for k, how in v.performance.items())
            visited = f"{v.visited_on:%Y-%m-%d} {v.way.label}" if v.visited_on and v.way else ""
            notes = v.cancel_reason or v.reopen_grounds or v.move_reason or v.remarks
            cells = [f"第{v.seq}次", f"{v.due_on:%Y-%m-%d}", v.basis, status, visited, performance, notes]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if clock is not None and clock.overdue:
                    item.setForeground(QBrush(QColor(RED)))
                elif v.status is not VisitStatus.PLANNED:
                    item.setForeground(QBrush(QColor(GREY)))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        planned = sum(1 for v in self.visits if v.status is VisitStatus.PLANNED)
        self.title.setText(self.tr("Follow-up visits ({planned} planned of {total})").format(
            planned=planned, total=len(self.visits)))
        self.add_button.setVisible(can_act if can_add is None else can_add)
        first_planned = next((r for r, v in enumerate(self.visits) if v.status is VisitStatus.PLANNED), None)
        if first_planned is not None:
            self.table.selectRow(first_planned)
        self._update_buttons()
        self.setVisible(bool(self.visits) or can_act)

    def selected(self) -> VisitView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.visits[rows[0].row()]

    def select_visit(self, visit_id: int) -> None:
        for r, v in enumerate(self.visits):
            if v.id == visit_id:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        visit = self.selected()
        planned = visit is not None and visit.status is VisitStatus.PLANNED and self._can_act
        for button in (self.record_button, self.move_button, self.cancel_button):
            button.setEnabled(planned)
            button.setVisible(self._can_act)
        # A breach found earlier, when the mediator chose not to reopen yet.
        self.reopen_button.setVisible(
            self._can_act and visit is not None and bool(visit.reopen_grounds)
            and not visit.reopened)

    def _reopen(self) -> None:
        visit = self.selected()
        if visit is not None and visit.reopen_grounds and not visit.reopened:
            self.reopen_requested.emit(visit)

    def _emit(self, signal) -> None:  # type: ignore[no-untyped-def]
        visit = self.selected()
        if visit is not None and visit.status is VisitStatus.PLANNED and self._can_act:
            signal.emit(visit)

