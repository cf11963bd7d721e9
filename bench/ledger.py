"""Ledger export benchmark (issue 7): every dispute of a 100,000-dispute demo database as
.xlsx and .csv, against openpyxl's write-only mode writing the same rows in the same run.

    python bench/ledger.py [--cases 100000] [--keep DIR]

The demo database is built with `demo --cases N` unless DIR already holds one with that
many disputes at the code's schema revision (`--keep DIR` keeps it for the next run).
Timed, each once after a warm-up read of the database file:
- the rows alone (SQL + masking, no file): what every export pays before writing;
- the .xlsx export through the ledger service with the writer in use (rustpy-xlsxwriter
  where its wheel is installed), progress reported as the UI gets it (goal ≤ 10 s);
- the same export through the fallback writer (XlsxWriter, constant_memory), what a
  platform without the Rust wheel gets;
- the .csv export through the same service;
- the baseline: the same rows (read once, kept in memory) written by openpyxl write-only,
  dates with a date format, to show what the writer alone costs with another library.
The last line printed is one JSON object with `xlsx_seconds` (the writer in use),
`xlsx_engine`, `fallback_xlsx_seconds`, `csv_seconds`, `rows`, `rows_only_seconds`,
`baseline_openpyxl_seconds` and the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVERYTHING = (dt.date(2000, 1, 1), dt.date(2099, 12, 31))


def _demo(database: Path, cases: int) -> float | None:
    """Build the demo database unless it is there with `cases` disputes at the code's
    schema revision (an older file lacks what newer demo data fills in); its seconds."""
    import sqlite3

    from mediation_desk.persistence.migrate import head_revision

    if database.exists():
        with sqlite3.connect(database) as connection:
            try:
                (count,) = connection.execute("SELECT count(*) FROM dispute").fetchone()
                (revision,) = connection.execute(
                    "SELECT version_num FROM alembic_version").fetchone()
            except (sqlite3.DatabaseError, TypeError):
                count, revision = -1, ""
        if count == cases and revision == head_revision():
            return None
        for suffix in ("", "-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mediation_desk", "demo", "--cases", str(cases),
                    "--database", str(database)], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _all_rows(services, *, keep: bool):  # type: ignore[no-untyped-def]
    """Every ledger row as the export builds it (keep=True), or only how many there are,
    each batch dropped once built (keep=False)."""
    from mediation_desk.services import ledger

    rows: list[tuple] = []
    done = 0
    with services.uow.read() as session:
        in_range = ledger._in_range(*EVERYTHING)
        after = (0, 0)
        while True:
            batch, after = ledger._batch(session, in_range, after, done, masked=True)
            if not batch:
                return rows if keep else done
            done += len(batch)
            if keep:
                rows += batch


def _openpyxl(rows: list[tuple], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from mediation_desk.services.ledger import COLUMNS
    from mediation_desk.services.ledger_writers import ColumnKind

    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.freeze_panes = "A2"
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, column.header)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    dates = [i for i, c in enumerate(COLUMNS) if c.kind is ColumnKind.DATE]
    amounts = [i for i, c in enumerate(COLUMNS) if c.kind is ColumnKind.AMOUNT]
    for values in rows:
        line = list(values)
        for i in dates:
            if line[i] is not None:
                cell = WriteOnlyCell(sheet, line[i])
                cell.number_format = "yyyy-mm-dd"
                line[i] = cell
        for i in amounts:
            if line[i] is not None:
                cell = WriteOnlyCell(sheet, float(line[i]))
                cell.number_format = "0.00"
                line[i] = cell
        sheet.append(line)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="keep (and reuse) the database in DIR")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="md-bench-ledger-"))
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "bench.sqlite"
    demo_seconds = _demo(database, args.cases)
    print(f"demo --cases {args.cases}: " + (f"{demo_seconds:.1f} s" if demo_seconds is not None
                                             else f"reused {database}"))

    from mediation_desk.services.container import open_services

    services = open_services(database)
    out = Path(tempfile.mkdtemp(prefix="md-ledger-out-"))
    try:
        # The rows are counted, not kept, while the exports are timed: 100,000 rows held in
        # memory make every full garbage collection walk them and slow the exports, which
        # hold one batch at a time.
        started = time.perf_counter()
        _all_rows(services, keep=False)  # warms the file cache for the timed runs
        print(f"first read of the rows (cold file cache): {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        count = _all_rows(services, keep=False)
        rows_only = time.perf_counter() - started
        print(f"rows alone (SQL + masking, no file): {rows_only:.2f} s for {count} rows")

        from mediation_desk.services.ledger_writers import XlsxEngine, xlsx_engine

        engine = xlsx_engine()
        fallback = XlsxEngine.XLSXWRITER
        reports = []
        result = services.ledger.export(*EVERYTHING, out / "ledger.xlsx", engine=engine,
                                        report=lambda done, total: reports.append(done))
        xlsx = result.seconds
        print(f".xlsx export ({engine.value}, the writer in use): {xlsx:.2f} s for "
              f"{result.rows} rows, {len(reports)} progress reports, "
              f"{(out / 'ledger.xlsx').stat().st_size / 1e6:.1f} MB (goal ≤ 10 s)")
        if engine is not fallback:
            result_fallback = services.ledger.export(*EVERYTHING, out / "fallback.xlsx",
                                                     engine=fallback)
            fallback_seconds = result_fallback.seconds
            print(f".xlsx export ({fallback.value}, the fallback without the Rust wheel): "
                  f"{fallback_seconds:.2f} s, "
                  f"{(out / 'fallback.xlsx').stat().st_size / 1e6:.1f} MB")
        else:
            fallback_seconds = xlsx
            print("the Rust writer is not installed: the fallback is the writer in use")
        result_csv = services.ledger.export(*EVERYTHING, out / "ledger.csv")
        csv_seconds = result_csv.seconds
        print(f".csv export: {csv_seconds:.2f} s for {result_csv.rows} rows, "
              f"{(out / 'ledger.csv').stat().st_size / 1e6:.1f} MB")

        rows = _all_rows(services, keep=True)
        started = time.perf_counter()
        _openpyxl(rows, out / "baseline.xlsx")
        baseline = time.perf_counter() - started
        print(f"baseline, openpyxl write-only writing the same rows already in memory: "
              f"{baseline:.2f} s")
        print(f"ratios: .xlsx export / openpyxl writer alone {xlsx / baseline:.2f}; "
              f"fallback / .xlsx {fallback_seconds / xlsx:.2f}; .csv / .xlsx "
              f"{csv_seconds / xlsx:.2f}; rows alone / .xlsx {rows_only / xlsx:.2f} "
              f"(writing alone: {xlsx - rows_only:.2f} s with {engine.value}, "
              f"{fallback_seconds - rows_only:.2f} s with {fallback.value})")
        print(json.dumps({
            "rows": result.rows,
            "columns": len(rows[0]) if rows else 0,
            "xlsx_engine": engine.value,
            "xlsx_seconds": round(xlsx, 2),
            "fallback_xlsx_engine": fallback.value,
            "fallback_xlsx_seconds": round(fallback_seconds, 2),
            "csv_seconds": round(csv_seconds, 2),
            "rows_only_seconds": round(rows_only, 2),
            "baseline_openpyxl_seconds": round(baseline, 2),
            "xlsx_vs_openpyxl_ratio": round(xlsx / baseline, 3),
            "fallback_vs_xlsx_ratio": round(fallback_seconds / xlsx, 3),
            "rows_only_vs_xlsx_ratio": round(rows_only / xlsx, 3),
            "xlsx_goal_met": xlsx <= 10,
            "demo_seconds": round(demo_seconds, 2) if demo_seconds is not None else None,
            "cpus": os.cpu_count(),
        }, ensure_ascii=False))
    finally:
        services.close()
        for path in out.iterdir():
            path.unlink()
        out.rmdir()


if __name__ == "__main__":
    main()
