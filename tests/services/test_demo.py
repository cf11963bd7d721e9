"""Demo data: realistic, complete in its variety, valid, and reproducible."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest
from sqlalchemy import JSON, text

from mediation_desk.domain.validation import validate_id_number
from mediation_desk.domain.vocabulary import Category, DisputeState, RiskGrade, Source
from mediation_desk.persistence.migrate import integrity_problems
from mediation_desk.services.demo import RARE, generate_demo
from mediation_desk.services.dto import CaseFilter


def test_demo_covers_every_value_and_is_valid(services):
    summary = generate_demo(services, cases=400, seed=7)
    assert summary.cases == 400
    with services.engine.connect() as c:
        def values(sql):
            return {row[0] for row in c.execute(text(sql))}

        assert values("SELECT category FROM dispute") == {x.value for x in Category}
        assert values("SELECT source FROM dispute") == {x.value for x in Source}
        assert values("SELECT state FROM dispute") == {x.value for x in DisputeState}
        assert values("SELECT risk FROM dispute") == {x.value for x in RiskGrade}
        assert values("SELECT tier FROM dispute") == {1, 2, 3}
        assert values("SELECT tier FROM mediation_session") == {1, 2, 3}
        years = values("SELECT year FROM dispute")
        assert len(years) >= 3
        names = "".join(values("SELECT name FROM party"))
        assert any(ch in names for ch in RARE)
        today = dt.date(2026, 11, 20)
        for id_number in values("SELECT id_number FROM party WHERE id_number != ''"):
            assert validate_id_number(id_number, today=today) == id_number
        # Sessions only where mediation started; settled cases say how.
        assert not values(
            "SELECT d.state FROM mediation_session s JOIN dispute d ON d.id = s.dispute_id "
            "WHERE d.state IN ('registered', 'accepted', 'declined')"
        )
        assert values("SELECT settlement FROM dispute WHERE state IN ('settled', 'closed')") <= {
            "written", "oral"
        }
        # Every settled or closed case has a signed agreement and a follow-up plan; closed
        # ones have none left open; some cases came back (反复) after a visit.
        assert not values(
            "SELECT d.id FROM dispute d WHERE d.state IN ('settled', 'closed') AND NOT EXISTS "
            "(SELECT 1 FROM agreement a WHERE a.dispute_id = d.id AND a.status = 'signed')"
        )
        assert not values(
            "SELECT v.id FROM followup_visit v JOIN dispute d ON d.id = v.dispute_id "
            "WHERE d.state = 'closed' AND v.status = 'planned'"
        )
        assert values("SELECT status FROM followup_visit") == {"planned", "done", "cancelled"}
        assert values("SELECT max(recurrences) FROM dispute") == {1}
        assert values("SELECT count(*) FROM followup_visit WHERE reopened") != {0}
        assert values("SELECT count(*) FROM case_deadline") != {0}
        last = dict(c.execute(text("SELECT year, last_value FROM case_number_sequence")).all())
        assert last == dict(c.execute(text("SELECT year, max(serial) FROM dispute GROUP BY year")).all())
    assert integrity_problems(services.engine) == []
    # The search indexes were rebuilt: a rare-character name is found.
    with services.engine.connect() as c:
        rare_name = c.execute(
            text("SELECT name FROM party WHERE name GLOB '*[㛃堃喆昇犇淼]*' LIMIT 1")
        ).scalar()
    assert services.cases.count(CaseFilter(search=rare_name)) >= 1
    # Registering after the demo continues the year's numbering.
    detail = services.cases.detail(services.cases.list_ids(limit=1)[0])
    assert detail.parties
    # The clock rows the demo wrote are the ones the services would write.
    from sqlalchemy import select

    from mediation_desk.persistence.models import CaseDeadline, Dispute
    from mediation_desk.services import clocks

    settings = services.settings.load()
    with services.uow.read() as session:
        for dispute in session.scalars(select(Dispute).where(Dispute.state.in_(("in_mediation", "settled")))):
            stored = sorted(
                (r.kind, r.ref, r.due)
                for r in session.scalars(select(CaseDeadline).where(CaseDeadline.dispute_id == dispute.id))
            )
            expected = sorted(
                (r["kind"], r["ref"], r["due"])
                for r in clocks.deadline_rows(clocks.tracked(session, dispute, settings), dispute.id)
            )
            assert stored == expected, dispute.number


@pytest.mark.parametrize(("cases", "batch_size"), [(100_000, 5_000), (600, 100), (140, 20), (100, 50),
                                                   (7, 2), (5_992, 100), (8, 2)])
def test_batches_cover_every_case_once_with_half_batches_at_both_ends(cases, batch_size):
    from mediation_desk.services.demo_workers import batch_bounds

    bounds = batch_bounds(cases, batch_size)
    assert bounds[0][0] == 0 and bounds[-1][1] == cases
    assert all(end == next_begin for (_b, end), (next_begin, _e) in zip(bounds, bounds[1:], strict=False))
    sizes = [end - begin for begin, end in bounds]
    assert all(0 < size <= batch_size for size in sizes)
    if cases >= 4 * batch_size:  # enough batches for the workers
        assert sizes[0] == sizes[-1] == sizes[-2] == batch_size // 2
        assert min(sizes[1:-2]) >= batch_size // 2 and max(sizes[1:-2]) - min(sizes[1:-2]) <= 1


def test_demo_is_reproducible(tmp_path, clock):
    from mediation_desk.services.container import open_services

    dumps = []
    for name in ("a", "b"):
        services = open_services(tmp_path / f"{name}.sqlite", clock=clock)
        generate_demo(services, cases=120, seed=11)
        with services.engine.connect() as c:
            dumps.append(c.execute(text("SELECT number, parties_display, state, tier FROM dispute ORDER BY id")).all())
        services.close()
    assert dumps[0] == dumps[1]


def test_demo_made_by_worker_processes_is_complete_and_reproducible(tmp_path, clock):
    """Enough batches for the worker processes, which write them into the file built
    beside the database, taking turns: the same rows and ids every time, a sound file in
    WAL mode swapped in, nothing left beside it, and the workers exited."""
    import multiprocessing

    from mediation_desk.services.container import open_services

    dumps = []
    for name in ("a", "b"):
        services = open_services(tmp_path / f"{name}.sqlite", clock=clock)
        summary = generate_demo(services, cases=600, seed=3, batch_size=100)
        assert summary.cases == 600
        assert multiprocessing.active_children() == []
        with services.engine.connect() as c:
            dumps.append([
                c.execute(text(f"SELECT * FROM {table} ORDER BY rowid")).all()
                for table in ("dispute", "party", "dispute_event", "session_participant",
                              "followup_visit", "case_deadline")
            ])
            assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert c.execute(text("SELECT count(*) FROM dispute")).scalar() == 600
            assert len(dumps[-1][2]) == summary.events
            # The full-text indexes merge their segments again, as FTS5 does by default.
            for index in ("dispute_search", "dispute_grams"):
                assert c.execute(text(f"SELECT v FROM {index}_config WHERE k = 'automerge'")).scalar() == 4
        assert integrity_problems(services.engine) == []
        name = dumps[-1][1][0][5]  # the first party's
        assert services.cases.count(CaseFilter(search=name)) >= 1
        services.close()
    assert dumps[0] == dumps[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite", "b.sqlite"]


def test_the_workers_are_let_go_before_the_file_is_finished(tmp_path, clock, monkeypatch):
    """Once the last batch is written the workers are told to exit, so that their ending
    overlaps the index builds and the check rather than delaying them."""
    from mediation_desk.services import demo, demo_workers
    from mediation_desk.services.container import open_services

    calls = []
    let_go, check = demo_workers.Workers.let_go, demo._Checks.run
    monkeypatch.setattr(demo_workers.Workers, "let_go",
                        lambda self: (calls.append(("let go", self.pool is not None)), let_go(self))[1])
    monkeypatch.setattr(demo._Checks, "run", lambda self: (calls.append("check"), check(self))[1])
    services = open_services(tmp_path / "demo.sqlite", clock=clock)
    assert generate_demo(services, cases=600, seed=3, batch_size=100).cases == 600
    services.close()
    assert calls[:2] == [("let go", True), "check"]


def test_the_check_of_the_built_file_finds_a_row_that_breaks_a_constraint(tmp_path, clock, monkeypatch):
    """Two threads share the check's parts (of 2 rowids here); a foreign key to nothing
    or a broken CHECK is found wherever it is, the first and the last row included."""
    import collections
    import sqlite3
    from concurrent.futures import ThreadPoolExecutor
    from contextlib import closing

    from mediation_desk.services import demo
    from mediation_desk.services.container import open_services

    monkeypatch.setattr(demo, "_CHECK_ROWS", 2)
    path = tmp_path / "built.sqlite"
    open_services(path, clock=clock).close()
    member = "({id}, '调解员', '{role}', '', '', '', '', 1, '2026-11-20 09:00:00')"
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        for n in range(-1, 8):  # rowids below 1 too: a copied roster may have them
            db.execute(f"INSERT INTO roster_member VALUES {member.format(id=n, role='mediator')}")
    sound = demo._Checks(path)
    parts = list(sound.left)
    assert parts == [("roster_member", after) for after in (-2, 0, 2, 4, 6)]  # rowids -1..7
    taken: list[tuple[str, int]] = []

    class Taken(collections.deque):
        def popleft(self):  # type: ignore[no-untyped-def]
            part = super().popleft()
            taken.append(part)
            return part

    sound.left = Taken(sound.left)
    with ThreadPoolExecutor(max_workers=1) as helper:
        other = helper.submit(sound.run)
        sound.run()
        other.result()  # a failure in the helper fails the test
    assert sorted(taken) == parts and not sound.left and not sound.failed  # each part once

    def broken(sql: str, table: str, rowid: int) -> None:
        with closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute("PRAGMA ignore_check_constraints = ON")  # keys are off: the load's way
            db.execute(sql)
        with pytest.raises(RuntimeError, match=f"demo row {table} #{rowid} breaks"):
            demo._Checks(path).run()
        with closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute(f"DELETE FROM {table} WHERE rowid = {rowid}")

    for rowid in (-1, 3, 7):
        broken(f"UPDATE roster_member SET role = 'boss' WHERE id = {rowid}", "roster_member", rowid)
    broken("INSERT INTO session_participant VALUES (5, 999, NULL, '调解员', 'mediator')",
           "session_participant", 5)


def test_the_check_refuses_a_key_it_cannot_look_up_by_rowid():
    """The check looks keys up by the parent's rowid; a key to any other column, or to a
    primary key that is not the rowid, would need another query, so `_broken_sql`
    refuses it (the module builds the check's SQL for every table as it loads)."""
    from types import SimpleNamespace

    from sqlalchemy import BigInteger, Column, ForeignKey, Integer, MetaData, String, Table

    from mediation_desk.services import demo

    metadata = MetaData()
    Table("parent", metadata, Column("id", Integer, primary_key=True), Column("code", String, unique=True))
    Table("named", metadata, Column("name", String, primary_key=True))
    Table("big", metadata, Column("id", BigInteger, primary_key=True))
    sound = Table("sound", metadata, Column("id", Integer, primary_key=True),
                  Column("parent_id", ForeignKey("parent.id")))
    assert "NOT IN (SELECT \"id\" FROM parent)" in demo._broken_sql(SimpleNamespace(__table__=sound))
    for column, parent in (("parent_code", "parent.code"), ("named_name", "named.name"), ("big_id", "big.id")):
        child = Table(f"child_{column}", metadata, Column("id", Integer, primary_key=True),
                      Column("parent_id", ForeignKey("parent.id")), Column(column, ForeignKey(parent)))
        with pytest.raises(TypeError, match=f"child_{column}.{column}"):
            demo._broken_sql(SimpleNamespace(__table__=child))


class _Interrupted(Exception):
    pass


def test_an_interrupted_demo_leaves_the_database_as_it_was(tmp_path, clock):
    from mediation_desk.services.container import open_services

    services = open_services(tmp_path / "demo.sqlite", clock=clock)
    for batch_size in (50, 20):  # 2 batches, written by this process; 7, by the workers

        def stop(done: int, total: int) -> None:
            raise _Interrupted  # as soon as the first batch is written

        try:
            generate_demo(services, cases=100, seed=5, batch_size=batch_size, progress=stop)
        except _Interrupted:
            pass
        with services.engine.connect() as c:
            for table in ("dispute", "party", "dispute_event", "roster_member"):
                assert c.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
        assert not [p.name for p in tmp_path.iterdir() if "building" in p.name]
    # And the database still takes the demo afterwards.
    assert generate_demo(services, cases=50, seed=5).cases == 50
    assert services.cases.count() == 50
    services.close()


def test_interrupted_demos_in_a_row_end_their_workers_before_returning(tmp_path, clock):
    """Each interrupted run has ended its worker processes when it returns, so none of
    them can go on writing: not into its own file, nor into the file of the next run in
    the same process.  Two interruptions at different points, then a full run made by the
    workers: the same rows as in a database that was never interrupted."""
    import multiprocessing

    from mediation_desk.services.container import open_services

    services = open_services(tmp_path / "demo.sqlite", clock=clock)
    for stop_after in (20, 60):  # after the second batch; after the fourth

        def stop(done: int, total: int, stop_after: int = stop_after) -> None:
            if done >= stop_after:
                raise _Interrupted

        with pytest.raises(_Interrupted):
            generate_demo(services, cases=140, seed=5, batch_size=20, progress=stop)
        assert multiprocessing.active_children() == []
        assert [p.name for p in tmp_path.iterdir() if ".demo-" in p.name] == []
        with services.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM dispute")).scalar() == 0
    summary = generate_demo(services, cases=140, seed=5, batch_size=20)
    assert summary.cases == 140
    assert integrity_problems(services.engine) == []
    with services.engine.connect() as c:
        after_interruptions = c.execute(text("SELECT * FROM dispute ORDER BY id")).all()
    services.close()

    fresh = open_services(tmp_path / "fresh.sqlite", clock=clock)
    generate_demo(fresh, cases=140, seed=5, batch_size=20)
    with fresh.engine.connect() as c:
        assert c.execute(text("SELECT * FROM dispute ORDER BY id")).all() == after_interruptions
    fresh.close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".demo-" in p.name) == []


