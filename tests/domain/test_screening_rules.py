"""The screening log's rules and the intake draft a line becomes (no Qt, no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mediation_desk.domain.errors import ValidationErrors
from mediation_desk.domain.screening import (
    ScreeningDraft,
    dispute_prefill,
    household_person,
    validate_screening,
)
from mediation_desk.domain.vocabulary import Category, PartySide, RiskGrade, Source

TODAY = dt.date(2026, 11, 20)

GOOD = ScreeningDraft(
    found_on=dt.date(2026, 11, 3),
    grid="城南社区第三网格",
    grid_worker_id=7,
    household=" 张三家 ",
    address="城南街12号",
    phone="138 1234 5678",
    conflict="  与邻居因排水沟堵塞多次争吵  ",
    category=Category.NEIGHBOUR,
    risk=RiskGrade.YELLOW,
    action="当场劝解，约定周末共同清理",
)


def errors_of(draft: ScreeningDraft) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as raised:
        validate_screening(draft, today=TODAY)
    return raised.value.as_dict()


def test_a_good_line_is_returned_cleaned():
    cleaned = validate_screening(GOOD, today=TODAY)
    assert cleaned.household == "张三家"
    assert cleaned.phone == "13812345678"
    assert cleaned.conflict == "与邻居因排水沟堵塞多次争吵"
    assert cleaned.handed_to == ""  # yellow, handled on the spot: nobody to name


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"found_on": None}, "found_on", "请填写排查日期"),
        ({"found_on": dt.date(2026, 11, 21)}, "found_on", "日期不能晚于今天"),
        ({"grid": "  "}, "grid", "请填写网格"),
        ({"grid_worker_id": None, "grid_worker": ""}, "grid_worker", "请选择排查的网格员"),
        ({"household": ""}, "household", "请填写被排查的住户（户主姓名或门牌）"),
        ({"conflict": " \n "}, "conflict", "请填写发现的矛盾纠纷隐患"),
        ({"risk": None}, "risk", "请选择风险等级"),
        ({"phone": "1381234567"}, "phone", "手机号应为11位，当前为10位"),
        ({"risk": RiskGrade.RED}, "handed_to",
         "红色风险的隐患须写明移交给谁（如派出所调解室、司法所）"),
        ({"risk": RiskGrade.ORANGE}, "handed_to",
         "橙色风险的隐患须写明移交给谁（如派出所调解室、司法所）"),
        ({"action": "已移交社区调委会"}, "handed_to", "处置措施写了移交，请填写移交给谁"),
        ({"grid": "网" * 101}, "grid", "不能超过100个字，请精简"),
    ],
)
def test_each_rule_reports_next_to_its_field(changes, field, message):
    assert errors_of(replace(GOOD, **changes)) == {field: message}


def test_every_problem_is_reported_at_once():
    problems = errors_of(ScreeningDraft(phone="abc"))
    assert set(problems) == {"found_on", "grid", "grid_worker", "household", "phone",
                             "conflict", "risk"}


def test_a_name_as_written_is_enough_without_a_roster_entry():
    cleaned = validate_screening(replace(GOOD, grid_worker_id=None, grid_worker="王芳"),
                                 today=TODAY)
    assert cleaned.grid_worker == "王芳"


def test_red_line_with_a_receiver_and_landline_is_accepted():
    cleaned = validate_screening(
        replace(GOOD, risk=RiskGrade.RED, handed_to="派出所调解室", phone="0826-1234567"),
        today=TODAY)
    assert cleaned.handed_to == "派出所调解室"
    assert cleaned.phone == "0826-1234567"


@pytest.mark.parametrize(
    ("household", "person"),
    [("张三", "张三"), ("张三家", "张三"), ("欧阳小明户", "欧阳小明"),
     ("阿依古丽•买买提", "阿依古丽·买买提"), ("3栋2单元住户", ""), ("城南街12号", ""),
     ("某某水果批发市场经营户", ""), ("王", ""), ("", "")],
)
def test_household_is_a_person_only_when_written_as_a_name(household, person):
    assert household_person(household) == person


def test_prefill_carries_what_the_line_knows_and_nothing_else():
    draft = dispute_prefill(replace(validate_screening(GOOD, today=TODAY),
                                    handed_to="社区民警李明"))
    assert draft.source is Source.GRID_SCREENING
    assert draft.category is Category.NEIGHBOUR
    assert draft.risk is RiskGrade.YELLOW
    assert draft.grid == "城南社区第三网格"
    assert draft.grid_worker_id == 7
    assert draft.summary == ("与邻居因排水沟堵塞多次争吵\n网格员处置措施：当场劝解，约定周末共同清理"
                             "\n已移交：社区民警李明")
    assert len(draft.parties) == 1
    applicant = draft.parties[0]
    assert applicant.side is PartySide.APPLICANT
    assert (applicant.name, applicant.phone, applicant.address) == (
        "张三", "13812345678", "城南街12号")
    assert draft.side(PartySide.RESPONDENT) == ()


def test_prefill_leaves_the_name_empty_for_a_door_number_and_category_open():
    draft = dispute_prefill(replace(GOOD, household="3栋2单元", category=None, action=""))
    assert draft.parties[0].name == ""
    assert draft.category is None
    assert draft.summary == "  与邻居因排水沟堵塞多次争吵  ".strip()
