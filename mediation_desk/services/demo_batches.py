"""The demo's batches of cases (`mediation-desk demo`): made, and written into the file
being built, by the worker processes.

The workers import this module and not `services.demo`: it imports the standard library,
the domain and `persistence.grams` alone (no SQLAlchemy, no models), so that a worker is
ready in a quarter of a second rather than a second.  What the tables' columns hold is `_KINDS`, which a
test holds equal to the models.  Orchestration (the plan, the file built beside the
database, the check, the swap) is `services.demo`'s; see its docstring.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import itertools
import json
import random
import re
import sqlite3
from bisect import bisect
from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from mediation_desk.domain import figures
from mediation_desk.domain.calendar import WorkingCalendar
from mediation_desk.domain.case_numbers import format_case_number
from mediation_desk.domain.deadlines import (
    CaseClockFacts,
    TermClock,
    VisitClock,
    case_deadlines,
    deadline_rows,
)
from mediation_desk.domain.followups import (
    POLICE_ASPECTS,
    WHOLE_AGREEMENT,
    VisitOrigin,
    plan_visits,
)
from mediation_desk.domain.tiering import IntakeFacts, TierThresholds, suggest_tier
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
from mediation_desk.persistence.grams import search_grams

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


# ------------------------------------------------------------------ the tables' columns
# How SQLite stores a column other than as given (SQLAlchemy's forms: dates and datetimes
# as ISO text, JSON as text, decimals as floats, booleans as 0 and 1): the types of the
# models' columns, which a test holds equal.  Other columns are stored as they are; those
# that may be NULL are marked too (`_NULLABLE`), and every NULL is bound as `_NULL`.
_DATE, _DATETIME, _JSON, _NUMBER, _PLAIN, _NULLABLE, _BOOL = range(7)
_KINDS: dict[str, dict[str, int]] = {
    "roster_member": {"active": _BOOL, "created_at": _DATETIME},
    "dispute": {"intake_flags": _JSON, "registered_at": _DATETIME, "registered_on": _DATE, "accepted_on": _DATE, "concluded_on": _DATE, "occurred_on": _DATE, "amount": _NUMBER, "mediator_id": _NULLABLE, "grid_worker_id": _NULLABLE, "settlement": _NULLABLE, "referral_route": _NULLABLE, "red_acknowledged_at": _DATETIME, "reopened_on": _DATE, "accepted_day": _NULLABLE, "concluded_day": _NULLABLE, "first_session_day": _NULLABLE, "last_session_day": _NULLABLE, "turned_criminal_on": _DATE, "group_incident_on": _DATE, "judicial_confirmed_on": _DATE, "performed_on": _DATE, "updated_at": _DATETIME},
    "party": {"sex": _NULLABLE, "birth_date": _DATE, "vulnerable": _BOOL},
    "dispute_event": {"at": _DATETIME, "from_state": _NULLABLE, "to_state": _NULLABLE, "from_tier": _NULLABLE, "to_tier": _NULLABLE, "data": _JSON},
    "mediation_session": {"held_on": _DATE, "next_on": _DATE, "recorded_at": _DATETIME},
    "session_participant": {"roster_member_id": _NULLABLE},
    "agreement": {"party_ids": _JSON, "signed_on": _DATE, "signed_at": _DATETIME, "supersedes_id": _NULLABLE, "created_at": _DATETIME, "updated_at": _DATETIME},
    "agreement_term": {"obligor_party_id": _NULLABLE, "amount": _NUMBER, "deadline": _DATE},
    "followup_visit": {"agreement_id": _NULLABLE, "due_on": _DATE, "planned_on": _DATE, "visited_on": _DATE, "way": _NULLABLE, "performance": _JSON, "satisfaction_mediation": _NULLABLE, "satisfaction_police": _JSON, "conflict_returning": _BOOL, "reopened": _BOOL, "recorded_at": _DATETIME, "created_at": _DATETIME, "updated_at": _DATETIME},
    "case_deadline": {"due": _DATE, "guessed": _BOOL, "open": _BOOL, "counts_overdue": _BOOL},
    "screening_entry": {"grid_worker_id": _NULLABLE, "category": _NULLABLE, "found_on": _DATE, "dispute_id": _NULLABLE, "created_at": _DATETIME, "updated_at": _DATETIME},
}
# NULL as bound: SQLite stores a NaN bound as a parameter as NULL (a test holds it).  A
# float is bound at once, while Python 3.11's sqlite3 first looks for an adapter for every
# None (and bool), raising and clearing an AttributeError each time: five times as slow,
# a million times in a 100,000-case demo.
_NULL = float("nan")


def _count(values: list[Sequence]) -> int:
    return len(values[0]) if values else 0


def _counts(batch: _Batch) -> tuple[int, int]:
    return batch.parties, batch.events



def _open_building(building: Path, *, create: bool = True) -> sqlite3.Connection:
    """A connection to the file being built.  Nothing in it needs to survive a crash:
    until the swap the real database is untouched, so the journal, fsync and per-row
    checks are off (foreign keys and CHECK constraints are verified once at the end).
    A worker opens it with `create=False`: a file that is gone is an error, never made
    again empty."""
    where = building if create else f"{Path(building).resolve().as_uri()}?mode=rw"
    db = sqlite3.connect(where, isolation_level=None, timeout=600, uri=not create)
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -131072",
                   "temp_store = MEMORY", "foreign_keys = OFF", "ignore_check_constraints = ON"):
        db.execute(f"PRAGMA {pragma}")
    return db



def _stage_batch(db: sqlite3.Connection, batch: _Batch) -> None:
    """Bind the batch's values into this connection's own TEMP tables (in memory).  That
    takes no lock on the file, so the workers do it side by side; binding values one by
    one is most of the cost of writing them, and copying them over in SQL is cheap."""
    db.execute("BEGIN")
    for sql in _TEMPLATE_SQL:
        db.execute(sql)
    for table, (columns, values) in batch.tables.items():
        if _count(values):
            db.execute(_stage_table_sql(table, columns))
            db.executemany(_stage_insert_sql(table, columns), zip(*values, strict=True))
    if batch.cases:
        _stage_templates(db, batch)
    db.execute("COMMIT")


def _commit_batch(db: sqlite3.Connection, batch: _Batch) -> tuple[int, int]:
    """Copy a staged batch into the file, in one transaction (the writer's turn)."""
    db.execute("BEGIN IMMEDIATE")
    staged = [(table, columns) for table, (columns, values) in batch.tables.items() if _count(values)]
    for table, columns in staged:
        db.execute(_copy_sql(table, columns))
    # The trigram index batch by batch too: as fast as one rebuild at the end, and
    # done while the other worker is still making cases.
    db.execute("INSERT INTO dispute_search(rowid, search_text) SELECT id, search_text FROM temp.stage_dispute")
    if batch.cases:
        for layout in _LAYOUTS.values():
            db.execute(layout.expand_sql)
    db.execute("COMMIT")
    return _counts(batch)


def _clear_stage(db: sqlite3.Connection, batch: _Batch) -> None:
    """Empty this connection's TEMP tables of a batch written: after the writer's turn,
    which the other worker need not wait through for this."""
    for table, (_columns, values) in batch.tables.items():
        if _count(values):
            db.execute(f'DELETE FROM temp."stage_{table}"')
    db.execute("DELETE FROM temp.demo_case")


def _stage_columns(columns: tuple[str, ...]) -> str:
    return ", ".join('"doc"' if column == "rowid" else f'"{column}"' for column in columns)


@functools.cache
def _stage_table_sql(table: str, columns: tuple[str, ...]) -> str:
    return f'CREATE TEMP TABLE IF NOT EXISTS "stage_{table}" ({_stage_columns(columns)})'


@functools.cache
def _stage_insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f'INSERT INTO temp."stage_{table}" VALUES ({", ".join("?" * len(columns))})'


@functools.cache
def _copy_sql(table: str, columns: tuple[str, ...]) -> str:
    target = "dispute_grams" if table == "grams" else table
    names = ", ".join(f'"{column}"' if column != "rowid" else "rowid" for column in columns)
    return (f'INSERT INTO main."{target}" ({names}) '
            f'SELECT {_stage_columns(columns)} FROM temp."stage_{table}"')



# ------------------------------------------------------------ a worker's batches
_TURN: tuple | None = None  # in a worker process: (turn, next), see demo_workers.Workers
_WRITER: _Writer | None = None  # in a worker process, for the file its batches go to


class _Writer:
    """A worker's connection to the file being built, and the turn it waits for."""

    def __init__(self, building: Path, turn, next_batch) -> None:  # type: ignore[no-untyped-def]
        self.building, self.turn, self.next = building, turn, next_batch
        # Opened with the first batch: the worker starts before the file is ready.
        self.db: sqlite3.Connection | None = None

    def write(self, index: int, batch: _Batch) -> tuple[int, int]:
        try:
            if self.db is None:
                self.db = _open_building(self.building, create=False)
            _stage_batch(self.db, batch)  # before its turn: no lock on the file
        except BaseException:
            self.fail()
            raise
        with self.turn:
            self.turn.wait_for(lambda: self.next.value in (index, -1))
            if self.next.value != index:
                raise RuntimeError("another demo batch failed")
            try:
                counts = _commit_batch(self.db, batch)
            except BaseException:
                self.next.value = -1
                raise
            else:
                self.next.value = index + 1
            finally:
                self.turn.notify_all()
        _clear_stage(self.db, batch)
        return counts

    def fail(self) -> None:
        """No batch can be written after one that failed: the workers waiting stop."""
        with self.turn:
            self.next.value = -1
            self.turn.notify_all()


def worker_started(turn, next_batch) -> None:  # type: ignore[no-untyped-def]
    """Called in a worker process as it starts (demo_workers)."""
    global _TURN
    _TURN = (turn, next_batch)


def _make_and_write(spec: _BatchSpec) -> tuple[int, int]:
    global _WRITER
    assert _TURN is not None and spec.building is not None
    if _WRITER is None or _WRITER.building != spec.building:
        # A pool writes into one file; a new one would be a new run's.
        _WRITER = _Writer(spec.building, *_TURN)
    try:
        batch = _make_batch(spec)
    except BaseException:
        _WRITER.fail()
        raise
    return _WRITER.write(spec.index, batch)


@dataclass(frozen=True)
class _BatchSpec:
    """Everything one batch of cases is made from; each batch has its own random stream,
    so the result is the same whichever process makes it."""

    seed: int
    index: int
    first_offset: int
    first_id: int
    days: tuple[dt.date, ...]
    serials: tuple[int, ...]
    short_name: str
    today: dt.date
    roster: dict[str, tuple[tuple[int, str], ...]]
    grids: dict[int, str]
    sqlite: bool
    building: str | None = None  # the file the workers write into


# Per table: column names, and the values column by column (a sequence per column);
# `zip(*values)` gives the rows, and executemany over zip() builds no tuples that last.
_Tables = dict[str, tuple[tuple[str, ...], list[Sequence]]]


@dataclass
class _Batch:
    """One batch: its tables' values, and the cases whose stories SQL makes from
    templates as the batch is written (building a SQLite file only)."""

    tables: _Tables
    parties: int
    events: int  # in all, those SQL makes included
    cases: list[tuple] = field(default_factory=list)  # rows of _CASE_COLUMNS
    templates: dict[int, _Template] = field(default_factory=dict)  # those `cases` use


def _make_batch(spec: _BatchSpec) -> _Batch:
    """One batch's values per table, ready for executemany."""
    # Millions of small tuples and no reference cycles: the cyclic collector would only
    # walk them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _values_of_batch(spec)
    finally:
        if collecting:
            gc.enable()


def _values_of_batch(spec: _BatchSpec) -> _Batch:
    rng = random.Random(spec.seed * 1_000_003 + spec.first_offset)
    rand = rng.random
    # Writing into a SQLite file, the stories of templated cases are made by SQL.
    rows = _Rows(expanded=spec.sqlite)
    templates = _templates_for(spec)
    for k, (day, serial) in enumerate(zip(spec.days, spec.serials, strict=True)):
        offset = spec.first_offset + k
        # Every state, category and source shows up even in a small demo; the rest are
        # drawn by weight.
        state = _STATES[offset] if offset < len(_STATES) else _STATE_DRAW.draw(rand)
        age = (spec.today - day).days
        if state is DisputeState.CLOSED and age < 40:
            state = DisputeState.SETTLED
        if state in _TAKES_DAYS and age < 10:
            state = DisputeState.IN_MEDIATION  # a mediation to an end takes days
        category = _CATEGORIES[offset % len(_CATEGORIES)] if offset < 30 else _pick(rand, _CATEGORIES)
        source = _SOURCES[offset % len(_SOURCES)] if offset < 30 else _pick(rand, _SOURCES)
        number = format_case_number(day.year, spec.short_name, serial)
        _one_case(rng, rows, spec.first_id + k, number, day, serial, state, category, source,
                  spec.roster, spec.grids, spec.today, offset, templates)
    _screening_log(rand, rows, spec)
    tables = {
        "dispute": (_DISPUTE_COLUMNS, rows.disputes),
        "party": (_PARTY_COLUMNS, rows.parties),
        "dispute_event": (_EVENT_COLUMNS, rows.events),
        "mediation_session": (_SESSION_COLUMNS, rows.sessions),
        "session_participant": (_PARTICIPANT_COLUMNS, rows.participants),
        "agreement": (_AGREEMENT_COLUMNS, rows.agreements),
        "agreement_term": (_TERM_COLUMNS, rows.terms),
        "followup_visit": (_VISIT_COLUMNS, rows.visits),
        "case_deadline": (_DEADLINE_COLUMNS, rows.clocks),
        "screening_entry": (_SCREENING_COLUMNS, rows.screening),
    }
    events = len(rows.events) + rows.templated_events
    if not spec.sqlite:
        return _Batch({name: (columns, list(zip(*table_rows, strict=True)))
                       for name, (columns, table_rows) in tables.items()},
                      parties=len(rows.parties), events=events)
    values = _SqliteValues()
    batch = {name: (columns, _sqlite_columns(name, columns, table_rows, values))
             for name, (columns, table_rows) in tables.items()}
    # The short-term index's tokens, made here rather than by the writing process.
    batch["grams"] = (("rowid", "grams"), [batch["dispute"][1][0], rows.grams])
    return _Batch(batch, parties=len(rows.parties), events=events, cases=rows.cases or [],
                  templates=rows.templates)


class _Rows:
    """A batch's rows, table by table, and its cases told from templates (`cases`, rows
    of `_CASE_COLUMNS`, when SQL makes their stories' rows; else None)."""

    def __init__(self, *, expanded: bool = False) -> None:
        self.disputes: list[tuple] = []
        self.parties: list[tuple] = []
        self.events: list[tuple] = []
        self.sessions: list[tuple] = []
        self.participants: list[tuple] = []
        self.agreements: list[tuple] = []
        self.terms: list[tuple] = []
        self.visits: list[tuple] = []
        self.clocks: list[tuple] = []
        self.flags: dict[tuple[int, str], dict] = {}  # intake flags, shared (see _one_case)
        self.screening: list[tuple] = []  # without their ids (see _screening_log)
        self.cases: list[tuple] | None = [] if expanded else None
        self.templates: dict[int, _Template] = {}  # by number, those `cases` use
        self.templated_events = 0  # the events SQL makes for `cases`
        self.grams: list[str] = []  # each dispute's search_grams(search_text), in order


# ------------------------------------------------------------ values as SQLite has them
def _sqlite_columns(table: str, columns: tuple[str, ...], rows: list,
                    values: _SqliteValues | None = None) -> list[Sequence]:
    """The rows' values column by column, with dates, datetimes, decimals and JSON as
    SQLAlchemy itself stores them in SQLite."""
    values = values or _SqliteValues()
    kinds = _KINDS[table]
    by_column: list[Sequence] = list(zip(*rows, strict=True))
    for i, name in enumerate(columns if rows else ()):
        convert = values.converter(kinds.get(name, _PLAIN))
        if convert is not None:
            by_column[i] = convert(by_column[i])
    return by_column


class _SqliteValues:
    """Converts values to SQLite's text forms, each distinct value once per batch.

    A batch holds about 100,000 dates and as many datetimes but far fewer distinct ones,
    and the same few JSON objects (an empty performance record, the 27 satisfaction
    answers) again and again."""

    def __init__(self) -> None:
        self._dates: dict[dt.date | None, str | float] = {None: _NULL}
        self._datetimes: dict[dt.datetime | None, str | float] = {None: _NULL}
        # By id(): the objects live as long as the batch.
        self._json: dict[int, str | float] = {id(None): _NULL}

    def converter(self, kind: int) -> Callable[[Sequence], list] | None:
        return {_DATETIME: self.datetimes, _DATE: self.dates, _JSON: self.json,
                _NUMBER: _sqlite_numbers, _NULLABLE: _sqlite_nulls, _BOOL: _sqlite_booleans}.get(kind)

    def datetimes(self, values: Sequence) -> list:
        return _memoised(values, self._datetimes, _datetime_text)

    def dates(self, values: Sequence) -> list:
        return _memoised(values, self._dates, dt.date.isoformat)

    def json(self, values: Sequence) -> list:
        memo = self._json
        out = []
        for v in values:
            text = memo.get(id(v))
            if text is None and v is not None:
                text = memo[id(v)] = _json(v)
            out.append(text)
        return out


def _memoised(values: Sequence, memo: dict, convert: Callable[[object], str]) -> list:
    """Each value as `convert` gives it (None as `memo` has it), each distinct value once."""
    out = []
    for v in values:
        text = memo.get(v)
        if text is None and v is not None:
            text = memo[v] = convert(v)
        out.append(text)
    return out


def _datetime_text(value: dt.datetime) -> str:
    return value.isoformat(" ", "microseconds")  # SQLAlchemy's "%Y-%m-%d %H:%M:%S.%f"


def _sqlite_numbers(values: Sequence) -> list:
    return [_NULL if v is None else float(v) for v in values]


def _sqlite_nulls(values: Sequence) -> list:
    return [_NULL if v is None else v for v in values]


def _sqlite_booleans(values: Sequence) -> list:
    return list(map(int, values))  # never None (the models' booleans are NOT NULL)


def _json_encoder() -> Callable[[object], str]:
    """json.dumps(value, ensure_ascii=False), as the demo has always stored JSON.

    JSONEncoder.encode makes a new C encoder for every call, which is most of its cost on
    small objects; the same C encoder, made once, gives the same text in half the time.
    (Without cycle detection: the demo's values are plain trees.)"""
    plain = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return plain.encode
    encode = make(None, plain.default, json.encoder.encode_basestring, None, ": ", ", ",
                  False, False, True)
    return lambda value: "".join(encode(value, 0))


_json = _json_encoder()


# ------------------------------------------------------------------------ drawing
# A batch draws half a million times.  `random.Random`'s own choice/randint/choices go
# through several Python-level calls each; these draw the same distributions straight
# from `random()` (uniform to within 2**-53).
def _pick(rand: Callable[[], float], seq: Sequence):  # type: ignore[no-untyped-def]
    return seq[int(rand() * len(seq))]


def _between(rand: Callable[[], float], low: int, high: int) -> int:
    """Like randint: low and high included."""
    return low + int(rand() * (high - low + 1))


def _some(rand: Callable[[], float], population: Sequence, k: int) -> list:
    """Like random.sample: k different members in random order."""
    pool = list(population)
    return [pool.pop(int(rand() * len(pool))) for _ in range(k)]


class _Weighted:
    """Like random.choices(population, weights)[0], with the running sums made once."""

    def __init__(self, population: Sequence, weights: Sequence[float]) -> None:
        self.population = tuple(population)
        self.sums: list[float] = []
        total = 0.0
        for weight in weights:
            total += weight
            self.sums.append(total)
        self.total = total
        self.last = len(self.population) - 1

    def draw(self, rand: Callable[[], float]):  # type: ignore[no-untyped-def]
        return self.population[bisect(self.sums, rand() * self.total, 0, self.last)]


_STATES = tuple(STATE_WEIGHTS)
_STATE_DRAW = _Weighted(STATE_WEIGHTS, STATE_WEIGHTS.values())
_CATEGORIES = tuple(Category)
_SOURCES = tuple(Source)
_RISK_DRAW = _Weighted(RiskGrade, (3, 9, 25, 63))
_AMOUNT_DRAW = _Weighted((800, 1500, 3000, 6000, 12000, 25000, 60000, 150000),
                         (25, 25, 20, 15, 7, 4, 3, 1))
_ESCALATIONS_DRAW = _Weighted((0, 1, 2), (75, 20, 5))
_SATISFACTION = ("satisfied", "fairly", "dissatisfied")
_MEDIATION_SATISFACTION_DRAW = _Weighted(_SATISFACTION, (80, 17, 3))
_POLICE_SATISFACTION_DRAW = _Weighted(_SATISFACTION, (82, 15, 3))
# Each aspect answered on its own; the 27 possible answer sets are made once and shared
# (never changed), so that each is turned into JSON once per batch.
_POLICE_ANSWERS = {
    answers: dict(zip((key for key, _label in POLICE_ASPECTS), answers, strict=True))
    for answers in itertools.product(_SATISFACTION, repeat=len(POLICE_ASPECTS))
}
_NOT_YET: dict = {}  # performance and satisfaction of a visit not made (shared, never changed)
_WHOLE = {how: {WHOLE_AGREEMENT: how} for how in ("fully", "refused")}

# Values of enum members, looked up rather than read through Enum's `value` property.
_VALUE = {member: member.value for kind in (DisputeState, EventKind, PartySide, PartyType,
                                             Category, Source, RiskGrade, DisputeKind)
          for member in kind}
_DAYS = tuple(dt.timedelta(days=n) for n in range(100))
_MINUTES = tuple(dt.timedelta(minutes=n) for n in range(100))
_THREE_DIGITS = tuple(f"{n:03d}" for n in range(1000))


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rand = rng.random

    def person(self) -> str:
        return _person(self.rand)


def _person(rand: Callable[[], float]) -> str:
    surname = (COMPOUND_SURNAMES[int(rand() * 4)] if rand() < 0.02
               else SURNAMES[int(rand() * len(SURNAMES))])
    pool = RARE if rand() < 0.06 else GIVEN
    n = len(pool)
    if rand() < 0.3:
        return surname + pool[int(rand() * n)]
    return surname + pool[int(rand() * n)] + pool[int(rand() * n)]


def _id_number(rand: Callable[[], float], birth: dt.date, male: bool) -> str:
    order = int(rand() * 100) * 10 + 2 * int(rand() * 5) + (1 if male else 0)  # odd for men
    region = REGIONS[int(rand() * len(REGIONS))]
    born = _BORN.get(birth)
    if born is None:  # (some 30,000 dates in a worker: their sums made from parts too)
        year, month, day = birth.year, birth.month, birth.day
        born = _BORN[birth] = (f"{year:04d}{_TWO_DIGITS[month]}{_TWO_DIGITS[day]}",
                               _year_sum(year) + _MONTH_SUMS[month] + _DAY_SUMS[day])
    total = _REGION_SUMS[region] + born[1] + _ORDER_SUMS[order]
    return region + born[0] + _THREE_DIGITS[order] + _ID_CHECKS[total % 11]


# GB 11643: the check character follows from the digits' weighted sum modulo 11.  The
# sums are made here in parts (region, birth date, order), 230,000 times per demo; the
# character for each remainder is the domain's own (`generate_id_check_char`).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _weighted_sum(digits: str, weights: Sequence[int]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


def _id_checks() -> str:
    checks = [""] * 11
    for tail in range(100):  # the last two digits alone reach every remainder
        first17 = f"{0:015d}{tail:02d}"
        checks[_weighted_sum(first17, _ID_WEIGHTS) % 11] = generate_id_check_char(first17)
    return "".join(checks)


_ID_CHECKS = _id_checks()
_REGION_SUMS = {region: _weighted_sum(region, _ID_WEIGHTS[:6]) for region in REGIONS}
_ORDER_SUMS = tuple(_weighted_sum(f"{n:03d}", _ID_WEIGHTS[14:]) for n in range(1000))
_BORN: dict[dt.date, tuple[str, int]] = {}  # birth date -> its digits and their weighted sum
_TWO_DIGITS = tuple(f"{n:02d}" for n in range(32))
_MONTH_SUMS = tuple(_weighted_sum(f"{n:02d}", _ID_WEIGHTS[10:12]) for n in range(13))
_DAY_SUMS = tuple(_weighted_sum(f"{n:02d}", _ID_WEIGHTS[12:14]) for n in range(32))


@functools.cache
def _year_sum(year: int) -> int:
    return _weighted_sum(f"{year:04d}", _ID_WEIGHTS[6:10])


def _phone(rand: Callable[[], float]) -> str:
    return f"1{'3456789'[int(rand() * 7)]}{int(rand() * 1_000_000_000):09d}"


def _birth(rand: Callable[[], float], on: dt.date, minor: bool = False) -> dt.date:
    years = _between(rand, 8, 17) if minor else _ADULT_YEARS[int(rand() * len(_ADULT_YEARS))]
    return on - _DAYS_BACK[years * 365 + int(rand() * 365)]


def _triangular(u: float, low: float, high: float, mode: float) -> float:
    """The inverse of the triangular distribution's CDF (random.triangular's)."""
    c = (mode - low) / (high - low)
    if u > c:
        u, c, low, high = 1.0 - u, 1.0 - c, high, low
    return low + (high - low) * (u * c) ** 0.5


# Adults mostly of working age, about one in twelve 70 or older: a triangular
# distribution from 19 to 85 peaking at 42, as 4096 equally likely ages.
_ADULT_YEARS = tuple(int(_triangular((n + 0.5) / 4096, 19, 85, 42)) for n in range(4096))
_DAYS_BACK = tuple(dt.timedelta(days=n) for n in range(86 * 365))


def _roster(rng: random.Random, names: _Names, now: dt.datetime) -> list[dict]:
    rows: list[dict] = []

    def add(role: RosterRole, name: str, org: str = "", title: str = "", grid: str = "") -> None:
        rows.append(dict(name=name, role=role.value, organisation=org, title=title,
                         phone=_phone(rng.random), grid=grid, active=True, created_at=now))

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


# ------------------------------------------------------------- grid screening log
_SCREENING_COLUMNS = (
    "id", "found_on", "grid", "grid_worker_id", "grid_worker", "household", "address",
    "phone", "conflict", "category", "risk", "action", "handed_to", "remarks", "dispute_id",
    "created_at", "created_by", "updated_at", "row_version",
)
_GRID_SCREENING = Source.GRID_SCREENING
# About one screening entry per four disputes; a third of the entries were taken in as
# disputes (source 网格员排查).  With seven sources drawn alike, that is this share of the
# grid-screening disputes; the rest of the log is hidden conflicts dealt with otherwise.
_ENTRIES_PER_DISPUTE = 0.25
_SCREENED_AND_TAKEN_IN = (_ENTRIES_PER_DISPUTE / 3) * len(Source)
_SCREENING_RISK_DRAW = _Weighted(RiskGrade, (1, 5, 32, 62))
_SIGNS = {RiskGrade.RED: "，一方扬言报复，有激化为刑事案件的苗头",
          RiskGrade.ORANGE: "，双方多次争吵，情绪激动",
          RiskGrade.YELLOW: "，双方曾发生口角",
          RiskGrade.BLUE: "，目前双方较为克制"}
# Hidden conflicts a grid worker finds on a round of the households: (category or None
# when it fits none yet, what was found).
_HIDDEN = (
    (Category.NEIGHBOUR, "邻里因房前屋后排水沟堵塞互相指责"),
    (Category.NEIGHBOUR, "邻居家犬只夜间吠叫、粪便未清理，双方发生口角"),
    (Category.NEIGHBOUR, "楼上住户装修噪音大，楼下住户多次上门理论"),
    (Category.MARRIAGE_FAMILY, "兄弟姊妹因老人赡养费用分摊问题多次争吵"),
    (Category.MARRIAGE_FAMILY, "夫妻长期不和，女方已回娘家居住，双方亲属有冲突苗头"),
    (Category.HOUSING_HOMESTEAD, "两户因宅基地界桩被移动发生争吵"),
    (Category.HOUSING_HOMESTEAD, "村民建房占用公共通道，邻户意见较大"),
    (Category.LABOUR, "务工人员反映工地工资未按月发放，准备集体讨薪"),
    (Category.LAND_ACQUISITION, "部分村民对征地补偿款分配方案有意见"),
    (Category.ENVIRONMENT, "养殖场异味及污水影响周边住户，住户准备集体反映"),
    (Category.PROPERTY_MANAGEMENT, "小区业主对物业费上调不满，在业主群发布过激言论"),
    (Category.CONSUMER, "商户与顾客因退换货发生争执，顾客多次到店吵闹"),
    (Category.FOREST_LAND, "两组村民因山林界限不清，砍伐林木时发生争执"),
    (Category.CONTRACT, "村民之间借款到期未还，债权人多次上门催要"),
    (Category.PRODUCTION_BUSINESS, "合伙经营的农家乐因账目不清，合伙人之间产生矛盾"),
    (Category.TRAFFIC, "电瓶车与行人碰擦后赔偿未谈妥，双方仍有怨气"),
    (Category.DAMAGES, "两户酒后发生推搡，一方受轻微擦伤，医药费未谈妥"),
    (Category.MEDICAL, "患者家属对村卫生室输液后不适不满，多次到卫生室争吵"),
    (Category.OTHER, "因灌溉用水先后顺序，上下游农户发生争执"),
    (None, "独居老人反映与租户相处不睦，担心人身安全"),
    (None, "村民对村务公开有疑问，情绪较大"),
)
# What the grid worker did about it, and to whom it was handed (for a department, the
# one that deals with the category where there is one).
_ON_THE_SPOT = ("当场劝导，双方表示不再争执", "")
_TO_COMMITTEE = ("告知村（居）委会调解委员会，约定三日内上门调处", "村（居）委会调解委员会")
_TO_OFFICER = ("报告社区民警，列入重点关注对象", "")  # handed to the officer, by name
_TO_DEPARTMENT = ("移交职能部门依法处理", "")  # handed to the department, by name
_KEEP_WATCHING = ("持续跟踪，每周走访一次", "")
_ACTION_DRAW = _Weighted((_ON_THE_SPOT, _TO_COMMITTEE, _TO_OFFICER, _TO_DEPARTMENT, _KEEP_WATCHING),
                         (35, 20, 15, 10, 20))
_DEPARTMENT_FOR = {Category.LABOUR: "人社局劳动监察大队", Category.CONSUMER: "市场监管所",
                   Category.ENVIRONMENT: "综合执法大队", Category.PROPERTY_MANAGEMENT: "住建局",
                   Category.HOUSING_HOMESTEAD: "住建局"}
_TAKEN_IN = "劝导双方保持克制，引导当事人到警民联调工作站申请调解"
_STATION = "警民联调工作站"
_REMARKS = ("", "", "", "已电话回访，矛盾未激化", "当事人表示愿意调解", "已告知当事人法律途径")
_RISKS = tuple(RiskGrade)
# End states a case reaches through sessions held days apart: not yet, for the newest.
_TAKES_DAYS = (DisputeState.SETTLED, DisputeState.FAILED, DisputeState.REFERRED)
_SCREENING_HOURS = tuple(dt.time(hour, minute) for hour in range(8, 18) for minute in (0, 15, 30, 45))


def _screening_of_case(rand, dispute_id: int, registered_on: dt.date, applicant: _PartyRow,  # type: ignore[no-untyped-def]
                       category: Category, risk: RiskGrade, grid_worker_id: int,
                       grid_worker: str, grid: str) -> tuple:
    """The log entry of a hidden conflict the grid worker found a few days before the
    applicant came to register it (without its id)."""
    found_on = registered_on - _DAYS[1 + int(rand() * 6)]
    at = dt.datetime.combine(found_on, _pick(rand, _SCREENING_HOURS))
    household = applicant.name if applicant.party_type == _PERSON else applicant.legal_representative
    return (
        found_on, grid, grid_worker_id, grid_worker, f"{household}户", applicant.address,
        applicant.phone, f"{household}户反映：{STORIES[category][0]}{_SIGNS[risk]}",
        _VALUE[category], _VALUE[risk], _TAKEN_IN, _STATION, _pick(rand, _REMARKS), dispute_id,
        at, grid_worker, at, 1,
    )


def _screening_log(rand, rows: _Rows, spec: _BatchSpec) -> None:  # type: ignore[no-untyped-def]
    """The batch's share of the grid screening log: the entries of its disputes taken in
    from a screening (made with the cases), and hidden conflicts dealt with otherwise,
    found over the same days; then every entry's id, in the order they were found (ids
    of a batch come from its own range, like the disputes')."""
    grid_workers, officers, departments = (spec.roster["grid_worker"], spec.roster["officer"],
                                           spec.roster["department"])
    department_of = {name: (member_id, name) for member_id, name in departments}
    first, span = spec.days[0], (spec.days[-1] - spec.days[0]).days + 1
    for n in range(int(len(spec.days) * _ENTRIES_PER_DISPUTE) - len(rows.screening)):
        found_on = first + dt.timedelta(days=int(rand() * span))
        grid_worker_id, grid_worker = _pick(rand, grid_workers)
        grid = spec.grids[grid_worker_id]
        category, found = _pick(rand, _HIDDEN)
        # Every risk grade shows up even in a small demo; the rest are drawn by weight.
        risk = _RISKS[n] if spec.index == 0 and n < len(_RISKS) else _SCREENING_RISK_DRAW.draw(rand)
        action, handed_to = _ACTION_DRAW.draw(rand)
        if risk is _RED or risk is RiskGrade.ORANGE:
            action = _TO_OFFICER[0]
        if action == _TO_OFFICER[0]:
            handed_to = f"{_pick(rand, officers)[1]}（社区民警）"
        elif action == _TO_DEPARTMENT[0]:
            handed_to = department_of.get(_DEPARTMENT_FOR.get(category, "司法所"),
                                          _pick(rand, departments))[1]
        household = _person(rand)
        at = dt.datetime.combine(found_on, _pick(rand, _SCREENING_HOURS))
        rows.screening.append((
            found_on, grid, grid_worker_id, grid_worker, f"{household}户",
            f"{grid[:3]}{1 + int(rand() * 30)}组{1 + int(rand() * 99)}号", _phone(rand),
            f"{household}户：{found}{_SIGNS[risk]}",
            None if category is None else _VALUE[category], _VALUE[risk], action, handed_to,
            _pick(rand, _REMARKS), None, at, grid_worker, at, 1,
        ))
    rows.screening.sort(key=_FOUND)
    rows.screening[:] = [(spec.first_id + n, *entry) for n, entry in enumerate(rows.screening)]


_FOUND = itemgetter(0, 14)  # found_on, created_at


# ------------------------------------------------------------------------ one case
_DISPUTE_COLUMNS = (
    "id", "number", "year", "serial", "kind", "source", "category", "state", "tier",
    "suggested_tier", "tier_reason", "intake_flags", "risk", "registered_at", "registered_on",
    "accepted_on", "concluded_on", "occurred_on", "place", "summary", "applicant_claims",
    "respondent_claims", "amount", "people_involved", "grid", "community_officer",
    "mediator_id", "grid_worker_id", "parties_display", "search_text", "registered_by",
    "updated_at", "version", "settlement", "referral_route", "red_acknowledged_at",
    "red_acknowledged_by", "duty_leader", "recurrences", "reopened_on", "long_running_reason",
    "accepted_day", "concluded_day", "outcome", "first_session_day", "last_session_day",
    "performed_on", "judicial_confirmed_on", "turned_criminal_on", "group_incident_on",
)
_SEARCH_TEXT = _DISPUTE_COLUMNS.index("search_text")
_RESPONDENT = PartySide.RESPONDENT.value
_LABOUR, _DAMAGES = Category.LABOUR, Category.DAMAGES
_RED = RiskGrade.RED
_MONEY_HALF_THE_TIME = (Category.MARRIAGE_FAMILY, Category.NEIGHBOUR)
_SIDES = (PartySide.APPLICANT, PartySide.RESPONDENT)
_TWENTY_MINUTES = dt.timedelta(minutes=20)


def _one_case(rng, rows, dispute_id, number, day, serial, state, category, source,  # type: ignore[no-untyped-def]
              roster, grid_of, today, offset, templates) -> None:
    rand = rng.random
    registered_at = dt.datetime(day.year, day.month, day.day, 8 + int(rand() * 10), int(rand() * 60))
    n_applicants = 1 if rand() < 0.93 else _between(rand, 2, 4)
    n_respondents = 1 if rand() < 0.95 else _between(rand, 2, 3)
    if category is _LABOUR and rand() < 0.3:
        n_applicants = _between(rand, 5, 12)
    parties: list[_PartyRow] = []
    for side, count in zip(_SIDES, (n_applicants, n_respondents), strict=True):
        for _ in range(count):
            parties.append(_party(rng, dispute_id, side, len(parties), day, category))
    amount = None
    if category not in _MONEY_HALF_THE_TIME or rand() < 0.5:
        amount = Decimal(_AMOUNT_DRAW.draw(rand) + int(rand() * 100))
    risk = _RISK_DRAW.draw(rand)
    people_on_one_side = max(n_applicants, n_respondents)
    suggested, explanation = _suggestion(category, risk, len(parties), people_on_one_side, amount,
                                         n_applicants if category is _LABOUR else 0,
                                         any(p.vulnerable for p in parties))
    tier, tier_reason = suggested, ""
    if offset < 30 and tier is not Tier((offset % 3) + 1):
        # The first cases cover every tier; where that differs from the rules, the
        # mediator's override and its reason are recorded as they would be at intake.
        tier, tier_reason = Tier((offset % 3) + 1), "调解员根据现场情况调整层级"
    mediator_id, mediator_name = _pick(rand, roster["mediator"])
    grid_worker_id, grid_worker = _pick(rand, roster["grid_worker"])
    summary, applicant_claims, respondent_claims = STORIES[category]
    town = _pick(rand, TOWNS)
    registered_reason = explanation + (f"；调解员改为{tier.label}：{tier_reason}" if tier_reason else "")
    respondent = next(p for p in parties if p.side == _RESPONDENT)
    # Most cases long over are told from a story template (see `_Template`).
    template = templates.pick(rand, state, tier) if state in _TEMPLATED else None
    if template is not None:
        if (today - day).days > template.span + _TEMPLATE_MARGIN:
            registered_at = dt.datetime.combine(day, template.clock)
        else:
            template = None  # the story would reach into the last weeks: told afresh
    story = None
    if template is not None and rows.cases is not None:
        # Its rows, moved to this case, are made by SQL as the batch is written (its
        # registration too, with this case's reason).
        rows.cases.append((dispute_id, template.number, day.toordinal() + _JULIAN_DAY_ZERO,
                           mediator_name, parties[0].name, respondent.id, respondent.name,
                           _json([p.id for p in parties]), f"{summary}。", registered_reason))
        rows.templates[template.number] = template
        rows.templated_events += template.events
        end = template.end.shifted(day - _TEMPLATE_DAY)
    else:
        story = _Story(rng if template is None else template.rng(), rows, dispute_id, registered_at,
                       tier, mediator_name, today, roster, registered_reason)
        story.party_ids = [p.id for p in parties]
        story.respondent_id, story.respondent_name = respondent.id, respondent.name
        story.applicant_name = parties[0].name
        story.facts = f"{summary}。"
        story.run_to(state)
        story.finish()
        end = story.end()
    long_running = ""
    if state in (DisputeState.ACCEPTED, DisputeState.IN_MEDIATION) and (
        today - (end.reopened_on or end.accepted_on or today)
    ).days > 30 and rand() < 0.8:
        long_running = _pick(rand, _LONG_RUNNING)
    kind = (DisputeKind.PUBLIC_SECURITY if category is _DAMAGES and rand() < 0.4
            else DisputeKind.PEOPLES)
    red = risk is _RED
    people = len(parties) + int(rand() * 4)
    # Shared by the cases with the same flags, so that each is turned into JSON once.
    flags = rows.flags.get((people_on_one_side, explanation))
    if flags is None:
        flags = rows.flags[people_on_one_side, explanation] = {
            "largest_side": people_on_one_side, "suggestion": explanation}
    searched = _search_text(number, parties)
    if rows.cases is not None:  # building a SQLite file: the short-term index's tokens too
        rows.grams.append(_search_grams(number, parties))
    rows.disputes.append((
        dispute_id, number, day.year, serial, _VALUE[kind], _VALUE[source], _VALUE[category],
        _VALUE[state], int(end.tier), int(suggested), tier_reason, flags, _VALUE[risk],
        registered_at, day, end.accepted_on, end.concluded_on, day - _DAYS[int(rand() * 11)],
        f"{town}{_pick(rand, PLACES)}", f"{town}{summary}。", applicant_claims,
        respondent_claims, amount, people, grid_of[grid_worker_id],
        _pick(rand, roster["officer"])[1], mediator_id, grid_worker_id,
        _parties_display(parties, n_applicants, n_respondents), searched, mediator_name, end.at, 1,
        end.settlement, end.referral_route,
        # Most red cases had the duty leader told; recent ones may still be waiting.
        registered_at + _TWENTY_MINUTES if red and (today - day).days > 60 else None,
        mediator_name if red else "", "刘所长" if red else "", end.recurrences,
        end.reopened_on, long_running,
        *_figure_columns(end, state, dispute_id, people, today),
    ))
    rows.parties += parties
    if state in _CLOCKED:
        if story is not None:
            rows.clocks += _clock_rows(dispute_id, _clock_facts(state, story), kind, long_running)
        elif kind is not DisputeKind.PEOPLES or templates.clocks_run(template, bool(long_running)):
            # (A people's mediation's clocks count days, so whether any runs is the
            # template's to say; most cases long over have none.)
            facts = _moved_clock_facts(template.clock_facts, day - _TEMPLATE_DAY, dispute_id)
            rows.clocks += _clock_rows(dispute_id, facts, kind, long_running)
    if source is _GRID_SCREENING and rand() < _SCREENED_AND_TAKEN_IN:
        rows.screening.append(_screening_of_case(rand, dispute_id, day, parties[0], category,
                                                 risk, grid_worker_id, grid_worker,
                                                 grid_of[grid_worker_id]))


_OUTCOMES: dict[tuple[DisputeState, str | None], int] = {}


def _outcome(state: DisputeState, settlement: str | None) -> int:
    key = (state, settlement)
    found = _OUTCOMES.get(key)
    if found is None:
        found = _OUTCOMES[key] = int(figures.outcome_of(_VALUE[state], settlement))
    return found


def _parties_display(parties: list[_PartyRow], applicants: int, respondents: int) -> str:
    """services.cases.parties_display of a demo case's parties (applicants first): the
    same text, without looking at each party's side (a test holds them equal)."""
    first, other = parties[0].name, parties[applicants].name
    return (f"{first if applicants == 1 else f'{first}等{applicants}人'} 与 "
            f"{other if respondents == 1 else f'{other}等{respondents}人'}")[:300]


def _search_text(number: str, parties: list[_PartyRow]) -> str:
    """services.cases.search_text of a demo case (a test holds them equal)."""
    pieces = [number]
    for party in parties:
        pieces += _SEARCHED(party)
    return " ".join(filter(None, pieces)).lower()


def _search_grams(number: str, parties: list[_PartyRow]) -> str:
    """persistence.search.search_grams(_search_text(number, parties)), piece by piece:
    the case number's letters are the station's (the same in every case), a name is
    letters alone (its tokens made here: most names occur once, so a cache would mostly
    miss), and of an ID number only a final x is a letter; phones have none.  (The
    short-term index is contentless: what a later edit deletes must be what was put in,
    token for token, so a test holds the two equal.)"""
    grams = dict.fromkeys(_piece_grams(number.translate(_NO_DIGITS)))
    for party in parties:
        name, id_number, _phone, agent, _agent_phone, guardian, _guardian_phone, code = _SEARCHED(party)
        _add_name_grams(grams, name)
        if id_number[-1:] in ("x", "X"):
            grams["x"] = None
        if agent:
            _add_name_grams(grams, agent)
        if guardian:
            _add_name_grams(grams, guardian)
        if code:
            grams.update(dict.fromkeys(_piece_grams(code)))
    return " ".join(grams)


def _add_name_grams(grams: dict[str, None], name: str) -> None:
    """A name's tokens into `grams`, in search_grams's order: each letter, then the pair
    it begins (a name of letters alone, in lower case, is one run of letters)."""
    if name.isalpha() and name == name.lower():
        grams[name[0]] = None
        for i in range(1, len(name)):
            grams[name[i - 1:i + 1]] = None
            grams[name[i]] = None
    else:  # not a plain name: digits, punctuation or capitals in it
        grams.update(dict.fromkeys(_piece_grams(name)))


_NO_DIGITS = str.maketrans("0123456789", " " * 10)  # digits part letter runs, as spaces do


@functools.lru_cache(maxsize=1 << 12)  # the station's letters; odd names; credit codes
def _piece_grams(piece: str) -> tuple[str, ...]:
    grams = search_grams(piece)
    return tuple(grams.split(" ")) if grams else ()


_THRESHOLDS = TierThresholds()
_SUGGESTIONS: dict[tuple, tuple[Tier, str]] = {}


def _suggestion(category: Category, risk: RiskGrade, party_count: int, largest_side: int,
                amount: Decimal | None, unpaid_workers: int, vulnerable: bool) -> tuple[Tier, str]:
    """suggest_tier's tier and explanation, made once for each set of facts (the amount
    only counts against the thresholds)."""
    money = 0 if amount is None else 1 + (amount >= _THRESHOLDS.tier2_amount) + (amount >= _THRESHOLDS.tier3_amount)
    key = (category, risk, party_count, largest_side, money, unpaid_workers, vulnerable)
    found = _SUGGESTIONS.get(key)
    if found is None:
        suggestion = suggest_tier(IntakeFacts(
            category=category, risk=risk, party_count=party_count, largest_side=largest_side,
            amount=amount, unpaid_workers=unpaid_workers, vulnerable_party=vulnerable,
        ), _THRESHOLDS)
        found = _SUGGESTIONS[key] = (suggestion.tier, suggestion.explanation())
    return found


def _figure_columns(end: _StoryEnd, state: DisputeState, dispute_id: int, people: int,
                    today: dt.date) -> tuple:
    """The columns the figures read (domain.figures), as persistence.figures would set
    them, and the facts recorded on a few cases: agreements found performed, judicial
    confirmations, disputes turned criminal, group incidents prevented.  In the order of
    the last nine of `_DISPUTE_COLUMNS`."""
    concluded = state is _S.SETTLED or state is _S.CLOSED
    performed = end.performed_on if concluded else None
    # Rare recorded facts, spread by the case's id so the random stream is unchanged.
    judicial = (end.signed_on + _DAYS[12]
                if concluded and end.signed_written and dispute_id % 23 == 0 else None)
    # Never a date after today (the app refuses future dates).
    if judicial is not None and judicial > today:
        judicial = None
    criminal = (end.concluded_on if (state is _S.FAILED or state is _S.REFERRED)
                and end.concluded_on and dispute_id % 17 == 0 else None)
    group = (end.accepted_on + _DAYS[1]
             if end.accepted_on and people >= 6 and dispute_id % 5 == 0 else None)
    if group is not None and group > today:
        group = None
    day = figures.day_number
    return (
        day(end.accepted_on), day(end.concluded_on),
        _outcome(state, end.settlement),
        day(end.first_session_on), day(end.last_session_on),
        performed, judicial, criminal, group,
    )


_PARTY_COLUMNS = (
    "id", "dispute_id", "side", "position", "party_type", "name", "sex", "ethnicity",
    "birth_date", "id_number", "phone", "address", "occupation", "vulnerable", "credit_code",
    "legal_representative", "agent_name", "agent_phone", "agent_id_number", "guardian_name",
    "guardian_relation", "guardian_phone", "guardian_id_number",
)
_PartyRow = namedtuple("_PartyRow", _PARTY_COLUMNS)
# What services.cases.search_text takes of a party, in its order: name, ID number,
# phone, agent's name and phone, guardian's name and phone, credit code.
_SEARCHED = itemgetter(*(_PARTY_COLUMNS.index(name) for name in (
    "name", "id_number", "phone", "agent_name", "agent_phone", "guardian_name",
    "guardian_phone", "credit_code")))
_COMPANY_SIDE = (Category.LABOUR, Category.PROPERTY_MANAGEMENT, Category.CONSUMER, Category.MEDICAL)
_PERSON, _ORGANISATION = PartyType.PERSON.value, PartyType.ORGANISATION.value


def _party(rng, dispute_id, side, position, day, category) -> _PartyRow:  # type: ignore[no-untyped-def]
    rand = rng.random
    party_id = dispute_id * 32 + position  # unique without asking the database
    phone = _phone(rand)
    address = _ADDRESSES[int(rand() * len(_ADDRESSES))]
    if side is PartySide.RESPONDENT and category in _COMPANY_SIDE and rand() < 0.7:
        return _PartyRow(
            party_id, dispute_id, _RESPONDENT, position, _ORGANISATION,
            f"{_pick(rand, TOWNS)[:2]}{_pick(rand, COMPANIES)}", None, "", None, "", phone,
            address, "", False, "", _person(rand), _person(rand), _phone(rand), "", "", "", "", "",
        )
    male = rand() < 0.55
    minor = rand() < 0.03
    birth = _birth(rand, day, minor)
    name = _person(rand)
    ethnicity = ETHNICITIES[int(rand() * len(ETHNICITIES))]
    id_number = _id_number(rand, birth, male)
    occupation = "学生" if minor else OCCUPATIONS[int(rand() * len(OCCUPATIONS))]
    agent_name = agent_phone = guardian_name = guardian_relation = guardian_phone = ""
    if minor:
        guardian_name, guardian_relation = _person(rand), _pick(rand, ("父亲", "母亲"))
        guardian_phone = _phone(rand)
    elif rand() < 0.08:
        agent_name, agent_phone = _person(rand), _phone(rand)
    return _PartyRow(
        party_id, dispute_id, _VALUE[side], position, _PERSON, name, "male" if male else "female",
        ethnicity, birth, id_number, phone, address, occupation,
        minor or (day.year - birth.year) >= 70, "", "", agent_name, agent_phone, "",
        guardian_name, guardian_relation, guardian_phone, "",
    )


# Every address a party may have, each as likely: town, 组 (1-30), 号 (1-99).
_ADDRESSES = tuple(f"{town}{group}组{number}号" for town in TOWNS for group in range(1, 31)
                   for number in range(1, 100))
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
_SESSION_HOURS = tuple((f"{start:02d}:00", f"{start + 1:02d}:30") for start in range(8, 17))
_LAST_START = dt.time(23, 0)  # of a short session late on a day cut short by today
_SESSION_STARTS = {start: dt.time.fromisoformat(start) for start, _end in _SESSION_HOURS}
_SESSION_ENDS = {end: dt.time.fromisoformat(end) for _start, end in _SESSION_HOURS}
_LEAD = {Tier.GRID: "mediator", Tier.JOINT_TEAM: "team", Tier.MEDIATION_ROOM: "department"}
_HELPER = {Tier.GRID: "grid_worker", Tier.JOINT_TEAM: "officer", Tier.MEDIATION_ROOM: "mediator"}
_ROLE_OF = {"mediator": RosterRole.MEDIATOR, "grid_worker": RosterRole.GRID_WORKER,
            "team": RosterRole.TEAM_MEMBER, "department": RosterRole.DEPARTMENT,
            "officer": RosterRole.COMMUNITY_OFFICER}
_ROLE_VALUE = {key: role.value for key, role in _ROLE_OF.items()}
_EVENT_COLUMNS = ("dispute_id", "at", "kind", "from_state", "to_state", "from_tier", "to_tier",
                  "reason", "by", "data")
_SESSION_COLUMNS = (
    "id", "dispute_id", "seq", "held_on", "start_time", "end_time", "place", "tier",
    "others_present", "parties_present", "applicant_statement", "respondent_statement",
    "proposals", "outcome", "next_on", "recorded_by", "recorded_at",
)
_PARTICIPANT_COLUMNS = ("session_id", "roster_member_id", "name", "role")
_AGREEMENT_COLUMNS = (
    "id", "dispute_id", "version", "kind", "status", "party_ids", "facts", "issues",
    "responsibility", "oral_content", "place", "signed_on", "signed_at", "signed_by",
    "supersedes_id", "correction_reason", "created_at", "created_by", "updated_at",
    "edit_version",
)
_TERM_COLUMNS = ("id", "agreement_id", "position", "content", "way", "obligor_party_id",
                 "obligor", "amount", "deadline", "place")
_Term = namedtuple("_Term", _TERM_COLUMNS)
_VISIT_COLUMNS = (
    "id", "dispute_id", "agreement_id", "seq", "due_on", "planned_on", "origin", "basis",
    "status", "move_reason", "cancel_reason", "visited_on", "way", "visited", "visitors",
    "performance", "satisfaction_mediation", "satisfaction_police", "conflict_returning",
    "conflict_signs", "new_risks", "action", "remarks", "reopen_grounds", "reopened",
    "recorded_by", "recorded_at", "created_at", "updated_at", "row_version",
)
_DEADLINE_COLUMNS = ("dispute_id", "kind", "ref", "due", "label", "basis", "guessed", "open",
                     "counts_overdue")
_deadline_row = itemgetter(*_DEADLINE_COLUMNS)
_S = DisputeState
_CLOCKED = (_S.ACCEPTED, _S.IN_MEDIATION, _S.SETTLED)
_VISIT_WAYS = ("phone", "phone", "home", "station")
_VISIT_DELAYS = (0, 0, 0, 1, 2)
_THREE_PM = dt.time(15, 0)


def _registered_event(dispute_id: int, at: dt.datetime, tier: Tier, reason: str, by: str) -> tuple:
    return (dispute_id, at, _VALUE[EventKind.REGISTERED], None, _VALUE[DisputeState.REGISTERED],
            None, int(tier), reason, by, None)


class _StoryEnd(NamedTuple):
    """Where a story ended: what the dispute's row and its figures take from it."""

    tier: Tier
    at: dt.datetime
    accepted_on: dt.date | None
    concluded_on: dt.date | None
    first_session_on: dt.date | None
    last_session_on: dt.date | None
    reopened_on: dt.date | None
    settlement: str | None
    referral_route: str | None
    recurrences: int
    signed_on: dt.date | None
    signed_written: bool
    performed_on: dt.date | None

    def shifted(self, by: dt.timedelta) -> _StoryEnd:
        """The same end, every date moved by `by` (a date is never false, None is)."""
        (tier, at, accepted, concluded, first, last, reopened, settlement, route, recurrences,
         signed, written, performed) = self
        return _StoryEnd(tier, at + by, accepted and accepted + by, concluded and concluded + by,
                         first and first + by, last and last + by, reopened and reopened + by,
                         settlement, route, recurrences, signed and signed + by, written,
                         performed and performed + by)


class _Story:
    """A case's events and sessions from registration to its end state, in time order.

    Events, sessions and participants go straight into the batch's rows; agreements and
    visits change as the story goes on (superseded, done, cancelled) and are written
    when it ends (`finish`)."""

    def __init__(self, rng, rows, dispute_id, registered_at, tier, by, today, roster, reason) -> None:  # type: ignore[no-untyped-def]
        self.rng, self.rand, self.rows = rng, rng.random, rows
        self.dispute_id, self.by, self.today, self.roster = dispute_id, by, today, roster
        self.at = registered_at
        self.latest = dt.datetime(today.year, today.month, today.day, 17, 30)
        self.state = DisputeState.REGISTERED
        self.tier = tier
        self.sessions = 0
        self.first_session_on: dt.date | None = None
        self.last_session_on: dt.date | None = None
        self.accepted_on = self.concluded_on = None
        self.settlement = self.referral_route = None
        self.agreements: list[dict] = []
        self.terms: list[_Term] = []
        self.visits: list[dict] = []
        self.recurrences = 0
        self.reopened_on = None
        # Set by `_one_case` once the parties exist.
        self.party_ids: list[int] = []
        self.respondent_id = None
        self.respondent_name = self.applicant_name = ""
        self.facts = ""
        rows.events.append(_registered_event(dispute_id, registered_at, tier, reason, by))

    def _tick(self, days: int) -> None:
        """Move the story's clock on: to office hours on a later day, or a little later
        the same day; never past today."""
        rand = self.rand
        if days > 0:
            day = self.at.date() + _DAYS[days]
            at = dt.datetime(day.year, day.month, day.day, 8 + int(rand() * 9), int(rand() * 60))
        else:
            at = self.at + _MINUTES[5 + int(rand() * 86)]
        if at >= self.latest:
            # Today cuts the story short: what is left happens today, in order, a little
            # after what came before (not all at closing time, after today's sessions).
            latest = self.latest
            floor = max(self.at, latest.replace(hour=8, minute=int(rand() * 60)))
            at = floor + _MINUTES[5 + int(rand() * 26)]
            if at > latest:
                at = max(latest, self.at)  # never back in time
        self.at = at

    def add(self, kind: EventKind, to_state: DisputeState | None = None,
            to_tier: Tier | None = None, reason: str = "", days: int = 0,
            data: dict | None = None) -> None:
        self._tick(days)
        to_state = to_state or self.state
        to_tier = to_tier or self.tier
        self.rows.events.append((
            self.dispute_id, self.at, _VALUE[kind], _VALUE[self.state], _VALUE[to_state],
            int(self.tier), int(to_tier), reason, self.by, data,
        ))
        self.state = to_state
        self.tier = to_tier

    def member(self, key: str) -> tuple[int, str]:
        return _pick(self.rand, self.roster[key])

    def session(self, outcome: str) -> None:
        rand = self.rand
        before = self.at
        self._tick(1 + int(rand() * 6))
        self.sessions += 1
        seq = self.sessions
        session_id = self.dispute_id * 16 + seq  # unique without asking the database
        said = _SESSION_LINES[int(rand() * len(_SESSION_LINES))]
        start, end = _SESSION_HOURS[int(rand() * len(_SESSION_HOURS))]
        held_on = self.at.date()
        ends = _SESSION_ENDS[end]
        if held_on == before.date():
            # The same day as what came before (a day cut short by today): a later slot,
            # or, late in the day, a short session right after.
            later = [slot for slot in _SESSION_HOURS if _SESSION_STARTS[slot[0]] >= self.at.time()]
            if later:
                start, end = later[int(rand() * len(later))]
                ends = _SESSION_ENDS[end]
            else:
                begins = min(self.at + _MINUTES[(-self.at.minute) % 5],
                             dt.datetime.combine(held_on, _LAST_START))
                ends = (begins + _MINUTES[30]).time()
                start, end = f"{begins:%H:%M}", f"{ends:%H:%M}"
        # What follows the session (its record, a settlement) comes after it ends (and
        # never before what came first, on a day cut short by today).
        self.at = max(dt.datetime.combine(held_on, ends), before)
        # Sessions are held in time order (the story's clock never goes back).
        if self.first_session_on is None:
            self.first_session_on = held_on
        self.last_session_on = held_on
        tier = self.tier
        self.rows.sessions.append((
            session_id, self.dispute_id, seq, held_on, start, end, "派出所调解室", int(tier), "",
            "双方当事人", said[0], said[1], said[2], outcome,
            held_on + _DAYS[3] if outcome == "continue" else None, self.by, self.at,
        ))
        participants = self.rows.participants
        for key in (_LEAD[tier], _HELPER[tier]):
            member_id, name = self.member(key)
            participants.append((session_id, member_id, name, _ROLE_VALUE[key]))

    def run_to(self, end: DisputeState) -> None:
        rand = self.rand
        if end is DisputeState.REGISTERED:
            return
        if end is DisputeState.DECLINED:
            self.add(EventKind.DECLINED, DisputeState.DECLINED, reason=_pick(rand, DECLINE_REASONS))
            self.concluded_on = self.at.date()
            return
        self.add(EventKind.ACCEPTED, DisputeState.ACCEPTED, reason="符合人民调解受理条件")
        self.accepted_on = self.at.date()
        if end is DisputeState.ACCEPTED:
            return
        if end is DisputeState.WITHDRAWN and rand() < 0.5:
            self.add(EventKind.WITHDRAWN, DisputeState.WITHDRAWN,
                     reason="申请人自行和解，申请撤回", days=1)
            self.concluded_on = self.at.date()
            return
        self.add(EventKind.STARTED, DisputeState.IN_MEDIATION, days=int(rand() * 3))
        self.session("continue")
        for _ in range(_ESCALATIONS_DRAW.draw(rand)):
            if self.tier is Tier.MEDIATION_ROOM:
                break
            next_tier = Tier(self.tier + 1)
            member_id, name = self.member(_LEAD[next_tier])
            self.add(EventKind.ESCALATED, to_tier=next_tier,
                     reason="本级调解未能达成一致，申请升级", days=_between(rand, 1, 5),
                     data={"team": [{"id": member_id, "name": name,
                                     "role": _ROLE_VALUE[_LEAD[next_tier]]}]})
            self.session("continue")
        if end is DisputeState.IN_MEDIATION:
            if rand() < 0.12 and self._room_for_reopen():
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
                route = _pick(rand, _REFERRAL_KEYS)
                self.referral_route = route
                self.add(EventKind.REFERRED, DisputeState.REFERRED,
                         reason=f"告知当事人通过{REFERRAL_ROUTES[route]}途径解决")
            return
        self._settle()
        if end is DisputeState.CLOSED:
            self._follow_up(all_done=True)
            self.add(EventKind.CLOSED, DisputeState.CLOSED, reason="回访完成，卷宗齐全",
                     days=_between(rand, 1, 5))
        else:
            self._follow_up(all_done=False)

    def finish(self) -> None:
        """Write the agreements, terms and visits as they stand at the end of the story."""
        rows, dispute_id, by = self.rows, self.dispute_id, self.by
        for a in self.agreements:
            at = a["at"]
            rows.agreements.append((
                a["id"], dispute_id, a["version"], a["kind"], a["status"], self.party_ids,
                self.facts, a["issues"], a["responsibility"], a["oral_content"], "派出所调解室",
                a["signed_on"], at, by, a["supersedes_id"], "", at, by, at, 1,
            ))
        rows.terms += self.terms
        for v in self.visits:
            rows.visits.append((
                v["id"], dispute_id, v["agreement_id"], v["seq"], v["due_on"], v["due_on"],
                v["origin"], v["basis"], v["status"], "", v["cancel_reason"], v["visited_on"],
                v["way"], v["visited"], v["visitors"], v["performance"],
                v["satisfaction_mediation"], v["satisfaction_police"], False, "", "", v["action"],
                "", v["reopen_grounds"], v["reopened"], v["recorded_by"], v["recorded_at"],
                v["created_at"], v["updated_at"], v["row_version"],
            ))

    def end(self) -> _StoryEnd:
        """What the dispute's own row takes from the story, once it has ended."""
        signed = next((a for a in reversed(self.agreements) if a["status"] == "signed"), None)
        performed = None
        if signed is not None:
            signed_id = signed["id"]
            keys = [str(t.id) for t in self.terms if t.agreement_id == signed_id] or [WHOLE_AGREEMENT]
            spot = {str(t.id) for t in self.terms
                    if t.agreement_id == signed_id and t.way == "on_the_spot"}
            performed = figures.performed_on(
                signed_on=signed["signed_on"], term_keys=keys, on_the_spot=spot, carried_over=set(),
                visits=[(v["visited_on"], v["seq"], v["performance"]) for v in self.visits
                        if v["status"] == "done"],
            )
        return _StoryEnd(
            tier=self.tier, at=self.at, accepted_on=self.accepted_on, concluded_on=self.concluded_on,
            first_session_on=self.first_session_on, last_session_on=self.last_session_on,
            reopened_on=self.reopened_on, settlement=self.settlement,
            referral_route=self.referral_route, recurrences=self.recurrences,
            signed_on=signed["signed_on"] if signed is not None else None,
            signed_written=signed is not None and signed["kind"] == "written",
            performed_on=performed,
        )

    # ------------------------------------------------ agreement and follow-ups
    def _room_for_reopen(self) -> bool:
        return (self.today - self.at.date()).days > 20

    def _settle(self) -> None:
        rand = self.rand
        self.session("settled")
        self.settlement = "written" if rand() < 0.8 else "oral"
        signed_on = self.at.date()
        version = len(self.agreements) + 1
        agreement_id = self.dispute_id * 4 + version
        previous = self.agreements[-1] if self.agreements else None
        if previous is not None:
            previous["status"] = "superseded"
        terms = []
        if self.settlement == "written":
            picked = _some(rand, _TERMS, _pick(rand, (1, 1, 2, 2, 3)))
            for position, (content, way, money) in enumerate(picked, start=1):
                terms.append(_Term(
                    agreement_id * 8 + position, agreement_id, position, content, way,
                    self.respondent_id, self.respondent_name,
                    Decimal(_pick(rand, (300, 500, 800, 1200, 2000, 5000))) if money else None,
                    signed_on + _DAYS[_pick(rand, (0, 3, 7, 10, 15, 30, 60))]
                    if way != "on_the_spot" else signed_on,
                    "派出所调解室" if money else "",
                ))
        self.agreements.append(dict(
            id=agreement_id, version=version, kind=self.settlement, status="signed",
            issues="赔偿数额及履行方式" if terms else "",
            responsibility="经调解，双方对各自责任达成共识" if terms else "",
            oral_content="" if terms else "双方当场和解，被申请人当面赔礼道歉",
            signed_on=signed_on, at=self.at,
            supersedes_id=previous["id"] if previous else None,
        ))
        self.terms += terms
        self.add(EventKind.SETTLED, DisputeState.SETTLED,
                 reason="书面调解协议" if self.settlement == "written" else "口头协议",
                 data={"agreement": agreement_id})
        self.concluded_on = self.at.date()
        deadlines = tuple(sorted({t.deadline for t in terms if t.way != "on_the_spot"}))
        for due, origin, basis in _visits_planned(signed_on, deadlines):
            seq = len(self.visits) + 1
            self.visits.append(dict(
                id=self.dispute_id * 16 + seq, agreement_id=agreement_id, seq=seq,
                due_on=due, origin=origin, basis=basis,
                status="planned", cancel_reason="", visited_on=None, way=None, visited="",
                visitors="", performance=_NOT_YET, satisfaction_mediation=None,
                satisfaction_police=_NOT_YET, action="", reopen_grounds="", reopened=False,
                recorded_by="", recorded_at=None, created_at=self.at, updated_at=self.at,
                row_version=1,
            ))

    def _record(self, visit: dict, how: str) -> None:
        rand = self.rand
        day = min(visit["due_on"] + _DAYS[_VISIT_DELAYS[int(rand() * 5)]], self.today)
        agreement_id = visit["agreement_id"]
        keys = [str(t.id) for t in self.terms if t.agreement_id == agreement_id]
        at = dt.datetime.combine(day, _THREE_PM)
        draw = _POLICE_SATISFACTION_DRAW.draw
        visit.update(
            status="done", visited_on=day, way=_VISIT_WAYS[int(rand() * 4)],
            visited=self.applicant_name, visitors=self.by,
            performance={k: how for k in keys} if keys else _WHOLE[how],
            satisfaction_mediation=_MEDIATION_SATISFACTION_DRAW.draw(rand),
            satisfaction_police=_POLICE_ANSWERS[draw(rand), draw(rand), draw(rand)],
            action="告知当事人如有问题及时联系调解员", recorded_by=self.by,
            recorded_at=at, updated_at=at, row_version=2,
        )
        if day > self.at.date():
            self.at = at

    def _follow_up(self, *, all_done: bool) -> None:
        behind = False  # visits are made in order: once one is missed, the rest wait too
        today = self.today
        for visit in self.visits:
            if visit["status"] != "planned":
                continue
            due = visit["due_on"]
            recent = (today - due).days <= 45
            behind = behind or (recent and self.rand() < 0.3)
            if all_done or (due <= today and not behind):
                if due > today:
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


@functools.lru_cache(maxsize=4096)
def _visits_planned(signed_on: dt.date, deadlines: tuple[dt.date, ...]) -> tuple[tuple[dt.date, str, str], ...]:
    """The follow-up plan of a settlement (due, origin, basis), by the domain's rules;
    settlements on the same day with the same deadlines are common."""
    return tuple((visit.due, visit.origin.value, visit.basis)
                 for visit in plan_visits(signed_on, offsets=(3, 30), performance_deadlines=deadlines))


_REFERRAL_KEYS = tuple(REFERRAL_ROUTES)
_CALENDAR: WorkingCalendar | None = None


def _clock_facts(state: DisputeState, story: _Story) -> CaseClockFacts:
    """What decides a demo case's running clocks, by the same rules the services apply
    (a people's mediation with no long-running reason: `_clock_rows` puts the case's)."""
    signed = next((a for a in reversed(story.agreements) if a["status"] == "signed"), None)
    performed = {k for v in story.visits if v["status"] == "done"
                 for k, how in v["performance"].items() if how == "fully"}
    return CaseClockFacts(
        state=state, accepted_on=story.accepted_on, reopened_on=story.reopened_on,
        first_session_on=story.first_session_on, sessions_held=story.sessions,
        effective_on=signed["signed_on"] if signed and signed["kind"] == "written" else None,
        terms=tuple(
            TermClock(key=str(t.id), label=f"第{t.position}项 {t.content}", due=t.deadline,
                      performed=str(t.id) in performed)
            for t in story.terms
            if signed and t.agreement_id == signed["id"] and t.way != "on_the_spot"
        ) if state is DisputeState.SETTLED else (),
        visits=tuple(VisitClock(id=v["id"], due=v["due_on"], open=v["status"] == "planned")
                     for v in story.visits),
    )


def _moved_clock_facts(facts: CaseClockFacts, by: dt.timedelta, dispute_id: int) -> CaseClockFacts:
    """A template's clock facts as its case has them: dates moved, the ids the case's.
    (Made field by field: dataclasses.replace is several times slower, 47,000 times.)"""
    accepted, reopened, first, effective = (facts.accepted_on, facts.reopened_on,
                                            facts.first_session_on, facts.effective_on)
    return CaseClockFacts(
        state=facts.state, accepted_on=accepted and accepted + by, reopened_on=reopened and reopened + by,
        first_session_on=first and first + by, sessions_held=facts.sessions_held,
        effective_on=effective and effective + by,
        terms=tuple(TermClock(str(dispute_id * 32 + int(t.key)), t.label, t.due + by, t.performed)
                    for t in facts.terms),
        visits=tuple(VisitClock(dispute_id * 16 + v.id, v.due + by, v.open) for v in facts.visits),
    )


def _clock_rows(dispute_id: int, facts: CaseClockFacts, kind: DisputeKind,
                long_running: str) -> list[tuple]:
    """The running clocks of a demo case."""
    global _CALENDAR
    if _CALENDAR is None:
        _CALENDAR = WorkingCalendar()
    facts = dataclasses.replace(facts, kind=kind, long_running_reason=long_running)
    return [_deadline_row(r) for r in deadline_rows(case_deadlines(facts, _CALENDAR), dispute_id)]


# ------------------------------------------------------------------- story templates
# Most of a demo's rows are its cases' stories (events, sessions and who sat in them,
# agreements, terms, follow-up visits: a dozen rows a case), and most cases are long
# over.  Such a case is told from a story template: a story told once from a day long
# ago (`_TEMPLATE_DAY`), its dates moved to the case's day.  Nothing in a story depends
# on the calendar date, only on how many days lie between its moments, so that is the
# very story its random stream tells from the case's own day (a test compares them).
# Building a SQLite file, SQL makes a templated case's rows from its template's, in C
# (`_Layout.expand_sql`), several times faster than making and binding them here;
# elsewhere the story is told again from the template's random stream (`_Template.rng`).
# A story reaching into the last weeks before today is told afresh.  The clocks of a
# case still open (accepted, in mediation, settled) are the case's own: its template's
# clock facts moved to its day, then the rules (the working calendar among them).
_TEMPLATED = (_S.ACCEPTED, _S.DECLINED, _S.IN_MEDIATION, _S.SETTLED, _S.FAILED, _S.REFERRED,
              _S.CLOSED, _S.WITHDRAWN)
_TEMPLATES_PER_KIND = 96  # per end state and tier at registration
_TEMPLATE_DAY = dt.date(2000, 1, 3)
_NEVER = dt.date(2999, 12, 31)  # the templates' today: nothing in them is cut short
_TEMPLATE_MARGIN = 60  # days from a templated story's last date to today, at least
_JULIAN_DAY_ZERO = 1721424.5  # Julian day number of ordinal day 0, as SQLite's date() reads
_KIND_OF = {key: n for n, key in enumerate(itertools.product(_TEMPLATED, Tier))}
# Stand-ins in the templates for what each case has its own of (SQL puts the case's in).
_BY = "\x02by\x03"
_APPLICANT = "\x02applicant\x03"
_RESPONDENT_NAME = "\x02respondent\x03"
_RESPONDENT_ID = -1
_FACTS = "\x02facts\x03"
_PARTY_IDS: list = []
# A templated case: what SQL needs to tell its story (`base` is its day's Julian number).
_CASE_COLUMNS = ("id", "t", "base", "by", "applicant", "respondent_id", "respondent",
                 "party_ids", "facts", "reason")


class _Template(NamedTuple):
    number: int
    seed: str
    clock: dt.time  # registered at this time of day
    span: int  # days from registration to the story's last date
    events: int  # in all, the registration's included
    end: _StoryEnd  # as told from _TEMPLATE_DAY
    rows: dict[str, list[tuple]]  # per story table, the rows of its template table
    clock_facts: CaseClockFacts | None  # for a case still open

    def rng(self) -> random.Random:
        """The template's random stream where its story begins."""
        rng = random.Random(self.seed)
        _clock_of(rng)
        return rng


def _clock_of(rng: random.Random) -> dt.time:
    return dt.time(8 + int(rng.random() * 10), int(rng.random() * 60))


class _Templates:
    """A run's story templates, each made when it is first picked (in each process:
    the same seed gives the same template anywhere)."""

    def __init__(self, seed: int, roster: dict[str, tuple[tuple[int, str], ...]]) -> None:
        self.seed, self.roster = seed, roster
        self.made: dict[int, _Template] = {}
        self.running: dict[tuple[int, bool], bool] = {}  # see clocks_run

    def clocks_run(self, template: _Template, long_running: bool) -> bool:
        """Whether a people's mediation told from `template` has a clock running (with a
        reason for running long recorded, or not): the same from any day."""
        key = (template.number, long_running)
        running = self.running.get(key)
        if running is None:
            assert template.clock_facts is not None
            running = self.running[key] = bool(_clock_rows(
                0, template.clock_facts, DisputeKind.PEOPLES, _LONG_RUNNING[0] if long_running else ""))
        return running

    def pick(self, rand: Callable[[], float], state: DisputeState, tier: Tier) -> _Template:
        number = _KIND_OF[state, tier] * _TEMPLATES_PER_KIND + int(rand() * _TEMPLATES_PER_KIND)
        template = self.made.get(number)
        if template is None:
            template = self.made[number] = _make_template(self.seed, number, state, tier, self.roster)
        return template


_LAST_TEMPLATES: list = [None, None]  # the last run's (key, _Templates) in this process


def _templates_for(spec: _BatchSpec) -> _Templates:
    key = (spec.seed, repr(sorted(spec.roster.items())))
    if _LAST_TEMPLATES[0] != key:
        _LAST_TEMPLATES[:] = [key, _Templates(spec.seed, spec.roster)]
    return _LAST_TEMPLATES[1]


def _make_template(seed: int, number: int, state: DisputeState, tier: Tier,
                   roster: dict[str, tuple[tuple[int, str], ...]]) -> _Template:
    template_seed = f"demo story {seed} {number}"
    rng = random.Random(template_seed)
    clock = _clock_of(rng)
    rows = _Rows()
    story = _Story(rng, rows, 0, dt.datetime.combine(_TEMPLATE_DAY, clock), tier, _BY, _NEVER,
                   roster, "")
    story.party_ids = _PARTY_IDS
    story.respondent_id, story.respondent_name = _RESPONDENT_ID, _RESPONDENT_NAME
    story.applicant_name = _APPLICANT
    story.facts = _FACTS
    story.run_to(state)
    story.finish()
    if rows.events[0][2] != _VALUE[EventKind.REGISTERED]:  # `_Layout`'s "reason" relies on it
        raise RuntimeError("a story template does not begin with the registration")
    tables, last = {}, 0
    for table, layout in _LAYOUTS.items():
        tables[table] = [(number, n, *layout.template_row(row))
                         for n, row in enumerate(layout.rows_of(rows))]
        last = max([last, *(layout.last_day(row) for row in tables[table])])
    return _Template(number=number, seed=template_seed, clock=clock, span=last,
                     events=len(rows.events), end=story.end(), rows=tables,
                     clock_facts=_clock_facts(state, story) if state in _CLOCKED else None)




class _Layout:
    """A story table's template table: the table's columns, a date as its day number
    from `_TEMPLATE_DAY`, a datetime as that and its time of day (`<column>__tod`),
    JSON as its text; and the SQL that makes a templated case's rows from it, where
    `overrides` give the columns that are the case's own (`c` is the case, `s` the
    template's row)."""

    def __init__(self, table: str, columns: tuple[str, ...], rows_of: Callable[[_Rows], list[tuple]],
                 overrides: dict[str, str], extras: tuple[str, ...] = (),
                 special: Callable[[dict], tuple[dict, tuple]] | None = None) -> None:
        self.table = table
        self.columns, self.rows_of, self.overrides = columns, rows_of, overrides
        self.extras, self.special = extras, special
        self.kinds = tuple(_KINDS[table].get(name, _PLAIN) for name in columns)
        names: list[str] = []
        for name, kind in zip(columns, self.kinds, strict=True):
            names += [name, f"{name}__tod"] if kind == _DATETIME else [name]
        self.position = {name: 2 + i for i, name in enumerate(names)}  # in a template row
        self.day_positions = [self.position[name] for name, kind in zip(columns, self.kinds, strict=True)
                              if kind in (_DATE, _DATETIME)]
        names += extras
        quoted = ", ".join(f'"{name}"' for name in names)
        self.create_sql = (f'CREATE TEMP TABLE IF NOT EXISTS "demo_t_{self.table}" '
                           f"(t INTEGER NOT NULL, n INTEGER NOT NULL, {quoted}, PRIMARY KEY (t, n)) "
                           "WITHOUT ROWID")
        self.insert_sql = (f'INSERT INTO temp."demo_t_{self.table}" VALUES '
                           f"({', '.join('?' * (2 + len(names)))})")
        targets = ", ".join(f'"{name}"' for name in columns)
        expressions = ", ".join(overrides.get(name) or _expression(name, kind)
                                for name, kind in zip(columns, self.kinds, strict=True))
        self.expand_sql = (
            f'INSERT INTO main."{self.table}" ({targets}) SELECT {expressions} '
            f'FROM temp.demo_case AS c JOIN temp."demo_t_{self.table}" AS s ON s.t = c.t '
            "ORDER BY c.id, s.n"
        )

    def template_row(self, row: tuple) -> tuple:
        """A story row of a template (told with the stand-ins) as its template table has it
        (without `t` and `n`)."""
        values: list = []
        for name, value, kind in zip(self.columns, row, self.kinds, strict=True):
            if isinstance(value, str) and name not in self.overrides and (
                    "\x02" in value or _TEMPLATE_ERA.search(value)):
                # A stand-in, or a date written into a text, would reach every case as it is.
                raise RuntimeError(f"a case's own value left in template {self.table}.{name}")
            if value is None:
                values += (None, None) if kind == _DATETIME else (None,)
            elif kind == _DATE:
                values.append((value - _TEMPLATE_DAY).days)
            elif kind == _DATETIME:
                values += ((value.date() - _TEMPLATE_DAY).days, value.time().isoformat("microseconds"))
            elif kind == _JSON:
                values.append(_json(value))
            elif kind == _NUMBER:
                values.append(float(value))
            else:
                values.append(value)
        if self.special is not None:
            replaced, extras = self.special(dict(zip(self.columns, row, strict=True)))
            for name, value in replaced.items():
                values[self.position[name] - 2] = value
            values += extras
        return tuple(values)

    def last_day(self, row: tuple) -> int:
        """The latest day number in a template row (`t` and `n` first)."""
        return max((row[i] for i in self.day_positions if row[i] is not None), default=0)


def _expression(name: str, kind: int) -> str:
    if kind == _DATE:
        return f'date(c.base + s."{name}")'
    if kind == _DATETIME:
        return f"date(c.base + s.\"{name}\") || ' ' || s.\"{name}__tod\""
    return f's."{name}"'


def _event_data(row: dict) -> tuple[dict, tuple]:
    """A settlement's event names its agreement and a reopening's the visit, whose ids
    are the case's (`aid`, `vid`: the template's); a reopening's reason begins with the
    visit's date (`reason_day`)."""
    data, replaced = row["data"], {}
    aid = vid = None
    if isinstance(data, dict) and set(data) == {"agreement"}:
        aid, replaced["data"] = data["agreement"], None
    elif isinstance(data, dict) and set(data) == {"recurrence", "visit"} and data["recurrence"] is True:
        vid, replaced["data"] = data["visit"], None
    reason, reason_day = _dated(row["reason"])
    if reason_day is not None:
        replaced["reason"] = reason
    return replaced, (aid, vid, reason_day)


def _visit_record(row: dict) -> tuple[dict, tuple]:
    """A visit's performance record is keyed by the ids of the terms, which are the
    case's: kept as a printf format (`perf_fmt`) and the template's term ids.  Grounds
    to reopen begin with the visit's date (`grounds_day`)."""
    replaced: dict = {}
    grounds, grounds_day = _dated(row["reopen_grounds"])
    if grounds_day is not None:
        replaced["reopen_grounds"] = grounds
    performance = row["performance"]
    if not performance or WHOLE_AGREEMENT in performance:
        return replaced, (None, None, None, None, grounds_day)
    if len(performance) > 3:
        raise RuntimeError("a story template has more than three terms")
    keys = [int(key) for key in performance]
    text = "{" + ", ".join(f'"%d": {_json(how).replace("%", "%%")}' for how in performance.values()) + "}"
    replaced["performance"] = None
    return replaced, (text, *keys, *(None,) * (3 - len(keys)), grounds_day)


_LEADING_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(.*)", re.DOTALL)
_TEMPLATE_ERA = re.compile(r"2\d\d\d-\d\d-\d\d")


def _dated(text: str) -> tuple[str, int | None]:
    """A text that begins with a date: the rest, and the date's day number."""
    match = _LEADING_DATE.fullmatch(text) if text else None
    if match is None:
        return text, None
    return match[2], (dt.date.fromisoformat(match[1]) - _TEMPLATE_DAY).days


_BY_SQL = 'c."by"'
_PERFORMANCE_ORIGIN = VisitOrigin.PERFORMANCE.value  # its basis names the deadline
_LAYOUTS = {layout.table: layout for layout in (
    _Layout("dispute_event", _EVENT_COLUMNS, lambda rows: rows.events, {
        "dispute_id": "c.id", "by": _BY_SQL,
        "data": "CASE WHEN s.aid IS NOT NULL THEN '{\"agreement\": ' || (c.id * 4 + s.aid) || '}' "
                "WHEN s.vid IS NOT NULL THEN '{\"recurrence\": true, \"visit\": ' || (c.id * 16 + s.vid) || '}' "
                "ELSE s.data END",
        # The first event is the registration (`_make_template`), with the case's reason.
        "reason": "CASE WHEN s.n = 0 THEN c.reason WHEN s.reason_day IS NULL THEN s.reason "
                  "ELSE date(c.base + s.reason_day) || s.reason END",
    }, extras=("aid", "vid", "reason_day"), special=_event_data),
    _Layout("mediation_session", _SESSION_COLUMNS, lambda rows: rows.sessions, {
        "id": "c.id * 16 + s.id", "dispute_id": "c.id", "recorded_by": _BY_SQL,
    }),
    _Layout("session_participant", _PARTICIPANT_COLUMNS, lambda rows: rows.participants, {
        "session_id": "c.id * 16 + s.session_id",
    }),
    _Layout("agreement", _AGREEMENT_COLUMNS, lambda rows: rows.agreements, {
        "id": "c.id * 4 + s.id", "dispute_id": "c.id", "party_ids": "c.party_ids",
        "facts": "c.facts", "signed_by": _BY_SQL, "supersedes_id": "c.id * 4 + s.supersedes_id",
        "created_by": _BY_SQL,
    }),
    _Layout("agreement_term", _TERM_COLUMNS, lambda rows: rows.terms, {
        "id": "c.id * 32 + s.id", "agreement_id": "c.id * 4 + s.agreement_id",
        "obligor_party_id": "c.respondent_id", "obligor": "c.respondent",
    }),
    _Layout("followup_visit", _VISIT_COLUMNS, lambda rows: rows.visits, {
        "id": "c.id * 16 + s.id", "dispute_id": "c.id", "agreement_id": "c.id * 4 + s.agreement_id",
        "basis": f"CASE WHEN s.origin = '{_PERFORMANCE_ORIGIN}' "
                 "THEN '履行期限' || date(c.base + s.due_on - 1) || '次日' ELSE s.basis END",
        "visited": "CASE s.visited WHEN '' THEN '' ELSE c.applicant END",
        "visitors": f"CASE s.visitors WHEN '' THEN '' ELSE {_BY_SQL} END",
        "recorded_by": f"CASE s.recorded_by WHEN '' THEN '' ELSE {_BY_SQL} END",
        "performance": "CASE WHEN s.perf_fmt IS NULL THEN s.performance "
                       "ELSE printf(s.perf_fmt, c.id * 32 + s.k1, c.id * 32 + s.k2, c.id * 32 + s.k3) END",
        "reopen_grounds": "CASE WHEN s.grounds_day IS NULL THEN s.reopen_grounds "
                          "ELSE date(c.base + s.grounds_day) || s.reopen_grounds END",
    }, extras=("perf_fmt", "k1", "k2", "k3", "grounds_day"), special=_visit_record),
)}
_TEMPLATE_SQL = (
    "CREATE TEMP TABLE IF NOT EXISTS demo_template (t INTEGER PRIMARY KEY)",
    "CREATE TEMP TABLE IF NOT EXISTS demo_case (id INTEGER PRIMARY KEY, t INTEGER NOT NULL, "
    'base REAL NOT NULL, "by" TEXT, applicant TEXT, respondent_id INTEGER, respondent TEXT, '
    "party_ids TEXT, facts TEXT, reason TEXT)",
    *(layout.create_sql for layout in _LAYOUTS.values()),
)


def _stage_templates(db: sqlite3.Connection, batch: _Batch) -> None:
    """Stage the batch's templated cases, and the templates they use that this
    connection's template tables (TEMP, its own) do not have yet; SQL then makes their
    stories' rows as the batch is copied in (`_Layout.expand_sql`)."""
    known = {row[0] for row in db.execute("SELECT t FROM temp.demo_template")}
    new = [template for number, template in sorted(batch.templates.items()) if number not in known]
    for layout in _LAYOUTS.values():
        db.executemany(layout.insert_sql, [row for template in new for row in template.rows[layout.table]])
    db.executemany("INSERT INTO temp.demo_template (t) VALUES (?)", [(t.number,) for t in new])
    db.executemany(f"INSERT INTO temp.demo_case VALUES ({', '.join('?' * len(_CASE_COLUMNS))})", batch.cases)
