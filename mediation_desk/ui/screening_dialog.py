"""One line of the grid screening log (排查登记): add it or correct it.

The dialog collects a `ScreeningDraft` and hands it to `ScreeningService.add` / `update`
on the worker thread; the rules live in `domain.screening`.  Each problem the service
reports is shown under its field, the first bad field gets the focus, and what was typed
stays.  The grid worker is picked from the roster (active grid workers; a line already
naming someone who has since left keeps them).

Keyboard: Tab walks the form, Enter in a one-line field moves to the next one, Ctrl+Enter
saves, Esc cancels (asking first if something was typed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.errors import ValidationErrors
from mediation_desk.domain.screening import ScreeningDraft, validate_screening
from mediation_desk.domain.vocabulary import Category, RiskGrade, RosterRole
from mediation_desk.services.container import Services
from mediation_desk.services.dto import ScreeningView
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.labels import none_choice
from mediation_desk.ui.tasks import TaskRunner
from mediation_desk.ui.widgets import DateLineEdit, ErrorLine, FieldBox, ValueCombo, risk_icon

# Where a hidden conflict is usually handed over to; any other text may be typed.
RECEIVERS = ("派出所调解室", "社区民警", "村(居)委会调委会", "司法所", "综合执法", "街道(乡镇)综治中心")


class ScreeningDialog(QDialog):
    def __init__(
        self,
        services: Services,
        *,
        tasks: TaskRunner,
        user_name: str,
        entry: ScreeningView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screening_dialog")
        self._services = services
        self._tasks = tasks
        self._user_name = user_name
        self.entry = entry  # the line being corrected; None for a new one
        self.saved: ScreeningView | None = None
        self._saving = False
        self.boxes: dict[str, FieldBox] = {}
        self.setWindowTitle(self.tr("Correct a screening entry") if entry
                            else self.tr("New screening entry"))

        outer = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.found_on = DateLineEdit(self)
        self.grid = QComboBox(self)
        self.grid.setEditable(True)
        self.grid.addItem("")
        self.grid.addItems(services.screening.grids())
        self.grid_worker = ValueCombo(self)
        self.grid_worker.add_value(self.tr("Choose…"), None)
        self._grids_of_workers: dict[int, str] = {}
        for worker in services.roster.list(roles={RosterRole.GRID_WORKER}, active_only=True):
            self.grid_worker.add_value(
                f"{worker.name}（{worker.grid}）" if worker.grid else worker.name,
                (worker.id, worker.name))
            self._grids_of_workers[worker.id] = worker.grid
        self.grid_worker.activated.connect(self._worker_chosen)
        self.household = QLineEdit(self)
        self.household.setPlaceholderText(self.tr("Head of household, or the door number"))
        self.address = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.conflict = self._text_edit(70)
        self.category = ValueCombo(self)
        self.category.add_value(none_choice(), None)
        for category in Category:
            self.category.add_value(category.label, category)
        self.risk = ValueCombo(self)
        self.risk.add_value(self.tr("Choose…"), None)
        for grade in RiskGrade:
            self.risk.add_value(grade.label, grade, risk_icon(grade))
        self.action = self._text_edit(54)
        self.handed_to = QComboBox(self)
        self.handed_to.setEditable(True)
        self.handed_to.addItem("")
        self.handed_to.addItems(RECEIVERS)
        self.remarks = QLineEdit(self)
        layout = (
            ("found_on", self.tr("&Found on"), self.found_on, 0, 0, 1),
            ("grid", self.tr("&Grid"), self.grid, 0, 1, 1),
            ("grid_worker", self.tr("Grid &worker"), self.grid_worker, 0, 2, 1),
            ("household", self.tr("&Household"), self.household, 1, 0, 1),
            ("address", self.tr("A&ddress"), self.address, 1, 1, 1),
            ("phone", self.tr("&Phone"), self.phone, 1, 2, 1),
            ("conflict", self.tr("Hidden &conflict found"), self.conflict, 2, 0, 3),
            ("category", self.tr("Ca&tegory (if known)"), self.category, 3, 0, 1),
            ("risk", self.tr("&Risk grade"), self.risk, 3, 1, 1),
            ("action", self.tr("&Action taken"), self.action, 4, 0, 3),
            ("handed_to", self.tr("Ha&nded to"), self.handed_to, 5, 0, 1),
            ("remarks", self.tr("R&emarks"), self.remarks, 5, 1, 2),
        )
        for key, caption, editor, row, column, span in layout:
            editor.setObjectName(key)
            box = FieldBox(caption, editor, self, key=key)
            self.boxes[key] = box
            grid.addWidget(box, row, column, 1, span)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.boxes["handed_to"].set_hint(
            self.tr("Required for red and orange risks, and when the action hands it over"))
        outer.addLayout(grid)
        outer.addStretch(1)

        self.general_error = ErrorLine(self)
        outer.addWidget(self.general_error)
        bottom = QGridLayout()
        self.status = QLabel(self)
        bottom.addWidget(self.status, 0, 0)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save the entry (Ctrl+Enter)"))
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        bottom.addWidget(self.buttons, 0, 1)
        bottom.setColumnStretch(0, 1)
        outer.addLayout(bottom)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.save)

        if entry is not None:
            self._show_entry(entry)
        else:
            self.found_on.set_date(services.clock().date())
        self._initial = self.collect()[0]
        self.resize(860, 600)
        self.found_on.setFocus()

    @staticmethod
    def _text_edit(height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height * 2)
        return edit

    def _show_entry(self, e: ScreeningView) -> None:
        self.found_on.set_date(e.found_on)
        self.grid.setCurrentText(e.grid)
        worker = (e.grid_worker_id, e.grid_worker)
        if not self.grid_worker.set_value(worker):
            # Someone who has left the roster (or was only written down) stays on the line.
            self.grid_worker.add_value(e.grid_worker, worker)
            self.grid_worker.set_value(worker)
        self.household.setText(e.household)
        self.address.setText(e.address)
        self.phone.setText(e.phone)
        self.conflict.setPlainText(e.conflict)
        self.category.set_value(e.category)
        self.risk.set_value(e.risk)
        self.action.setPlainText(e.action)
        self.handed_to.setCurrentText(e.handed_to)
        self.remarks.setText(e.remarks)

    def _worker_chosen(self, _index: int) -> None:
        # A grid worker screens their own grid: fill it in if it is still empty.
        value = self.grid_worker.value()
        if value and not self.grid.currentText().strip():
            self.grid.setCurrentText(self._grids_of_workers.get(value[0], ""))

    # ------------------------------------------------------------ collecting
    def collect(self) -> tuple[ScreeningDraft, dict[str, str]]:
        local: dict[str, str] = {}
        try:
            found_on = self.found_on.date()
        except ValueError:
            found_on = None
            local["found_on"] = self.tr("Not a date; type it as 2026-11-20")
        worker = self.grid_worker.value()
        worker_id, worker_name = worker if isinstance(worker, tuple) else (None, "")
        draft = ScreeningDraft(
            found_on=found_on,
            grid=self.grid.currentText(),
            grid_worker_id=worker_id,
            grid_worker=worker_name,
            household=self.household.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            conflict=self.conflict.toPlainText(),
            category=self.category.value(),  # type: ignore[arg-type]
            risk=self.risk.value(),  # type: ignore[arg-type]
            action=self.action.toPlainText(),
            handed_to=self.handed_to.currentText(),
            remarks=self.remarks.text(),
        )
        return draft, local

    def is_dirty(self) -> bool:
        return self.collect()[0] != self._initial

    # ---------------------------------------------------------------- saving
    def save(self) -> None:
        if self._saving:
            return
        draft, local = self.collect()
        if local:
            problems = dict(local)
            try:
                validate_screening(draft, today=self._services.clock().date())
            except ValidationErrors as error:
                problems = {**error.as_dict(), **local}
            self.show_errors(problems)
            return
        self.clear_errors()
        self._set_saving(True)
        screening, entry, by = self._services.screening, self.entry, self._user_name
        if entry is None:
            work = lambda: screening.add(draft=draft, by=by)  # noqa: E731
        else:
            work = lambda: screening.update(  # noqa: E731
                entry_id=entry.id, expected_row_version=entry.row_version, draft=draft, by=by)
        self._tasks.run(work, on_success=self._saved, on_failure=self._save_failed)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.cancel_button.setEnabled(not saving)
        self.status.setText(self.tr("Saving…") if saving else "")

    def _saved(self, view: ScreeningView) -> None:
        self._set_saving(False)
        self.saved = view
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationErrors):
            self.show_errors(error.as_dict())
        else:
            ui_errors.show_error(self, error)

    # ---------------------------------------------------------------- errors
    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.general_error.clear_error()

    def show_errors(self, problems: dict[str, str]) -> None:
        self.clear_errors()
        first: QWidget | None = None
        stray = []
        for key, message in problems.items():
            box = self.boxes.get(key)
            if box is None:
                stray.append(message)
                continue
            box.set_error(message)
        for box in self.boxes.values():  # in the form's order
            if box.error_text():
                first = box.editor
                break
        stray.append(self.tr("%n problem(s) to fix before saving; nothing was saved.", "",
                             len(problems)))
        self.general_error.set_error("\n".join(stray))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_messages(self) -> dict[str, str]:
        return {key: box.error_text() for key, box in self.boxes.items() if box.error_text()}

    # ------------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
                return
            focus = self.focusWidget()
            if focus is not None and not isinstance(focus, (QAbstractButton, QPlainTextEdit)):
                self.focusNextChild()
                return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self._saving:
            return
        if self.is_dirty() and not ui_errors.ask_yes_no(
            self,
            self.windowTitle(),
            self.tr("Discard what you have typed?"),
            self.tr("&Discard"),
            self.tr("&Keep editing"),
        ):
            return
        super().reject()
