"""Small widgets shared by several windows: risk marks, the tier indicator, form fields.

Nothing here knows about services; these only draw values and collect input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QDate, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.vocabulary import RiskGrade

ERROR_COLOUR = "#c62828"
HINT_COLOUR = "#5f6b7a"
ACCENT = "#1f5fa8"


def risk_pixmap(grade: RiskGrade, size: int = 12, ratio: float = 1.0) -> QPixmap:
    """A filled circle in the grade's colour, as in the printed documents."""
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(grade.colour).darker(130))
    painter.setBrush(QColor(grade.colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return pixmap


def risk_icon(grade: RiskGrade, size: int = 12) -> QIcon:
    icon = QIcon()
    icon.addPixmap(risk_pixmap(grade, size, 1.0))
    icon.addPixmap(risk_pixmap(grade, size, 2.0))
    return icon


class RiskMark(QWidget):
    """A coloured dot and the grade's label: "● 红"."""

    def __init__(self, grade: RiskGrade | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._dot = QLabel(self)
        self._text = QLabel(self)
        layout.addWidget(self._dot)
        layout.addWidget(self._text)
        if grade is not None:
            self.set_grade(grade)

    def set_grade(self, grade: RiskGrade) -> None:
        self._dot.setPixmap(risk_pixmap(grade, 14, self.devicePixelRatioF()))
        self._text.setText(self.tr("Risk: {grade}").format(grade=grade.label))
        self.setToolTip(self._text.text())


class ValueCombo(QComboBox):
    """A combo box whose items stand for Python values (enum members, ids, None).

    Qt turns a `str`-based enum stored as item data into a plain string (and an IntEnum
    into an int), so the values are kept here, by item index, and come back as they went in.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[object] = []

    def add_value(self, text: str, value: object, icon: QIcon | None = None) -> None:
        self._values.append(value)
        if icon is None:
            self.addItem(text)
        else:
            self.addItem(icon, text)

    def value(self) -> object:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def value_at(self, index: int) -> object:
        return self._values[index] if 0 <= index < len(self._values) else None

    def index_of(self, value: object) -> int:
        for index, item in enumerate(self._values):
            if item == value and type(item) is type(value):
                return index
        return -1

    def set_value(self, value: object) -> bool:
        index = self.index_of(value)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


class FieldBox(QWidget):
    """A caption above an editor and a red error line below it.

    The caption is the editor's buddy, so "&Name" gives Alt+N.  The error line stays
    hidden until `set_error` is called, and `editor` is what gets the focus.  Editing the
    value clears the field's error and calls the `connect_edited` callbacks.
    """

    def __init__(
        self, caption: str, editor: QWidget, parent: QWidget | None = None, *, key: str = ""
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.caption = QLabel(caption, self)
        self.caption.setBuddy(editor)
        self.caption.setStyleSheet(f"color: {HINT_COLOUR};")
        layout.addWidget(self.caption)
        layout.addWidget(editor)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {HINT_COLOUR};")
        self.hint.hide()
        layout.addWidget(self.hint)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._watch(editor)

    @staticmethod
    def _edit_signals(editor: QWidget) -> list:
        """The editor's own signals that mean "the value was changed"."""
        if isinstance(editor, QLineEdit):
            signals = [editor.textEdited]
            if isinstance(editor, DateLineEdit):
                signals.append(editor.date_picked)
            return signals
        if isinstance(editor, QComboBox):
            signals = [editor.currentIndexChanged]
            if editor.isEditable():
                signals.append(editor.editTextChanged)
            return signals
        if isinstance(editor, QPlainTextEdit):
            return [editor.textChanged]
        if isinstance(editor, QAbstractSpinBox):
            signals = [editor.editingFinished]
            if hasattr(editor, "valueChanged"):
                signals.append(editor.valueChanged)
            return signals
        if isinstance(editor, QAbstractButton):
            return [editor.toggled]
        return []

    def _watch(self, editor: QWidget) -> None:
        self._signals = self._edit_signals(editor)
        self.connect_edited(self.clear_error)

    def connect_edited(self, callback: Callable[[], object]) -> None:
        """Call `callback` whenever the value is edited.

        Connected straight to the editor's C++ signals rather than re-emitted from
        Python: PySide6 6.12.0 drops a reference to `True` on every Python-side `emit()`,
        which crashes Python 3.11 after a few thousand, and this fires on every keystroke.
        """
        for signal in self._signals:
            signal.connect(lambda *_args: callback())

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.caption.setStyleSheet(f"color: {ERROR_COLOUR if message else HINT_COLOUR};")
        if isinstance(self.editor, QLineEdit | QPlainTextEdit):
            # Only text fields get a red frame: a style sheet on a combo box or a spin
            # box replaces its native look altogether.
            self.editor.setStyleSheet(f"border: 1px solid {ERROR_COLOUR};" if message else "")
        self.editor.setAccessibleDescription(message)

    def clear_error(self) -> None:
        if self.error.isVisible() or self.error.text():
            self.set_error("")

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() else ""

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))


class ErrorLine(QLabel):
    """A red message line for errors that belong to a section, not to one field."""

    def __init__(self, parent: QWidget | None = None, *, key: str = "") -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("error")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.hide()

    def set_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_error(self) -> None:
        self.set_error("")

    def error_text(self) -> str:
        # isHidden, not isVisible: the message counts even while its dialog is not shown.
        return self.text() if not self.isHidden() else ""


_DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(text: str) -> dt.date | None:
    """"2026-11-20", "2026/11/20", "2026.11.20", "2026年11月20日" or "20261120"; "" is None.

    Raises ValueError for anything else.
    """
    text = text.strip()
    if not text:
        return None
    match = _DATE_RE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    elif text.isdigit() and len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        raise ValueError(text)
    return dt.date(year, month, day)


class DateLineEdit(QLineEdit):
    """An optional date typed as text (fast from the keyboard), with a calendar button."""

    date_picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.setMaxLength(12)
        action = QAction(self)
        action.setIcon(self.style().standardIcon(self.style().StandardPixmap.SP_FileDialogDetailedView))
        action.setToolTip(self.tr("Pick from a calendar"))
        action.triggered.connect(self._show_calendar)
        self.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        self._calendar: QCalendarWidget | None = None

    def date(self) -> dt.date | None:
        """The date typed, None if empty; ValueError if it is not a date."""
        return parse_date(self.text())

    def set_date(self, value: dt.date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def _show_calendar(self) -> None:
        calendar = QCalendarWidget()
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        try:
            current = self.date()
        except ValueError:
            current = None
        if current:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        calendar.clicked.connect(lambda qdate: self._picked(calendar, qdate))
        calendar.activated.connect(lambda qdate: self._picked(calendar, qdate))
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()
        self._calendar = calendar

    def _picked(self, calendar: QCalendarWidget, qdate: QDate) -> None:
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
        calendar.close()
        self._calendar = None
        self.setFocus()
        self.date_picked.emit()


def section_title(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    label.setStyleSheet(f"color: {ACCENT}; padding-top: 6px;")
    return label


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return line
