"""Figures benchmark (issue 7): the station's figures over a range of years.

    python bench/stats.py [--cases 100000] [--keep DIR] [--runs 7]

On a database of N demo disputes (built with `demo --cases N`, or reused from --keep):
- `StatsService.figures` over the whole three years and over one month, median and worst
  of several warm runs (goal ≤ 200 ms for the range of years at 100,000);
- in the same run, two baselines over the same disputes: the floor, one bare
  `SELECT count(*)` pass over the figures' covering index, and the same per-dispute
  figures counted from the dispute rows themselves (text dates and state names compared
  row by row, the way the figures were computed before revision 0005), which gives the
  speed-up of the day-number columns.
The last line printed is one JSON object with `figures_years_ms` (median), `figures_month_ms`,
`floor_ms`, `text_baseline_ms` and the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXT_BASELINE = """
SELECT tier, category, source, grid, mediator_id,
  sum(CASE WHEN accepted_on BETWEEN :a AND :b THEN 1 ELSE 0 END),
  sum(CASE WHEN EXISTS (SELECT 1 FROM mediation_session s WHERE s.dispute_id = dispute.id
                        AND s.held_on BETWEEN :a AND :b) THEN 1 ELSE 0 END),
  sum(CASE WHEN concluded_on BETWEEN :a AND :b AND settlement IS NOT NULL
           AND state IN ('settled', 'closed') THEN 1 ELSE 0 END),
  sum(CASE WHEN concluded_on BETWEEN :a AND :b AND state IN ('failed', 'referred')
           THEN 1 ELSE 0 END),
  sum(CASE WHEN concluded_on BETWEEN :a AND :b AND state = 'declined' THEN 1 ELSE 0 END),
  sum(CASE WHEN concluded_on BETWEEN :a AND :b AND state = 'withdrawn' THEN 1 ELSE 0 END),
  sum(CASE WHEN concluded_on BETWEEN :a AND :b AND state = 'referred' THEN 1 ELSE 0 END),
  sum(CASE WHEN accepted_on BETWEEN :a AND :b THEN coalesce(amount, 0) ELSE 0 END)
FROM dispute GROUP BY tier, category, source, grid, mediator_id
"""


def _timed(function, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    function()  # warm the page cache and the statement cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the database in")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="md-stats-"))
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "bench.sqlite"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if not database.exists():
        print(f"building {args.cases} demo disputes in {database} …", flush=True)
        subprocess.run([sys.executable, "-m", "mediation_desk", "--database", str(database),
                        "demo", "--cases", str(args.cases)], check=True, env=env, cwd=ROOT)
    else:
        subprocess.run([sys.executable, "-m", "mediation_desk", "--database", str(database),
                        "db", "upgrade"], check=True, env=env, cwd=ROOT)

    from mediation_desk.services.container import open_services

    services = open_services(str(database), migrate=False)
    try:
        with sqlite3.connect(database) as raw:
            first, last = (dt.date.fromisoformat(x) for x in raw.execute(
                "SELECT min(accepted_on), max(accepted_on) FROM dispute").fetchone())
            disputes = raw.execute("SELECT count(*) FROM dispute").fetchone()[0]
        month_first = last.replace(day=1)
        years = _timed(lambda: services.stats.figures(first, last), args.runs)
        month = _timed(lambda: services.stats.figures(month_first, last), args.runs)
        stats = services.stats.figures(first, last)
    finally:
        services.close()

    with sqlite3.connect(database) as raw:
        floor = _timed(lambda: raw.execute(
            "SELECT sum(tier) FROM dispute INDEXED BY ix_dispute_figures").fetchone(), args.runs)
        window = {"a": first.isoformat(), "b": last.isoformat()}
        text = _timed(lambda: raw.execute(TEXT_BASELINE, window).fetchall(), max(3, args.runs // 2))

    median = statistics.median
    result = {
        "disputes": disputes,
        "range": [first.isoformat(), last.isoformat()],
        "figures_years_ms": round(median(years), 1),
        "figures_years_worst_ms": round(max(years), 1),
        "figures_month_ms": round(median(month), 1),
        "floor_ms": round(median(floor), 1),
        "text_baseline_ms": round(median(text), 1),
        "ratio_to_floor": round(median(years) / median(floor), 2),
        "ratio_to_text_baseline": round(median(years) / median(text), 2),
        "received": stats.totals.received,
        "goal_ms": 200,
    }
    print(f"{disputes:,} disputes, {first} to {last}")
    print(f"figures, whole range: median {result['figures_years_ms']} ms, "
          f"worst {result['figures_years_worst_ms']} ms (goal ≤ 200 ms)")
    print(f"figures, one month:   median {result['figures_month_ms']} ms")
    print(f"baseline, bare pass over the index: {result['floor_ms']} ms "
          f"(figures = {result['ratio_to_floor']}×)")
    print(f"baseline, per-dispute figures from text dates (without breakdowns, visits, "
          f"events): {result['text_baseline_ms']} ms (figures = "
          f"{result['ratio_to_text_baseline']}×)")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