def test_building_files_left_by_a_killed_demo_are_removed_and_a_running_ones_kept(tmp_path, clock):
    """A demo killed outright leaves its file beside the database; the next run removes
    it (its process is gone) but keeps one whose process still runs."""
    import os
    import subprocess
    import sys

    from mediation_desk.services.container import open_services

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    services = open_services(tmp_path / "demo.sqlite", clock=clock)
    killed = tmp_path / f"demo.sqlite.demo-{gone.pid}-k1ll3d.building"
    running = tmp_path / f"demo.sqlite.demo-{os.getpid()}-runn1ng.building"
    for path in (killed, running, tmp_path / f"{killed.name}-journal"):
        path.write_bytes(b"left over")
    generate_demo(services, cases=30, seed=1)
    assert sorted(p.name for p in tmp_path.iterdir() if ".demo-" in p.name) == [running.name]
    assert services.cases.count() == 30
    services.close()


def test_demo_copies_its_rows_in_when_another_connection_has_the_file_open(tmp_path, clock):
    """The file cannot be swapped while someone else has it open; the rows go in by one
    transaction instead, and the other connection sees them once it is committed."""
    import sqlite3

    from mediation_desk.services.container import open_services

    path = tmp_path / "shared.sqlite"
    services = open_services(path, clock=clock)
    other = sqlite3.connect(path)
    assert other.execute("SELECT count(*) FROM dispute").fetchone() == (0,)
    generate_demo(services, cases=80, seed=9)
    assert other.execute("SELECT count(*) FROM dispute").fetchone() == (80,)
    other.close()
    assert integrity_problems(services.engine) == []
    with services.engine.connect() as c:
        name = c.execute(text("SELECT name FROM party LIMIT 1")).scalar()
    assert services.cases.count(CaseFilter(search=name)) >= 1
    services.close()


