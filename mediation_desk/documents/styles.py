"""The paragraph and table styles of every printed document, in one place.

Sizes follow the usual Chinese forms: the title in 小二 (18 pt) bold, section headings
in 四号 (14 pt) bold, running text in 小四 (12 pt) Song with a two-character first-line
indent, table cells in 五号 (10.5 pt), small print in 小五 (9 pt). Every style names a
registered TrueType face (ReportLab's default, Helvetica, is never embedded) and wraps
with ``wordWrap='CJK'``, which `linebreak.Para` breaks by the Chinese rules.

The heading face covers GB 2312 only; `Styles.heading_for` picks the face for a heading
that holds variable text such as a name (see `fonts.heading_font`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from mediation_desk.documents.fonts import FontNames, heading_font, register_fonts

TITLE_SIZE = 18
HEADING_SIZE = 14
BODY_SIZE = 12
CELL_SIZE = 10.5
SMALL_SIZE = 9
FURNITURE_SIZE = 9  # header and footer

CELL_PADDING = 1.6 * mm  # left/right; top 1.4 mm, bottom 1.6 mm
RULE = colors.black
GRID_WIDTH = 0.6
MARK_RED = colors.HexColor("#b71c1c")


@dataclass(frozen=True)
class Styles:
    names: FontNames
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    body_flush: ParagraphStyle
    body_right: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_label: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle
    mark: ParagraphStyle
    cover_title: ParagraphStyle
    _derived: dict[tuple[str, str], ParagraphStyle] = field(
        default_factory=dict, compare=False, repr=False
    )

    def heading_for(self, text: str, base: ParagraphStyle | None = None) -> ParagraphStyle:
        """`base` (the heading style by default) in the heading face if that face has
        every character of `text`, else in the body face."""
        base = base or self.heading
        font = heading_font(text)
        if font == base.fontName:
            return base
        key = (base.name, font)
        if key not in self._derived:
            self._derived[key] = ParagraphStyle(f"{base.name}-{font}", parent=base, fontName=font)
        return self._derived[key]

    def grid(self, *extra: tuple) -> TableStyle:
        """A fully ruled table in the body face, cells padded and top-aligned."""
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), self.names.body),
                ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
                ("GRID", (0, 0), (-1, -1), GRID_WIDTH, RULE),
                ("BOX", (0, 0), (-1, -1), GRID_WIDTH * 2, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 1.4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
                *extra,
            ]
        )

    def plain(self, *extra: tuple) -> TableStyle:
        """An unruled layout table (signature blocks)."""
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), self.names.body),
                ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                *extra,
            ]
        )


@cache
def _styles_for(names: FontNames) -> Styles:
    body_font, bold = names.body, names.heading

    def style(name: str, **kw) -> ParagraphStyle:
        kw.setdefault("fontName", body_font)
        kw.setdefault("wordWrap", "CJK")
        kw.setdefault("alignment", TA_LEFT)
        return ParagraphStyle(name, **kw)

    body = style("body", fontSize=BODY_SIZE, leading=BODY_SIZE * 1.75, firstLineIndent=2 * BODY_SIZE,
                 spaceAfter=1.5)
    cell = style("cell", fontSize=CELL_SIZE, leading=CELL_SIZE * 1.45)
    return Styles(
        names=names,
        title=style("title", fontName=bold, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.6,
                    alignment=TA_CENTER, spaceAfter=2 * mm),
        subtitle=style("subtitle", fontSize=BODY_SIZE, leading=BODY_SIZE * 1.6,
                       alignment=TA_CENTER, spaceAfter=3 * mm),
        heading=style("heading", fontName=bold, fontSize=HEADING_SIZE,
                      leading=HEADING_SIZE * 1.6, spaceBefore=3 * mm, spaceAfter=1 * mm),
        body=body,
        body_flush=style("body_flush", parent=body, firstLineIndent=0),
        body_right=style("body_right", parent=body, firstLineIndent=0, alignment=TA_RIGHT),
        cell=cell,
        cell_center=style("cell_center", parent=cell, alignment=TA_CENTER),
        cell_label=style("cell_label", parent=cell, fontName=bold, alignment=TA_CENTER),
        cell_head=style("cell_head", parent=cell, fontName=bold, alignment=TA_CENTER,
                        fontSize=CELL_SIZE, leading=CELL_SIZE * 1.35),
        small=style("small", fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.5),
        mark=style("mark", fontName=bold, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.5,
                   alignment=TA_RIGHT, textColor=MARK_RED),
        cover_title=style("cover_title", fontName=bold, fontSize=30, leading=48,
                          alignment=TA_CENTER),
    )


def get_styles() -> Styles:
    """The styles, built once per process over the registered fonts."""
    return _styles_for(register_fonts())
