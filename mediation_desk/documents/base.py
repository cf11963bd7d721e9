"""The one page template every document is laid out on, and the build that uses it.

A document module turns a DTO into `Section`s (a title, flowables, and the `Fields` it
prints) and hands them to `build_pdf`, which:

1. checks every printed field against the font (`fonts.check_fields`) and refuses with a
   `ValidationErrors` naming the field and the character;
2. computes the short code: the first 8 hex digits (upper case) of the SHA-256 of a
   canonical JSON serialisation of what the document prints (`Fields`), not of the PDF
   bytes, so a re-print of the same content carries the same code;
3. lays the sections out on `DocumentTemplate`: A4, official-form margins, each section
   on a new page, a header (committee or station, copy mark, case number) and a footer
   (title, "第 x 页 共 y 页", 校验码) on every page.

Page totals: the header and footer are drawn on the canvas at the end of each page, so
they never change the layout. "共 y 页" is deferred: every page draws a PDF form XObject
holding the total, and the forms are defined after the last page, so a document is laid
out and drawn once. Only the case file, whose contents list must print the page each
document starts on before those pages exist, takes a layout pass first (`Deferred`); the
build repeats until the pagination is stable, so a page number can never be wrong.

Pages are numbered within a section's `group`; the case file is one group with continuous
numbers. Copies (an agreement: one per party and one for the file) are laid out once: the
first copy's page bodies become form XObjects that the other copies' pages show under
their own header ("第 k 份 共 n 份"), each copy numbered on its own — fast, and the copies
cannot differ.

Output is reproducible: ReportLab's invariant mode (no random document ID), the PDF
dates set to the injected `produced_at`, and nothing read from the clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from mediation_desk.documents.fonts import check_fields
from mediation_desk.documents.styles import FURNITURE_SIZE, MARK_RED, Styles, get_styles
from mediation_desk.domain.errors import ValidationError, ValidationErrors

# Margins of the usual Chinese official form (GB/T 9704 uses 37/35/28/26 mm for 公文;
# forms sit a little higher to leave the page for the table).
TOP_MARGIN = 27 * mm
BOTTOM_MARGIN = 25 * mm
LEFT_MARGIN = 26 * mm
RIGHT_MARGIN = 26 * mm
HEADER_BASELINE = 17 * mm  # from the top edge
FOOTER_BASELINE = 14 * mm  # from the bottom edge
FRAME_WIDTH = A4[0] - LEFT_MARGIN - RIGHT_MARGIN
LANDSCAPE_FRAME_WIDTH = A4[1] - LEFT_MARGIN - RIGHT_MARGIN

MARK_SIZE = 12
CREATOR = "Mediation Desk"
_MAX_PASSES = 4


@dataclass(frozen=True)
class Letterhead:
    """Who the documents come from: printed in the header and on signature blocks."""

    station_name: str
    committee_name: str


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int
    code: str
    title: str


class Fields:
    """Every variable text a document prints, by field label (e.g. "申请人姓名").

    Layout code takes its text through `put`, so what is checked for printable glyphs
    and what the short code is computed over is exactly what is on the page.
    """

    def __init__(self) -> None:
        self._items: dict[str, str] = {}

    def put(self, label: str, value: object) -> str:
        text = "" if value is None else str(value)
        key, n = label, 1
        while key in self._items and self._items[key] != text:
            n += 1
            key = f"{label}（{n}）"
        self._items[key] = text
        return text

    def items(self) -> list[tuple[str, str]]:
        return list(self._items.items())

    def check(self) -> None:
        """Refuse a field holding a character the body face cannot draw; the message
        starts with the field's label so it stands on its own in a dialog or the CLI."""
        try:
            check_fields(self._items)
        except ValidationErrors as errors:
            raise ValidationErrors(
                ValidationError(e.field, f"{e.field}：{e.message}") for e in errors
            ) from None


