"""The case list's table model: it keeps only dispute ids and builds rows on demand.

Like Anki's browser `DataModel`: `CaseService.list_ids` gives the ids of the matching
disputes in display order (filtered and sorted in SQL), and rows are fetched a block at
a time with `CaseService.rows` when the view asks for them, through a small LRU cache.
Like qutebrowser's history model, the ids come a page at a time (`canFetchMore` /
`fetchMore` as the user scrolls), so the first screen of a 100,000-case list is one
short index walk.  Sorting re-queries the ids with the matching `SortKey`; there is no
proxy model over all rows.  Conventions from Vorta's table models: a column enum, a sort
role returning raw values, an id role, translatable headers, `dataChanged` for a few
changed rows and a model reset only for a full reload (a new filter or sort order).
"""

from __future__ import annotations

import enum
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon

from mediation_desk.domain.vocabulary import RiskGrade
from mediation_desk.services.listing import CaseFilter, CaseRow, SortKey
from mediation_desk.ui.widgets import risk_icon


class CaseSource(Protocol):
    """Where the rows come from: `CaseService`, or at start-up `first_page.FirstPageSource`
    (the unfiltered list read with sqlite3 before the services are open)."""

    def list_ids(self, *, filters: CaseFilter | None = ..., sort: SortKey = ...,
                 descending: bool = ..., limit: int | None = ...,
                 offset: int = ...) -> list[int]: ...

    def rows(self, ids: Sequence[int]) -> list[CaseRow]: ...


IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

BLOCK_SIZE = 64  # rows built per CaseService.rows call: about two screens
CACHED_BLOCKS = 48
PAGE_SIZE = 200  # ids read per CaseService.list_ids call as the list scrolls
# Ids read for a new filter or sort (at most a page): what search-as-you-type waits for.
# Two screens; a broad search term's walk (persistence/search.py) stops after this many.
FIRST_PAGE = 64

_Index = QModelIndex | QPersistentModelIndex
_MISSING = -1  # key, in a cached block, of the ids that had no row when it was read


_OVERDUE_BRUSH = QColor(RiskGrade.RED.colour)


class Column(enum.IntEnum):
    NUMBER = 0
    PARTIES = 1
    CATEGORY = 2
    TIER = 3
    STATE = 4
    RISK = 5
    RECEIVED = 6
    MEDIATOR = 7


SORT_KEYS: dict[Column, SortKey] = {
    Column.NUMBER: SortKey.NUMBER,
    Column.PARTIES: SortKey.PARTIES,
    Column.CATEGORY: SortKey.CATEGORY,
    Column.TIER: SortKey.TIER,
    Column.STATE: SortKey.STATE,
    Column.RISK: SortKey.RISK,
    Column.RECEIVED: SortKey.ACCEPTED_ON,
    Column.MEDIATOR: SortKey.MEDIATOR,
}


