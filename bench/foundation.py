"""Foundation benchmark (issue 3): start-up, search-as-you-type, memory, demo fill.

    python bench/foundation.py [--cases 100000] [--keep DIR]

Measured in one run on this machine, each against a baseline taken in the same run:
- `demo --cases N` wall time (goal ≤ 20 s at 100,000), with the CPU time it and its
  workers took, and two fixed pieces of work timed just before (this machine's speed
  just then: shared virtual machines vary by half from one minute to the next): a
  pure-Python loop, and a SQLite load on both cores, which also feels a crowded cache;
- start-up to a painted case list: `python -m mediation_desk` against a bare PySide6
  QMainWindow + QTableView process, both until their table's first paint (goal ≤ 1.5×);
- search-as-you-type p50/p95 per term length (1, 2, 3, 6 characters), timed as the UI
  does it: a new filter on the list model and the visible rows built (goal p95 ≤ 30 ms);
- resident memory of the app with the list open (goal ≤ 200 MB).
The last line printed is one JSON object with `startup_ratio`, `search_p95_ms` (the worst
term length), `rss_mb` and `demo_seconds`, plus the details.  Modules are compiled to
bytecode first, as pip does when it installs the program.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5

BASELINE = r"""
import sys, time, json
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel, QStandardItem
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window = QMainWindow()
view = QTableView()
model = QStandardItemModel(40, 8)
for r in range(40):
    for c in range(8):
        model.setItem(r, c, QStandardItem(f"{r}:{c}"))
view.setModel(model)
window.setCentralWidget(view)
window.resize(1200, 800)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watcher = Painted()
view.viewport().installEventFilter(watcher)
window.show()
app.exec()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _time_until_painted(command: list[str], env: dict[str, str]) -> tuple[float, dict]:
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            text=True, cwd=ROOT)
    extra: dict = {}
    painted = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("PAINTED"):
            painted = time.perf_counter() - started
            rest = line[len("PAINTED"):].strip()
            if rest:
                extra = json.loads(rest)
    proc.wait(timeout=120)
    if painted is None:
        raise SystemExit(f"never painted: {' '.join(command)}\n{proc.stderr.read() if proc.stderr else ''}")
    return painted, extra


def compile_modules() -> None:
    """An installed program has its modules compiled to bytecode by pip; a checkout run
    with PYTHONDONTWRITEBYTECODE would compile them at every start (and in each of the
    demo's worker processes) instead."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "mediation_desk")],
                   check=True, stdout=subprocess.DEVNULL)


def bench_demo(database: Path, cases: int) -> tuple[float, float]:
    """Wall time of `demo --cases N`, and the CPU time of it and its workers."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mediation_desk", "demo", "--cases", str(cases), "--database", str(database)],
        check=True, env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


# A fixed piece of pure Python, timed in the same run: how fast this machine's cores are
# just then (shared virtual machines vary by half from one minute to the next).
CALIBRATION = "s = 0\nfor i in range(10_000_000):\n    s += i"


def bench_calibration() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", CALIBRATION], check=True)
    return time.perf_counter() - started


# The loop above fits in a core's own cache, and misses the other way such a machine
# slows down: neighbours crowding the shared cache and memory.  The fill is mostly that
# kind of work (B-trees, millions of small objects), so a fixed piece of it is timed too:
# 300,000 rows into an indexed SQLite table in memory, on both cores at once.
CALIBRATION_MEMORY = """
import random, sqlite3
rand = random.Random(1).random
rows = [(i, f"{rand():.12f}", str(rand())[2:14]) for i in range(300_000)]
db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c TEXT)")
db.execute("CREATE INDEX t_b ON t (b)")
db.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
db.execute("CREATE INDEX t_c ON t (c)")
"""


def bench_calibration_memory() -> float:
    started = time.perf_counter()
    both = [subprocess.Popen([sys.executable, "-c", CALIBRATION_MEMORY]) for _ in range(2)]
    for process in both:
        if process.wait() != 0:
            raise RuntimeError("the memory calibration failed")
    return time.perf_counter() - started


