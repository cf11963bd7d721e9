"""Composition root of the desktop program: builds everything and starts the event loop.

`run_gui` creates the QApplication, the font, the translators, the logging and the
excepthook, opens the database through `open_services` and hands the services to the
main window.  Nothing is global: `build_main_window` lets tests build the same window on
a temporary database and settings file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from mediation_desk import paths
from mediation_desk.domain.errors import StorageError
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.main_window import MainWindow
from mediation_desk.ui.preferences import Preferences

if TYPE_CHECKING:
    from mediation_desk.services.container import Services

APP_NAME = "MediationDesk"
DEFAULT_LANGUAGE = "zh_CN"
DEMO_CASES = 300
DEMO_SEED = 2026
EXIT_FAILED = 1


translate = QCoreApplication.translate


def build_main_window(services: Services, *, settings: QSettings | None = None) -> MainWindow:
    """The main window over `services`; `settings` defaults to the data folder's INI file."""
    return MainWindow(services, preferences=Preferences(settings))


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and our translations for `language` ("en" loads none).

    The returned translators must be kept alive as long as the application runs.
    """
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    locale = QLocale(language)
    QLocale.setDefault(locale)
    installed = []
    for directory, name in (
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}"),
        (str(paths.resource_path("translations")), f"mediation_desk_{language}"),
    ):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            ui_errors.log.warning("translation %s not found in %s", name, directory)
    return installed


def _install_font(app: QApplication) -> None:
    try:
        from mediation_desk.ui.fonts import install_application_font
    except ImportError as error:  # the program still runs, with the system's fonts
        ui_errors.log.warning("font module unavailable: %s", error)
        return
    family = install_application_font(app)
    ui_errors.log.info("application font: %s", family)


def _database_path(args: argparse.Namespace) -> str | Path:
    if args.demo:
        return paths.demo_database_path()
    return args.database or paths.default_database_path()


def _startup_error(error: BaseException, database: str | Path) -> None:
    if isinstance(error, StorageError):
        title = translate("app", "The database cannot be opened")
        ui_errors.show_message(
            None, QMessageBox.Icon.Critical, title, error.message,
            translate("app", "Database: {path}").format(path=database), error.detail)
        return
    ui_errors.log.exception("opening %s failed", database)
    ui_errors.show_message(
        None, QMessageBox.Icon.Critical, translate("app", "The database cannot be opened"),
        translate("app", "Mediation Desk could not open its database."),
        translate("app", "Database: {path}\nThe details were written to the log file.").format(path=database),
        f"{type(error).__name__}: {error}")


def fill_demo(window: MainWindow, *, cases: int = DEMO_CASES, seed: int = DEMO_SEED) -> None:
    """Fill an empty demo database on the worker thread, with a progress dialog."""
    from mediation_desk.services.demo import generate_demo

    services = window.services
    progress = QProgressDialog(translate("app", "Writing demo disputes…"), "", 0, cases, window)
    progress.setWindowTitle(translate("app", "Demo database"))
    progress.setCancelButton(None)  # the writer cannot stop half-way
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setValue(0)

    def done(_summary: object) -> None:
        progress.close()
        window.refresh()

    def failed(error: BaseException) -> None:
        progress.close()
        window.refresh()
        ui_errors.show_error(window, error)

    def step(finished: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(finished)

    window.tasks.run(
        lambda report: generate_demo(services, cases=cases, seed=seed, progress=report),
        on_success=done, on_failure=failed, on_progress=step,
    )


def _top_window(app: QApplication) -> QWidget | None:
    return app.activeWindow()


def _resident_mb() -> float:
    """Resident memory in MB: /proc where there is one (no import, so reading it does not
    add to the start-up it is printed with), psutil elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        return 0.0


class _ExitAfterPaint(QObject):
    """For bench/foundation.py: report the first paint of the case list, then quit once
    the services are open too (so a run also exercises them and the day's copy).

    Switched on by MEDIATION_DESK_EXIT_AFTER_PAINT=1; prints `PAINTED {"rss_mb": ...}`.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._done = False
        self._window = window
        window.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            print("PAINTED " + json.dumps({"rss_mb": round(_resident_mb(), 1)}), flush=True)
            if self._window.services is not None:
                QTimer.singleShot(0, QCoreApplication.quit)
            else:
                self._window.attached.connect(lambda: QTimer.singleShot(0, QCoreApplication.quit))
        return False


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    previous_hook = sys.excepthook
    previous_locale = QLocale()
    translators: list[QTranslator] = []
    with ui_errors.logging_to(paths.data_dir()):
        sys.excepthook = ui_errors.make_excepthook(lambda: _top_window(app))
        try:
            _install_font(app)
            translators = install_translators(app, args.lang or DEFAULT_LANGUAGE)
            app.setApplicationDisplayName(translate("app", "Mediation Desk"))
            return _open_and_run(app, args)
        finally:
            sys.excepthook = previous_hook
            for translator in translators:
                app.removeTranslator(translator)
            QLocale.setDefault(previous_locale)


def _open_and_run(app: QApplication, args: argparse.Namespace) -> int:
    """Paint the list first, then open the services on the worker.

    The window comes up over the start-up source (`first_page`: the unfiltered list read
    with sqlite3) while SQLAlchemy, the models and the services load and the schema is
    checked on the worker thread; `MainWindow.attach` then switches the list to the
    services.  A database that cannot be opened ends start-up with the usual dialog.
    """
    from mediation_desk.first_page import open_first_page

    database = _database_path(args)
    today = dt.date.today()
    source = open_first_page(database, today)
    window = MainWindow(preferences=Preferences(), source=source, today=today)
    if os.environ.get("MEDIATION_DESK_EXIT_AFTER_PAINT"):
        _ExitAfterPaint(window)
    window.show()
    opened: list[Services] = []
    failure: list[int] = []

    def ready(services: Services) -> None:
        opened.append(services)
        window.attach(services)
        if source is not None:
            source.close()
        if args.demo and services.cases.count() == 0:
            fill_demo(window)
        # The day's safety copy of the database, made on the worker after the window is
        # up (a copy at every start would delay it by a second on a large file).
        window.tasks.run(
            services.maintenance.automatic_backup,
            on_success=lambda copy: copy and ui_errors.log.info("automatic backup: %s", copy),
            on_failure=lambda error: ui_errors.log.warning("automatic backup failed: %s", error),
            writes=False,
        )

    def failed(error: BaseException) -> None:
        window.hide()
        _startup_error(error, database)
        failure.append(EXIT_FAILED)
        app.exit(EXIT_FAILED)

    started: list[bool] = []

    def open_services_now() -> None:
        if started:
            return
        started.append(True)
        # Not a save: closing the window meanwhile is allowed (the exit waits for it).
        window.tasks.run(lambda: _open_services(database), on_success=ready,
                         on_failure=failed, writes=False)

    # Opened once the list is on the screen: the worker's imports would otherwise hold
    # the GIL while the first page is laid out and painted.  (A window that is never
    # painted, minimised say, opens them after a moment all the same.)
    window.first_painted.connect(open_services_now)
    QTimer.singleShot(1000, open_services_now)
    try:
        code = app.exec()
        window.tasks.wait_for_done()
        return failure[0] if failure else code
    finally:
        if source is not None:
            source.close()
        for services in opened:
            services.close()


def _open_services(database: str | Path) -> Services:
    from mediation_desk.services.container import open_services

    return open_services(database)
