"""Builds the services over one database.  The UI and the command line both start here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from mediation_desk.persistence.engine import create_database_engine, database_url
from mediation_desk.persistence.migrate import UpgradeResult, upgrade
from mediation_desk.persistence.unit_of_work import UnitOfWork
from mediation_desk.services.agreements import AgreementService
from mediation_desk.services.cases import CaseService
from mediation_desk.services.documents import DocumentService
from mediation_desk.services.flow import FlowService
from mediation_desk.services.followups import FollowUpService
from mediation_desk.services.ledger import LedgerService
from mediation_desk.services.maintenance import MaintenanceService
from mediation_desk.services.roster import RosterService
from mediation_desk.services.screening import ScreeningService
from mediation_desk.services.settings import SettingsService
from mediation_desk.services.stats import StatsService


def system_clock() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class Services:
    url: str
    engine: Engine
    uow: UnitOfWork
    settings: SettingsService
    cases: CaseService
    roster: RosterService
    flow: FlowService
    agreements: AgreementService
    followups: FollowUpService
    documents: DocumentService
    stats: StatsService
    ledger: LedgerService
    maintenance: MaintenanceService
    screening: ScreeningService
    clock: Callable[[], dt.datetime]
    upgrade: UpgradeResult | None

    def close(self) -> None:
        self.engine.dispose()


def open_services(
    database: str | Path,
    *,
    clock: Callable[[], dt.datetime] = system_clock,
    migrate: bool = True,
    busy_timeout_ms: int | None = None,
) -> Services:
    """Open a database (migrating it to head first unless told not to)."""
    url = database_url(database)
    engine = (
        create_database_engine(url)
        if busy_timeout_ms is None
        else create_database_engine(url, busy_timeout_ms=busy_timeout_ms)
    )
    try:
        result = upgrade(engine, now=clock()) if migrate else None
    except BaseException:
        engine.dispose()
        raise
    uow = UnitOfWork(engine)
    settings = SettingsService(uow=uow)
    if result is not None and result.from_revision in ("0001", "0002"):
        # Schemas before 0003 kept no clock rows: write them once for the cases there are.
        from mediation_desk.services import clocks

        station = settings.load()
        with uow.write() as session:
            clocks.rebuild(session, station)
            session.commit()
    if result is not None and result.from_revision in ("0001", "0002", "0003", "0004"):
        # Revision 0005 added `performed_on`, which the visits decide: fill it once for
        # the settled and closed cases there are (the figures' 协议履行完毕).
        from mediation_desk.services import clocks

        with uow.write() as session:
            clocks.backfill_performed(session)
            session.commit()
    cases = CaseService(uow=uow, settings=settings, clock=clock)
    screening = ScreeningService(uow=uow, cases=cases, clock=clock)
    return Services(
        url=url,
        engine=engine,
        uow=uow,
        settings=settings,
        cases=cases,
        roster=RosterService(uow=uow, clock=clock),
        flow=FlowService(uow=uow, cases=cases, settings=settings, clock=clock),
        agreements=AgreementService(uow=uow, settings=settings, clock=clock),
        followups=FollowUpService(uow=uow, settings=settings, cases=cases, clock=clock),
        documents=DocumentService(uow=uow, cases=cases, settings=settings, clock=clock),
        ledger=LedgerService(uow=uow),
        maintenance=MaintenanceService(engine=engine, clock=clock),
        screening=screening,
        stats=StatsService(uow=uow, clock=clock, screening=screening, settings=settings),
        clock=clock,
        upgrade=result,
    )