def test_the_full_text_indexes_get_their_own_merging_back_after_the_load(tmp_path, clock):
    import sqlite3
    from contextlib import closing

    from mediation_desk.services import demo
    from mediation_desk.services.container import open_services

    path = tmp_path / "built.sqlite"
    open_services(path, clock=clock).close()

    def automerge(db: sqlite3.Connection) -> list:
        return [db.execute(f"SELECT v FROM {t}_config WHERE k = 'automerge'").fetchone() for t in demo._FULL_TEXT]

    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("INSERT INTO dispute_search (dispute_search, rank) VALUES ('automerge', 8)")
        assert automerge(db) == [(8,), None]  # the grams index has FTS5's default
        stored = demo._stop_merging(db)
        assert automerge(db) == [(0,), (0,)]
        demo._merge_again(db, stored)
        assert automerge(db) == [(8,), (4,)]


def test_the_indexes_the_demo_keeps_up_while_writing_are_the_models_own():
    """An index renamed in the models would be built at the end again, silently."""
    from mediation_desk.persistence.models import Base
    from mediation_desk.services import demo

    names = {index.name for table in Base.metadata.tables.values() for index in table.indexes}
    assert demo._KEPT_UP <= names


def test_the_batches_know_how_the_models_store_each_column():
    """The workers make rows without importing the models (nor SQLAlchemy); what they
    know of the columns' types must be what the models say."""
    import subprocess
    import sys
    from pathlib import Path

    from sqlalchemy import JSON, Boolean, Date, DateTime, Numeric

    from mediation_desk.persistence.models import Base
    from mediation_desk.services import demo_batches as b

    def kind(column) -> int:  # type: ignore[no-untyped-def]
        for sql_type, value in ((DateTime, b._DATETIME), (Date, b._DATE), (JSON, b._JSON),
                                (Numeric, b._NUMBER), (Boolean, b._BOOL)):
            if isinstance(column.type, sql_type):
                assert value != b._BOOL or not column.nullable, column  # bound as int()
                return value
        return b._NULLABLE if column.nullable else b._PLAIN

    for table, kinds in b._KINDS.items():
        columns = Base.metadata.tables[table].columns
        assert kinds == {c.name: kind(c) for c in columns if kind(c) != b._PLAIN}, table
    modules = subprocess.run(
        [sys.executable, "-c", "import sys; from mediation_desk.services import demo_batches; "
                               "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'mediation_desk'))))"],
        check=True, capture_output=True, text=True, cwd=Path(b.__file__).parents[2]).stdout
    assert "sqlalchemy" not in modules and "models" not in modules, modules


