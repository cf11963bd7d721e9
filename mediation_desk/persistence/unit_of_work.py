"""Unit of work: one short session per user action, committed explicitly.

A `with uow.write() as session:` block commits when `session.commit()` is called and
rolls back whatever was not committed when the block exits, including on an exception.
Database errors that come from the environment (locked, read-only, disk full, corrupt)
are translated into `StorageError` with a message the mediator can act on; a stale
version (a second workstation saved first) becomes `ConcurrentModification`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from mediation_desk.domain.errors import ConcurrentModification, StorageError
from mediation_desk.persistence import figures as _figures  # noqa: F401  (mapper events)
from mediation_desk.persistence.engine import writer

_MESSAGES = {
    "locked": "数据库正被另一台电脑或程序占用，请稍候再保存；您填写的内容仍在窗口中。",
    "read_only": "数据库文件是只读的，无法保存。请检查文件权限或联系管理员；您填写的内容仍在窗口中。",
    "disk_full": "磁盘空间已满，无法保存。请清理磁盘后重试；您填写的内容仍在窗口中。",
    "corrupt": "数据库文件已损坏。请联系管理员用备份恢复（mediation-desk db restore）。",
    "other": "数据库出错，本次操作未保存。请重试，若仍失败请联系管理员。",
}


def classify_storage_error(error: BaseException) -> StorageError | None:
    """Map an environment failure of the database to a StorageError; None for a bug."""
    original = getattr(error, "orig", error)
    text = str(original).lower()
    code = getattr(original, "sqlite_errorcode", None)
    kind: str | None = None
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in text:
        kind = "locked"
    elif code == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        kind = "read_only"
    elif code == sqlite3.SQLITE_FULL or "disk is full" in text or "no space" in text:
        kind = "disk_full"
    elif code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text or (
        "not a database" in text
    ):
        kind = "corrupt"
    elif isinstance(error, OperationalError) and (
        "unable to open" in text or "disk i/o" in text or "could not connect" in text
    ):
        kind = "other"
    if kind is None:
        return None
    return StorageError(kind, _MESSAGES[kind], detail=str(original))


class UnitOfWork:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
        self._write = sessionmaker(bind=writer(engine), expire_on_commit=False, autoflush=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._guard(), self._read() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction.  Call `session.commit()` to keep the work."""
        with self._guard(), self._write() as session:
            try:
                yield session
            finally:
                if session.in_transaction():
                    session.rollback()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except StaleDataError as error:
            raise ConcurrentModification(
                "这条记录刚被另一台电脑修改过，您的修改未保存。请重新打开后再改。"
            ) from error
        except DBAPIError as error:
            storage = classify_storage_error(error)
            if storage is None:
                raise
            raise storage from error
