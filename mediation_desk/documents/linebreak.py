"""Chinese line breaking (避头尾): no line starts with a closing punctuation mark.

ReportLab's CJK wrap (``wordWrap='CJK'``, `reportlab.platypus.paragraph.cjkFragSplit`
and `reportlab.lib.textsplit.dumbSplit`, checked in 5.1.0) consults
`reportlab.lib.textsplit.ALL_CANNOT_START`, a Japanese-oriented list that lacks the
full-width ，；：？！ and 》, so a line can start with them. Where it does know a mark it
lets that one mark hang past the right edge, which a table cell cannot absorb, and a
second mark in a row (“。”) starts the next line anyway.

`Para`, the paragraph every document uses, replaces the CJK break-up with
`break_lines`: fill a line greedily, then, if the break falls badly, move it back until
the next line starts with a character that may start a line, the line does not end with
an opening mark, and (when possible) a run of Latin letters or digits such as an ID
number is not cut in two. Pushing characters back (rather than hanging them) keeps every
line inside its frame or cell. Nothing in ReportLab is patched: only `Para` breaks lines
this way.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus.paragraph import (
    FragLine,
    ParaLines,
    Paragraph,
    cjkU,
    makeCJKParaLine,
)
from reportlab.rl_config import _FUZZ

# DOMAIN §7 names ，。、；：？！）」』》; the rest are their relatives (ASCII, full-width
# forms, closing quotes, ellipsis, interpunct, per-mille) that read equally badly at the
# start of a line.
CANNOT_START = frozenset(
    "，。、；：？！）」』》〉】〕〗〙］｝’”．…‥·・％‰℃～"
    "｡､｠"
    ",.;:?!)]}%"
)
# Opening marks and currency signs belong to what follows them.
CANNOT_END = frozenset("（「『《〈【〔〖〘［｛‘“([{￥$£＄")


def _is_word_char(char: str) -> bool:
    # Runs of Latin letters and digits (ID numbers, phone numbers, amounts, codes) are
    # kept whole when the line allows it; CJK characters may break anywhere.
    return char.isascii() and (char.isalnum() or char in "-+.,/_@#%")


def break_lines(frags: Sequence, max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """Break `frags` (one paragraph's fragments) into lines of at most `max_widths`.

    Same contract as ReportLab's `cjkFragSplit`: `max_widths[i]` is line i's width, the
    last one repeats; returns `ParaLines(kind=1)` made with ReportLab's own
    `makeCJKParaLine`, so drawing, splitting across pages and alignment work unchanged.
    """
    glyphs: list[cjkU] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if text:
            glyphs.extend(cjkU(char, frag, "utf8") for char in text)
        else:  # an image, an anchor or a <br/>
            glyphs.append(cjkU(text, frag, "utf8"))

    lines: list[FragLine] = []
    start, count = 0, len(glyphs)
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        end = start
        forced = False
        while end < count:
            glyph = glyphs[end]
            if hasattr(glyph.frag, "lineBreak"):
                end += 1
                forced = True
                break
            width = _width(glyph, max_width)
            if used + width > max_width + _FUZZ and end > start:
                break
            used += width
            end += 1
        if not forced and end < count:
            end = _break_point(glyphs, start, end)
        line_width = sum(
            _width(g, max_width) for g in glyphs[start:end] if not hasattr(g.frag, "lineBreak")
        )
        lines.append(
            makeCJKParaLine(
                glyphs[start:end], max_width, line_width, max_width - line_width, forced,
                calc_bounds,
            )
        )
        start = end
        # A space the break falls on is not carried to the start of the next line.
        while start < count and glyphs[start] == " ":
            start += 1
    return ParaLines(kind=1, lines=lines)


def _width(glyph: cjkU, max_width: float) -> float:
    width = glyph.width
    if hasattr(width, "normalizedValue"):  # a percentage width (images)
        width._normalizer = max_width
        width = width.normalizedValue(max_width)
    return width


def _break_point(glyphs: Sequence[str], start: int, end: int) -> int:
    """Where to end a line that would overflow before `glyphs[end]`.

    Returns k with start < k: the line is glyphs[start:k]. Tries, in order: a break
    keeping words whole and punctuation right; a break keeping punctuation right; and,
    when the whole line is closing marks, lets them hang past the edge so the rule holds.
    """

    def punctuation_ok(k: int) -> bool:
        return glyphs[k] not in CANNOT_START and glyphs[k - 1] not in CANNOT_END

    def word_ok(k: int) -> bool:
        return not (_is_word_char(glyphs[k - 1]) and _is_word_char(glyphs[k]))

    for acceptable in (lambda k: punctuation_ok(k) and word_ok(k), punctuation_ok):
        for k in range(end, start, -1):
            if acceptable(k):
                return k
    k = end
    while k < len(glyphs) and glyphs[k] in CANNOT_START:
        k += 1
    return k


class Para(Paragraph):
    """A paragraph that breaks Chinese text by `break_lines` (styles use ``wordWrap='CJK'``)."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802 - ReportLab's name
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        self.height = 0
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara  # the first half of a split keeps the lines it was cut from
        style = self.style
        if not self.frags:
            return ParaLines(
                kind=0, fontSize=style.fontSize, fontName=style.fontName,
                textColor=style.textColor, lines=[], ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return break_lines(self.frags, maxWidths, auto_leading not in ("", "off"))

    def _get_split_blParaFunc(self):  # noqa: N802 - ReportLab's name
        # ReportLab's own function for kind-1 lines appends a space to each line's last
        # fragment (in place) to rejoin Latin words; Chinese must be rejoined as it was.
        if self.blPara.kind == 1:
            return _rejoin_lines
        return super()._get_split_blParaFunc()


def _rejoin_lines(bl_para: ParaLines, start: int, stop: int) -> list:
    return [word.clone() for line in bl_para.lines[start:stop] for word in line.words]


def line_texts(paragraph: Paragraph) -> list[str]:
    """The text of each laid-out line of a wrapped paragraph (for tests and checks)."""
    bl_para = paragraph.blPara
    result = []
    for line in bl_para.lines:
        if bl_para.kind == 1:
            result.append("".join(word.text for word in line.words))
        else:
            result.append(" ".join(line[1]))
    return result