def test_a_nan_bound_as_a_parameter_is_stored_as_null():
    """The batches bind every NULL as a NaN (`_NULL`: a float, bound without looking for an
    adapter); SQLite stores it as NULL, in a column of any affinity."""
    import math

    from mediation_desk.services import demo_batches as b

    assert math.isnan(b._NULL)
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE TABLE t (a, b REAL, c TEXT, d INTEGER)")
        db.execute("INSERT INTO t VALUES (?, ?, ?, ?)", (b._NULL,) * 4)
        assert db.execute("SELECT typeof(a), typeof(b), typeof(c), typeof(d), a FROM t").fetchall() == [
            ("null", "null", "null", "null", None)]
    values = b._SqliteValues()
    assert values.dates([None, dt.date(2026, 1, 2)])[1] == "2026-01-02"
    for convert in (values.dates, values.datetimes, values.json, b._sqlite_numbers, b._sqlite_nulls):
        assert convert([None])[0] is b._NULL
    assert b._sqlite_booleans([True, False]) == [1, 0]


def test_demo_stores_values_as_sqlalchemy_itself_would(services):
    """The demo writes dates, datetimes, amounts and JSON as text it makes itself; read
    back through the models and bound again by SQLAlchemy, each value is stored the same
    (JSON compared as JSON: the demo keeps Chinese unescaped)."""
    import json

    from sqlalchemy import JSON, select

    from mediation_desk.persistence import models

    generate_demo(services, cases=120, seed=2)
    dialect = services.engine.dialect
    with services.uow.read() as session, services.engine.connect() as c:
        for model in (models.Dispute, models.Party, models.DisputeEvent, models.MediationSession,
                      models.Agreement, models.AgreementTerm, models.FollowUpVisit,
                      models.CaseDeadline, models.RosterMember, models.ScreeningEntry):
            table = model.__table__
            result = c.exec_driver_sql(f"SELECT * FROM {table.name} ORDER BY id LIMIT 80")
            names = [d[0] for d in result.cursor.description]
            stored = {row[0]: dict(zip(names, row, strict=True)) for row in result}
            assert stored, table.name
            for item in session.scalars(select(model).where(model.id.in_(stored))):
                for column in table.columns:
                    value = getattr(item, column.key)
                    bind = column.type.dialect_impl(dialect).bind_processor(dialect)
                    expected = bind(value) if bind and value is not None else value
                    actual = stored[item.id][column.name]
                    if isinstance(column.type, JSON) and actual is not None:
                        expected, actual = json.loads(expected), json.loads(actual)
                    assert actual == expected, (table.name, column.key, actual, expected)


