"""How the UI tells the user about errors: one dialog per kind, never a traceback.

Expected problems (`StorageError`, `ConcurrentModification`, `NotFound`, ...) carry a
message the mediator can act on and are shown as they are.  Anything else is a bug: the
excepthook installed by `app.py` writes the traceback to a log file in the data folder
and shows a short apology that says where the log is.

Every dialog here goes through `show_message` so tests can replace one function instead
of patching `QMessageBox`.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mediation_desk.domain.errors import (
    ConcurrentModification,
    DomainError,
    NotFound,
    StorageError,
)

log = logging.getLogger("mediation_desk")

LOG_FILENAME = "mediation-desk.log"


translate = QCoreApplication.translate


def show_message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    detail: str = "",
) -> None:
    """A modal message box (the one place the UI opens one for an error)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    if detail:
        box.setDetailedText(detail)
    box.exec()


def ask_yes_no(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """A question with two buttons whose labels say what they do; the safe one is default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


# Advice per storage-error kind; the error's own message says what happened.
def _storage_advice(kind: str) -> str:
    return {
        "locked": translate("errors", "Wait a moment and try again. What you entered is still in the window."),
        "read_only": translate("errors", "Ask the administrator to check the database file's permissions."),
        "disk_full": translate("errors", "Free some disk space, then try again."),
        "corrupt": translate("errors", "Ask the administrator to restore the latest backup "
                       "(mediation-desk db restore)."),
        "too_new": translate("errors", "Install the newest version of Mediation Desk to open this database."),
    }.get(kind, translate("errors", "Try again. If it keeps failing, tell the administrator."))


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show an expected error (storage, concurrent change, not found, ...) as a dialog."""
    title = translate("errors", "Mediation Desk")
    if isinstance(error, StorageError):
        show_message(parent, QMessageBox.Icon.Critical, title, error.message,
                     _storage_advice(error.kind), error.detail)
    elif isinstance(error, ConcurrentModification):
        show_message(parent, QMessageBox.Icon.Warning, title, error.message,
                     translate("errors", "Close this window, open the case again and redo your change."))
    elif isinstance(error, NotFound):
        show_message(parent, QMessageBox.Icon.Warning, title, str(error),
                     translate("errors", "It may have been removed. Press F5 to refresh the list."))
    elif isinstance(error, DomainError):
        message = getattr(error, "message", None) or str(error)
        show_message(parent, QMessageBox.Icon.Warning, title, message)
    else:
        report_unexpected(error, parent=parent)


def is_expected(error: BaseException) -> bool:
    return isinstance(error, DomainError)


# ------------------------------------------------------------- unexpected errors
def _rotate(path: Path, *, max_bytes: int = 1_000_000, keep: int = 3) -> None:
    """mediation-desk.log over `max_bytes` becomes .log.1 (.1 becomes .2, ...)."""
    try:
        if not path.exists() or path.stat().st_size < max_bytes:
            return
        for n in range(keep - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{n + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    except OSError:
        pass  # a log that cannot be rotated is appended to


@contextmanager
def logging_to(data_dir: Path) -> Iterator[Path]:
    """Log to a rotating file in the data folder while the block runs; yields its path."""
    path = data_dir / LOG_FILENAME
    _rotate(path)
    # A plain FileHandler, rotated at start: logging.handlers costs 20 ms of imports,
    # paid before the window could be painted.
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    previous_level = log.level
    log.setLevel(logging.INFO)
    try:
        yield path
    finally:
        log.removeHandler(handler)
        log.setLevel(previous_level)
        handler.close()


def _log_path() -> str:
    for handler in log.handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return name
    return ""


def report_unexpected(error: BaseException, *, parent: QWidget | None = None) -> None:
    """Log a bug with its traceback and apologise in a short dialog."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("unexpected error\n%s", text)
    _apologise(parent, error)


def _apologise(parent: QWidget | None, error: BaseException) -> None:
    if QApplication.instance() is None:
        return
    where = _log_path()
    informative = translate("errors", "The details were written to the log file:\n{path}").format(path=where) \
        if where else ""
    show_message(
        parent,
        QMessageBox.Icon.Critical,
        translate("errors", "Mediation Desk"),
        translate("errors", "Sorry, something went wrong in the program. Saved data is not affected; "
            "what you were doing may not have been saved."),
        informative,
        f"{type(error).__name__}: {error}",
    )


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def make_excepthook(parent: Callable[[], QWidget | None] = lambda: None) -> ExceptHook:
    """A `sys.excepthook` that logs, then shows the apology (once at a time)."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error\n%s", text)
        if showing:  # an error raised while the apology is open: logged only
            return
        showing = True
        try:
            if is_expected(error):
                show_error(parent(), error)
            else:
                _apologise(parent(), error)
        finally:
            showing = False

    return hook
