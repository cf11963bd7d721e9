"""Documents benchmark: how fast the ReportLab layer builds PDFs.

    python bench/documents.py [--builds 50]

Measured in one run on this machine:
- a written agreement (three parties, so four copies) built warm, `--builds` times after a
  warm-up: median and p95 in milliseconds (goal: median ≤ 50 ms);
- the same agreement as a .docx (made here with the standard library: minimal
  WordprocessingML, same text, four copies) converted by `libreoffice --headless
  --convert-to pdf`, the usual template-and-convert route, timed per conversion after a
  warm-up conversion (goal: ours ≥ 20× faster); reported as null when LibreOffice is not
  installed;
- the whole case file (卷宗) of a case with ten sessions: time, pages, bytes.
The last line printed is one JSON object with `agreement_ms_p50`, `agreement_ms_p95`,
`libreoffice_ms`, `speedup`, `case_file_ms`, `case_file_pages`, plus the details.

The cases are the DTO factories of the document tests (tests/documents/conftest.py).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from mediation_desk.documents import DocumentKind, register_fonts, render  # noqa: E402
from mediation_desk.documents.base import Fields  # noqa: E402
from mediation_desk.documents.parts import money_phrase, party_particulars  # noqa: E402
from mediation_desk.domain.agreements import (  # noqa: E402
    JUDICIAL_CONFIRMATION_CLAUSE,
    copies_for,
)
from mediation_desk.paths import resource_path  # noqa: E402


def _factories():
    path = ROOT / "tests" / "documents" / "conftest.py"
    spec = importlib.util.spec_from_file_location("document_factories", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def time_agreement(f, builds: int) -> tuple[list[float], int, int]:
    case = f.written_case()
    for _ in range(5):
        pdf = render(DocumentKind.AGREEMENT, case, letterhead=f.LETTERHEAD,
                     produced_at=f.PRODUCED_AT)
    times = []
    for _ in range(builds):
        start = time.perf_counter()
        pdf = render(DocumentKind.AGREEMENT, case, letterhead=f.LETTERHEAD,
                     produced_at=f.PRODUCED_AT)
        times.append(time.perf_counter() - start)
    return times, pdf.pages, len(pdf.content)


# --- the same agreement as a .docx -----------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT_FAMILY = "MediationDesk Serif SC"  # our own faces, so both routes draw the same glyphs


def _run(text: str, *, bold: bool = False, size: int = 24) -> str:
    font = f'w:ascii="{FONT_FAMILY}" w:hAnsi="{FONT_FAMILY}" w:eastAsia="{FONT_FAMILY}"'
    props = f'<w:rPr><w:rFonts {font}/>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/></w:rPr>'
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, *, bold: bool = False, size: int = 24, center: bool = False,
          indent: bool = True, page_break: bool = False) -> str:
    props = "<w:pPr>"
    if page_break:
        props += "<w:pageBreakBefore/>"
    if center:
        props += '<w:jc w:val="center"/>'
    if indent:
        props += '<w:ind w:firstLineChars="200"/>'
    props += "</w:pPr>"
    return f"<w:p>{props}{_run(text, bold=bold, size=size)}</w:p>"


def _table(rows: list[list[str]]) -> str:
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{border}'
           "</w:tblBorders></w:tblPr>"]
    for row in rows:
        out.append('<w:tr><w:trPr><w:trHeight w:val="1200"/></w:trPr>')
        for cell in row:
            out.append(f"<w:tc><w:tcPr/>{_para(cell, indent=False, size=21)}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def agreement_docx(f, path: Path) -> None:
    """The agreement as a template engine would fill it in: same text, same copies."""
    case = f.written_case()
    agreement = case.agreement
    fields = Fields()
    copies = copies_for(len(case.parties), case.kind)
    body = []
    for k in range(1, copies + 1):
        body.append(_para(f"第 {k} 份 共 {copies} 份", indent=False, page_break=k > 1))
        body.append(_para("人民调解协议书", bold=True, size=36, center=True, indent=False))
        for party in case.parties:
            body.append(_para(f"{party.side.label}：" + party_particulars(
                party, str(party.id), fields, on=agreement.signed_on)))
        for label, text in (("纠纷主要事实", agreement.facts), ("争议事项", agreement.issues),
                            ("各方责任", agreement.responsibility)):
            body.append(_para(label, bold=True, size=28, indent=False))
            body.append(_para(text))
        body.append(_para("协议内容", bold=True, size=28, indent=False))
        for n, term in enumerate(agreement.terms, start=1):
            body.append(_para(
                f"{n}、履行人：{term.obligor}；履行内容：{term.content}；"
                f"金额：{money_phrase(term.amount)}；履行方式：{term.way.label}；"
                f"履行期限：{term.deadline:%Y年%m月%d日}前；履行地点：{term.place}。"))
        body.append(_para(JUDICIAL_CONFIRMATION_CLAUSE))
        body.append(_table([["当事人", "签名或盖章", "按指印"]]
                           + [[f"{p.side.label}：{p.name}", "", ""] for p in case.parties]))
        body.append(_para("人民调解员（签名）：", indent=False))
        body.append(_para(f"{f.LETTERHEAD.committee_name}（加盖人民调解委员会印章）",
                          indent=False))
        body.append(_para(f"{agreement.signed_on:%Y年%m月%d日}", indent=False))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1531" w:right="1474" '
        'w:bottom="1417" w:left="1474" w:header="851" w:footer="992" w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", content_types)
        docx.writestr("_rels/.rels", rels)
        docx.writestr("word/document.xml", document)


def time_libreoffice(f, runs: int = 3) -> tuple[float | None, str]:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        return None, "LibreOffice is not installed"
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        source = tmp_path / "agreement.docx"
        agreement_docx(f, source)
        # A private profile, so nothing of the user's LibreOffice is touched, and a
        # fontconfig file that adds our faces to the system's for this process only.
        profile = (tmp_path / "profile").as_uri()
        fonts_conf = tmp_path / "fonts.conf"
        fonts_conf.write_text(
            '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
            '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
            f"<dir>{escape(str(resource_path('fonts')))}</dir>"
            f"<cachedir>{escape(str(tmp_path / 'fc-cache'))}</cachedir></fontconfig>",
            encoding="utf-8",
        )
        env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf)}
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                   "pdf", "--outdir", str(tmp_path / "out"), str(source)]
        run = functools.partial(subprocess.run, command, check=True, capture_output=True,
                                timeout=300, env=env)
        run()  # warm-up: the profile and the font cache are made here
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        pdf = tmp_path / "out" / "agreement.pdf"
        pages = len(PdfReader(pdf).pages)
        fonts = sorted({str(font.get("/BaseFont", "")) for page in PdfReader(pdf).pages
                        for font in _fonts(page)})
        detail = f"{pages} pages, {pdf.stat().st_size} bytes, fonts {', '.join(fonts)}"
        return statistics.median(times), detail


def _fonts(page) -> list:
    resources = page.get("/Resources") or {}
    fonts = resources.get("/Font") or {}
    return [ref.get_object() for ref in fonts.values()]


def time_case_file(f, runs: int = 5) -> tuple[float, int, int]:
    base = f.written_case()
    sessions = tuple(
        f.session(n, dt.date(2026, 10, 29) + dt.timedelta(days=n),
                  outcome="settled" if n == 10 else "continue",
                  outcome_label="达成协议" if n == 10 else "继续调解")
        for n in range(1, 11)
    )
    case = dataclasses.replace(base, sessions=sessions)
    pdf = render(DocumentKind.CASE_FILE, case, letterhead=f.LETTERHEAD, produced_at=f.PRODUCED_AT)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pdf = render(DocumentKind.CASE_FILE, case, letterhead=f.LETTERHEAD,
                     produced_at=f.PRODUCED_AT)
        times.append(time.perf_counter() - start)
    return statistics.median(times), pdf.pages, len(pdf.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builds", type=int, default=50)
    args = parser.parse_args()
    f = _factories()

    start = time.perf_counter()
    register_fonts()
    fonts_s = time.perf_counter() - start
    print(f"fonts registered in {_ms(fonts_s)} ms (once per process)")

    times, pages, size = time_agreement(f, args.builds)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"agreement, warm, {args.builds} builds: median {_ms(p50)} ms, p95 {_ms(p95)} ms "
          f"({pages} pages, {size} bytes) — goal median ≤ 50 ms")

    lo_s, lo_detail = time_libreoffice(f)
    if lo_s is None:
        print(f"libreoffice: {lo_detail}; no comparison")
        speedup = None
    else:
        speedup = round(lo_s / p50, 1)
        print(f".docx → libreoffice --headless --convert-to pdf: {_ms(lo_s)} ms ({lo_detail}); "
              f"ours is {speedup}× faster — goal ≥ 20×")

    cf_s, cf_pages, cf_bytes = time_case_file(f)
    print(f"case file of a 10-session case: {_ms(cf_s)} ms, {cf_pages} pages, {cf_bytes} bytes")

    print(json.dumps({
        "agreement_ms_p50": _ms(p50),
        "agreement_ms_p95": _ms(p95),
        "agreement_pages": pages,
        "agreement_bytes": size,
        "libreoffice_ms": _ms(lo_s) if lo_s is not None else None,
        "speedup": speedup,
        "case_file_ms": _ms(cf_s),
        "case_file_pages": cf_pages,
        "case_file_bytes": cf_bytes,
        "fonts_ms": _ms(fonts_s),
        "builds": args.builds,
    }))


if __name__ == "__main__":
    main()
