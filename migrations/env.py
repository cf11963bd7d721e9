"""Alembic environment for Mediation Desk.

Run through `mediation_desk.persistence.migrate`, which passes an open connection in
`config.attributes["connection"]` (with SQLite's foreign keys already off); run from the
`alembic` command in a checkout, it connects to `sqlalchemy.url` from alembic.ini.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from mediation_desk.persistence.models import Base
from mediation_desk.persistence.search import SEARCH_TABLE_PREFIXES

config = context.config
target_metadata = Base.metadata


def _include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    # The FTS5 search table and its shadow tables are made by raw SQL in the revisions;
    # they are not in the models, and autogenerate must not propose to drop them.
    if type_ == "table" and name and name.startswith(SEARCH_TABLE_PREFIXES):
        return False
    return True


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=_include_object,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; run against a database.")
run_migrations_online()
