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

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, cjkFragSplit
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
    return len(char) == 1 and char.isascii() and (char.isalnum() or char in "-+.,/_@#%")


def break_lines(frags: Sequence, max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """Break `frags` (one paragraph's fragments) into lines of at most `max_widths`.

    Same contract as ReportLab's `cjkFragSplit`: `max_widths[i]` is line i's width, the
    last one repeats; returns `ParaLines(kind=1)` of ReportLab `FragLine`s, so drawing,
    splitting across pages and alignment work unchanged.
    """
    if any(hasattr(frag, "cbDefn") for frag in frags):
        # Inline images and anchors: not used by our documents; ReportLab's own wrap.
        return cjkFragSplit(frags, max_widths, calc_bounds)
    chars: list[str] = []  # "" stands for a <br/>
    widths: list[float] = []
    owners: list[int] = []
    for index, frag in enumerate(frags):
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if hasattr(frag, "lineBreak") or not text:
            chars.append("")
            widths.append(0.0)
            owners.append(index)
            continue
        table = _width_table(frag.fontName, frag.fontSize)
        for char in text:
            width = table.get(char)
            if width is None:
                width = table[char] = stringWidth(char, frag.fontName, frag.fontSize)
            chars.append(char)
            widths.append(width)
            owners.append(index)

    lines: list[FragLine] = []
    start, count = 0, len(chars)
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        end = start
        forced = False
        while end < count:
            if chars[end] == "":
                forced = hasattr(frags[owners[end]], "lineBreak")
                end += 1
                if forced:
                    break
                continue
            width = widths[end]
            if used + width > max_width + _FUZZ and end > start:
                break
            used += width
            end += 1
        if not forced and end < count:
            end = _break_point(chars, start, end)
        lines.append(_line(frags, chars, widths, owners, start, end, max_width, forced))
        start = end
        # A space the break falls on is not carried to the start of the next line.
        while start < count and chars[start] == " ":
            start += 1
    return ParaLines(kind=1, lines=lines)


_widths: dict[tuple[str, float], dict[str, float]] = {}
_extents: dict[tuple[str, float], tuple[float, float]] = {}


def _width_table(font: str, size: float) -> dict[str, float]:
    # Character widths by font and size, kept for the process: measuring a character
    # through ReportLab costs a function call chain per character and paragraph.
    table = _widths.get((font, size))
    if table is None:
        table = _widths[(font, size)] = {}
    return table


def _line(frags, chars, widths, owners, start, end, max_width, forced) -> FragLine:
    """ReportLab's kind-1 line: one word per run of characters of the same fragment."""
    words = []
    size = ascent = descent = 0.0
    run = start
    for i in range(start, end + 1):
        if i < end and owners[i] == owners[run] and chars[i] != "" and chars[run] != "":
            continue
        if i > run:
            frag = frags[owners[run]]
            word = frag.clone()
            word.text = "".join(chars[run:i])
            words.append(word)
            key = (frag.fontName, frag.fontSize)
            extent = _extents.get(key)
            if extent is None:
                extent = _extents[key] = getAscentDescent(frag.fontName, frag.fontSize)
            size = max(size, frag.fontSize)
            ascent = max(ascent, extent[0])
            descent = min(descent, extent[1])
        run = i
    used = sum(widths[start:end])
    return FragLine(
        kind=1, extraSpace=max_width - used, wordCount=1, words=words, fontSize=size,
        ascent=ascent, descent=descent, maxWidth=max_width, currentWidth=used,
        lineBreak=forced,
    )


def _break_point(chars: Sequence[str], start: int, end: int) -> int:
    """Where to end a line that would overflow before `chars[end]`.

    Returns k with start < k: the line is chars[start:k] (spaces after k are dropped).
    Tries, in order: a break keeping words whole and punctuation right; a break keeping
    punctuation right; and, when no break in the line will do (it is all opening marks,
    say), lets the closing marks that follow hang past the edge so the rule still holds.
    """
    count = len(chars)

    def next_start(k: int) -> str:
        while k < count and chars[k] == " ":
            k += 1
        return chars[k] if k < count else ""

    def punctuation_ok(k: int) -> bool:
        return next_start(k) not in CANNOT_START and chars[k - 1] not in CANNOT_END

    def word_ok(k: int) -> bool:
        return not (_is_word_char(chars[k - 1]) and _is_word_char(chars[k]))

    for acceptable in (lambda k: punctuation_ok(k) and word_ok(k), punctuation_ok):
        for k in range(end, start, -1):
            if acceptable(k):
                return k
    k = end
    while k < count and (chars[k] in CANNOT_START or chars[k] == " "):
        k += 1
    return k


class Para(Paragraph):
    """A paragraph that breaks Chinese text by `break_lines` (styles use ``wordWrap='CJK'``)."""

    def breakLinesCJK(self, maxWidths):
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

    def _get_split_blParaFunc(self):
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
