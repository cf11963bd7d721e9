"""One case's own screen: the tier steps, the actions, facts, parties, sessions, timeline.

This is the one screen where ID numbers and phones are shown in full (DOMAIN §4): it is
the case's own record.  Everything shown comes from `CaseService.detail`; the moves
offered come from `FlowService.allowed_moves`.  Each action opens a small dialog
(`move_dialog`, `session_dialog`, `risk_dialog`, `tier_dialog`) that calls the service;
when it succeeds, the screen shows the `CaseDetail` the service handed back, in place,
and `changed` tells the main window to redraw the dispute's row.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.deadlines import DeadlineKind
from mediation_desk.domain.errors import DomainError
from mediation_desk.domain.escalation import Move, ReferralRoute, SettlementKind
from mediation_desk.domain.figures import RecordedFact
from mediation_desk.domain.vocabulary import DisputeState, EventKind, PartyType, RiskGrade, Tier
from mediation_desk.services.container import Services

if TYPE_CHECKING:
    from mediation_desk.documents import DocumentKind
from mediation_desk.services.dto import (
    CaseDetail,
    DocumentInfo,
    EventView,
    PartyView,
    SessionView,
    VisitView,
)
from mediation_desk.services.flow import CaseActions
from mediation_desk.services.followups import VISIT_STATES
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.action_dialog import ActionDialog
from mediation_desk.ui.agreement_dialog import AgreementDialog
from mediation_desk.ui.case_clocks import DeadlinesPanel, VisitsPanel
from mediation_desk.ui.document_preview import DocumentPreview
from mediation_desk.ui.followup_dialogs import (
    AddVisitDialog,
    CancelVisitDialog,
    CorrectAgreementDialog,
    LongRunningDialog,
    MoveVisitDialog,
    RecordFactDialog,
    VisitDialog,
)
from mediation_desk.ui.labels import flag_labels, unpaid_workers_label
from mediation_desk.ui.move_dialog import MoveDialog
from mediation_desk.ui.preferences import Preferences
from mediation_desk.ui.risk_dialog import DutyLeaderDialog, RiskDialog
from mediation_desk.ui.session_dialog import SessionDialog
from mediation_desk.ui.tasks import TaskRunner
from mediation_desk.ui.tier_dialog import TierDialog
from mediation_desk.ui.tier_steps import TierSteps
from mediation_desk.ui.widgets import ACCENT, HINT_COLOUR, RiskMark, section_title

DASH = "—"
_Dialog = TypeVar("_Dialog", bound=ActionDialog)
RED = RiskGrade.RED.colour

# Moves that end or drop a case sit apart from the day-to-day ones.
_SET_APART = (Move.WITHDRAW,)


def _or_dash(value: object) -> str:
    text = "" if value is None else str(value)
    return text if text.strip() else DASH


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


def _tier_text(tier: Tier) -> str:
    return f"{tier.short_label} {tier.label}"


class CaseDialog(QDialog):
    """Shows a `CaseDetail` and, given the services, lets the mediator act on it."""

    changed = Signal(int)  # the dispute's id, after an action here changed it

    def __init__(
        self,
        detail: CaseDetail,
        *,
        services: Services | None = None,
        user_name: str | None = None,
        preferences: Preferences | None = None,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.detail = detail
        self._services = services
        # PDFs are built off the GUI thread, on the application's one worker.
        self._tasks = tasks or TaskRunner(self)
        self.preview: DocumentPreview | None = None
        self._user_name = user_name if user_name is not None else _os_user()
        self._preferences = preferences
        self.action_dialog: ActionDialog | None = None  # the one open now, if any
        self.allowed: list[Move] = []
        self.setObjectName("case_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self._red_banner())
        layout.addWidget(self._actions_bar())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._facts())
        right = QSplitter(Qt.Orientation.Vertical, splitter)
        right.addWidget(self._parties_panel())
        right.addWidget(self._sessions_panel())
        self.visits_panel = VisitsPanel(right)
        self.visits_panel.record_requested.connect(self.record_visit)
        self.visits_panel.move_requested.connect(self.move_visit)
        self.visits_panel.cancel_requested.connect(self.cancel_visit)
        self.visits_panel.add_requested.connect(self.add_visit)
        self.visits_panel.reopen_requested.connect(self.propose_reopen)
        right.addWidget(self.visits_panel)
        right.addWidget(self._timeline_panel())
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 2)
        right.setStretchFactor(2, 2)
        right.setStretchFactor(3, 3)
        right.setSizes([150, 130, 150, 260])
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([360, 860])
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        self.status_label.setStyleSheet(f"color: {HINT_COLOUR};")
        bottom.addWidget(self.status_label, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        if services is not None:
            self.reload_button = QPushButton(self.tr("Re&load"), self)
            self.reload_button.setObjectName("reload")
            self.reload_button.setToolTip(self.tr("Read the case again (F5)"))
            self.reload_button.clicked.connect(self.reload)
            buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ResetRole)
            QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.reject)

        self.set_detail(detail)
        self.resize(1220, 780)
        if preferences is not None and (geometry := preferences.bytes(Preferences.CASE_GEOMETRY)):
            self.restoreGeometry(geometry)

    def acting_user(self) -> str:
        """Who an action is recorded as: the case's mediator, else the computer's user
        (as the intake dialog records a registration)."""
        return self.detail.row.mediator or self._user_name

    # ------------------------------------------------------------ showing
    def set_detail(self, detail: CaseDetail) -> None:
        """Show `detail` everywhere on the screen (after an action or a reload)."""
        self.detail = detail
        self.setWindowTitle(self.tr("Case {number}").format(number=detail.number))
        self._show_header(detail)
        self._show_banner(detail)
        self._show_actions(detail)
        self._show_facts(detail)
        self._show_parties(detail)
        self._show_sessions(detail)
        self.deadlines_panel.show_deadlines(detail)
        self.visits_panel.show_visits(
            detail, can_act=self._services is not None and detail.row.state in VISIT_STATES,
            can_add=self._services is not None and detail.row.state is DisputeState.SETTLED)
        self._show_timeline(detail)

    def reload(self) -> bool:
        """Read the case again from the database; False (and a message) if it failed."""
        if self._services is None:
            return False
        try:
            detail = self._services.cases.detail(self.detail.id)
        except DomainError as error:
            ui_errors.show_error(self, error)
            return False
        self.set_detail(detail)
        return True

    # -------------------------------------------------------------- header
    def _header(self) -> QVBoxLayout:
        box = QVBoxLayout()
        top = QHBoxLayout()
        self.number_label = QLabel(self)
        self.number_label.setObjectName("number")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.number_label.setFont(font)
        top.addWidget(self.number_label)
        top.addSpacing(16)
        self.risk_mark = RiskMark(None, self)
        top.addWidget(self.risk_mark)
        self.risk_button = QPushButton(self.tr("Risk &grade…"), self)
        self.risk_button.setObjectName("risk_button")
        self.risk_button.setToolTip(self.tr("Change the risk grade, with a reason"))
        self.risk_button.clicked.connect(self.change_risk)
        self.risk_button.setVisible(self._services is not None)
        top.addWidget(self.risk_button)
        top.addSpacing(12)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state")
        self.state_label.setStyleSheet(
            "QLabel { border: 1px solid #8a96a3; border-radius: 4px; padding: 2px 8px; }"
        )
        top.addWidget(self.state_label)
        top.addSpacing(12)
        self.kind_label = QLabel(self)
        self.kind_label.setStyleSheet(f"color: {HINT_COLOUR};")
        top.addWidget(self.kind_label)
        top.addStretch(1)
        box.addLayout(top)
        self.parties_line = QLabel(self)
        self.parties_line.setObjectName("parties_line")
        box.addWidget(self.parties_line)
        self.tier_steps = TierSteps(self)
        box.addWidget(self.tier_steps)
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setObjectName("suggestion")
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.suggestion_label)
        return box

    def _show_header(self, d: CaseDetail) -> None:
        self.number_label.setText(d.number)
        self.risk_mark.set_grade(d.row.risk)
        self.state_label.setText(d.row.state.label)
        self.kind_label.setText(d.kind.label)
        self.parties_line.setText(d.row.parties)
        self.tier_steps.set_tier(d.row.tier)
        text = self.tr("System suggestion: {why}").format(why=self.suggestion_text(d))
        if d.row.tier is not d.suggested_tier:
            text += self.tr("; now at {tier}").format(tier=_tier_text(d.row.tier))
            if d.tier_reason:
                text += self.tr(" (reason: {reason})").format(reason=d.tier_reason)
        self.suggestion_label.setText(text)

    @staticmethod
    def suggestion_text(d: CaseDetail) -> str:
        """The tier rules that applied at intake: "有群体上访苗头 → 矛盾纠纷调解室"."""
        return d.suggestion

    # ---------------------------------------------------------- red banner
    def _red_banner(self) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.red_banner = QFrame(holder)
        self.red_banner.setObjectName("red_banner")
        self.red_banner.setStyleSheet(
            f"#red_banner {{ background: {RED}; border-radius: 4px; }}"
            " #red_banner QLabel { color: white; font-weight: bold; }")
        row = QHBoxLayout(self.red_banner)
        row.setContentsMargins(10, 6, 10, 6)
        self.red_banner_label = QLabel(self.tr("Red risk: notify the station's duty leader"),
                                       self.red_banner)
        self.red_banner_label.setObjectName("red_banner_text")
        font = self.red_banner_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.red_banner_label.setFont(font)
        row.addWidget(self.red_banner_label, 1)
        self.notify_button = QPushButton(self.tr("Record the &notification…"), self.red_banner)
        self.notify_button.setObjectName("notify_button")
        self.notify_button.clicked.connect(self.record_notification)
        row.addWidget(self.notify_button)
        layout.addWidget(self.red_banner)
        self.red_note = QLabel(holder)
        self.red_note.setObjectName("red_note")
        self.red_note.setStyleSheet(f"color: {RED};")
        layout.addWidget(self.red_note)
        self.red_banner.hide()
        self.red_note.hide()
        return holder

    def _show_banner(self, d: CaseDetail) -> None:
        self.red_banner.setVisible(d.red_alert_open)
        self.notify_button.setVisible(self._services is not None)
        acknowledged = d.row.risk is RiskGrade.RED and d.red_acknowledged_at is not None
        if acknowledged:
            self.red_note.setText(self.tr("Red risk: duty leader {leader} notified at {time}")
                                  .format(leader=d.duty_leader,
                                          time=f"{d.red_acknowledged_at:%Y-%m-%d %H:%M}"))
        self.red_note.setVisible(acknowledged)

    # ------------------------------------------------------------- actions
    def _actions_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("actions")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 4, 0, 4)
        caption = QLabel(self.tr("Actions:"), bar)
        caption.setStyleSheet(f"color: {ACCENT}; font-weight: bold;")
        row.addWidget(caption)
        self.tier_button = QPushButton(self.tr("Confirm or change the &tier…"), bar)
        self.tier_button.setObjectName("tier_button")
        self.tier_button.setToolTip(
            self.tr("Before mediation starts: confirm the suggested tier or choose another "
                    "one with a reason"))
        self.tier_button.clicked.connect(self.confirm_tier)
        row.addWidget(self.tier_button)
        self.move_buttons: dict[Move, QPushButton] = {}
        self.session_button = QPushButton(self.tr("Record a &session…"), bar)
        self.session_button.setObjectName("session_button")
        self.session_button.setToolTip(self.tr("Record a mediation session (调解笔录)"))
        self.session_button.clicked.connect(self.record_session)
        for move in Move:
            if move in _SET_APART:
                continue
            if move is Move.ESCALATE:
                row.addWidget(self.session_button)
            row.addWidget(self._move_button(move, bar))
        self.agreement_button = QPushButton(self.tr("A&greement…"), bar)
        self.agreement_button.setObjectName("agreement_button")
        self.agreement_button.setToolTip(self.tr("Write the mediation agreement (saved as a draft "
                                                 "until the parties sign)"))
        self.agreement_button.clicked.connect(self.edit_agreement)
        row.addWidget(self.agreement_button)
        self.correct_button = QPushButton(self.tr("Co&rrect agreement…"), bar)
        self.correct_button.setObjectName("correct_button")
        self.correct_button.clicked.connect(self.correct_agreement)
        row.addWidget(self.correct_button)
        self.sign_correction_button = QPushButton(self.tr("Sign the correction…"), bar)
        self.sign_correction_button.setObjectName("sign_correction_button")
        self.sign_correction_button.clicked.connect(self.sign_correction)
        row.addWidget(self.sign_correction_button)
        self.long_running_button = QPushButton(self.tr("Why it runs &long…"), bar)
        self.long_running_button.setObjectName("long_running_button")
        self.long_running_button.clicked.connect(self.explain_long_running)
        row.addWidget(self.long_running_button)
        # Facts the figures count as recorded: 民转刑, a group incident prevented, the
        # court's confirmation of the agreement.
        self.facts_button = QPushButton(self.tr("Recor&d…"), bar)
        self.facts_button.setObjectName("facts_button")
        self.facts_button.setToolTip(self.tr("Record that the dispute turned criminal, that a "
                                             "group incident was prevented, or the court's "
                                             "confirmation of the agreement"))
        facts_menu = QMenu(self.facts_button)
        self.fact_actions = {}
        for fact in RecordedFact:
            action = facts_menu.addAction(fact.label)
            action.setObjectName(f"fact_{fact.value}")
            action.triggered.connect(lambda _=False, f=fact: self.record_fact(f))
            self.fact_actions[fact] = action
        self.facts_button.setMenu(facts_menu)
        row.addWidget(self.facts_button)
        row.addStretch(1)
        self.print_button = QPushButton(self.tr("&Documents"), bar)
        self.print_button.setObjectName("documents_button")
        self.print_button.setToolTip(self.tr("Preview, print or save the case's documents"))
        from mediation_desk.documents import DocumentKind  # ReportLab: not at start-up

        menu = QMenu(self.print_button)
        self.document_actions: dict[DocumentKind, object] = {}
        for kind in DocumentKind:
            action = menu.addAction(f"{kind.title}…")
            action.triggered.connect(lambda _c=False, k=kind: self.show_document(k))
            self.document_actions[kind] = action
        # One session's or one visit's record, an agreement version, and the documents
        # already kept with the case: listed when the menu opens, from the case as shown.
        self.single_menu = menu.addMenu(self.tr("One record or version"))
        self.stored_menu = menu.addMenu(self.tr("Kept with the case"))
        menu.aboutToShow.connect(self._fill_document_menus)
        self.print_button.setMenu(menu)
        row.addWidget(self.print_button)
        for move in _SET_APART:
            row.addWidget(self._move_button(move, bar))
        self.no_moves_label = QLabel(self.tr("No further moves: the case is concluded."), bar)
        self.no_moves_label.setStyleSheet(f"color: {HINT_COLOUR};")
        row.insertWidget(1, self.no_moves_label)
        self.no_moves_label.hide()
        bar.setVisible(self._services is not None)
        return bar

    def _move_button(self, move: Move, parent: QWidget) -> QPushButton:
        button = QPushButton(f"{move.label}…", parent)
        button.setObjectName(f"move_{move.value}")
        button.clicked.connect(lambda _checked=False, m=move: self.open_move(m))
        button.hide()
        self.move_buttons[move] = button
        return button

    def _show_actions(self, d: CaseDetail) -> None:
        if self._services is None:
            return
        try:
            actions = self._services.flow.actions(d.id)
        except DomainError as error:
            actions = CaseActions(moves=(), record_session=False, set_tier=False)
            ui_errors.log.warning("allowed moves could not be read: %s", error)
        self.allowed = list(actions.moves)
        for move, button in self.move_buttons.items():
            button.setVisible(move in self.allowed)
        self.session_button.setVisible(actions.record_session)
        self.tier_button.setVisible(actions.set_tier)
        self.no_moves_label.setVisible(not self.allowed)
        latest = d.agreement
        state = d.row.state
        correcting = latest is not None and not latest.signed and latest.supersedes_id is not None
        self.agreement_button.setVisible(
            state is DisputeState.IN_MEDIATION or (correcting and state in VISIT_STATES))
        self.agreement_button.setText(
            self.tr("Edit the correction…") if correcting and state in VISIT_STATES
            else self.tr("A&greement…"))
        self.correct_button.setVisible(
            state in VISIT_STATES and latest is not None and latest.signed)
        self.sign_correction_button.setVisible(correcting and state in VISIT_STATES)
        target = next((x for x in d.deadlines if x.kind is DeadlineKind.MEDIATION_TARGET), None)
        self.long_running_button.setVisible(
            target is not None and target.open and target.days_left < 0)
        for fact, action in self.fact_actions.items():
            on = getattr(d, fact.column)
            action.setText(self.tr("{fact} (recorded {day})").format(
                fact=fact.label, day=f"{on:%Y-%m-%d}") if on else fact.label)

    # The actions.  Each opens a window-modal dialog; its outcome comes back to
    # `_action_finished`.
    def open_move(self, move: Move) -> MoveDialog | None:
        return self._open(lambda: MoveDialog(move, self.detail, services=self._require(),
                                             by=self.acting_user(), parent=self), move.label)

    def record_session(self) -> SessionDialog | None:
        return self._open(lambda: SessionDialog(self.detail, services=self._require(),
                                                by=self.acting_user(), parent=self),
                          self.tr("session recorded"))

    def change_risk(self) -> RiskDialog | None:
        return self._open(lambda: RiskDialog(self.detail, services=self._require(),
                                             by=self.acting_user(), parent=self),
                          self.tr("risk grade changed"))

    def record_notification(self) -> DutyLeaderDialog | None:
        return self._open(lambda: DutyLeaderDialog(self.detail, services=self._require(),
                                                   by=self.acting_user(), parent=self),
                          self.tr("duty leader notification recorded"))

    def confirm_tier(self) -> TierDialog | None:
        return self._open(
            lambda: TierDialog(self.detail, services=self._require(), by=self.acting_user(),
                               suggestion=self.suggestion_label.text(), parent=self),
            self.tr("tier confirmed"))

    def edit_agreement(self) -> AgreementDialog | None:
        return self._open(lambda: AgreementDialog(self.detail, services=self._require(),
                                                  by=self.acting_user(), parent=self),
                          self.tr("agreement saved"))

    def correct_agreement(self) -> CorrectAgreementDialog | None:
        dialog = self._open(lambda: CorrectAgreementDialog(self.detail, services=self._require(),
                                                           by=self.acting_user(), parent=self),
                            self.tr("correction started"))
        return dialog

    def sign_correction(self) -> bool:
        """Put the corrected agreement in force once the parties have signed it."""
        latest = self.detail.agreement
        if latest is None or latest.signed:
            return False
        if not ui_errors.ask_yes_no(
            self, self.tr("Sign the correction"),
            self.tr("Have all parties signed the corrected agreement (version {v})? It then "
                    "replaces version {old}, which stays in the file.").format(
                        v=latest.version, old=latest.version - 1),
            self.tr("Yes, it is signed"), self.tr("Not yet")):
            return False
        try:
            self._require().agreements.sign_correction(
                agreement_id=latest.id, expected_edit_version=latest.edit_version,
                by=self.acting_user())
        except DomainError as error:
            ui_errors.show_error(self, error)
            self.reload()
            return False
        self.reload()
        self.status_label.setText(self.tr("The corrected agreement is in force"))
        self.changed.emit(self.detail.id)
        return True

    def record_fact(self, fact: RecordedFact) -> RecordFactDialog | None:
        return self._open(lambda: RecordFactDialog(self.detail, fact, services=self._require(),
                                                   by=self.acting_user(), parent=self),
                          self.tr("recorded"))

    def explain_long_running(self) -> LongRunningDialog | None:
        return self._open(lambda: LongRunningDialog(self.detail, services=self._require(),
                                                    by=self.acting_user(), parent=self),
                          self.tr("reason recorded"))

    def record_visit(self, visit: VisitView) -> VisitDialog | None:
        return self._open(lambda: VisitDialog(self.detail, visit, services=self._require(),
                                              by=self.acting_user(), parent=self),
                          self.tr("visit recorded"))

    def move_visit(self, visit: VisitView) -> MoveVisitDialog | None:
        return self._open(lambda: MoveVisitDialog(self.detail, visit, services=self._require(),
                                                  by=self.acting_user(), parent=self),
                          self.tr("visit moved"))

    def cancel_visit(self, visit: VisitView) -> CancelVisitDialog | None:
        return self._open(lambda: CancelVisitDialog(self.detail, visit, services=self._require(),
                                                    by=self.acting_user(), parent=self),
                          self.tr("visit cancelled"))

    def add_visit(self) -> AddVisitDialog | None:
        return self._open(lambda: AddVisitDialog(self.detail, services=self._require(),
                                                 by=self.acting_user(), parent=self),
                          self.tr("visit added"))

    def propose_reopen(self, visit: VisitView) -> bool:
        """A visit found the agreement broken or the conflict back: ask, then reopen."""
        if not ui_errors.ask_yes_no(
            self, self.tr("Mediate again?"),
            self.tr("{grounds}.\n\nReopen the case for mediation? It will count as a "
                    "recurrence (反复) and the remaining visits are cancelled.").format(
                        grounds=visit.reopen_grounds),
            self.tr("Reopen for mediation"), self.tr("Not now")):
            return False
        try:
            detail = self._require().followups.reopen(
                visit_id=visit.id, expected_version=self.detail.version, by=self.acting_user())
        except DomainError as error:
            ui_errors.show_error(self, error)
            self.reload()
            return False
        self.set_detail(detail)
        self.status_label.setText(self.tr("Reopened for mediation"))
        self.changed.emit(self.detail.id)
        return True

    def show_document(self, kind: DocumentKind, ref_id: int | None = None) -> None:
        """Build the document on the worker, keep it with the case, then preview it."""
        services = self._require()
        case_id, by = self.detail.id, self.acting_user()
        self.status_label.setText(self.tr("Preparing {title}…").format(title=kind.title))

        def done(result: tuple[DocumentInfo, bytes]) -> None:
            info, content = result
            self.status_label.setText(self.tr("{title}: {pages} pages, kept with the case").format(
                title=info.title, pages=info.pages))
            preview = DocumentPreview(
                content, title=f"{info.title} — {self.detail.number}",
                file_name=f"{self.detail.number}{info.title}.pdf",
                note=self.tr("Kept with the case on {at} · SHA-256 {sha}").format(
                    at=f"{info.created_at:%Y-%m-%d %H:%M}", sha=info.sha256[:16]),
                parent=self)
            self.preview = preview
            preview.show()

        def failed(error: BaseException) -> None:
            self.status_label.setText("")
            if isinstance(error, DomainError):
                ui_errors.show_error(self, error)
            else:
                raise error

        self._tasks.run(lambda: services.documents.produce(
            dispute_id=case_id, kind=kind, ref_id=ref_id, by=by),
            on_success=done, on_failure=failed)

    def _fill_document_menus(self) -> None:
        from mediation_desk.documents import DocumentKind

        d = self.detail
        self.single_menu.clear()
        for session in sorted(d.sessions, key=lambda x: x.seq):
            action = self.single_menu.addAction(
                self.tr("Session record {n} ({date})").format(n=session.seq, date=session.held_on))
            action.triggered.connect(
                lambda _c=False, i=session.id: self.show_document(DocumentKind.SESSION, i))
        for visit in sorted(d.visits, key=lambda x: x.seq):
            if visit.visited_on is None:
                continue
            action = self.single_menu.addAction(
                self.tr("Follow-up record {n} ({date})").format(n=visit.seq, date=visit.visited_on))
            action.triggered.connect(
                lambda _c=False, i=visit.id: self.show_document(DocumentKind.FOLLOWUP, i))
        for agreement in d.agreements:
            kind = (DocumentKind.AGREEMENT if agreement.kind is SettlementKind.WRITTEN
                    else DocumentKind.ORAL_AGREEMENT)
            action = self.single_menu.addAction(
                self.tr("Agreement version {v} ({status})").format(
                    v=agreement.version, status=agreement.status.label))
            action.triggered.connect(
                lambda _c=False, k=kind, i=agreement.id: self.show_document(k, i))
        self.single_menu.setEnabled(not self.single_menu.isEmpty())
        self.stored_menu.clear()
        try:
            stored = self._require().documents.stored(d.id) if self._services else []
        except DomainError as error:
            ui_errors.log.warning("stored documents could not be read: %s", error)
            stored = []
        for info in reversed(stored):
            action = self.stored_menu.addAction(
                f"{info.created_at:%Y-%m-%d %H:%M}  {info.title}（{info.pages}页）{info.created_by}")
            action.triggered.connect(lambda _c=False, x=info: self.show_stored(x))
        self.stored_menu.setEnabled(bool(stored))

    def show_stored(self, info: DocumentInfo) -> DocumentPreview | None:
        """A document as it was produced and kept (never rebuilt)."""
        try:
            content = self._require().documents.content(info.id)
        except DomainError as error:
            ui_errors.show_error(self, error)
            return None
        self.preview = DocumentPreview(
            content, title=f"{info.title} — {self.detail.number}",
            file_name=f"{self.detail.number}{info.title}.pdf",
            note=self.tr("Kept with the case on {at} · SHA-256 {sha}").format(
                at=f"{info.created_at:%Y-%m-%d %H:%M}", sha=info.sha256[:16]),
            parent=self)
        self.preview.show()
        return self.preview

    def _require(self) -> Services:
        assert self._services is not None, "a read-only case screen has no actions"
        return self._services

    def _open(self, build: Callable[[], _Dialog], done_text: str) -> _Dialog | None:
        if self.action_dialog is not None:
            self.action_dialog.raise_()
            self.action_dialog.activateWindow()
            return None
        try:
            dialog = build()  # may read the roster
        except DomainError as error:
            ui_errors.show_error(self, error)
            return None
        self.action_dialog = dialog
        dialog.finished.connect(lambda _result: self._action_finished(dialog, done_text))
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def _action_finished(self, dialog: ActionDialog, done_text: str) -> None:
        if self.action_dialog is dialog:
            self.action_dialog = None
        dialog.deleteLater()
        if dialog.result_detail is not None:
            self.set_detail(dialog.result_detail)
            self.status_label.setText(self.tr("Saved at {time}: {what}").format(
                time=f"{self._require().clock():%H:%M}", what=done_text))
            self.changed.emit(self.detail.id)
            recorded = getattr(dialog, "recorded", None)
            if isinstance(recorded, VisitView) and recorded.reopen_grounds:
                # After the dialog has gone: the question is about the case, not the form.
                QTimer.singleShot(0, lambda v=recorded: self.propose_reopen(v))
        elif dialog.stale is not None:
            # Someone else changed the case first: show it as it is now, then say so.
            self.reload()
            self.status_label.setText(self.tr("Reloaded: the case had been changed elsewhere"))
            self.changed.emit(self.detail.id)
            ui_errors.show_message(
                self, QMessageBox.Icon.Warning, self.tr("Case {number}").format(
                    number=self.detail.number),
                dialog.stale.message,
                self.tr("The case has been reloaded as it is now. Check it, then do your "
                        "change again if it is still needed."))

    # --------------------------------------------------------------- facts
    def _facts(self) -> QWidget:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget(area)
        outer = QVBoxLayout(inner)
        outer.addWidget(section_title(self.tr("Facts"), inner))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._facts_form = form
        self.fact_labels: dict[str, QLabel] = {}
        captions = {
            "source": self.tr("Source:"),
            "screening": self.tr("From the screening log:"),
            "category": self.tr("Category:"),
            "kind": self.tr("Kind:"),
            "registered_at": self.tr("Registered:"),
            "accepted_on": self.tr("Accepted on:"),
            "occurred_on": self.tr("Occurred on:"),
            "place": self.tr("Place:"),
            "summary": self.tr("Summary:"),
            "applicant_claims": self.tr("Applicant asks for:"),
            "respondent_claims": self.tr("Respondent says:"),
            "amount": self.tr("Amount in dispute:"),
            "people_involved": self.tr("People involved:"),
            "grid": self.tr("Grid:"),
            "grid_worker": self.tr("Grid worker:"),
            "community_officer": self.tr("Community officer:"),
            "mediator": self.tr("Mediator:"),
            "suggested_tier": self.tr("Suggested tier:"),
            "tier_reason": self.tr("Why the tier differs:"),
            "flags": self.tr("Intake flags:"),
            "result": self.tr("Result:"),
        }
        for key, caption in captions.items():
            label = QLabel(inner)
            label.setObjectName(f"fact_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = label
            form.addRow(caption, label)
        outer.addLayout(form)
        self.deadlines_panel = DeadlinesPanel(inner)
        outer.addWidget(self.deadlines_panel)
        outer.addStretch(1)
        area.setWidget(inner)
        return area

    def _show_facts(self, d: CaseDetail) -> None:
        received = d.row.accepted_on
        values: dict[str, object] = {
            "source": d.source.label,
            "screening": d.screening.text if d.screening else "",
            "category": d.row.category.label,
            "kind": d.kind.label,
            "registered_at": f"{d.registered_at:%Y-%m-%d %H:%M}  {d.registered_by}".strip(),
            "accepted_on": received.isoformat() if received else "",
            "occurred_on": d.occurred_on.isoformat() if d.occurred_on else "",
            "place": d.place,
            "summary": d.summary,
            "applicant_claims": d.applicant_claims,
            "respondent_claims": d.respondent_claims,
            "amount": self.tr("¥{amount}").format(amount=f"{d.amount:,.2f}")
            if d.amount is not None else "",
            "people_involved": d.people_involved,
            "grid": d.grid,
            "grid_worker": d.grid_worker,
            "community_officer": d.community_officer,
            "mediator": d.row.mediator,
            "suggested_tier": _tier_text(d.suggested_tier),
            "tier_reason": d.tier_reason,
            "flags": self._flags_text(d),
            "result": self._result_text(d),
        }
        for key, value in values.items():
            self.fact_labels[key].setText(_or_dash(value))
        # Rows that only mean something for some cases are hidden, not dashed.
        for key in ("tier_reason", "result", "screening"):
            self._facts_form.setRowVisible(self.fact_labels[key], bool(values[key]))

    @staticmethod
    def _flags_text(d: CaseDetail) -> str:
        flags = d.flags
        names = flag_labels()
        shown = [names[key] for key in names if flags.get(key)]
        workers = int(flags.get("unpaid_workers") or 0)
        if workers:
            shown.append(f"{unpaid_workers_label()} {workers}")
        return "；".join(shown)

    @staticmethod
    def _result_text(d: CaseDetail) -> str:
        pieces = []
        if d.settlement:
            pieces.append(SettlementKind(d.settlement).label)
        if d.referral_route:
            pieces.append(ReferralRoute(d.referral_route).label)
        return "；".join(pieces)

    # ------------------------------------------------------------- parties
    def _parties_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(self.tr("Parties"), panel))
        headers = [
            self.tr("Side"), self.tr("Name"), self.tr("Sex"), self.tr("Ethnicity"),
            self.tr("Born"), self.tr("ID number / credit code"), self.tr("Phone"),
            self.tr("Address"), self.tr("Occupation / legal rep."), self.tr("Agent"),
            self.tr("Guardian"), self.tr("Notes"),
        ]
        self.parties_table = self._table("parties", headers)
        self._shown_parties: tuple[PartyView, ...] | None = None
        layout.addWidget(self.parties_table)
        return panel

    def _show_parties(self, d: CaseDetail) -> None:
        if d.parties == self._shown_parties:
            return  # no action here changes them; keep the columns as the user left them
        self._shown_parties = d.parties
        table = self.parties_table
        table.setRowCount(len(d.parties))
        for row, party in enumerate(d.parties):
            for column, text in enumerate(self._party_cells(party)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _party_cells(self, p: PartyView) -> list[str]:
        person = p.party_type is PartyType.PERSON
        agent = " ".join(x for x in (p.agent_name, p.agent_phone) if x)
        guardian = " ".join(
            x for x in (p.guardian_name, f"（{p.guardian_relation}）" if p.guardian_relation else "",
                        p.guardian_phone) if x
        )
        notes = []
        if not person:
            notes.append(p.party_type.label)
        if p.vulnerable:
            notes.append(self.tr("vulnerable"))
        return [
            p.side.label,
            p.name,
            p.sex.label if p.sex else "",
            p.ethnicity if person else "",
            p.birth_date.isoformat() if p.birth_date else "",
            p.id_number if person else p.credit_code,
            p.phone,
            p.address,
            p.occupation if person else p.legal_representative,
            agent,
            guardian,
            "，".join(notes),
        ]

    # ------------------------------------------------------------ sessions
    def _sessions_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sessions_title = section_title(self.tr("Mediation sessions"), panel)
        layout.addWidget(self.sessions_title)
        headers = [self.tr("No."), self.tr("Date"), self.tr("Time"), self.tr("Tier"),
                   self.tr("Present"), self.tr("Outcome"), self.tr("Next session")]
        self.sessions_table = self._table("sessions", headers)
        layout.addWidget(self.sessions_table)
        return panel

    def _show_sessions(self, d: CaseDetail) -> None:
        table = self.sessions_table
        sessions = sorted(d.sessions, key=lambda s: s.seq)
        table.setRowCount(len(sessions))
        for row, session in enumerate(sessions):
            tip = self._session_tooltip(session)
            for column, text in enumerate(self._session_cells(session)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.sessions_title.setText(self.tr("Mediation sessions ({count})").format(
            count=len(sessions)))

    def _session_cells(self, s: SessionView) -> list[str]:
        times = "–".join(t for t in (s.start_time, s.end_time) if t)
        return [
            self.tr("Session {n}").format(n=s.seq),
            s.held_on.isoformat(),
            times,
            s.tier.short_label,
            self._present(s),
            s.outcome_label,
            s.next_on.isoformat() if s.next_on else "",
        ]

    @staticmethod
    def _present(s: SessionView) -> str:
        return "、".join(f"{p.name}（{p.role.label}）" for p in s.participants)

    def _session_tooltip(self, s: SessionView) -> str:
        lines = [
            (self.tr("Place"), s.place),
            (self.tr("Parties present"), s.parties_present),
            (self.tr("Others present"), s.others_present),
            (self.tr("Applicant said"), s.applicant_statement),
            (self.tr("Respondent said"), s.respondent_statement),
            (self.tr("Proposals"), s.proposals),
            (self.tr("Recorded by"), s.recorded_by),
        ]
        return "\n".join(f"{caption}：{text}" for caption, text in lines if text)

    # ------------------------------------------------------------ timeline
    def _timeline_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(self.tr("Timeline"), panel))
        headers = [self.tr("Time"), self.tr("Event"), self.tr("State"), self.tr("Tier"),
                   self.tr("Reason"), self.tr("By")]
        table = self._table("timeline", headers)
        table.setWordWrap(True)
        # The reason column wraps: rows grow to fit it whenever its width changes, once
        # the header has finished laying out its sections.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(table.resizeRowsToContents)
        table.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: self._fit_rows.start() if column == 4 else None)
        self.timeline_table = table
        layout.addWidget(table)
        return panel

    def _show_timeline(self, d: CaseDetail) -> None:
        # Moves are stamped when they were made; a session when it was held.  At the same
        # minute a move comes first (a session is recorded after it is held).
        entries: list[tuple[tuple, list[str], bool]] = []
        for event in d.events:
            tier_move = event.kind in (EventKind.ESCALATED, EventKind.DEESCALATED)
            entries.append(((event.at, 0, event.id), self._event_cells(event), tier_move))
        for session in d.sessions:
            entries.append(((self._session_time(session), 1, session.seq),
                            self._session_timeline_cells(session), False))
        entries.sort(key=lambda entry: entry[0])
        table = self.timeline_table
        table.setRowCount(len(entries))
        bold = QFont(table.font())
        bold.setBold(True)
        for row, (_key, cells, tier_move) in enumerate(entries):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setToolTip(text)
                if tier_move and column in (1, 3):
                    item.setFont(bold)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        if entries:
            table.scrollToBottom()

    @staticmethod
    def _session_time(s: SessionView) -> dt.datetime:
        for text in (s.start_time, s.end_time):
            try:
                return dt.datetime.combine(s.held_on, dt.time.fromisoformat(text))
            except ValueError:
                continue
        return dt.datetime.combine(s.held_on, dt.time())

    def _session_timeline_cells(self, s: SessionView) -> list[str]:
        when = f"{s.held_on.isoformat()} {s.start_time}".strip()
        details = [self.tr("Present: {names}").format(names=self._present(s) or DASH)]
        if s.next_on:
            details.append(self.tr("next session {date}").format(date=s.next_on.isoformat()))
        return [when, self.tr("Session {n}").format(n=s.seq), s.outcome_label,
                s.tier.short_label, "；".join(details), s.recorded_by]

    @staticmethod
    def _event_cells(e: EventView) -> list[str]:
        def move(old: str, new: str) -> str:
            if old and new and old != new:
                return f"{old} → {new}"
            return new or old

        state = move(e.from_state.label if e.from_state else "",
                     e.to_state.label if e.to_state else "")
        tier = move(e.from_tier.short_label if e.from_tier else "",
                    e.to_tier.short_label if e.to_tier else "")
        reason = e.reason
        if e.team:  # an escalation names the new tier's team
            reason += "；" + QCoreApplication.translate("CaseDialog", "team: {names}").format(
                names="、".join(e.team))
        return [f"{e.at:%Y-%m-%d %H:%M}", e.kind.label, state, tier, reason, e.by]

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -------------------------------------------------------------- closing
    def done(self, result: int) -> None:
        if self.action_dialog is not None:
            self.action_dialog.reject()  # a session being typed asks first
            if self.action_dialog is not None:
                return  # the mediator chose to keep editing
        if self._preferences is not None:
            self._preferences.set_bytes(Preferences.CASE_GEOMETRY, self.saveGeometry())
        super().done(result)
