"""Alembic migrations against real SQLite files: head matches the models, upgrades are
safe, a newer database is refused untouched."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from mediation_desk.domain.errors import StorageError
from mediation_desk.persistence import migrate
from mediation_desk.persistence.engine import create_database_engine
from mediation_desk.services.container import open_services


def test_schema_head_constant_matches_alembic():
    assert migrate.SCHEMA_HEAD == migrate.head_revision()


def test_empty_database_upgrades_to_head_without_drift(tmp_path):
    engine = create_database_engine(tmp_path / "fresh.sqlite")
    result = migrate.upgrade(engine)
    assert result.from_revision is None and result.to_revision == migrate.SCHEMA_HEAD
    assert migrate.current_revision(engine) == migrate.SCHEMA_HEAD
    assert migrate.schema_differences(engine) == []
    assert migrate.integrity_problems(engine) == []
    engine.dispose()


def test_sqlite_pragmas_are_set(tmp_path):
    engine = create_database_engine(tmp_path / "p.sqlite")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    engine.dispose()


def test_second_start_is_a_no_op(tmp_path):
    path = tmp_path / "db.sqlite"
    open_services(path).close()
    services = open_services(path)
    assert services.upgrade is not None and not services.upgrade.upgraded
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())
    services.close()


def test_backup_copy_is_consistent_and_old_copies_are_pruned(tmp_path, monkeypatch):
    path = tmp_path / "live.sqlite"
    services = open_services(path)
    services.settings.save(services.settings.load())
    folder = tmp_path / "backups"
    for i in range(migrate.KEEP_UPGRADE_COPIES + 2):
        copy = migrate.backup_sqlite(path, folder / f"live.before-x-{i}.sqlite")
        # mtime order decides which copies are kept
        import os

        os.utime(copy, (1_000_000 + i, 1_000_000 + i))
    migrate.prune_copies(folder, "live.before-*.sqlite", migrate.KEEP_UPGRADE_COPIES)
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == migrate.KEEP_UPGRADE_COPIES
    assert "live.before-x-0.sqlite" not in kept
    with sqlite3.connect(folder / kept[-1]) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM setting").fetchone()[0] > 0
    services.close()


def test_upgrade_from_the_first_revision_keeps_data_and_a_copy(tmp_path, clock):
    """A database left at revision 0001 by the first release: copied aside, upgraded,
    nothing lost, and the search triggers (made by raw SQL in 0001) still work."""
    from alembic import command

    from mediation_desk.domain.intake import DisputeDraft, PartyDraft
    from mediation_desk.domain.vocabulary import Category, PartySide, Source
    from mediation_desk.services.dto import CaseFilter

    path = tmp_path / "first.sqlite"
    engine = create_database_engine(path)
    with engine.connect() as connection:
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            command.upgrade(migrate._alembic_config(connection), "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO dispute (number, year, serial, kind, source, category, state, tier, "
            "suggested_tier, tier_reason, intake_flags, risk, registered_at, registered_on, "
            "place, summary, applicant_claims, respondent_claims, people_involved, grid, "
            "community_officer, parties_display, search_text, registered_by, updated_at, version, "
            "accepted_on) "
            "VALUES ('（2025）潼川调字第0001号', 2025, 1, 'peoples', 'application', 'neighbour', "
            "'accepted', 1, 1, '', '{}', 'blue', '2025-03-01 09:00:00.000000', '2025-03-01', "
            "'', '漏水', '', '', 2, '', '', '周喆 与 吴昇', '（2025）潼川调字第0001号 周喆 吴昇', "
            "'x', '2025-03-01 09:00:00.000000', 1, '2025-03-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO case_number_sequence (year, last_value) VALUES (2025, 1)"
        )
    engine.dispose()

    services = open_services(path, clock=clock)
    assert services.upgrade.from_revision == "0001"
    assert services.upgrade.to_revision == migrate.SCHEMA_HEAD
    assert services.upgrade.backup is not None and services.upgrade.backup.exists()
    with sqlite3.connect(services.upgrade.backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert services.cases.count() == 1
    assert services.cases.count(CaseFilter(search="周喆")) == 1
    # Clock rows did not exist before 0003: they are written once at the upgrade, so an
    # old mediation past its target is marked and found as overdue at once.
    assert services.cases.count(CaseFilter(overdue_only=True)) == 1
    services.cases.register(
        draft=DisputeDraft(
            source=Source.APPLICATION,
            category=Category.NEIGHBOUR,
            parties=(
                PartyDraft(side=PartySide.APPLICANT, name="郑犇"),
                PartyDraft(side=PartySide.RESPONDENT, name="王淼"),
            ),
            summary="噪音",
        ),
        by="x",
    )
    assert services.cases.count(CaseFilter(search="郑犇")) == 1
    assert migrate.schema_differences(services.engine) == []
    assert migrate.integrity_problems(services.engine) == []
    services.close()


def test_database_from_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    open_services(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(StorageError) as refused:
        open_services(path)
    assert refused.value.kind == "too_new"
    assert "更新版本" in refused.value.message
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (x TEXT)")
    with pytest.raises(StorageError) as refused:
        open_services(path)
    assert "不是调解台的数据库" in refused.value.message


def test_corrupt_file_is_a_storage_error(tmp_path):
    path = tmp_path / "corrupt.sqlite"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StorageError) as refused:
        open_services(path)
    assert refused.value.kind == "corrupt"


def test_fts_triggers_follow_the_dispute_table(tmp_path):
    engine = create_database_engine(tmp_path / "fts.sqlite")
    migrate.upgrade(engine)
    with engine.begin() as connection:
        names = {
            row[0]
            for row in connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            )
        }
    assert {"dispute_search_ai", "dispute_search_ad", "dispute_search_au"} <= names
    engine.dispose()


def test_automatic_backup_once_a_day_keeping_the_last_few(tmp_path):
    import datetime as dt

    now = [dt.datetime(2026, 11, 20, 9, 0)]
    services = open_services(tmp_path / "daily.sqlite", clock=lambda: now[0])
    first = services.maintenance.automatic_backup(keep=2)
    assert first is not None and first.exists()
    assert services.maintenance.automatic_backup(keep=2) is None  # made minutes ago
    import os

    for day in (1, 2, 3):
        old = dt.datetime(2026, 11, 20) - dt.timedelta(days=5 - day)
        for copy in (tmp_path / "backups").glob("daily.auto.*.sqlite"):
            os.utime(copy, (old.timestamp(), old.timestamp()))
        now[0] = dt.datetime(2026, 11, 20, 9, day)
        assert services.maintenance.automatic_backup(keep=2) is not None
    assert len(list((tmp_path / "backups").glob("daily.auto.*.sqlite"))) == 2
    services.close()
