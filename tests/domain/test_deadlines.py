"""Deadlines and countdowns: the 30-day clocks, the 治安调解 working-day clocks, follow-ups."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediation_desk.domain.deadlines as deadlines_module
from mediation_desk.domain.calendar import WorkingCalendar
from mediation_desk.domain.deadlines import (
    Countdown,
    Deadline,
    DeadlineKind,
    followup_deadline,
    followup_plan,
    judicial_confirmation,
    mediation_target,
    performance_deadline,
    public_security_deadlines,
)

D = dt.date
CALENDAR = WorkingCalendar()
UNKNOWN_YEAR = 2199


def test_deadlines_import_only_the_standard_library() -> None:
    tree = ast.parse(Path(deadlines_module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module]
            if isinstance(node, ast.ImportFrom) and node.module
            else []
        )
        for name in names:
            assert (
                name.split(".")[0] in sys.stdlib_module_names
                or name == "__future__"
                or name.startswith("mediation_desk.domain")
            ), name


# --------------------------------------------------------------------- kinds
def test_kinds() -> None:
    assert [k.value for k in DeadlineKind] == [
        "mediation_target",
        "public_security_first",
        "public_security_second",
        "judicial_confirmation",
        "performance",
        "followup",
    ]
    assert {k for k in DeadlineKind if k.in_working_days} == {
        DeadlineKind.PUBLIC_SECURITY_FIRST,
        DeadlineKind.PUBLIC_SECURITY_SECOND,
    }
    assert {k for k in DeadlineKind if k.warning_only} == {DeadlineKind.MEDIATION_TARGET}


def test_deadlines_are_frozen() -> None:
    deadline = judicial_confirmation(D(2026, 3, 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        deadline.due = D(2026, 4, 1)  # type: ignore[misc]


# ------------------------------------------------------- calendar-day clocks
def test_mediation_target_is_thirty_days_after_acceptance() -> None:
    deadline = mediation_target(D(2026, 3, 1))
    assert deadline.kind is DeadlineKind.MEDIATION_TARGET
    assert deadline.due == D(2026, 3, 31)
    assert deadline.label == "调解期限"
    assert "30日" in deadline.basis
    assert not deadline.guessed


def test_mediation_target_crosses_new_year() -> None:
    assert mediation_target(D(2025, 12, 30)).due == D(2026, 1, 29)
    assert mediation_target(D(2025, 12, 30), days=45).due == D(2026, 2, 13)
    with pytest.raises(ValueError):
        mediation_target(D(2025, 12, 30), days=0)


def test_judicial_confirmation_is_thirty_days_after_effect() -> None:
    deadline = judicial_confirmation(D(2025, 12, 15))
    assert deadline.kind is DeadlineKind.JUDICIAL_CONFIRMATION
    assert deadline.due == D(2026, 1, 14)
    assert "第三十三条" in deadline.basis
    # Calendar days, not working days: the Spring Festival does not stretch it.
    assert judicial_confirmation(D(2026, 2, 1)).due == D(2026, 3, 3)


def test_performance_and_followup_deadlines() -> None:
    paid = performance_deadline(D(2026, 4, 30), term="赔偿医药费1200元")
    assert paid.kind is DeadlineKind.PERFORMANCE
    assert paid.due == D(2026, 4, 30)
    assert paid.label == "履行期限：赔偿医药费1200元"
    assert performance_deadline(D(2026, 4, 30), term="").label == "履行期限"
    visit = followup_deadline(D(2026, 5, 1))
    assert (visit.kind, visit.due, visit.label) == (DeadlineKind.FOLLOWUP, D(2026, 5, 1), "回访")


# ----------------------------------------------------------- 治安调解 clocks
def test_public_security_first_session_crosses_new_year() -> None:
    # 31 Dec, Sun 4 Jan (调休), Mon 5 Jan: 1–3 Jan are the New Year holiday.
    [first] = public_security_deadlines(D(2025, 12, 30), CALENDAR)
    assert first.kind is DeadlineKind.PUBLIC_SECURITY_FIRST
    assert first.due == D(2026, 1, 5)
    assert "3个工作日" in first.basis
    assert not first.guessed


def test_public_security_clock_runs_from_the_appraisal() -> None:
    # Fri 13 Feb, Sat 14 Feb (调休), then 春节 until Tue 24 Feb.
    [first] = public_security_deadlines(D(2026, 2, 2), CALENDAR, appraisal_on=D(2026, 2, 12))
    assert first.due == D(2026, 2, 24)
    assert "鉴定" in first.basis


def test_an_appraisal_before_acceptance_leaves_the_clock_at_acceptance() -> None:
    [first] = public_security_deadlines(D(2026, 3, 2), CALENDAR, appraisal_on=D(2026, 2, 26))
    assert first.due == D(2026, 3, 5)


def test_public_security_second_session() -> None:
    first, second = public_security_deadlines(
        D(2026, 2, 9), CALENDAR, first_session_on=D(2026, 2, 13)
    )
    assert first.due == D(2026, 2, 12)
    assert second.kind is DeadlineKind.PUBLIC_SECURITY_SECOND
    # 14 Feb (调休 Saturday), 24–27 Feb, 28 Feb (调休 Saturday), Mon 2 Mar.
    assert second.due == D(2026, 3, 2)
    assert "7个工作日" in second.basis


def test_public_security_deadline_in_an_unknown_year_is_flagged() -> None:
    [first] = public_security_deadlines(D(UNKNOWN_YEAR - 1, 12, 30), CALENDAR)
    assert first.guessed
    # The station enters the new year's schedule; the same deadline becomes certain.
    station = WorkingCalendar(
        {D(UNKNOWN_YEAR - 1, 12, 31): True} | {D(UNKNOWN_YEAR, 1, d): d > 3 for d in range(1, 10)}
    )
    [first] = public_security_deadlines(D(UNKNOWN_YEAR - 1, 12, 30), station)
    assert not first.guessed
    assert first.due == D(UNKNOWN_YEAR, 1, 5)


# ----------------------------------------------------------------- countdowns
@pytest.mark.parametrize(
    ("today", "days_left", "overdue", "text"),
    [
        (D(2026, 1, 11), 3, False, "还剩3天"),
        (D(2026, 1, 13), 1, False, "还剩1天"),
        (D(2026, 1, 14), 0, False, "今天到期"),
        (D(2026, 1, 16), -2, True, "已超期2天"),
    ],
)
def test_calendar_day_countdown(today: dt.date, days_left: int, overdue: bool, text: str) -> None:
    countdown = Countdown(judicial_confirmation(D(2025, 12, 15)), today)
    assert countdown.days_left == days_left
    assert countdown.overdue is overdue
    assert countdown.text() == text
    assert countdown.working_days_left is None


def test_working_day_countdown_counts_working_days() -> None:
    [first] = public_security_deadlines(D(2026, 2, 12), CALENDAR)  # due Tue 24 Feb
    countdown = Countdown(first, D(2026, 2, 13), calendar=CALENDAR)
    assert countdown.days_left == 11
    assert countdown.working_days_left == 2  # Sat 14 Feb (调休) and Tue 24 Feb
    assert countdown.text() == "还剩2个工作日"
    assert Countdown(first, D(2026, 2, 24), calendar=CALENDAR).text() == "今天到期"
    assert Countdown(first, D(2026, 2, 26), calendar=CALENDAR).text() == "已超期2天"
    # Without a calendar the countdown falls back to calendar days.
    assert Countdown(first, D(2026, 2, 13)).text() == "还剩11天"


def test_working_day_countdown_with_no_working_day_left_shows_calendar_days() -> None:
    [first] = public_security_deadlines(D(2026, 3, 2), CALENDAR)  # due Thu 5 Mar
    # A later station override makes 3–5 March days off (say, a local emergency).
    station = WorkingCalendar({D(2026, 3, d): False for d in (3, 4, 5)})
    assert Countdown(first, D(2026, 3, 2), calendar=station).text() == "还剩3天"


def test_a_calendar_does_not_change_a_calendar_day_countdown() -> None:
    deadline = mediation_target(D(2026, 2, 1))
    assert Countdown(deadline, D(2026, 2, 28), calendar=CALENDAR).text() == "还剩3天"


@settings(max_examples=200, deadline=None)
@given(
    due=st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 12, 31)),
    today=st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 12, 31)),
)
def test_countdown_text_agrees_with_the_numbers(due: dt.date, today: dt.date) -> None:
    countdown = Countdown(performance_deadline(due, term="道歉"), today)
    assert countdown.days_left == (due - today).days
    assert countdown.overdue == (today > due)
    text = countdown.text()
    if today > due:
        assert text == f"已超期{(today - due).days}天"
    elif today == due:
        assert text == "今天到期"
    else:
        assert text == f"还剩{(due - today).days}天"


# ------------------------------------------------------------------ follow-ups
def test_followup_plan_defaults() -> None:
    assert followup_plan(D(2026, 3, 2)) == [D(2026, 3, 5), D(2026, 4, 1)]


def test_followup_plan_adds_the_day_after_each_performance_deadline_sorted_once() -> None:
    plan = followup_plan(
        D(2026, 3, 2),
        # 4 March + 1 = 5 March is also the 3-day visit; 31 March + 1 is the 30-day one.
        performance_deadlines=(D(2026, 6, 30), D(2026, 3, 4), D(2026, 3, 31), D(2026, 3, 4)),
    )
    assert plan == [D(2026, 3, 5), D(2026, 4, 1), D(2026, 7, 1)]


def test_followup_plan_crosses_new_year() -> None:
    assert followup_plan(
        D(2025, 12, 29), offsets=(3, 7, 30), performance_deadlines=(D(2025, 12, 31),)
    ) == [D(2026, 1, 1), D(2026, 1, 5), D(2026, 1, 28)]


def test_followup_plan_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        followup_plan(D(2026, 3, 2), offsets=(-1,))
    with pytest.raises(ValueError):
        followup_plan(D(2026, 3, 2), performance_deadlines=(D(2026, 3, 1),))


@settings(max_examples=200, deadline=None)
@given(
    settled=st.dates(min_value=D(2024, 1, 1), max_value=D(2030, 12, 31)),
    offsets=st.lists(st.integers(min_value=0, max_value=400), max_size=6),
    deadline_offsets=st.lists(st.integers(min_value=0, max_value=400), max_size=6),
)
def test_followup_plan_properties(
    settled: dt.date, offsets: list[int], deadline_offsets: list[int]
) -> None:
    performance = [settled + dt.timedelta(days=n) for n in deadline_offsets]
    plan = followup_plan(settled, offsets=offsets, performance_deadlines=performance)
    assert all(a < b for a, b in zip(plan, plan[1:], strict=False))  # sorted, each once
    expected = {settled + dt.timedelta(days=n) for n in offsets}
    expected |= {due + dt.timedelta(days=1) for due in performance}
    assert set(plan) == expected
    assert all(visit >= settled for visit in plan)


def test_deadline_fields() -> None:
    deadline = Deadline(
        kind=DeadlineKind.FOLLOWUP, due=D(2026, 1, 1), label="回访", basis="回访计划"
    )
    assert deadline == followup_deadline(D(2026, 1, 1))
    assert not deadline.guessed
