"""名册与设置: the station's settings and the roster, in one tabbed dialog.

Station settings (names, the short name that goes into case numbers, the tier
thresholds) are saved with `SettingsService.save`, whose messages appear next to their
fields.  The roster is kept with `RosterService`: entries are added, edited and
deactivated, never deleted (old cases name them).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.case_numbers import format_case_number
from mediation_desk.domain.errors import ValidationErrors
from mediation_desk.domain.vocabulary import RosterRole
from mediation_desk.services.container import Services
from mediation_desk.services.dto import RosterEntry
from mediation_desk.services.settings import StationSettings
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.preferences import Preferences
from mediation_desk.ui.roster_entry_dialog import RosterEntryDialog
from mediation_desk.ui.roster_table_model import RosterColumn, RosterTableModel
from mediation_desk.ui.tasks import TaskRunner
from mediation_desk.ui.widgets import ErrorLine, FieldBox, ValueCombo, section_title

INT_FIELDS = ("tier3_side_size", "tier3_unpaid_workers", "tier2_parties", "mediation_target_days")
MONEY_FIELDS = ("tier3_amount", "tier2_amount")


class SettingsDialog(QDialog):
    settings_saved = Signal(object)  # StationSettings
    roster_changed = Signal()

    def __init__(
        self,
        services: Services,
        *,
        tasks: TaskRunner,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Roster and settings"))
        self._services = services
        self._tasks = tasks
        self._preferences = preferences
        self.entry_dialog: RosterEntryDialog | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._roster_tab(), self.tr("&Roster"))
        self.tabs.addTab(self._station_tab(), self.tr("S&tation"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load_station()
        self.reload_roster()
        self.resize(980, 640)
        if preferences is not None and (geometry := preferences.bytes(Preferences.SETTINGS_GEOMETRY)):
            self.restoreGeometry(geometry)

    # ---------------------------------------------------------------- station
    def _station_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.station_boxes: dict[str, FieldBox] = {}
        self.station_editors: dict[str, QWidget] = {}

        def add(grid: QGridLayout, key: str, caption: str, editor: QWidget,
                row: int, column: int, span: int = 1) -> None:
            editor.setObjectName(key)
            box = FieldBox(caption, editor, page, key=key)
            self.station_boxes[key] = box
            self.station_editors[key] = editor
            grid.addWidget(box, row, column, 1, span)

        def spin(maximum: int) -> QSpinBox:
            box = QSpinBox(page)
            box.setRange(0, maximum)
            return box

        layout.addWidget(section_title(self.tr("Station"), page))
        names = QGridLayout()
        add(names, "station_name", self.tr("Station &name"), QLineEdit(page), 0, 0)
        add(names, "station_short_name", self.tr("S&hort name (in case numbers)"),
            QLineEdit(page), 0, 1)
        add(names, "committee_name", self.tr("&Mediation committee"), QLineEdit(page), 1, 0, 2)
        layout.addLayout(names)
        self.number_preview = QLabel(page)
        self.number_preview.setObjectName("number_preview")
        layout.addWidget(self.number_preview)

        layout.addWidget(section_title(self.tr("Tier thresholds"), page))
        thresholds = QGridLayout()
        add(thresholds, "tier3_amount", self.tr("Tier 3 from an amount of (yuan)"),
            QLineEdit(page), 0, 0)
        add(thresholds, "tier3_side_size", self.tr("Tier 3 from people on one side"),
            spin(100_000), 0, 1)
        add(thresholds, "tier3_unpaid_workers", self.tr("Tier 3 from workers owed wages"),
            spin(100_000), 0, 2)
        add(thresholds, "tier2_amount", self.tr("Tier 2 from an amount of (yuan)"),
            QLineEdit(page), 1, 0)
        add(thresholds, "tier2_parties", self.tr("Tier 2 from number of parties"),
            spin(1000), 1, 1)
        add(thresholds, "mediation_target_days", self.tr("Mediation target (days)"),
            spin(3650), 1, 2)
        for column in range(3):
            thresholds.setColumnStretch(column, 1)
        layout.addLayout(thresholds)

        layout.addWidget(section_title(self.tr("Follow-ups and calendar"), page))
        clocks = QGridLayout()
        followup_days = QLineEdit(page)
        followup_days.setPlaceholderText("3, 30")
        add(clocks, "followup_days",
            self.tr("Visit after settling, days (the day after each performance deadline "
                    "is added)"), followup_days, 0, 0)
        overrides = QPlainTextEdit(page)
        overrides.setTabChangesFocus(True)
        overrides.setMaximumHeight(80)
        overrides.setPlaceholderText("2027-02-07 班\n2027-10-08 休")
        add(clocks, "calendar_overrides",
            self.tr("Calendar corrections, one per line: a date and 班 (working day) or 休 "
                    "(day off), for years the holiday calendar does not know yet"),
            overrides, 0, 1)
        clocks.setColumnStretch(1, 1)
        layout.addLayout(clocks)
        self.station_error = ErrorLine(page)
        layout.addWidget(self.station_error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.station_status = QLabel(page)
        row.addWidget(self.station_status)
        self.save_station_button = QPushButton(self.tr("&Save settings"), page)
        self.save_station_button.setObjectName("save_station")
        self.save_station_button.clicked.connect(self.save_station)
        row.addWidget(self.save_station_button)
        layout.addLayout(row)
        layout.addStretch(1)
        short_name: QLineEdit = self.station_editors["station_short_name"]  # type: ignore[assignment]
        short_name.textChanged.connect(self._update_preview)
        for box in self.station_boxes.values():
            box.connect_edited(lambda: self.station_status.setText(""))
        return page

    def load_station(self) -> None:
        self.set_station(self._services.settings.load())

    def set_station(self, settings: StationSettings) -> None:
        self._station = settings
        for key, editor in self.station_editors.items():
            value = getattr(settings, key)
            if isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif key == "followup_days":
                editor.setText(", ".join(str(d) for d in value))  # type: ignore[attr-defined]
            elif key == "calendar_overrides":
                editor.setPlainText("\n".join(value))  # type: ignore[attr-defined]
            elif isinstance(editor, QLineEdit):
                editor.setText(f"{value:f}" if isinstance(value, Decimal) else str(value))
        self._update_preview()

    def _update_preview(self) -> None:
        short = self.station_editors["station_short_name"].text().strip()  # type: ignore[attr-defined]
        year = self._services.clock().year
        self.number_preview.setText(
            self.tr("Case numbers will look like {example}").format(
                example=format_case_number(year, short or "…", 1)))

    def station_draft(self) -> tuple[StationSettings, dict[str, str]]:
        values: dict[str, object] = {}
        local: dict[str, str] = {}
        for key, editor in self.station_editors.items():
            if isinstance(editor, QSpinBox):
                values[key] = editor.value()
            elif key == "followup_days":
                parts = editor.text().replace("，", ",").replace("、", ",").split(",")  # type: ignore[attr-defined]
                try:
                    values[key] = tuple(int(p) for p in parts if p.strip())
                except ValueError:
                    local[key] = self.tr("Whole numbers of days, separated by commas: 3, 30")
            elif key == "calendar_overrides":
                values[key] = tuple(
                    line.strip() for line in editor.toPlainText().splitlines() if line.strip()  # type: ignore[attr-defined]
                )
            elif key in MONEY_FIELDS:
                text = editor.text().replace(",", "").strip()  # type: ignore[attr-defined]
                try:
                    values[key] = Decimal(text or "0")
                except InvalidOperation:
                    local[key] = self.tr("Not a number")
            else:
                values[key] = editor.text()  # type: ignore[attr-defined]
        return replace(self._station, **values), local

    def save_station(self) -> None:
        settings, local = self.station_draft()
        for box in self.station_boxes.values():
            box.clear_error()
        self.station_error.clear_error()
        if local:
            self._station_errors(local)
            return
        self.save_station_button.setEnabled(False)
        service = self._services.settings
        self._tasks.run(lambda: service.save(settings),
                        on_success=self._station_saved, on_failure=self._station_failed)

    def _station_saved(self, settings: StationSettings) -> None:
        self.save_station_button.setEnabled(True)
        self.set_station(settings)
        self.station_status.setText(self.tr("Saved."))
        self.settings_saved.emit(settings)

    def _station_failed(self, error: BaseException) -> None:
        self.save_station_button.setEnabled(True)
        if isinstance(error, ValidationErrors):
            self._station_errors(error.as_dict())
        else:
            ui_errors.show_error(self, error)

    def _station_errors(self, problems: dict[str, str]) -> None:
        first = None
        for key, message in problems.items():
            box = self.station_boxes.get(key)
            if box is None:
                self.station_error.set_error(message)
                continue
            box.set_error(message)
            first = first or box.editor
        if first is not None:
            self.tabs.setCurrentIndex(1)
            first.setFocus()

    # ----------------------------------------------------------------- roster
    def _roster_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        filters = QHBoxLayout()
        self.role_filter = ValueCombo(page)
        self.role_filter.setObjectName("role_filter")
        self.role_filter.add_value(self.tr("All roles"), None)
        for role in RosterRole:
            self.role_filter.add_value(role.label, role)
        label = QLabel(self.tr("Sho&w:"), page)
        label.setBuddy(self.role_filter)
        filters.addWidget(label)
        filters.addWidget(self.role_filter)
        self.show_inactive = QCheckBox(self.tr("Include &inactive"), page)
        self.show_inactive.setObjectName("show_inactive")
        self.show_inactive.setChecked(True)
        filters.addWidget(self.show_inactive)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.roster_model = RosterTableModel(page)
        self.roster_view = QTableView(page)
        self.roster_view.setObjectName("roster_table")
        self.roster_view.setModel(self.roster_model)
        self.roster_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roster_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roster_view.setAlternatingRowColors(True)
        self.roster_view.verticalHeader().setVisible(False)
        header = self.roster_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RosterColumn.ORGANISATION, QHeaderView.ResizeMode.Stretch)
        self.roster_view.activated.connect(lambda _index: self.edit_entry())
        layout.addWidget(self.roster_view, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"), page)
        self.add_button.setObjectName("add_member")
        self.edit_button = QPushButton(self.tr("&Edit…"), page)
        self.edit_button.setObjectName("edit_member")
        self.toggle_button = QPushButton(self.tr("&Deactivate"), page)
        self.toggle_button.setObjectName("toggle_member")
        for button in (self.add_button, self.edit_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_entry)
        self.toggle_button.clicked.connect(self.toggle_entry)
        self.role_filter.currentIndexChanged.connect(self.reload_roster)
        self.show_inactive.toggled.connect(self.reload_roster)
        self.roster_view.selectionModel().selectionChanged.connect(self._update_buttons)
        return page

    def reload_roster(self, select_id: int | None = None) -> None:
        if not isinstance(select_id, int) or isinstance(select_id, bool):
            select_id = self._selected_id()
        role = self.role_filter.value()
        entries = self._services.roster.list(
            roles={role} if role is not None else None,
            active_only=not self.show_inactive.isChecked(),
        )
        self.roster_model.set_entries(entries)
        if select_id is not None and (row := self.roster_model.row_of_id(select_id)) is not None:
            self.roster_view.selectRow(row)
        self._update_buttons()

    def _selected_id(self) -> int | None:
        entry = self.selected_entry()
        return entry.id if entry else None

    def selected_entry(self) -> RosterEntry | None:
        rows = self.roster_view.selectionModel().selectedRows()
        return self.roster_model.entry(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.edit_button.setEnabled(entry is not None)
        self.toggle_button.setEnabled(entry is not None)
        self.toggle_button.setText(
            self.tr("&Activate") if entry is not None and not entry.active
            else self.tr("&Deactivate"))

    def add_entry(self) -> None:
        role = self.role_filter.value() or RosterRole.MEDIATOR
        self._open_entry_dialog(RosterEntryDialog(
            self._services.roster, tasks=self._tasks, role=role, parent=self))

    def edit_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self._open_entry_dialog(RosterEntryDialog(
            self._services.roster, tasks=self._tasks, entry=entry, parent=self))

    def _open_entry_dialog(self, dialog: RosterEntryDialog) -> None:
        self.entry_dialog = dialog
        dialog.accepted.connect(lambda: self._entry_saved(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # window-modal, no nested event loop

    def _entry_saved(self, dialog: RosterEntryDialog) -> None:
        self.entry_dialog = None
        if dialog.entry is not None:
            self.reload_roster(select_id=dialog.entry.id)
            self.roster_changed.emit()

    def toggle_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        roster = self._services.roster
        self.toggle_button.setEnabled(False)
        self._tasks.run(lambda: roster.set_active(entry.id, not entry.active),
                        on_success=self._toggled, on_failure=self._toggle_failed)

    def _toggled(self, entry: RosterEntry) -> None:
        self.reload_roster(select_id=entry.id)
        self.roster_changed.emit()

    def _toggle_failed(self, error: BaseException) -> None:
        self._update_buttons()
        ui_errors.show_error(self, error)

    # ---------------------------------------------------------------- closing
    def done(self, result: int) -> None:
        if self._preferences is not None:
            self._preferences.set_bytes(Preferences.SETTINGS_GEOMETRY, self.saveGeometry())
        super().done(result)
