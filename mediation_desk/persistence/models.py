"""SQLAlchemy 2 declarative models: the database schema of Mediation Desk.

Enum-valued columns store the stable identifiers of `domain.vocabulary` as plain strings
(checked by CHECK constraints), so the file stays readable with any SQLite browser and a
new member needs no type migration on PostgreSQL.  Every change to these classes needs an
Alembic revision; `tests/services/test_migrations.py` fails on any drift.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from mediation_desk.domain.agreements import AgreementKind, AgreementStatus, PerformanceWay
from mediation_desk.domain.deadlines import DeadlineKind
from mediation_desk.domain.followups import Satisfaction, VisitOrigin, VisitStatus, VisitWay
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeKind,
    DisputeState,
    EventKind,
    PartySide,
    PartyType,
    RiskGrade,
    RosterRole,
    Sex,
    Source,
)

# Deterministic constraint names keep Alembic batch migrations on SQLite reproducible.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, enum_cls: type) -> str:
    values = ", ".join(f"'{member.value}'" for member in enum_cls)
    return f"{column} IN ({values})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    """A station-wide setting shared by every workstation on this database."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RosterMember(Base):
    """A person or department the station can call on to mediate (DOMAIN §2)."""

    __tablename__ = "roster_member"
    __table_args__ = (CheckConstraint(_one_of("role", RosterRole), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32), index=True)
    organisation: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    grid: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CaseNumberSequence(Base):
    """The last case number used in a year: incremented inside the registering transaction,
    so a rolled-back registration gives its number back and no gap appears."""

    __tablename__ = "case_number_sequence"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Dispute(Base):
    __tablename__ = "dispute"
    __table_args__ = (
        UniqueConstraint("year", "serial", name="uq_dispute_year_serial"),
        CheckConstraint(_one_of("state", DisputeState), name="state"),
        CheckConstraint(_one_of("source", Source), name="source"),
        CheckConstraint(_one_of("category", Category), name="category"),
        CheckConstraint(_one_of("risk", RiskGrade), name="risk"),
        CheckConstraint(_one_of("kind", DisputeKind), name="kind"),
        CheckConstraint("tier IN (1, 2, 3)", name="tier"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount"),
        # The case list pages through these in order (filter column, then date): the
        # first page of any filter or sort is an index walk, never a sort of all rows.
        Index("ix_dispute_registered_on_id", "registered_on", "id"),
        Index("ix_dispute_accepted_on", "accepted_on"),
        Index("ix_dispute_state_registered_on", "state", "registered_on", "id"),
        Index("ix_dispute_tier_registered_on", "tier", "registered_on", "id"),
        Index("ix_dispute_category_registered_on", "category", "registered_on", "id"),
        Index("ix_dispute_risk_registered_on", "risk", "registered_on", "id"),
        # The figures (services/stats.py) read the disputes through this index alone:
        # one ordered pass, grouped by the five breakdowns, comparing integers only.
        Index(
            "ix_dispute_figures",
            "tier", "category", "source", "grid", "mediator_id", "outcome",
            "accepted_day", "concluded_day",
            "first_session_day", "last_session_day", "amount",
            "performed_on", "judicial_confirmed_on", "turned_criminal_on", "group_incident_on",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32), default=DisputeKind.PEOPLES.value)
    source: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(32), default=DisputeState.REGISTERED.value)
    tier: Mapped[int] = mapped_column(Integer)
    suggested_tier: Mapped[int] = mapped_column(Integer)
    # Why the tier differs from the suggestion (empty when the suggestion was taken).
    tier_reason: Mapped[str] = mapped_column(Text, default="")
    # The intake facts the tier rules read (domain.tiering.IntakeFacts' flags).
    intake_flags: Mapped[dict] = mapped_column(JSON, default=dict)
    risk: Mapped[str] = mapped_column(String(16), default=RiskGrade.BLUE.value)
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    registered_on: Mapped[dt.date] = mapped_column(Date)
    accepted_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    concluded_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    occurred_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    applicant_claims: Mapped[str] = mapped_column(Text, default="")
    respondent_claims: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), nullable=True)
    people_involved: Mapped[int] = mapped_column(Integer, default=2)
    grid: Mapped[str] = mapped_column(String(100), default="")
    community_officer: Mapped[str] = mapped_column(String(100), default="")
    mediator_id: Mapped[int | None] = mapped_column(
        ForeignKey("roster_member.id", ondelete="SET NULL"), nullable=True, index=True
    )
    grid_worker_id: Mapped[int | None] = mapped_column(
        ForeignKey("roster_member.id", ondelete="SET NULL"), nullable=True
    )
    # What the list shows as 当事人 ("张三 与 李四"), kept with the row so the list can
    # sort on it in SQL without a join over parties.
    parties_display: Mapped[str] = mapped_column(String(300), default="")
    # Case number, party names, ID numbers and phones, joined: what the search box
    # matches.  Indexed by the FTS5 trigram table `dispute_search` on SQLite.
    search_text: Mapped[str] = mapped_column(Text, default="")
    registered_by: Mapped[str] = mapped_column(String(100), default="")
    # How it ended (DOMAIN §3): the kind of agreement, or the route the parties were told.
    settlement: Mapped[str | None] = mapped_column(String(16), nullable=True)
    referral_route: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # A red-risk dispute stays on the red-alert list until the duty leader's
    # notification is recorded.
    red_acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    red_acknowledged_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    duty_leader: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # Times a follow-up found the agreement broken and the case was mediated again (反复).
    recurrences: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reopened_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # Why mediation runs past its 30-day target (DOMAIN §9: a warning with a reason).
    long_running_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Facts the figures count "as recorded" (DOMAIN §10): the dispute turned into a
    # criminal case (民转刑); a group incident (群体性事件) was prevented; the court
    # confirmed the agreement (司法确认); every agreed term was found performed.
    turned_criminal_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    group_incident_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    judicial_confirmed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    performed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # The record as the figures read it (domain.figures): day numbers and the outcome
    # code, kept in step on every flush by persistence.figures.  Never edited directly.
    accepted_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    concluded_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    outcome: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    first_session_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_session_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Optimistic locking: a second workstation saving over a changed row is refused.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    parties: Mapped[list[Party]] = relationship(
        back_populates="dispute",
        cascade="all, delete-orphan",
        order_by="Party.position",
    )
    events: Mapped[list[DisputeEvent]] = relationship(
        back_populates="dispute", order_by="DisputeEvent.id"
    )
    sessions: Mapped[list[MediationSession]] = relationship(
        back_populates="dispute", order_by="MediationSession.seq"
    )
    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="dispute", order_by="Agreement.version"
    )
    visits: Mapped[list[FollowUpVisit]] = relationship(
        back_populates="dispute", order_by="FollowUpVisit.seq"
    )
    mediator: Mapped[RosterMember | None] = relationship(foreign_keys=[mediator_id])
    grid_worker: Mapped[RosterMember | None] = relationship(foreign_keys=[grid_worker_id])


