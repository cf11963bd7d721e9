"""Station settings, declared once with their types and defaults.

These are shared by every workstation on the database (the `setting` table), unlike a
workstation's own preferences (window size, language), which live in QSettings in the UI.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import asdict, dataclass, fields, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from mediation_desk.domain.calendar import WorkingCalendar
from mediation_desk.domain.errors import ValidationError, ValidationErrors
from mediation_desk.domain.tiering import TierThresholds
from mediation_desk.persistence.models import Setting
from mediation_desk.persistence.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class StationSettings:
    station_name: str = "潼川派出所"
    # Goes into the case number: （2026）潼川调字第0001号.
    station_short_name: str = "潼川"
    committee_name: str = "潼川派出所人民调解委员会"
    tier3_amount: Decimal = Decimal("100000")
    tier3_side_size: int = 10
    tier3_unpaid_workers: int = 5
    tier2_amount: Decimal = Decimal("10000")
    tier2_parties: int = 3
    mediation_target_days: int = 30
    followup_days: tuple[int, ...] = (3, 30)
    # Station corrections to the official calendar, one per line: "2027-02-07 班" (a
    # make-up working day) or "2027-10-08 休" (a day off).  Needed for the years the
    # holiday library does not know yet.
    calendar_overrides: tuple[str, ...] = ()

    def calendar(self) -> WorkingCalendar:
        return _calendar(self.calendar_overrides)

    def thresholds(self) -> TierThresholds:
        return TierThresholds(
            tier3_amount=self.tier3_amount,
            tier3_side_size=self.tier3_side_size,
            tier3_unpaid_workers=self.tier3_unpaid_workers,
            tier2_amount=self.tier2_amount,
            tier2_parties=self.tier2_parties,
        )


_DEFAULTS = StationSettings()
_TYPES = {f.name: type(getattr(_DEFAULTS, f.name)) for f in fields(StationSettings)}


def _encode(value: object) -> str:
    if isinstance(value, Decimal):
        return json.dumps(str(value))
    if isinstance(value, tuple):
        return json.dumps(list(value))
    return json.dumps(value, ensure_ascii=False)


def _decode(name: str, raw: str) -> object:
    kind = _TYPES[name]
    value = json.loads(raw)
    if kind is Decimal:
        return Decimal(value)
    if kind is tuple:
        if name == "calendar_overrides":
            return tuple(str(x) for x in value)
        return tuple(int(x) for x in value)
    return kind(value)


_WORK_WORDS = {"班": True, "上班": True, "work": True, "休": False, "休息": False, "off": False}


def parse_calendar_override(line: str) -> tuple[dt.date, bool]:
    """"2027-02-07 班" -> (date, True: a working day); raises ValueError when unreadable."""
    parts = line.replace("：", " ").replace(":", " ").split()
    if len(parts) != 2 or parts[1] not in _WORK_WORDS:
        raise ValueError(line)
    return dt.date.fromisoformat(parts[0]), _WORK_WORDS[parts[1]]


@functools.lru_cache(maxsize=8)
def _calendar(lines: tuple[str, ...]) -> WorkingCalendar:
    overrides: dict[dt.date, bool] = {}
    for line in lines:
        try:
            day, working = parse_calendar_override(line)
        except ValueError:
            continue  # validated on save; a hand-edited bad line is ignored, not fatal
        overrides[day] = working
    return WorkingCalendar(overrides)


def validate_settings(settings: StationSettings) -> StationSettings:
    errors: list[ValidationError] = []
    overrides: list[str] = []
    for n, line in enumerate(settings.calendar_overrides, start=1):
        if not line.strip():
            continue
        try:
            day, working = parse_calendar_override(line.strip())
        except ValueError:
            errors.append(
                ValidationError(
                    "calendar_overrides",
                    f"第{n}行“{line.strip()}”看不懂：请写成“2027-02-07 班”或“2027-10-08 休”",
                )
            )
            continue
        overrides.append(f"{day.isoformat()} {'班' if working else '休'}")
    offsets = tuple(settings.followup_days)
    if not offsets or any(int(d) < 0 or int(d) > 3650 for d in offsets):
        errors.append(ValidationError("followup_days", "回访天数应为0到3650之间的整数，至少一项"))
    name = settings.station_name.strip()
    short = settings.station_short_name.strip()
    if not name:
        errors.append(ValidationError("station_name", "请填写派出所名称"))
    if not short:
        errors.append(ValidationError("station_short_name", "请填写简称（用于案号）"))
    elif len(short) > 8:
        errors.append(ValidationError("station_short_name", "简称最多8个字"))
    for money in ("tier3_amount", "tier2_amount"):
        try:
            if Decimal(getattr(settings, money)) < 0:
                raise InvalidOperation
        except InvalidOperation:
            errors.append(ValidationError(money, "金额应为不小于0的数字"))
    for count in ("tier3_side_size", "tier3_unpaid_workers", "tier2_parties", "mediation_target_days"):
        if int(getattr(settings, count)) < 1:
            errors.append(ValidationError(count, "应为大于0的整数"))
    if errors:
        raise ValidationErrors(errors)
    return replace(
        settings,
        station_name=name,
        station_short_name=short,
        committee_name=settings.committee_name.strip() or f"{name}人民调解委员会",
        calendar_overrides=tuple(sorted(set(overrides))),
        followup_days=tuple(sorted({int(d) for d in offsets})),
    )


class SettingsService:
    def __init__(self, *, uow: UnitOfWork) -> None:
        self._uow = uow

    def load(self) -> StationSettings:
        with self._uow.read() as session:
            rows = session.execute(select(Setting.key, Setting.value)).all()
        values = {k: _decode(k, raw) for k, raw in rows if k in _TYPES}
        return replace(_DEFAULTS, **values)

    def save(self, settings: StationSettings) -> StationSettings:
        from mediation_desk.services import clocks  # (clocks reads these settings)

        settings = validate_settings(settings)
        before = self.load()
        with self._uow.write() as session:
            for name, value in asdict(settings).items():
                session.merge(Setting(key=name, value=_encode(value)))
            if (before.mediation_target_days, before.calendar_overrides) != (
                settings.mediation_target_days, settings.calendar_overrides
            ):
                # The running clocks of mediations in progress depend on these: rewrite
                # them in the same transaction, so the list's overdue mark stays true.
                session.flush()
                clocks.rebuild(session, settings, states=("accepted", "in_mediation"))
            session.commit()
        return settings
