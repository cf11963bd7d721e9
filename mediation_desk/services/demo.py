"""Realistic fake disputes for a first look and for benchmarks (`mediation-desk demo`).

Everything is made from a seeded random generator, so the same seed gives the same
database.  Names include characters outside GB2312 (㛃 堃 喆 昇 犇 淼) because real names
do; ID numbers carry correct GB 11643 check digits; every category, source, tier, state
and risk grade occurs; dates spread over the three years before the clock's today, and
each case's events tell a plausible story that ends in its state.

Rows are written with SQLAlchemy Core `executemany` in one transaction per batch: the ORM
would take minutes at 100,000 disputes.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import random
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, insert, select

from mediation_desk.domain import figures
from mediation_desk.domain.calendar import WorkingCalendar
from mediation_desk.domain.deadlines import CaseClockFacts, TermClock, VisitClock, case_deadlines
from mediation_desk.domain.errors import StorageError
from mediation_desk.domain.followups import POLICE_ASPECTS, WHOLE_AGREEMENT, plan_visits
from mediation_desk.domain.tiering import IntakeFacts, suggest_tier
from mediation_desk.domain.validation import generate_id_check_char
from mediation_desk.domain.vocabulary import (
    Category,
    DisputeKind,
    DisputeState,
    EventKind,
    PartySide,
    PartyType,
    RiskGrade,
    RosterRole,
    Source,
    Tier,
)
from mediation_desk.persistence.models import (
    Agreement,
    AgreementTerm,
    CaseDeadline,
    CaseNumberSequence,
    Dispute,
    DisputeEvent,
    FollowUpVisit,
    MediationSession,
    Party,
    RosterMember,
    SessionParticipant,
)
from mediation_desk.persistence.search import search_grams
from mediation_desk.services.cases import format_case_number, parties_display, search_text
from mediation_desk.services.clocks import deadline_rows

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强文辉玉兰海燕红梅晓东"
    "春花建华淑珍德明子涵浩宇欣怡梓轩雨桐思远家豪俊杰佳琪"
)
# Characters outside GB2312 that occur in real names; every demo database has them.
RARE = "㛃堃喆昇犇淼䶮玥琤璟旻珺翀"
ETHNICITIES = ("汉族",) * 18 + ("回族", "藏族", "彝族", "羌族", "苗族", "土家族")
REGIONS = ("510722", "510723", "510703", "510781", "360102", "360521", "110105", "450103")
TOWNS = ("潼川镇", "北坝镇", "花园镇", "新德镇", "景福镇", "金石镇", "观桥镇", "乐安镇")
GRIDS = tuple(f"{town}第{n}网格" for town in TOWNS[:4] for n in range(1, 4))
OCCUPATIONS = ("务农", "个体经营", "务工", "退休", "学生", "教师", "司机", "无业", "职员", "厨师")
COMPANIES = ("建筑劳务有限公司", "物业服务有限公司", "果蔬专业合作社", "商贸有限公司", "运输有限公司")
PLACES = ("小区楼下", "农贸市场", "村道", "自家院坝", "工地", "门市", "路口", "茶馆")

STORIES: dict[Category, tuple[str, str, str]] = {
    Category.MARRIAGE_FAMILY: ("夫妻因家庭琐事及子女抚养问题发生争吵", "要求对方承担子女抚养费", "同意协商抚养方式"),
    Category.NEIGHBOUR: ("楼上住户水管漏水，浸坏楼下住户天花板", "要求维修并赔偿损失", "愿意维修，赔偿金额有异议"),
    Category.HOUSING_HOMESTEAD: ("两户因宅基地边界及滴水檐问题发生争执", "要求按原界址确定边界", "认为界址应以新测量为准"),
    Category.CONTRACT: ("双方签订买卖合同后一方未按约付款", "要求支付货款及违约金", "称货物质量有问题"),
    Category.PRODUCTION_BUSINESS: ("合伙经营果园，因分红比例发生纠纷", "要求按出资比例分配收益", "要求扣除管理费用"),
    Category.DAMAGES: ("饮酒后发生口角并推搡，一方轻微受伤", "要求赔偿医疗费、误工费", "同意赔偿医疗费"),
    Category.FOREST_LAND: ("两组村民因山林承包界限发生争议", "要求确认山林使用权", "认为山林属本组集体所有"),
    Category.LAND_ACQUISITION: ("征地补偿款分配引发家庭成员纠纷", "要求平均分配补偿款", "认为应按户籍人口分配"),
    Category.ENVIRONMENT: ("养殖场气味及污水影响周边住户", "要求停止排污并赔偿", "愿意整改，不同意赔偿"),
    Category.LABOUR: ("工地务工人员被拖欠工资", "要求支付拖欠工资", "称需等总包方结算"),
    Category.CONSUMER: ("购买的家电出现质量问题，商家拒绝退换", "要求退货退款", "同意维修，不同意退货"),
    Category.MEDICAL: ("患者家属对诊疗结果不满，与诊所发生纠纷", "要求赔偿并道歉", "认为诊疗符合规范"),
    Category.TRAFFIC: ("电瓶车与小轿车发生轻微剐蹭", "要求赔偿车辆维修费", "认为双方均有责任"),
    Category.PROPERTY_MANAGEMENT: ("业主因停车位及物业费与物业公司发生纠纷", "要求退还多收费用", "要求业主补缴物业费"),
    Category.OTHER: ("因土地灌溉用水发生争执", "要求恢复原有水路", "同意协商轮流用水"),
}

# How often each end state occurs (weights), roughly as a busy station sees them.
STATE_WEIGHTS = {
    DisputeState.REGISTERED: 2,
    DisputeState.ACCEPTED: 3,
    DisputeState.DECLINED: 2,
    DisputeState.IN_MEDIATION: 8,
    DisputeState.SETTLED: 12,
    DisputeState.FAILED: 2,
    DisputeState.REFERRED: 2,
    DisputeState.CLOSED: 66,
    DisputeState.WITHDRAWN: 3,
}
DECLINE_REASONS = ("一方当事人拒绝调解", "人民法院已受理", "依法应由其他机关处理", "属于不能调解的刑事案件")
REFERRAL_ROUTES = {"litigation": "诉讼", "arbitration": "仲裁", "administrative": "行政处理",
                   "public_security": "治安处理", "criminal": "刑事立案"}
BATCH = 5_000


@dataclass(frozen=True)
class DemoSummary:
    cases: int
    parties: int
    events: int


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self) -> str:
        r = self.rng
        surname = r.choice(COMPOUND_SURNAMES) if r.random() < 0.02 else r.choice(SURNAMES)
        pool = RARE if r.random() < 0.06 else GIVEN
        given = "".join(r.choice(pool) for _ in range(1 if r.random() < 0.3 else 2))
        return surname + given


def _id_number(rng: random.Random, birth: dt.date, male: bool) -> str:
    order = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{order:03d}"
    return first17 + generate_id_check_char(first17)


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(0, 10**9):09d}"


def _birth(rng: random.Random, on: dt.date, minor: bool = False) -> dt.date:
    # Adults mostly of working age; about one in twelve 70 or older.
    years = rng.randint(8, 17) if minor else int(rng.triangular(19, 85, 42))
    return on - dt.timedelta(days=years * 365 + rng.randint(0, 364))


def _roster(rng: random.Random, names: _Names, now: dt.datetime) -> list[dict]:
    rows: list[dict] = []

    def add(role: RosterRole, name: str, org: str = "", title: str = "", grid: str = "") -> None:
        rows.append(dict(name=name, role=role.value, organisation=org, title=title,
                         phone=_phone(rng), grid=grid, active=True, created_at=now))

    for _ in range(4):
        add(RosterRole.MEDIATOR, names.person(), "派出所调解室", "专职调解员")
    add(RosterRole.MEDIATOR, "王㛃", "派出所调解室", "专职调解员")
    for grid in GRIDS:
        add(RosterRole.GRID_WORKER, names.person(), grid[:3] + "社区", "网格员", grid)
    for town in TOWNS[:3]:
        add(RosterRole.COMMUNITY_OFFICER, names.person(), "派出所", f"{town}社区民警")
    for title, org in (("人大代表", "县人大"), ("政协委员", "县政协"), ("警风警纪监督员", "派出所"),
                       ("村支部书记", "观桥村"), ("社区主任", "南街社区")):
        add(RosterRole.TEAM_MEMBER, names.person(), org, title)
    for dept in ("司法所", "综合执法大队", "人社局劳动监察大队", "住建局", "市场监管所", "人民法院诉讼服务中心"):
        add(RosterRole.DEPARTMENT, dept, dept, "")
    return rows


def generate_demo(
    services,  # type: ignore[no-untyped-def]  # services.container.Services
    *,
    cases: int,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill a database that has no disputes yet; refuse one that has real ones."""
    with services.uow.read() as session:
        existing = session.scalar(select(func.count(Dispute.id)))
    if existing:
        raise StorageError(
            "other",
            f"这个数据库里已有 {existing} 件案件；演示数据只能写入新的空数据库，以免与真实案件混在一起。",
        )
    rng = random.Random(seed)
    names = _Names(rng)
    now = services.clock()
    today = now.date()
    short_name = services.settings.load().station_short_name
    start = today - dt.timedelta(days=3 * 365)

    # Registration dates spread over three years, in order, so numbers follow the dates.
    days = sorted(start + dt.timedelta(days=rng.randrange(0, (today - start).days + 1))
                  for _ in range(cases))
    serial_by_year: dict[int, int] = {}
    serials = []
    for day in days:
        serial_by_year[day.year] = serial_by_year.get(day.year, 0) + 1
        serials.append(serial_by_year[day.year])

    engine = services.uow.engine
    total_parties = total_events = 0
    # One transaction: a demo that is interrupted leaves the database as it was.
    with _bulk_connection(engine) as connection, connection.begin():
        triggers = _suspend_search_triggers(connection)
        if connection.dialect.name == "sqlite":
            # A large page cache for this connection keeps index updates in memory.
            connection.exec_driver_sql("PRAGMA cache_size = -262144")
        connection.execute(insert(RosterMember), _roster(rng, names, now))
        roster = connection.execute(select(RosterMember.id, RosterMember.role, RosterMember.name,
                                           RosterMember.grid)).all()
        first_id = (connection.scalar(select(func.max(Dispute.id))) or 0) + 1
        specs = [
            _BatchSpec(
                seed=seed,
                first_offset=begin,
                first_id=first_id + begin,
                days=tuple(days[begin : begin + BATCH]),
                serials=tuple(serials[begin : begin + BATCH]),
                short_name=short_name,
                today=today,
                roster={key: tuple((r.id, r.name) for r in roster if r.role == role.value)
                        for key, role in _ROLE_OF.items()},
                grids={r.id: r.grid for r in roster if r.role == RosterRole.GRID_WORKER.value},
                sqlite=connection.dialect.name == "sqlite",
            )
            for begin in range(0, cases, BATCH)
        ]
        for done, batch in enumerate(_batches(specs), start=1):
            for model in (Dispute, Party, DisputeEvent, MediationSession, SessionParticipant,
                          Agreement, AgreementTerm, FollowUpVisit, CaseDeadline):
                _write(connection, model, batch[model.__tablename__])
            if batch["grams"][1]:
                connection.exec_driver_sql(
                    "INSERT INTO dispute_grams(rowid, grams) VALUES (?, ?)", batch["grams"][1]
                )
            total_parties += len(batch["party"][1])
            total_events += len(batch["dispute_event"][1])
            if progress:
                progress(min(cases, done * BATCH), cases)
        connection.execute(insert(CaseNumberSequence),
                           [{"year": y, "last_value": n} for y, n in serial_by_year.items()])
        _restore_search_triggers(connection, triggers)
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:  # a bug in this module; the transaction rolls back
                raise RuntimeError(f"demo rows break foreign keys: {broken[:3]}")
    return DemoSummary(cases=cases, parties=total_parties, events=total_events)


