"""The roster: mediators, grid workers, community officers, team members, departments.

Entries are never deleted (past sessions and cases name them); they are deactivated, and
an inactive entry is no longer offered for new work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select

from mediation_desk.domain import validation as v
from mediation_desk.domain.errors import NotFound, ValidationError, ValidationErrors
from mediation_desk.domain.vocabulary import RosterRole
from mediation_desk.persistence.models import RosterMember
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services.dto import RosterDraft, RosterEntry


def _entry(m: RosterMember) -> RosterEntry:
    return RosterEntry(
        id=m.id,
        name=m.name,
        role=RosterRole(m.role),
        organisation=m.organisation,
        title=m.title,
        phone=m.phone,
        grid=m.grid,
        active=m.active,
    )


def validate_roster_draft(draft: RosterDraft) -> RosterDraft:
    errors: list[ValidationError] = []
    name = draft.name.strip()
    if not name:
        errors.append(ValidationError("name", "请填写姓名或部门名称"))
    elif draft.role is not RosterRole.DEPARTMENT:
        try:
            name = v.validate_name(name, field="name")
        except ValidationError as error:
            errors.append(error)
    phone = draft.phone.strip()
    if phone:
        try:
            phone = v.validate_phone(phone, field="phone")
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationErrors(errors)
    return RosterDraft(
        name=name,
        role=draft.role,
        organisation=draft.organisation.strip(),
        title=draft.title.strip(),
        phone=phone,
        grid=draft.grid.strip(),
        active=draft.active,
    )


class RosterService:
    def __init__(self, *, uow: UnitOfWork, clock: Callable[[], dt.datetime]) -> None:
        self._uow = uow
        self._clock = clock

    def list(
        self, *, roles: set[RosterRole] | None = None, active_only: bool = False
    ) -> list[RosterEntry]:
        query = select(RosterMember).order_by(RosterMember.role, RosterMember.name)
        if roles:
            query = query.where(RosterMember.role.in_(sorted(r.value for r in roles)))
        if active_only:
            query = query.where(RosterMember.active.is_(True))
        with self._uow.read() as session:
            return [_entry(m) for m in session.scalars(query)]

    def add(self, draft: RosterDraft) -> RosterEntry:
        draft = validate_roster_draft(draft)
        with self._uow.write() as session:
            member = RosterMember(
                name=draft.name,
                role=draft.role.value,
                organisation=draft.organisation,
                title=draft.title,
                phone=draft.phone,
                grid=draft.grid,
                active=draft.active,
                created_at=self._clock(),
            )
            session.add(member)
            session.flush()
            entry = _entry(member)
            session.commit()
        return entry

    def update(self, member_id: int, draft: RosterDraft) -> RosterEntry:
        draft = validate_roster_draft(draft)
        with self._uow.write() as session:
            member = session.get(RosterMember, member_id)
            if member is None:
                raise NotFound("名册中没有这个人员")
            member.name = draft.name
            member.role = draft.role.value
            member.organisation = draft.organisation
            member.title = draft.title
            member.phone = draft.phone
            member.grid = draft.grid
            member.active = draft.active
            session.flush()
            entry = _entry(member)
            session.commit()
        return entry

    def set_active(self, member_id: int, active: bool) -> RosterEntry:
        with self._uow.write() as session:
            member = session.get(RosterMember, member_id)
            if member is None:
                raise NotFound("名册中没有这个人员")
            member.active = active
            session.flush()
            entry = _entry(member)
            session.commit()
        return entry

    def grids(self) -> list[str]:
        """Grid names known from the roster, for the intake form's suggestions."""
        with self._uow.read() as session:
            names = session.scalars(
                select(RosterMember.grid).where(RosterMember.grid != "").distinct()
            )
            return sorted(names)
