"""The roster table in the settings dialog: a small list of `RosterEntry` values.

The roster is tens of people, so the model holds the entries themselves and is reset on
each reload; filtering by role and activity is done by `RosterService.list`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mediation_desk.services.dto import RosterEntry

IdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class RosterColumn(enum.IntEnum):
    NAME = 0
    ROLE = 1
    ORGANISATION = 2
    TITLE = 3
    PHONE = 4
    GRID = 5
    ACTIVE = 6


class RosterTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[RosterEntry] = []
        self._headers = {
            RosterColumn.NAME: self.tr("Name"),
            RosterColumn.ROLE: self.tr("Role"),
            RosterColumn.ORGANISATION: self.tr("Organisation"),
            RosterColumn.TITLE: self.tr("Title"),
            RosterColumn.PHONE: self.tr("Phone"),
            RosterColumn.GRID: self.tr("Grid"),
            RosterColumn.ACTIVE: self.tr("Status"),
        }

    def set_entries(self, entries: Sequence[RosterEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> RosterEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of_id(self, member_id: int) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.id == member_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RosterColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(RosterColumn)):
            return self._headers[RosterColumn(section)]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == IdRole:
            return entry.id
        if role == Qt.ItemDataRole.ForegroundRole and not entry.active:
            return QBrush(QColor("#8a96a3"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = RosterColumn(index.column())
        if column is RosterColumn.ACTIVE:
            return self.tr("Active") if entry.active else self.tr("Inactive")
        return {
            RosterColumn.NAME: entry.name,
            RosterColumn.ROLE: entry.role.label,
            RosterColumn.ORGANISATION: entry.organisation,
            RosterColumn.TITLE: entry.title,
            RosterColumn.PHONE: entry.phone,
            RosterColumn.GRID: entry.grid,
        }[column]
