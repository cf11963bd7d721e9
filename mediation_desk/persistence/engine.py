"""The SQLAlchemy engine, with the SQLite settings that make a save survive a power cut.

SQLite: WAL journal (readers never block the writer), synchronous=FULL (a committed
transaction is on disk when commit returns), foreign keys on, a busy timeout so a second
workstation waits for a lock instead of failing at once.  pysqlite's own transaction
handling is switched off and SQLAlchemy emits BEGIN itself (the SQLAlchemy documentation's
recipe), so that write transactions can take the write lock up front with BEGIN IMMEDIATE
and never fail half-way with "database is locked" on a lock upgrade.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from mediation_desk.persistence.grams import search_grams

BUSY_TIMEOUT_MS = 10_000


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a path to a SQLite file, or the URL itself if it is one."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory ones."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def create_database_engine(target: str | Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    url = database_url(target)
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    path = sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.close()
        # Used by the search-index triggers (see persistence/search.py).
        dbapi_connection.create_function(
            "md_search_grams", 1, search_grams, deterministic=True
        )

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions take SQLite's write lock when they begin."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(sqlite_begin="IMMEDIATE")
    return engine