@dataclass
class Section:
    """One document within a PDF: starts on a new page."""

    title: str  # footer, contents list
    flowables: list[Flowable]
    fields: Fields
    group: object = None  # pages are numbered within a group; None: the section alone
    mark: str = ""  # printed at the top centre of every page
    watermark: str = ""  # printed across every page, e.g. "草稿"
    date: str = ""  # the contents list's date column
    # Identical originals to print (an agreement: one per party and one for the file),
    # each marked "第 k 份 共 n 份" and numbered on its own. Only for a one-section PDF.
    copies: int = 1


def copy_mark(k: int, n: int) -> str:
    return f"第 {k} 份 共 {n} 份"


@dataclass(frozen=True)
class Content:
    """What a document module lays out: the PDF's title and its sections."""

    title: str
    sections: list[Section]
    issuer: str = ""  # header left when not the committee (the station, for 治安调解)


@dataclass(frozen=True)
class Job:
    """What a PDF as a whole is: its title, whose it is, when it was produced."""

    kind: str  # the DocumentKind value, part of the short code
    title: str  # RenderedPdf.title and the PDF's Title
    reference: str  # header right: "案号：…" or the call sheet's day
    letterhead: Letterhead
    produced_at: dt.datetime
    issuer: str = ""  # header left; the committee by default
    landscape: bool = False


@dataclass(frozen=True)
class PageLayout:
    """The outcome of a layout pass: the section each page belongs to."""

    page_sections: tuple[int, ...]

    @property
    def pages(self) -> int:
        return len(self.page_sections)

    def start_page(self, section: int) -> int:
        """The absolute page number (from 1) a section starts on."""
        return self.page_sections.index(section) + 1

    def page_count(self, section: int) -> int:
        return self.page_sections.count(section)


class Deferred(Flowable):
    """A flowable made only once the page layout is known (the contents list's page
    numbers). `make(None)` is laid out in the first pass and must take the same room as
    `make(layout)`: only numbers change."""

    def __init__(self, make: Callable[[PageLayout | None], Flowable]) -> None:
        super().__init__()
        self.make = make
        self.layout: PageLayout | None = None
        self._inner: Flowable | None = None

    def wrap(self, availWidth, availHeight):
        self._inner = self.make(self.layout)
        return self._inner.wrap(availWidth, availHeight)

    def split(self, availWidth, availHeight):
        return self.make(self.layout).split(availWidth, availHeight)

    def draw(self):
        assert self._inner is not None
        self._inner.drawOn(self.canv, 0, 0)


