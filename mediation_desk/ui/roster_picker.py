"""A checkable list of roster entries: who took part in a session, who joins a new tier.

The caller passes the entries to offer (active ones of the roles the tier calls for,
read with `RosterService.list`); this only shows them and says which are ticked.
Space ticks the current entry, so the list works from the keyboard.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from mediation_desk.domain.vocabulary import RosterRole
from mediation_desk.services.dto import RosterEntry

EntryRole = Qt.ItemDataRole.UserRole + 1


def entry_text(entry: RosterEntry) -> str:
    """"张代表　工作队成员 · 人大代表 · 城南社区": name, then role, title and organisation."""
    details: list[str] = []
    for piece in (entry.role.label, entry.title, entry.organisation):
        if piece and piece != entry.name and piece not in details:
            details.append(piece)
    return f"{entry.name}　{' · '.join(details)}" if details else entry.name


class RosterChecklist(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)
        self._entries: list[RosterEntry] = []

    def set_entries(self, entries: Iterable[RosterEntry], *,
                    order: Sequence[RosterRole] = (), checked: Iterable[int] = ()) -> None:
        """Offer `entries`, grouped in the order of `order` (roles), ticking `checked` ids."""
        wanted = set(checked)
        rank = {role: index for index, role in enumerate(order)}
        self._entries = sorted(entries, key=lambda e: rank.get(e.role, len(rank)))
        self.clear()
        for entry in self._entries:
            item = QListWidgetItem(entry_text(entry), self)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.id in wanted
                               else Qt.CheckState.Unchecked)
            item.setData(EntryRole, entry.id)
            tip = " ".join(x for x in (entry.phone, entry.grid) if x)
            if tip:
                item.setToolTip(tip)
        if self.count():
            self.setCurrentRow(0)

    @property
    def entries(self) -> tuple[RosterEntry, ...]:
        return tuple(self._entries)

    def checked_entries(self) -> tuple[RosterEntry, ...]:
        return tuple(entry for row, entry in enumerate(self._entries)
                     if self.item(row).checkState() == Qt.CheckState.Checked)

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(entry.id for entry in self.checked_entries())

    def row_of(self, name: str) -> int:
        """The row of the first entry called `name` (-1 if none)."""
        for row, entry in enumerate(self._entries):
            if entry.name == name:
                return row
        return -1

    def set_checked(self, roster_id: int, checked: bool = True) -> None:
        for row, entry in enumerate(self._entries):
            if entry.id == roster_id:
                self.item(row).setCheckState(
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
