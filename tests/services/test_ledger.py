"""The ledger (台账) export on a real migrated SQLite file with hand-built disputes: the
.xlsx read back with openpyxl, the .csv with the csv module; masking, range, progress,
cancel and failures leave no file behind."""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_followups import Clock, move, settled

from mediation_desk.cli import main
from mediation_desk.domain.errors import StorageError, ValidationError
from mediation_desk.domain.escalation import Move
from mediation_desk.domain.intake import DisputeDraft, PartyDraft
from mediation_desk.domain.validation import mask_id_number, mask_phone
from mediation_desk.domain.vocabulary import Category, PartySide, RiskGrade, RosterRole, Source
from mediation_desk.services.container import open_services
from mediation_desk.services.dto import RosterDraft
from mediation_desk.services.ledger import COLUMNS, ExportCancelled, _mask_id, _mask_phone
from mediation_desk.services.ledger_writers import (
    ColumnKind,
    XlsxEngine,
    display_width,
    xlsx_engine,
)

D = dt.date
ID_NUMBER = "11010519491231002X"
PHONE = "13800138000"


@pytest.fixture
def clock():
    return Clock()  # starts 2026-11-20


@pytest.fixture
def svc(tmp_path, clock):
    opened = open_services(tmp_path / "ledger.sqlite", clock=clock)
    yield opened
    opened.close()


def register(svc, name, *, summary="楼上漏水", amount=None, mediator_id=None):
    return svc.cases.register(
        draft=DisputeDraft(
            source=Source.POLICE_INCIDENT,
            category=Category.NEIGHBOUR,
            risk=RiskGrade.YELLOW,
            parties=(
                PartyDraft(side=PartySide.APPLICANT, name=name, id_number=ID_NUMBER, phone=PHONE),
                PartyDraft(side=PartySide.RESPONDENT, name="吴昇", phone="0825-5551234"),
            ),
            summary=summary,
            amount=amount,
            grid="潼川镇第2网格",
            mediator_id=mediator_id,
        ),
        by="王㛃",
    )


@pytest.fixture
def station(svc, clock):
    """Registered 20 Nov, accepted 5 Dec (in a December range by acceptance only);
    settled 20 Nov; registered 20 Dec; registered 25 Jan (outside)."""
    mediator = svc.roster.add(RosterDraft(name="孙东", role=RosterRole.MEDIATOR))
    early = register(svc, "周喆", amount="1500.5", mediator_id=mediator.id)  # 2026-11-20
    done = settled(svc)  # registered, accepted, mediated and settled on 2026-11-20
    clock.days(15)  # 2026-12-05
    move(svc, early, Move.ACCEPT)
    clock.days(15)  # 2026-12-20
    december = register(svc, "张三", summary="=HYPERLINK(\"x\")   邻居\n占道堆物" + "很长" * 100)
    clock.days(36)  # 2027-01-25
    register(svc, "李四")
    return {"early": early, "settled": done, "december": december}


def rows_of(path):
    book = openpyxl.load_workbook(path)
    sheet = book.active
    return sheet, [list(r) for r in sheet.iter_rows(values_only=True)]


def test_xlsx_read_back(svc, station, tmp_path):
    target = tmp_path / "台账.xlsx"
    progress = []
    result = svc.ledger.export(D(2026, 12, 1), D(2026, 12, 31), target,
                               report=lambda done, total: progress.append((done, total)))
    assert result.rows == 2 and result.path == target and result.masked
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)
    sheet, rows = rows_of(target)
    header, *body = rows
    assert header == [c.header for c in COLUMNS]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}3"
    col = {name: i for i, name in enumerate(header)}
    # In case-number order; the settled one (accepted and registered in November) is out.
    assert [r[col["序号"]] for r in body] == [1, 2]
    assert [r[col["案号"]] for r in body] == [station["early"].number, station["december"].number]
    early, december = body
    assert early[col["登记日期"]] == dt.datetime(2026, 11, 20)
    assert early[col["受理日期"]] == dt.datetime(2026, 12, 5)
    assert sheet.cell(2, col["登记日期"] + 1).is_date
    assert sheet.cell(2, col["登记日期"] + 1).number_format == "yyyy-mm-dd"
    assert early[col["涉及金额（元）"]] == 1500.5
    assert sheet.cell(2, col["涉及金额（元）"] + 1).number_format == "0.00"
    assert early[col["身份证号"]] == "110105********002X"
    assert early[col["联系电话"]] == "138****8000；0825-*****34"
    assert early[col["当事人"]] == "周喆 与 吴昇"
    assert early[col["来源"]] == "110警情转办" and early[col["类别"]] == "邻里"
    assert early[col["状态"]] == "已受理" and early[col["风险等级"]] == "黄"
    assert early[col["层级"]] == station["early"].row.tier.short_label
    assert early[col["网格"]] == "潼川镇第2网格"
    assert early[col["调解次数"]] == 0 and early[col["调解员"]] == "孙东"
    assert december[col["受理日期"]] is None
    # A summary is flattened and trimmed, and text is never a formula.
    summary = december[col["纠纷简要情况"]]
    assert summary.startswith('=HYPERLINK("x") 邻居 占道堆物') and summary.endswith("…")
    assert len(summary) == 120
    assert sheet.cell(3, col["纠纷简要情况"] + 1).data_type == "s"
    # Column widths are fitted (a CJK character counts two).
    number = station["early"].number  # （2026）潼川调字第0001号: 8 wide characters, 8 narrow
    assert display_width(number) == 24
    assert sheet.column_dimensions["B"].width >= 24


