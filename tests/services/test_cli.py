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


def test_screening_list_json(tmp_path, capsys, clock):
    import datetime as dt
    from dataclasses import replace

    from mediation_desk.domain.intake import PartyDraft
    from mediation_desk.domain.screening import ScreeningDraft
    from mediation_desk.domain.vocabulary import Category, PartySide, RiskGrade, RosterRole
    from mediation_desk.services.container import open_services
    from mediation_desk.services.dto import RosterDraft

    path = tmp_path / "screening.sqlite"
    services = open_services(path, clock=clock)
    try:
        worker = services.roster.add(RosterDraft(name="王芳", role=RosterRole.GRID_WORKER))
        base = ScreeningDraft(grid="城南第三网格", grid_worker_id=worker.id, household="张三家",
                              conflict="排水沟纠纷", risk=RiskGrade.YELLOW, action="劝解",
                              category=Category.NEIGHBOUR)
        old = services.screening.add(draft=replace(base, found_on=dt.date(2026, 1, 5)), by="x")
        new = services.screening.add(
            draft=replace(base, found_on=dt.date(2026, 2, 10), risk=RiskGrade.RED,
                          handed_to="派出所调解室"), by="x")
        prefill = services.screening.prefill(new.id)
        case = services.screening.register_dispute(
            entry_id=new.id, by="x",
            draft=replace(prefill, parties=(*prefill.parties,
                                             PartyDraft(side=PartySide.RESPONDENT, name="李四"))))
    finally:
        services.close()
    code, out, _ = run(capsys, "screening", "list", "--json", "--database", str(path))
    rows = json.loads(out)
    assert code == 0
    assert [r["id"] for r in rows] == [new.id, old.id]
    assert set(rows[0]) >= {"id", "found_on", "grid", "grid_worker", "household", "conflict",
                            "risk", "action", "handed_to", "case"}
    assert rows[0]["case"] == case.number and rows[1]["case"] is None
    assert rows[0]["grid_worker"] == "王芳" and rows[0]["risk"] == "red"
    assert rows[0]["found_on"] == "2026-02-10"
    code, out, _ = run(capsys, "screening", "list", "--from", "2026-02-01", "--to",
                       "2026-02-28", "--json", "--database", str(path))
    assert [r["id"] for r in json.loads(out)] == [new.id]
    with pytest.raises(SystemExit) as exited:
        main(["screening", "list", "--from", "2026-13-01", "--database", str(path)])
    assert exited.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
    code, out, err = run(capsys, "screening", "list", "--database", str(path))
    assert code == 0 and "张三家" in out and "2 screening entries" in err


def test_the_window_fast_path_knows_every_sub_command():
    """`main` builds the short parser when no sub-command is named: the list it checks
    against must be the full parser's."""
    import argparse

    from mediation_desk.cli import COMMANDS, build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(COMMANDS) == set(sub.choices)
    window = build_parser(window_only=True).parse_args(["--database", "x.sqlite", "--lang", "en"])
    assert (window.command, window.database, window.lang) == (None, "x.sqlite", "en")
