"""Database maintenance for admins: revision, health check, backup and restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from mediation_desk.domain.errors import StorageError
from mediation_desk.persistence import migrate
from mediation_desk.persistence.engine import sqlite_file


@dataclass(frozen=True)
class HealthReport:
    revision: str | None
    head: str
    schema_differences: tuple[str, ...]
    integrity_problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return (
            self.revision == self.head
            and not self.schema_differences
            and not self.integrity_problems
        )

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "revision": self.revision,
            "head": self.head,
            "schema_differences": list(self.schema_differences),
            "integrity_problems": list(self.integrity_problems),
        }


class MaintenanceService:
    def __init__(self, *, engine: Engine, clock: Callable[[], dt.datetime]) -> None:
        self._engine = engine
        self._clock = clock

    def current(self) -> str | None:
        return migrate.current_revision(self._engine)

    def check(self) -> HealthReport:
        return HealthReport(
            revision=migrate.current_revision(self._engine),
            head=migrate.head_revision(),
            schema_differences=tuple(str(d) for d in migrate.schema_differences(self._engine)),
            integrity_problems=tuple(migrate.integrity_problems(self._engine)),
        )

    def _file(self) -> Path:
        path = sqlite_file(str(self._engine.url))
        if path is None:
            raise StorageError(
                "other",
                "备份和恢复只适用于本机 SQLite 数据库；共享的 PostgreSQL 数据库请由管理员用 pg_dump 备份。",
            )
        return path

    def backup(self, destination: Path) -> Path:
        """A consistent copy of the live database, safe while others are writing."""
        destination = destination.expanduser().resolve()
        if destination.is_dir():
            stamp = self._clock().strftime("%Y%m%d-%H%M%S")
            destination = destination / f"{self._file().stem}.{stamp}.sqlite"
        if destination == self._file().resolve():
            raise StorageError("other", "备份文件不能与数据库本身是同一个文件")
        return migrate.backup_sqlite(self._file(), destination)

    def automatic_backup(self, *, keep: int = 7, every: dt.timedelta = dt.timedelta(hours=20)) -> Path | None:
        """The daily copy made in the background after start-up (the last `keep` are kept).

        Copying a large database at every start would delay the window; a copy before
        every schema upgrade is made by `persistence.migrate` regardless.  Returns None
        when the newest copy is recent enough or the database is not a SQLite file.
        """
        database = sqlite_file(str(self._engine.url))
        if database is None or not database.exists():
            return None
        folder = database.parent / "backups"
        pattern = f"{database.stem}.auto.*.sqlite"
        copies = sorted(folder.glob(pattern)) if folder.exists() else []
        now = self._clock()
        if copies:
            newest = dt.datetime.fromtimestamp(copies[-1].stat().st_mtime)
            if now - newest < every:
                return None
        copy = migrate.backup_sqlite(
            database, folder / f"{database.stem}.auto.{now:%Y%m%d-%H%M%S}.sqlite"
        )
        migrate.prune_copies(folder, pattern, keep)
        return copy

    def restore(self, source: Path) -> Path:
        """Replace the database with a backup; the current one is copied aside first.

        The backup must be a sound Mediation Desk database this program can open.
        Returns the path of the copy made of the database as it was.
        """
        source = source.expanduser().resolve()
        if not source.is_file():
            raise StorageError("other", f"找不到备份文件：{source}")
        _check_backup(source)
        target = self._file()
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        aside = migrate.backup_sqlite(
            target, target.parent / "backups" / f"{target.stem}.before-restore.{stamp}.sqlite"
        )
        self._engine.dispose()
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        return aside


def _check_backup(path: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StorageError("corrupt", "备份文件已损坏，不能用来恢复")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise StorageError("corrupt", "这个文件不是调解台的数据库备份", detail=str(error)) from error
    if revision is None or revision[0] not in migrate.known_revisions():
        raise StorageError(
            "too_new", "这个备份来自更新版本的调解台或不是调解台的备份，不能用来恢复"
        )
