"""Producing a case's documents and keeping them with the case (DOMAIN §7).

Every PDF produced is stored: the bytes, their SHA-256, who and when (`stored_document`,
rows only ever added).  The same document produced again from unchanged data is the same
bytes (the print date is the case's last change, not the wall clock), so it is not stored
twice.  A signed agreement is never overwritten: a correction is a new agreement version,
hence a new document, and the old one stays.

ReportLab keeps module state: the UI calls these on its single worker thread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from mediation_desk.domain.errors import NotFound
from mediation_desk.persistence.models import StoredDocument
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services.cases import CaseService
from mediation_desk.services.dto import CaseDetail, DocumentInfo, DueVisit, MonthlyReport
from mediation_desk.services.settings import SettingsService

if TYPE_CHECKING:  # ReportLab loads only when a document is made, not at start-up
    from mediation_desk.documents import DocumentKind, Letterhead, RenderedPdf

Clock = Callable[[], dt.datetime]


class DocumentService:
    def __init__(
        self, *, uow: UnitOfWork, cases: CaseService, settings: SettingsService, clock: Clock
    ) -> None:
        self._uow = uow
        self._cases = cases
        self._settings = settings
        self._clock = clock

    def letterhead(self) -> Letterhead:
        from mediation_desk.documents import Letterhead

        station = self._settings.load()
        return Letterhead(station_name=station.station_name, committee_name=station.committee_name)

    def produce(
        self,
        *,
        dispute_id: int,
        kind: DocumentKind,
        by: str,
        ref_id: int | None = None,
    ) -> tuple[DocumentInfo, bytes]:
        """Build a document of the case, keep it with the case, and return it."""

        from mediation_desk.documents import render

        case = self._cases.detail(dispute_id)
        rendered = render(
            kind, case, letterhead=self.letterhead(), produced_at=_as_of(case), ref_id=ref_id
        )
        return self._store(case, kind, ref_id, rendered, by), rendered.content

    def call_sheet(self, visits: Sequence[DueVisit], *, day: dt.date) -> RenderedPdf:
        """The day's follow-up call sheet (a working list, not kept with any case)."""
        from mediation_desk.documents import render_call_sheet

        return render_call_sheet(
            visits, day=day, letterhead=self.letterhead(), produced_at=self._clock()
        )

    def monthly_report(self, report: MonthlyReport) -> RenderedPdf:
        """The monthly analysis report (a station document, not kept with any case)."""
        from mediation_desk.documents import render_monthly_report

        return render_monthly_report(report, letterhead=self.letterhead(),
                                     produced_at=self._clock())

    def stored(self, dispute_id: int) -> list[DocumentInfo]:
        with self._uow.read() as session:
            rows = session.execute(
                select(
                    StoredDocument.id, StoredDocument.dispute_id, StoredDocument.kind,
                    StoredDocument.ref_id, StoredDocument.title, StoredDocument.sha256,
                    StoredDocument.size, StoredDocument.pages, StoredDocument.created_at,
                    StoredDocument.created_by,
                )
                .where(StoredDocument.dispute_id == dispute_id)
                .order_by(StoredDocument.id)
            ).all()
        return [DocumentInfo(*row) for row in rows]

    def content(self, document_id: int) -> bytes:
        with self._uow.read() as session:
            data = session.scalar(
                select(StoredDocument.content).where(StoredDocument.id == document_id)
            )
        if data is None:
            raise NotFound(f"文书不存在（编号 {document_id}）")
        return data

    def _store(
        self, case: CaseDetail, kind: DocumentKind, ref_id: int | None, pdf: RenderedPdf, by: str
    ) -> DocumentInfo:
        digest = hashlib.sha256(pdf.content).hexdigest()
        now = self._clock()
        with self._uow.write() as session:
            existing = session.scalar(
                select(StoredDocument).where(
                    StoredDocument.dispute_id == case.id, StoredDocument.sha256 == digest
                )
            )
            if existing is None:
                existing = StoredDocument(
                    dispute_id=case.id, kind=kind.value, ref_id=ref_id, title=pdf.title,
                    content=pdf.content, sha256=digest, size=len(pdf.content), pages=pdf.pages,
                    created_at=now, created_by=by,
                )
                session.add(existing)
                session.commit()
            return DocumentInfo(
                id=existing.id, dispute_id=case.id, kind=existing.kind, ref_id=existing.ref_id,
                title=existing.title, sha256=existing.sha256, size=existing.size,
                pages=existing.pages, created_at=existing.created_at,
                created_by=existing.created_by,
            )


def _as_of(case: CaseDetail) -> dt.datetime:
    """The date a document is "made" on: the latest change recorded on the case, so the
    same data always gives the same bytes."""
    moments = [case.registered_at] + [e.at for e in case.events]
    return max(moments)
