"""The case service on a real, Alembic-migrated SQLite file."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest

from mediation_desk.domain.errors import ValidationErrors
from mediation_desk.domain.intake import DisputeDraft, PartyDraft
from mediation_desk.domain.validation import generate_id_check_char
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeState,
    EventKind,
    PartySide,
    PartyType,
    RiskGrade,
    RosterRole,
    Source,
    Tier,
)
from mediation_desk.services.container import open_services
from mediation_desk.services.dto import CaseFilter, RosterDraft, SortKey

GOOD_ID = "11010519491231002X"  # born 1949: elderly, which lifts the tier suggestion
ADULT_ID = "51072219850612123" + generate_id_check_char("51072219850612123")


def draft(**changes) -> DisputeDraft:
    base = DisputeDraft(
        source=Source.APPLICATION,
        category=Category.NEIGHBOUR,
        parties=(
            PartyDraft(side=PartySide.APPLICANT, name="张㛃", id_number=ADULT_ID, phone="13812345678"),
            PartyDraft(side=PartySide.RESPONDENT, name="李四", phone="0826-1234567"),
        ),
        summary="楼上漏水浸坏楼下天花板",
    )
    from dataclasses import replace

    return replace(base, **changes)


def test_register_assigns_number_and_writes_one_event(services):
    case = services.cases.register(draft=draft(), by="王㛃")
    assert case.number == "（2026）潼川调字第0001号"
    assert case.row.state is DisputeState.REGISTERED
    assert case.row.tier is Tier.GRID
    assert [e.kind for e in case.events] == [EventKind.REGISTERED]
    assert case.events[0].by == "王㛃"
    applicant = case.parties[0]
    assert applicant.id_number == ADULT_ID
    assert applicant.birth_date == dt.date(1985, 6, 12)  # taken from the ID number
    assert applicant.sex.value == "male"
    assert case.parties[1].phone == "0826-1234567"
    second = services.cases.register(draft=draft(), by="王㛃")
    assert second.number == "（2026）潼川调字第0002号"


def test_elderly_party_lifts_the_suggestion_to_tier_two(services):
    elderly = PartyDraft(side=PartySide.APPLICANT, name="张㛃", id_number=GOOD_ID)
    case = services.cases.register(draft=draft(parties=(elderly, draft().parties[1])), by="x")
    assert case.row.tier is Tier.JOINT_TEAM
    assert case.parties[0].birth_date == dt.date(1949, 12, 31)
    assert "弱势" in case.events[0].reason


def test_invalid_draft_saves_nothing_and_keeps_the_number(services):
    bad = draft(
        parties=(
            PartyDraft(side=PartySide.APPLICANT, name="张三", id_number="110105194912310021"),
            PartyDraft(side=PartySide.RESPONDENT, name="李四", phone="1381234567"),
        ),
        amount="-5",
    )
    with pytest.raises(ValidationErrors) as raised:
        services.cases.register(draft=bad, by="x")
    fields = raised.value.as_dict()
    assert "applicant.0.id_number" in fields
    assert "respondent.0.phone" in fields
    assert "amount" in fields
    assert services.cases.count() == 0
    case = services.cases.register(draft=draft(), by="x")
    assert case.number.endswith("第0001号")


def test_database_failure_mid_save_leaves_no_gap(services, monkeypatch):
    from mediation_desk.services import cases as cases_module

    original = cases_module.parties_display

    def explode(parties):
        raise RuntimeError("power cut")

    monkeypatch.setattr(cases_module, "parties_display", explode)
    with pytest.raises(RuntimeError):
        services.cases.register(draft=draft(), by="x")
    monkeypatch.setattr(cases_module, "parties_display", original)
    assert services.cases.count() == 0
    assert services.cases.register(draft=draft(), by="x").number.endswith("第0001号")


def test_missing_sides_and_summary_are_reported_by_field(services):
    with pytest.raises(ValidationErrors) as raised:
        services.cases.register(draft=DisputeDraft(), by="x")
    fields = raised.value.as_dict()
    assert {"source", "category", "applicant", "respondent", "summary"} <= set(fields)


def test_tier_suggestion_and_override_needs_reason(services):
    big = draft(amount="150000")
    assert services.cases.suggest_tier(big).tier is Tier.MEDIATION_ROOM
    with pytest.raises(ValidationErrors) as raised:
        services.cases.register(draft=draft(tier=2), by="x")
    assert "tier_reason" in raised.value.as_dict()
    case = services.cases.register(draft=draft(tier=2, tier_reason="涉及三户"), by="x")
    assert case.row.tier is Tier.JOINT_TEAM and case.suggested_tier is Tier.GRID
    assert "涉及三户" in case.events[0].reason


def test_thresholds_are_station_settings(services):
    from dataclasses import replace

    settings = services.settings.load()
    services.settings.save(replace(settings, tier2_amount=Decimal("5000")))
    assert services.cases.suggest_tier(draft(amount="6000")).tier is Tier.JOINT_TEAM


def test_case_number_uses_the_station_short_name(services):
    from dataclasses import replace

    services.settings.save(replace(services.settings.load(), station_short_name="北坝"))
    assert services.cases.register(draft=draft(), by="x").number == "（2026）北坝调字第0001号"


def test_organisation_party_and_credit_code(services):
    org = PartyDraft(
        side=PartySide.RESPONDENT,
        party_type=PartyType.ORGANISATION,
        name="某建筑劳务有限公司",
        credit_code="91350100M000100Y4X",
    )
    with pytest.raises(ValidationErrors) as raised:
        services.cases.register(draft=draft(parties=(draft().parties[0], org)), by="x")
    assert "respondent.0.credit_code" in raised.value.as_dict()


def _seed(services) -> None:
    rows = [
        ("张三", "13800000001", Category.NEIGHBOUR, RiskGrade.BLUE, None),
        ("李喆", "13800000002", Category.LABOUR, RiskGrade.ORANGE, "20000"),
        ("王堃", "13800000003", Category.TRAFFIC, RiskGrade.RED, None),
        ("赵四", "13800000004", Category.NEIGHBOUR, RiskGrade.YELLOW, None),
    ]
    for name, phone, category, risk, amount in rows:
        services.cases.register(
            draft=draft(
                category=category,
                risk=risk,
                amount=amount,
                parties=(
                    PartyDraft(side=PartySide.APPLICANT, name=name, phone=phone),
                    PartyDraft(side=PartySide.RESPONDENT, name="某某"),
                ),
            ),
            by="x",
        )


def test_search_by_name_number_phone_and_short_terms(services):
    _seed(services)
    cases = services.cases

    def numbers(text: str) -> list[str]:
        ids = cases.list_ids(filters=CaseFilter(search=text), sort=SortKey.NUMBER, descending=False)
        return [row.parties.split(" ")[0] for row in cases.rows(ids)]

    assert numbers("李喆") == ["李喆"]  # 2 characters: the scan path
    assert numbers("喆") == ["李喆"]  # 1 character
    assert numbers("13800000003") == ["王堃"]  # trigram path
    assert numbers("0003") == ["王堃"]  # phone tail and case-number tail both 0003
    assert numbers("第0002号") == ["李喆"]
    assert numbers("某某 王") == ["王堃"]  # terms are ANDed
    assert numbers("nothing-like-this") == []


def test_filters_and_sorting_happen_in_sql(services):
    _seed(services)
    cases = services.cases
    assert cases.count(CaseFilter(categories=frozenset({Category.NEIGHBOUR}))) == 2
    assert cases.count(CaseFilter(tiers=frozenset({Tier.MEDIATION_ROOM}))) == 1  # red risk
    assert cases.count(CaseFilter(tiers=frozenset({Tier.JOINT_TEAM}))) == 1  # orange, ¥20,000
    assert cases.count(CaseFilter(risks=frozenset({RiskGrade.RED, RiskGrade.ORANGE}))) == 2
    assert cases.count(CaseFilter(states=frozenset({DisputeState.CLOSED}))) == 0
    today = dt.date(2026, 11, 20)
    assert cases.count(CaseFilter(date_from=today, date_to=today)) == 4
    assert cases.count(CaseFilter(date_to=today - dt.timedelta(days=1))) == 0
    ids = cases.list_ids(sort=SortKey.NUMBER, descending=True)
    assert [r.number[-6:] for r in cases.rows(ids)] == ["第0004号", "第0003号", "第0002号", "第0001号"]
    assert cases.list_ids(sort=SortKey.NUMBER, descending=True, limit=2) == ids[:2]
    for key in SortKey:
        assert sorted(cases.list_ids(sort=key)) == sorted(ids)


def test_list_rows_never_carry_id_numbers_or_phones(services):
    _seed(services)
    rows = services.cases.rows(services.cases.list_ids())
    text = repr(rows)
    assert "1380000000" not in text


def test_find_by_number_and_short_forms(services):
    _seed(services)
    assert services.cases.find_by_number("（2026）潼川调字第0003号").row.parties.startswith("王堃")
    assert services.cases.find_by_number("2026-3").row.parties.startswith("王堃")
    from mediation_desk.domain.errors import NotFound

    with pytest.raises(NotFound):
        services.cases.find_by_number("（2026）潼川调字第9999号")


def test_roster_validation_and_deactivation(services):
    with pytest.raises(ValidationErrors):
        services.roster.add(RosterDraft(name="", role=RosterRole.MEDIATOR))
    with pytest.raises(ValidationErrors):
        services.roster.add(RosterDraft(name="王五", role=RosterRole.MEDIATOR, phone="12345"))
    member = services.roster.add(RosterDraft(name="王五", role=RosterRole.MEDIATOR, phone="13912345678"))
    assert services.roster.list(active_only=True) == [member]
    services.roster.set_active(member.id, False)
    assert services.roster.list(active_only=True) == []
    case = services.cases.register(draft=draft(), by="x")
    with pytest.raises(ValidationErrors) as raised:
        services.cases.register(draft=draft(mediator_id=member.id), by="x")
    assert "mediator_id" in raised.value.as_dict()
    assert case.number.endswith("0001号")


def test_two_workstations_registering_at_once_get_distinct_numbers(tmp_path, clock):
    path = tmp_path / "shared.sqlite"
    first = open_services(path, clock=clock)
    second = open_services(path, clock=clock)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def work(services) -> None:
        try:
            for _ in range(10):
                numbers.append(services.cases.register(draft=draft(), by="x").number)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(s,)) for s in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(numbers) == [f"（2026）潼川调字第{i:04d}号" for i in range(1, 21)]
    first.close()
    second.close()


def test_a_locked_database_is_a_storage_error_and_nothing_is_half_saved(tmp_path, clock):
    import sqlite3

    from mediation_desk.domain.errors import StorageError

    path = tmp_path / "locked.sqlite"
    services = open_services(path, clock=clock, busy_timeout_ms=200)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another workstation holds the write lock
    with pytest.raises(StorageError) as raised:
        services.cases.register(draft=draft(), by="x")
    assert raised.value.kind == "locked" and "稍候" in raised.value.message
    other.execute("ROLLBACK")
    other.close()
    assert services.cases.count() == 0
    assert services.cases.register(draft=draft(), by="x").number.endswith("第0001号")
    services.close()