@dataclass(frozen=True)
class _BatchSpec:
    """Everything one batch of cases is made from; each batch has its own random stream,
    so the result is the same whichever process makes it."""

    seed: int
    first_offset: int
    first_id: int
    days: tuple[dt.date, ...]
    serials: tuple[int, ...]
    short_name: str
    today: dt.date
    roster: dict[str, tuple[tuple[int, str], ...]]
    grids: dict[int, str]
    sqlite: bool


_Packed = tuple[tuple[str, ...], list]


def _make_batch(spec: _BatchSpec) -> dict[str, _Packed]:
    """One batch's rows per table, packed ready for executemany (see `_pack`)."""
    rng = random.Random(spec.seed * 1_000_003 + spec.first_offset)
    names = _Names(rng)
    states, weights = list(STATE_WEIGHTS), list(STATE_WEIGHTS.values())
    categories, sources = list(Category), list(Source)
    disputes: list[dict] = []
    parties: list[dict] = []
    events: list[dict] = []
    sessions: list[dict] = []
    participants: list[dict] = []
    agreements: list[dict] = []
    terms: list[dict] = []
    visits: list[dict] = []
    clocks: list[dict] = []
    for k, (day, serial) in enumerate(zip(spec.days, spec.serials, strict=True)):
        offset = spec.first_offset + k
        # Every state, category and source shows up even in a small demo; the rest are
        # drawn by weight.
        state = states[offset] if offset < len(states) else rng.choices(states, weights)[0]
        if (spec.today - day).days < 40 and state is DisputeState.CLOSED:
            state = DisputeState.SETTLED
        category = categories[offset % len(categories)] if offset < 30 else rng.choice(categories)
        source = sources[offset % len(sources)] if offset < 30 else rng.choice(sources)
        number = format_case_number(day.year, spec.short_name, serial)
        d, ps, story = _one_case(rng, names, spec.first_id + k, number, day, serial, state,
                                 category, source, spec.roster, spec.grids, spec.today, offset)
        disputes.append(d)
        parties += ps
        events += story.events
        sessions += story.sessions
        participants += story.participants
        agreements += story.agreements
        terms += story.terms
        visits += story.visits
        clocks += _clock_rows(d, story, spec.today)
    grams = [(d["id"], search_grams(d["search_text"])) for d in disputes] if spec.sqlite else []
    return {
        "dispute": _pack(disputes, spec.sqlite),
        "party": _pack(parties, spec.sqlite),
        "dispute_event": _pack(events, spec.sqlite),
        "mediation_session": _pack(sessions, spec.sqlite),
        "session_participant": _pack(participants, spec.sqlite),
        "agreement": _pack(agreements, spec.sqlite),
        "agreement_term": _pack(terms, spec.sqlite),
        "followup_visit": _pack(visits, spec.sqlite),
        "case_deadline": _pack(clocks, spec.sqlite),
        "grams": (("rowid", "grams"), grams),
    }