def bench_startup(database: Path) -> dict:
    env = _env()
    app_env = dict(env, MEDIATION_DESK_EXIT_AFTER_PAINT="1", MEDIATION_DESK_DATA=str(database.parent))
    # One warm-up each so both start from a warm file cache.
    _time_until_painted([sys.executable, "-c", BASELINE], env)
    _time_until_painted([sys.executable, "-m", "mediation_desk", "--database", str(database)], app_env)
    base, app, rss = [], [], []
    for _ in range(RUNS):
        base.append(_time_until_painted([sys.executable, "-c", BASELINE], env)[0])
        seconds, extra = _time_until_painted(
            [sys.executable, "-m", "mediation_desk", "--database", str(database)], app_env
        )
        app.append(seconds)
        rss.append(extra.get("rss_mb", 0.0))
    base_ms = statistics.median(base) * 1000
    app_ms = statistics.median(app) * 1000
    return {
        "baseline_startup_ms": round(base_ms, 1),
        "startup_ms": round(app_ms, 1),
        "startup_ratio": round(app_ms / base_ms, 3),
        "rss_mb": round(max(rss), 1),
    }


def bench_search(database: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from mediation_desk.services.container import open_services
    from mediation_desk.services.dto import CaseFilter
    from mediation_desk.ui.case_table_model import CaseTableModel

    app = QApplication.instance() or QApplication([])
    services = open_services(database)
    model = CaseTableModel(services.cases)
    model.set_filter(CaseFilter())
    rng = random.Random(7)
    with services.engine.connect() as connection:
        names = [r[0] for r in connection.execute(text("SELECT name FROM party WHERE party_type='person' ORDER BY random() LIMIT 400"))]
        ids = [r[0] for r in connection.execute(text("SELECT id_number FROM party WHERE id_number != '' ORDER BY random() LIMIT 200"))]
        phones = [r[0] for r in connection.execute(text("SELECT phone FROM party WHERE phone != '' ORDER BY random() LIMIT 200"))]
    terms = {
        1: [n[0] for n in names[:60]],  # a surname: the widest, most common 1-character search
        2: [n[:2] for n in names[60:120]],
        3: [n[:3] if len(n) >= 3 else n[-1:] + i[-2:] for n, i in zip(names[120:180], ids, strict=False)],
        6: [rng.choice((i[6:12], p[-6:])) for i, p in zip(ids[:60], phones[:60], strict=False)],
    }
    terms[3] = [t for t in terms[3] if len(t) == 3] or [i[:3] for i in ids[:60]]
    visible_rows, columns = 30, model.columnCount()
    results: dict[str, dict] = {}
    for length, words in terms.items():
        samples = []
        for word in words:
            started = time.perf_counter()
            model.set_filter(CaseFilter(search=word))
            for row in range(min(visible_rows, model.rowCount())):
                for column in range(columns):
                    model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        results[str(length)] = {
            "p50_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2),
            "terms": len(samples),
            "example": words[0],
        }
    services.close()
    del app
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="keep the database in DIR")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="md-bench-"))
    try:
        run(folder, args.cases)
    finally:
        if args.keep is None:  # half a gigabyte a run
            shutil.rmtree(folder, ignore_errors=True)


def run(folder: Path, cases: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "bench.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)

    compile_modules()
    calibration = bench_calibration()
    calibration_memory = bench_calibration_memory()
    demo_seconds, demo_cpu = bench_demo(database, cases)
    print(f"demo --cases {cases}: {demo_seconds:.1f} s (goal ≤ 20 s), "
          f"{demo_cpu:.1f} CPU-seconds with its workers; just before, a fixed pure-Python "
          f"loop took {calibration:.2f} s and a fixed SQLite load on both cores "
          f"{calibration_memory:.2f} s")
    startup = bench_startup(database)
    print(f"start-up to painted list: {startup['startup_ms']} ms vs bare Qt "
          f"{startup['baseline_startup_ms']} ms: ratio {startup['startup_ratio']} (goal ≤ 1.5)")
    print(f"RSS with the list open: {startup['rss_mb']} MB (goal ≤ 200)")
    search = bench_search(database)
    for length, figures in search.items():
        print(f"search {length}-character terms: p50 {figures['p50_ms']} ms, "
              f"p95 {figures['p95_ms']} ms over {figures['terms']} terms (goal p95 ≤ 30)")
    worst = max(f["p95_ms"] for f in search.values())
    print(json.dumps({
        "cases": cases,
        "demo_seconds": round(demo_seconds, 2),
        "demo_cpu_seconds": round(demo_cpu, 2),
        "calibration_loop_seconds": round(calibration, 3),
        "calibration_sqlite_seconds": round(calibration_memory, 3),
        **startup,
        "search_p95_ms": worst,
        "search": search,
        "database_mb": round(database.stat().st_size / 1e6, 1),
    }, ensure_ascii=False))

if __name__ == "__main__":
    main()