class Party(Base):
    """A party to a dispute: a person or an organisation, with its agent and guardian."""

    __tablename__ = "party"
    __table_args__ = (
        CheckConstraint(_one_of("side", PartySide), name="side"),
        CheckConstraint(_one_of("party_type", PartyType), name="party_type"),
        CheckConstraint(f"sex IS NULL OR {_one_of('sex', Sex)}", name="sex"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(
        ForeignKey("dispute.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    party_type: Mapped[str] = mapped_column(String(16), default=PartyType.PERSON.value)
    name: Mapped[str] = mapped_column(String(200))
    sex: Mapped[str | None] = mapped_column(String(8), nullable=True)
    ethnicity: Mapped[str] = mapped_column(String(32), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    id_number: Mapped[str] = mapped_column(String(18), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    occupation: Mapped[str] = mapped_column(String(200), default="")
    vulnerable: Mapped[bool] = mapped_column(Boolean, default=False)
    # Organisation only.
    credit_code: Mapped[str] = mapped_column(String(18), default="")
    legal_representative: Mapped[str] = mapped_column(String(100), default="")
    # 代理人 and 监护人.
    agent_name: Mapped[str] = mapped_column(String(100), default="")
    agent_phone: Mapped[str] = mapped_column(String(32), default="")
    agent_id_number: Mapped[str] = mapped_column(String(18), default="")
    guardian_name: Mapped[str] = mapped_column(String(100), default="")
    guardian_relation: Mapped[str] = mapped_column(String(32), default="")
    guardian_phone: Mapped[str] = mapped_column(String(32), default="")
    guardian_id_number: Mapped[str] = mapped_column(String(18), default="")

    dispute: Mapped[Dispute] = relationship(back_populates="parties")


class DisputeEvent(Base):
    """One move on a dispute's timeline.  Rows are only ever added: an escalation is a
    legal record, and a correction is a compensating event, never an edit."""

    __tablename__ = "dispute_event"
    __table_args__ = (
        CheckConstraint(_one_of("kind", EventKind), name="kind"),
        # The figures count moves of a kind over a date range (escalations by tier pair,
        # reopenings after settling), read from this index alone.
        Index("ix_dispute_event_figures", "kind", "at", "from_tier", "to_tier",
              "from_state", "dispute_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(
        ForeignKey("dispute.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(32), nullable=True)
    to_state: Mapped[str | None] = mapped_column(String(32), nullable=True)
    from_tier: Mapped[int | None] = mapped_column(Integer, nullable=True)
    to_tier: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(100), default="")
    data: Mapped[dict | None] = mapped_column(JSON, nullable=True)

    dispute: Mapped[Dispute] = relationship(back_populates="events")


class MediationSession(Base):
    """One mediation session (调解笔录), at the tier the dispute had then (DOMAIN §5)."""

    __tablename__ = "mediation_session"
    __table_args__ = (
        UniqueConstraint("dispute_id", "seq", name="uq_mediation_session_dispute_seq"),
        CheckConstraint("tier IN (1, 2, 3)", name="tier"),
        CheckConstraint("outcome IN ('continue', 'settled', 'failed')", name="outcome"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(
        ForeignKey("dispute.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[str] = mapped_column(String(5), default="")
    end_time: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    tier: Mapped[int] = mapped_column(Integer)
    others_present: Mapped[str] = mapped_column(Text, default="")
    parties_present: Mapped[str] = mapped_column(Text, default="")
    applicant_statement: Mapped[str] = mapped_column(Text, default="")
    respondent_statement: Mapped[str] = mapped_column(Text, default="")
    proposals: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(16))
    next_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)

    dispute: Mapped[Dispute] = relationship(back_populates="sessions")
    participants: Mapped[list[SessionParticipant]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="SessionParticipant.id"
    )


class SessionParticipant(Base):
    """Who from the roster took part in a session; name and role are copied so the record
    stays true if the roster entry is later renamed."""

    __tablename__ = "session_participant"
    __table_args__ = (CheckConstraint(_one_of("role", RosterRole), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("mediation_session.id", ondelete="CASCADE"), index=True
    )
    roster_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("roster_member.id", ondelete="SET NULL"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))

    session: Mapped[MediationSession] = relationship(back_populates="participants")


class Agreement(Base):
    """A mediation agreement (DOMAIN §6), written or oral.

    A draft is edited in place; signing freezes it (the service refuses every change to a
    signed row).  A correction is a new row with the next `version` and `supersedes_id`
    pointing at the old one, which is kept and marked superseded once the new one is signed.
    """

    __tablename__ = "agreement"
    __table_args__ = (
        UniqueConstraint("dispute_id", "version", name="uq_agreement_dispute_version"),
        CheckConstraint(_one_of("kind", AgreementKind), name="kind"),
        CheckConstraint(_one_of("status", AgreementStatus), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(
        ForeignKey("dispute.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=AgreementStatus.DRAFT.value)
    party_ids: Mapped[list] = mapped_column(JSON, default=list)
    facts: Mapped[str] = mapped_column(Text, default="")
    issues: Mapped[str] = mapped_column(Text, default="")
    responsibility: Mapped[str] = mapped_column(Text, default="")
    oral_content: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    signed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    signed_by: Mapped[str] = mapped_column(String(100), default="")
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"), nullable=True
    )
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Two windows saving the same draft: the second is refused, not silently lost.  Bumped
    # by the service on every save (a save may change only the terms, in another table).
    edit_version: Mapped[int] = mapped_column(Integer, default=1)

    dispute: Mapped[Dispute] = relationship(back_populates="agreements")
    terms: Mapped[list[AgreementTerm]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="AgreementTerm.position",
    )


class AgreementTerm(Base):
    """One agreed term: who performs what, how, by when and where."""

    __tablename__ = "agreement_term"
    __table_args__ = (
        CheckConstraint(_one_of("way", PerformanceWay), name="way"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    way: Mapped[str] = mapped_column(String(16))
    obligor_party_id: Mapped[int | None] = mapped_column(
        ForeignKey("party.id", ondelete="SET NULL"), nullable=True
    )
    # The performing party's name as agreed (empty: all parties together).
    obligor: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), nullable=True)
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="")

    agreement: Mapped[Agreement] = relationship(back_populates="terms")


class FollowUpVisit(Base):
    """A planned follow-up visit (回访) and, once made, its record (DOMAIN §8)."""

    __tablename__ = "followup_visit"
    __table_args__ = (
        UniqueConstraint("dispute_id", "seq", name="uq_followup_visit_dispute_seq"),
        CheckConstraint(_one_of("status", VisitStatus), name="status"),
        CheckConstraint(_one_of("origin", VisitOrigin), name="origin"),
        CheckConstraint(f"way IS NULL OR {_one_of('way', VisitWay)}", name="way"),
        CheckConstraint(
            f"satisfaction_mediation IS NULL OR {_one_of('satisfaction_mediation', Satisfaction)}",
            name="satisfaction_mediation",
        ),
        # The daily list: planned visits by due date; the figures: visits made in a range.
        Index("ix_followup_visit_status_due_on", "status", "due_on", "dispute_id"),
        Index("ix_followup_visit_status_visited_on", "status", "visited_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(
        ForeignKey("dispute.id", ondelete="CASCADE"), index=True
    )
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"), nullable=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[dt.date] = mapped_column(Date)
    planned_on: Mapped[dt.date] = mapped_column(Date)  # the date first planned
    origin: Mapped[str] = mapped_column(String(16))
    basis: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default=VisitStatus.PLANNED.value)
    move_reason: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    visited_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    way: Mapped[str | None] = mapped_column(String(16), nullable=True)
    visited: Mapped[str] = mapped_column(String(200), default="")
    visitors: Mapped[str] = mapped_column(String(200), default="")
    # {term key: Performance value}
    performance: Mapped[dict] = mapped_column(JSON, default=dict)
    satisfaction_mediation: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # {"speed"|"attitude"|"handling": Satisfaction value}
    satisfaction_police: Mapped[dict] = mapped_column(JSON, default=dict)
    conflict_returning: Mapped[bool] = mapped_column(Boolean, default=False)
    conflict_signs: Mapped[str] = mapped_column(Text, default="")
    new_risks: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    # What the visit found that calls for mediating again, and whether the case was reopened.
    reopen_grounds: Mapped[str] = mapped_column(Text, default="")
    reopened: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}

    dispute: Mapped[Dispute] = relationship(back_populates="visits")


class CaseDeadline(Base):
    """The clocks of a case (`domain.deadlines.case_deadlines`), kept as rows so the list
    can mark and filter overdue cases in SQL.  Rewritten for a dispute in every
    transaction that changes what its clocks depend on."""

    __tablename__ = "case_deadline"
    __table_args__ = (
        CheckConstraint(_one_of("kind", DeadlineKind), name="kind"),
        Index("ix_case_deadline_open_due", "open", "counts_overdue", "due", "dispute_id"),
        # A case's own clocks (the list's overdue mark per row): led by the dispute, so
        # the planner never walks every overdue clock of the station for one row.
        Index("ix_case_deadline_dispute_open", "dispute_id", "open", "counts_overdue", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(
        ForeignKey("dispute.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(32))
    ref: Mapped[str] = mapped_column(String(32), default="")
    due: Mapped[dt.date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(300), default="")
    basis: Mapped[str] = mapped_column(Text, default="")
    guessed: Mapped[bool] = mapped_column(Boolean, default=False)
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    counts_overdue: Mapped[bool] = mapped_column(Boolean, default=True)


class StoredDocument(Base):
    """A produced PDF, kept with its case for good: the bytes, their SHA-256, who and when
    (DOMAIN §7).  Rows are only added; a correction produces a new row."""

    __tablename__ = "stored_document"
    __table_args__ = (Index("ix_stored_document_dispute_kind", "dispute_id", "kind", "ref_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("dispute.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    # The session, visit or agreement the document was made from, when it has one.
    ref_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class ScreeningEntry(Base):
    """One line of the grid screening log (矛盾纠纷隐患排查登记, DOMAIN §10).

    A grid worker's finding on a visit to a household; when it is taken in as a dispute
    the new case's id is kept here (`dispute_id`), so each can be reached from the other.
    """

    __tablename__ = "screening_entry"
    __table_args__ = (
        CheckConstraint(_one_of("risk", RiskGrade), name="risk"),
        CheckConstraint(f"category IS NULL OR {_one_of('category', Category)}", name="category"),
        UniqueConstraint("dispute_id", name="uq_screening_entry_dispute_id"),
        Index("ix_screening_entry_found_on", "found_on", "id"),
        Index("ix_screening_entry_grid_found_on", "grid", "found_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    found_on: Mapped[dt.date] = mapped_column(Date)
    grid: Mapped[str] = mapped_column(String(100), default="")
    grid_worker_id: Mapped[int | None] = mapped_column(
        ForeignKey("roster_member.id", ondelete="SET NULL"), nullable=True
    )
    # The grid worker's name as written (kept if the roster entry is later removed).
    grid_worker: Mapped[str] = mapped_column(String(100), default="")
    household: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    conflict: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str | None] = mapped_column(String(32), nullable=True)
    risk: Mapped[str] = mapped_column(String(16), default=RiskGrade.BLUE.value)
    action: Mapped[str] = mapped_column(Text, default="")
    handed_to: Mapped[str] = mapped_column(String(200), default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    dispute_id: Mapped[int | None] = mapped_column(
        ForeignKey("dispute.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}

    dispute: Mapped[Dispute | None] = relationship()
    grid_worker_member: Mapped[RosterMember | None] = relationship()