def test_demo_fills_a_database_without_a_file_in_one_transaction(clock):
    """No file to build beside (an in-memory SQLite, like PostgreSQL): SQLAlchemy Core
    inserts the same kind of rows in one transaction, and the search indexes are filled."""
    from mediation_desk.services.container import open_services

    services = open_services("sqlite://", clock=clock)
    summary = generate_demo(services, cases=90, seed=4)
    assert services.cases.count() == 90
    assert integrity_problems(services.engine) == []
    with services.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM party")).scalar() == summary.parties
        name = c.execute(text("SELECT name FROM party WHERE party_type = 'person' LIMIT 1")).scalar()
    assert services.cases.count(CaseFilter(search=name)) >= 1
    assert services.cases.count(CaseFilter(search=name[:1])) >= 1  # the short-term index
    services.close()


def test_cases_told_from_templates_have_the_rows_their_stories_give(tmp_path, clock):
    """Built beside a SQLite file, most cases long over get their stories' rows from SQL,
    moved from a story template told once (`_Layout.expand_sql`); without a file each
    story is told again in Python from the template's random stream, with the case's
    own ids and dates.  Both give the same database, row for row, column for column."""
    import json

    from mediation_desk.persistence import models
    from mediation_desk.services.container import open_services

    def dump(services) -> dict[str, list]:
        tables = {}
        with services.engine.connect() as c:
            for model in (models.Dispute, models.Party, models.DisputeEvent, models.MediationSession,
                          models.SessionParticipant, models.Agreement, models.AgreementTerm,
                          models.FollowUpVisit, models.CaseDeadline, models.ScreeningEntry):
                table = model.__table__
                # Rows ids the database gives (events, participants) are compared without them.
                names = [col.name for col in table.columns
                         if not (col.name == "id" and model in (models.DisputeEvent, models.SessionParticipant))]
                quoted = ", ".join(f'"{name}"' for name in names)
                rows = []
                for row in c.exec_driver_sql(f"SELECT {quoted} FROM {table.name}"):
                    rows.append(tuple(
                        # JSON as its value (SQLAlchemy stores None as 'null', and escapes
                        # Chinese; the file is built with neither).
                        json.loads(value) if isinstance(table.c[name].type, JSON) and value else value
                        for name, value in zip(names, row, strict=True)
                    ))
                tables[table.name] = sorted(rows, key=repr)
        return tables

    told = []
    for where in (tmp_path / "file.sqlite", "sqlite://"):
        services = open_services(where, clock=clock)
        generate_demo(services, cases=700, seed=5, batch_size=350)
        told.append(dump(services))
        if where != "sqlite://":
            with services.engine.connect() as c:
                # Cases long over of every kind, a reopened one (反复) among them.
                old = ("FROM dispute d WHERE julianday('2026-11-20') - julianday(d.registered_on) > 200 "
                       "AND d.state != 'registered'")
                templated = dict(c.exec_driver_sql(f"SELECT d.state, count(*) {old} GROUP BY 1").all())
                reopened = c.exec_driver_sql(
                    f"SELECT count(*) {old} AND d.recurrences > 0 AND EXISTS (SELECT 1 FROM "
                    "followup_visit v WHERE v.dispute_id = d.id AND v.reopen_grounds != '')").scalar()
        services.close()
    assert set(templated) == {s.value for s in DisputeState} - {"registered"}
    assert sum(templated.values()) > 450 and reopened > 0
    in_file, in_memory = told
    for table, rows in in_file.items():
        assert len(rows) == len(in_memory[table]), table
        for mine, theirs in zip(rows, in_memory[table], strict=True):
            assert mine == theirs, table


