"""Use cases on the grid screening log (矛盾纠纷隐患排查登记, DOMAIN §10): add and correct
a line, list the log, take a line in as a dispute, and count the log for a month.

Taking a line in (`register_dispute`) goes through `CaseService.register` — the same
validation, tier suggestion and case numbering as any intake — and links the line to the
new case inside that one transaction: either both are saved or neither is, and the
year's numbering keeps no gap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from mediation_desk.domain.errors import (
    ConcurrentModification,
    IllegalTransition,
    NotFound,
    ValidationError,
    ValidationErrors,
)
from mediation_desk.domain.intake import DisputeDraft
from mediation_desk.domain.screening import ScreeningDraft, dispute_prefill, validate_screening
from mediation_desk.domain.vocabulary import Category, RiskGrade, RosterRole
from mediation_desk.persistence.models import Dispute, RosterMember, ScreeningEntry
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services.cases import CaseService
from mediation_desk.services.dto import (
    CaseDetail,
    ScreeningFilter,
    ScreeningSummary,
    ScreeningView,
)

Clock = Callable[[], dt.datetime]

STALE_ENTRY = "这条排查登记刚被另一台电脑或窗口修改过，您的修改未保存。请刷新后再改。"


def already_linked(number: str | None) -> str:
    shown = f"（{number}）" if number else ""
    return f"这条排查登记已转为案件{shown}，不能再次转为案件"


class ScreeningService:
    def __init__(self, *, uow: UnitOfWork, cases: CaseService, clock: Clock) -> None:
        self._uow = uow
        self._cases = cases
        self._clock = clock

    # ----------------------------------------------------------------- writes
    def add(self, *, draft: ScreeningDraft, by: str) -> ScreeningView:
        now = self._clock()
        cleaned = validate_screening(draft, today=now.date())
        with self._uow.write() as session:
            worker = _grid_worker(session, cleaned, keep_id=None)
            entry = ScreeningEntry(created_at=now, created_by=by, updated_at=now)
            _apply(entry, cleaned, worker)
            session.add(entry)
            session.flush()
            entry_id = entry.id
            session.commit()
        return self.get(entry_id)

    def update(
        self, *, entry_id: int, expected_row_version: int, draft: ScreeningDraft, by: str
    ) -> ScreeningView:
        """Correct a line.  `expected_row_version` is the version the editor started
        from; a line saved meanwhile elsewhere is refused (ConcurrentModification)."""
        now = self._clock()
        cleaned = validate_screening(draft, today=now.date())
        with self._uow.write() as session:
            entry = _entry(session, entry_id)
            if entry.row_version != expected_row_version:
                raise ConcurrentModification(STALE_ENTRY)
            worker = _grid_worker(session, cleaned, keep_id=entry.grid_worker_id)
            _apply(entry, cleaned, worker)
            entry.updated_at = now
            session.commit()
        return self.get(entry_id)

    def register_dispute(
        self,
        *,
        entry_id: int,
        draft: DisputeDraft,
        by: str,
        expected_row_version: int | None = None,
    ) -> CaseDetail:
        """Register `draft` as a dispute and link the line to it, in one transaction.

        A line already taken in is refused (IllegalTransition) before anything is
        written, and checked again inside the transaction; so is a line changed since
        `expected_row_version` (ConcurrentModification).
        """
        current = self.get(entry_id)  # NotFound before the intake is validated
        if current.dispute_id is not None:
            raise IllegalTransition(already_linked(current.case_number))

        def link(session: Session, dispute: Dispute) -> None:
            entry = _entry(session, entry_id)
            if entry.dispute_id is not None:
                number = session.scalar(select(Dispute.number).where(Dispute.id == entry.dispute_id))
                raise IllegalTransition(already_linked(number))
            if expected_row_version is not None and entry.row_version != expected_row_version:
                raise ConcurrentModification(STALE_ENTRY)
            entry.dispute_id = dispute.id
            entry.updated_at = self._clock()

        return self._cases.register(draft=draft, by=by, within=link)

    # ------------------------------------------------------------------ reads
    def get(self, entry_id: int) -> ScreeningView:
        with self._uow.read() as session:
            row = session.execute(_rows_query().where(ScreeningEntry.id == entry_id)).first()
        if row is None:
            raise NotFound(f"排查登记不存在（编号 {entry_id}）")
        return _view(row)

    def list(
        self, filters: ScreeningFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[ScreeningView]:
        """The matching lines, newest finding first, a page at a time."""
        query = _filtered(_rows_query(), filters or ScreeningFilter())
        query = query.order_by(ScreeningEntry.found_on.desc(), ScreeningEntry.id.desc())
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self._uow.read() as session:
            return [_view(row) for row in session.execute(query)]

    def count(self, filters: ScreeningFilter | None = None) -> int:
        query = _filtered(select(func.count(ScreeningEntry.id)), filters or ScreeningFilter())
        with self._uow.read() as session:
            return int(session.scalar(query) or 0)

    def grids(self) -> list[str]:
        """Grids named in the log or in the roster, for the filter and the entry form."""
        with self._uow.read() as session:
            logged = session.scalars(
                select(ScreeningEntry.grid).where(ScreeningEntry.grid != "").distinct())
            rostered = session.scalars(
                select(RosterMember.grid).where(RosterMember.grid != "").distinct())
            return sorted({*logged, *rostered})

    def prefill(self, entry_id: int) -> DisputeDraft:
        """The intake draft the line starts from when it is taken in as a dispute."""
        return dispute_prefill(self.get(entry_id).draft())

    def summary(self, date_from: dt.date, date_to: dt.date) -> ScreeningSummary:
        """The log's figures for lines found in [date_from, date_to]: one aggregate each."""
        in_range = (ScreeningEntry.found_on >= date_from, ScreeningEntry.found_on <= date_to)
        with self._uow.read() as session:
            total, handed, linked = session.execute(
                select(
                    func.count(ScreeningEntry.id),
                    func.count(case((ScreeningEntry.handed_to != "", 1))),
                    func.count(ScreeningEntry.dispute_id),
                ).where(*in_range)
            ).one()
            risks = dict(session.execute(
                select(ScreeningEntry.risk, func.count(ScreeningEntry.id))
                .where(*in_range).group_by(ScreeningEntry.risk)
            ).all())
            count = func.count(ScreeningEntry.id)
            grids = session.execute(
                select(ScreeningEntry.grid, count)
                .where(*in_range).group_by(ScreeningEntry.grid)
                .order_by(count.desc(), ScreeningEntry.grid)
            ).all()
        return ScreeningSummary(
            date_from=date_from,
            date_to=date_to,
            total=int(total),
            by_risk={grade: int(risks.get(grade.value, 0)) for grade in RiskGrade},
            by_grid={grid: int(n) for grid, n in grids},
            handed_over=int(handed),
            turned_into_cases=int(linked),
        )


