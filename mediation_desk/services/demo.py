"""Realistic fake disputes for a first look and for benchmarks (`mediation-desk demo`).

Everything is made from a seeded random generator, so the same seed gives the same
database.  Names include characters outside GB2312 (㛃 堃 喆 昇 犇 淼) because real names
do; ID numbers carry correct GB 11643 check digits; every category, source, tier, state
and risk grade occurs; dates spread over the three years before the clock's today, and
each case's events tell a plausible story that ends in its state.

How 100,000 cases are written in about twenty seconds on two cores (17-25 s on the
two-core machine it was measured on, whose speed varies) (issue 3):

- Cases are made in batches by two spawned worker processes (`demo_batches`, which
  imports no SQLAlchemy), started before the database is opened (`demo_workers`), as
  tuples in column order; dates, datetimes, amounts and JSON become the text SQLAlchemy
  itself stores in SQLite.
- Most cases are long over, and their stories (events, sessions, agreements, terms,
  visits: a dozen rows a case) are told from story templates: stories told once from a
  day long ago, whose rows SQL moves to each case's day and ids (`demo_batches._Template`,
  `_Layout`).  Only the rest of a case (its parties, its own row) is made in Python.
- A SQLite file is not filled where it is.  The demo only fills a new, empty database,
  so the whole database is built in a file beside it with the safety off (no journal,
  no fsync, no CHECK or foreign-key checks row by row, no automatic merging in the
  full-text indexes; secondary indexes grow as the rows come where that is cheaper, and
  the others are made once at the end) and then swapped in with one `os.replace`
  (`_fill_beside`).  Until then the database is untouched, so an interrupted demo
  leaves it as it was.  Each worker binds the batch it made into its own TEMP tables,
  then copies it into the file on its turn (batch order, so rows get the same ids
  whichever worker made them): no rows travel between processes, and one worker's
  writing overlaps the other's making.  The constraints are verified once at the end,
  while the indexes are made and after, by two threads (`_Checks`).  If another
  connection has the database open, the built rows are copied into it in one
  transaction instead.
- Other databases (PostgreSQL), and SQLite in memory, take SQLAlchemy Core in one
  transaction (`_fill_in_place`): slower, the same rows (the templated stories told
  again from their random streams).
"""

from __future__ import annotations

import collections
import datetime as dt
import glob
import os
import random
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import CheckConstraint, Integer, func, insert, select

from mediation_desk.domain.errors import StorageError
from mediation_desk.domain.vocabulary import (
    RosterRole,
)
from mediation_desk.persistence.engine import sqlite_file
from mediation_desk.persistence.models import (
    Agreement,
    AgreementTerm,
    CaseDeadline,
    CaseNumberSequence,
    Dispute,
    DisputeEvent,
    FollowUpVisit,
    MediationSession,
    Party,
    RosterMember,
    ScreeningEntry,
    SessionParticipant,
)
from mediation_desk.services import demo_workers
from mediation_desk.services.demo_batches import (  # noqa: F401  (RARE: for the tests)
    _ROLE_OF,
    RARE,
    _Batch,
    _BatchSpec,
    _clear_stage,
    _commit_batch,
    _count,
    _counts,
    _make_and_write,
    _make_batch,
    _Names,
    _open_building,
    _roster,
    _sqlite_columns,
    _stage_batch,
)
from mediation_desk.services.demo_workers import BATCH, Workers, batch_bounds


@dataclass(frozen=True)
class DemoSummary:
    cases: int
    parties: int
    events: int


# ------------------------------------------------------------------ the whole demo
def generate_demo(
    services,  # type: ignore[no-untyped-def]  # services.container.Services
    *,
    cases: int,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
    batch_size: int = BATCH,
    workers: Workers | None = None,
) -> DemoSummary:
    """Fill a database that has no disputes yet; refuse one that has real ones.

    The same seed and batch size give the same database (each batch of cases has its own
    random stream).  `workers` may have been started already (`demo_workers.start`, with
    the same cases and batch size); they are ended before this returns."""
    started = workers
    try:
        with services.uow.read() as session:
            _refuse_cases(session.scalar(select(func.count(Dispute.id))))
        # The workers start first: they import the batches module while the database
        # is prepared.
        started = started or demo_workers.start(cases, batch_size)
    except BaseException:
        if started is not None:
            started.stop()
        raise
    path = sqlite_file(services.url)
    building = None
    try:
        with started:
            building = None if path is None else _new_building_file(path)
            return _fill(services, path, building, plan=_plan(services, cases, seed, batch_size,
                                                              progress), workers=started)
    finally:
        # Out of the block, the workers have all exited (`Workers.__exit__`, whatever
        # happened), so none still has the file open, or can write into it, when it is
        # removed here (Windows would refuse to remove a file a worker has open).
        if building is not None:
            _remove_database_file(building)