def test_demo_lists_and_searches_cases_as_the_services_would(services):
    """The case list's 当事人 text and the search text the demo writes are what the
    services make of each case's parties (the demo has its own quicker way to them)."""
    from sqlalchemy import select

    from mediation_desk.persistence.models import Dispute
    from mediation_desk.services.cases import parties_display, search_text

    generate_demo(services, cases=600, seed=9)
    with services.uow.read() as session:
        shapes = set()
        for d in session.scalars(select(Dispute)):
            parties = sorted(d.parties, key=lambda p: p.position)
            assert d.parties_display == parties_display(parties), d.number
            assert d.search_text == search_text(d.number, parties), d.number
            shapes.add((sum(p.side == "applicant" for p in parties), len(parties)))
    assert len(shapes) > 5  # several applicants or respondents on a side, agents, guardians


def test_demo_short_term_index_tokens_are_search_grams_of_the_search_text(services):
    """The demo makes each case's 1-2 letter tokens from its parties' names; they must be
    search_grams(search_text) token for token: the index is contentless, and an edit
    deletes what search_grams gives."""
    from sqlalchemy import select

    from mediation_desk.persistence.models import RosterMember
    from mediation_desk.persistence.search import search_grams
    from mediation_desk.services import demo, demo_batches

    plan = demo._plan(services, 3000, 12, 1000, None)
    with services.uow.write() as session:
        session.execute(demo.insert(RosterMember), plan.roster)
        session.commit()
        roster = [tuple(r) for r in session.execute(select(
            RosterMember.id, RosterMember.role, RosterMember.name, RosterMember.grid))]
    checked = 0
    for spec in plan.specs(roster, sqlite=True):
        batch = demo_batches._make_batch(spec)
        texts = batch.tables["dispute"][1][demo_batches._SEARCH_TEXT]
        for searched, grams in zip(texts, batch.tables["grams"][1][1], strict=True):
            assert grams == search_grams(searched), searched
            checked += 1
    assert checked == 3000



