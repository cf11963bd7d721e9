"""Whole-draft intake validation: every problem reported at once, by field key."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from mediation_desk.domain.errors import ValidationErrors
from mediation_desk.domain.intake import DisputeDraft, PartyDraft, intake_facts, validate_dispute
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeKind,
    PartySide,
    PartyType,
    Sex,
    Source,
)

TODAY = dt.date(2026, 11, 20)
GOOD_ID = "11010519491231002X"


def good(**changes) -> DisputeDraft:
    base = DisputeDraft(
        source=Source.POLICE_INCIDENT,
        category=Category.DAMAGES,
        parties=(
            PartyDraft(side=PartySide.APPLICANT, name="  赵㛃 ", id_number=GOOD_ID.lower()),
            PartyDraft(side=PartySide.RESPONDENT, name="钱堃", phone="+86 138-1234-5678"),
        ),
        summary="口角后推搡",
        amount="1,200.5",
    )
    return replace(base, **changes)


def errors_of(draft: DisputeDraft) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as raised:
        validate_dispute(draft, today=TODAY)
    return raised.value.as_dict()


def test_valid_draft_is_cleaned():
    cleaned = validate_dispute(good(), today=TODAY)
    applicant, respondent = cleaned.parties
    assert applicant.name == "赵㛃"
    assert applicant.id_number == GOOD_ID
    assert applicant.birth_date == dt.date(1949, 12, 31)
    assert applicant.sex is Sex.FEMALE
    assert respondent.phone == "13812345678"
    assert cleaned.amount == Decimal("1200.50")


def test_all_problems_are_reported_together_with_field_keys():
    draft = good(
        parties=(
            PartyDraft(side=PartySide.APPLICANT, name="", id_number="110105194912310021"),
            PartyDraft(side=PartySide.APPLICANT, name="孙三", phone="1381234"),
            PartyDraft(side=PartySide.RESPONDENT, name="李四", birth_date=dt.date(2030, 1, 1)),
        ),
        occurred_on=TODAY + dt.timedelta(days=1),
        amount="12.345",
        summary=" ",
    )
    fields = errors_of(draft)
    assert set(fields) >= {
        "applicant.0.name",
        "applicant.0.id_number",
        "applicant.1.phone",
        "respondent.0.birth_date",
        "occurred_on",
        "amount",
        "summary",
    }
    assert "校验" in fields["applicant.0.id_number"]


def test_birth_date_and_sex_must_agree_with_the_id_number():
    party = PartyDraft(
        side=PartySide.APPLICANT, name="赵六", id_number=GOOD_ID,
        birth_date=dt.date(1950, 1, 1), sex=Sex.MALE,
    )
    fields = errors_of(good(parties=(party, good().parties[1])))
    assert "1949-12-31" in fields["applicant.0.birth_date"]
    assert "applicant.0.sex" in fields


def test_duplicate_id_numbers_are_refused():
    a = PartyDraft(side=PartySide.APPLICANT, name="甲", id_number=GOOD_ID)
    b = PartyDraft(side=PartySide.RESPONDENT, name="乙", id_number=GOOD_ID)
    assert "respondent.0.id_number" in errors_of(good(parties=(a, b)))


def test_public_security_minor_under_16_needs_a_guardian():
    minor = PartyDraft(side=PartySide.APPLICANT, name="小明", birth_date=dt.date(2012, 5, 1))
    draft = good(kind=DisputeKind.PUBLIC_SECURITY, parties=(minor, good().parties[1]))
    assert "applicant.0.guardian_name" in errors_of(draft)
    with_guardian = replace(minor, guardian_name="王父", guardian_relation="父亲")
    validate_dispute(replace(draft, parties=(with_guardian, good().parties[1])), today=TODAY)
    # The same minor in an ordinary people's mediation is not refused.
    validate_dispute(good(parties=(minor, good().parties[1])), today=TODAY)


def test_organisation_keeps_only_organisation_fields():
    org = PartyDraft(
        side=PartySide.RESPONDENT, party_type=PartyType.ORGANISATION, name=" 某物业公司 ",
        legal_representative="周七", id_number="whatever", sex=Sex.MALE,
    )
    cleaned = validate_dispute(good(parties=(good().parties[0], org)), today=TODAY)
    assert cleaned.parties[1].name == "某物业公司"
    assert cleaned.parties[1].id_number == "" and cleaned.parties[1].sex is None


def test_agent_contact_without_a_name_is_refused():
    party = replace(good().parties[0], agent_phone="13912345678")
    assert "applicant.0.agent_name" in errors_of(good(parties=(party, good().parties[1])))


def test_facts_for_the_tier_rules():
    elderly = PartyDraft(side=PartySide.APPLICANT, name="老张", birth_date=dt.date(1950, 1, 1))
    cleaned = validate_dispute(good(parties=(elderly, good().parties[1])), today=TODAY)
    facts = intake_facts(cleaned, TODAY)
    assert facts.vulnerable_party and facts.party_count == 2 and facts.largest_side == 1
    assert facts.amount == Decimal("1200.50")