def _plan(services, cases: int, seed: int, batch_size: int,  # type: ignore[no-untyped-def]
          progress: Callable[[int, int], None] | None) -> _Plan:
    rng = random.Random(seed)
    now = services.clock()
    today = now.date()
    start = today - dt.timedelta(days=3 * 365)
    # Registration dates spread over three years, in order, so numbers follow the dates.
    calendar = [start + dt.timedelta(days=n) for n in range((today - start).days + 1)]
    rand, span = rng.random, len(calendar)
    days = [calendar[n] for n in sorted(int(rand() * span) for _ in range(cases))]
    serial_by_year: dict[int, int] = {}
    serials = []
    for day in days:
        serial_by_year[day.year] = serial_by_year.get(day.year, 0) + 1
        serials.append(serial_by_year[day.year])
    return _Plan(
        seed=seed, cases=cases, batch_size=batch_size, now=now, days=days, serials=serials,
        last_serials=serial_by_year, roster=_roster(rng, _Names(rng), now),
        short_name=services.settings.load().station_short_name, progress=progress,
    )


def _fill(services, path: Path | None, building: Path | None, *, plan: _Plan,  # type: ignore[no-untyped-def]
          workers: Workers) -> DemoSummary:
    if path is None or building is None:
        return _fill_in_place(services.engine, plan, workers)
    return _fill_beside(services.engine, path, building, plan, workers)


def _refuse_cases(existing: int | None) -> None:
    if existing:
        raise StorageError(
            "other",
            f"这个数据库里已有 {existing} 件案件；演示数据只能写入新的空数据库，以免与真实案件混在一起。",
        )


@dataclass(frozen=True)
class _Plan:
    """What the batches are made from, decided before any is made."""

    seed: int
    cases: int
    batch_size: int
    now: dt.datetime
    days: list[dt.date]
    serials: list[int]
    last_serials: dict[int, int]
    roster: list[dict]
    short_name: str
    progress: Callable[[int, int], None] | None

    def specs(self, roster: Sequence[tuple[int, str, str, str]], *, sqlite: bool,
              building: Path | None = None) -> list[_BatchSpec]:
        """One spec per batch; `roster` is (id, role, name, grid) as stored."""
        by_role = {key: tuple((r[0], r[2]) for r in roster if r[1] == role.value)
                   for key, role in _ROLE_OF.items()}
        grids = {r[0]: r[3] for r in roster if r[1] == RosterRole.GRID_WORKER.value}
        return [
            _BatchSpec(
                seed=self.seed, index=index, first_offset=begin, first_id=begin + 1,
                days=tuple(self.days[begin:end]), serials=tuple(self.serials[begin:end]),
                short_name=self.short_name, today=self.now.date(), roster=by_role, grids=grids,
                sqlite=sqlite, building=None if building is None else str(building),
            )
            for index, (begin, end) in enumerate(batch_bounds(self.cases, self.batch_size))
        ]

    def done(self, batches: Iterator[tuple[int, int]]) -> tuple[int, int]:
        """Follow the batches as they are written, reporting progress; how many parties
        and events there are in all."""
        parties = events = 0
        bounds = batch_bounds(self.cases, self.batch_size)
        # To the end of `batches`: the generator lets the workers go once it is done.
        for index, (batch_parties, batch_events) in enumerate(batches):
            parties += batch_parties
            events += batch_events
            if self.progress:
                self.progress(bounds[index][1], self.cases)
        return parties, events


# The tables the demo fills, in the order they are written (parents first).
_MODELS = (Dispute, Party, DisputeEvent, MediationSession, SessionParticipant, Agreement,
           AgreementTerm, FollowUpVisit, CaseDeadline, ScreeningEntry)
_BULK_TABLES = tuple(model.__tablename__ for model in _MODELS)
_MODEL_OF = {model.__tablename__: model for model in _MODELS}



