"""The composition root: start-up errors, the demo fill, the excepthook, translations."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from PySide6.QtCore import QCoreApplication, QSettings

from mediation_desk import app as app_module
from mediation_desk.app import build_main_window, fill_demo, run_gui
from mediation_desk.services.container import open_services
from mediation_desk.ui import errors as ui_errors


def args(**changes) -> argparse.Namespace:
    values = {"database": None, "demo": False, "lang": None}
    values.update(changes)
    return argparse.Namespace(**values)


def test_a_database_from_a_newer_program_is_refused_with_a_message(tmp_path, messages):
    database = tmp_path / "newer.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    hook = sys.excepthook
    assert run_gui(args(database=str(database))) == 1
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "无法打开数据库"  # the Chinese UI is the default
    assert "更新版本" in text
    assert sys.excepthook is hook  # put back
    # Translators are removed again when run_gui returns.
    assert QCoreApplication.translate("app", "Mediation Desk") == "Mediation Desk"
    with sqlite3.connect(database) as connection:  # untouched
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_from_the_future",)


def test_a_file_that_is_not_a_database_is_refused(tmp_path, messages):
    database = tmp_path / "notes.sqlite"
    database.write_bytes(b"this is not a database at all" * 100)
    assert run_gui(args(database=str(database), lang="en")) == 1
    assert messages[0][0] == "The database cannot be opened"


def test_demo_fill_runs_in_the_background_and_refreshes_the_list(qtbot, tmp_path, clock):
    services = open_services(tmp_path / "demo.sqlite", clock=clock)
    try:
        window = build_main_window(
            services, settings=QSettings(str(tmp_path / "d.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        assert window.model.rowCount() == 0
        fill_demo(window, cases=40)
        qtbot.waitUntil(lambda: window.model.rowCount() == 40, timeout=20000)
        assert window.count_label.text() == "40 dispute(s)"
        window.tasks.wait_for_done()
    finally:
        services.close()


def test_excepthook_logs_the_traceback_and_apologises(tmp_path, messages):
    with ui_errors.logging_to(tmp_path) as log_path:
        hook = ui_errors.make_excepthook()
        try:
            raise RuntimeError("a bug")
        except RuntimeError as error:
            hook(type(error), error, error.__traceback__)
    text = log_path.read_text(encoding="utf-8")
    assert "RuntimeError: a bug" in text and "Traceback" in text
    assert len(messages) == 1
    assert "Sorry" in messages[0][1]
    assert "Traceback" not in messages[0][1]


def test_expected_errors_go_to_a_plain_message(messages):
    from mediation_desk.domain.errors import ConcurrentModification, StorageError

    ui_errors.show_error(None, StorageError("disk_full", "磁盘空间已满，无法保存。"))
    ui_errors.show_error(None, ConcurrentModification("这条记录刚被另一台电脑修改过。"))
    assert [text for _title, text in messages] == ["磁盘空间已满，无法保存。",
                                                  "这条记录刚被另一台电脑修改过。"]


def test_english_loads_no_translator(qapp):
    assert app_module.install_translators(qapp, "en") == []


def test_every_ui_string_has_a_chinese_translation():
    import xml.etree.ElementTree as ET

    from mediation_desk import paths

    ts = paths.resource_path("translations", "mediation_desk_zh_CN.ts")
    qm = paths.resource_path("translations", "mediation_desk_zh_CN.qm")
    assert qm.is_file() and qm.stat().st_size > 1000
    untranslated = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip()
            if translation.get("type") in ("unfinished", "obsolete", "vanished") or not text:
                untranslated.append((context.findtext("name"), message.findtext("source")))
    assert untranslated == []



def test_a_normal_start_paints_the_list_quits_and_leaves_the_days_copy(tmp_path, clock):
    """The whole start path, as bench/foundation.py drives it, in its own process (an
    event loop that has run and quit cannot be reused by later tests): open, paint the
    list, quit (not refused by the count still running), and the day's copy exists."""
    import os
    import subprocess
    from pathlib import Path

    from mediation_desk.services.demo import generate_demo

    database = tmp_path / "start.sqlite"
    services = open_services(database, clock=clock)
    generate_demo(services, cases=50)
    services.close()
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDIATION_DESK_EXIT_AFTER_PAINT="1",
               MEDIATION_DESK_DATA=str(tmp_path / "data"),
               PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run([sys.executable, "-m", "mediation_desk", "--database", str(database)],
                            capture_output=True, text=True, timeout=120, env=env, cwd=root)
    assert result.returncode == 0, result.stderr
    assert "PAINTED" in result.stdout
    copies = list((tmp_path / "backups").glob("start.auto.*.sqlite"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as connection:
        assert connection.execute("SELECT count(*) FROM dispute").fetchone() == (50,)
