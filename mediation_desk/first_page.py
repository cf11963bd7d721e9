"""The start-up fast path: the case list's first page, read with the standard library.

Importing SQLAlchemy, the models and the services takes most of a second; the window
should not wait for that to show the disputes.  When the database is a SQLite file
already at this program's schema revision, `open_first_page` gives the case list a
read-only source built on `sqlite3` alone, so the window paints the list at once; the
services are opened on the worker meanwhile and take over (`CaseTableModel.set_source`)
as soon as they are ready.  Anything unusual (no file yet, an older or newer schema, a
URL, a locked or damaged file) returns None and start-up simply takes the ordinary path,
which explains the problem if there is one.

Only the unfiltered list is served here, in every sort order the header offers, with the
same rows as `CaseService.list_ids` / `rows` give (a test compares them); the filter bar
stays disabled until the services are ready.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from mediation_desk.domain.vocabulary import Category, DisputeState, RiskGrade, Tier
from mediation_desk.persistence.schema_head import SCHEMA_HEAD
from mediation_desk.services.listing import CaseFilter, CaseRow, SortKey

_RISK_ORDER = "CASE d.risk " + " ".join(
    f"WHEN '{grade.value}' THEN {grade.severity}" for grade in RiskGrade) + " ELSE 0 END"
_SORT = {
    SortKey.NUMBER: ["d.year", "d.serial"],
    SortKey.PARTIES: ["d.parties_display"],
    SortKey.CATEGORY: ["d.category"],
    SortKey.TIER: ["d.tier"],
    SortKey.STATE: ["d.state"],
    SortKey.RISK: [_RISK_ORDER],
    SortKey.ACCEPTED_ON: [],
    SortKey.MEDIATOR: ["m.name"],
}


class FirstPageSource:
    """What `CaseTableModel` reads (list_ids, rows, count) for the unfiltered list."""

    def __init__(self, connection: sqlite3.Connection, today: dt.date) -> None:
        self._db = connection
        self._today = today.isoformat()

    def close(self) -> None:
        self._db.close()

    def list_ids(self, *, filters: CaseFilter | None = None, sort: SortKey = SortKey.ACCEPTED_ON,
                 descending: bool = True, limit: int | None = None, offset: int = 0) -> list[int]:
        if filters not in (None, CaseFilter()):
            raise ValueError("the start-up list shows every dispute, unfiltered")
        direction = " DESC" if descending else ""
        keys = [*_SORT[sort], "d.registered_on", "d.id"]
        join = " LEFT JOIN roster_member m ON m.id = d.mediator_id" if sort is SortKey.MEDIATOR else ""
        sql = (f"SELECT d.id FROM dispute d{join} ORDER BY "
               + ", ".join(key + direction for key in keys))
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [row[0] for row in self._db.execute(sql)]

    def rows(self, ids: Sequence[int]) -> list[CaseRow]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        found = {
            row[0]: row
            for row in self._db.execute(
                "SELECT d.id, d.number, d.parties_display, d.category, d.tier, d.state, d.risk,"
                " d.registered_on, d.accepted_on, m.name,"
                " EXISTS (SELECT 1 FROM case_deadline c WHERE c.dispute_id = d.id AND c.open = 1"
                " AND c.counts_overdue = 1 AND c.due < ?)"
                f" FROM dispute d LEFT JOIN roster_member m ON m.id = d.mediator_id"
                f" WHERE d.id IN ({marks})",
                (self._today, *ids),
            )
        }
        return [_case_row(found[i]) for i in ids if i in found]

    def count(self, filters: CaseFilter | None = None) -> int:
        if filters not in (None, CaseFilter()):
            raise ValueError("the start-up list shows every dispute, unfiltered")
        return int(self._db.execute("SELECT count(*) FROM dispute").fetchone()[0])


def open_first_page(database: str | Path, today: dt.date) -> FirstPageSource | None:
    """A read-only source over `database` if it is a SQLite file at SCHEMA_HEAD, else None."""
    text = str(database)
    if "://" in text and not text.startswith("sqlite:///"):
        return None
    path = Path(text.removeprefix("sqlite:///"))
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=0.2, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or row[0] != SCHEMA_HEAD:
            connection.close()
            return None
    except sqlite3.Error:
        connection.close()
        return None
    return FirstPageSource(connection, today)


def _case_row(row: tuple) -> CaseRow:
    return CaseRow(
        id=row[0],
        number=row[1],
        parties=row[2],
        category=Category(row[3]),
        tier=Tier(row[4]),
        state=DisputeState(row[5]),
        risk=RiskGrade(row[6]),
        registered_on=dt.date.fromisoformat(row[7]),
        accepted_on=dt.date.fromisoformat(row[8]) if row[8] else None,
        mediator=row[9] or "",
        overdue=bool(row[10]),
    )