# ----------------------------------------------------- other databases: in place
def _fill_in_place(engine, plan: _Plan, workers: Workers) -> DemoSummary:  # type: ignore[no-untyped-def]
    """SQLAlchemy Core in one transaction: a demo that is interrupted leaves the database
    as it was.  For PostgreSQL, and SQLite without a file (in memory, as in tests)."""
    sqlite = engine.dialect.name == "sqlite"
    with _bulk_connection(engine) as connection, connection.begin():
        triggers = _suspend_search_triggers(connection)
        connection.execute(insert(RosterMember), plan.roster)
        roster = connection.execute(select(RosterMember.id, RosterMember.role, RosterMember.name,
                                           RosterMember.grid)).all()

        def written(batch: _Batch) -> tuple[int, int]:
            for table, (columns, values) in batch.tables.items():
                if _count(values):
                    connection.execute(insert(_MODEL_OF[table]),
                                       [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)])
            return _counts(batch)

        specs = plan.specs([tuple(r) for r in roster], sqlite=False)
        parties, events = plan.done(map(written, _batches(workers, specs)))
        connection.execute(insert(CaseNumberSequence),
                           [{"year": y, "last_value": n} for y, n in plan.last_serials.items()])
        _restore_search_triggers(connection, triggers)
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:  # a bug in this module; the transaction rolls back
                raise RuntimeError(f"demo rows break foreign keys: {broken[:3]}")
    return DemoSummary(cases=plan.cases, parties=parties, events=events)


@contextmanager
def _bulk_connection(engine) -> Iterator:  # type: ignore[no-untyped-def]
    """On SQLite, foreign keys are checked once at the end (PRAGMA foreign_key_check)
    instead of row by row; the pragma can only change outside a transaction."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            driver = connection.connection.driver_connection
            driver.execute("PRAGMA foreign_keys=OFF")
            # A large page cache keeps index updates in memory.
            driver.execute("PRAGMA cache_size = -262144")
        try:
            yield connection
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def _suspend_search_triggers(connection) -> list[str]:  # type: ignore[no-untyped-def]
    """Drop the search triggers and the secondary indexes of the bulk-loaded tables, to
    be made again once at the end (several times faster than row by row, and safe: the
    whole demo is one transaction on an empty database).  Returns their SQL."""
    if connection.dialect.name != "sqlite":
        return []
    rows = connection.exec_driver_sql(_SUSPENDED_SQL).all()
    for kind, name, _sql in rows:
        connection.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
    return _in_order(rows)


def _in_order(suspended: Sequence[tuple[str, str, str]]) -> list[str]:
    # Indexes first, then triggers (the triggers' tables must be indexed when they run).
    return [sql for kind, _name, sql in sorted(suspended, key=lambda r: r[0] != "index")]


def _restore_search_triggers(connection, triggers: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Fill both search indexes in one pass each, then make the indexes and triggers
    again."""
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql("INSERT INTO dispute_search(dispute_search) VALUES ('rebuild')")
    connection.exec_driver_sql(
        "INSERT INTO dispute_grams(rowid, grams) SELECT id, md_search_grams(search_text) FROM dispute"
    )
    for sql in triggers:
        connection.exec_driver_sql(sql)


_SUSPENDED_SQL = (
    "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
    "(type = 'trigger' AND tbl_name = 'dispute') OR "
    f"(type = 'index' AND tbl_name IN ({', '.join(repr(t) for t in _BULK_TABLES)})))"
)


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    quoted = ", ".join(f'"{column}"' for column in columns)
    return f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(columns))})"


# ------------------------------------------------- SQLite files: built beside, swapped in
def _fill_beside(engine, path: Path, building: Path, plan: _Plan,  # type: ignore[no-untyped-def]
                 workers: Workers) -> DemoSummary:
    """Build the database in `building` (new and empty, this run's alone) and swap it in;
    the caller removes whatever is left of it."""
    with engine.connect() as connection, closing(sqlite3.connect(building)) as copy:
        # The database as it is now (settings, roster, schema), consistently.
        connection.connection.driver_connection.backup(copy)
    with closing(_open_building(building)) as db:
        summary = _build(db, building, plan, workers)
    _flush(building)  # what is not on disk yet: the switch to WAL
    _swap_in(engine, path, building)
    return summary


_BUILDING_SUFFIX = ".building"
_STALE_AFTER = 24 * 3600  # seconds untouched after which any run's file counts as left over


def _new_building_file(path: Path) -> Path:
    """A new, empty file beside the database for this run alone.

    Its name is unique to the run (process id and a random part, made with O_EXCL), so
    nothing of an earlier run, in this process or another, can ever write into it.  Files
    that runs killed outright (no clean-up) have left beside the database go first."""
    _remove_left_over(path)
    handle, name = tempfile.mkstemp(prefix=f"{path.name}.demo-{os.getpid()}-",
                                    suffix=_BUILDING_SUFFIX, dir=path.parent)
    os.close(handle)
    return Path(name)


