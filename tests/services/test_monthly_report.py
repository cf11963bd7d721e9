"""The monthly 矛盾纠纷分析研判 report: its content from a real database (three sets of
figures, the screening summary, the open red and orange disputes), the PDF read back,
and `document monthly-report` on the command line."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader
from test_followups import Clock, mediating, move, register, settled

from mediation_desk.domain.escalation import Move
from mediation_desk.domain.screening import ScreeningDraft
from mediation_desk.domain.vocabulary import RiskGrade
from mediation_desk.services.container import open_services

D = dt.date


@pytest.fixture
def clock():
    return Clock()  # 2026-11-20


@pytest.fixture
def svc(tmp_path, clock):
    opened = open_services(tmp_path / "report.sqlite", clock=clock)
    yield opened
    opened.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _screening(svc, **kw):
    base = dict(found_on=D(2026, 11, 3), grid="城南第三网格", grid_worker="周网格",
                household="张三", conflict="两户因排水沟堵塞争吵", risk=RiskGrade.YELLOW,
                action="现场劝解", handed_to="")
    base.update(kw)
    return svc.screening.add(draft=ScreeningDraft(**base), by="x")


def test_report_content_compares_months_and_lists_open_red_and_orange(svc, clock):
    settled(svc)
    red = mediating(svc)
    svc.flow.change_risk(dispute_id=red.id, expected_version=red.version, risk=RiskGrade.RED,
                         reason="扬言报复", by="x")
    _screening(svc)
    _screening(svc, risk=RiskGrade.ORANGE, handed_to="社区民警", action="移交社区民警")
    report = svc.stats.monthly_report("2026-11", analysis="邻里纠纷多发。")
    assert report.month == "2026-11"
    assert report.current.totals.received == 2 and report.current.totals.settled == 1
    assert report.previous.date_from == D(2026, 10, 1)
    assert report.last_year.date_from == D(2025, 11, 1)
    assert report.screening.total == 2 and report.screening.handed_over == 1
    assert report.screening.by_risk[RiskGrade.ORANGE] == 1
    assert [c.number for c in report.open_risks] == [red.number]
    assert report.open_risks[0].risk is RiskGrade.RED
    data = report.as_json()
    assert data["current"]["received"] == 2 and data["screening"]["total"] == 2


def test_report_pdf_reads_back_with_every_section(svc, clock):
    settled(svc)
    _screening(svc)
    report = svc.stats.monthly_report("2026-11", analysis="本月邻里纠纷多发，应加强排查。")
    pdf = svc.documents.monthly_report(report)
    pages = [_flat(p.extract_text()) for p in PdfReader(io.BytesIO(pdf.content)).pages]
    whole = "".join(pages)
    for expected in ("矛盾纠纷分析研判报告", "2026年11月", "一、本月主要数据", "环比", "同比",
                     "二、本月纠纷分类及调解结果", "三、三级联调分层级情况",
                     "四、网格矛盾纠纷隐患排查情况", "共排查登记矛盾纠纷隐患1条", "城南第三网格",
                     "五、尚未办结的红色、橙色风险纠纷", "六、研判分析及下步工作",
                     "本月邻里纠纷多发，应加强排查。", "所领导（签名）"):
        assert _flat(expected) in whole, expected
    assert len(pages) == pdf.pages
    for page in pages:
        assert f"校验码{pdf.code}" in page
    assert b"Helvetica" not in pdf.content  # charts drawn in the embedded face


def test_report_without_analysis_leaves_a_box_to_write_in(svc):
    pdf = svc.documents.monthly_report(svc.stats.monthly_report("2026-11"))
    assert "由所领导填写" in _flat(PdfReader(io.BytesIO(pdf.content)).pages[-1].extract_text())


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_report_fonts_are_embedded(svc, tmp_path):
    settled(svc)
    path = tmp_path / "r.pdf"
    path.write_bytes(svc.documents.monthly_report(svc.stats.monthly_report("2026-11")).content)
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows and all(r.split()[-5:-2] == ["yes", "yes", "yes"] for r in rows)


def test_cli_document_monthly_report(tmp_path):
    database = tmp_path / "cli.sqlite"
    services = open_services(database)
    try:
        d = register(services)
        move(services, d, Move.ACCEPT)
    finally:
        services.close()
    out = tmp_path / "m.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "mediation_desk", "--database", str(database), "document",
         "monthly-report", "--month", dt.date.today().strftime("%Y-%m"), "-o", str(out),
         "--json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["kind"] == "monthly-report" and data["pages"] >= 1 and data["received"] == 1
    assert out.read_bytes().startswith(b"%PDF")
    bad = subprocess.run(
        [sys.executable, "-m", "mediation_desk", "--database", str(database), "document",
         "monthly-report", "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "--month" in bad.stderr and "Traceback" not in bad.stderr


def test_a_month_not_yet_come_is_refused(svc):
    from mediation_desk.domain.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as refused:
        svc.stats.monthly_report("2027-01")
    assert "还没有到" in refused.value.errors[0].message


def test_month_on_month_and_year_on_year_changes():
    from mediation_desk.documents.monthly_report import _change

    assert _change("received", 149, 131) == "+13.7%"
    assert _change("received", 4, 8) == "-50.0%"
    assert _change("received", 5, 5) == "持平"
    assert _change("received", 3, 0) == "新增"
    assert _change("received", 0, 0) == "—"
    assert _change("success_rate", 96.8, 93.6) == "+3.2个百分点"
    assert _change("success_rate", None, 93.6) == "—"


def test_report_compares_with_last_month_from_real_records(svc, clock):
    settled(svc)
    settled(svc)
    clock.days(12)  # 2026-12-02: November is last month
    move(svc, register(svc), Move.ACCEPT)
    report = svc.stats.monthly_report("2026-12")
    assert (report.current.totals.received, report.previous.totals.received) == (1, 2)
    pdf = svc.documents.monthly_report(report)
    text = _flat("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages))
    assert "受理数12-50.0%" in text  # 本月 1, 上月 2, 环比 -50.0%
