"""The shipped print fonts: registration, embedding, text read back, the glyph check."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from mediation_desk.documents.fonts import (
    BODY,
    HEADING,
    FontNames,
    check_fields,
    heading_font,
    missing_glyphs,
    register_fonts,
)
from mediation_desk.domain.errors import ValidationErrors

RARE_NAMES = ["张㛃", "王堃", "李喆", "赵昇", "陈犇", "刘淼", "龚䶮"]
SENTENCE = "人民调解协议书 申请人：张㛃 王堃 李喆 赵昇 陈犇 刘淼 龚䶮，被申请人：某公司。"
LACKING = "\U00020000"  # 𠀀, CJK Extension B: not in Noto Serif CJK, so not in ours
EXT_B_NAME = "周\U00020bb7"  # 𠮷 (U+20BB7) is one of the Extension B characters it has

# Titles from DOMAIN §7 and the page furniture: all must take the heading face.
TITLES = [
    "人民调解申请书",
    "受理登记表",
    "调解记录",
    "人民调解协议书",
    "治安调解协议书",
    "口头协议登记表",
    "回访记录",
    "卷宗",
    "月度统计表",
    "矛盾纠纷隐患分析研判报告",
    "第 1 份 共 3 份",
    "第 1 页 共 2 页",
    "（2026）调字第 0001 号",
]


def build_proof(path: Path) -> FontNames:
    """A one-page A4 PDF: a heading in the heading face, the rare names in the body face."""
    names = register_fonts()
    title = ParagraphStyle(
        "title", fontName=names.heading, fontSize=22, leading=30, alignment=TA_CENTER
    )
    body = ParagraphStyle("body", fontName=names.body, fontSize=14, leading=24, wordWrap="CJK")
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        initialFontName=names.body,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
    )
    doc.build(
        [
            Paragraph("人民调解协议书", title),
            Spacer(0, 8 * mm),
            Paragraph(SENTENCE, body),
            Paragraph(f"第三人：{EXT_B_NAME}。双方自愿达成如下协议，共同遵守。", body),
        ]
    )
    return names


def test_register_fonts_once_and_names_are_truetype():
    names = register_fonts()
    assert names == FontNames(body=BODY, heading=HEADING)
    assert register_fonts() is names
    for name in (names.body, names.heading):
        assert isinstance(pdfmetrics.getFont(name), TTFont)


def test_proof_pdf_reads_back_with_every_name(tmp_path):
    pdf = tmp_path / "proof.pdf"
    build_proof(pdf)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    # Lines break wherever the paragraph wrapped; the names must survive whole.
    text = reader.pages[0].extract_text().replace("\n", "")
    for name in RARE_NAMES:
        assert name in text
    assert "被申请人：某公司。" in text
    # Extension B reads back as one character, not a broken ToUnicode entry.
    assert EXT_B_NAME in text


def test_proof_pdf_embeds_every_font(tmp_path):
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    pdf = tmp_path / "proof.pdf"
    build_proof(pdf)
    out = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]  # two header lines
    assert len(rows) == 2, out.stdout
    for row in rows:
        # name, type ("TrueType"), encoding, then emb sub uni: "yes yes yes"
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row
    assert any("MediationDeskSerifSC-Regular" in row for row in rows)
    assert any("MediationDeskSerifSC-Bold" in row for row in rows)


def test_pdftotext_reads_the_names(tmp_path):
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "proof.pdf"
    build_proof(pdf)
    out = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True)
    text = out.stdout.replace("\n", "")
    for name in [*RARE_NAMES, EXT_B_NAME]:
        assert name in text


def test_body_face_has_the_rare_names_and_lacks_extension_b_20000():
    assert missing_glyphs("".join(RARE_NAMES)) == []
    assert missing_glyphs(SENTENCE + EXT_B_NAME) == []
    assert missing_glyphs(f"张{LACKING}") == [LACKING]


def _gb2312() -> str:
    """Every character of GB 2312 (682 symbols, 6,763 hanzi), from Python's own codec."""
    chars = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


def test_both_faces_cover_all_of_gb2312():
    chars = _gb2312()
    assert len(chars) == 682 + 6763
    assert missing_glyphs(chars, font=BODY) == []
    assert missing_glyphs(chars, font=HEADING) == []


def test_missing_glyphs_lists_each_character_once_in_order_and_skips_whitespace():
    other = "\U0002a6a5"  # Extension B, also absent
    assert missing_glyphs(f"{other} 王{LACKING}\t{other}\n{LACKING}\u3000\x07") == [other, LACKING]
    assert missing_glyphs(" \t\r\n\u3000\xa0") == []
    assert missing_glyphs("ABCxyz 0123 ，。、；：？！（）《》“”——……￥％") == []


def test_heading_face_covers_the_titles_but_not_every_name():
    for title in TITLES:
        assert missing_glyphs(title, font=HEADING) == [], title
        assert heading_font(title) == HEADING
    assert missing_glyphs("张㛃", font=HEADING) == ["㛃"]
    assert heading_font("张㛃与王堃邻里纠纷") == BODY


def test_missing_glyphs_refuses_a_font_that_is_not_truetype():
    with pytest.raises(ValueError):
        missing_glyphs("张三", font="Helvetica")


def test_check_fields_names_each_field_and_character():
    with pytest.raises(ValidationErrors) as caught:
        check_fields(
            {
                "applicant.1.name": f"张{LACKING}",
                "respondent.1.name": "王堃",
                "facts": "\u200b李喆",
                "terms.1.what": "",
            }
        )
    errors = caught.value.as_dict()
    assert set(errors) == {"applicant.1.name", "facts"}
    assert errors["applicant.1.name"] == (
        f"“{LACKING}”无法打印：字体中没有这个字，请核对或改用同音字并在备注中说明"
    )
    assert "U+200B" in errors["facts"]


def test_check_fields_passes_printable_fields():
    check_fields({"applicant.1.name": "龚䶮", "address": "某市某区某路 1 号 2 单元"})