def test_settled_row_and_unmasked(svc, station, tmp_path):
    target = tmp_path / "november.xlsx"
    svc.ledger.export(D(2026, 11, 1), D(2026, 11, 30), target, masked=False)
    _, (header, *body) = rows_of(target)
    col = {name: i for i, name in enumerate(header)}
    assert len(body) == 2  # both registered 20 November
    by_number = {r[col["案号"]]: r for r in body}
    done = by_number[station["settled"].number]
    assert done[col["调解结果"]] == "调解成功（书面调解协议）"
    assert done[col["结案日期"]] == dt.datetime(2026, 11, 20)
    assert done[col["调解次数"]] == 1
    assert done[col["回访"]].startswith("已回访0次，共")
    early = by_number[station["early"].number]
    assert early[col["身份证号"]] == ID_NUMBER
    assert early[col["联系电话"]] == f"{PHONE}；0825-5551234"


def test_csv_has_a_bom_and_parses(svc, station, tmp_path):
    target = tmp_path / "ledger.csv"
    result = svc.ledger.export(D(2026, 12, 1), D(2026, 12, 31), target)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    header, *body = rows
    assert header == [c.header for c in COLUMNS] and len(body) == result.rows == 2
    col = {name: i for i, name in enumerate(header)}
    assert body[0][col["登记日期"]] == "2026-11-20"
    assert body[0][col["涉及金额（元）"]] == "1500.50"
    assert body[0][col["身份证号"]] == "110105********002X"
    # Text that Excel would run as a formula is kept as text.
    assert body[1][col["纠纷简要情况"]].startswith("'=HYPERLINK")
    assert body[1][col["受理日期"]] == ""


def test_many_rows_span_batches(svc, station, tmp_path, monkeypatch):
    from mediation_desk.services import ledger

    monkeypatch.setattr(ledger, "BATCH_SIZE", 1)
    progress = []
    target = tmp_path / "all.xlsx"
    result = svc.ledger.export(D(2026, 1, 1), D(2027, 12, 31), target,
                               report=lambda done, total: progress.append((done, total)))
    assert result.rows == 4
    assert progress == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    _, (_, *body) = rows_of(target)
    assert [r[0] for r in body] == [1, 2, 3, 4]


def test_cancel_leaves_no_file(svc, station, tmp_path, monkeypatch):
    from mediation_desk.services import ledger

    monkeypatch.setattr(ledger, "BATCH_SIZE", 1)
    target = tmp_path / "cancelled.xlsx"
    seen = []
    with pytest.raises(ExportCancelled):
        svc.ledger.export(D(2026, 1, 1), D(2027, 12, 31), target,
                          report=lambda done, total: seen.append(done),
                          cancelled=lambda: len(seen) >= 3)
    assert seen == [0, 1, 2]
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*")) == []


def test_existing_file_is_kept_when_the_export_fails(svc, station, tmp_path):
    target = tmp_path / "ledger.xlsx"
    target.write_bytes(b"previous")
    with pytest.raises(ExportCancelled):
        svc.ledger.export(D(2026, 1, 1), D(2027, 12, 31), target, cancelled=lambda: True)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_bad_requests(svc, tmp_path):
    with pytest.raises(ValidationError, match=r"\.xlsx 或 \.csv"):
        svc.ledger.export(D(2026, 1, 1), D(2026, 1, 31), tmp_path / "ledger.ods")
    with pytest.raises(ValidationError, match="早于"):
        svc.ledger.export(D(2026, 2, 1), D(2026, 1, 31), tmp_path / "ledger.xlsx")
    with pytest.raises(StorageError, match="无法写入"):
        svc.ledger.export(D(2026, 1, 1), D(2026, 1, 31), tmp_path / "missing" / "ledger.csv")
    assert not list(tmp_path.glob("*.xlsx"))


def test_an_empty_range_gives_a_header_only_file(svc, tmp_path):
    target = tmp_path / "empty.xlsx"
    assert svc.ledger.export(D(2026, 1, 1), D(2026, 1, 31), target).rows == 0
    _, rows = rows_of(target)
    assert rows == [[c.header for c in COLUMNS]]


