"""Add or edit one roster entry (a mediator, grid worker, officer, member or department)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.errors import ValidationErrors
from mediation_desk.domain.vocabulary import RosterRole
from mediation_desk.services.dto import RosterDraft, RosterEntry
from mediation_desk.services.roster import RosterService
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.tasks import TaskRunner
from mediation_desk.ui.widgets import ErrorLine, FieldBox, ValueCombo


class RosterEntryDialog(QDialog):
    def __init__(
        self,
        roster: RosterService,
        *,
        tasks: TaskRunner,
        entry: RosterEntry | None = None,
        role: RosterRole = RosterRole.MEDIATOR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roster_entry_dialog")
        self._roster = roster
        self._tasks = tasks
        self._original = entry
        self.entry: RosterEntry | None = None  # the saved entry, after success
        self.setWindowTitle(self.tr("Edit roster entry") if entry else self.tr("Add to the roster"))
        self.boxes: dict[str, FieldBox] = {}

        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.name = QLineEdit(self)
        self.role = ValueCombo(self)
        for member in RosterRole:
            self.role.add_value(member.label, member)
        self.organisation = QLineEdit(self)
        self.title = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.grid = QComboBox(self)
        self.grid.setEditable(True)
        self.grid.addItem("")
        self.grid.addItems(roster.grids())
        self.active = QCheckBox(self.tr("A&ctive (offered for new work)"), self)
        self.active.setChecked(True)
        for row, (key, caption, editor) in enumerate((
            ("name", self.tr("&Name"), self.name),
            ("role", self.tr("&Role"), self.role),
            ("organisation", self.tr("&Organisation"), self.organisation),
            ("title", self.tr("&Title"), self.title),
            ("phone", self.tr("&Phone"), self.phone),
            ("grid", self.tr("&Grid"), self.grid),
            ("active", "", self.active),
        )):
            editor.setObjectName(key)
            box = FieldBox(caption, editor, self, key=key)
            self.boxes[key] = box
            grid.addWidget(box, row // 2, row % 2)
        layout.addLayout(grid)
        self.general_error = ErrorLine(self)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

        if entry is not None:
            self.name.setText(entry.name)
            self.role.set_value(entry.role)
            self.organisation.setText(entry.organisation)
            self.title.setText(entry.title)
            self.phone.setText(entry.phone)
            self.grid.setEditText(entry.grid)
            self.active.setChecked(entry.active)
        else:
            self.role.set_value(role)
        self.resize(560, self.sizeHint().height())
        self.name.setFocus()

    def draft(self) -> RosterDraft:
        return RosterDraft(
            name=self.name.text(),
            role=self.role.value(),
            organisation=self.organisation.text(),
            title=self.title.text(),
            phone=self.phone.text(),
            grid=self.grid.currentText(),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        draft = self.draft()
        roster, original = self._roster, self._original
        for box in self.boxes.values():
            box.clear_error()
        self.general_error.clear_error()
        self.save_button.setEnabled(False)
        if original is None:
            work = lambda: roster.add(draft)  # noqa: E731
        else:
            work = lambda: roster.update(original.id, draft)  # noqa: E731
        self._tasks.run(work, on_success=self._saved, on_failure=self._failed)

    def _saved(self, entry: RosterEntry) -> None:
        self.save_button.setEnabled(True)
        self.entry = entry
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(error, ValidationErrors):
            ui_errors.show_error(self, error)
            return
        first = None
        for key, message in error.as_dict().items():
            box = self.boxes.get(key)
            if box is None:
                self.general_error.set_error(message)
                continue
            box.set_error(message)
            first = first or box.editor
        if first is not None:
            first.setFocus()