class _SectionStart(Flowable):
    """Zero-size marker at the top of each section's first page."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        pass


class DocumentTemplate(BaseDocTemplate):
    """A4 (portrait, or landscape for wide lists), one frame, the page furniture.

    "共 y 页" is a deferred total: each page shows a PDF form XObject named after its
    numbering group, and the forms are defined once the last page is done (`finish`).
    Copies of a section are laid out once: each page body of the first copy is kept as
    a form XObject, and the other copies are pages that show those forms under their
    own furniture, so the copies cannot differ.
    """

    def __init__(
        self,
        out: io.BytesIO,
        *,
        job: Job,
        sections: Sequence[Section],
        code: str,
        styles: Styles,
    ) -> None:
        pagesize = landscape(A4) if job.landscape else A4
        title = f"{job.title} {job.reference}".strip()
        super().__init__(
            out,
            pagesize=pagesize,
            leftMargin=LEFT_MARGIN,
            rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=title,
            author=job.letterhead.committee_name,
            subject=f"{title} 校验码 {code}",
            creator=CREATOR,
            keywords=code,
            lang="zh-CN",
            invariant=1,
            initialFontName=styles.names.body,
            initialFontSize=FURNITURE_SIZE,
        )
        self.job = job
        self.sections = sections
        self.code = code
        self.styles = styles
        self.page_sections: list[int] = []
        self._section = 0
        self._group_pages: dict[int, int] = {}  # numbering group -> pages so far
        self._group_keys: dict[object, int] = {}
        self._copies = sections[0].copies
        if self._copies > 1 and len(sections) != 1:
            raise ValueError("copies are only printed for a document of one section")
        self._bodies: list[str] = []  # the first copy's page bodies, as form names
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )
        self.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=self._begin_page,
                          onPageEnd=self._end_page)]
        )

    def afterFlowable(self, flowable):
        if isinstance(flowable, _SectionStart):
            self._section = flowable.index

    def _group(self, index: int) -> int:
        group = self.sections[index].group
        key = ("section", index) if group is None else ("group", group)
        return self._group_keys.setdefault(key, len(self._group_keys))

    def _begin_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self._copies > 1:
            self._bodies.append(f"PageBody{len(self._bodies) + 1}")
            canv.beginForm(self._bodies[-1])

    def _end_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self._copies > 1:
            canv.endForm()
            canv.doForm(self._bodies[-1])
        group = self._group(self._section)
        self._group_pages[group] = number = self._group_pages.get(group, 0) + 1
        mark = copy_mark(1, self._copies) if self._copies > 1 else ""
        self._furniture(canv, self._section, number, group, mark)

    def _furniture(self, canv: Canvas, index: int, number: int, group: int, mark: str) -> None:
        self.page_sections.append(index)
        section = self.sections[index]
        mark = mark or section.mark
        width, height = self.pagesize
        left, right = self.leftMargin, width - self.rightMargin
        body, bold = self.styles.names.body, self.styles.names.heading
        canv.saveState()
        if section.watermark:
            _watermark(canv, section.watermark, width, height, bold)
        canv.setFont(body, FURNITURE_SIZE)
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.5)
        top = height - HEADER_BASELINE
        canv.drawString(left, top, self.job.issuer or self.job.letterhead.committee_name)
        canv.drawRightString(right, top, self.job.reference)
        canv.line(left, top - 2 * mm, right, top - 2 * mm)
        if mark:
            canv.saveState()
            canv.setFont(bold, MARK_SIZE)
            canv.setFillColor(MARK_RED)
            canv.drawCentredString(width / 2, top, mark)
            canv.restoreState()
        bottom = FOOTER_BASELINE
        canv.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
        canv.drawString(left, bottom, section.title)
        self._draw_page_number(canv, width / 2, bottom, number, group)
        canv.drawRightString(right, bottom, f"校验码 {self.code}")
        canv.restoreState()

    def _draw_page_number(self, canv: Canvas, centre: float, y: float, number: int, group: int):
        # "第 x 页 共 " here, "y 页" from the group's form; centred as if y had one digit.
        head = f"第 {number} 页 共 "
        font, size = self.styles.names.body, FURNITURE_SIZE
        x = centre - canv.stringWidth(head + "0 页", font, size) / 2
        canv.drawString(x, y, head)
        canv.saveState()
        canv.translate(x + canv.stringWidth(head, font, size), y)
        canv.doForm(_total_form(group))
        canv.restoreState()

    def finish(self, canv: Canvas) -> None:
        """After the last page: the other copies, then each group's "y"."""
        group = self._group(0)
        for k in range(2, self._copies + 1):
            for number, body in enumerate(self._bodies, start=1):
                canv.doForm(body)
                self._furniture(canv, 0, number, group, copy_mark(k, self._copies))
                canv.showPage()
        font, size = self.styles.names.body, FURNITURE_SIZE
        for group, pages in self._group_pages.items():
            text = f"{pages} 页"
            canv.beginForm(
                _total_form(group), 0, -size, canv.stringWidth(text, font, size), size * 1.5
            )
            canv.setFont(font, size)
            canv.drawString(0, 0, text)
            canv.endForm()


def _total_form(group: int) -> str:
    return f"PageTotal{group}"


