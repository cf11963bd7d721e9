"""The 导出台账 dialog: opened from the main window's menu, runs the export on the worker
with a progress dialog, cancels cleanly, and puts problems next to their fields."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QPushButton

from mediation_desk.app import build_main_window
from mediation_desk.domain.intake import PartyDraft
from mediation_desk.domain.vocabulary import PartySide
from mediation_desk.ui.ledger_dialog import LedgerExportDialog, month_of

GOOD_ID = "11010519491231002X"


@pytest.fixture
def window(qtbot, services, tmp_path, make_draft):
    applicant = PartyDraft(side=PartySide.APPLICANT, name="王秀英", id_number=GOOD_ID,
                           phone="13812345678")
    for _ in range(3):
        services.cases.register(draft=make_draft(parties=(applicant, make_draft().parties[1])),
                                by="test")
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    main = build_main_window(services, settings=settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.tasks.wait_for_done()


def test_month_of():
    assert month_of(dt.date(2026, 12, 15)) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert month_of(dt.date(2024, 2, 1)) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))


def test_export_from_the_menu(qtbot, window, tmp_path, messages, fixed_now):
    window.ledger_action.trigger()
    dialog = window.ledger_dialog
    assert isinstance(dialog, LedgerExportDialog) and dialog.isVisible()
    # The current month (the clock says 20 November 2026), masked by default.
    assert dialog.date_from.date() == QDate(2026, 11, 1)
    assert dialog.date_to.date() == QDate(2026, 11, 30)
    assert not dialog.unmasked.isChecked()
    target = tmp_path / "台账.xlsx"
    dialog.path.setText(str(target))
    progress = []
    with qtbot.waitSignal(dialog.exported, timeout=20000) as exported:
        task = dialog.start()
        assert task is not None
        task.progressed.connect(lambda done, total: progress.append((done, total)))
    assert exported.args[0].rows == 3 and target.exists()
    assert progress and progress[-1] == (3, 3)
    assert messages[-1] == ("Export ledger", "3 dispute(s) exported.")
    assert dialog.progress is None and not dialog.isVisible()
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert len(rows) == 4 and "110105********002X" in rows[1]
    assert "Ledger exported to" in window.statusBar().currentMessage()


def test_unmasked_csv(qtbot, window, tmp_path):
    dialog = window.export_ledger()
    target = tmp_path / "ledger.csv"
    dialog.path.setText(str(target))
    dialog.unmasked.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_button.click()
    text = target.read_text(encoding="utf-8-sig")
    assert GOOD_ID in text and "13812345678" in text


def test_cancel_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    from mediation_desk.services import ledger

    dialog = window.export_ledger()
    real_batch = ledger._batch

    def slow_batch(*args, **kwargs):
        # The first batch waits for the Cancel button, so the test does not race the worker.
        assert dialog._cancel.wait(10)
        return real_batch(*args, **kwargs)

    monkeypatch.setattr(ledger, "_batch", slow_batch)
    target = tmp_path / "cancelled.xlsx"
    dialog.path.setText(str(target))
    task = dialog.start()
    with qtbot.waitSignal(task.finished, timeout=20000):
        dialog.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    assert "cancelled" in dialog.path_error.error_text()
    assert not target.exists() and not list(tmp_path.glob(".cancelled*"))
    assert dialog.isVisible() and dialog.export_button.isEnabled()


def test_bad_fields_are_shown_next_to_them(qtbot, window, tmp_path):
    dialog = window.export_ledger()
    dialog.date_from.setDate(QDate(2026, 12, 1))
    dialog.date_to.setDate(QDate(2026, 11, 1))
    dialog.path.setText(str(tmp_path / "ledger.ods"))
    assert dialog.start() is None
    assert dialog.dates_error.error_text() == "The end date is before the start date."
    assert dialog.path_error.error_text() == "The file name must end in .xlsx or .csv."
    dialog.date_to.setDate(QDate(2026, 12, 31))
    dialog.path.setText(str(tmp_path / "missing" / "ledger.xlsx"))
    assert dialog.start() is None
    assert dialog.dates_error.error_text() == ""
    assert dialog.path_error.error_text() == "This folder does not exist."


def test_a_write_failure_is_the_usual_error_dialog(qtbot, window, tmp_path, messages,
                                                   monkeypatch):
    import errno

    from mediation_desk.services import ledger_writers

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ledger_writers.CsvLedgerWriter, "close", full)
    dialog = window.export_ledger()
    target = tmp_path / "full.csv"
    dialog.path.setText(str(target))
    task = dialog.start()
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert messages and "磁盘空间已满" in messages[-1][1]
    assert not target.exists()
