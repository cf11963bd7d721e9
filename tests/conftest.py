"""Shared fixtures: a fixed clock, a real migrated SQLite file, a private data folder."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

FIXED_NOW = dt.datetime(2026, 11, 20, 10, 0, 0)


def pytest_configure(config):
    # The offscreen platform warns about every top-level window it shows; that is the
    # test platform talking, not the program.
    config.addinivalue_line("qt_log_ignore", "This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIATION_DESK_DATA", str(tmp_path / "data"))


@pytest.fixture
def fixed_now() -> dt.datetime:
    return FIXED_NOW


@pytest.fixture
def clock():
    return lambda: FIXED_NOW


@pytest.fixture
def services(tmp_path, clock):
    from mediation_desk.services.container import open_services

    opened = open_services(tmp_path / "test.sqlite", clock=clock)
    yield opened
    opened.close()