class CaseTableModel(QAbstractTableModel):
    def __init__(self, cases: CaseSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cases = cases
        self._filter = CaseFilter()
        self._sort_column = Column.RECEIVED
        self._order = Qt.SortOrder.DescendingOrder
        self._ids: list[int] = []
        self._complete = True  # every matching id is loaded
        self._row_of: dict[int, int] | None = None  # built when first needed
        self._blocks: OrderedDict[int, dict[int, CaseRow]] = OrderedDict()
        self._icons: dict[RiskGrade, QIcon] = {}
        self._headers = {
            Column.NUMBER: self.tr("Case no."),
            Column.PARTIES: self.tr("Parties"),
            Column.CATEGORY: self.tr("Category"),
            Column.TIER: self.tr("Tier"),
            Column.STATE: self.tr("State"),
            Column.RISK: self.tr("Risk"),
            Column.RECEIVED: self.tr("Received on"),
            Column.MEDIATOR: self.tr("Mediator"),
        }

    # ------------------------------------------------------------ loading
    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._order

    @property
    def complete(self) -> bool:
        """True when every matching dispute's id is loaded (rowCount is the total)."""
        return self._complete

    def _query_ids(self, offset: int = 0, limit: int | None = None) -> list[int]:
        return self._cases.list_ids(
            filters=self._filter,
            sort=SORT_KEYS[self._sort_column],
            descending=self._order == Qt.SortOrder.DescendingOrder,
            limit=PAGE_SIZE if limit is None else limit,
            offset=offset,
        )

    def set_source(self, cases: CaseSource, *, reload: bool = True) -> None:
        """Read from `cases` from now on (the services, once open): the same list again."""
        self._cases = cases
        if reload:
            self.reload()

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Show the disputes matching `case_filter` (a full reload)."""
        self._filter = case_filter
        self.reload()

    def reload(self) -> None:
        """Read the first page of ids again and drop every cached row."""
        self.beginResetModel()
        first = min(FIRST_PAGE, PAGE_SIZE)
        self._ids = self._query_ids(limit=first)
        self._complete = len(self._ids) < first
        self._row_of = None
        self._blocks.clear()
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._complete:
            return
        page = self._query_ids(offset=len(self._ids))
        self._complete = len(page) < PAGE_SIZE
        known = self._index_map()
        # A dispute registered since the last page shifts the offsets by one: skip
        # ids already shown rather than listing them twice.
        new = [dispute_id for dispute_id in page if dispute_id not in known]
        if not new:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._ids.extend(new)
        for row, dispute_id in enumerate(new, start=first):
            known[dispute_id] = row
        self.endInsertRows()

    def load_until(self, dispute_id: int, *, max_rows: int = 20 * PAGE_SIZE) -> int | None:
        """Fetch pages until `dispute_id` is loaded (or `max_rows`); its row or None."""
        while (row := self.row_of_id(dispute_id)) is None:
            if self._complete or len(self._ids) >= max_rows:
                return None
            before = len(self._ids)
            self.fetchMore()
            if len(self._ids) == before and not self._complete:
                return None
        return row

    def refresh_rows(self, ids: Iterable[int]) -> None:
        """Rebuild the rows of a few disputes that changed (state, tier, ...)."""
        rows = sorted(r for r in (self.row_of_id(i) for i in ids) if r is not None)
        if not rows:
            return
        for block in {r // BLOCK_SIZE for r in rows}:
            self._blocks.pop(block, None)
        last = self.columnCount() - 1
        # One signal per run of adjacent rows.
        start = previous = rows[0]
        for row in rows[1:] + [None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            self.dataChanged.emit(self.index(start, 0), self.index(previous, last))
            if row is not None:
                start = previous = row

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL: the ids are read again, from the first page."""
        if not 0 <= column < len(Column):
            return
        if (Column(column), order) == (self._sort_column, self._order) and self._ids:
            return
        self._sort_column = Column(column)
        self._order = order
        self.reload()

    # ------------------------------------------------------------ lookups
    def _index_map(self) -> dict[int, int]:
        if self._row_of is None:
            self._row_of = {dispute_id: row for row, dispute_id in enumerate(self._ids)}
        return self._row_of

    def row_of_id(self, dispute_id: int) -> int | None:
        return self._index_map().get(dispute_id)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    @property
    def ids(self) -> Sequence[int]:
        return tuple(self._ids)

    def case_row(self, row: int) -> CaseRow | None:
        """The row's values, fetched with its block if not cached."""
        if not 0 <= row < len(self._ids):
            return None
        block = row // BLOCK_SIZE
        rows = self._blocks.get(block)
        if rows is None:
            rows = self._read_block(block)
        else:
            self._blocks.move_to_end(block)
        dispute_id = self._ids[row]
        found = rows.get(dispute_id)
        if found is None and dispute_id not in rows.get(_MISSING, ()):  # type: ignore[operator]
            # The block was read before this row's page was fetched: read it again.
            self._blocks.pop(block, None)
            rows = self._read_block(block)
            found = rows.get(dispute_id)
        return found  # None if the dispute vanished since the ids were read

    def _read_block(self, block: int) -> dict:
        block_ids = self._ids[block * BLOCK_SIZE : (block + 1) * BLOCK_SIZE]
        rows: dict = {r.id: r for r in self._cases.rows(block_ids)}
        rows[_MISSING] = frozenset(block_ids) - rows.keys()
        self._blocks[block] = rows
        while len(self._blocks) > CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    def _icon(self, grade: RiskGrade) -> QIcon:
        icon = self._icons.get(grade)
        if icon is None:
            icon = self._icons[grade] = risk_icon(grade)
        return icon

    # --------------------------------------------------- QAbstractItemModel
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[Column(section)]
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ForegroundRole,
            SortRole,
        ):
            return None
        row = self.case_row(index.row())
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            # An overdue clock (visit, performance deadline, mediation target) shows red.
            return _OVERDUE_BRUSH if row.overdue else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(row.risk) if column is Column.RISK else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.TIER:
                return row.tier.label
            if column is Column.RISK:
                return self.tr("Risk grade: {grade}").format(grade=row.risk.label)
            if column is Column.PARTIES:
                return row.parties
            if row.overdue and column is Column.NUMBER:
                return self.tr("A deadline of this case has passed (see the case's deadlines)")
            return None
        return self._sort_value(row, column)

    @staticmethod
    def _display(row: CaseRow, column: Column) -> str:
        if column is Column.NUMBER:
            return row.number
        if column is Column.PARTIES:
            return row.parties
        if column is Column.CATEGORY:
            return row.category.label
        if column is Column.TIER:
            return row.tier.short_label
        if column is Column.STATE:
            return row.state.label
        if column is Column.RISK:
            return row.risk.label
        if column is Column.RECEIVED:
            return (row.accepted_on or row.registered_on).isoformat()
        return row.mediator

    @staticmethod
    def _sort_value(row: CaseRow, column: Column) -> object:
        if column is Column.NUMBER:
            return row.number
        if column is Column.PARTIES:
            return row.parties
        if column is Column.CATEGORY:
            return row.category.value
        if column is Column.TIER:
            return int(row.tier)
        if column is Column.STATE:
            return row.state.value
        if column is Column.RISK:
            return row.risk.severity
        if column is Column.RECEIVED:
            # What the SQL sort uses (services/cases.py): the date the dispute came in.
            return row.registered_on.isoformat()
        return row.mediator
