"""The screening log's table: loaded lines, a page at a time.

The model only holds the lines read so far (`ScreeningView`, plain values) and the total
that match; when the view scrolls near the end, `fetchMore` asks for the next page through
`more_wanted(offset)`, and the owner reads it on the worker thread and hands it to
`append`.  Nothing here touches the database.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from mediation_desk.services.dto import ScreeningView
from mediation_desk.ui.widgets import HINT_COLOUR, risk_icon

IdRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    FOUND_ON = 0
    GRID = 1
    GRID_WORKER = 2
    HOUSEHOLD = 3
    CONFLICT = 4
    RISK = 5
    ACTION = 6
    HANDED_TO = 7
    CASE = 8


class ScreeningTableModel(QAbstractTableModel):
    more_wanted = Signal(int)  # the offset of the next page

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ScreeningView] = []
        self._total = 0
        self._fetching = False
        self._headers = {
            Column.FOUND_ON: self.tr("Found on"),
            Column.GRID: self.tr("Grid"),
            Column.GRID_WORKER: self.tr("Grid worker"),
            Column.HOUSEHOLD: self.tr("Household"),
            Column.CONFLICT: self.tr("Hidden conflict found"),
            Column.RISK: self.tr("Risk"),
            Column.ACTION: self.tr("Action taken"),
            Column.HANDED_TO: self.tr("Handed to"),
            Column.CASE: self.tr("Case"),
        }

    # ------------------------------------------------------------- contents
    def set_rows(self, rows: list[ScreeningView], total: int) -> None:
        """A new first page (new filter or refresh)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._total = max(total, len(self._rows))
        self._fetching = False
        self.endResetModel()

    def append(self, offset: int, rows: list[ScreeningView]) -> None:
        """A further page; ignored unless it continues the rows held."""
        self._fetching = False
        if offset != len(self._rows) or not rows:
            if not rows:
                self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def replace_row(self, view: ScreeningView) -> bool:
        """Redraw one line after it was edited or taken in as a case."""
        for row, old in enumerate(self._rows):
            if old.id == view.id:
                self._rows[row] = view
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
                return True
        return False

    @property
    def total(self) -> int:
        return self._total

    def view(self, row: int) -> ScreeningView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, entry_id: int) -> int | None:
        return next((r for r, v in enumerate(self._rows) if v.id == entry_id), None)

    # ------------------------------------------------------------- paging
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit(len(self._rows))

    # ------------------------------------------------------------- Qt model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(Column(section)) if 0 <= section < len(Column) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        v = self._rows[index.row()]
        column = Column(index.column())
        if role == IdRole:
            return v.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(v, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.CONFLICT:
            return v.conflict
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.ACTION:
            return v.action
        if role == Qt.ItemDataRole.DecorationRole and column is Column.RISK:
            return risk_icon(v.risk)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.CASE and not v.case_number:
            return QBrush(QColor(HINT_COLOUR))
        return None

    def _text(self, v: ScreeningView, column: Column) -> str:
        if column is Column.FOUND_ON:
            return v.found_on.isoformat()
        if column is Column.GRID:
            return v.grid
        if column is Column.GRID_WORKER:
            return v.grid_worker
        if column is Column.HOUSEHOLD:
            return v.household
        if column is Column.CONFLICT:
            return " ".join(v.conflict.split())
        if column is Column.RISK:
            return v.risk.label
        if column is Column.ACTION:
            return " ".join(v.action.split())
        if column is Column.HANDED_TO:
            return v.handed_to
        return v.case_number or self.tr("not a case")
