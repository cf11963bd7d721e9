"""A new dispute as the mediator types it, and the rules it must meet before it is saved.

`validate_dispute` checks everything at once and returns a cleaned copy, or raises
`ValidationErrors` whose field keys name the form field each message belongs next to:
top-level keys are the `DisputeDraft` attribute names ("amount", "summary"), party keys
are "applicant.0.id_number", "respondent.1.phone" and so on.  Nothing is saved until the
whole draft is valid, so a half-saved record cannot happen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from mediation_desk.domain import validation as v
from mediation_desk.domain.errors import ValidationError, ValidationErrors
from mediation_desk.domain.tiering import IntakeFacts
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeKind,
    PartySide,
    PartyType,
    RiskGrade,
    Sex,
    Source,
)

ELDERLY_AGE = 60  # 《老年人权益保障法》: 60 and over
ADULT_AGE = 18
GUARDIAN_REQUIRED_UNDER = 16  # 治安调解: a party under 16 needs a guardian present


@dataclass(frozen=True)
class PartyDraft:
    side: PartySide
    party_type: PartyType = PartyType.PERSON
    name: str = ""
    sex: Sex | None = None
    ethnicity: str = "汉族"
    birth_date: dt.date | None = None
    id_number: str = ""
    phone: str = ""
    address: str = ""
    occupation: str = ""
    vulnerable: bool = False
    credit_code: str = ""
    legal_representative: str = ""
    agent_name: str = ""
    agent_phone: str = ""
    agent_id_number: str = ""
    guardian_name: str = ""
    guardian_relation: str = ""
    guardian_phone: str = ""
    guardian_id_number: str = ""


@dataclass(frozen=True)
class DisputeDraft:
    source: Source | None = None
    category: Category | None = None
    kind: DisputeKind = DisputeKind.PEOPLES
    risk: RiskGrade = RiskGrade.BLUE
    parties: tuple[PartyDraft, ...] = ()
    occurred_on: dt.date | None = None
    place: str = ""
    summary: str = ""
    applicant_claims: str = ""
    respondent_claims: str = ""
    amount: str | Decimal | None = None
    people_involved: int = 2
    grid: str = ""
    community_officer: str = ""
    mediator_id: int | None = None
    grid_worker_id: int | None = None
    # Tier rule flags (DOMAIN §2); see domain.tiering.IntakeFacts.
    ownership_dispute: bool = False
    group_petition: bool = False
    group_fight_or_violence: bool = False
    threat_of_harm: bool = False
    abnormal_death: bool = False
    unpaid_workers: int = 0
    recurrence: bool = False
    largest_side: int = 0  # 0: count the parties on the larger side
    # The tier the mediator chose; None takes the suggestion.  A different tier needs
    # `tier_reason`.
    tier: int | None = None
    tier_reason: str = ""

    def side(self, side: PartySide) -> tuple[PartyDraft, ...]:
        return tuple(p for p in self.parties if p.side is side)

    def party_prefixes(self) -> list[str]:
        """"applicant.0", "respondent.1", ... in the order of `parties`."""
        counts: dict[PartySide, int] = {}
        prefixes = []
        for party in self.parties:
            index = counts.get(party.side, 0)
            counts[party.side] = index + 1
            prefixes.append(f"{party.side.value}.{index}")
        return prefixes

    def flags(self) -> dict[str, object]:
        return {
            "ownership_dispute": self.ownership_dispute,
            "group_petition": self.group_petition,
            "group_fight_or_violence": self.group_fight_or_violence,
            "threat_of_harm": self.threat_of_harm,
            "abnormal_death": self.abnormal_death,
            "unpaid_workers": self.unpaid_workers,
            "recurrence": self.recurrence,
            "largest_side": self.largest_side,
        }


def age_of(party: PartyDraft, on: dt.date) -> int | None:
    if party.birth_date is None:
        return None
    return v.age_on(party.birth_date, on)


def intake_facts(draft: DisputeDraft, today: dt.date) -> IntakeFacts:
    """The facts the tier rules read, from a (cleaned) draft."""
    sides = [len(draft.side(PartySide.APPLICANT)), len(draft.side(PartySide.RESPONDENT))]
    vulnerable = any(
        p.vulnerable
        or (
            (age := age_of(p, today)) is not None
            and (age < ADULT_AGE or age >= ELDERLY_AGE)
        )
        for p in draft.parties
        if p.party_type is PartyType.PERSON
    )
    amount = draft.amount if isinstance(draft.amount, Decimal) else None
    return IntakeFacts(
        category=draft.category or Category.OTHER,
        risk=draft.risk,
        party_count=len(draft.parties),
        largest_side=max([draft.largest_side, *sides]),
        amount=amount,
        ownership_dispute=draft.ownership_dispute,
        group_petition=draft.group_petition,
        group_fight_or_violence=draft.group_fight_or_violence,
        threat_of_harm=draft.threat_of_harm,
        abnormal_death=draft.abnormal_death,
        unpaid_workers=draft.unpaid_workers,
        recurrence=draft.recurrence,
        vulnerable_party=vulnerable,
    )


class _Collector:
    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def run(self, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return func(*args, **kwargs)
        except ValidationError as error:
            self.errors.append(error)
            return None

    def add(self, field_name: str, message: str) -> None:
        self.errors.append(ValidationError(field_name, message))


def _text(value: str) -> str:
    return " ".join(value.split()) if value else ""


def _clean_person(
    c: _Collector, draft: DisputeDraft, p: PartyDraft, prefix: str, today: dt.date
) -> PartyDraft:
    key = lambda name: f"{prefix}.{name}"  # noqa: E731
    name = c.run(v.validate_name, p.name, field=key("name")) or p.name.strip()
    id_number = ""
    birth, sex = p.birth_date, p.sex
    if p.id_number.strip():
        id_number = c.run(v.validate_id_number, p.id_number, field=key("id_number"), today=today)
        if id_number:
            id_birth = v.birth_date_from_id(id_number)
            id_sex = Sex(v.sex_from_id(id_number))
            if birth is not None and birth != id_birth:
                c.add(key("birth_date"), f"出生日期与身份证号不一致（身份证为 {id_birth:%Y-%m-%d}）")
            if sex is not None and sex is not id_sex:
                c.add(key("sex"), f"性别与身份证号不一致（身份证为{id_sex.label}）")
            birth, sex = id_birth, id_sex
        id_number = id_number or p.id_number
    elif birth is not None:
        c.run(v.validate_past_date, birth, field=key("birth_date"), today=today)
    phone = p.phone
    if p.phone.strip():
        phone = c.run(v.validate_phone, p.phone, field=key("phone")) or p.phone
    age = v.age_on(birth, today) if birth else None
    if (
        draft.kind is DisputeKind.PUBLIC_SECURITY
        and age is not None
        and age < GUARDIAN_REQUIRED_UNDER
        and not p.guardian_name.strip()
    ):
        c.add(key("guardian_name"), "治安调解中未满16周岁的当事人须有监护人到场，请填写监护人")
    return replace(
        p,
        name=name,
        id_number=id_number,
        birth_date=birth,
        sex=sex,
        phone=phone,
        ethnicity=_text(p.ethnicity),
        address=_text(p.address),
        occupation=_text(p.occupation),
        credit_code="",
        legal_representative="",
    )


def _clean_organisation(c: _Collector, p: PartyDraft, prefix: str) -> PartyDraft:
    key = lambda name: f"{prefix}.{name}"  # noqa: E731
    name = _text(p.name)
    if not name:
        c.add(key("name"), "请填写单位名称")
    code = p.credit_code
    if p.credit_code.strip():
        code = c.run(v.validate_uscc, p.credit_code, field=key("credit_code")) or p.credit_code
    phone = p.phone
    if p.phone.strip():
        phone = c.run(v.validate_phone, p.phone, field=key("phone")) or p.phone
    return replace(
        p,
        name=name,
        credit_code=code,
        phone=phone,
        legal_representative=_text(p.legal_representative),
        address=_text(p.address),
        sex=None,
        birth_date=None,
        id_number="",
        ethnicity="",
        guardian_name="",
        guardian_relation="",
        guardian_phone="",
        guardian_id_number="",
    )


def _clean_helpers(c: _Collector, p: PartyDraft, prefix: str, today: dt.date) -> PartyDraft:
    key = lambda name: f"{prefix}.{name}"  # noqa: E731
    changes: dict[str, str] = {}
    for who in ("agent", "guardian"):
        name = _text(getattr(p, f"{who}_name"))
        phone = getattr(p, f"{who}_phone").strip()
        id_number = getattr(p, f"{who}_id_number").strip()
        if (phone or id_number) and not name:
            c.add(key(f"{who}_name"), "填写了联系方式或证件号，请同时填写姓名")
        if name:
            c.run(v.validate_name, name, field=key(f"{who}_name"))
        if phone:
            phone = c.run(v.validate_phone, phone, field=key(f"{who}_phone")) or phone
        if id_number:
            id_number = (
                c.run(v.validate_id_number, id_number, field=key(f"{who}_id_number"), today=today)
                or id_number
            )
        changes.update({f"{who}_name": name, f"{who}_phone": phone, f"{who}_id_number": id_number})
    return replace(p, **changes)


def validate_dispute(draft: DisputeDraft, *, today: dt.date) -> DisputeDraft:
    """Check a whole draft; return it cleaned (normalised numbers, amounts as Decimal)."""
    c = _Collector()
    if draft.source is None:
        c.add("source", "请选择纠纷来源")
    if draft.category is None:
        c.add("category", "请选择纠纷类别")
    if not draft.side(PartySide.APPLICANT):
        c.add("applicant", "请至少填写一名申请人")
    if not draft.side(PartySide.RESPONDENT):
        c.add("respondent", "请至少填写一名被申请人")
    parties = []
    prefixes = draft.party_prefixes()
    for p, prefix in zip(draft.parties, prefixes, strict=True):
        if p.party_type is PartyType.PERSON:
            cleaned = _clean_person(c, draft, p, prefix, today)
        else:
            cleaned = _clean_organisation(c, p, prefix)
        parties.append(_clean_helpers(c, cleaned, prefix, today))
    seen: dict[str, str] = {}
    for p, prefix in zip(parties, prefixes, strict=True):
        if p.id_number and p.id_number in seen:
            c.add(f"{prefix}.id_number", f"与{seen[p.id_number]}的身份证号相同")
        elif p.id_number:
            seen[p.id_number] = p.name
    occurred = draft.occurred_on
    if occurred is not None:
        c.run(v.validate_past_date, occurred, field="occurred_on", today=today)
    amount = c.run(v.parse_amount, draft.amount, field="amount")
    people = c.run(v.validate_people_count, draft.people_involved, field="people_involved")
    if not _text(draft.summary):
        c.add("summary", "请填写纠纷简要情况")
    if draft.unpaid_workers < 0:
        c.add("unpaid_workers", "欠薪人数不能为负数")
    if draft.tier is not None and draft.tier not in (1, 2, 3):
        c.add("tier", "调解层级只能是一级、二级或三级")
    if c.errors:
        raise ValidationErrors(c.errors)
    return replace(
        draft,
        parties=tuple(parties),
        amount=amount,
        people_involved=people if people is not None else draft.people_involved,
        place=_text(draft.place),
        summary=draft.summary.strip(),
        applicant_claims=draft.applicant_claims.strip(),
        respondent_claims=draft.respondent_claims.strip(),
        grid=_text(draft.grid),
        community_officer=_text(draft.community_officer),
        tier_reason=draft.tier_reason.strip(),
    )
