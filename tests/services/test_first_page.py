"""The start-up fast path (`mediation_desk.first_page`): the same list, read with sqlite3
alone, as the services give — every sort order, the rows, the overdue mark, the count —
and no fast path for a database it must not read this way."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys

import pytest

from mediation_desk.first_page import open_first_page
from mediation_desk.services.container import open_services
from mediation_desk.services.demo import generate_demo
from mediation_desk.services.dto import CaseFilter, SortKey


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("first") / "demo.sqlite"
    services = open_services(path)
    generate_demo(services, cases=400)
    services.close()
    return path


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [True, False])
def test_same_ids_and_rows_as_the_services(demo_db, sort, descending):
    today = dt.date.today()
    services = open_services(demo_db, migrate=False)
    source = open_first_page(demo_db, today)
    assert source is not None
    try:
        for offset in (0, 200):
            kwargs = dict(filters=CaseFilter(), sort=sort, descending=descending, limit=200,
                          offset=offset)
            ids = services.cases.list_ids(**kwargs)
            assert source.list_ids(**kwargs) == ids
            assert source.rows(ids[:64]) == services.cases.rows(ids[:64])
        assert source.count() == services.cases.count(CaseFilter())
    finally:
        source.close()
        services.close()


def test_overdue_marks_agree(demo_db):
    services = open_services(demo_db, migrate=False)
    source = open_first_page(demo_db, dt.date.today())
    try:
        ids = services.cases.list_ids(filters=CaseFilter(overdue_only=True))
        assert ids, "the demo has overdue cases"
        assert all(row.overdue for row in source.rows(ids))
    finally:
        source.close()
        services.close()


def test_no_fast_path_for_a_missing_older_or_foreign_database(tmp_path, demo_db):
    today = dt.date.today()
    assert open_first_page(tmp_path / "none.sqlite", today) is None
    assert open_first_page("postgresql://host/db", today) is None
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    assert open_first_page(tmp_path / "junk.sqlite", today) is None
    older = tmp_path / "older.sqlite"
    older.write_bytes(demo_db.read_bytes())
    with sqlite3.connect(older) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0004'")
    assert open_first_page(older, today) is None


def test_it_never_writes(tmp_path, demo_db):
    copy = tmp_path / "ro.sqlite"
    copy.write_bytes(demo_db.read_bytes())
    before = copy.read_bytes()
    source = open_first_page(copy, dt.date.today())
    assert source is not None and source.count() == 400
    with pytest.raises(sqlite3.OperationalError):
        source._db.execute("DELETE FROM dispute")
    source.close()
    assert copy.read_bytes() == before


def test_the_first_paint_imports_neither_sqlalchemy_nor_the_services():
    """What start-up imports before the window is painted (app, main window, first page)."""
    code = ("import sys; import mediation_desk.app, mediation_desk.first_page; "
            "bad = [m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic', "
            "'reportlab', 'xlsxwriter', 'mediation_desk.persistence.models', "
            "'mediation_desk.services.container', 'mediation_desk.services.dto'))]; "
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout.strip()
    assert out == "[]"