def _remove_left_over(path: Path) -> None:
    """Remove the building files of demo runs that are over: their process is gone
    (checked on POSIX only) or they have not been touched for a day.  A run still going
    on elsewhere keeps its file."""
    for left in path.parent.glob(f"{glob.escape(path.name)}.demo-*{_BUILDING_SUFFIX}"):
        owner = left.name[len(path.name) + len(".demo-"):].split("-", 1)[0]
        with suppress(OSError):
            if (time.time() - left.stat().st_mtime > _STALE_AFTER
                    or (owner.isdigit() and not _running(int(owner)))):
                _remove_database_file(left)


def _running(pid: int) -> bool:
    if os.name != "posix":
        return True  # no harmless way to ask; the age rule applies
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True



def _build(db: sqlite3.Connection, building: Path, plan: _Plan, workers: Workers) -> DemoSummary:
    """Fill the file beside the database: the workers write the batches, taking turns
    in order; this connection (`db`) prepares the file before and finishes it after."""
    db.execute("BEGIN IMMEDIATE")
    # Indexes whose keys come in the order rows are written (a case's rows come with it)
    # grow at their end as the batches are written, cheaply and on the writer's turn,
    # while the other worker makes its batch; so do the few that cost less that way
    # than built at the end, on one core (`_KEPT_UP`).  The others are made at the end.
    suspended = [row for row in db.execute(_SUSPENDED_SQL).fetchall()
                 if row[0] != "index" or (row[1] not in _KEPT_UP
                                          and _first_column(db, row[1]) not in _IN_WRITING_ORDER)]
    for kind, name, _sql in suspended:
        db.execute(f'DROP {kind.upper()} "{name}"')
    columns = tuple(plan.roster[0])
    db.executemany(_insert_sql("roster_member", columns),
                   zip(*_sqlite_columns("roster_member", columns, [tuple(r.values()) for r in plan.roster]),
                       strict=True))
    roster = db.execute("SELECT id, role, name, grid FROM roster_member").fetchall()
    db.executemany("INSERT INTO case_number_sequence (year, last_value) VALUES (?, ?)",
                   sorted(plan.last_serials.items()))
    merging = _stop_merging(db)
    db.execute("COMMIT")
    parties, events = plan.done(_written(workers, plan.specs(roster, sqlite=True, building=building), db))
    # The rows are checked (a reader) while the indexes are made (the writer, whose
    # pages wait in its cache until the commit), on the other core; and they go to disk
    # meanwhile.  The indexes done, this thread takes parts of the check too.
    checks = _Checks(building)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="demo") as helpers:
        helping = [helpers.submit(checks.run), helpers.submit(_flush, building)]
        try:
            db.execute("PRAGMA cache_size = -524288")
            db.execute("PRAGMA mmap_size = 4294967296")
            # The index builds' sorts may use a core too (when the check leaves one).
            db.execute("PRAGMA threads = 2")
            db.execute("BEGIN IMMEDIATE")
            for sql in _in_order(suspended):
                db.execute(sql)
            _merge_again(db, merging)
            db.execute("COMMIT")
            helping.append(helpers.submit(_flush, building))  # the indexes, to disk meanwhile
            checks.run()
        except BaseException:
            checks.failed = True  # the helper stops after its part: the file is not used
            raise
        for future in helping:
            future.result()
    # The workers have long exited by now; this connection alone has the file from here.
    workers.wait()
    # Every database the program opens is in WAL mode; this one is too, from the start.
    db.execute("PRAGMA journal_mode = WAL")
    return DemoSummary(cases=plan.cases, parties=parties, events=events)


# The full-text indexes the batches are written into, a segment or more per batch.
_FULL_TEXT = ("dispute_search", "dispute_grams")
_FTS5_AUTOMERGE = 4  # FTS5's own default, where the index's config has none


def _stop_merging(db: sqlite3.Connection) -> dict[str, int | None]:
    """Turn off the full-text indexes' automatic merging of segments for the load: each
    batch's commit would otherwise merge ever larger segments again, on the writer's
    turn (a third of the trigram index's cost).  FTS5 still merges where 16 segments
    pile up on one level (`crisismerge`), so searches stay fast.  Returns each index's
    own setting."""
    stored: dict[str, int | None] = {}
    for table in _FULL_TEXT:
        row = db.execute(f'SELECT v FROM "{table}_config" WHERE k = \'automerge\'').fetchone()
        stored[table] = None if row is None else int(row[0])
        db.execute(f'INSERT INTO "{table}" ("{table}", rank) VALUES (\'automerge\', 0)')
    return stored


