"""The fonts printed documents are drawn with, and the check that every character fits.

Two faces ship in ``resources/fonts`` (see the README there): ``MediationDesk Serif SC``
Regular, a Song-style (宋体/明体) body face converted from Noto Serif CJK SC to TrueType
outlines so ReportLab can embed it, and its Bold for headings. The body face covers
Latin, CJK punctuation, full-width forms, all of GB 2312, U+4E00–9FEA, Extension A up to
U+4DB5 and the 2,306 Extension B–G characters Noto Serif CJK has; the heading face covers
only GB 2312 (and the same Latin and punctuation), to keep the repository small. A
heading that may hold any name should take its face from `heading_font`, which falls back
to the body face.

A character the font lacks would come out of ReportLab as an empty box on paper, so
every field is checked with `check_fields` before a document is built: the mediator gets
an error that names the field and the character instead.

ReportLab keeps its font registry in module state, so `register_fonts` registers once per
process and every later call returns the same names. Document templates must pass
``initialFontName=names.body`` to their `BaseDocTemplate`; otherwise ReportLab's canvas
preamble names Helvetica, which is never embedded.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics, ttfonts

from mediation_desk.domain.errors import ValidationError, ValidationErrors
from mediation_desk.paths import resource_path

BODY = "MediationDeskSerifSC-Regular"
HEADING = "MediationDeskSerifSC-Bold"

_FILES = {
    BODY: "MediationDeskSerifSC-Regular.ttf",
    HEADING: "MediationDeskSerifSC-Bold.ttf",
}


@dataclass(frozen=True)
class FontNames:
    """ReportLab font names to put in paragraph and table styles."""

    body: str
    heading: str


_lock = threading.Lock()
_registered: FontNames | None = None


def register_fonts() -> FontNames:
    """Register the body and heading faces with ReportLab (once) and return their names.

    Safe to call from every document builder: after the first call it only returns the
    names. The first call reads both files (about 17 MB) and takes roughly 0.15 s.
    """
    global _registered
    with _lock:
        if _registered is None:
            _fix_to_unicode_for_supplementary_planes()
            for name, filename in _FILES.items():
                path = resource_path("fonts", filename)
                pdfmetrics.registerFont(ttfonts.TTFont(name, str(path)))
            # No registerFontFamily(bold=HEADING): `<b>` in paragraph markup would then
            # switch to the heading face, which lacks most characters outside GB 2312.
            _registered = FontNames(body=BODY, heading=HEADING)
        return _registered


def missing_glyphs(text: str, *, font: str = BODY) -> list[str]:
    """The distinct characters of `text` that `font` cannot draw, in order of appearance.

    Whitespace and control characters are skipped: paragraphs collapse or drop them.
    """
    char_map = _char_map(font)
    missing: list[str] = []
    for char in dict.fromkeys(text):
        if char.isspace() or unicodedata.category(char) == "Cc":
            continue
        if ord(char) not in char_map:
            missing.append(char)
    return missing


def heading_font(text: str) -> str:
    """The heading face if it has every character of `text`, else the body face."""
    names = register_fonts()
    return names.heading if not missing_glyphs(text, font=names.heading) else names.body


def check_fields(fields: Mapping[str, str], *, font: str = BODY) -> None:
    """Refuse to print when a field holds a character `font` cannot draw.

    `fields` maps a form field key (as in `ValidationError.field`) to its text. Raises
    `ValidationErrors` with one error per offending field, naming the characters.
    """
    errors = []
    for field, value in fields.items():
        if not value:
            continue
        missing = missing_glyphs(value, font=font)
        if missing:
            errors.append(ValidationError(field, _message(missing)))
    if errors:
        raise ValidationErrors(errors)


def _message(missing: list[str]) -> str:
    visible = [c for c in missing if not _is_invisible(c)]
    invisible = [c for c in missing if _is_invisible(c)]
    parts = []
    if visible:
        quoted = "".join(f"“{c}”" for c in visible)
        which = "这个字" if len(visible) == 1 else "这些字"
        parts.append(f"{quoted}无法打印：字体中没有{which}，请核对或改用同音字并在备注中说明")
    if invisible:
        codes = "、".join(f"U+{ord(c):04X}" for c in invisible)
        parts.append(f"含有无法打印的特殊字符（{codes}），多为复制粘贴带入，请删除后重新输入")
    return "；".join(parts)


def _is_invisible(char: str) -> bool:
    # Format, private-use and unassigned code points, and variation selectors: nothing a
    # mediator can see or read back in the field, so name them by code point instead.
    category = unicodedata.category(char)
    return category in ("Cf", "Co", "Cn", "Cs") or "VARIATION SELECTOR" in unicodedata.name(
        char, ""
    )


def _char_map(font: str) -> Mapping[int, int]:
    if font in _FILES:
        register_fonts()
    face = getattr(pdfmetrics.getFont(font), "face", None)
    char_map = getattr(face, "charToGlyph", None)
    if char_map is None:
        raise ValueError(f"{font!r} is not a registered TrueType font")
    return char_map


# ReportLab (checked up to 5.1.0) writes a ToUnicode entry for a character above U+FFFF as
# five or six hex digits (`<01> <20BB7>`), which PDF readers reject: the glyph prints, but
# text extraction, search and copy lose the character. PDF wants UTF-16BE there, i.e. a
# surrogate pair (`<01> <D842DFB7>`). Entries that are already right are left alone, so
# this becomes a no-op once ReportLab fixes it.
_SUPPLEMENTARY_ENTRY = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$", re.MULTILINE)


def _as_surrogate_pair(match: re.Match[str]) -> str:
    offset = int(match.group(2), 16) - 0x10000
    high, low = 0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF)
    return f"<{match.group(1)}> <{high:04X}{low:04X}>"


def _fix_to_unicode_for_supplementary_planes() -> None:
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_utf16_fixed", False):
        return

    def make_to_unicode_cmap(fontname, subset):
        return _SUPPLEMENTARY_ENTRY.sub(_as_surrogate_pair, original(fontname, subset))

    make_to_unicode_cmap._utf16_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
