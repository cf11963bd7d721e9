"""Bring a database to the schema this program expects, safely.

At every start: if the database is already at `SCHEMA_HEAD` nothing is imported or
touched (the common case costs one query).  Otherwise a SQLite file is first copied
aside with SQLite's online backup API (the last `KEEP_UPGRADE_COPIES` copies are kept),
then Alembic upgrades it to head with foreign keys off, and `PRAGMA foreign_key_check`
must find nothing before the upgrade commits.  A database stamped by a newer version of
the program is refused and left untouched.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from mediation_desk.domain.errors import StorageError
from mediation_desk.paths import backup_dir_for, migrations_dir
from mediation_desk.persistence.engine import sqlite_file

# The newest revision in migrations/versions (its own module: the start-up fast path reads
# it without SQLAlchemy); a test keeps it equal to Alembic's head.
from mediation_desk.persistence.schema_head import SCHEMA_HEAD
from mediation_desk.persistence.search import SEARCH_TABLE_PREFIXES
from mediation_desk.persistence.unit_of_work import classify_storage_error

KEEP_UPGRADE_COPIES = 5


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def upgraded(self) -> bool:
        return self.from_revision != self.to_revision


def _alembic_config(connection: Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    """The revision the database is stamped with; None for an empty database."""
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as error:
        raise _storage(error) from error


def _storage(error: DBAPIError) -> BaseException:
    return classify_storage_error(error) or error


def _refuse_foreign(engine: Engine) -> None:
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    if tables - {"alembic_version"}:
        raise StorageError(
            "other",
            "这个数据库文件不是调解台的数据库（里面已有其他数据表），程序没有改动它。"
            "请选择正确的数据库文件。",
            detail=f"tables without alembic_version: {sorted(tables)[:8]}",
        )


def backup_sqlite(source: Path, destination: Path) -> Path:
    """A consistent copy of a live SQLite file (other connections may be writing)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(destination)
    return destination


def prune_copies(folder: Path, pattern: str, keep: int) -> None:
    """Keep the newest `keep` files matching `pattern` in `folder`."""
    copies = sorted(folder.glob(pattern), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in copies[keep:]:
        old.unlink(missing_ok=True)


def upgrade(engine: Engine, *, now: dt.datetime | None = None) -> UpgradeResult:
    """Upgrade to head; refuse a database from a newer program or a foreign one."""
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return UpgradeResult(current, current, None)
    if current is None:
        _refuse_foreign(engine)
    elif current not in known_revisions():
        raise StorageError(
            "too_new",
            f"这个数据库已被更新版本的调解台使用过（数据库版本 {current}），"
            "本程序不能打开它，也没有改动它。请安装最新版本的调解台。",
            detail=f"unknown revision {current}",
        )

    backup: Path | None = None
    database = sqlite_file(str(engine.url))
    if current is not None and database is not None and database.exists():
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        folder = backup_dir_for(database)
        backup = backup_sqlite(
            database, folder / f"{database.stem}.before-{current}-to-{SCHEMA_HEAD}.{stamp}.sqlite"
        )
        prune_copies(folder, f"{database.stem}.before-*.sqlite", KEEP_UPGRADE_COPIES)

    try:
        _run_upgrade(engine)
    except DBAPIError as error:
        raise _storage(error) from error
    return UpgradeResult(current, SCHEMA_HEAD, backup)


def _run_upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.connect() as connection:
        is_sqlite = engine.dialect.name == "sqlite"
        if is_sqlite:
            # Must happen outside a transaction, so on the driver connection directly.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                command.upgrade(_alembic_config(connection), "head")
                if is_sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise StorageError(
                            "corrupt",
                            "数据库升级后发现关联记录不一致，升级已撤销，数据未改动。请联系管理员。",
                            detail=f"foreign_key_check: {broken[:5]}",
                        )
        finally:
            if is_sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def schema_differences(engine: Engine) -> list:
    """What Alembic's autogenerate would change: empty when models and database agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from mediation_desk.persistence.models import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_object": lambda obj, name, type_, reflected, compare_to: not (
                    type_ == "table" and name and name.startswith(SEARCH_TABLE_PREFIXES)
                ),
            },
        )
        return list(compare_metadata(context, Base.metadata))


def integrity_problems(engine: Engine) -> list[str]:
    """SQLite's own integrity and foreign-key checks; empty when the file is sound."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as connection:
        rows = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        problems = [row for row in rows if row != "ok"]
        problems += [
            f"foreign key: {row}"
            for row in connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        ]
        try:
            connection.exec_driver_sql(
                "INSERT INTO dispute_search(dispute_search) VALUES ('integrity-check')"
            )
        except DBAPIError as error:
            problems.append(f"search index: {error.orig}")
        connection.rollback()
    return problems