def _merge_again(db: sqlite3.Connection, stored: dict[str, int | None]) -> None:
    """Give the full-text indexes back their merging (`_stop_merging`): a mediator's
    edits merge the load's segments bit by bit, as usual."""
    for table, value in stored.items():
        db.execute(f'INSERT INTO "{table}" ("{table}", rank) VALUES (\'automerge\', ?)',
                   (_FTS5_AUTOMERGE if value is None else value,))


# Columns whose values grow with the rows' ids: a case's id and those of its sessions and
# agreements, and the registration day (cases are numbered in date order).
_IN_WRITING_ORDER = {"dispute_id", "session_id", "agreement_id", "registered_on"}
# The largest of the other indexes.  Kept up, they add about 0.15 of the cases' making
# time to the writer's turns (taken on two cores) and take 0.12 of it off the builds at
# the end (on one core, beside the check); of the whole about 3 %.
_KEPT_UP = {"ix_dispute_event_figures", "ix_dispute_figures", "ix_followup_visit_status_due_on",
            "ix_followup_visit_status_visited_on", "ix_session_participant_roster_member_id"}


def _first_column(db: sqlite3.Connection, index: str) -> str:
    return db.execute("SELECT name FROM pragma_index_info(?) WHERE seqno = 0", (index,)).fetchone()[0]


def _write_batch(db: sqlite3.Connection, batch: _Batch) -> tuple[int, int]:
    """One batch into the file being built."""
    _stage_batch(db, batch)
    counts = _commit_batch(db, batch)
    _clear_stage(db, batch)
    return counts



class _Checks:
    """The CHECK constraints and foreign keys the load did not check row by row, in
    parts of up to `_CHECK_ROWS` rowids, by as many threads as `run` them (each takes the
    next part left); a failure is a bug in this module, and the file is not swapped in."""

    def __init__(self, building: Path) -> None:
        self.building = building
        with closing(sqlite3.connect(building)) as db:
            # (Each in its own subquery: SQLite finds a lone min() or max() of the rowid at
            # the table's end, but scans the whole table for the two together.)
            spans = {table: db.execute(f'SELECT (SELECT min(rowid) FROM "{table}"), '
                                       f'(SELECT max(rowid) FROM "{table}")').fetchone()
                     for table in _BROKEN_SQL}
        self.left = collections.deque(  # (deque.popleft: thread-safe)
            (table, after) for table, (first, last) in spans.items() if first is not None
            for after in range(first - 1, last, _CHECK_ROWS))  # rowids after..after + _CHECK_ROWS
        self.failed = False

    def run(self) -> None:
        # (The index builds' commit may hold the file a while: wait for it as the writer would.)
        with closing(sqlite3.connect(self.building, isolation_level=None, timeout=600)) as db:
            db.execute("PRAGMA mmap_size = 4294967296")
            while not self.failed:
                try:
                    table, after = self.left.popleft()
                except IndexError:
                    return
                wrong = db.execute(_BROKEN_SQL[table], (after, after + _CHECK_ROWS)).fetchone()
                if wrong:
                    self.failed = True
                    raise RuntimeError(f"demo row {table} #{wrong[0]} breaks a constraint")


_CHECK_ROWS = 100_000  # a part small enough for two threads to share the last parts left


def _broken_sql(model) -> str:  # type: ignore[no-untyped-def]
    """SQL for a row that breaks one of the model's CHECK constraints or foreign keys
    (what the constraints and PRAGMA foreign_key_check would find)."""
    table = model.__table__
    conditions = [f"NOT ({c.sqltext.text})" for c in table.constraints if isinstance(c, CheckConstraint)]
    for key in table.foreign_keys:
        parent, child = key.column.table, f'"{key.parent.name}"'
        # Every key refers to its parent's rowid (an INTEGER PRIMARY KEY, never NULL):
        # SQLite then looks each value up in the parent table itself, a third cheaper
        # than a correlated NOT EXISTS.
        if list(parent.primary_key.columns) != [key.column] or type(key.column.type) is not Integer:
            raise TypeError(f"{table.name}.{key.parent.name}: the demo's check needs a key to a rowid")
        conditions.append(f'({child} IS NOT NULL AND {child} NOT IN '
                          f'(SELECT "{key.column.name}" FROM {parent.name}))')
    return (f"SELECT rowid FROM {table.name} WHERE rowid > ? AND rowid <= ? "
            f"AND ({' OR '.join(conditions) or '0'}) LIMIT 1")