def _watermark(canv: Canvas, text: str, width: float, height: float, font: str) -> None:
    canv.saveState()
    canv.setFillColor(colors.HexColor("#c62828"))
    canv.setFillAlpha(0.16)
    canv.translate(width / 2, height / 2)
    canv.rotate(35)
    size = min(150.0, min(width, height) * 0.85 / max(len(text), 1))
    canv.setFont(font, size)
    canv.drawCentredString(0, -size / 3, text)
    canv.restoreState()


def content_code(job: Job, sections: Sequence[Section]) -> str:
    """First 8 hex digits (upper case) of the SHA-256 over what the document prints."""
    data = {
        "document": job.kind,
        "title": job.title,
        "reference": job.reference,
        "letterhead": [job.letterhead.station_name, job.letterhead.committee_name],
        "sections": [[s.title, s.fields.items()] for s in sections],
    }
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8].upper()


def check_sections(sections: Sequence[Section], *extra: Fields) -> None:
    """Every field of every section, checked at once so all the errors come together."""
    errors: list[ValidationError] = []
    for fields in (*extra, *(s.fields for s in sections)):
        try:
            fields.check()
        except ValidationErrors as caught:
            errors.extend(e for e in caught if e.field not in {x.field for x in errors})
    if errors:
        raise ValidationErrors(errors)


class _Canvas(Canvas):
    """Runs `before_save` (the page totals) just before writing; a layout-only pass
    (`write=False`) writes nothing."""

    def __init__(self, *args, before_save=None, write: bool = True, date: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._before_save = before_save
        self._write = write
        self.setDateFormatter(lambda *_: date)

    def save(self):
        if self._write:
            if self._before_save is not None:
                self._before_save(self)
            super().save()


def build_pdf(job: Job, sections: Sequence[Section]) -> RenderedPdf:
    """Check, code and lay out `sections` as one PDF.

    One pass, unless a section holds `Deferred` flowables (the case file's contents
    list): then a first pass finds the pages and the next draws them, repeated until
    the pagination is stable.
    """
    if not sections:
        raise ValueError("a document needs at least one section")
    job_fields = Fields()
    job_fields.put("案号", job.reference)
    job_fields.put("单位名称", job.letterhead.committee_name)
    job_fields.put("派出所名称", job.letterhead.station_name)
    check_sections(sections, job_fields)
    code = content_code(job, sections)
    styles = get_styles()
    story: list[Flowable] = []
    deferred: list[Deferred] = []
    for index, section in enumerate(sections):
        if index:
            story.append(PageBreakIfNotEmpty())
        story.append(_SectionStart(index))
        story.extend(section.flowables)
        deferred.extend(f for f in section.flowables if isinstance(f, Deferred))

    date = _pdf_date(job.produced_at)
    layout: PageLayout | None = None
    for _ in range(_MAX_PASSES):
        for flowable in deferred:
            flowable.layout = layout
        write = layout is not None or not deferred
        out = io.BytesIO()
        doc = DocumentTemplate(out, job=job, sections=sections, code=code, styles=styles)

        def make_canvas(*args, doc=doc, write=write, **kwargs) -> Canvas:
            return _Canvas(*args, before_save=doc.finish, write=write, date=date, **kwargs)

        with _binary_streams():
            doc.build(list(story), canvasmaker=make_canvas)
        result = PageLayout(tuple(doc.page_sections))
        if write and (not deferred or result == layout):
            return RenderedPdf(out.getvalue(), result.pages, code, job.title)
        layout = result
    raise RuntimeError("page layout did not settle")  # pragma: no cover - a layout bug


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    # ReportLab's default (rl_config.useA85) wraps every compressed stream in ASCII85, a
    # pure-Python encoding without its optional C accelerator: a quarter more bytes and
    # several milliseconds per PDF for nothing a PDF reader needs. Off while we build,
    # back as it was after (builds run on one worker thread).
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _pdf_date(at: dt.datetime) -> str:
    offset = at.utcoffset()
    if offset is None:
        zone = "+08'00'"  # the station's time; produced_at comes in local time
    else:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        zone = f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
    return f"D:{at:%Y%m%d%H%M%S}{zone}"
