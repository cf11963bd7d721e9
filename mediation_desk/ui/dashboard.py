"""统计: the station's figures for a date range (DOMAIN §10), with charts.

The figures are read on the worker thread (`StatsService.figures`); nothing here
computes one.  Every number is clickable: a click emits `drill` with the
`FigureSelection` behind it, and the main window opens the case list filtered to exactly
those disputes (the same condition the figure was counted with).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.figures import (
    BREAKDOWN_LABELS,
    BREAKDOWNS,
    FIGURE_LABELS,
    breakdown_key_label,
    previous_month,
)
from mediation_desk.services.container import Services
from mediation_desk.services.dto import Figures, FigureSelection, Stats
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.case_clocks import RED
from mediation_desk.ui.document_preview import DocumentPreview
from mediation_desk.ui.tasks import TaskRunner
from mediation_desk.ui.widgets import HINT_COLOUR, DateLineEdit

# The cards, in reading order: (figure, where its number comes from).
CARDS = (
    "received", "mediated", "settled", "failed", "success_rate", "declined", "withdrawn",
    "referred", "performed", "judicial", "criminal", "group_prevented", "recurrences",
    "followups_due", "followups_done", "followups_overdue", "amount",
)
# Columns of the breakdown table.
TABLE_FIGURES = ("received", "mediated", "settled", "failed", "success_rate", "declined",
                 "withdrawn", "referred", "performed", "amount")
# Bars per breakdown row, and their colours.
BARS = (("received", "#4a78b5"), ("settled", "#3f9a5b"), ("failed", "#c0504d"))
OUTCOMES = (("settled", "#3f9a5b"), ("failed", "#c0504d"), ("declined", "#9e9e9e"),
            ("withdrawn", "#d9a441"))
NOT_A_DRILL = ("success_rate", "amount")
# Figures that count visits or moves, not disputes: their drill-down lists the disputes
# they concern, and says so.
COUNTS_EVENTS = ("followups_due", "followups_done", "followups_overdue", "escalations")
CARD_STYLE = ("QToolButton { border: 1px solid #c9d2dc; border-radius: 4px; "
              "background: #f7f9fb; padding: 4px; }"
              "QToolButton:hover { background: #e8f0fa; }")


def figure_text(figures: Figures | Stats, name: str) -> str:
    """A figure as the dashboard shows it."""
    if isinstance(figures, Stats):
        if name in ("recurrences", "followups_due", "followups_done", "followups_overdue"):
            return f"{getattr(figures, name):,}"
        return figures.totals.text(name)
    return figures.text(name)


class MonthlyReportDialog(QDialog):
    """The month of the report and the leader's analysis (empty: a box to write in)."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthly_report_dialog")
        self.setWindowTitle(self.tr("Monthly analysis report"))
        form = QFormLayout(self)
        self.month_edit = QDateEdit(self)
        self.month_edit.setObjectName("month")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(False)
        last = previous_month(today.replace(day=1))[0] if today.day < 10 else today
        self.month_edit.setDate(QDate(last.year, last.month, 1))
        self.month_edit.setMaximumDate(QDate(today.year, today.month, 1))
        form.addRow(self.tr("&Month:"), self.month_edit)
        self.analysis_edit = QPlainTextEdit(self)
        self.analysis_edit.setObjectName("analysis")
        self.analysis_edit.setPlaceholderText(
            self.tr("The leader's analysis and next steps; leave empty to write by hand"))
        self.analysis_edit.setMinimumSize(460, 160)
        form.addRow(self.tr("&Analysis:"), self.analysis_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Make PDF"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def month(self) -> str:
        date = self.month_edit.date()
        return f"{date.year()}-{date.month():02d}"

    def analysis(self) -> str:
        return self.analysis_edit.toPlainText().strip()


class Dashboard(QWidget):
    drill = Signal(object)  # FigureSelection
    loaded = Signal(object)  # Stats
    report_ready = Signal(object)  # RenderedPdf

    def __init__(self, services: Services, *, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._services = services
        self._tasks = tasks
        self.stats: Stats | None = None
        self._pending = 0
        today = services.clock().date()

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From"), self))
        self.date_from = DateLineEdit(self)
        self.date_from.setObjectName("date_from")
        self.date_from.setMaximumWidth(150)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("to"), self))
        self.date_to = DateLineEdit(self)
        self.date_to.setObjectName("date_to")
        self.date_to.setMaximumWidth(150)
        bar.addWidget(self.date_to)
        for edit in (self.date_from, self.date_to):
            edit.returnPressed.connect(self.load)
            edit.date_picked.connect(self.load)
        self.presets: dict[str, QPushButton] = {}
        for key, text in (("month", self.tr("This month")), ("last_month", self.tr("Last month")),
                          ("year", self.tr("This year")), ("three_years", self.tr("Last 3 years"))):
            button = QPushButton(text, self)
            button.setObjectName(f"preset_{key}")
            button.clicked.connect(lambda _=False, k=key: self.set_preset(k))
            bar.addWidget(button)
            self.presets[key] = button
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Break down by"), self))
        self.breakdown = QComboBox(self)
        self.breakdown.setObjectName("breakdown")
        for name in BREAKDOWNS:
            self.breakdown.addItem(BREAKDOWN_LABELS[name], name)
        self.breakdown.currentIndexChanged.connect(self._show_breakdown)
        bar.addWidget(self.breakdown)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        bar.addWidget(self.status)
        bar.addStretch(1)
        self.report_button = QPushButton(self.tr("&Monthly report…"), self)
        self.report_button.setObjectName("monthly_report")
        self.report_button.setToolTip(
            self.tr("The monthly analysis report (矛盾纠纷分析研判报告) as PDF, to print"))
        self.report_button.clicked.connect(self.monthly_report)
        bar.addWidget(self.report_button)
        layout.addLayout(bar)

        hint = QLabel(self.tr("Click a figure, a row or a bar to list its disputes."), self)
        hint.setStyleSheet(f"color: {HINT_COLOUR};")
        layout.addWidget(hint)

        cards = QGridLayout()
        cards.setSpacing(6)
        self.cards: dict[str, QToolButton] = {}
        for index, name in enumerate(CARDS):
            card = QToolButton(self)
            card.setObjectName(f"card_{name}")
            card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            card.setMinimumHeight(44)
            card.setAutoRaise(False)
            card.setStyleSheet(CARD_STYLE)
            if name in NOT_A_DRILL:
                card.setEnabled(True)
                card.setCursor(Qt.CursorShape.ArrowCursor)
            else:
                card.setCursor(Qt.CursorShape.PointingHandCursor)
                card.clicked.connect(lambda _=False, n=name: self.drill_figure(n))
            cards.addWidget(card, index // 9, index % 9)
            self.cards[name] = card
        layout.addLayout(cards)

        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QSplitter(Qt.Orientation.Horizontal, split)
        self.table = QTableWidget(0, len(TABLE_FIGURES) + 1, top)
        self.table.setObjectName("breakdown_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        # Clicked only (not also activated): a double click must not drill twice.
        self.table.cellClicked.connect(self._table_clicked)
        self.table.setToolTip(self.tr("Click a number to list those disputes"))
        self.bar_chart = QChart()
        self.bar_chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.bar_chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.bar_chart.setMargins(QMargins(4, 4, 4, 4))
        self.bar_view = QChartView(self.bar_chart, top)
        self.bar_view.setObjectName("bar_chart")
        self.bar_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.bar_view.setMinimumHeight(120)
        top.addWidget(self.table)
        top.addWidget(self.bar_view)
        top.setSizes([520, 600])

        bottom = QSplitter(Qt.Orientation.Horizontal, split)
        self.escalations = QTableWidget(0, 2, bottom)
        self.escalations.setObjectName("escalations")
        self.escalations.setHorizontalHeaderLabels([self.tr("Tier move"), self.tr("Moves")])
        self.escalations.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.escalations.verticalHeader().setVisible(False)
        self.escalations.horizontalHeader().setStretchLastSection(True)
        self.escalations.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)  # "第1层级 → 第2层级" in full
        self.escalations.cellClicked.connect(self._escalation_clicked)
        self.pie_chart = QChart()
        self.pie_chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.pie_chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.pie_chart.setMargins(QMargins(4, 4, 4, 4))
        self.pie_view = QChartView(self.pie_chart, bottom)
        self.pie_view.setObjectName("pie_chart")
        self.pie_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.pie_view.setMinimumHeight(100)
        bottom.addWidget(self.escalations)
        bottom.addWidget(self.pie_view)
        bottom.setSizes([300, 800])
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([380, 240])
        layout.addWidget(split, 1)

        self._set_range(today.replace(day=1), today)

    # ----------------------------------------------------------------- range
    def _set_range(self, first: dt.date, last: dt.date) -> None:
        self.date_from.set_date(first)
        self.date_to.set_date(last)

    def set_preset(self, key: str) -> None:
        today = self._services.clock().date()
        if key == "month":
            first, last = today.replace(day=1), today
        elif key == "last_month":
            first, last = previous_month(today.replace(day=1))
        elif key == "year":
            first, last = today.replace(month=1, day=1), today
        else:  # the last three years, to the day
            first = dt.date(today.year - 3, today.month, 1) + dt.timedelta(days=today.day)
            last = today
        self._set_range(first, last)
        self.load()

    def current_range(self) -> tuple[dt.date, dt.date] | None:
        """The range typed, or None after telling the user what is wrong with it."""
        try:
            first, last = self.date_from.date(), self.date_to.date()
        except ValueError:
            self._error(self.tr("Not a date; type it as 2026-11-20"))
            return None
        if first is None or last is None:
            self._error(self.tr("Fill in both dates"))
            return None
        if last < first:
            self._error(self.tr("The end date is before the start date"))
            return None
        return first, last

    def _error(self, text: str) -> None:
        self.status.setStyleSheet(f"color: {RED};")
        self.status.setText(text)

    # --------------------------------------------------------------- loading
    def load(self) -> None:
        """Read the figures for the range on the worker thread; the window stays live."""
        wanted = self.current_range()
        if wanted is None:
            return
        self._pending += 1
        ticket = self._pending
        self.status.setStyleSheet(f"color: {HINT_COLOUR};")
        self.status.setText(self.tr("Counting…"))
        stats = self._services.stats
        self._tasks.run(lambda: stats.figures(*wanted),
                        on_success=lambda result: self._loaded(ticket, result),
                        on_failure=self._failed, writes=False)

    def _failed(self, error: BaseException) -> None:
        self._error(self.tr("The figures could not be read: %1").replace("%1", str(error)))

    def _loaded(self, ticket: int, stats: Stats) -> None:
        if ticket != self._pending:
            return  # a newer range was asked for meanwhile
        self.stats = stats
        self.status.setText(self.tr("%1 to %2").replace("%1", f"{stats.date_from}")
                            .replace("%2", f"{stats.date_to}"))
        for name, card in self.cards.items():
            card.setText(f"{FIGURE_LABELS[name]}\n{figure_text(stats, name)}")
            if name == "success_rate":
                card.setToolTip(self.tr("Settled ÷ (settled + failed), among the disputes "
                                        "whose mediation ended in the range"))
            elif name not in NOT_A_DRILL:
                card.setToolTip(self.tr("List these disputes"))
        self.cards["followups_overdue"].setStyleSheet(
            CARD_STYLE + (f"QToolButton {{ color: {RED}; }}" if stats.followups_overdue else ""))
        self._show_breakdown()
        self._show_escalations()
        self._show_outcomes()
        self.loaded.emit(stats)

    # -------------------------------------------------------------- showing
    def breakdown_name(self) -> str:
        return str(self.breakdown.currentData())

    def _show_breakdown(self) -> None:
        if self.stats is None:
            return
        name = self.breakdown_name()
        rows = self.stats.breakdowns[name]
        self.table.clear()
        self.table.setColumnCount(len(TABLE_FIGURES) + 1)
        self.table.setHorizontalHeaderLabels(
            [BREAKDOWN_LABELS[name], *[FIGURE_LABELS[f] for f in TABLE_FIGURES]])
        self.table.setRowCount(len(rows))
        self._row_keys: list[tuple[str, str]] = []
        for row, (shown, figures) in enumerate(rows.items()):
            label = breakdown_key_label(name, shown)
            self._row_keys.append((label, figures.key))
            self.table.setItem(row, 0, QTableWidgetItem(label))
            for column, figure in enumerate(TABLE_FIGURES, start=1):
                item = QTableWidgetItem(figure_text(figures, figure))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if figure not in NOT_A_DRILL:
                    item.setForeground(QColor("#1f5fa8"))
                self.table.setItem(row, column, item)
        self._fill_bars(name, rows)

    def _fill_bars(self, name: str, rows: dict[str, Figures]) -> None:
        chart = self.bar_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(self.tr("By %1").replace("%1", BREAKDOWN_LABELS[name]))
        series = QBarSeries()
        labels = [label for label, _key in self._row_keys]
        highest = 0
        for figure, colour in BARS:
            bar_set = QBarSet(FIGURE_LABELS[figure])
            bar_set.setColor(QColor(colour))
            values = [getattr(f, figure) for f in rows.values()]
            highest = max([highest, *values])
            bar_set.append([float(v) for v in values])
            bar_set.clicked.connect(lambda index, f=figure: self._bar_clicked(f, index))
            series.append(bar_set)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        if len(labels) > 6:
            # Fifteen categories do not fit side by side: slanted, in a smaller font.
            x_axis.setLabelsAngle(-60)
            font = x_axis.labelsFont()
            font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
            x_axis.setLabelsFont(font)
        y_axis = QValueAxis()
        y_axis.setRange(0, max(1, highest))
        y_axis.setLabelFormat("%d")
        y_axis.applyNiceNumbers()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)

    def _show_escalations(self) -> None:
        assert self.stats is not None
        pairs = list(self.stats.escalations.items())
        self.escalations.setRowCount(len(pairs))
        for row, (pair, count) in enumerate(pairs):
            low, high = pair.split("→")
            text = self.tr("Tier %1 → tier %2").replace("%1", low).replace("%2", high)
            self.escalations.setItem(row, 0, QTableWidgetItem(text))
            item = QTableWidgetItem(f"{count:,}")
            item.setForeground(QColor("#1f5fa8"))
            self.escalations.setItem(row, 1, item)
        self._pairs = [pair for pair, _ in pairs]

    def _show_outcomes(self) -> None:
        assert self.stats is not None
        chart = self.pie_chart
        chart.removeAllSeries()
        chart.setTitle(self.tr("How mediations ended"))
        series = QPieSeries()
        totals = self.stats.totals
        for figure, colour in OUTCOMES:
            value = getattr(totals, figure)
            if not value:
                continue
            pie_slice = series.append(f"{FIGURE_LABELS[figure]} {value:,}", float(value))
            pie_slice.setColor(QColor(colour))
            pie_slice.setLabelVisible(True)
            pie_slice.clicked.connect(lambda f=figure: self.drill_figure(f))
        chart.addSeries(series)

    # --------------------------------------------------------- monthly report
    def monthly_report(self) -> MonthlyReportDialog:
        """Ask for the month and the leader's analysis; build the PDF on the worker and
        preview it for printing."""
        dialog = MonthlyReportDialog(self._services.clock().date(), parent=self)
        dialog.accepted.connect(lambda: self._build_report(dialog.month(), dialog.analysis()))
        dialog.open()
        self.report_dialog = dialog
        return dialog

    def _build_report(self, month: str, analysis: str) -> None:
        stats, documents = self._services.stats, self._services.documents
        self.status.setStyleSheet(f"color: {HINT_COLOUR};")
        self.status.setText(self.tr("Preparing the report…"))

        def done(pdf) -> None:  # type: ignore[no-untyped-def]
            self.status.setText("")
            self.report_preview = DocumentPreview(
                pdf.content, title=pdf.title, file_name=f"矛盾纠纷分析研判报告{month}.pdf",
                parent=self)
            self.report_preview.show()
            self.report_ready.emit(pdf)

        def failed(error: BaseException) -> None:
            self.status.setText("")
            ui_errors.show_error(self, error)

        self._tasks.run(
            lambda: documents.monthly_report(stats.monthly_report(month, analysis=analysis)),
            on_success=done, on_failure=failed, writes=False)

    # -------------------------------------------------------------- drilling
    def _selection(self, figure: str, **kw: object) -> FigureSelection | None:
        if self.stats is None:
            return None
        return FigureSelection(figure=figure, date_from=self.stats.date_from,
                               date_to=self.stats.date_to, **kw)  # type: ignore[arg-type]

    def drill_figure(self, figure: str) -> None:
        label = f"{FIGURE_LABELS[figure]}（{self._range_text()}）"
        if figure in COUNTS_EVENTS:
            label += self.tr(", the disputes concerned")
        selection = self._selection(figure, label=label)
        if selection is not None:
            self.drill.emit(selection)

    def drill_row(self, row: int, figure: str) -> None:
        if self.stats is None or figure in NOT_A_DRILL or row >= len(self._row_keys):
            return
        name = self.breakdown_name()
        shown, key = self._row_keys[row]
        label = f"{FIGURE_LABELS[figure]}，{BREAKDOWN_LABELS[name]}：{shown}（{self._range_text()}）"
        selection = self._selection(figure, breakdown=name, key=key, label=label)
        if selection is not None:
            self.drill.emit(selection)

    def _table_clicked(self, row: int, column: int) -> None:
        figure = TABLE_FIGURES[column - 1] if column > 0 else "received"
        self.drill_row(row, figure)

    def _bar_clicked(self, figure: str, index: int) -> None:
        self.drill_row(index, figure)

    def _escalation_clicked(self, row: int, _column: int) -> None:
        if self.stats is None or row >= len(self._pairs):
            return
        pair = self._pairs[row]
        low, high = pair.split("→")
        label = self.tr("Tier %1 → tier %2").replace("%1", low).replace("%2", high)
        selection = self._selection(
            "escalations", pair=pair,
            label=f"{label}（{self._range_text()}）" + self.tr(", the disputes concerned"))
        if selection is not None:
            self.drill.emit(selection)

    def _range_text(self) -> str:
        assert self.stats is not None
        return f"{self.stats.date_from} 至 {self.stats.date_to}"