_BROKEN_SQL = {model.__tablename__: _broken_sql(model) for model in (RosterMember, *_MODELS)}


def _flush(building: Path) -> None:
    """On disk before it replaces the database: a power cut after the swap must not
    leave a half-written file in its place."""
    with open(building, "r+b") as file:
        os.fsync(file.fileno())


def _swap_in(engine, path: Path, building: Path) -> None:  # type: ignore[no-untyped-def]
    """Replace the database file with the built one, if no connection has it open; else
    copy the rows over in one transaction.  Either way the engine's pooled connections,
    which belong to the old file, are closed first and the next ones open the new file."""
    own = _exclusive(engine, path)
    if own is None:
        _copy_over(engine, building)
        return
    with closing(own):
        # Counted again: a case registered meanwhile would be lost with the old file.
        _refuse_cases(own.execute("SELECT count(*) FROM dispute").fetchone()[0])
        own.execute("ROLLBACK")
    shutil.copymode(path, building)
    try:
        os.replace(building, path)
    except PermissionError:  # Windows: opened again in the meantime
        _copy_over(engine, building)
        return
    if os.name == "posix":  # the rename itself on disk
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    engine.dispose()


def _exclusive(engine, path: Path) -> sqlite3.Connection | None:  # type: ignore[no-untyped-def]
    """A connection that alone has the database open, holding its exclusive lock, with
    the WAL checkpointed and its side files gone; None if other connections have it open
    (a WAL database cannot leave WAL mode while they do)."""
    own = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        for _attempt in range(20):
            # The engine's pooled connections, and any made since, belong to the old file.
            engine.dispose()
            with suppress(sqlite3.OperationalError):  # busy: someone is reading now
                if own.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete":
                    own.execute("BEGIN EXCLUSIVE")
                    return own
            time.sleep(0.05)
    except BaseException:
        own.close()
        raise
    own.close()
    return None


def _copy_over(engine, building: Path) -> None:  # type: ignore[no-untyped-def]
    """The slow way, for a database others have open: the built rows copied in with
    INSERT ... SELECT in one transaction (WAL; readers go on meanwhile)."""
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            driver.execute("ATTACH DATABASE ? AS built", (str(building),))
            with connection.begin():
                triggers = _suspend_search_triggers(connection)
                connection.exec_driver_sql(
                    "INSERT INTO roster_member SELECT * FROM built.roster_member WHERE id > "
                    "(SELECT coalesce(max(id), 0) FROM main.roster_member)"
                )
                for table in (*_BULK_TABLES, "case_number_sequence"):
                    connection.exec_driver_sql(f"INSERT INTO main.{table} SELECT * FROM built.{table}")
                _restore_search_triggers(connection, triggers)
            driver.execute("DETACH DATABASE built")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")


def _remove_database_file(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        # Not there (swapped in, never made), or still open on Windows: nothing to do.
        with suppress(OSError):
            os.remove(f"{path}{suffix}")


# ------------------------------------------------------------ batches, in processes
def _batches(workers: Workers, specs: list[_BatchSpec]) -> Iterator[_Batch]:
    """The batches, in order, for this process to write."""
    if workers.pool is None:
        return map(_make_batch, specs)
    return workers.pool.map(_make_batch, specs)


def _written(workers: Workers, specs: list[_BatchSpec], db: sqlite3.Connection) -> Iterator[tuple[int, int]]:
    """Make and write the batches into the file being built (`db` is this process's
    connection to it); yields each batch's parties and events once it is written.  The
    workers write the batches they make themselves (`_make_and_write`), taking turns in
    batch order, so that rows get the same ids whichever worker made them: no rows
    travel between processes, and one worker's writing overlaps the other's making."""
    if workers.pool is None:
        yield from (_write_batch(db, _make_batch(spec)) for spec in specs)
        return
    try:
        yield from workers.pool.map(_make_and_write, specs)
    except BaseException:
        # A batch failed, or this generator was closed early: the workers must have
        # let go of the file before it is removed.
        workers.stop()
        raise
    # The workers exit while this connection finishes the file (`_build` waits for them
    # before it lets go of the file).
    workers.let_go()