@pytest.mark.parametrize("name", ["王淼淼", "淼", "欧阳㛃", "ÉMILE", "Anna Lee", "张三（代）", "李2娜", "İlk", ""])
def test_a_name_s_short_tokens_are_search_grams(name):
    """Names of letters alone take a quick way to their tokens; any other text the
    general one, and the order is search_grams's either way (repeats kept once)."""
    from mediation_desk.persistence.search import search_grams
    from mediation_desk.services import demo_batches

    grams = {"调": None}
    demo_batches._add_name_grams(grams, name)
    assert " ".join(grams) == search_grams(f"调 {name}")


@pytest.mark.parametrize("text", ["\x02by\x03调解", "约定2024-03-01前付清"])
def test_a_template_row_with_a_case_s_own_value_in_a_text_is_refused(text):
    """A stand-in, or a date, in a template's text would reach every case told from it."""
    from mediation_desk.services import demo_batches

    layout = demo_batches._LAYOUTS["mediation_session"]
    row = dict.fromkeys(layout.columns)  # None: no date to move
    row["place"] = "调解室"  # a clean text before it: the column named is the one at fault
    row["proposals"] = text
    with pytest.raises(RuntimeError, match=re.escape("left in template mediation_session.proposals")):
        layout.template_row(tuple(row.values()))
    row["proposals"] = "建议分期履行"
    assert layout.template_row(tuple(row.values()))[layout.position["proposals"] - 2] == "建议分期履行"

def test_demo_figure_columns_are_what_the_record_gives(services):
    """Every dispute's figure columns equal what the mapper hook (persistence.figures),
    the session-day rule and the services' performed-on reading give from its record."""
    from sqlalchemy import select

    from mediation_desk.domain import figures
    from mediation_desk.persistence.models import Dispute
    from mediation_desk.services import clocks

    generate_demo(services, cases=400, seed=8)
    with services.engine.connect() as c:
        sessions = {
            row[0]: (dt.date.fromisoformat(row[1]), dt.date.fromisoformat(row[2]))
            for row in c.execute(text(
                "SELECT dispute_id, min(held_on), max(held_on) FROM mediation_session GROUP BY 1"
            ))
        }
    outcomes = set()
    performed = 0
    with services.uow.read() as session:
        for d in session.scalars(select(Dispute)):
            assert d.accepted_day == figures.day_number(d.accepted_on), d.number
            assert d.concluded_day == figures.day_number(d.concluded_on), d.number
            assert d.outcome == figures.outcome_of(d.state, d.settlement), d.number
            first, last = sessions.get(d.id, (None, None))
            assert d.first_session_day == figures.day_number(first), d.number
            assert d.last_session_day == figures.day_number(last), d.number
            assert d.performed_on == clocks.agreement_performed_on(session, d), d.number
            outcomes.add(figures.Outcome(d.outcome))
            performed += d.performed_on is not None
    assert outcomes == set(figures.Outcome) - {figures.Outcome.CLOSED_OTHER}
    assert performed > 100
    # The recorded facts occur, on cases that can have them.
    with services.engine.connect() as c:
        def count(sql):
            return c.execute(text(sql)).scalar()

        assert count("SELECT count(*) FROM dispute WHERE judicial_confirmed_on IS NOT NULL") > 0
        assert count("SELECT count(*) FROM dispute WHERE group_incident_on IS NOT NULL") > 0
        assert count("SELECT count(*) FROM dispute WHERE turned_criminal_on IS NOT NULL "
                     "AND state NOT IN ('failed', 'referred')") == 0
        assert count("SELECT count(*) FROM dispute WHERE judicial_confirmed_on IS NOT NULL "
                     "AND settlement != 'written'") == 0