def _entry(session: Session, entry_id: int) -> ScreeningEntry:
    entry = session.get(ScreeningEntry, entry_id)
    if entry is None:
        raise NotFound(f"排查登记不存在（编号 {entry_id}）")
    return entry


def _grid_worker(
    session: Session, draft: ScreeningDraft, *, keep_id: int | None
) -> RosterMember | None:
    """The roster entry picked; a grid worker, active unless the line already named them
    (an old line keeps its worker after they leave)."""
    if draft.grid_worker_id is None:
        return None
    member = session.get(RosterMember, draft.grid_worker_id)
    if (
        member is None
        or member.role != RosterRole.GRID_WORKER.value
        or (not member.active and member.id != keep_id)
    ):
        raise ValidationErrors(
            [ValidationError("grid_worker", "所选网格员不在名册中或已停用，请重新选择")]
        )
    return member


def _apply(entry: ScreeningEntry, draft: ScreeningDraft, worker: RosterMember | None) -> None:
    entry.found_on = draft.found_on  # type: ignore[assignment]
    entry.grid = draft.grid
    entry.grid_worker_id = worker.id if worker else None
    entry.grid_worker = worker.name if worker else draft.grid_worker
    entry.household = draft.household
    entry.address = draft.address
    entry.phone = draft.phone
    entry.conflict = draft.conflict
    entry.category = draft.category.value if draft.category else None
    entry.risk = draft.risk.value  # type: ignore[union-attr]
    entry.action = draft.action
    entry.handed_to = draft.handed_to
    entry.remarks = draft.remarks


_COLUMNS = (
    ScreeningEntry.id,
    ScreeningEntry.found_on,
    ScreeningEntry.grid,
    ScreeningEntry.grid_worker_id,
    ScreeningEntry.grid_worker,
    ScreeningEntry.household,
    ScreeningEntry.address,
    ScreeningEntry.phone,
    ScreeningEntry.conflict,
    ScreeningEntry.category,
    ScreeningEntry.risk,
    ScreeningEntry.action,
    ScreeningEntry.handed_to,
    ScreeningEntry.remarks,
    ScreeningEntry.dispute_id,
    Dispute.number,
    ScreeningEntry.created_at,
    ScreeningEntry.created_by,
    ScreeningEntry.updated_at,
    ScreeningEntry.row_version,
)


def _rows_query() -> Select:
    return select(*_COLUMNS).outerjoin(Dispute, ScreeningEntry.dispute_id == Dispute.id)


def _filtered(query: Select, filters: ScreeningFilter) -> Select:
    if filters.date_from is not None:
        query = query.where(ScreeningEntry.found_on >= filters.date_from)
    if filters.date_to is not None:
        query = query.where(ScreeningEntry.found_on <= filters.date_to)
    if filters.grid.strip():
        query = query.where(ScreeningEntry.grid == filters.grid.strip())
    if filters.open_only:
        query = query.where(ScreeningEntry.dispute_id.is_(None))
    return query


def _view(row) -> ScreeningView:  # type: ignore[no-untyped-def]
    return ScreeningView(
        id=row.id,
        found_on=row.found_on,
        grid=row.grid,
        grid_worker_id=row.grid_worker_id,
        grid_worker=row.grid_worker,
        household=row.household,
        address=row.address,
        phone=row.phone,
        conflict=row.conflict,
        category=Category(row.category) if row.category else None,
        risk=RiskGrade(row.risk),
        action=row.action,
        handed_to=row.handed_to,
        remarks=row.remarks,
        dispute_id=row.dispute_id,
        case_number=row.number,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        row_version=row.row_version,
    )
