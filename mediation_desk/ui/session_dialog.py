"""调解笔录: record one mediation session of a dispute (DOMAIN §5).

The people present are picked from the roster: the active entries of the roles the
case's current tier calls for (`domain.sessions.ROLES_FOR_TIER`).  `FlowService.
record_session` checks the record; its messages go next to their fields and nothing
typed is lost.  A session is not tied to the case's version: half an hour of typing must
not be thrown away because someone changed the risk grade meanwhile.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.errors import ValidationErrors
from mediation_desk.domain.sessions import (
    ROLES_FOR_TIER,
    Participant,
    SessionDraft,
    SessionOutcome,
    validate_session,
)
from mediation_desk.services.container import Services
from mediation_desk.services.dto import CaseDetail
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.action_dialog import ActionDialog, LocalProblems, text_edit
from mediation_desk.ui.roster_picker import RosterChecklist
from mediation_desk.ui.widgets import DateLineEdit, ValueCombo


class SessionDialog(ActionDialog):
    def __init__(
        self,
        detail: CaseDetail,
        *,
        services: Services,
        by: str,
        parent: QWidget | None = None,
    ) -> None:
        # (self.tr cannot run before the QDialog exists.)
        super().__init__(
            detail,
            title=QCoreApplication.translate("SessionDialog", "Record a mediation session"),
            submit_text=QCoreApplication.translate("SessionDialog", "&Save session"),
            parent=parent,
        )
        self.setObjectName("session_dialog")
        self._services = services
        self._by = by
        tier = detail.row.tier
        self.set_intro(self.tr("Session {n} · {tier}").format(
            n=len(detail.sessions) + 1, tier=f"{tier.short_label} {tier.label}"))

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.held_on = DateLineEdit(self)
        self.held_on.set_date(services.clock().date())
        self.start_time = QLineEdit(self)
        self.start_time.setPlaceholderText(self.tr("e.g. 09:30"))
        self.end_time = QLineEdit(self)
        self.end_time.setPlaceholderText(self.tr("e.g. 11:00"))
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("e.g. the station's mediation room"))
        self.participants = RosterChecklist(self)
        self.participants.setMinimumHeight(140)
        roles = ROLES_FOR_TIER[tier]
        entries = services.roster.list(roles=set(roles), active_only=True)
        self.participants.set_entries(entries, order=roles)
        self.parties_present = QLineEdit(self)
        self.parties_present.setText("、".join(p.name for p in detail.parties))
        self.others_present = QLineEdit(self)
        self.others_present.setPlaceholderText(self.tr("relatives, witnesses, interpreters…"))
        self.applicant_statement = text_edit(self, 70)
        self.respondent_statement = text_edit(self, 70)
        self.proposals = text_edit(self, 60)
        self.outcome = ValueCombo(self)
        for outcome in SessionOutcome:
            self.outcome.add_value(outcome.label, outcome)
        self.next_on = DateLineEdit(self)

        layout = (
            ("held_on", self.tr("&Date"), self.held_on, 0, 0, 1, 1),
            ("start_time", self.tr("S&tart"), self.start_time, 0, 1, 1, 1),
            ("end_time", self.tr("&End"), self.end_time, 0, 2, 1, 1),
            ("place", self.tr("&Place"), self.place, 0, 3, 1, 1),
            ("participants", self.tr("&Mediators and team present (from the roster)"),
             self.participants, 1, 0, 1, 2),
            ("applicant_statement", self.tr("What the appli&cant said"),
             self.applicant_statement, 3, 0, 1, 2),
            ("respondent_statement", self.tr("What the &respondent said"),
             self.respondent_statement, 3, 2, 1, 2),
            ("proposals", self.tr("The mediator's proposa&ls"), self.proposals, 4, 0, 1, 4),
            ("outcome", self.tr("O&utcome of this session"), self.outcome, 5, 0, 1, 2),
            ("next_on", self.tr("&Next session (required to continue)"), self.next_on,
             5, 2, 1, 2),
        )
        for key, caption, editor, row, column, rows, columns in layout:
            box = self.field(key, caption, editor, add=False)
            grid.addWidget(box, row, column, rows, columns)
        present = QVBoxLayout()
        present.addWidget(self.field("parties_present", self.tr("P&arties present"),
                                     self.parties_present, add=False))
        present.addWidget(self.field("others_present", self.tr("&Others present"),
                                     self.others_present, add=False))
        present.addStretch(1)
        grid.addLayout(present, 1, 2, 1, 2)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        self.fields.addLayout(grid)
        participants_box = self.boxes["participants"]
        self.participants.itemChanged.connect(lambda _item: participants_box.clear_error())
        if not entries:
            participants_box.set_hint(
                self.tr("The roster has nobody for {tier}. Add people under Roster & settings.")
                .format(tier=tier.label))
        self.resize(900, 720)
        self._initial = self.draft()
        self.held_on.setFocus()

    # ------------------------------------------------------------ collecting
    def draft(self) -> tuple[SessionDraft, dict[str, str]]:
        """The session as typed, and the fields that could not be read (dates)."""
        local: dict[str, str] = {}

        def day(key: str, edit: DateLineEdit) -> dt.date | None:
            try:
                return edit.date()
            except ValueError:
                local[key] = self.tr("Not a date; type it as 2026-11-20")
                return None

        draft = SessionDraft(
            held_on=day("held_on", self.held_on),
            start_time=self.start_time.text(),
            end_time=self.end_time.text(),
            place=self.place.text(),
            participants=tuple(Participant(roster_id=e.id, name=e.name, role=e.role)
                               for e in self.participants.checked_entries()),
            parties_present=self.parties_present.text(),
            others_present=self.others_present.text(),
            applicant_statement=self.applicant_statement.toPlainText(),
            respondent_statement=self.respondent_statement.toPlainText(),
            proposals=self.proposals.toPlainText(),
            outcome=self.outcome.value(),  # type: ignore[arg-type]
            next_on=day("next_on", self.next_on),
        )
        return draft, local

    def call(self) -> CaseDetail:
        draft, local = self.draft()
        if local:
            # A date that cannot be read: show it with every other problem, save nothing.
            problems: dict[str, str] = {}
            try:
                validate_session(draft, tier=self.detail.row.tier,
                                 today=self._services.clock().date())
            except ValidationErrors as error:
                problems = error.as_dict()
            raise LocalProblems({**problems, **local})
        return self._services.flow.record_session(
            dispute_id=self.detail.id, draft=draft, by=self._by)

    def is_dirty(self) -> bool:
        return self.draft() != self._initial

    def reject(self) -> None:
        if self.result_detail is None and self.is_dirty() and not ui_errors.ask_yes_no(
            self,
            self.windowTitle(),
            self.tr("Discard the session record you have typed?"),
            self.tr("&Discard"),
            self.tr("&Keep editing"),
        ):
            return
        super().reject()

    # ------------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            focus = self.focusWidget()
            # In a one-line field Enter moves on, so a stray Enter does not save half a
            # record (Ctrl+Enter saves).
            if focus is not None and not isinstance(focus, QAbstractButton | QPlainTextEdit):
                self.focusNextChild()
                return
        super().keyPressEvent(event)
