"""The mediation-desk command line: sub-commands, JSON keys, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mediation_desk.cli import main
from mediation_desk.persistence.migrate import SCHEMA_HEAD


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    code, out, _ = run(capsys, "demo", "--cases", "60", "--database", str(path), "--json")
    assert code == 0
    assert json.loads(out)["cases"] == 60
    return path


def test_db_subcommands(tmp_path, capsys):
    path = tmp_path / "cli.sqlite"
    code, out, _ = run(capsys, "db", "upgrade", "--database", str(path), "--json")
    assert code == 0 and json.loads(out)["to"] == SCHEMA_HEAD
    code, out, _ = run(capsys, "--database", str(path), "db", "current")
    assert code == 0 and out.strip() == SCHEMA_HEAD
    code, out, _ = run(capsys, "db", "check", "--database", str(path), "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    code, out, _ = run(capsys, "db", "backup", str(tmp_path / "copy.sqlite"), "--database", str(path))
    assert code == 0 and (tmp_path / "copy.sqlite").exists()


def test_case_list_json_keys_and_filters(demo_db, capsys):
    code, out, _ = run(capsys, "case", "list", "--json", "--database", str(demo_db))
    rows = json.loads(out)
    assert code == 0 and len(rows) == 60
    for key in ("number", "tier", "state", "category", "risk", "accepted_on"):
        assert key in rows[0]
    assert {row["tier"] for row in rows} == {1, 2, 3}
    code, out, _ = run(capsys, "case", "list", "--json", "--state", "in_mediation", "--tier", "1",
                       "--database", str(demo_db))
    filtered = json.loads(out)
    assert all(r["state"] == "in_mediation" and r["tier"] == 1 for r in filtered)
    code, out, _ = run(capsys, "case", "list", "--json", "--limit", "5", "--database", str(demo_db))
    assert len(json.loads(out)) == 5


def test_case_show_json_masks_by_default(demo_db, capsys):
    _, out, _ = run(capsys, "case", "list", "--json", "--limit", "1", "--database", str(demo_db))
    number = json.loads(out)[0]["number"]
    code, out, _ = run(capsys, "case", "show", number, "--json", "--database", str(demo_db))
    shown = json.loads(out)
    assert code == 0 and shown["number"] == number
    assert shown["parties"] and "events" in shown and "sessions" in shown
    person = next(p for p in shown["parties"] if p["id_number"])
    assert "********" in person["id_number"]
    assert "****" in person["phone"]
    _, out, _ = run(capsys, "case", "show", number, "--json", "--full", "--database", str(demo_db))
    full = next(p for p in json.loads(out)["parties"] if p["id_number"])
    assert "*" not in full["id_number"] and len(full["id_number"]) == 18


def test_unknown_case_is_one_line_and_non_zero(demo_db, capsys):
    code, out, err = run(capsys, "case", "show", "（1999）潼川调字第0001号", "--database", str(demo_db))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "找不到" in err


def test_bad_arguments_exit_2_without_traceback(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["case", "list", "--tier", "7", "--database", str(tmp_path / "x.sqlite")])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "case", "list", "--state", "nonsense", "--database", str(tmp_path / "x.sqlite"))
    assert code == 2 and "in_mediation" in err


def test_demo_refuses_a_database_with_cases(demo_db, capsys):
    code, _, err = run(capsys, "demo", "--cases", "5", "--database", str(demo_db))
    assert code == 1 and "已有" in err


def test_newer_database_is_refused_in_one_line(tmp_path, capsys):
    import sqlite3

    path = tmp_path / "newer.sqlite"
    run(capsys, "db", "upgrade", "--database", str(path))
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num='9999'")
    code, _, err = run(capsys, "case", "list", "--database", str(path))
    assert code == 1 and "更新版本" in err and len(err.strip().splitlines()) == 1


def test_restore_replaces_the_database_and_keeps_the_old_one(demo_db, tmp_path, capsys):
    backup = tmp_path / "before.sqlite"
    run(capsys, "db", "backup", str(backup), "--database", str(demo_db))
    empty = tmp_path / "empty.sqlite"
    run(capsys, "db", "upgrade", "--database", str(empty))
    code, out, _ = run(capsys, "db", "restore", str(backup), "--database", str(empty), "--json")
    assert code == 0 and json.loads(out)["previous_copy"]
    _, out, _ = run(capsys, "case", "list", "--json", "--database", str(empty))
    assert len(json.loads(out)) == 60
    code, _, err = run(capsys, "db", "restore", str(tmp_path / "missing.sqlite"), "--database", str(empty))
    assert code == 1 and "找不到" in err


def test_console_entry_point_runs_as_a_module(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mediation_desk", "db", "current", "--database", str(tmp_path / "m.sqlite")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(empty database)"
