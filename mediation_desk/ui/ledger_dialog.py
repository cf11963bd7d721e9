"""Export the ledger (台账): a date range, a file (.xlsx or .csv by its name) and whether
ID numbers and phones are written in full.  The export runs on the worker with a progress
dialog whose Cancel stops it between batches; a cancelled or failed export leaves no file.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.domain.errors import ValidationError
from mediation_desk.services.container import Services
from mediation_desk.services.ledger import ExportCancelled, LedgerExport, ledger_format
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.tasks import Task, TaskRunner
from mediation_desk.ui.widgets import ErrorLine


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


class LedgerExportDialog(QDialog):
    exported = Signal(object)  # LedgerExport

    def __init__(self, services: Services, *, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_export_dialog")
        self.setWindowTitle(self.tr("Export ledger"))
        self._ledger = services.ledger
        self._tasks = tasks
        self._cancel = threading.Event()
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.result: LedgerExport | None = None

        first, last = month_of(services.clock().date())
        self.date_from = self._date_edit("date_from", first)
        self.date_to = self._date_edit("date_to", last)
        self.dates_error = ErrorLine(self)
        self.path = QLineEdit(str(Path.home() / self._default_name(first, last)), self)
        self.path.setObjectName("path")
        self.path.setMinimumWidth(360)
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self.choose_file)
        self.path_error = ErrorLine(self)
        self.unmasked = QCheckBox(self.tr("Show full ID numbers and phones"), self)
        self.unmasked.setObjectName("unmasked")
        self.unmasked.setToolTip(self.tr(
            "By default ID numbers and phones are written masked (110105********002X)."))

        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Registered or accepted from – to"), dates)
        form.addRow("", self.dates_error)
        form.addRow(self.tr("File (.xlsx or .csv)"), file_row)
        form.addRow("", self.path_error)
        form.addRow("", self.unmasked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(self.tr("&Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    @staticmethod
    def _default_name(first: dt.date, last: dt.date) -> str:
        return f"台账{first:%Y%m%d}-{last:%Y%m%d}.xlsx"

    def choose_file(self) -> None:
        xlsx = self.tr("Excel workbook (*.xlsx)")
        csv = self.tr("CSV, UTF-8 (*.csv)")
        current = Path(self.path.text().strip() or Path.home())
        chosen_filter = csv if current.suffix.lower() == ".csv" else xlsx
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export ledger"), str(current), f"{xlsx};;{csv}", chosen_filter)
        if not path:
            return
        if not Path(path).suffix:  # the chooser's filter names the format
            path += ".csv" if chosen == csv else ".xlsx"
        self.path.setText(path)

    # ---------------------------------------------------------------- running
    def start(self) -> Task | None:
        """Check the fields, then run the export on the worker with a progress dialog."""
        self.dates_error.clear_error()
        self.path_error.clear_error()
        date_from, date_to = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        text = self.path.text().strip()
        ok = True
        if date_to < date_from:
            self.dates_error.set_error(self.tr("The end date is before the start date."))
            ok = False
        target = Path(text).expanduser() if text else None
        if target is None:
            self.path_error.set_error(self.tr("Choose a file to export to."))
            ok = False
        else:
            try:
                ledger_format(target)
            except ValidationError:
                self.path_error.set_error(self.tr("The file name must end in .xlsx or .csv."))
                ok = False
            else:
                if not target.parent.is_dir():
                    self.path_error.set_error(self.tr("This folder does not exist."))
                    ok = False
        if not ok or target is None:
            return None
        masked = not self.unmasked.isChecked()
        self._cancel.clear()
        self.export_button.setEnabled(False)
        progress = QProgressDialog(self.tr("Exporting the ledger…"), self.tr("Cancel"), 0, 0, self)
        progress.setObjectName("ledger_progress")
        progress.setWindowTitle(self.tr("Export ledger"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self._cancel.set)
        progress.show()
        self.progress = progress
        ledger, cancel = self._ledger, self._cancel
        self.task = self._tasks.run(
            lambda report: ledger.export(date_from, date_to, target, masked=masked,
                                         report=report, cancelled=cancel.is_set),
            on_success=self._done,
            on_failure=self._failed,
            on_progress=self._progressed,
            writes=False,
        )
        return self.task

    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None or self._cancel.is_set():
            return
        progress.setLabelText(self.tr("Exporting the ledger… {done} of {total} disputes")
                              .format(done=done, total=total))
        progress.setMaximum(max(total, 1))
        # Last: a modal progress dialog's setValue processes events, which may deliver the
        # result and close it.
        progress.setValue(done)

    def _finish_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel.set)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.export_button.setEnabled(True)

    def _done(self, result: LedgerExport) -> None:
        self._finish_progress()
        self.result = result
        self.exported.emit(result)
        ui_errors.show_message(
            self, QMessageBox.Icon.Information, self.tr("Export ledger"),
            self.tr("%n dispute(s) exported.", "", result.rows),
            self.tr("The file is at:\n{path}").format(path=result.path))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._finish_progress()
        if isinstance(error, ExportCancelled):
            self.path_error.set_error(self.tr("Export cancelled; no file was written."))
        elif ui_errors.is_expected(error):
            ui_errors.show_error(self, error)
        else:
            ui_errors.report_unexpected(error, parent=self)

    def reject(self) -> None:
        # Closing the dialog stops an export under way (it then leaves no file).
        self._cancel.set()
        super().reject()