def _pack(rows: list[dict], sqlite: bool) -> _Packed:
    """Column names and rows; for SQLite, tuples of the values SQLAlchemy would store,
    made here (in the worker processes) rather than by the writing process."""
    if not rows:
        return (), []
    columns = tuple(rows[0])
    if not sqlite:
        return columns, rows
    typed = [i for i, name in enumerate(columns) if name in _TYPED_COLUMNS]
    packed = []
    for row in rows:
        record = list(row.values())
        for i in typed:
            record[i] = _sqlite_value(record[i])
        packed.append(tuple(record))
    return columns, packed


def _write(connection, model, packed: _Packed) -> None:  # type: ignore[no-untyped-def]
    """executemany straight to the driver on SQLite: SQLAlchemy's per-row parameter
    processing would double the demo's time at 100,000 cases.  Other databases take the
    ordinary Core path."""
    columns, rows = packed
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(insert(model), rows)
        return
    connection.exec_driver_sql(
        f"INSERT INTO {model.__tablename__} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})",
        rows,
    )


def _batches(specs: list[_BatchSpec]) -> Iterator[dict[str, _Packed]]:
    """Batches in order; made by worker processes while this one writes, when there are
    enough of them to pay for starting the workers (spawned, never forked: the GUI may
    call this from a thread)."""
    workers = min(2, os.cpu_count() or 1)
    if len(specs) < 4 or workers < 2:
        yield from map(_make_batch, specs)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_make_batch, specs)


