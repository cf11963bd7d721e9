"""The ledger (台账, DOMAIN §10): one row per dispute accepted or registered in a date
range, written as .xlsx or .csv.

Rows are read in batches by keyset pagination over the case number (year, serial) inside
one read transaction, two statements a batch: the disputes with their mediator, session
count and visit counts joined as aggregates, and the batch's parties.  No dispute is
loaded as an ORM object.  ID numbers and phones are masked by default with the same
helpers as the case list.  The file is written beside the target under a temporary name
and renamed on success, so a cancelled or failed export leaves nothing at the target.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, case, func, or_, select, tuple_
from sqlalchemy.orm import Session

from mediation_desk.domain.errors import StorageError, ValidationError
from mediation_desk.domain.escalation import ReferralRoute, SettlementKind
from mediation_desk.domain.followups import VisitStatus
from mediation_desk.domain.validation import mask_id_number, mask_phone
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeState,
    PartySide,
    RiskGrade,
    Source,
    Tier,
)
from mediation_desk.persistence.models import (
    Dispute,
    FollowUpVisit,
    MediationSession,
    Party,
    RosterMember,
)
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services.ledger_writers import (
    Column,
    ColumnKind,
    LedgerFormat,
    XlsxEngine,
    open_writer,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

BATCH_SIZE = 2000
SUMMARY_LENGTH = 120

COLUMNS: tuple[Column, ...] = (
    Column("序号", ColumnKind.INTEGER, 8),
    Column("案号", max_width=30),
    Column("登记日期", ColumnKind.DATE),
    Column("受理日期", ColumnKind.DATE),
    Column("来源", max_width=20),
    Column("类别", max_width=18),
    Column("当事人", max_width=30),
    Column("身份证号", max_width=42),
    Column("联系电话", max_width=30),
    Column("纠纷简要情况", max_width=60),
    Column("涉及金额（元）", ColumnKind.AMOUNT, 16),
    Column("涉及人数", ColumnKind.INTEGER, 10),
    Column("层级", max_width=8),
    Column("状态", max_width=10),
    Column("风险等级", max_width=10),
    Column("网格", max_width=24),
    Column("调解员", max_width=14),
    Column("调解次数", ColumnKind.INTEGER, 10),
    Column("结案日期", ColumnKind.DATE),
    Column("调解结果", max_width=24),
    Column("回访", max_width=20),
)


class ExportCancelled(Exception):
    """The user cancelled the export; no file was left at the target."""


@dataclass(frozen=True)
class LedgerExport:
    rows: int
    path: Path
    format: LedgerFormat
    date_from: dt.date
    date_to: dt.date
    masked: bool
    seconds: float

    def as_json(self) -> dict[str, object]:
        return {
            "rows": self.rows,
            "path": str(self.path),
            "format": self.format.value,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "masked": self.masked,
            "seconds": round(self.seconds, 2),
        }


def ledger_format(path: Path) -> LedgerFormat:
    """The format for a target file; a ValidationError naming the suffixes otherwise."""
    fmt = LedgerFormat.for_path(path)
    if fmt is None:
        got = path.suffix or "无扩展名"
        raise ValidationError("path", f"台账只能导出为 .xlsx 或 .csv 文件（收到 {got}）")
    return fmt


@functools.lru_cache(maxsize=64)
def outcome_label(state: str, settlement: str | None, route: str | None) -> str:
    """调解结果: the agreement kind, or how a dispute ended without one."""
    if settlement and state in (DisputeState.SETTLED.value, DisputeState.CLOSED.value):
        return f"调解成功（{SettlementKind(settlement).label}）"
    if state == DisputeState.REFERRED.value and route:
        return f"调解不成，告知通过{ReferralRoute(route).label}途径解决"
    if state in (DisputeState.FAILED.value, DisputeState.DECLINED.value,
                 DisputeState.WITHDRAWN.value):
        return DisputeState(state).label
    return ""


def _labels(enum_cls) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {member.value: member.label for member in enum_cls}


_SOURCES = _labels(Source)
_CATEGORIES = _labels(Category)
_STATES = _labels(DisputeState)
_RISKS = _labels(RiskGrade)
_TIERS = {int(t): t.short_label for t in Tier}


def _trim(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SUMMARY_LENGTH else flat[: SUMMARY_LENGTH - 1] + "…"


class LedgerService:
    def __init__(self, *, uow: UnitOfWork) -> None:
        self._uow = uow

    def export(
        self,
        date_from: dt.date,
        date_to: dt.date,
        path: Path | str,
        *,
        masked: bool = True,
        report: Progress | None = None,
        cancelled: Cancelled | None = None,
        engine: XlsxEngine | None = None,
    ) -> LedgerExport:
        """Write the ledger of [date_from, date_to] to `path` (.xlsx or .csv); `engine`
        names the .xlsx writer (by default the one `xlsx_engine()` picks)."""
        started = time.perf_counter()
        target = Path(path)
        fmt = ledger_format(target)
        if date_to < date_from:
            raise ValidationError("date_to", "截止日期早于起始日期")
        folder = target.parent if str(target.parent) else Path(".")
        # mkstemp makes the file readable by its owner only, and the rename keeps that: a
        # ledger holds personal data, unmasked on request.
        try:
            handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".part.{fmt.value}",
                                            dir=folder)
            os.close(handle)
        except OSError as error:
            raise _file_error(target, error) from error
        temporary = Path(name)
        done = 0

        def batches(session: Session) -> Iterator[list[tuple]]:
            # Pulled by the writer; progress and cancellation happen between batches.
            nonlocal done
            in_range = _in_range(date_from, date_to)
            total = session.scalar(select(func.count(Dispute.id)).where(in_range)) or 0
            if report is not None:
                report(0, total)
            after: tuple[int, int] = (0, 0)
            while True:
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
                rows, after = _batch(session, in_range, after, done, masked=masked)
                if not rows:
                    return
                yield rows
                done += len(rows)
                if report is not None:
                    report(done, max(total, done))

        try:
            writer = open_writer(fmt, temporary, COLUMNS, engine=engine)
            try:
                with self._uow.read() as session:
                    writer.write_all(batches(session))
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
            except BaseException:
                writer.abort()
                raise
            writer.close()
            os.replace(temporary, target)
        except OSError as error:
            raise _file_error(target, error) from error
        finally:
            temporary.unlink(missing_ok=True)
        return LedgerExport(rows=done, path=target, format=fmt, date_from=date_from,
                            date_to=date_to, masked=masked,
                            seconds=time.perf_counter() - started)


def _in_range(date_from: dt.date, date_to: dt.date):  # type: ignore[no-untyped-def]
    return or_(
        and_(Dispute.registered_on >= date_from, Dispute.registered_on <= date_to),
        and_(Dispute.accepted_on >= date_from, Dispute.accepted_on <= date_to),
    )


def _mask_id(value: str) -> str:
    """mask_id_number with a fast path for the usual 18 plain characters (same result)."""
    if len(value) == 18 and value.isascii() and value.isalnum():
        return value[:6] + "********" + value[14:]
    return mask_id_number(value)


def _mask_phone(value: str) -> str:
    """mask_phone with a fast path for a plain 11-digit mobile number (same result)."""
    if len(value) == 11 and value.isascii() and value.isdigit() and value[0] == "1" \
            and value[1] in "3456789":
        return value[:3] + "****" + value[7:]
    return mask_phone(value)


def _plain(value: str) -> str:
    return value


def _batch(session: Session, in_range, after: tuple[int, int], done: int, *,  # type: ignore[no-untyped-def]
           masked: bool) -> tuple[list[tuple], tuple[int, int]]:
    sessions = (
        select(func.count(MediationSession.id))
        .where(MediationSession.dispute_id == Dispute.id)
        .scalar_subquery()
    )
    # Both visit counts filter on the dispute alone, so SQLite walks the visits by their
    # dispute index (a status condition in WHERE makes it pick a status index and scan).
    visits_done = (
        select(func.count(case((FollowUpVisit.status == VisitStatus.DONE.value, 1))))
        .where(FollowUpVisit.dispute_id == Dispute.id)
        .scalar_subquery()
    )
    visits_due = (
        select(func.count(case((FollowUpVisit.status != VisitStatus.CANCELLED.value, 1))))
        .where(FollowUpVisit.dispute_id == Dispute.id)
        .scalar_subquery()
    )
    key = tuple_(Dispute.year, Dispute.serial)
    # Core statements on the session's connection: plain rows, no ORM row processing.
    connection = session.connection()
    disputes = connection.execute(
        select(
            Dispute.id, Dispute.year, Dispute.serial, Dispute.number, Dispute.registered_on,
            Dispute.accepted_on, Dispute.source, Dispute.category, Dispute.summary,
            Dispute.amount, Dispute.people_involved, Dispute.tier, Dispute.state,
            Dispute.risk, Dispute.grid, RosterMember.name, sessions, Dispute.concluded_on,
            Dispute.settlement, Dispute.referral_route, visits_done, visits_due,
        )
        .outerjoin(RosterMember, RosterMember.id == Dispute.mediator_id)
        # The case number's own unique index gives the order and the keyset.
        .where(key > tuple_(*after), in_range)
        .order_by(Dispute.year, Dispute.serial)
        .limit(BATCH_SIZE)
    ).all()
    if not disputes:
        return [], after
    last = disputes[-1]
    # The batch's parties by the same keyset range (not an IN list of 2,000 ids, which
    # SQLAlchemy renders anew for every batch): the case-number index, then each
    # dispute's parties by their dispute index.
    parties = connection.execute(
        select(Party.dispute_id, Party.side, Party.name, Party.id_number, Party.phone)
        .join(Dispute, Dispute.id == Party.dispute_id)
        .where(key > tuple_(*after), key <= tuple_(last[1], last[2]), in_range)
        .order_by(Dispute.year, Dispute.serial, Party.position, Party.id)
    ).all()
    mask_id, mask_tel = (_mask_id, _mask_phone) if masked else (_plain, _plain)
    applicant = PartySide.APPLICANT.value
    people: dict[int, tuple[list[str], list[str], list[str], list[str]]] = {}
    for dispute_id, side, name, id_number, phone in parties:
        entry = people.get(dispute_id)
        if entry is None:
            entry = people[dispute_id] = ([], [], [], [])
        entry[0 if side == applicant else 1].append(name)
        if id_number:
            entry[2].append(mask_id(id_number))
        if phone:
            entry[3].append(mask_tel(phone))
    sources, categories, tiers, states, risks = _SOURCES, _CATEGORIES, _TIERS, _STATES, _RISKS
    empty: tuple[list[str], list[str], list[str], list[str]] = ([], [], [], [])
    rows = []
    append = rows.append
    for seq, (d_id, _year, _serial, number, registered_on, accepted_on, source, category,
              summary, amount, people_involved, tier, state, risk, grid, mediator,
              session_count, concluded_on, settlement, route, visited, due) in enumerate(
            disputes, done + 1):
        applicants, respondents, ids, phones = people.get(d_id, empty)
        append((
            seq, number, registered_on, accepted_on, sources.get(source, source),
            categories.get(category, category),
            f"{'、'.join(applicants)} 与 {'、'.join(respondents)}" if respondents
            else "、".join(applicants),
            "；".join(ids), "；".join(phones), _trim(summary) if summary else "", amount,
            people_involved, tiers.get(tier) or str(tier), states.get(state, state),
            risks.get(risk, risk), grid, mediator or "", session_count, concluded_on,
            outcome_label(state, settlement, route),
            f"已回访{visited}次，共{due}次" if due else "",
        ))
    return rows, (last[1], last[2])


def _file_error(target: Path, error: OSError) -> StorageError:
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        return StorageError("disk_full", f"磁盘空间已满，台账未能写入 {target}。", detail=str(error))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError("other", f"没有写入 {target} 的权限，台账未导出。请换一个文件夹。",
                            detail=str(error))
    return StorageError("other", f"无法写入 {target}（{reason}），台账未导出。", detail=str(error))
