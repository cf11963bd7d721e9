"""Writers of the ledger (台账) file: .xlsx through XlsxWriter, .csv through the csv module.

Both take the same column list and the same row tuples, batch by batch, so the ledger
service streams rows from SQL into either without holding them all.  A writer writes to
the path it is given; the service gives it a temporary file beside the target and
renames it on success.

The .xlsx writer uses XlsxWriter's `constant_memory` mode (one row in memory at a time)
and its plain `write_string` / `write_number` calls: a date is written as its Excel day
number with a date format (a real date to Excel, cheaper than `write_datetime`), and only
dates, amounts and the header carry a cell format.  Strings are never read as formulas or
links: a party's text starting with "=" stays text.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Protocol

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

# Excel's day 0 (its day numbers count from 1899-12-30 for every date after February 1900).
_EXCEL_EPOCH = dt.date(1899, 12, 30).toordinal()
# Rows looked at to fit the column widths; the first rows are representative of the rest.
_WIDTH_SAMPLE_ROWS = 1000


class ColumnKind(enum.Enum):
    TEXT = "text"
    INTEGER = "integer"
    DATE = "date"
    AMOUNT = "amount"


@dataclass(frozen=True)
class Column:
    header: str
    kind: ColumnKind = ColumnKind.TEXT
    # The widest a fitted column may get, in Excel character units (a CJK character is 2).
    max_width: int = 30


class LedgerFormat(enum.Enum):
    XLSX = "xlsx"
    CSV = "csv"

    @classmethod
    def for_path(cls, path: Path) -> LedgerFormat | None:
        """The format a file name asks for by its suffix; None for any other suffix."""
        suffix = path.suffix.lower().lstrip(".")
        return next((f for f in cls if f.value == suffix), None)


class LedgerWriter(Protocol):
    def write(self, rows: Sequence[Sequence[object]]) -> None: ...

    def close(self) -> None:
        """Finish the file (a failed close leaves a file the caller deletes)."""

    def abort(self) -> None:
        """Stop without finishing; release what is open."""


def display_width(text: str) -> int:
    """Width in Excel character units: CJK (wide and full-width) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def open_writer(fmt: LedgerFormat, path: Path, columns: Sequence[Column]) -> LedgerWriter:
    if fmt is LedgerFormat.XLSX:
        return XlsxLedgerWriter(path, columns)
    return CsvLedgerWriter(path, columns)


class XlsxLedgerWriter:
    def __init__(self, path: Path, columns: Sequence[Column], *, sheet: str = "台账") -> None:
        self._columns = tuple(columns)
        self._book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        self._sheet = self._book.add_worksheet(sheet)
        header = self._book.add_format({"bold": True, "bg_color": "#E7EEF7", "border": 1,
                                        "align": "center", "valign": "vcenter"})
        self._date = self._book.add_format({"num_format": "yyyy-mm-dd"})
        self._amount = self._book.add_format({"num_format": "0.00"})
        self._widths = [display_width(c.header) + 2 for c in self._columns]
        self._row = 0
        for col, column in enumerate(self._columns):
            self._sheet.write_string(0, col, column.header, header)
        self._sheet.freeze_panes(1, 0)

    def write(self, rows: Sequence[Sequence[object]]) -> None:
        write_string = self._sheet.write_string
        write_number = self._sheet.write_number
        date, amount = self._date, self._amount
        kinds = [(col, column.kind) for col, column in enumerate(self._columns)]
        text, integer, day = ColumnKind.TEXT, ColumnKind.INTEGER, ColumnKind.DATE
        r = self._row
        if r < _WIDTH_SAMPLE_ROWS:
            self._fit(rows[: _WIDTH_SAMPLE_ROWS - r])
        for values in rows:
            r += 1
            for (col, kind), value in zip(kinds, values, strict=True):
                if value is None or value == "":
                    continue  # an empty cell: nothing written
                if kind is text:
                    write_string(r, col, value)  # type: ignore[arg-type]
                elif kind is integer:
                    write_number(r, col, value)  # type: ignore[arg-type]
                elif kind is day:
                    write_number(r, col, value.toordinal() - _EXCEL_EPOCH, date)  # type: ignore[union-attr]
                else:
                    write_number(r, col, float(value), amount)  # type: ignore[arg-type]
        self._row = r

    def _fit(self, rows: Sequence[Sequence[object]]) -> None:
        widths = self._widths
        for values in rows:
            for col, value in enumerate(values):
                if isinstance(value, str) and value:
                    widths[col] = max(widths[col], display_width(value) + 1)

    def close(self) -> None:
        for col, (column, width) in enumerate(zip(self._columns, self._widths, strict=True)):
            fitted = {ColumnKind.DATE: 11, ColumnKind.AMOUNT: max(width, 12)}.get(column.kind, width)
            self._sheet.set_column(col, col, min(max(fitted, 6), column.max_width))
        self._sheet.autofilter(0, 0, max(self._row, 1), len(self._columns) - 1)
        try:
            self._book.close()
        except FileCreateError as error:  # the OSError it wraps says why (disk full, ...)
            cause = error.args[0] if error.args else None
            if isinstance(cause, OSError):
                raise cause from error
            raise OSError(str(error)) from error

    def abort(self) -> None:
        # XlsxWriter keeps its row data in temporary files until close(); closing the
        # workbook into the temporary target (deleted by the caller) releases them.
        try:
            self._book.close()
        except Exception:  # the file is thrown away either way
            pass


# A cell starting with one of these is a formula to Excel when it opens a .csv; such text
# gets a leading apostrophe so it stays text (the usual CSV-injection guard).
_FORMULA_START = ("=", "+", "-", "@")


class CsvLedgerWriter:
    def __init__(self, path: Path, columns: Sequence[Column]) -> None:
        self._columns = tuple(columns)
        # UTF-8 with a byte-order mark: what Excel needs to read Chinese from a .csv.
        self._file = open(path, "w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._file)
        self._writer.writerow([c.header for c in self._columns])

    def write(self, rows: Sequence[Sequence[object]]) -> None:
        kinds = [c.kind for c in self._columns]
        text, day, amount = ColumnKind.TEXT, ColumnKind.DATE, ColumnKind.AMOUNT
        out = []
        for values in rows:
            line = []
            for kind, value in zip(kinds, values, strict=True):
                if value is None:
                    line.append("")
                elif kind is text:
                    if value and value.startswith(_FORMULA_START):  # type: ignore[union-attr]
                        value = "'" + value  # type: ignore[operator]
                    line.append(value)
                elif kind is day:
                    line.append(value.isoformat())  # type: ignore[union-attr]
                elif kind is amount:
                    line.append(f"{Decimal(value):.2f}")  # type: ignore[arg-type]
                else:
                    line.append(value)
            out.append(line)
        self._writer.writerows(out)

    def close(self) -> None:
        self._file.close()

    def abort(self) -> None:
        self._file.close()