@contextmanager
def _bulk_connection(engine) -> Iterator:  # type: ignore[no-untyped-def]
    """A connection for the bulk load.  On SQLite, foreign keys are checked once at the
    end (PRAGMA foreign_key_check) instead of row by row, which saves about a fifth of
    the load; the pragma can only change outside a transaction, hence here."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            yield connection
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def _suspend_search_triggers(connection) -> list[str]:  # type: ignore[no-untyped-def]
    """Drop the search triggers and the secondary indexes of the bulk-loaded tables, to
    be made again once at the end (several times faster than row by row, and safe: the
    whole demo is one transaction on an empty database).  Returns their SQL."""
    if connection.dialect.name != "sqlite":
        return []
    rows = connection.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
        "(type = 'trigger' AND tbl_name = 'dispute') OR "
        "(type = 'index' AND tbl_name IN ('dispute', 'party', 'dispute_event', "
        "'mediation_session', 'session_participant')))"
    ).all()
    for kind, name, _sql in rows:
        connection.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
    # Indexes first, then triggers (the triggers' tables must be indexed when they run).
    return [sql for kind, _n, sql in sorted(rows, key=lambda r: r[0] != "index")]


def _restore_search_triggers(connection, triggers: list[str]) -> None:  # type: ignore[no-untyped-def]
    if connection.dialect.name != "sqlite":
        return
    # The gram index was filled batch by batch; the trigram one is rebuilt in one pass.
    connection.exec_driver_sql("INSERT INTO dispute_search(dispute_search) VALUES ('rebuild')")
    for sql in triggers:
        connection.exec_driver_sql(sql)


def _sqlite_value(value: object) -> object:
    """What SQLAlchemy itself would store in SQLite for these types."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


# Columns that may hold a date, datetime, Decimal or dict even when the first row's is None.
_TYPED_COLUMNS = {"accepted_on", "concluded_on", "occurred_on", "amount", "birth_date", "data",
                  "registered_at", "registered_on", "updated_at", "at", "intake_flags",
                  "held_on", "next_on", "recorded_at", "red_acknowledged_at", "reopened_on",
                  "signed_on", "signed_at", "created_at", "deadline", "due_on", "planned_on",
                  "visited_on", "due", "party_ids", "performance", "satisfaction_police",
                  "performed_on", "judicial_confirmed_on", "turned_criminal_on",
                  "group_incident_on"}


def _one_case(rng, names, dispute_id, number, day, serial, state, category, source,  # type: ignore[no-untyped-def]
              roster, grid_of, today, offset):
    mediators, grid_workers, officers = roster["mediator"], roster["grid_worker"], roster["officer"]
    registered_at = dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59)))
    n_applicants = 1 if rng.random() < 0.93 else rng.randint(2, 4)
    n_respondents = 1 if rng.random() < 0.95 else rng.randint(2, 3)
    if category is Category.LABOUR and rng.random() < 0.3:
        n_applicants = rng.randint(5, 12)
    parties: list[dict] = []
    for side, count in ((PartySide.APPLICANT, n_applicants), (PartySide.RESPONDENT, n_respondents)):
        for _ in range(count):
            parties.append(_party(rng, names, dispute_id, side, len(parties), day, category))
    amount = None
    if category not in (Category.MARRIAGE_FAMILY, Category.NEIGHBOUR) or rng.random() < 0.5:
        amount = Decimal(rng.choices((800, 1500, 3000, 6000, 12000, 25000, 60000, 150000),
                                     (25, 25, 20, 15, 7, 4, 3, 1))[0]) + Decimal(
            rng.randrange(0, 100)
        )
    risk = rng.choices(list(RiskGrade), (3, 9, 25, 63))[0]
    people_on_one_side = max(n_applicants, n_respondents)
    suggestion = suggest_tier(IntakeFacts(
        category=category, risk=risk, party_count=len(parties), largest_side=people_on_one_side,
        amount=amount, unpaid_workers=n_applicants if category is Category.LABOUR else 0,
        vulnerable_party=any(p["vulnerable"] for p in parties),
    ))
    tier, tier_reason = suggestion.tier, ""
    if offset < 30 and tier is not Tier((offset % 3) + 1):
        # The first cases cover every tier; where that differs from the rules, the
        # mediator's override and its reason are recorded as they would be at intake.
        tier, tier_reason = Tier((offset % 3) + 1), "调解员根据现场情况调整层级"
    mediator_id, mediator_name = rng.choice(mediators)
    grid_worker_id, grid_worker = rng.choice(grid_workers)
    grid = grid_of[grid_worker_id]
    summary, applicant_claims, respondent_claims = STORIES[category]
    town = rng.choice(TOWNS)
    registered_reason = suggestion.explanation() + (
        f"；调解员改为{tier.label}：{tier_reason}" if tier_reason else ""
    )
    story = _Story(rng, dispute_id, registered_at, tier, mediator_name, today, roster,
                   registered_reason)
    story.party_ids = [p["id"] for p in parties]
    respondent = next(p for p in parties if p["side"] == PartySide.RESPONDENT.value)
    story.respondent_id, story.respondent_name = respondent["id"], respondent["name"]
    story.applicant_name = parties[0]["name"]
    story.facts = f"{summary}。"
    story.run_to(state)
    long_running = ""
    if story.state in (DisputeState.ACCEPTED, DisputeState.IN_MEDIATION) and (
        today - (story.reopened_on or story.accepted_on or today)
    ).days > 30 and rng.random() < 0.8:
        long_running = rng.choice(_LONG_RUNNING)
    people = len(parties) + rng.randint(0, 3)
    dispute = dict(
        id=dispute_id, number=number, year=day.year, serial=serial,
        kind=DisputeKind.PUBLIC_SECURITY.value if category is Category.DAMAGES and rng.random() < 0.4
        else DisputeKind.PEOPLES.value,
        source=source.value, category=category.value, state=state.value, tier=int(story.tier),
        suggested_tier=int(suggestion.tier), tier_reason=tier_reason,
        intake_flags={"largest_side": people_on_one_side, "suggestion": suggestion.explanation()},
        risk=risk.value, registered_at=registered_at, registered_on=day,
        accepted_on=story.accepted_on, concluded_on=story.concluded_on, occurred_on=day - dt.timedelta(days=rng.randint(0, 10)),
        place=f"{town}{rng.choice(PLACES)}", summary=f"{town}{summary}。",
        applicant_claims=applicant_claims, respondent_claims=respondent_claims, amount=amount,
        people_involved=people, grid=grid, community_officer=rng.choice(officers)[1],
        mediator_id=mediator_id, grid_worker_id=grid_worker_id,
        parties_display=parties_display([_P(p) for p in parties]),
        search_text=search_text(number, [_P(p) for p in parties]),
        registered_by=mediator_name, updated_at=story.at, version=1,
        settlement=story.settlement, referral_route=story.referral_route,
        # Most red cases had the duty leader told; recent ones may still be waiting.
        red_acknowledged_at=registered_at + dt.timedelta(minutes=20)
        if risk is RiskGrade.RED and (today - day).days > 60 else None,
        red_acknowledged_by=mediator_name if risk is RiskGrade.RED else "",
        duty_leader="刘所长" if risk is RiskGrade.RED else "",
        recurrences=story.recurrences, reopened_on=story.reopened_on,
        long_running_reason=long_running,
        **_figure_columns(story, state, dispute_id, people),
    )
    return dispute, parties, story


