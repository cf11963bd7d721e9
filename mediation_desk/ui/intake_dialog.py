"""登记: the form that registers a new dispute.

The dialog collects what is typed into a `DisputeDraft` and hands it to
`CaseService.register` on the background worker; it holds no rules of its own.  Every
problem the service reports is shown next to its field (the keys of `ValidationErrors`
name the fields), the first bad field gets the focus, and everything typed stays.  The
suggested tier (`CaseService.suggest_tier`) updates as the facts are typed.

Keyboard: Tab walks the form in reading order, Enter in a one-line field moves to the
next field, Ctrl+Enter saves, Esc cancels (asking first if something was typed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.errors import ValidationErrors
from mediation_desk.domain.intake import DisputeDraft, validate_dispute
from mediation_desk.domain.tiering import TierSuggestion
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeKind,
    PartySide,
    RiskGrade,
    RosterRole,
    Source,
    Tier,
)
from mediation_desk.services.container import Services
from mediation_desk.services.dto import CaseDetail
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.labels import flag_labels, none_choice, unpaid_workers_label
from mediation_desk.ui.party_editor import PartyEditor, SideEditor
from mediation_desk.ui.preferences import Preferences
from mediation_desk.ui.tasks import TaskRunner
from mediation_desk.ui.widgets import (
    ACCENT,
    DateLineEdit,
    ErrorLine,
    FieldBox,
    ValueCombo,
    risk_icon,
    section_title,
)

SUGGESTION_DELAY_MS = 120


class IntakeDialog(QDialog):
    def __init__(
        self,
        services: Services,
        *,
        tasks: TaskRunner,
        user_name: str,
        preferences: Preferences | None = None,
        prefill: DisputeDraft | None = None,
        register: Callable[[DisputeDraft, str], CaseDetail] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`prefill` starts the form from a draft (a screening-log line taken in);
        `register(draft, by)` replaces `CaseService.register` as the save (the screening
        log's, which also links its line)."""
        super().__init__(parent)
        self.setObjectName("intake_dialog")
        self.setWindowTitle(self.tr("Register a dispute"))
        self._services = services
        self._tasks = tasks
        self._user_name = user_name
        self._preferences = preferences
        self._register = register
        self.detail: CaseDetail | None = None  # the registered case, after success
        self.suggestion: TierSuggestion | None = None
        self._tier_overridden = False
        self._saving = False
        self.boxes: dict[str, FieldBox] = {}

        outer = QVBoxLayout(self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        content = QWidget(self.scroll)
        self._content_layout = QVBoxLayout(content)
        self._content_layout.setSpacing(8)
        self._build_dispute_section(content)
        self.applicants = self._side(PartySide.APPLICANT, content)
        self.respondents = self._side(PartySide.RESPONDENT, content)
        self._build_facts_section(content)
        self._build_flags_section(content)
        self._content_layout.addStretch(1)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)
        self._build_bottom(outer)

        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(SUGGESTION_DELAY_MS)
        self._suggest_timer.timeout.connect(self.update_suggestion)
        for box in self.boxes.values():
            box.connect_edited(self._suggest_timer.start)
        self.applicants.connect_changed(self._suggest_timer.start)
        self.respondents.connect_changed(self._suggest_timer.start)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.save)
        if prefill is not None:
            self.fill(prefill)
        self._initial = self.collect()[0]
        self.update_suggestion()
        self.resize(1180, 860)
        if preferences is not None and (geometry := preferences.bytes(Preferences.INTAKE_GEOMETRY)):
            self.restoreGeometry(geometry)
        self.source.setFocus()

    # ------------------------------------------------------------ building
    def _today(self) -> dt.date:
        return self._services.clock().date()

    def _box(self, key: str, caption: str, editor: QWidget, parent: QWidget) -> FieldBox:
        editor.setObjectName(key)
        box = FieldBox(caption, editor, parent, key=key)
        self.boxes[key] = box
        return box

    def _combo(self, items: list[tuple[str, object]], placeholder: str | None,
               parent: QWidget) -> ValueCombo:
        combo = ValueCombo(parent)
        if placeholder is not None:
            combo.add_value(placeholder, None)
        for text, value in items:
            combo.add_value(text, value)
        return combo

    def _build_dispute_section(self, parent: QWidget) -> None:
        self._content_layout.addWidget(section_title(self.tr("Dispute"), parent))
        grid = QGridLayout()
        choose = self.tr("Choose…")
        self.source = self._combo([(s.label, s) for s in Source], choose, parent)
        self.category = self._combo([(c.label, c) for c in Category], choose, parent)
        self.kind = self._combo([(k.label, k) for k in DisputeKind], None, parent)
        self.risk = self._combo([(r.label, r) for r in RiskGrade], None, parent)
        for index, grade in enumerate(RiskGrade):
            self.risk.setItemIcon(index, risk_icon(grade))
        self.risk.setCurrentIndex(list(RiskGrade).index(RiskGrade.BLUE))
        for column, (key, caption, editor) in enumerate((
            ("source", self.tr("Sour&ce"), self.source),
            ("category", self.tr("Ca&tegory"), self.category),
            ("kind", self.tr("&Kind"), self.kind),
            ("risk", self.tr("&Risk grade"), self.risk),
        )):
            grid.addWidget(self._box(key, caption, editor, parent), 0, column)
            grid.setColumnStretch(column, 1)
        self._content_layout.addLayout(grid)

    def _side(self, side: PartySide, parent: QWidget) -> SideEditor:
        editor = SideEditor(side, self._today, parent)
        editor.add_party()
        self._content_layout.addWidget(editor)
        return editor

    def _build_facts_section(self, parent: QWidget) -> None:
        self._content_layout.addWidget(section_title(self.tr("Facts"), parent))
        grid = QGridLayout()
        self.occurred_on = DateLineEdit(parent)
        self.place = QLineEdit(parent)
        self.summary = self._text_edit(parent, 70)
        self.applicant_claims = self._text_edit(parent, 54)
        self.respondent_claims = self._text_edit(parent, 54)
        self.amount = QLineEdit(parent)
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 3500.00"))
        self.people_involved = QSpinBox(parent)
        self.people_involved.setRange(1, 100_000)
        self.people_involved.setValue(2)
        self.grid = QComboBox(parent)
        self.grid.setEditable(True)
        self.grid.addItem("")
        self.grid.addItems(self._services.roster.grids())
        self.community_officer = QComboBox(parent)
        self.community_officer.setEditable(True)
        self.community_officer.addItem("")
        self.community_officer.addItems(
            [e.name for e in self._services.roster.list(
                roles={RosterRole.COMMUNITY_OFFICER}, active_only=True)])
        self.mediator = self._combo(
            [(e.name, e.id) for e in self._services.roster.list(
                roles={RosterRole.MEDIATOR}, active_only=True)], none_choice(), parent)
        self.grid_worker = self._combo(
            [(f"{e.name}（{e.grid}）" if e.grid else e.name, e.id)
             for e in self._services.roster.list(roles={RosterRole.GRID_WORKER}, active_only=True)],
            none_choice(), parent)
        layout = (
            ("occurred_on", self.tr("&Occurred on"), self.occurred_on, 0, 0, 1),
            ("place", self.tr("P&lace"), self.place, 0, 1, 3),
            ("summary", self.tr("Su&mmary of what happened"), self.summary, 1, 0, 4),
            ("applicant_claims", self.tr("What the applicant asks for"),
             self.applicant_claims, 2, 0, 2),
            ("respondent_claims", self.tr("What the respondent says"),
             self.respondent_claims, 2, 2, 2),
            ("amount", self.tr("Amo&unt in dispute"), self.amount, 3, 0, 1),
            ("people_involved", self.tr("People involved"), self.people_involved, 3, 1, 1),
            ("grid", self.tr("&Grid"), self.grid, 3, 2, 1),
            ("community_officer", self.tr("Community officer"), self.community_officer, 3, 3, 1),
            ("mediator_id", self.tr("Me&diator"), self.mediator, 4, 0, 2),
            ("grid_worker_id", self.tr("Grid &worker"), self.grid_worker, 4, 2, 2),
        )
        for key, caption, editor, row, column, span in layout:
            grid.addWidget(self._box(key, caption, editor, parent), row, column, 1, span)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        self._content_layout.addLayout(grid)

    @staticmethod
    def _text_edit(parent: QWidget, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # Tab leaves the field, as everywhere else in the form
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height * 2)
        return edit

    def _build_flags_section(self, parent: QWidget) -> None:
        self._content_layout.addWidget(
            section_title(self.tr("Facts that decide the tier"), parent))
        grid = QGridLayout()
        self.flags: dict[str, QCheckBox] = {}
        for index, (key, text) in enumerate(flag_labels().items()):
            box = QCheckBox(text, parent)
            self.flags[key] = box
            wrapper = self._box(key, "", box, parent)
            wrapper.caption.hide()
            grid.addWidget(wrapper, index // 3, index % 3)
        self.unpaid_workers = QSpinBox(parent)
        self.unpaid_workers.setRange(0, 100_000)
        row = QHBoxLayout()
        box = self._box("unpaid_workers", unpaid_workers_label(), self.unpaid_workers, parent)
        row.addWidget(box)
        row.addStretch(3)
        grid.addLayout(row, 2, 0, 1, 3)
        self._content_layout.addLayout(grid)

    def _build_bottom(self, outer: QVBoxLayout) -> None:
        panel = QWidget(self)
        panel.setObjectName("tier_panel")
        panel.setStyleSheet(
            "#tier_panel { border-top: 1px solid #c5ccd6; }")
        layout = QGridLayout(panel)
        layout.setContentsMargins(0, 6, 0, 0)
        self.suggestion_label = QLabel(panel)
        self.suggestion_label.setObjectName("suggestion")
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setStyleSheet(f"color: {ACCENT}; font-weight: bold;")
        layout.addWidget(self.suggestion_label, 0, 0, 1, 3)
        self.tier = ValueCombo(panel)
        for tier in Tier:
            self.tier.add_value(f"{tier.short_label} {tier.label}", tier)
        self.tier.activated.connect(self._tier_chosen)
        tier_box = self._box("tier", self.tr("Tier to start &in"), self.tier, panel)
        layout.addWidget(tier_box, 1, 0)
        self.tier_reason = QLineEdit(panel)
        self.tier_reason.setPlaceholderText(
            self.tr("Needed only when the tier differs from the suggestion"))
        layout.addWidget(self._box("tier_reason", self.tr("Reason for anot&her tier"),
                                   self.tier_reason, panel), 1, 1, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 2)
        layout.setColumnStretch(2, 1)
        self.general_error = ErrorLine(panel)
        layout.addWidget(self.general_error, 2, 0, 1, 3)
        self.status = QLabel(panel)
        self.status.setObjectName("status")
        layout.addWidget(self.status, 3, 0, 1, 2)
        self.buttons = QDialogButtonBox(panel)
        self.save_button = QPushButton(self.tr("&Save"), panel)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save the dispute (Ctrl+Enter)"))
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons, 3, 2)
        outer.addWidget(panel)

    def fill(self, draft: DisputeDraft) -> None:
        """Show a draft's facts and its parties' names, phones and addresses."""
        for combo, value in ((self.source, draft.source), (self.category, draft.category),
                             (self.kind, draft.kind), (self.risk, draft.risk),
                             (self.mediator, draft.mediator_id),
                             (self.grid_worker, draft.grid_worker_id)):
            combo.set_value(value)
        self.occurred_on.set_date(draft.occurred_on)
        self.place.setText(draft.place)
        self.summary.setPlainText(draft.summary)
        self.applicant_claims.setPlainText(draft.applicant_claims)
        self.respondent_claims.setPlainText(draft.respondent_claims)
        self.amount.setText("" if draft.amount is None else str(draft.amount))
        self.people_involved.setValue(draft.people_involved)
        self.grid.setCurrentText(draft.grid)
        self.community_officer.setCurrentText(draft.community_officer)
        for side in (self.applicants, self.respondents):
            for index, party in enumerate(draft.side(side.side)):
                editor = side.editors[index] if index < len(side.editors) else side.add_party()
                editor.name.setText(party.name)
                editor.phone.setText(party.phone)
                editor.address.setText(party.address)

    # ------------------------------------------------------------ collecting
    def collect(self) -> tuple[DisputeDraft, dict[str, str]]:
        """The draft as typed, and the errors met while reading it (unreadable dates)."""
        local: dict[str, str] = {}
        applicants, errors = self.applicants.collect()
        local.update(errors)
        respondents, errors = self.respondents.collect()
        local.update(errors)
        try:
            occurred = self.occurred_on.date()
        except ValueError:
            occurred = None
            local["occurred_on"] = self.tr("Not a date; type it as 2026-11-20")
        amount = self.amount.text().strip()
        chosen = self.tier.value()
        suggested = self.suggestion.tier if self.suggestion else None
        draft = DisputeDraft(
            source=self.source.value(),
            category=self.category.value(),
            kind=self.kind.value(),
            risk=self.risk.value(),
            parties=tuple(applicants + respondents),
            occurred_on=occurred,
            place=self.place.text(),
            summary=self.summary.toPlainText(),
            applicant_claims=self.applicant_claims.toPlainText(),
            respondent_claims=self.respondent_claims.toPlainText(),
            amount=amount or None,
            people_involved=self.people_involved.value(),
            grid=self.grid.currentText(),
            community_officer=self.community_officer.currentText(),
            mediator_id=self.mediator.value(),
            grid_worker_id=self.grid_worker.value(),
            unpaid_workers=self.unpaid_workers.value(),
            # Follow the suggestion unless the mediator picked another tier on purpose.
            tier=int(chosen) if self._tier_overridden and chosen is not suggested else None,
            tier_reason=self.tier_reason.text(),
            **{key: box.isChecked() for key, box in self.flags.items()},
        )
        return draft, local

    def is_dirty(self) -> bool:
        draft, _ = self.collect()
        return draft != self._initial

    # ------------------------------------------------------------ suggestion
    def update_suggestion(self) -> None:
        self._suggest_timer.stop()
        draft, _ = self.collect()
        try:
            suggestion = self._services.cases.suggest_tier(draft)
        except Exception as error:
            ui_errors.log.warning("tier suggestion failed: %s", error)
            return
        self.suggestion = suggestion
        self.suggestion_label.setText(
            self.tr("Suggested tier: {tier} — {why}").format(
                tier=suggestion.tier.short_label, why=suggestion.explanation()))
        if not self._tier_overridden:
            self.tier.set_value(suggestion.tier)
        self._update_reason_state()

    def _tier_chosen(self, _index: int) -> None:
        self._tier_overridden = True
        self._update_reason_state()
        self._suggest_timer.start()

    def _update_reason_state(self) -> None:
        differs = self.suggestion is not None and self.tier.value() is not self.suggestion.tier
        self.tier_reason.setEnabled(differs)
        self.boxes["tier_reason"].caption.setText(
            self.tr("Reason for anot&her tier (required)") if differs
            else self.tr("Reason for anot&her tier"))

    # ---------------------------------------------------------------- saving
    def save(self) -> None:
        if self._saving:
            return
        self.update_suggestion()
        draft, local = self.collect()
        if local:
            # A date that cannot be read: show it with every other problem, save nothing.
            problems = dict(local)
            try:
                validate_dispute(draft, today=self._today())
            except ValidationErrors as error:
                problems = {**error.as_dict(), **local}
            self.show_errors(problems)
            return
        self.clear_errors()
        by = self.mediator.currentText() if self.mediator.value() is not None \
            else self._user_name
        self._set_saving(True)
        cases = self._services.cases
        register = self._register or (lambda d, b: cases.register(draft=d, by=b))
        self._tasks.run(lambda: register(draft, by),
                        on_success=self._saved, on_failure=self._save_failed)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.cancel_button.setEnabled(not saving)
        self.status.setText(self.tr("Saving…") if saving else "")

    def _saved(self, detail: CaseDetail) -> None:
        self._set_saving(False)
        self.detail = detail
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
        self.applicants.clear_errors()
        self.respondents.clear_errors()
        self.general_error.clear_error()

    def show_errors(self, problems: dict[str, str]) -> None:
        """Put each message by its field, focus the first bad one; keep all input."""
        self.clear_errors()
        targets: list[QWidget] = []
        for key, message in problems.items():
            target = self._show_one(key, message)
            if target is not None:
                targets.append(target)
        count = len(problems)
        self.general_error.set_error(
            "\n".join(filter(None, [
                self.general_error.error_text(),
                self.tr("%n problem(s) to fix before saving; nothing was saved.", "", count),
            ])))
        first = self._first_in_focus_order(targets)
        if first is not None:
            self.scroll.ensureWidgetVisible(first, 50, 80)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_one(self, key: str, message: str) -> QWidget | None:
        box = self.boxes.get(key)
        if box is not None:
            box.set_error(message)
            return box.editor
        side_name, _, rest = key.partition(".")
        sides = {PartySide.APPLICANT.value: self.applicants,
                 PartySide.RESPONDENT.value: self.respondents}
        side = sides.get(side_name)
        if side is not None and not rest:
            side.error_line.set_error(message)
            return side.add_button
        if side is not None:
            index_text, _, field_name = rest.partition(".")
            if index_text.isdigit() and int(index_text) < len(side.editors):
                editor: PartyEditor = side.editors[int(index_text)]
                return editor.set_error(field_name, message)
        self.general_error.set_error(
            "\n".join(filter(None, [self.general_error.error_text(), message])))
        return None

    def _first_in_focus_order(self, widgets: list[QWidget]) -> QWidget | None:
        if not widgets:
            return None
        wanted = set(widgets)
        widget = self.source
        for _ in range(2000):  # the focus chain is a cycle; walk it once
            if widget in wanted:
                return widget
            widget = widget.nextInFocusChain()
            if widget is self.source:
                break
        return widgets[0]

    def error_messages(self) -> dict[str, str]:
        """Every message shown now, by field key (for tests and screen readers)."""
        shown = {key: box.error_text() for key, box in self.boxes.items() if box.error_text()}
        for side in (self.applicants, self.respondents):
            if side.error_line.error_text():
                shown[side.side.value] = side.error_line.error_text()
            for index, editor in enumerate(side.editors):
                for key, box in editor.boxes.items():
                    if box.error_text():
                        shown[f"{side.side.value}.{index}.{key}"] = box.error_text()
        return shown

    # ------------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
                return
            focus = self.focusWidget()
            # In a one-line field Enter moves on, so a stray Enter does not save half a form.
            if focus is not None and not isinstance(focus, (QAbstractButton, QPlainTextEdit)):
                self.focusNextChild()
                return
        super().keyPressEvent(event)

    # --------------------------------------------------------------- closing
    def reject(self) -> None:
        if self._saving:
            return
        if self.is_dirty() and not ui_errors.ask_yes_no(
            self,
            self.tr("Register a dispute"),
            self.tr("Discard what you have typed?"),
            self.tr("&Discard"),
            self.tr("&Keep editing"),
        ):
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._preferences is not None:
            self._preferences.set_bytes(Preferences.INTAKE_GEOMETRY, self.saveGeometry())
        super().done(result)