def test_stories_cut_short_by_today_stay_in_time_order(services):
    """The newest cases' stories reach today, which cuts them short: what is left happens
    today, still in order (no session before the case was accepted or mediation started,
    none before the previous one ended, no event before an earlier one)."""
    generate_demo(services, cases=3000, seed=8)
    today = services.clock().date().isoformat()
    starts = "(s.held_on || ' ' || s.start_time || ':00.000000')"
    with services.engine.connect() as c:
        def one(sql: str) -> int:
            return c.exec_driver_sql(sql).scalar()

        assert one(f"SELECT count(*) FROM mediation_session WHERE held_on = '{today}'") > 3
        assert one("SELECT count(*) FROM mediation_session s JOIN mediation_session p "
                   "ON p.dispute_id = s.dispute_id AND p.seq = s.seq - 1 "
                   "WHERE s.held_on || ' ' || s.start_time < p.held_on || ' ' || p.end_time") == 0
        assert one("SELECT count(*) FROM dispute_event e JOIN mediation_session s "
                   "ON s.dispute_id = e.dispute_id "
                   f"WHERE e.kind IN ('registered', 'accepted', 'started') AND e.at > {starts}") == 0
        assert one("SELECT count(*) FROM dispute_event e JOIN dispute_event f "
                   "ON f.dispute_id = e.dispute_id AND f.id > e.id AND f.at < e.at") == 0
        # The newest cases are still being mediated (sessions are held days apart).
        assert one("SELECT count(*) FROM dispute WHERE state IN ('settled', 'failed', 'referred') "
                   f"AND julianday('{today}') - julianday(registered_on) < 10") == 0


def test_demo_fills_a_grid_screening_log(services):
    """About one entry per four disputes over the same three years, by the grid workers
    of their grids; a third taken in as disputes from a screening (one entry each at
    most), found before the case was registered; mostly blue and yellow."""
    generate_demo(services, cases=1200, seed=6)
    with services.engine.connect() as c:
        def one(sql):
            return c.execute(text(sql)).one()

        entries, linked, first, last = one(
            "SELECT count(*), count(dispute_id), min(found_on), max(found_on) FROM screening_entry")
        assert 270 <= entries <= 330
        assert entries / 3 * 0.75 <= linked <= entries / 3 * 1.25
        assert first <= "2023-12-31" and last <= "2026-11-20" and last >= "2026-10-01"
        assert one("SELECT count(*) FROM screening_entry e JOIN dispute d ON d.id = e.dispute_id "
                   "WHERE d.source != 'grid_screening' OR e.found_on >= d.registered_on "
                   "OR e.grid != d.grid OR e.grid_worker_id != d.grid_worker_id "
                   "OR e.category != d.category OR e.risk != d.risk") == (0,)
        assert one("SELECT count(*) FROM screening_entry e LEFT JOIN roster_member m "
                   "ON m.id = e.grid_worker_id WHERE m.role IS NOT 'grid_worker' "
                   "OR m.grid != e.grid OR m.name != e.grid_worker") == (0,)
        risks = dict(c.execute(text("SELECT risk, count(*) FROM screening_entry GROUP BY 1")).all())
        assert set(risks) == {x.value for x in RiskGrade}
        assert (risks["blue"] + risks["yellow"]) / entries > 0.8
        assert one("SELECT count(DISTINCT grid), count(DISTINCT category), "
                   "count(*) - count(category) > 0, count(DISTINCT handed_to) > 5 "
                   "FROM screening_entry") == (12, len(Category), 1, 1)
        assert one("SELECT count(*) FROM screening_entry WHERE household = '' OR conflict = '' "
                   "OR action = '' OR address = '' OR phone = ''") == (0,)
        conflicts = [row[0] for row in c.execute(text("SELECT conflict FROM screening_entry"))]
        assert all("户" in text_ and any("\u4e00" <= ch <= "\u9fff" for ch in text_)
                   for text_ in conflicts)
    assert integrity_problems(services.engine) == []