def _figure_columns(story: _Story, state: DisputeState, dispute_id: int, people: int) -> dict:
    """The columns the figures read (domain.figures), as persistence.figures would set
    them, and the facts recorded on a few cases: agreements found performed, judicial
    confirmations, disputes turned criminal, group incidents prevented."""
    held = [s["held_on"] for s in story.sessions]
    concluded = state in (DisputeState.SETTLED, DisputeState.CLOSED)
    signed = next((a for a in reversed(story.agreements) if a["status"] == "signed"), None)
    performed = None
    if concluded and signed is not None:
        keys = [str(t["id"]) for t in story.terms if t["agreement_id"] == signed["id"]] or [
            WHOLE_AGREEMENT]
        spot = {str(t["id"]) for t in story.terms
                if t["agreement_id"] == signed["id"] and t["way"] == "on_the_spot"}
        performed = figures.performed_on(
            signed_on=signed["signed_on"], term_keys=keys, on_the_spot=spot, carried_over=set(),
            visits=[(v["visited_on"], v["seq"], v["performance"]) for v in story.visits
                    if v["status"] == "done"],
        )
    # Rare recorded facts, spread by the case's id so the random stream is unchanged.
    judicial = (signed["signed_on"] + dt.timedelta(days=12)
                if concluded and signed is not None and signed["kind"] == "written"
                and dispute_id % 23 == 0 else None)
    criminal = (story.concluded_on if state in (DisputeState.FAILED, DisputeState.REFERRED)
                and story.concluded_on and dispute_id % 17 == 0 else None)
    group = (story.accepted_on + dt.timedelta(days=1)
             if story.accepted_on and people >= 6 and dispute_id % 5 == 0 else None)
    return dict(
        accepted_day=figures.day_number(story.accepted_on),
        concluded_day=figures.day_number(story.concluded_on),
        outcome=int(figures.outcome_of(state.value, story.settlement)),
        first_session_day=figures.day_number(min(held)) if held else None,
        last_session_day=figures.day_number(max(held)) if held else None,
        performed_on=performed, judicial_confirmed_on=judicial,
        turned_criminal_on=criminal, group_incident_on=group,
    )


_CALENDAR: WorkingCalendar | None = None


def _clock_rows(dispute: dict, story: _Story, today: dt.date) -> list[dict]:
    """The running clocks of a demo case, by the same rules the services apply."""
    global _CALENDAR
    state = DisputeState(dispute["state"])
    if state not in (DisputeState.ACCEPTED, DisputeState.IN_MEDIATION, DisputeState.SETTLED):
        return []
    if _CALENDAR is None:
        _CALENDAR = WorkingCalendar()
    signed = next((a for a in reversed(story.agreements) if a["status"] == "signed"), None)
    performed = {k for v in story.visits if v["status"] == "done"
                 for k, how in v["performance"].items() if how == "fully"}
    facts = CaseClockFacts(
        state=state, kind=DisputeKind(dispute["kind"]), accepted_on=dispute["accepted_on"],
        reopened_on=story.reopened_on, long_running_reason=dispute["long_running_reason"],
        first_session_on=story.sessions[0]["held_on"] if story.sessions else None,
        sessions_held=len(story.sessions),
        effective_on=signed["signed_on"] if signed and signed["kind"] == "written" else None,
        terms=tuple(
            TermClock(key=str(t["id"]), label=f"第{t['position']}项 {t['content']}", due=t["deadline"],
                      performed=str(t["id"]) in performed)
            for t in story.terms
            if signed and t["agreement_id"] == signed["id"] and t["way"] != "on_the_spot"
        ) if state is DisputeState.SETTLED else (),
        visits=tuple(VisitClock(id=v["id"], due=v["due_on"], open=v["status"] == "planned")
                     for v in story.visits),
    )
    return deadline_rows(case_deadlines(facts, _CALENDAR), dispute["id"])


