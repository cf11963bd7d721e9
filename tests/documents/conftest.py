"""Factories that build service DTOs directly (no database) for the document tests.

`written_case()`: two applicants and one respondent (names with 㛃, 堃, 昇), three
sessions, a signed written agreement with two terms, two done visits and one planned.
`public_security_case()`: a 治安调解 case with a signed agreement. `oral_case()`: settled
by an oral agreement. Each takes keyword overrides through `dataclasses.replace`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal

import pytest

from mediation_desk.documents import Letterhead
from mediation_desk.domain.agreements import AgreementKind, AgreementStatus, PerformanceWay
from mediation_desk.domain.followups import (
    WHOLE_AGREEMENT,
    Performance,
    Satisfaction,
    VisitOrigin,
    VisitStatus,
    VisitWay,
)
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
    Tier,
)
from mediation_desk.services.dto import (
    AgreementView,
    CaseDetail,
    CaseRow,
    DueVisit,
    EventView,
    ParticipantView,
    PartyContact,
    PartyView,
    SessionView,
    TermView,
    VisitView,
)

PRODUCED_AT = dt.datetime(2026, 11, 20, 10, 0, 0)
LETTERHEAD = Letterhead(station_name="潼川派出所", committee_name="潼川镇人民调解委员会")
NUMBER = "（2026）潼川调字第0007号"


def person(
    id: int, side: PartySide, name: str, *, sex: Sex = Sex.MALE, birth: dt.date | None = None,
    id_number: str = "", phone: str = "", **extra: object,
) -> PartyView:
    values: dict[str, object] = dict(
        id=id, side=side, party_type=PartyType.PERSON, name=name, sex=sex, ethnicity="汉族",
        birth_date=birth, id_number=id_number, phone=phone, address="四川省三台县潼川镇北坝路18号",
        occupation="个体经营", vulnerable=False, credit_code="", legal_representative="",
        agent_name="", agent_phone="", guardian_name="", guardian_relation="", guardian_phone="",
    )
    values.update(extra)
    return PartyView(**values)  # type: ignore[arg-type]


def organisation(id: int, side: PartySide, name: str, **extra: object) -> PartyView:
    values: dict[str, object] = dict(
        id=id, side=side, party_type=PartyType.ORGANISATION, name=name, sex=None, ethnicity="",
        birth_date=None, id_number="", phone="0816-2345678", address="四川省三台县潼川镇工业园区3号",
        occupation="", vulnerable=False, credit_code="91510722MA62X8Y31L",
        legal_representative="周明", agent_name="", agent_phone="", guardian_name="",
        guardian_relation="", guardian_phone="",
    )
    values.update(extra)
    return PartyView(**values)  # type: ignore[arg-type]


def row(**extra: object) -> CaseRow:
    values: dict[str, object] = dict(
        id=7, number=NUMBER, parties="张㛃、王堃 与 李喆", category=Category.NEIGHBOUR,
        tier=Tier.JOINT_TEAM, state=DisputeState.SETTLED, risk=RiskGrade.YELLOW,
        registered_on=dt.date(2026, 10, 28), accepted_on=dt.date(2026, 10, 29), mediator="刘淼",
    )
    values.update(extra)
    return CaseRow(**values)  # type: ignore[arg-type]


def session(seq: int, held_on: dt.date, **extra: object) -> SessionView:
    values: dict[str, object] = dict(
        id=100 + seq, seq=seq, held_on=held_on, start_time="09:00", end_time="10:30",
        place="潼川派出所调解室", tier=Tier.GRID if seq == 1 else Tier.JOINT_TEAM,
        participants=(
            ParticipantView(1, "刘淼", RosterRole.MEDIATOR),
            ParticipantView(2, "陈犇", RosterRole.GRID_WORKER),
            ParticipantView(3, "赵昇", RosterRole.COMMUNITY_OFFICER),
        ),
        parties_present="张㛃、王堃、李喆", others_present="社区主任 周敏",
        applicant_statement=(
            f"第{seq}次调解，申请人称：被申请人装修时将建筑垃圾堆放在公共楼道，堵塞通道，"
            "并损坏了申请人家的防盗门，要求赔偿修理费并清理楼道。"
        ),
        respondent_statement="被申请人称：垃圾系临时堆放，已在清运；防盗门损坏程度有争议。",
        proposals="调解员建议被申请人三日内清理楼道，按维修报价赔偿防盗门修理费，双方互谅互让。",
        outcome="settled" if seq == 3 else "continue",
        outcome_label="达成协议" if seq == 3 else "继续调解",
        next_on=None if seq == 3 else held_on + dt.timedelta(days=3),
        recorded_by="陈犇",
    )
    values.update(extra)
    return SessionView(**values)  # type: ignore[arg-type]


def terms() -> tuple[TermView, ...]:
    return (
        TermView(
            id=501, position=1, content="赔偿申请人防盗门修理费", way=PerformanceWay.PAY_ONCE,
            obligor_party_id=3, obligor="李喆", amount=Decimal("1200.00"),
            deadline=dt.date(2026, 11, 15), place="潼川派出所调解室",
        ),
        TermView(
            id=502, position=2, content="清理公共楼道内堆放的建筑垃圾，并向申请人当面赔礼道歉",
            way=PerformanceWay.APOLOGY, obligor_party_id=3, obligor="李喆", amount=None,
            deadline=dt.date(2026, 11, 8), place="北坝路18号",
        ),
    )


def agreement(**extra: object) -> AgreementView:
    values: dict[str, object] = dict(
        id=301, dispute_id=7, version=1, kind=AgreementKind.WRITTEN,
        status=AgreementStatus.SIGNED, party_ids=(1, 2, 3),
        facts="2026年10月，被申请人李喆装修房屋期间将建筑垃圾堆放于公共楼道，搬运时碰坏申请人家防盗门。",
        issues="防盗门修理费的数额；楼道垃圾的清理期限。",
        responsibility="被申请人对防盗门损坏负全部责任；楼道堆放垃圾违反小区管理规约。",
        oral_content="", place="潼川派出所调解室", terms=terms(),
        signed_on=dt.date(2026, 11, 5), signed_by="刘淼", supersedes_id=None,
        correction_reason="", created_at=dt.datetime(2026, 11, 5, 11, 0), created_by="刘淼",
        edit_version=1,
    )
    values.update(extra)
    return AgreementView(**values)  # type: ignore[arg-type]


def visit(seq: int, **extra: object) -> VisitView:
    done = extra.get("status", VisitStatus.DONE) is VisitStatus.DONE
    due = dt.date(2026, 11, 8) + dt.timedelta(days=8 * (seq - 1))
    values: dict[str, object] = dict(
        id=700 + seq, dispute_id=7, seq=seq, due_on=due, planned_on=due,
        origin=VisitOrigin.OFFSET, basis=f"调解成功后第{3 if seq == 1 else 30}天",
        status=VisitStatus.DONE, move_reason="", cancel_reason="",
        visited_on=due if done else None, way=VisitWay.PHONE if seq == 1 else VisitWay.HOME,
        visited="张㛃" if done else "", visitors="刘淼、陈犇" if done else "",
        performance={"501": Performance.PARTLY, "502": Performance.FULLY} if done else {},
        satisfaction_mediation=Satisfaction.SATISFIED if done else None,
        satisfaction_police={
            "speed": Satisfaction.SATISFIED, "attitude": Satisfaction.SATISFIED,
            "handling": Satisfaction.FAIRLY,
        } if done else {},
        conflict_returning=False, conflict_signs="", new_risks="无" if done else "",
        action="提醒被申请人按期支付余款" if done else "", remarks="",
        reopen_grounds="", reopened=False, recorded_by="刘淼" if done else "",
        recorded_at=dt.datetime.combine(due, dt.time(15, 0)) if done else None, row_version=1,
    )
    values.update(extra)
    return VisitView(**values)  # type: ignore[arg-type]


def written_case(**extra: object) -> CaseDetail:
    parties = (
        person(1, PartySide.APPLICANT, "张㛃", sex=Sex.FEMALE, birth=dt.date(1985, 3, 2),
               id_number="510722198503020027", phone="13808160001"),
        person(2, PartySide.APPLICANT, "王堃", birth=dt.date(1979, 12, 31),
               id_number="11010519491231002X", phone="13908160002",
               agent_name="赵昇", agent_phone="13708160003"),
        person(3, PartySide.RESPONDENT, "李喆", birth=dt.date(1990, 6, 15),
               id_number="510722199006150011", phone="15008160004"),
    )
    values: dict[str, object] = dict(
        row=row(), kind=DisputeKind.PEOPLES, source=Source.APPLICATION,
        suggested_tier=Tier.JOINT_TEAM, tier_reason="三方当事人，建议二级调解",
        registered_at=dt.datetime(2026, 10, 28, 9, 30), occurred_on=dt.date(2026, 10, 20),
        place="潼川镇北坝路18号2单元楼道",
        summary="被申请人装修期间在公共楼道堆放建筑垃圾，搬运时碰坏申请人家防盗门，双方多次争吵。",
        applicant_claims="请求被申请人赔偿防盗门修理费1200元，清理楼道并赔礼道歉。",
        respondent_claims="同意清理楼道，但认为修理费过高。",
        amount=Decimal("1200.00"), people_involved=3, grid="北坝社区第3网格",
        community_officer="赵昇", grid_worker="陈犇", registered_by="刘淼", version=5, flags={},
        parties=parties,
        events=(
            EventView(1, dt.datetime(2026, 10, 28, 9, 30), EventKind.REGISTERED, None,
                      DisputeState.REGISTERED, None, None, "", "刘淼"),
            EventView(2, dt.datetime(2026, 10, 29, 10, 0), EventKind.ACCEPTED,
                      DisputeState.REGISTERED, DisputeState.ACCEPTED, None, None,
                      "属于人民调解受理范围，双方同意调解", "刘淼"),
        ),
        sessions=(
            session(1, dt.date(2026, 10, 30)),
            session(2, dt.date(2026, 11, 2)),
            session(3, dt.date(2026, 11, 5)),
        ),
        settlement="written", concluded_on=dt.date(2026, 11, 5),
        agreements=(agreement(),),
        visits=(visit(1), visit(2), visit(3, status=VisitStatus.PLANNED)),
        mediator="刘淼",
    )
    values.update(extra)
    return CaseDetail(**values)  # type: ignore[arg-type]


def public_security_case() -> CaseDetail:
    parties = (
        person(11, PartySide.APPLICANT, "孙昇", birth=dt.date(1995, 1, 20),
               id_number="510722199501200013", phone="13608160011"),
        person(12, PartySide.RESPONDENT, "钱喆", birth=dt.date(1993, 8, 8),
               id_number="510722199308080019", phone="13508160012"),
    )
    pay = TermView(
        id=601, position=1, content="赔偿申请人医药费、误工费", way=PerformanceWay.PAY_ONCE,
        obligor_party_id=12, obligor="钱喆", amount=Decimal("2600"),
        deadline=dt.date(2026, 11, 10), place="潼川派出所",
    )
    return written_case(
        row=row(id=8, number="（2026）潼川调字第0008号", parties="孙昇 与 钱喆",
                category=Category.DAMAGES, tier=Tier.GRID),
        kind=DisputeKind.PUBLIC_SECURITY, source=Source.POLICE_INCIDENT, parties=parties,
        sessions=(session(1, dt.date(2026, 11, 3), parties_present="孙昇、钱喆",
                          outcome="settled", outcome_label="达成协议", next_on=None),),
        agreements=(agreement(id=302, dispute_id=8, party_ids=(11, 12), terms=(pay,),
                              signed_on=dt.date(2026, 11, 3)),),
        visits=(),
    )


def oral_case() -> CaseDetail:
    oral = agreement(
        id=303, kind=AgreementKind.ORAL, terms=(), issues="", responsibility="",
        oral_content="李喆当场向张㛃、王堃赔礼道歉，并于当日清理楼道垃圾，双方不再追究。",
        signed_on=dt.date(2026, 11, 2),
    )
    done = visit(1, performance={WHOLE_AGREEMENT: Performance.FULLY})
    return written_case(agreements=(oral,), settlement="oral", visits=(done,),
                        sessions=written_case().sessions[:2])


def due_visits() -> tuple[DueVisit, ...]:
    case = written_case()
    contacts = tuple(
        PartyContact(name=p.name, side=p.side, phone=p.phone, agent_phone=p.agent_phone)
        for p in case.parties
    )
    return (
        DueVisit(visit_id=703, dispute_id=7, case_number=NUMBER, seq=3,
                 due=dt.date(2026, 11, 18), overdue_days=2, basis="履行期限2026-11-15次日",
                 parties=contacts, terms=terms(), deadlines=(), category=Category.NEIGHBOUR,
                 risk=RiskGrade.YELLOW, mediator="刘淼", row_version=1),
        DueVisit(visit_id=801, dispute_id=8, case_number="（2026）潼川调字第0008号", seq=1,
                 due=dt.date(2026, 11, 20), overdue_days=0, basis="调解成功后第3天",
                 parties=(PartyContact("孙昇", PartySide.APPLICANT, "13608160011"),
                          PartyContact("钱喆", PartySide.RESPONDENT, "13508160012")),
                 terms=public_security_case().agreements[0].terms, deadlines=(),
                 category=Category.DAMAGES, risk=RiskGrade.BLUE, mediator="刘淼",
                 row_version=1),
    )


def with_agreement(case: CaseDetail, **extra: object) -> CaseDetail:
    """The case with its (only) agreement changed."""
    return replace(case, agreements=(replace(case.agreements[-1], **extra),))


@pytest.fixture
def case() -> CaseDetail:
    return written_case()


def pdffonts_rows(path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()[2:]


def pdftotext_pages(path) -> list[str]:
    """Text of each page by `pdftotext -layout`."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)
    return out.stdout.split("\f")[:-1]


requires_poppler = pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils is not installed",
)
