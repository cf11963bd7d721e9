"""回访: the dialogs that plan and record follow-up visits (DOMAIN §8), and the small
ones that answer a clock (the reason mediation runs long) or start an agreement's
correction.

Each collects a few values and makes one service call; the rules (a reason is required,
a date may not be before settlement, every term needs a performance answer) are the
services' and the domain's, shown next to the field by `ActionDialog`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from mediation_desk.domain.errors import ValidationErrors
from mediation_desk.domain.figures import RecordedFact
from mediation_desk.domain.followups import (
    POLICE_ASPECTS,
    WHOLE_AGREEMENT,
    Performance,
    Satisfaction,
    VisitRecord,
    VisitWay,
    validate_visit,
)
from mediation_desk.services.container import Services
from mediation_desk.services.dto import CaseDetail, VisitView
from mediation_desk.ui.action_dialog import ActionDialog, LocalProblems, text_edit
from mediation_desk.ui.widgets import DateLineEdit, ValueCombo

translate = QCoreApplication.translate


def _date(edit: DateLineEdit, key: str, local: dict[str, str]) -> dt.date | None:
    try:
        value = edit.date()
    except ValueError:
        local[key] = translate("FollowUp", "Not a date; type it as 2026-11-20")
        return None
    if value is None:
        local[key] = translate("FollowUp", "Please enter a date")
    return value


class AddVisitDialog(ActionDialog):
    def __init__(self, detail: CaseDetail, *, services: Services, by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(detail, title=translate("AddVisitDialog", "Add a follow-up visit"),
                         submit_text=translate("AddVisitDialog", "&Add visit"), parent=parent)
        self.setObjectName("add_visit_dialog")
        self._services, self._by = services, by
        self.due = DateLineEdit(self)
        self.due.set_date(services.clock().date() + dt.timedelta(days=7))
        self.field("due", self.tr("&Date"), self.due)
        self.reason = text_edit(self)
        self.field("reason", self.tr("&Why (required)"), self.reason)
        self.resize(420, 0)
        self.due.setFocus()

    def call(self) -> CaseDetail:
        local: dict[str, str] = {}
        due = _date(self.due, "due", local)
        if local or due is None:
            raise LocalProblems(local)
        return self._services.followups.add(
            dispute_id=self.detail.id, due=due, reason=self.reason.toPlainText(), by=self._by
        )


class MoveVisitDialog(ActionDialog):
    def __init__(self, detail: CaseDetail, visit: VisitView, *, services: Services, by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(detail, title=translate("MoveVisitDialog", "Move a follow-up visit"),
                         submit_text=translate("MoveVisitDialog", "&Move"), parent=parent)
        self.setObjectName("move_visit_dialog")
        self._services, self._by, self.visit = services, by, visit
        self.set_intro(self.tr("Visit {seq}, planned for {due}").format(
            seq=visit.seq, due=f"{visit.due_on:%Y-%m-%d}"))
        self.due = DateLineEdit(self)
        self.due.set_date(visit.due_on)
        self.field("due", self.tr("New &date"), self.due)
        self.reason = text_edit(self)
        self.field("reason", self.tr("&Why (required)"), self.reason)
        self.resize(420, 0)
        self.due.setFocus()

    def call(self) -> CaseDetail:
        local: dict[str, str] = {}
        due = _date(self.due, "due", local)
        if local or due is None:
            raise LocalProblems(local)
        return self._services.followups.move(
            visit_id=self.visit.id, expected_row_version=self.visit.row_version, due=due,
            reason=self.reason.toPlainText(), by=self._by,
        )


class CancelVisitDialog(ActionDialog):
    def __init__(self, detail: CaseDetail, visit: VisitView, *, services: Services, by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(detail, title=translate("CancelVisitDialog", "Cancel a follow-up visit"),
                         submit_text=translate("CancelVisitDialog", "Cancel &the visit"),
                         parent=parent)
        self.setObjectName("cancel_visit_dialog")
        self._services, self._by, self.visit = services, by, visit
        self.set_intro(self.tr("Visit {seq}, due {due}. The visit and the reason are kept "
                               "in the file.").format(seq=visit.seq, due=f"{visit.due_on:%Y-%m-%d}"))
        self.reason = text_edit(self)
        self.field("reason", self.tr("&Reason (required)"), self.reason)
        self.resize(420, 0)
        self.reason.setFocus()

    def call(self) -> CaseDetail:
        return self._services.followups.cancel(
            visit_id=self.visit.id, expected_row_version=self.visit.row_version,
            reason=self.reason.toPlainText(), by=self._by,
        )


class LongRunningDialog(ActionDialog):
    """Why mediation runs past its target: a warning answered with a reason (DOMAIN §9)."""

    def __init__(self, detail: CaseDetail, *, services: Services, by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(detail, title=translate("LongRunningDialog", "Mediation running long"),
                         submit_text=translate("LongRunningDialog", "&Record reason"),
                         parent=parent)
        self.setObjectName("long_running_dialog")
        self._services, self._by = services, by
        self.set_intro(self.tr("Mediation has passed its target date. Record why; the "
                               "case is then no longer shown as overdue for it."))
        self.reason = text_edit(self)
        self.reason.setPlainText(detail.long_running_reason)
        self.field("long_running_reason", self.tr("&Reason"), self.reason)
        self.resize(440, 0)
        self.reason.setFocus()

    def call(self) -> CaseDetail:
        return self._services.flow.record_long_running_reason(
            dispute_id=self.detail.id, expected_version=self.detail.version,
            reason=self.reason.toPlainText(), by=self._by,
        )


class CorrectAgreementDialog(ActionDialog):
    """Start the correction of a signed agreement: a new version, the old one kept."""

    def __init__(self, detail: CaseDetail, *, services: Services, by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(detail, title=translate("CorrectAgreementDialog", "Correct the agreement"),
                         submit_text=translate("CorrectAgreementDialog", "&Start correction"),
                         parent=parent)
        self.setObjectName("correct_agreement_dialog")
        self._services, self._by = services, by
        self.set_intro(self.tr("The signed agreement is never changed. A correction is a "
                               "new version; once the parties sign it, it replaces the old "
                               "one, which stays in the file."))
        self.reason = text_edit(self)
        self.field("correction_reason", self.tr("&Reason for the correction (required)"),
                   self.reason)
        self.resize(460, 0)
        self.reason.setFocus()

    def call(self) -> CaseDetail:
        self._services.agreements.correct(
            dispute_id=self.detail.id, reason=self.reason.toPlainText(), by=self._by
        )
        return self._services.cases.detail(self.detail.id)


class VisitDialog(ActionDialog):
    """Record one follow-up visit (DOMAIN §8).  After it is saved, `recorded` holds the
    visit; its `reopen_grounds` is what the case screen proposes to reopen on."""

    KEEP_OPEN_ON_STALE = True

    def __init__(self, detail: CaseDetail, visit: VisitView, *, services: Services, by: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(detail, title=translate("VisitDialog", "Record follow-up visit"),
                         submit_text=translate("VisitDialog", "&Save visit"), parent=parent)
        self.setObjectName("visit_dialog")
        self._services, self._by, self.visit = services, by, visit
        self.recorded: VisitView | None = None
        self.set_intro(self.tr("Visit {seq}, due {due} ({basis})").format(
            seq=visit.seq, due=f"{visit.due_on:%Y-%m-%d}", basis=visit.basis))

        top = QGridLayout()
        self.visited_on = DateLineEdit(self)
        self.visited_on.set_date(services.clock().date())
        self.way = ValueCombo(self)
        for way in VisitWay:
            self.way.add_value(way.label, way)
        self.visited = QLineEdit(self)
        applicant = next((p for p in detail.parties), None)
        self.visited.setText(applicant.name if applicant else "")
        self.visitors = QLineEdit(self)
        self.visitors.setText(by)
        for n, (key, caption, editor) in enumerate((
            ("visited_on", self.tr("&Date"), self.visited_on),
            ("way", self.tr("&Way"), self.way),
            ("visited", self.tr("&Who was visited"), self.visited),
            ("visitors", self.tr("Who &visited"), self.visitors),
        )):
            top.addWidget(self.field(key, caption, editor, add=False), n // 2, n % 2)
        self.fields.addLayout(top)

        # One answer per term of the agreement in force (the whole agreement if oral).
        performance = QGroupBox(self.tr("Performance of the agreement"), self)
        grid = QGridLayout(performance)
        self.performance: dict[str, ValueCombo] = {}
        agreement = detail.signed_agreement
        terms = [(t.key, t.label, t.deadline) for t in agreement.terms] if agreement else []
        if agreement is not None and not terms:
            terms = [(WHOLE_AGREEMENT, self.tr("The oral agreement"), None)]
        self.term_keys = [key for key, _, _ in terms]
        for row, (key, label, deadline) in enumerate(terms):
            combo = ValueCombo(performance)
            combo.add_value(self.tr("— choose —"), None)
            for how in Performance:
                combo.add_value(how.label, how)
            self.performance[key] = combo
            caption = label + (self.tr(" (due {date})").format(date=f"{deadline:%Y-%m-%d}")
                               if deadline else "")
            box = self.field(f"performance.{key}", caption, combo, add=False)
            grid.addWidget(box, row, 0)
        self.fields.addWidget(performance)

        satisfaction = QGroupBox(self.tr("Satisfaction"), self)
        sgrid = QGridLayout(satisfaction)
        self.satisfaction: dict[str, ValueCombo] = {}
        aspects = [("mediation", self.tr("With the mediation"))] + [
            (key, translate("VisitDialog", label)) for key, label in POLICE_ASPECTS
        ]
        for n, (key, caption) in enumerate(aspects):
            combo = ValueCombo(satisfaction)
            combo.add_value(self.tr("— choose —"), None)
            for grade in Satisfaction:
                combo.add_value(grade.label, grade)
            self.satisfaction[key] = combo
            sgrid.addWidget(self.field(f"satisfaction_{key}", caption, combo, add=False),
                            n // 2, n % 2)
        self.fields.addWidget(satisfaction)

        self.conflict_returning = QCheckBox(self.tr("Signs of the &conflict returning"), self)
        self.fields.addWidget(self.conflict_returning)
        self.conflict_signs = text_edit(self, 40)
        self.field("conflict_signs", self.tr("What was seen"), self.conflict_signs)
        self.new_risks = text_edit(self, 40)
        self.field("new_risks", self.tr("New &risks"), self.new_risks)
        self.action = text_edit(self, 40)
        self.field("action", self.tr("&Action taken"), self.action)
        self.remarks = QLineEdit(self)
        self.field("remarks", self.tr("Re&marks"), self.remarks)
        self.note = QLabel(self.tr("A term refused or the conflict back: after saving, you "
                                   "will be asked whether to mediate the case again."), self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6b7a;")
        self.fields.addWidget(self.note)
        self.resize(760, 760)
        self.visited_on.setFocus()

    def record(self) -> tuple[VisitRecord, dict[str, str]]:
        local: dict[str, str] = {}
        visited_on = _date(self.visited_on, "visited_on", local)
        record = VisitRecord(
            visited_on=visited_on or self._services.clock().date(),
            way=self.way.value(),  # type: ignore[arg-type]
            visited=self.visited.text(),
            visitors=self.visitors.text(),
            performance={k: c.value() for k, c in self.performance.items() if c.value()},  # type: ignore[misc]
            satisfaction_mediation=self.satisfaction["mediation"].value(),  # type: ignore[arg-type]
            satisfaction_police={k: c.value() for k, c in self.satisfaction.items()  # type: ignore[misc]
                                 if k != "mediation" and c.value()},
            conflict_returning=self.conflict_returning.isChecked(),
            conflict_signs=self.conflict_signs.toPlainText(),
            new_risks=self.new_risks.toPlainText(),
            action=self.action.toPlainText(),
            remarks=self.remarks.text(),
        )
        return record, local

    def call(self) -> CaseDetail:
        record, local = self.record()
        if local:
            problems: dict[str, str] = {}
            try:
                validate_visit(record, term_keys=self.term_keys, settled_on=None,
                               today=self._services.clock().date())
            except ValidationErrors as error:
                problems = error.as_dict()
            raise LocalProblems({**problems, **local})
        self.recorded = self._services.followups.record(
            visit_id=self.visit.id, expected_row_version=self.visit.row_version,
            record=record, by=self._by,
        )
        return self._services.cases.detail(self.detail.id)



class RecordFactDialog(ActionDialog):
    """Record what the figures count "as recorded" (DOMAIN §10): the dispute turned
    criminal (民转刑), a group incident prevented, or the court's confirmation of the
    agreement; or withdraw a wrong record, with the reason."""

    def __init__(self, detail: CaseDetail, fact: RecordedFact, *, services: Services, by: str,
                 parent: QWidget | None = None) -> None:
        recorded = getattr(detail, fact.column)
        super().__init__(detail, title=translate("RecordFactDialog", "Record: {fact}").format(
                             fact=fact.label),
                         submit_text=translate("RecordFactDialog", "&Record"), parent=parent)
        self.setObjectName("record_fact_dialog")
        self._services, self._by, self.fact = services, by, fact
        if recorded is not None:
            self.set_intro(self.tr("Recorded on {day}. Change the date, or withdraw the "
                                   "record if it was wrong.").format(day=f"{recorded:%Y-%m-%d}"))
        self.on = DateLineEdit(self)
        self.on.set_date(recorded or services.clock().date())
        self.field("on", self.tr("&Date"), self.on)
        self.note = text_edit(self)
        self.field("note", self.tr("&Particulars (required)"), self.note)
        self.withdraw = QCheckBox(self.tr("&Withdraw this record (it was wrong)"), self)
        self.withdraw.setObjectName("withdraw")
        self.withdraw.toggled.connect(lambda on: self.on.setEnabled(not on))
        self.field("withdraw", "", self.withdraw).setVisible(recorded is not None)
        self.resize(440, 0)
        self.on.setFocus()

    def call(self) -> CaseDetail:
        local: dict[str, str] = {}
        day = None if self.withdraw.isChecked() else _date(self.on, "on", local)
        if local:
            raise LocalProblems(local)
        return self._services.flow.record_fact(
            dispute_id=self.detail.id, expected_version=self.detail.version, fact=self.fact,
            on=day, note=self.note.toPlainText(), by=self._by,
        )