class _P:
    """Adapts a party dict to the attribute access parties_display/search_text use."""

    def __init__(self, row: dict) -> None:
        self.__dict__.update(row)


def _party(rng, names, dispute_id, side, position, day, category) -> dict:  # type: ignore[no-untyped-def]
    row = dict(
        id=dispute_id * 32 + position,  # unique without asking the database
        dispute_id=dispute_id, side=side.value, position=position, party_type=PartyType.PERSON.value,
        name="", sex=None, ethnicity="", birth_date=None, id_number="", phone=_phone(rng),
        address=f"{rng.choice(TOWNS)}{rng.randint(1, 30)}组{rng.randint(1, 99)}号", occupation="",
        vulnerable=False, credit_code="", legal_representative="", agent_name="", agent_phone="",
        agent_id_number="", guardian_name="", guardian_relation="", guardian_phone="",
        guardian_id_number="",
    )
    organisation = side is PartySide.RESPONDENT and category in (
        Category.LABOUR, Category.PROPERTY_MANAGEMENT, Category.CONSUMER, Category.MEDICAL
    ) and rng.random() < 0.7
    if organisation:
        row.update(
            party_type=PartyType.ORGANISATION.value,
            name=f"{rng.choice(TOWNS)[:2]}{rng.choice(COMPANIES)}",
            legal_representative=names.person(),
            agent_name=names.person(),
            agent_phone=_phone(rng),
        )
        return row
    male = rng.random() < 0.55
    minor = rng.random() < 0.03
    birth = _birth(rng, day, minor)
    row.update(
        name=names.person(), sex="male" if male else "female",
        ethnicity=rng.choice(ETHNICITIES), birth_date=birth, id_number=_id_number(rng, birth, male),
        occupation="学生" if minor else rng.choice(OCCUPATIONS),
        vulnerable=minor or (day.year - birth.year) >= 70,
    )
    if minor:
        row.update(guardian_name=names.person(), guardian_relation=rng.choice(("父亲", "母亲")),
                   guardian_phone=_phone(rng))
    elif rng.random() < 0.08:
        row.update(agent_name=names.person(), agent_phone=_phone(rng))
    return row


_LONG_RUNNING = ("等待伤情鉴定结果", "一方当事人外出务工，暂无法到场", "等待房屋质量鉴定",
                 "涉及多方，需逐一协调")
_TERMS = (
    ("赔偿医疗费、误工费", "pay_once", True),
    ("分期支付拖欠款项", "instalments", True),
    ("修复受损的围墙及排水沟", "act", False),
    ("当面赔礼道歉", "apology", False),
    ("当场支付赔偿款", "on_the_spot", True),
    ("恢复原有通行道路", "act", False),
)
_SESSION_LINES = (
    ("要求对方赔偿损失并赔礼道歉", "认可部分事实，但认为要求过高", "建议双方各让一步，分期履行"),
    ("要求尽快解决，恢复原状", "同意协商，但需要时间筹款", "建议先行支付部分款项"),
    ("坚持原诉求", "不同意对方诉求", "释法明理，建议冷静后再谈"),
)
_LEAD = {Tier.GRID: "mediator", Tier.JOINT_TEAM: "team", Tier.MEDIATION_ROOM: "department"}
_HELPER = {Tier.GRID: "grid_worker", Tier.JOINT_TEAM: "officer", Tier.MEDIATION_ROOM: "mediator"}
_ROLE_OF = {"mediator": RosterRole.MEDIATOR, "grid_worker": RosterRole.GRID_WORKER,
            "team": RosterRole.TEAM_MEMBER, "department": RosterRole.DEPARTMENT,
            "officer": RosterRole.COMMUNITY_OFFICER}


