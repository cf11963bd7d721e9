"""Preview a produced PDF in the app (QtPdf), print it through the system print dialog,
or save it as a file (DOMAIN §7).

The PDF is built on the worker thread (ReportLab) and handed here as bytes; the preview
only displays them.  Printing draws each page as an image at the printer's resolution,
so what comes out of the printer is exactly what was previewed and stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.widgets import HINT_COLOUR

PRINT_DPI = 300


class DocumentPreview(QDialog):
    def __init__(
        self,
        content: bytes,
        *,
        title: str,
        file_name: str,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("document_preview")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.content = content
        self.file_name = file_name
        self._bytes = QByteArray(content)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        layout = QVBoxLayout(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self.note = QLabel(note, self)
        self.note.setStyleSheet(f"color: {HINT_COLOUR};")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setObjectName("save_pdf")
        self.save_button.clicked.connect(self.save_as)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 1000)

    def page_count(self) -> int:
        return self.document.pageCount()

    def save_as(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), str(Path.home() / self.file_name),
                self.tr("PDF files (*.pdf)"))
        if not path:
            return False
        try:
            Path(path).write_bytes(self.content)
        except OSError as error:
            ui_errors.show_message(self, QMessageBox.Icon.Warning, self.tr("Save as PDF"),
                                   self.tr("The file could not be written."), error.strerror or "")
            return False
        self.note.setText(self.tr("Saved to {path}").format(path=path))
        return True

    def print_document(self, printer: QPrinter | None = None) -> bool:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.windowTitle())
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        painter = QPainter()
        if not painter.begin(printer):
            ui_errors.show_message(self, QMessageBox.Icon.Warning, self.tr("Print"),
                                   self.tr("The printer could not be started."))
            return False
        try:
            first, last = 0, self.document.pageCount() - 1
            if printer.fromPage() > 0:
                first, last = printer.fromPage() - 1, min(last, printer.toPage() - 1)
            for page in range(first, last + 1):
                if page > first:
                    printer.newPage()
                target = painter.viewport()
                size = self.document.pagePointSize(page)  # in points (1/72 inch)
                scale = min(target.width() / size.width(), target.height() / size.height())
                # Rendered at no more than 300 dpi (a 1200 dpi A4 page would be ~500 MB of
                # pixels) and scaled onto the printer's page.
                dpi_scale = min(scale, PRINT_DPI / 72)
                image = self.document.render(
                    page, QSize(int(size.width() * dpi_scale), int(size.height() * dpi_scale)))
                painter.drawImage(
                    QRectF(0, 0, size.width() * scale, size.height() * scale), image)
        finally:
            painter.end()
        self.note.setText(self.tr("Sent to the printer"))
        return True
