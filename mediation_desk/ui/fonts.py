"""The CJK font the program ships, and making it the application's font.

A fresh Debian install, or a Windows PC without an East Asian language pack, has no font
that can show Chinese, so every label would be a row of empty boxes.  The program
therefore carries a subset of Noto Sans CJK SC (SIL Open Font License 1.1; see
``resources/fonts/README.md`` for where it came from and how to rebuild it) and loads it
once at start, before any window is built.

The shipped family goes *first* in the application font's family list, with the
platform's own UI family behind it.  Chinese, Latin, digits and punctuation then all come
from one font, so widget heights computed from ``QFontMetrics`` fit the Chinese text, and
a line of mixed text has one look on every machine.  Anything the subset leaves out (Greek,
Cyrillic, the rarest ideographs beyond Extension A) falls through to the platform family
and then to Qt's own fallback list.  The point size and other attributes of the platform
font are kept.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)

FONT_FILENAME = "NotoSansCJKsc-Regular.otf"
"""The shipped font, under ``resources/fonts/``."""

FONT_FAMILY = "Noto Sans CJK SC"
"""The family name inside ``FONT_FILENAME``."""

# The font's id in QFontDatabase once added, so a second call does not add it again.
_loaded_font_id: int | None = None


def font_path() -> Path:
    """Where the shipped font file is: inside the installed package, or in the checkout."""
    try:
        from mediation_desk.paths import resource_path
    except ImportError:  # pragma: no cover - paths.py is part of the package
        package_dir = Path(__file__).resolve().parent.parent
        inside = package_dir / "resources"
        base = inside if inside.is_dir() else package_dir.parent / "resources"
        return base / "fonts" / FONT_FILENAME
    return resource_path("fonts", FONT_FILENAME)


def load_shipped_font() -> str:
    """Add the shipped font to Qt's font database; its family name, or "" if it failed.

    Needs a ``QGuiApplication`` (or ``QApplication``) to exist.  Never raises.
    """
    global _loaded_font_id
    if _loaded_font_id is not None:
        families = QFontDatabase.applicationFontFamilies(_loaded_font_id)
        if families:
            return families[0]
        _loaded_font_id = None  # the application that held it has gone; add it again

    path = font_path()
    if not path.is_file():
        log.warning("Shipped CJK font not found at %s; Chinese text may show as boxes", path)
        return ""
    try:
        font_id = QFontDatabase.addApplicationFont(str(path))
    except Exception:  # never let a font stop the program from starting
        log.warning("Could not load the shipped CJK font %s", path, exc_info=True)
        return ""
    if font_id < 0:
        log.warning("Qt refused the shipped CJK font %s; Chinese text may show as boxes", path)
        return ""
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        log.warning("The shipped CJK font %s has no family name", path)
        return ""
    _loaded_font_id = font_id
    return families[0]


def application_font(base: QFont, shipped_family: str) -> QFont:
    """``base`` (the platform's UI font) with ``shipped_family`` put first in its families."""
    font = QFont(base)
    system_families = [f for f in (base.families() or [base.family()]) if f]
    font.setFamilies([shipped_family, *(f for f in system_families if f != shipped_family)])
    return font


def install_application_font(app: QGuiApplication) -> str:
    """Load the shipped CJK font and make it the application's default font.

    Call it right after the ``QApplication`` is made and before any widget is.  Returns the
    shipped family's name, or "" (after logging a warning) if the font could not be loaded,
    in which case the application font is left as the platform set it.
    """
    family = load_shipped_font()
    if not family:
        return ""
    app.setFont(application_font(app.font(), family))
    return family
