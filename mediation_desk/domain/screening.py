"""The grid screening log (矛盾纠纷隐患排查登记, DOMAIN §10): one line per hidden conflict a
grid worker found on a household visit, the rules a line must meet, and the intake draft
a line becomes when it is taken in as a dispute.

`validate_screening` checks a whole draft and returns it cleaned, or raises
`ValidationErrors` keyed by the `ScreeningDraft` attribute each message belongs next to
(the grid worker's key is "grid_worker", whether picked from the roster or kept as
written).

Who it was handed to (`handed_to`) is required when
- the risk grade is red or orange: a serious or escalating conflict is never left with the
  grid worker alone, the log must say who took it over; or
- the action says it was handed over (移交, 转交, 交由, 上报, 报告): the log must then say
  to whom.
Otherwise it may stay empty (the grid worker dealt with it on the spot).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from mediation_desk.domain import validation as v
from mediation_desk.domain.errors import ValidationError, ValidationErrors
from mediation_desk.domain.intake import DisputeDraft, PartyDraft
from mediation_desk.domain.vocabulary import Category, PartySide, RiskGrade, Source

# Column widths of `screening_entry` (persistence.models.ScreeningEntry).
MAX_LENGTHS = {"grid": 100, "grid_worker": 100, "household": 200, "address": 200,
               "handed_to": 200}
HANDOVER_WORDS = ("移交", "转交", "交由", "上报", "报告")
HANDOVER_RISKS = frozenset({RiskGrade.RED, RiskGrade.ORANGE})

# A household written as its head's name, optionally followed by 家 or 户 ("张三家"):
# two to four Han characters, or a name with the middle dot ("阿依古丽·买买提").
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
_PERSON_NAME = re.compile(rf"^(?:[{_HAN}]{{2,4}}|[{_HAN}]+(?:·[{_HAN}]+)+)$")


@dataclass(frozen=True)
class ScreeningDraft:
    """One line of the log as typed."""

    found_on: dt.date | None = None
    grid: str = ""
    grid_worker_id: int | None = None  # the roster entry picked
    grid_worker: str = ""  # the name as written (filled from the roster by the service)
    household: str = ""
    address: str = ""
    phone: str = ""
    conflict: str = ""
    category: Category | None = None
    risk: RiskGrade | None = None
    action: str = ""
    handed_to: str = ""
    remarks: str = ""


def _one_line(value: str) -> str:
    return " ".join(value.split()) if value else ""


def needs_handover(draft: ScreeningDraft) -> bool:
    """Whether `handed_to` must be filled in (see the module docstring)."""
    return draft.risk in HANDOVER_RISKS or any(w in draft.action for w in HANDOVER_WORDS)


def validate_screening(draft: ScreeningDraft, *, today: dt.date) -> ScreeningDraft:
    """Check a whole line; return it cleaned (one-line fields without stray spaces,
    the phone normalised)."""
    errors: list[ValidationError] = []
    cleaned = replace(
        draft,
        grid=_one_line(draft.grid),
        grid_worker=_one_line(draft.grid_worker),
        household=_one_line(draft.household),
        address=_one_line(draft.address),
        phone=draft.phone.strip(),
        conflict=draft.conflict.strip(),
        action=draft.action.strip(),
        handed_to=_one_line(draft.handed_to),
        remarks=draft.remarks.strip(),
    )
    if cleaned.found_on is None:
        errors.append(ValidationError("found_on", "请填写排查日期"))
    else:
        try:
            v.validate_past_date(cleaned.found_on, field="found_on", today=today)
        except ValidationError as error:
            errors.append(error)
    if not cleaned.grid:
        errors.append(ValidationError("grid", "请填写网格"))
    if cleaned.grid_worker_id is None and not cleaned.grid_worker:
        errors.append(ValidationError("grid_worker", "请选择排查的网格员"))
    if not cleaned.household:
        errors.append(ValidationError("household", "请填写被排查的住户（户主姓名或门牌）"))
    if cleaned.phone:
        try:
            cleaned = replace(cleaned, phone=v.validate_phone(cleaned.phone, field="phone"))
        except ValidationError as error:
            errors.append(error)
    if not cleaned.conflict:
        errors.append(ValidationError("conflict", "请填写发现的矛盾纠纷隐患"))
    if cleaned.risk is None:
        errors.append(ValidationError("risk", "请选择风险等级"))
    if not cleaned.handed_to and needs_handover(cleaned):
        if cleaned.risk in HANDOVER_RISKS:
            message = f"{cleaned.risk.label}色风险的隐患须写明移交给谁（如派出所调解室、司法所）"
        else:
            message = "处置措施写了移交，请填写移交给谁"
        errors.append(ValidationError("handed_to", message))
    for field_name, limit in MAX_LENGTHS.items():
        if len(getattr(cleaned, field_name)) > limit:
            errors.append(ValidationError(field_name, f"不能超过{limit}个字，请精简"))
    if errors:
        raise ValidationErrors(errors)
    return cleaned


def household_person(household: str) -> str:
    """The household's head as a person's name, or "" when the household is written
    some other way (a door number, "3栋2单元住户", a shop's name).

    "张三" and "张三家" / "张三户" give "张三"; anything else gives "".
    """
    text = _one_line(household).replace(" ", "")
    for ending in ("家", "户"):
        if text.endswith(ending) and len(text) > 2:
            text = text[: -len(ending)]
            break
    text = re.sub(f"[{re.escape('•・‧∙⋅･')}]", "·", text)
    return text if _PERSON_NAME.match(text) else ""


def dispute_prefill(entry: ScreeningDraft) -> DisputeDraft:
    """The intake draft a log line starts from when it is taken in as a dispute.

    Only what the line knows is filled in: source 网格员排查, grid, grid worker, risk,
    category (if given), the summary (the conflict found and the action taken), and an
    applicant with the household's phone and address — named after the household only
    when it is written as a person's name.  The respondent and the rest are left for the
    mediator to complete in the intake dialog.
    """
    summary = entry.conflict.strip()
    if entry.action.strip():
        summary += f"\n网格员处置措施：{entry.action.strip()}"
    if entry.handed_to.strip():
        summary += f"\n已移交：{entry.handed_to.strip()}"
    applicant = PartyDraft(
        side=PartySide.APPLICANT,
        name=household_person(entry.household),
        phone=entry.phone,
        address=entry.address,
    )
    return DisputeDraft(
        source=Source.GRID_SCREENING,
        category=entry.category,
        risk=entry.risk or RiskGrade.BLUE,
        parties=(applicant,),
        summary=summary,
        place=entry.address,
        grid=entry.grid,
        grid_worker_id=entry.grid_worker_id,
    )
