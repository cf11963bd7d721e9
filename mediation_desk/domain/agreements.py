"""Mediation agreements (DOMAIN §6): what a printable agreement must hold.

A written agreement (人民调解协议书, art. 29 of the People's Mediation Law) names every
party of the case, states the facts, the issues and each side's responsibility, and lists
one or more terms, each with who performs, what, the way and the deadline of performance.
An oral agreement (口头协议, art. 28) records the parties and the content.  `validate_agreement`
refuses an agreement that cannot be printed and says which part is missing, keyed by the
editor's field names (``terms.2.deadline``) so the message lands next to the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from mediation_desk.domain.errors import ValidationError, ValidationErrors
from mediation_desk.domain.escalation import SettlementKind
from mediation_desk.domain.vocabulary import DisputeKind, LabelledEnum

# The kind of agreement is the settlement kind the settle move records.
AgreementKind = SettlementKind


class AgreementStatus(LabelledEnum):
    DRAFT = ("draft", "草稿")
    SIGNED = ("signed", "已签字生效")
    SUPERSEDED = ("superseded", "已被更正版本取代")


class PerformanceWay(LabelledEnum):
    """How a term is performed.  Only a term performed on the spot needs no deadline."""

    PAY_ONCE = ("pay_once", "一次性支付")
    INSTALMENTS = ("instalments", "分期支付")
    ACT = ("act", "履行行为")
    APOLOGY = ("apology", "赔礼道歉")
    ON_THE_SPOT = ("on_the_spot", "当场履行完毕")

    @property
    def needs_deadline(self) -> bool:
        return self is not PerformanceWay.ON_THE_SPOT

    @property
    def involves_money(self) -> bool:
        return self in (PerformanceWay.PAY_ONCE, PerformanceWay.INSTALMENTS)


# The clause art. 33 requires to be printed on every written agreement.
JUDICIAL_CONFIRMATION_CLAUSE = (
    "本协议经各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章后生效，"
    "具有法律约束力，当事人应当按照约定履行。当事人认为有必要的，可以自本协议生效之日起"
    "三十日内共同向人民法院申请司法确认。"
)


def copies_for(parties: int, kind: DisputeKind) -> int:
    """How many originals to print: one per party and one for the file (DOMAIN §6);
    a 治安调解协议书 has three."""
    if kind is DisputeKind.PUBLIC_SECURITY:
        return 3
    return max(parties, 1) + 1


@dataclass(frozen=True)
class TermDraft:
    """One agreed term.  `obligor_party_id` None means all parties together (双方)."""

    content: str
    way: PerformanceWay = PerformanceWay.PAY_ONCE
    obligor_party_id: int | None = None
    amount: Decimal | None = None
    deadline: dt.date | None = None
    place: str = ""


@dataclass(frozen=True)
class AgreementDraft:
    kind: AgreementKind = AgreementKind.WRITTEN
    # The case parties this agreement names; every party of the case must be there.
    party_ids: tuple[int, ...] = ()
    facts: str = ""
    issues: str = ""
    responsibility: str = ""
    terms: tuple[TermDraft, ...] = ()
    # Oral agreements only: what was agreed, as the mediator recorded it.
    oral_content: str = ""
    place: str = ""


@dataclass(frozen=True)
class CaseParty:
    """What the check needs to know of a case party."""

    id: int
    name: str


def validate_agreement(
    draft: AgreementDraft,
    *,
    case_parties: Sequence[CaseParty],
    today: dt.date,
) -> AgreementDraft:
    """Return the draft trimmed, or raise `ValidationErrors` naming each missing part."""
    errors: list[ValidationError] = []
    chosen = set(draft.party_ids)
    known = {p.id for p in case_parties}
    missing = [p.name for p in case_parties if p.id not in chosen]
    if missing:
        errors.append(
            ValidationError("parties", f"当事人{'、'.join(missing)}未列入协议，协议须列明全部当事人")
        )
    if chosen - known:
        errors.append(ValidationError("parties", "协议列入了不属于本案的当事人，请重新选择"))
    if len(case_parties) < 2:
        errors.append(ValidationError("parties", "协议至少须有双方当事人"))

    if draft.kind is AgreementKind.ORAL:
        if not draft.oral_content.strip():
            errors.append(ValidationError("oral_content", "请记录口头协议的内容"))
        if errors:
            raise ValidationErrors(errors)
        return AgreementDraft(
            kind=draft.kind,
            party_ids=tuple(p.id for p in case_parties),
            facts=draft.facts.strip(),
            oral_content=draft.oral_content.strip(),
            place=draft.place.strip(),
        )

    if not draft.facts.strip():
        errors.append(ValidationError("facts", "请写明纠纷的主要事实"))
    if not draft.issues.strip():
        errors.append(ValidationError("issues", "请写明争议事项"))
    if not draft.responsibility.strip():
        errors.append(ValidationError("responsibility", "请写明各方责任"))
    if not draft.terms:
        errors.append(ValidationError("terms", "协议没有约定事项，请至少添加一项"))
    cleaned: list[TermDraft] = []
    for n, term in enumerate(draft.terms, start=1):
        key = f"terms.{n}"
        if not term.content.strip():
            errors.append(ValidationError(f"{key}.content", f"第{n}项约定事项未写明履行内容"))
        if term.way.needs_deadline and term.deadline is None:
            errors.append(
                ValidationError(f"{key}.deadline", f"第{n}项约定事项未填写履行期限")
            )
        if term.deadline is not None and term.deadline < today:
            errors.append(
                ValidationError(f"{key}.deadline", f"第{n}项的履行期限早于今天，请核对")
            )
        if term.way.involves_money and (term.amount is None or term.amount <= 0):
            errors.append(ValidationError(f"{key}.amount", f"第{n}项为支付款项，请填写金额"))
        if term.amount is not None and term.amount < 0:
            errors.append(ValidationError(f"{key}.amount", f"第{n}项的金额不能为负数"))
        if term.obligor_party_id is not None and term.obligor_party_id not in known:
            errors.append(ValidationError(f"{key}.obligor", f"第{n}项的履行人不是本案当事人"))
        cleaned.append(
            TermDraft(
                content=term.content.strip(),
                way=term.way,
                obligor_party_id=term.obligor_party_id,
                amount=term.amount,
                deadline=term.deadline if term.way.needs_deadline else (term.deadline or today),
                place=term.place.strip(),
            )
        )
    if errors:
        raise ValidationErrors(errors)
    return AgreementDraft(
        kind=draft.kind,
        party_ids=tuple(p.id for p in case_parties),
        facts=draft.facts.strip(),
        issues=draft.issues.strip(),
        responsibility=draft.responsibility.strip(),
        terms=tuple(cleaned),
        place=draft.place.strip(),
    )


def agreement_problems(
    draft: AgreementDraft | None, *, case_parties: Sequence[CaseParty], today: dt.date
) -> tuple[str, ...]:
    """The reasons an agreement cannot be signed, as sentences; empty when it can."""
    if draft is None:
        return ("尚未填写调解协议",)
    try:
        validate_agreement(draft, case_parties=case_parties, today=today)
    except ValidationErrors as errors:
        return tuple(e.message for e in errors)
    return ()
