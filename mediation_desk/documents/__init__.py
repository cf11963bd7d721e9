"""Printed documents: ReportLab only, plain values (service DTOs) in, PDF bytes out.

Nothing here imports PySide6 or SQLAlchemy. ReportLab keeps module-level state (its font
registry, among others), so fonts are registered once by `documents.fonts` and PDFs are
built on the single worker thread the UI uses for background work, never the GUI thread.

`render(kind, case, ...)` builds one of the case's documents (DOMAIN §7) and
`render_call_sheet(...)` the day's follow-up list. Each returns a `RenderedPdf`: the bytes,
the page count, the short code printed on every page and the document's title. The
layers: `fonts` (faces and the glyph check), `styles`, `linebreak` (the Chinese
line-breaking rule), `base` (the page template and the build), `parts` (shared pieces),
and one module per document that only lays out its content.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

from mediation_desk.documents import (
    agreement,
    application,
    call_sheet,
    case_file,
    followup_record,
    monthly_report,
    oral_agreement,
    register,
    session_record,
)
from mediation_desk.documents.base import Content, Job, Letterhead, RenderedPdf, build_pdf
from mediation_desk.documents.fonts import (
    FontNames,
    check_fields,
    heading_font,
    missing_glyphs,
    register_fonts,
)
from mediation_desk.domain.errors import DomainError
from mediation_desk.services.dto import CaseDetail, DueVisit, MonthlyReport

__all__ = [
    "DocumentKind",
    "FontNames",
    "Letterhead",
    "RenderedPdf",
    "check_fields",
    "heading_font",
    "missing_glyphs",
    "register_fonts",
    "render_monthly_report",
    "render",
    "render_call_sheet",
]


class DocumentKind(str, enum.Enum):  # noqa: UP042 - members carry a title
    """The documents of a case; the values are the command line's KIND words."""

    APPLICATION = "application"
    REGISTER = "register"
    SESSION = "session"
    AGREEMENT = "agreement"
    ORAL_AGREEMENT = "oral-agreement"
    FOLLOWUP = "followup"
    CASE_FILE = "case-file"

    @property
    def title(self) -> str:  # type: ignore[override]  # str.title is not used on these
        """The document's name as printed: "调解记录"."""
        return _TITLES[self]


_TITLES = {
    DocumentKind.APPLICATION: application.TITLE,
    DocumentKind.REGISTER: register.TITLE,
    DocumentKind.SESSION: session_record.TITLE,
    DocumentKind.AGREEMENT: agreement.TITLE,
    DocumentKind.ORAL_AGREEMENT: oral_agreement.TITLE,
    DocumentKind.FOLLOWUP: followup_record.TITLE,
    DocumentKind.CASE_FILE: case_file.TITLE,
}


def render(
    kind: DocumentKind,
    case: CaseDetail,
    *,
    letterhead: Letterhead,
    produced_at: dt.datetime,
    ref_id: int | None = None,
) -> RenderedPdf:
    """Build one document of `case` as a PDF.

    `ref_id` picks one session (SessionView.id), one done visit (VisitView.id) or one
    agreement version (AgreementView.id); None prints every session, every done visit,
    or the current agreement. Raises `NotFound` (a one-line Chinese message) when the case
    has no such document, and `ValidationErrors` when a field cannot be printed or an
    agreement is incomplete.
    """
    kind = DocumentKind(kind)
    content: Content
    if kind is DocumentKind.APPLICATION:
        content = application.content(case, letterhead=letterhead, produced_at=produced_at)
    elif kind is DocumentKind.REGISTER:
        content = register.content(case, letterhead=letterhead, produced_at=produced_at)
    elif kind is DocumentKind.SESSION:
        content = session_record.content(case, letterhead=letterhead, ref_id=ref_id)
    elif kind is DocumentKind.AGREEMENT:
        content = agreement.content(
            case, letterhead=letterhead, produced_at=produced_at, ref_id=ref_id
        )
    elif kind is DocumentKind.ORAL_AGREEMENT:
        content = oral_agreement.content(
            case, letterhead=letterhead, produced_at=produced_at, ref_id=ref_id
        )
    elif kind is DocumentKind.FOLLOWUP:
        content = followup_record.content(case, letterhead=letterhead, ref_id=ref_id)
    else:
        content = case_file.content(case, letterhead=letterhead, produced_at=produced_at)
    job = Job(
        kind=kind.value,
        title=content.title,
        reference=f"案号：{case.number}",
        letterhead=letterhead,
        produced_at=produced_at,
        issuer=content.issuer,
    )
    return _build(job, content.sections)


def render_call_sheet(
    visits: Sequence[DueVisit], *, day: dt.date, letterhead: Letterhead, produced_at: dt.datetime
) -> RenderedPdf:
    """The day's follow-up list (今日回访) with the parties' phones in full, landscape."""
    content = call_sheet.content(visits, day=day, letterhead=letterhead)
    job = Job(
        kind="call-sheet",
        title=content.title,
        reference=f"回访日期：{day.year}年{day.month}月{day.day}日",
        letterhead=letterhead,
        produced_at=produced_at,
        issuer=letterhead.station_name,
        landscape=True,
    )
    return _build(job, content.sections)


def render_monthly_report(
    report: MonthlyReport, *, letterhead: Letterhead, produced_at: dt.datetime
) -> RenderedPdf:
    """The station's monthly 矛盾纠纷分析研判 report, with charts."""
    content = monthly_report.content(report, letterhead=letterhead)
    year, month = (int(x) for x in report.month.split("-"))
    job = Job(
        kind="monthly-report",
        title=content.title,
        reference=f"{year}年{month}月",
        letterhead=letterhead,
        produced_at=produced_at,
        issuer=content.issuer,
    )
    return _build(job, content.sections)


def _build(job: Job, sections) -> RenderedPdf:  # type: ignore[no-untyped-def]
    """Build, turning ReportLab's "does not fit" into an error a mediator can act on
    (a single text field longer than a page cannot be laid out in a form cell)."""
    from reportlab.platypus.doctemplate import LayoutError

    try:
        return build_pdf(job, sections)
    except LayoutError as error:
        raise DocumentTooLong(
            f"{job.title}中有一栏文字过长，一页放不下，无法排版。请把该栏内容精简，"
            "或把详细内容写入附页后再打印。"
        ) from error


class DocumentTooLong(DomainError):
    """A field's text cannot be laid out on a page."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
