"""Writers of the ledger (台账) file: .xlsx and .csv.

Every writer takes the same column list and the same row tuples and pulls them batch by
batch from an iterator the ledger service gives it (the iterator reports progress and
raises when the user cancels), so rows stream from SQL into the file without all of them
held at once.  A writer writes to the path it is given; the service gives it a temporary
file beside the target and renames it on success.

.xlsx has two writers, chosen in one place (`xlsx_engine`):
- rustpy-xlsxwriter (a Rust extension over the rust_xlsxwriter crate, constant-memory
  mode): about 30 µs a 21-column row, what keeps a 100,000-row ledger within 10 s;
- XlsxWriter in `constant_memory` mode, the fallback wherever the Rust package has no
  wheel (about 10 µs a cell: some 20 s for the same ledger).
Both give the same sheet: a bold header row that stays frozen, an autofilter over the
rows, column widths fitted to the first rows, dates as real dates (yyyy-mm-dd), amounts
as numbers (0.00).  Strings are never read as formulas or links: a party's text
starting with "=" stays text.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import itertools
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Protocol

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

try:
    import rustpy_xlsxwriter
except ImportError:  # no wheel for this platform: XlsxWriter writes the .xlsx
    rustpy_xlsxwriter = None

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


Batches = Iterable[Sequence[Sequence[object]]]


class LedgerWriter(Protocol):
    def write_all(self, batches: Batches) -> None:
        """Write every row of every batch; an exception from `batches` stops the writer."""

    def close(self) -> None:
        """Finish the file (a failed close leaves a file the caller deletes)."""

    def abort(self) -> None:
        """Stop without finishing; release what is open."""


class XlsxEngine(enum.Enum):
    RUST = "rustpy-xlsxwriter"
    XLSXWRITER = "XlsxWriter"


def xlsx_engine() -> XlsxEngine:
    """The .xlsx writer in use: the Rust one where its package imports, else XlsxWriter."""
    return XlsxEngine.RUST if rustpy_xlsxwriter is not None else XlsxEngine.XLSXWRITER


def display_width(text: str) -> int:
    """Width in Excel character units: CJK (wide and full-width) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def open_writer(fmt: LedgerFormat, path: Path, columns: Sequence[Column], *,
                engine: XlsxEngine | None = None) -> LedgerWriter:
    if fmt is LedgerFormat.CSV:
        return CsvLedgerWriter(path, columns)
    if (engine or xlsx_engine()) is XlsxEngine.RUST:
        return RustXlsxLedgerWriter(path, columns)
    return XlsxLedgerWriter(path, columns)


class _Widths:
    """Column widths fitted to the header and the first rows, capped per column."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self._columns = tuple(columns)
        self._widths = [display_width(c.header) + 2 for c in self._columns]
        self._seen = 0

    def fit(self, rows: Sequence[Sequence[object]]) -> None:
        if self._seen >= _WIDTH_SAMPLE_ROWS:
            return
        widths = self._widths
        for values in rows[: _WIDTH_SAMPLE_ROWS - self._seen]:
            for col, value in enumerate(values):
                if isinstance(value, str) and value:
                    widths[col] = max(widths[col], display_width(value) + 1)
        self._seen += len(rows)

    def widths(self) -> list[int]:
        fitted = []
        for column, width in zip(self._columns, self._widths, strict=True):
            width = {ColumnKind.DATE: 11, ColumnKind.AMOUNT: max(width, 12)}.get(column.kind, width)
            fitted.append(min(max(width, 6), column.max_width))
        return fitted


_HEADER_STYLE = {"bold": True, "bg_color": "#E7EEF7", "border": 1, "align": "center",
                 "valign": "vcenter"}
_DATE_FORMAT = "yyyy-mm-dd"
_AMOUNT_FORMAT = "0.00"


class RustXlsxLedgerWriter:
    """The .xlsx through rustpy-xlsxwriter: one call writes the sheet, pulling rows from a
    generator, so progress and cancellation run inside that call (an exception raised by
    the generator comes out of it unchanged, and no file is written)."""

    def __init__(self, path: Path, columns: Sequence[Column], *, sheet: str = "台账") -> None:
        if rustpy_xlsxwriter is None:
            raise RuntimeError("rustpy-xlsxwriter is not installed")
        self._path = path
        self._columns = tuple(columns)
        self._sheet = sheet

    def write_all(self, batches: Batches) -> None:
        rp = rustpy_xlsxwriter
        headers = [c.header for c in self._columns]
        amounts = [i for i, c in enumerate(self._columns) if c.kind is ColumnKind.AMOUNT]
        iterator = iter(batches)
        # The widths are given up front: fitted to the first batch.
        first = next(iterator, [])
        if not first:
            # rustpy-xlsxwriter takes the header from the rows' keys: with no rows it
            # would write an empty sheet, so the header-only file comes from XlsxWriter.
            empty = XlsxLedgerWriter(self._path, self._columns, sheet=self._sheet)
            empty.close()
            return
        widths = _Widths(self._columns)
        widths.fit(first)

        def records() -> Iterator[dict[str, object]]:
            for batch in itertools.chain((first,), iterator):
                for values in batch:
                    if amounts:
                        values = list(values)
                        for i in amounts:
                            if values[i] is not None:
                                values[i] = float(values[i])  # type: ignore[arg-type]
                    yield dict(zip(headers, values, strict=True))

        header = (rp.Format().set_bold().set_background_color(_HEADER_STYLE["bg_color"])
                  .set_border("thin").set_align("center").set_align("vcenter"))
        date = rp.Format().set_num_format(_DATE_FORMAT)
        amount = rp.Format().set_num_format(_AMOUNT_FORMAT)
        formats = {c.header: date for c in self._columns if c.kind is ColumnKind.DATE}
        formats.update({c.header: amount for c in self._columns if c.kind is ColumnKind.AMOUNT})
        rp.write_worksheet(
            records(), str(self._path), sheet_name=self._sheet, freeze_row=1,
            header_format=header, column_widths=[float(w) for w in widths.widths()],
            column_formats=formats, autofilter=True,
        )

    def close(self) -> None:
        pass  # write_worksheet wrote and closed the file

    def abort(self) -> None:
        pass  # nothing stays open between calls


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
        header = self._book.add_format(_HEADER_STYLE)
        self._date = self._book.add_format({"num_format": _DATE_FORMAT})
        self._amount = self._book.add_format({"num_format": _AMOUNT_FORMAT})
        self._widths = _Widths(self._columns)
        self._row = 0
        for col, column in enumerate(self._columns):
            self._sheet.write_string(0, col, column.header, header)
        self._sheet.freeze_panes(1, 0)

    def write_all(self, batches: Batches) -> None:
        for rows in batches:
            self.write(rows)

    def write(self, rows: Sequence[Sequence[object]]) -> None:
        write_string = self._sheet.write_string
        write_number = self._sheet.write_number
        date, amount = self._date, self._amount
        kinds = [(col, column.kind) for col, column in enumerate(self._columns)]
        text, integer, day = ColumnKind.TEXT, ColumnKind.INTEGER, ColumnKind.DATE
        r = self._row
        self._widths.fit(rows)
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

    def close(self) -> None:
        for col, width in enumerate(self._widths.widths()):
            self._sheet.set_column(col, col, width)
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

    def write_all(self, batches: Batches) -> None:
        for rows in batches:
            self.write(rows)

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
