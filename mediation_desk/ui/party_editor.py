"""Editors for the parties of a new dispute: one `PartyEditor` per party, grouped by side.

A party is a person or an organisation (DOMAIN §4), with an agent and, for a person, a
guardian.  The editor only collects values into a `PartyDraft`; the ID number, phones and
credit code are also checked when the field loses focus, with the domain's own validators,
so the mediator sees a typo at once instead of at saving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain import validation as v
from mediation_desk.domain.errors import ValidationError
from mediation_desk.domain.intake import ADULT_AGE, PartyDraft
from mediation_desk.domain.vocabulary import PartySide, PartyType, Sex
from mediation_desk.ui.labels import none_choice
from mediation_desk.ui.widgets import (
    DateLineEdit,
    ErrorLine,
    FieldBox,
    ValueCombo,
    section_title,
)

ETHNICITIES = (
    "汉族", "回族", "藏族", "彝族", "羌族", "苗族", "土家族", "壮族", "满族", "蒙古族",
    "维吾尔族", "布依族", "侗族", "瑶族", "白族", "哈尼族", "傣族", "黎族", "畲族", "其他",
)
GUARDIAN_RELATIONS = ("父亲", "母亲", "祖父", "祖母", "外祖父", "外祖母", "兄姐", "其他")

PERSON_ONLY = ("sex", "ethnicity", "birth_date", "id_number", "occupation", "vulnerable",
               "guardian_name", "guardian_relation", "guardian_phone")
ORGANISATION_ONLY = ("credit_code", "legal_representative")


class PartyEditor(QFrame):
    """One party's fields.  Error keys are the PartyDraft attribute names."""

    remove_requested = Signal(object)

    def __init__(self, side: PartySide, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self._today = today
        self.setObjectName(f"party_{side.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("PartyEditor { background: palette(alternate-base); }")
        self.boxes: dict[str, FieldBox] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)

        # Row 0: "申请人 1" ... [Remove]; the button is created last so Tab reaches it last.
        header = QHBoxLayout()
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        header.addWidget(self.title)
        header.addStretch(1)
        grid.addLayout(header, 0, 0, 1, 6)

        # Row 1: type, name, sex, ethnicity, date of birth.
        self.party_type = ValueCombo(self)
        for kind in PartyType:
            self.party_type.add_value(kind.label, kind)
        self._box("party_type", self.tr("Type"), self.party_type, grid, 1, 0)
        self.name = QLineEdit(self)
        self._box("name", self.tr("&Name"), self.name, grid, 1, 1, span=2)
        self.sex = ValueCombo(self)
        self.sex.add_value(none_choice(), None)
        for sex in Sex:
            self.sex.add_value(sex.label, sex)
        self._box("sex", self.tr("Sex"), self.sex, grid, 1, 3)
        self.ethnicity = QComboBox(self)
        self.ethnicity.setEditable(True)
        self.ethnicity.addItems(ETHNICITIES)
        self._box("ethnicity", self.tr("Ethnicity"), self.ethnicity, grid, 1, 4)
        self.birth_date = DateLineEdit(self)
        self._box("birth_date", self.tr("Date of birth"), self.birth_date, grid, 1, 5)

        # Row 2: ID number (or credit code), phone, occupation (or legal representative).
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(24)
        self._box("id_number", self.tr("ID number"), self.id_number, grid, 2, 0, span=2)
        self.credit_code = QLineEdit(self)
        self.credit_code.setMaxLength(24)
        self._box("credit_code", self.tr("Unified social credit code"), self.credit_code,
                  grid, 2, 0, span=2)
        self.phone = QLineEdit(self)
        self._box("phone", self.tr("Phone"), self.phone, grid, 2, 2)
        self.occupation = QLineEdit(self)
        self._box("occupation", self.tr("Occupation / employer"), self.occupation, grid, 2, 3,
                  span=3)
        self.legal_representative = QLineEdit(self)
        self._box("legal_representative", self.tr("Legal representative"),
                  self.legal_representative, grid, 2, 3, span=3)

        # Row 3: address, vulnerable.
        self.address = QLineEdit(self)
        self._box("address", self.tr("Address"), self.address, grid, 3, 0, span=4)
        self.vulnerable = QCheckBox(self.tr("Vulnerable (disabled, seriously ill, ...)"), self)
        self.vulnerable.setToolTip(self.tr("Minors and people aged 60 or over are recognised "
                                           "from the date of birth"))
        self._box("vulnerable", " ", self.vulnerable, grid, 3, 4, span=2)

        # Row 4: agent and guardian.
        self.agent_name = QLineEdit(self)
        self._box("agent_name", self.tr("Agent"), self.agent_name, grid, 4, 0)
        self.agent_phone = QLineEdit(self)
        self._box("agent_phone", self.tr("Agent's phone"), self.agent_phone, grid, 4, 1)
        self.guardian_name = QLineEdit(self)
        self._box("guardian_name", self.tr("Guardian"), self.guardian_name, grid, 4, 2)
        self.guardian_relation = QComboBox(self)
        self.guardian_relation.setEditable(True)
        self.guardian_relation.addItem("")
        self.guardian_relation.addItems(GUARDIAN_RELATIONS)
        self._box("guardian_relation", self.tr("Relation"), self.guardian_relation, grid, 4, 3)
        self.guardian_phone = QLineEdit(self)
        self._box("guardian_phone", self.tr("Guardian's phone"), self.guardian_phone, grid, 4, 4)
        self.general_error = ErrorLine(self)
        grid.addWidget(self.general_error, 5, 0, 1, 6)
        for column in range(6):
            grid.setColumnStretch(column, 1)

        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("remove_party")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        header.addWidget(self.remove_button)

        self.party_type.currentIndexChanged.connect(self._type_changed)
        self.id_number.editingFinished.connect(self._check_id_number)
        self.birth_date.editingFinished.connect(self._check_birth_date)
        self.birth_date.date_picked.connect(self._check_birth_date)
        self.credit_code.editingFinished.connect(self._check_credit_code)
        for name in ("phone", "agent_phone", "guardian_phone"):
            editor: QLineEdit = getattr(self, name)
            editor.editingFinished.connect(lambda name=name: self._check_phone(name))
        self._type_changed()

    def _box(self, key: str, caption: str, editor: QWidget, grid: QGridLayout,
             row: int, column: int, span: int = 1) -> FieldBox:
        box = FieldBox(caption, editor, self, key=key)
        editor.setObjectName(key)
        self.boxes[key] = box
        grid.addWidget(box, row, column, 1, span)
        return box

    # ----------------------------------------------------------- type
    @property
    def is_person(self) -> bool:
        return self.party_type.value() is PartyType.PERSON

    def _type_changed(self) -> None:
        person = self.is_person
        for key in PERSON_ONLY:
            self.boxes[key].setVisible(person)
        for key in ORGANISATION_ONLY:
            self.boxes[key].setVisible(not person)
        self.boxes["name"].caption.setText(
            self.tr("&Name") if person else self.tr("&Organisation name"))
        self.boxes["address"].caption.setText(
            self.tr("Address") if person else self.tr("Registered address"))

    def connect_changed(self, callback: Callable[[], object]) -> None:
        """Call `callback` when any field of this party is edited."""
        for box in self.boxes.values():
            box.connect_edited(callback)

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    # ---------------------------------------------------- instant checks
    def _check(self, key: str, check: Callable[[], object]) -> object:
        box = self.boxes[key]
        try:
            value = check()
        except ValidationError as error:
            box.set_error(error.message)
            return None
        box.clear_error()
        return value

    def _check_id_number(self) -> None:
        text = self.id_number.text().strip()
        self.boxes["id_number"].set_hint("")
        if not text:
            self.boxes["id_number"].clear_error()
            self._update_guardian_hint(None)
            return
        number = self._check("id_number",
                             lambda: v.validate_id_number(text, field="id_number",
                                                          today=self._today()))
        if isinstance(number, str):
            birth = v.birth_date_from_id(number)
            sex = Sex(v.sex_from_id(number))
            age = v.age_on(birth, self._today())
            self.boxes["id_number"].set_hint(
                self.tr("Born {date}, {sex}, {age} years old").format(
                    date=birth.isoformat(), sex=sex.label, age=age))
            self._update_guardian_hint(age)

    def _check_birth_date(self) -> None:
        try:
            birth = self.birth_date.date()
        except ValueError:
            self.boxes["birth_date"].set_error(self.tr("Not a date; type it as 2001-09-30"))
            return
        if birth is None:
            self.boxes["birth_date"].clear_error()
            return
        if self._check("birth_date", lambda: v.validate_past_date(
                birth, field="birth_date", today=self._today())) is not None:
            self._update_guardian_hint(v.age_on(birth, self._today()))

    def _check_credit_code(self) -> None:
        text = self.credit_code.text().strip()
        if not text:
            self.boxes["credit_code"].clear_error()
            return
        self._check("credit_code", lambda: v.validate_uscc(text, field="credit_code"))

    def _check_phone(self, key: str) -> None:
        text = getattr(self, key).text().strip()
        if not text:
            self.boxes[key].clear_error()
            return
        self._check(key, lambda: v.validate_phone(text, field=key))

    def _update_guardian_hint(self, age: int | None) -> None:
        minor = age is not None and age < ADULT_AGE
        self.boxes["guardian_name"].set_hint(
            self.tr("Minor: enter the guardian") if minor else "")

    # -------------------------------------------------------- collecting
    def collect(self) -> tuple[PartyDraft, dict[str, str]]:
        """The party as typed, and the errors found while reading it (a bad date)."""
        local: dict[str, str] = {}
        try:
            birth = self.birth_date.date() if self.is_person else None
        except ValueError:
            birth = None
            local["birth_date"] = self.tr("Not a date; type it as 2001-09-30")
        person = self.is_person
        draft = PartyDraft(
            side=self.side,
            party_type=self.party_type.value(),
            name=self.name.text(),
            sex=self.sex.value() if person else None,
            ethnicity=self.ethnicity.currentText() if person else "",
            birth_date=birth,
            id_number=self.id_number.text() if person else "",
            phone=self.phone.text(),
            address=self.address.text(),
            occupation=self.occupation.text() if person else "",
            vulnerable=self.vulnerable.isChecked() if person else False,
            credit_code="" if person else self.credit_code.text(),
            legal_representative="" if person else self.legal_representative.text(),
            agent_name=self.agent_name.text(),
            agent_phone=self.agent_phone.text(),
            guardian_name=self.guardian_name.text() if person else "",
            guardian_relation=self.guardian_relation.currentText() if person else "",
            guardian_phone=self.guardian_phone.text() if person else "",
        )
        return draft, local

    # ------------------------------------------------------------ errors
    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.general_error.clear_error()

    def set_error(self, key: str, message: str) -> QWidget:
        """Show `message` by the field `key`; returns the widget to focus."""
        box = self.boxes.get(key)
        if box is None or not box.isVisibleTo(self):
            self.general_error.set_error(
                "\n".join(filter(None, [self.general_error.error_text(), message])))
            return self.name
        box.set_error(message)
        return box.editor

    def error_boxes(self) -> list[FieldBox]:
        return [box for box in self.boxes.values() if box.error_text()]


class SideEditor(QWidget):
    """All the parties on one side, with Add and Remove."""

    def __init__(self, side: PartySide, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self._today = today
        self.setObjectName(f"side_{side.value}")
        self.editors: list[PartyEditor] = []
        self._on_change: list[Callable[[], object]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        title = (self.tr("Applicants") if side is PartySide.APPLICANT
                 else self.tr("Respondents"))
        header.addWidget(section_title(title, self))
        header.addStretch(1)
        layout.addLayout(header)
        self.error_line = ErrorLine(self, key=side.value)
        layout.addWidget(self.error_line)
        self._list = QVBoxLayout()
        self._list.setSpacing(8)
        layout.addLayout(self._list)
        self.add_button = QPushButton(
            self.tr("Add &applicant") if side is PartySide.APPLICANT
            else self.tr("Add r&espondent"), self)
        self.add_button.setObjectName(f"add_{side.value}")
        self.add_button.clicked.connect(self._add_clicked)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _add_clicked(self) -> None:
        editor = self.add_party()
        editor.name.setFocus()

    def add_party(self) -> PartyEditor:
        editor = PartyEditor(self.side, self._today, self)
        for callback in self._on_change:
            editor.connect_changed(callback)
        editor.remove_requested.connect(self.remove_party)
        self.editors.append(editor)
        self._list.addWidget(editor)
        self._renumber()
        self.error_line.clear_error()
        self._changed()
        return editor

    def connect_changed(self, callback: Callable[[], object]) -> None:
        """Call `callback` when a party is added, removed or edited."""
        self._on_change.append(callback)
        for editor in self.editors:
            editor.connect_changed(callback)

    def _changed(self) -> None:
        for callback in self._on_change:
            callback()

    def remove_party(self, editor: PartyEditor) -> None:
        if editor not in self.editors:
            return
        self.editors.remove(editor)
        self._list.removeWidget(editor)
        editor.hide()
        editor.deleteLater()
        self._renumber()
        self.add_button.setFocus()
        self._changed()

    def _renumber(self) -> None:
        word = self.side.label
        for number, editor in enumerate(self.editors, start=1):
            editor.set_title(f"{word} {number}")
            editor.remove_button.setEnabled(len(self.editors) > 1)

    def collect(self) -> tuple[list[PartyDraft], dict[str, str]]:
        drafts, local = [], {}
        for index, editor in enumerate(self.editors):
            draft, errors = editor.collect()
            drafts.append(draft)
            local.update({f"{self.side.value}.{index}.{k}": m for k, m in errors.items()})
        return drafts, local

    def clear_errors(self) -> None:
        self.error_line.clear_error()
        for editor in self.editors:
            editor.clear_errors()