class _Story:
    """A case's events and sessions from registration to its end state, in time order."""

    def __init__(self, rng, dispute_id, registered_at, tier, by, today, roster, reason) -> None:  # type: ignore[no-untyped-def]
        self.rng, self.dispute_id, self.by, self.today, self.roster = rng, dispute_id, by, today, roster
        self.at = registered_at
        self.state = DisputeState.REGISTERED
        self.tier = tier
        self.events: list[dict] = []
        self.sessions: list[dict] = []
        self.participants: list[dict] = []
        self.accepted_on = self.concluded_on = None
        self.settlement = self.referral_route = None
        self.agreements: list[dict] = []
        self.terms: list[dict] = []
        self.visits: list[dict] = []
        self.recurrences = 0
        self.reopened_on = None
        # Set by `_one_case` once the parties exist.
        self.party_ids: list[int] = []
        self.respondent_id = None
        self.respondent_name = self.applicant_name = ""
        self.facts = ""
        self.events.append(dict(
            dispute_id=dispute_id, at=registered_at, kind=EventKind.REGISTERED.value,
            from_state=None, to_state=DisputeState.REGISTERED.value, from_tier=None,
            to_tier=int(tier), reason=reason,
            by=by, data=None,
        ))

    def _tick(self, days: int) -> None:
        """Move the story's clock on: to office hours on a later day, or a little later
        the same day; never past today."""
        if days > 0:
            day = self.at.date() + dt.timedelta(days=days)
            at = dt.datetime.combine(day, dt.time(self.rng.randint(8, 16), self.rng.randint(0, 59)))
        else:
            at = self.at + dt.timedelta(minutes=self.rng.randint(5, 90))
        self.at = min(at, dt.datetime.combine(self.today, dt.time(17, 30)))

    def add(self, kind: EventKind, to_state: DisputeState | None = None,
            to_tier: Tier | None = None, reason: str = "", days: int = 0,
            data: dict | None = None) -> None:
        self._tick(days)
        self.events.append(dict(
            dispute_id=self.dispute_id, at=self.at, kind=kind.value,
            from_state=self.state.value, to_state=(to_state or self.state).value,
            from_tier=int(self.tier), to_tier=int(to_tier or self.tier), reason=reason,
            by=self.by, data=data,
        ))
        self.state = to_state or self.state
        self.tier = to_tier or self.tier

    def member(self, key: str) -> tuple[int, str]:
        return self.rng.choice(self.roster[key])

    def session(self, outcome: str) -> None:
        self._tick(self.rng.randint(1, 6))
        seq = len(self.sessions) + 1
        session_id = self.dispute_id * 16 + seq  # unique without asking the database
        said = self.rng.choice(_SESSION_LINES)
        start = self.rng.randint(8, 16)
        self.sessions.append(dict(
            id=session_id, dispute_id=self.dispute_id, seq=seq, held_on=self.at.date(),
            start_time=f"{start:02d}:00", end_time=f"{start + 1:02d}:30", place="派出所调解室",
            tier=int(self.tier), others_present="", parties_present="双方当事人",
            applicant_statement=said[0], respondent_statement=said[1], proposals=said[2],
            outcome=outcome,
            next_on=self.at.date() + dt.timedelta(days=3) if outcome == "continue" else None,
            recorded_by=self.by, recorded_at=self.at,
        ))
        for key in (_LEAD[self.tier], _HELPER[self.tier]):
            member_id, name = self.member(key)
            self.participants.append(dict(session_id=session_id, roster_member_id=member_id,
                                          name=name, role=_ROLE_OF[key].value))

    def run_to(self, end: DisputeState) -> None:
        rng = self.rng
        if end is DisputeState.REGISTERED:
            return
        if end is DisputeState.DECLINED:
            self.add(EventKind.DECLINED, DisputeState.DECLINED, reason=rng.choice(DECLINE_REASONS))
            self.concluded_on = self.at.date()
            return
        self.add(EventKind.ACCEPTED, DisputeState.ACCEPTED, reason="符合人民调解受理条件")
        self.accepted_on = self.at.date()
        if end is DisputeState.ACCEPTED:
            return
        if end is DisputeState.WITHDRAWN and rng.random() < 0.5:
            self.add(EventKind.WITHDRAWN, DisputeState.WITHDRAWN,
                     reason="申请人自行和解，申请撤回", days=1)
            self.concluded_on = self.at.date()
            return
        self.add(EventKind.STARTED, DisputeState.IN_MEDIATION, days=rng.randint(0, 2))
        self.session("continue")
        for _ in range(rng.choices((0, 1, 2), (75, 20, 5))[0]):
            if self.tier is Tier.MEDIATION_ROOM:
                break
            next_tier = Tier(self.tier + 1)
            member_id, name = self.member(_LEAD[next_tier])
            self.add(EventKind.ESCALATED, to_tier=next_tier,
                     reason="本级调解未能达成一致，申请升级", days=rng.randint(1, 5),
                     data={"team": [{"id": member_id, "name": name,
                                     "role": _ROLE_OF[_LEAD[next_tier]].value}]})
            self.session("continue")
        if end is DisputeState.IN_MEDIATION:
            if rng.random() < 0.12 and self._room_for_reopen():
                # A recurrence: settled, a visit found the agreement refused, mediated again.
                self._settle()
                self._visit_and_reopen()
                self.session("continue")
            return
        if end is DisputeState.WITHDRAWN:
            self.add(EventKind.WITHDRAWN, DisputeState.WITHDRAWN, reason="申请人撤回调解申请", days=1)
            self.concluded_on = self.at.date()
            return
        if end in (DisputeState.FAILED, DisputeState.REFERRED):
            self.session("failed")
            self.add(EventKind.FAILED, DisputeState.FAILED, reason="双方分歧较大，调解不成")
            self.concluded_on = self.at.date()
            if end is DisputeState.REFERRED:
                route = rng.choice(list(REFERRAL_ROUTES))
                self.referral_route = route
                self.add(EventKind.REFERRED, DisputeState.REFERRED,
                         reason=f"告知当事人通过{REFERRAL_ROUTES[route]}途径解决")
            return
        self._settle()
        if end is DisputeState.CLOSED:
            self._follow_up(all_done=True)
            self.add(EventKind.CLOSED, DisputeState.CLOSED, reason="回访完成，卷宗齐全",
                     days=self.rng.randint(1, 5))
        else:
            self._follow_up(all_done=False)

    # ------------------------------------------------ agreement and follow-ups
    def _room_for_reopen(self) -> bool:
        return (self.today - self.at.date()).days > 20

    def _settle(self) -> None:
        rng = self.rng
        self.session("settled")
        self.settlement = "written" if rng.random() < 0.8 else "oral"
        signed_on = self.at.date()
        version = len(self.agreements) + 1
        agreement_id = self.dispute_id * 4 + version
        previous = self.agreements[-1] if self.agreements else None
        if previous is not None:
            previous["status"] = "superseded"
        terms = []
        if self.settlement == "written":
            picked = rng.sample(_TERMS, rng.choice((1, 1, 2, 2, 3)))
            for position, (content, way, money) in enumerate(picked, start=1):
                terms.append(dict(
                    id=agreement_id * 8 + position, agreement_id=agreement_id, position=position,
                    content=content, way=way, obligor_party_id=self.respondent_id,
                    obligor=self.respondent_name,
                    amount=Decimal(rng.choice((300, 500, 800, 1200, 2000, 5000))) if money else None,
                    deadline=signed_on + dt.timedelta(days=rng.choice((0, 3, 7, 10, 15, 30, 60)))
                    if way != "on_the_spot" else signed_on,
                    place="派出所调解室" if money else "",
                ))
        self.agreements.append(dict(
            id=agreement_id, dispute_id=self.dispute_id, version=version, kind=self.settlement,
            status="signed", party_ids=self.party_ids, facts=self.facts,
            issues="赔偿数额及履行方式" if terms else "",
            responsibility="经调解，双方对各自责任达成共识" if terms else "",
            oral_content="" if terms else "双方当场和解，被申请人当面赔礼道歉",
            place="派出所调解室", signed_on=signed_on, signed_at=self.at, signed_by=self.by,
            supersedes_id=previous["id"] if previous else None, correction_reason="",
            created_at=self.at, created_by=self.by, updated_at=self.at, edit_version=1,
        ))
        self.terms += terms
        self.add(EventKind.SETTLED, DisputeState.SETTLED,
                 reason="书面调解协议" if self.settlement == "written" else "口头协议",
                 data={"agreement": agreement_id})
        self.concluded_on = self.at.date()
        deadlines = [t["deadline"] for t in terms if t["way"] != "on_the_spot"]
        for planned in plan_visits(signed_on, offsets=(3, 30), performance_deadlines=deadlines):
            seq = len(self.visits) + 1
            self.visits.append(dict(
                id=self.dispute_id * 16 + seq, dispute_id=self.dispute_id,
                agreement_id=agreement_id, seq=seq, due_on=planned.due, planned_on=planned.due,
                origin=planned.origin.value, basis=planned.basis, status="planned",
                move_reason="", cancel_reason="", visited_on=None, way=None, visited="",
                visitors="", performance={}, satisfaction_mediation=None,
                satisfaction_police={}, conflict_returning=False, conflict_signs="",
                new_risks="", action="", remarks="", reopen_grounds="", reopened=False,
                recorded_by="", recorded_at=None, created_at=self.at, updated_at=self.at,
                row_version=1,
            ))

    def _record(self, visit: dict, how: str) -> None:
        rng = self.rng
        day = min(visit["due_on"] + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2))), self.today)
        keys = [str(t["id"]) for t in self.terms if t["agreement_id"] == visit["agreement_id"]]
        visit.update(
            status="done", visited_on=day, way=rng.choice(("phone", "phone", "home", "station")),
            visited=self.applicant_name, visitors=self.by,
            performance={k: how for k in keys} if keys else {WHOLE_AGREEMENT: how},
            satisfaction_mediation=rng.choices(("satisfied", "fairly", "dissatisfied"), (80, 17, 3))[0],
            satisfaction_police={k: rng.choices(("satisfied", "fairly", "dissatisfied"), (82, 15, 3))[0]
                                 for k, _ in POLICE_ASPECTS},
            action="告知当事人如有问题及时联系调解员", recorded_by=self.by,
            recorded_at=dt.datetime.combine(day, dt.time(15, 0)), updated_at=dt.datetime.combine(day, dt.time(15, 0)),
            row_version=2,
        )
        if day > self.at.date():
            self.at = dt.datetime.combine(day, dt.time(15, 0))

    def _follow_up(self, *, all_done: bool) -> None:
        behind = False  # visits are made in order: once one is missed, the rest wait too
        for visit in self.visits:
            if visit["status"] != "planned":
                continue
            recent = (self.today - visit["due_on"]).days <= 45
            behind = behind or (recent and self.rng.random() < 0.3)
            if all_done or (visit["due_on"] <= self.today and not behind):
                if visit["due_on"] > self.today:
                    visit.update(status="cancelled", cancel_reason="协议已履行完毕，当事人表示无需再回访")
                    continue
                self._record(visit, "fully")

    def _visit_and_reopen(self) -> None:
        first = next(v for v in self.visits if v["status"] == "planned")
        self._record(first, "refused")
        grounds = f"{first['visited_on']:%Y-%m-%d}回访发现协议被拒绝履行"
        first.update(reopen_grounds=grounds, reopened=True)
        for visit in self.visits:
            if visit["status"] == "planned":
                visit.update(status="cancelled", cancel_reason="案件重新调解，原回访计划取消")
        self.add(EventKind.REOPENED, DisputeState.IN_MEDIATION, reason=grounds,
                 data={"recurrence": True, "visit": first["id"]})
        self.recurrences += 1
        self.reopened_on = self.at.date()
        self.concluded_on = None
        self.settlement = None