def test_cli_export_ledger(svc, station, tmp_path, capsys):
    target = tmp_path / "cli.xlsx"
    code = main(["export", "ledger", "--from", "2026-12-01", "--to", "2026-12-31",
                 "-o", str(target), "--json", "--database", svc.url])
    out, _ = capsys.readouterr()
    data = json.loads(out)
    assert code == 0
    assert data["rows"] == 2 and data["path"] == str(target) and data["format"] == "xlsx"
    assert data["from"] == "2026-12-01" and data["to"] == "2026-12-31" and data["masked"] is True
    assert target.exists()
    code = main(["export", "ledger", "--from", "2026-11-01", "--to", "2026-11-30",
                 "-o", str(tmp_path / "cli.csv"), "--unmasked", "--database", svc.url])
    out, _ = capsys.readouterr()
    assert code == 0 and out.strip() == f"2 rows -> {tmp_path / 'cli.csv'}"
    assert ID_NUMBER in (tmp_path / "cli.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2026-12-31", "--to", "2026-12-01", "-o", "x.xlsx"], "--to 早于 --from"),
        (["--from", "2026-12-01", "--to", "2026-12-31", "-o", "x.pdf"], ".xlsx 或 .csv"),
        (["--from", "2026-02-30", "--to", "2026-12-31", "-o", "x.csv"], "YYYY-MM-DD"),
    ],
)
def test_cli_export_errors_are_one_line(tmp_path, capsys, argv, message):
    database = tmp_path / "never-opened.sqlite"
    try:
        code = main(["export", "ledger", *argv, "--database", str(database)])
    except SystemExit as exit_:  # argparse's own errors exit
        code = exit_.code
    _, err = capsys.readouterr()
    assert code != 0 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not database.exists()


def test_amounts_keep_two_decimals(svc, tmp_path):
    register(svc, "周喆", amount=Decimal("99.9"))
    target = tmp_path / "a.csv"
    svc.ledger.export(D(2026, 11, 1), D(2026, 11, 30), target)
    assert ",99.90," in target.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("value", [
    ID_NUMBER, "11010519491231002x", "110105 19491231 002X", "１１０１０５１９４９１２３１００２Ｘ",
    "110105194912310", "12345", "11010519491231002X9", "ABCDEFGHIJKLMNOPQR",
])
def test_fast_id_masking_agrees_with_the_domain(value):
    assert _mask_id(value) == mask_id_number(value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789１３８ +-()转", min_size=1, max_size=14))
def test_fast_phone_masking_agrees_with_the_domain(value):
    assert _mask_phone(value) == mask_phone(value)


@pytest.mark.parametrize("value", [PHONE, "12800138000", "19912345678", "8613800138000",
                                   "+8613800138000", "0825-5551234", "01087654321", "138 0013 8000"])
def test_fast_phone_masking_agrees_on_known_shapes(value):
    assert _mask_phone(value) == mask_phone(value)


def test_both_xlsx_writers_give_the_same_sheet(svc, station, tmp_path):
    """The Rust writer and the XlsxWriter fallback: same cells, dates as dates, frozen
    header, autofilter, bold header, same widths."""
    assert xlsx_engine() is XlsxEngine.RUST  # the wheel is installed where tests run
    sheets = {}
    for engine in XlsxEngine:
        target = tmp_path / f"{engine.name}.xlsx"
        result = svc.ledger.export(D(2026, 11, 1), D(2026, 12, 31), target, engine=engine)
        assert result.rows == 3
        sheets[engine] = rows_of(target)
    (rust, rust_rows), (fallback, fallback_rows) = sheets[XlsxEngine.RUST], sheets[XlsxEngine.XLSXWRITER]
    assert rust_rows == fallback_rows and len(rust_rows) == 4
    assert rust_rows[0] == [c.header for c in COLUMNS]
    dates = [i for i, c in enumerate(COLUMNS) if c.kind is ColumnKind.DATE]
    last = rust.cell(1, len(COLUMNS)).column_letter
    for sheet in (rust, fallback):
        assert sheet.title == "台账"
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{last}4"
        assert all(sheet.cell(1, col).font.b for col in range(1, len(COLUMNS) + 1))
        assert isinstance(sheet.cell(2, dates[0] + 1).value, dt.datetime)
        for row in range(2, 5):
            for i in dates:
                cell = sheet.cell(row, i + 1)
                assert cell.value is None or (cell.is_date and cell.number_format == "yyyy-mm-dd")
    widths = [[round(s.column_dimensions[rust.cell(1, c).column_letter].width)
               for c in range(1, len(COLUMNS) + 1)] for s in (rust, fallback)]
    assert widths[0] == widths[1]


def test_an_empty_ledger_through_the_rust_writer_keeps_its_header(svc, tmp_path):
    target = tmp_path / "empty.xlsx"
    assert svc.ledger.export(D(2026, 1, 1), D(2026, 1, 31), target,
                             engine=XlsxEngine.RUST).rows == 0
    sheet, rows = rows_of(target)
    assert rows == [[c.header for c in COLUMNS]] and sheet.freeze_panes == "A2"
