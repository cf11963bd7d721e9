"""Fixtures for the UI tests: preferences in a temporary INI file, a task runner, sample
disputes, and message boxes that record instead of blocking."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings

from mediation_desk.domain.intake import DisputeDraft, PartyDraft
from mediation_desk.domain.vocabulary import Category, PartySide, Source
from mediation_desk.ui import errors as ui_errors
from mediation_desk.ui.preferences import Preferences
from mediation_desk.ui.tasks import TaskRunner

GOOD_ID = "11010519491231002X"


@pytest.fixture(autouse=True)
def _application(qapp):
    """Every UI test needs the QApplication (pixmaps, fonts), even without a qtbot."""
    return qapp


@pytest.fixture
def preferences(tmp_path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def tasks(qtbot):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Every message box the UI would open, as (title, text); none blocks a test."""
    shown: list[tuple[str, str]] = []

    def show_message(parent, icon, title, text, informative="", detail=""):
        shown.append((title, text))

    monkeypatch.setattr(ui_errors, "show_message", show_message)
    monkeypatch.setattr(ui_errors, "ask_yes_no", lambda *args, **kwargs: True)
    return shown


def sample_draft(**changes) -> DisputeDraft:
    base = DisputeDraft(
        source=Source.APPLICATION,
        category=Category.NEIGHBOUR,
        parties=(
            PartyDraft(side=PartySide.APPLICANT, name="张㛃", phone="13812345678"),
            PartyDraft(side=PartySide.RESPONDENT, name="李四", phone="0826-1234567"),
        ),
        summary="楼上漏水浸坏楼下天花板",
    )
    return replace(base, **changes)


@pytest.fixture
def make_draft():
    """`make_draft(**changes)`: a valid two-party draft with some fields replaced."""
    return sample_draft
