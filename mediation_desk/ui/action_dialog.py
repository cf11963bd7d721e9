"""The shape shared by the small dialogs that act on one case from its screen.

A move, a session record, a risk change, a tier confirmation: each collects a few
values, makes one service call and either hands back the case as it now stands or
explains why nothing was done.  The outcomes are the same everywhere, so they are sorted
here once:

- a `CaseDetail` came back: kept in `result_detail`, the dialog is accepted;
- `ValidationErrors`: each message goes next to its field, the input stays;
- `IllegalTransition`: the domain's sentence is shown in the dialog, which stays open;
- `ConcurrentModification`: kept in `stale` and the dialog closes, because what it was
  about to do was decided on an old version; the case screen shows the message and
  reloads (a long form sets `KEEP_OPEN_ON_STALE` and stays open with the message, so the
  text typed can be copied);
- any other expected error (a locked or full database, ...): the shared error dialog
  from `ui/errors.py`, and the input stays.

Service writes take milliseconds, so the call runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.errors import (
    ConcurrentModification,
    DomainError,
    IllegalTransition,
    ValidationErrors,
)
from mediation_desk.services.dto import CaseDetail
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.widgets import ACCENT, ERROR_COLOUR, ErrorLine, FieldBox


class LocalProblems(Exception):
    """Input the dialog could not even read (a date that is not a date), by field key."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


class RefusalLine(ErrorLine):
    """The domain's refusal, in a framed red box so it cannot be missed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusal")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(
            f"QLabel {{ color: {ERROR_COLOUR}; background: #fdecea;"
            f" border: 1px solid {ERROR_COLOUR}; border-radius: 4px; padding: 6px 8px; }}"
        )


def text_edit(parent: QWidget, height: int = 64) -> QPlainTextEdit:
    """A short multi-line field; Tab leaves it, as everywhere else in the dialogs."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 2)
    return edit


class ActionDialog(QDialog):
    """Base of the case screen's dialogs: fields, a refusal line, submit and cancel."""

    # Service error keys that belong to a field with another name here.
    FIELD_ALIASES: dict[str, str] = {}
    # A long form (an agreement, a visit record) stays open on a stale save, so what was
    # typed is still there to copy; a short action closes and the case screen reloads.
    KEEP_OPEN_ON_STALE = False

    def __init__(
        self,
        detail: CaseDetail,
        *,
        title: str,
        submit_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.detail = detail
        self.result_detail: CaseDetail | None = None  # the case after success
        self.stale: ConcurrentModification | None = None
        self.boxes: dict[str, FieldBox] = {}
        self.setWindowTitle(f"{title} — {detail.number}")

        self.main_layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(f"color: {ACCENT}; font-weight: bold;")
        self.intro.hide()
        self.main_layout.addWidget(self.intro)
        self.fields = QVBoxLayout()
        self.fields.setSpacing(6)
        self.main_layout.addLayout(self.fields, 1)
        self.refusal = RefusalLine(self)
        self.main_layout.addWidget(self.refusal)

        self.buttons = QDialogButtonBox(self)
        self.submit_button = QPushButton(submit_text, self)
        self.submit_button.setObjectName("submit")
        self.submit_button.setDefault(True)
        self.submit_button.setToolTip(self.tr("Ctrl+Enter"))
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.main_layout.addWidget(self.buttons)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.submit)

    # ------------------------------------------------------------ building
    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def field(self, key: str, caption: str, editor: QWidget, *, add: bool = True) -> FieldBox:
        """A captioned field whose errors are shown under it; added to the form unless
        `add` is false (the caller lays it out)."""
        editor.setObjectName(key)
        box = FieldBox(caption, editor, self, key=key)
        self.boxes[key] = box
        if add:
            self.fields.addWidget(box)
        return box

    # ------------------------------------------------------------ submitting
    def call(self) -> CaseDetail:
        """Read the fields and make the service call; raise what the service raises,
        or `LocalProblems` for input that could not be read."""
        raise NotImplementedError

    def submit(self) -> None:
        if self.result_detail is not None or self.stale is not None:
            return  # already done (a shortcut and a key press can both arrive)
        self.clear_errors()
        try:
            detail = self.call()
        except LocalProblems as problems:
            self.show_errors(problems.problems)
        except ValidationErrors as error:
            self.show_errors(error.as_dict())
        except IllegalTransition as error:
            self.refusal.set_error(error.message)
        except ConcurrentModification as error:
            if self.KEEP_OPEN_ON_STALE:
                self.refusal.set_error(error.message)
                return
            self.stale = error
            self.reject()
        except DomainError as error:  # storage trouble, a vanished case, ...
            ui_errors.show_error(self, error)
        else:
            self.result_detail = detail
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter saves from anywhere, also where the shortcut is not delivered (a
        # window that is not active yet).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
            return
        super().keyPressEvent(event)

    # ---------------------------------------------------------------- errors
    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.refusal.clear_error()

    def show_errors(self, problems: dict[str, str]) -> None:
        """Each message by its field (the first one gets the focus); the rest, and
        messages for fields this dialog has not got, in the refusal line."""
        first: QWidget | None = None
        elsewhere: list[str] = []
        for key, message in problems.items():
            box = self.boxes.get(self.FIELD_ALIASES.get(key, key))
            if box is None:
                elsewhere.append(message)
                continue
            box.set_error(message)
            first = first or box.editor
        self.refusal.set_error("\n".join(elsewhere))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_messages(self) -> dict[str, str]:
        """Every message shown now, by field key ("refusal" for the dialog's own line)."""
        shown = {key: box.error_text() for key, box in self.boxes.items() if box.error_text()}
        if self.refusal.error_text():
            shown["refusal"] = self.refusal.error_text()
        return shown

