"""The case list's filter bar: state, tier, category, risk, date range and search.

It only turns what is chosen into a `CaseFilter` and says when that changes; the search
box waits for a short pause in typing (debounce) so a query does not run per keystroke.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.vocabulary import Category, DisputeState, RiskGrade, Tier
from mediation_desk.services.listing import CaseFilter, FigureSelection
from mediation_desk.ui.widgets import ValueCombo, risk_icon

SEARCH_DEBOUNCE_MS = 150


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


class CaseFilterBar(QWidget):
    changed = Signal(object)  # CaseFilter

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._last: CaseFilter | None = None
        rows = QVBoxLayout(self)
        rows.setContentsMargins(6, 4, 6, 4)
        rows.setSpacing(4)
        top = QHBoxLayout()
        layout = QHBoxLayout()
        rows.addLayout(top)
        rows.addLayout(layout)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search case number, name, ID number, phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)

        self.state = self._combo("state", self.tr("S&tate:"), layout,
                                 [(s.label, s) for s in DisputeState])
        self.tier = self._combo("tier", self.tr("T&ier:"), layout,
                                [(f"{t.short_label} {t.label}", t) for t in Tier])
        self.category = self._combo("category", self.tr("C&ategory:"), layout,
                                    [(c.label, c) for c in Category])
        self.risk = self._combo("risk", self.tr("&Risk:"), layout,
                                [(r.label, r) for r in RiskGrade])
        for index, grade in enumerate(RiskGrade, start=1):
            self.risk.setItemIcon(index, risk_icon(grade))
        self.red_alerts = QCheckBox(self.tr("Red a&lerts"), self)
        self.red_alerts.setObjectName("red_alerts")
        self.red_alerts.setIcon(risk_icon(RiskGrade.RED))
        self.red_alerts.setToolTip(
            self.tr("Only red-risk disputes whose duty leader has not been notified yet"))
        layout.addWidget(self.red_alerts)
        self.overdue = QCheckBox(self.tr("O&verdue"), self)
        self.overdue.setObjectName("overdue")
        self.overdue.setStyleSheet(f"QCheckBox {{ color: {RiskGrade.RED.colour}; }}")
        self.overdue.setToolTip(
            self.tr("Only disputes with a deadline past its date: a follow-up visit, a "
                    "performance deadline, the mediation target, a 治安调解 clock"))
        layout.addWidget(self.overdue)

        self.use_dates = QCheckBox(self.tr("Recei&ved"), self)
        self.use_dates.setObjectName("use_dates")
        self.use_dates.setToolTip(self.tr("Only disputes registered between these dates"))
        self.date_from = self._date_edit("date_from", dt.date(today.year, 1, 1))
        self.date_to = self._date_edit("date_to", today)
        layout.addWidget(self.use_dates)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.date_to)

        # A figure clicked on the dashboard: its disputes, until cleared.
        self.figure: FigureSelection | None = None
        self.figure_label = QLabel(self)
        self.figure_label.setObjectName("figure_label")
        self.figure_label.setStyleSheet(
            "QLabel { background: #e8f0fa; border: 1px solid #9db8dc; border-radius: 3px;"
            " padding: 1px 6px; }")
        self.figure_clear = QToolButton(self)
        self.figure_clear.setObjectName("figure_clear")
        self.figure_clear.setText("✕")
        self.figure_clear.setToolTip(self.tr("Stop showing only the disputes of this figure"))
        self.figure_clear.clicked.connect(lambda: self.set_figure(None))
        top.addWidget(self.figure_label)
        top.addWidget(self.figure_clear)
        self.figure_label.hide()
        self.figure_clear.hide()

        self.reset_button = QToolButton(self)
        self.reset_button.setObjectName("reset_filters")
        self.reset_button.setText(self.tr("Clear filters"))
        self.reset_button.setToolTip(self.tr("Show all disputes"))
        top.addWidget(self.reset_button)
        layout.addStretch(1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._emit_now)
        for combo in (self.state, self.tier, self.category, self.risk):
            combo.currentIndexChanged.connect(self._emit)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.red_alerts.toggled.connect(self._emit)
        self.overdue.toggled.connect(self._emit)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.reset_button.clicked.connect(self.clear)
        self._dates_toggled(False, emit=False)

    def _combo(self, name: str, caption: str, layout: QHBoxLayout,
               items: list[tuple[str, object]]) -> ValueCombo:
        combo = ValueCombo(self)
        combo.setObjectName(name)
        combo.add_value(self.tr("All"), None)
        for text, value in items:
            combo.add_value(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label = QLabel(caption, self)
        label.setBuddy(combo)
        layout.addWidget(label)
        layout.addWidget(combo)
        return combo

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _dates_toggled(self, on: bool, emit: bool = True) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if emit:
            self._emit()

    def _dates_changed(self) -> None:
        if self.use_dates.isChecked():
            self._emit()

    def current_filter(self) -> CaseFilter:
        def one(combo: ValueCombo) -> frozenset:
            value = combo.value()
            return frozenset() if value is None else frozenset({value})

        date_from = date_to = None
        if self.use_dates.isChecked():
            date_from = _pydate(self.date_from.date())
            date_to = _pydate(self.date_to.date())
        return CaseFilter(
            states=one(self.state),
            tiers=one(self.tier),
            categories=one(self.category),
            risks=one(self.risk),
            date_from=date_from,
            date_to=date_to,
            search=self.search.text().strip(),
            red_alerts_only=self.red_alerts.isChecked(),
            overdue_only=self.overdue.isChecked(),
            figure=self.figure,
        )

    def set_figure(self, selection: FigureSelection | None) -> None:
        """Show exactly the disputes of a dashboard figure (None: stop).  The other
        filters are cleared first, so the list holds what the figure counted."""
        if selection is not None:
            self.clear(emit=False)
        self.figure = selection
        shown = selection is not None
        self.figure_label.setText(
            self.tr("Figure: %1").replace("%1", selection.label) if selection else "")
        self.figure_label.setVisible(shown)
        self.figure_clear.setVisible(shown)
        self._emit()

    def is_filtered(self) -> bool:
        return self.current_filter() != CaseFilter()

    def _emit_now(self) -> None:
        self._debounce.stop()
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        current = self.current_filter()
        if current != self._last:
            self._last = current
            self.changed.emit(current)

    def clear(self, *, emit: bool = True) -> None:
        """Back to all disputes (one `changed` signal, not one per widget)."""
        widgets = (self.state, self.tier, self.category, self.risk, self.use_dates, self.search,
                   self.date_from, self.date_to, self.red_alerts, self.overdue)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for combo in (self.state, self.tier, self.category, self.risk):
                combo.setCurrentIndex(0)
            self.use_dates.setChecked(False)
            self.red_alerts.setChecked(False)
            self.overdue.setChecked(False)
            self.search.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.figure = None
        self.figure_label.hide()
        self.figure_clear.hide()
        self._dates_toggled(False, emit=False)
        if emit:
            self._emit()
