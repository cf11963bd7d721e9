"""Every document, read back from the PDF: fields, pages, furniture, fonts, refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from mediation_desk.documents import (
    DocumentKind,
    RenderedPdf,
    missing_glyphs,
    render,
    render_call_sheet,
)
from mediation_desk.domain.agreements import JUDICIAL_CONFIRMATION_CLAUSE, AgreementStatus
from mediation_desk.domain.errors import NotFound, ValidationErrors
from mediation_desk.domain.followups import VisitStatus
from mediation_desk.services.dto import CaseDetail

from .conftest import (
    LETTERHEAD,
    NUMBER,
    PRODUCED_AT,
    agreement,
    due_visits,
    oral_case,
    pdffonts_rows,
    pdftotext_pages,
    public_security_case,
    requires_poppler,
    terms,
    with_agreement,
    written_case,
)

CASES = {"written": written_case, "public_security": public_security_case, "oral": oral_case}
LACKING = "\U00020000"  # CJK Extension B, not in the body face
PRIVATE = "\ue000"  # private use: never in a font


@functools.cache
def rendered(kind: DocumentKind, which: str = "written", ref_id: int | None = None) -> RenderedPdf:
    return render(kind, CASES[which](), letterhead=LETTERHEAD, produced_at=PRODUCED_AT,
                  ref_id=ref_id)


@functools.cache
def call_sheet() -> RenderedPdf:
    return render_call_sheet(due_visits(), day=dt.date(2026, 11, 20), letterhead=LETTERHEAD,
                             produced_at=PRODUCED_AT)


@functools.cache
def _raw(content: bytes) -> tuple[str, ...]:
    return tuple(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@functools.cache
def _texts(content: bytes) -> tuple[str, ...]:
    return tuple(_flat(text) for text in _raw(content))


def texts(pdf: RenderedPdf) -> tuple[str, ...]:
    """Each page's text by pypdf, whitespace removed (lines break anywhere)."""
    return _texts(pdf.content)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_has(pdf: RenderedPdf, *expected: str) -> None:
    whole = "".join(texts(pdf))
    missing = [e for e in expected if _flat(e) not in whole]
    assert not missing, missing


ALL = [
    *[(kind, "written") for kind in DocumentKind if kind is not DocumentKind.ORAL_AGREEMENT],
    (DocumentKind.AGREEMENT, "public_security"),
    (DocumentKind.ORAL_AGREEMENT, "oral"),
    (DocumentKind.CASE_FILE, "oral"),
]


def all_pdfs() -> list[tuple[str, RenderedPdf]]:
    return [(f"{k.value}-{w}", rendered(k, w)) for k, w in ALL] + [("call-sheet", call_sheet())]


# --- what each document prints ---------------------------------------------------------

PARTIES = [
    "张㛃", "女", "510722198503020027", "13808160001", "王堃", "11010519491231002X",
    "13908160002", "委托代理人：赵昇", "13708160003", "李喆", "510722199006150011",
    "15008160004", "四川省三台县潼川镇北坝路18号",
]


def test_application_prints_parties_facts_and_claims():
    pdf = rendered(DocumentKind.APPLICATION)
    assert pdf.title == "人民调解申请书"
    assert_has(
        pdf, "人民调解申请书", *PARTIES, "2026年10月20日", "潼川镇北坝路18号2单元楼道",
        "搬运时碰坏申请人家防盗门", "请求被申请人赔偿防盗门修理费1200元", "壹仟贰佰元整",
        "申请人自愿申请潼川镇人民调解委员会调解", "签名或按指印", "2026年10月28日",
        "41岁",  # 张㛃 on the day of the application
    )


def test_register_prints_the_acceptance_form():
    assert_has(
        rendered(DocumentKind.REGISTER), "受理登记表", NUMBER, "当事人申请", "邻里", "人民调解",
        "2026年10月28日09:30", "2026年10月29日", "张㛃", "王堃", "李喆", "13808160001",
        "被申请人装修期间在公共楼道堆放建筑垃圾", "同意清理楼道", "二级警民和谐工作队",
        "三方当事人，建议二级调解", "刘淼", "北坝社区第3网格", "赵昇", "陈犇",
        "同意受理。理由：属于人民调解受理范围，双方同意调解", "负责人（签名）",
    )


def test_session_records_one_per_session_with_signature_lines():
    pdf = rendered(DocumentKind.SESSION)
    assert pdf.title == "调解记录"
    assert_has(
        pdf, "第1次调解", "第2次调解", "第3次调解", "2026年10月30日09:00—10:30",
        "潼川派出所调解室", "一级警民联调工作站", "二级警民和谐工作队",
        "刘淼（专职调解员）、陈犇（网格员）、赵昇（社区民警）", "张㛃、王堃、李喆",
        "社区主任周敏", "第1次调解，申请人称", "被申请人称：垃圾系临时堆放",
        "调解员建议被申请人三日内清理楼道", "继续调解。下次调解时间：2026年11月2日",
        "达成协议", "申请人张㛃：", "被申请人李喆：", "调解员：", "记录人：",
    )
    pages = texts(pdf)
    starts = [i for i, page in enumerate(pages) if "第1次调解" in page or "第2次调解" in page
              or "第3次调解" in page]
    assert len(starts) == 3


def test_session_by_id_prints_that_session_only():
    case = written_case()
    pdf = rendered(DocumentKind.SESSION, ref_id=case.sessions[1].id)
    assert pdf.title == "调解记录（第2次）"
    whole = "".join(texts(pdf))
    assert "第2次调解" in whole and "第1次调解" not in whole and "第3次调解" not in whole


def test_agreement_prints_article_29_content():
    pdf = rendered(DocumentKind.AGREEMENT)
    assert pdf.title == "人民调解协议书"
    assert_has(
        pdf, "人民调解协议书", *PARTIES, "41岁", "46岁", "36岁", "汉族", "个体经营",
        "纠纷主要事实", "被申请人李喆装修房屋期间将建筑垃圾堆放于公共楼道",
        "争议事项", "防盗门修理费的数额", "各方责任", "被申请人对防盗门损坏负全部责任",
        "一、履行人：李喆；履行内容：赔偿申请人防盗门修理费；金额：人民币1,200.00元（大写：壹仟贰佰元整）"
        "；履行方式：一次性支付；履行期限：2026年11月15日前；履行地点：潼川派出所调解室。",
        "二、履行人：李喆；履行内容：清理公共楼道内堆放的建筑垃圾", "赔礼道歉", "2026年11月8日前",
        "北坝路18号", JUDICIAL_CONFIRMATION_CLAUSE, "本协议一式4份",
        "当事人（签名、盖章或按指印）", "按指印", "人民调解员（签名）",
        "加盖人民调解委员会印章", "潼川镇人民调解委员会", "2026年11月5日",
    )


def test_agreement_has_one_copy_per_party_and_one_for_the_file():
    pdf = rendered(DocumentKind.AGREEMENT)
    pages = texts(pdf)
    assert len(pages) == pdf.pages
    per_copy, rest = divmod(pdf.pages, 4)
    assert rest == 0 and per_copy >= 1
    for n, page in enumerate(pages):
        k = n // per_copy + 1
        marks = set(re.findall(r"第(\d)份共4份", page))
        assert marks == {str(k)}, (n, marks)
        # Each copy starts with the title and is numbered on its own.
        assert f"第{n % per_copy + 1}页共{per_copy}页" in page
        if n % per_copy == 0:
            assert "人民调解协议书" in page and "申请人：张㛃" in page


def test_public_security_agreement_has_three_copies():
    pdf = rendered(DocumentKind.AGREEMENT, "public_security")
    assert pdf.title == "治安调解协议书"
    pages = texts(pdf)
    per_copy = pdf.pages // 3
    assert per_copy * 3 == pdf.pages
    for n, page in enumerate(pages):
        assert f"第{n // per_copy + 1}份共3份" in page
    assert_has(pdf, "治安调解协议书", "孙昇", "钱喆", "贰仟陆佰元整", "潼川派出所", "本协议一式3份")


def test_draft_is_marked_on_every_page_and_left_undated():
    case = with_agreement(written_case(), status=AgreementStatus.DRAFT, signed_on=None,
                          terms=tuple(dataclasses.replace(t, deadline=dt.date(2026, 12, 20))
                                      for t in terms()))
    pdf = render(DocumentKind.AGREEMENT, case, letterhead=LETTERHEAD, produced_at=PRODUCED_AT)
    assert pdf.title == "人民调解协议书（草稿）"
    assert all("草稿" in page for page in texts(pdf))
    assert "2026年11月5日" not in "".join(texts(pdf))


def test_superseded_version_can_be_reprinted_with_its_mark():
    old = agreement(status=AgreementStatus.SUPERSEDED)
    new = agreement(id=302, version=2, supersedes_id=old.id, correction_reason="金额笔误",
                    signed_on=dt.date(2026, 11, 6))
    case = dataclasses.replace(written_case(), agreements=(old, new))
    current = render(DocumentKind.AGREEMENT, case, letterhead=LETTERHEAD, produced_at=PRODUCED_AT)
    assert current.title == "人民调解协议书（第2版）"
    assert_has(current, "第2版，更正原因：金额笔误")
    reprint = render(DocumentKind.AGREEMENT, case, letterhead=LETTERHEAD,
                     produced_at=PRODUCED_AT, ref_id=old.id)
    assert all("已被第2版取代" in page for page in texts(reprint))


def test_oral_agreement_record():
    pdf = rendered(DocumentKind.ORAL_AGREEMENT, "oral")
    assert pdf.title == "口头协议登记表"
    assert_has(
        pdf, "口头协议登记表", "【口头协议】", NUMBER, "张㛃", "王堃", "李喆", "13808160001",
        "李喆当场向张㛃、王堃赔礼道歉", "协议生效时间", "2026年11月2日", "潼川派出所调解室",
        "人民调解法》第二十八条", "调解员（签名）",
    )


def test_followup_records_for_done_visits_only():
    pdf = rendered(DocumentKind.FOLLOWUP)
    assert pdf.title == "回访记录"
    assert pdf.pages == 2
    assert_has(
        pdf, "第1次回访", "第2次回访", "电话回访", "上门回访", "2026年11月8日", "2026年11月16日",
        "张㛃", "刘淼、陈犇", "调解成功后第3天",
        "第1项赔偿申请人防盗门修理费（1,200.00元）：部分履行",
        "第2项清理公共楼道内堆放的建筑垃圾，并向申请人当面赔礼道歉：已全部履行",
        "对调解工作满意度", "满意", "出警速度：满意；处警态度：满意；处置情况：基本满意",
        "矛盾是否反复", "否", "提醒被申请人按期支付余款", "回访人（签名）",
        "被回访人（签名或按指印）",
    )
    assert "第3次回访" not in "".join(texts(pdf))


def test_followup_of_an_oral_agreement_reports_the_whole_agreement():
    assert_has(rendered(DocumentKind.FOLLOWUP, "oral"), "口头协议（整体）：已全部履行")


def test_call_sheet_lists_due_visits_with_full_phones():
    pdf = call_sheet()
    assert pdf.title == "今日回访"
    assert_has(
        pdf, "今日回访", "2026年11月20日", "共2件，其中超期1件", NUMBER, "（2026）潼川调字第0008号",
        "张㛃13808160001", "王堃13908160002", "代理人13708160003", "李喆15008160004",
        "孙昇13608160011", "已超期2天", "今日到期", "第1项赔偿申请人防盗门修理费（1,200.00元）",
        "期限2026年11月15日", "履行情况", "满意度及备注",
    )
    pages = texts(pdf)
    # Overdue first.
    assert pages[0].index("0007号") < pages[0].index("0008号")


def test_call_sheet_of_an_empty_day():
    pdf = render_call_sheet((), day=dt.date(2026, 11, 21), letterhead=LETTERHEAD,
                            produced_at=PRODUCED_AT)
    assert_has(pdf, "今日没有到期或超期的回访", "共0件")


# --- the case file ---------------------------------------------------------------------

def test_case_file_cover_contents_and_documents_in_order():
    pdf = rendered(DocumentKind.CASE_FILE)
    assert pdf.title == "人民调解卷宗"
    pages = texts(pdf)
    assert len(pages) == pdf.pages
    cover = pages[0]
    for expected in (NUMBER, "邻里纠纷", "申请人：张㛃、王堃", "被申请人：李喆", "2026年10月28日",
                     "2026年10月29日", "结案日期2026年11月5日", "调解成功（书面调解协议）",
                     "刘淼", "保管期限长期", "立卷日期2026年11月20日", f"共{pdf.pages}页"):
        assert expected in cover, expected
    assert "卷内目录" in pages[1]
    # The contents table, cell by cell: 序号, 文件名称, 日期, 页号, 页数.
    cells = [line.strip() for line in _raw(pdf.content)[1].splitlines() if line.strip()]
    titles = ["人民调解申请书", "受理登记表", "调解记录（第1次）", "调解记录（第2次）",
              "调解记录（第3次）", "人民调解协议书", "回访记录（第1次）", "回访记录（第2次）"]
    starts = []
    for n, title in enumerate(titles, start=1):
        at = cells.index(title)
        assert cells[at - 1] == str(n)
        page, count = int(cells[at + 2]), int(cells[at + 3])
        starts.append((title, page, count))
    expected_start = 3  # after the cover and the contents list
    for title, page, count in starts:
        assert page == expected_start, (title, page)
        # The page the contents list names is where the document starts.
        heading = title.split("（")[0]
        assert heading in pages[page - 1]
        expected_start = page + count
    assert expected_start - 1 == pdf.pages
    # The file keeps its own copy of the agreement.
    assert "第4份共4份" in pages[starts[5][1] - 1]


def test_case_file_numbers_pages_continuously():
    pdf = rendered(DocumentKind.CASE_FILE)
    for n, page in enumerate(texts(pdf), start=1):
        assert f"第{n}页共{pdf.pages}页" in page


def test_case_file_of_an_oral_settlement_is_kept_short_term():
    pdf = rendered(DocumentKind.CASE_FILE, "oral")
    assert_has(pdf, "保管期限短期", "调解成功（口头协议）", "口头协议登记表")
    assert "人民调解协议书" not in "".join(texts(pdf))


# --- furniture on every page -----------------------------------------------------------

@pytest.mark.parametrize("name", [name for name, _ in all_pdfs()])
def test_every_page_carries_case_number_page_x_of_y_and_code(name):
    pdf = dict(all_pdfs())[name]
    assert re.fullmatch(r"[0-9A-F]{8}", pdf.code)
    pages = texts(pdf)
    assert len(pages) == pdf.pages
    for page in pages:
        assert f"校验码{pdf.code}" in page
        match = re.search(r"第(\d+)页共(\d+)页", page)
        assert match and 1 <= int(match.group(1)) <= int(match.group(2)), page[-80:]
        if name != "call-sheet":
            assert f"案号：{_flat(NUMBER)}" in page or "0008号" in page


@requires_poppler
@pytest.mark.parametrize("name", [name for name, _ in all_pdfs()])
def test_every_font_is_embedded_and_none_is_helvetica(name, tmp_path):
    pdf = dict(all_pdfs())[name]
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf.content)
    rows = pdffonts_rows(path)
    assert rows
    for row in rows:
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row  # emb sub uni
        assert "Helvetica" not in row and "Times" not in row
    assert any("MediationDeskSerifSC-Regular" in row for row in rows)
    assert b"Helvetica" not in pdf.content


@requires_poppler
def test_pdftotext_reads_the_rare_names_and_the_page_total(tmp_path):
    pdf = rendered(DocumentKind.AGREEMENT)
    path = tmp_path / "agreement.pdf"
    path.write_bytes(pdf.content)
    pages = pdftotext_pages(path)
    assert len(pages) == pdf.pages
    for page in pages:
        flat = _flat(page)
        assert "张㛃" in flat and "王堃" in flat and "李喆" in flat
        assert re.search(r"第\d页共\d页", flat)
        assert f"校验码{pdf.code}" in flat


def test_metadata_is_chinese_and_dated_by_the_injected_time():
    pdf = rendered(DocumentKind.AGREEMENT)
    info = PdfReader(io.BytesIO(pdf.content)).metadata
    assert info.title == f"人民调解协议书 案号：{NUMBER}"
    assert info.author == LETTERHEAD.committee_name
    assert "人民调解协议书" in info.subject and pdf.code in info.subject
    assert info["/CreationDate"] == "D:20261120100000+08'00'"


# --- reproducibility and the short code ------------------------------------------------

@pytest.mark.parametrize("kind", [DocumentKind.AGREEMENT, DocumentKind.CASE_FILE])
def test_same_inputs_give_the_same_bytes(kind):
    again = render(kind, written_case(), letterhead=LETTERHEAD, produced_at=PRODUCED_AT)
    assert again.content == rendered(kind).content
    assert again.code == rendered(kind).code


def test_code_follows_content_not_bytes():
    first = rendered(DocumentKind.APPLICATION)
    later = render(DocumentKind.APPLICATION, written_case(), letterhead=LETTERHEAD,
                   produced_at=PRODUCED_AT + dt.timedelta(days=3))
    assert later.content != first.content  # the PDF's dates differ
    assert later.code == first.code  # what is printed does not
    changed = render(DocumentKind.APPLICATION, written_case(summary="另一段事实。"),
                     letterhead=LETTERHEAD, produced_at=PRODUCED_AT)
    assert changed.code != first.code


# --- refusals --------------------------------------------------------------------------

def _with_party_name(case: CaseDetail, index: int, name: str) -> CaseDetail:
    parties = list(case.parties)
    parties[index] = dataclasses.replace(parties[index], name=name)
    return dataclasses.replace(case, parties=tuple(parties))


@pytest.mark.parametrize(
    "kind", [DocumentKind.APPLICATION, DocumentKind.REGISTER, DocumentKind.AGREEMENT,
             DocumentKind.CASE_FILE],
)
def test_a_name_the_font_cannot_draw_is_refused_naming_field_and_character(kind):
    assert missing_glyphs(LACKING) == [LACKING]
    case = _with_party_name(written_case(), 0, f"张{LACKING}")
    with pytest.raises(ValidationErrors) as caught:
        render(kind, case, letterhead=LETTERHEAD, produced_at=PRODUCED_AT)
    errors = caught.value.as_dict()
    assert "申请人1姓名" in errors, errors
    assert LACKING in errors["申请人1姓名"]
    assert errors["申请人1姓名"].startswith("申请人1姓名：")


def test_an_invisible_character_is_named_by_code_point():
    case = dataclasses.replace(written_case(), summary=f"双方争吵{PRIVATE}。")
    with pytest.raises(ValidationErrors) as caught:
        render(DocumentKind.APPLICATION, case, letterhead=LETTERHEAD, produced_at=PRODUCED_AT)
    assert "U+E000" in caught.value.as_dict()["纠纷简要情况"]


def test_a_letterhead_the_font_cannot_draw_is_refused():
    with pytest.raises(ValidationErrors) as caught:
        render(DocumentKind.REGISTER, written_case(), produced_at=PRODUCED_AT,
               letterhead=dataclasses.replace(LETTERHEAD, committee_name=f"{LACKING}调委会"))
    assert "单位名称" in caught.value.as_dict()


def test_the_call_sheet_checks_names_too():
    visits = due_visits()
    bad = dataclasses.replace(
        visits[0], parties=(dataclasses.replace(visits[0].parties[0], name=f"王{LACKING}"),)
    )
    with pytest.raises(ValidationErrors) as caught:
        render_call_sheet((bad,), day=dt.date(2026, 11, 20), letterhead=LETTERHEAD,
                          produced_at=PRODUCED_AT)
    assert any(LACKING in message for message in caught.value.as_dict().values())


def _refusal(case: CaseDetail) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as caught:
        render(DocumentKind.AGREEMENT, case, letterhead=LETTERHEAD, produced_at=PRODUCED_AT)
    return caught.value.as_dict()


def test_agreement_without_terms_is_refused():
    assert "terms" in _refusal(with_agreement(written_case(), terms=()))


def test_agreement_with_a_term_lacking_its_deadline_is_refused():
    undated = (dataclasses.replace(terms()[0], deadline=None), terms()[1])
    errors = _refusal(with_agreement(written_case(), terms=undated))
    assert errors == {"terms.1.deadline": "第1项约定事项未填写履行期限"}


def test_agreement_missing_a_party_is_refused():
    errors = _refusal(with_agreement(written_case(), party_ids=(1, 2)))
    assert "李喆" in errors["parties"]


def test_the_case_file_refuses_an_incomplete_signed_agreement_too():
    case = with_agreement(written_case(), terms=())
    with pytest.raises(ValidationErrors):
        render(DocumentKind.CASE_FILE, case, letterhead=LETTERHEAD, produced_at=PRODUCED_AT)


def test_signed_agreement_with_past_deadlines_still_prints_but_a_stale_draft_does_not():
    # The written case's deadlines (8 and 15 Nov) are past on the 20th; it was signed on
    # the 5th, so it prints. The same content as a draft printed today cannot be signed.
    assert rendered(DocumentKind.AGREEMENT).pages > 0
    draft = with_agreement(written_case(), status=AgreementStatus.DRAFT, signed_on=None)
    errors = _refusal(draft)
    assert set(errors) == {"terms.1.deadline", "terms.2.deadline"}


# --- nothing to print ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("kind", "case", "ref_id", "message"),
    [
        (DocumentKind.SESSION, written_case(sessions=()), None, "本案尚无调解记录"),
        (DocumentKind.SESSION, written_case(), 999, "本案没有编号为999的调解记录"),
        (DocumentKind.AGREEMENT, written_case(agreements=()), None, "本案尚无书面调解协议"),
        (DocumentKind.AGREEMENT, oral_case(), None, "本案尚无书面调解协议"),
        (DocumentKind.AGREEMENT, written_case(), 999, "本案没有编号为999的调解协议"),
        (DocumentKind.ORAL_AGREEMENT, written_case(), None, "本案尚无口头协议"),
        (DocumentKind.FOLLOWUP, written_case(visits=()), None, "本案尚无已完成的回访记录"),
        (DocumentKind.FOLLOWUP, written_case(), 703, "第3次回访待回访，尚无回访记录"),
        (DocumentKind.FOLLOWUP, written_case(), 999, "本案没有编号为999的回访"),
    ],
)
def test_a_document_the_case_does_not_have_is_not_found(kind, case, ref_id, message):
    with pytest.raises(NotFound) as caught:
        render(kind, case, letterhead=LETTERHEAD, produced_at=PRODUCED_AT, ref_id=ref_id)
    assert str(caught.value) == message


def test_planned_visits_are_never_printed():
    case = written_case()
    assert [v.status for v in case.visits].count(VisitStatus.PLANNED) == 1
    one = rendered(DocumentKind.FOLLOWUP, ref_id=case.visits[1].id)
    assert one.title == "回访记录（第2次）" and one.pages == 1


# --- the public API --------------------------------------------------------------------

def test_document_kinds_are_the_cli_words_with_chinese_titles():
    assert [k.value for k in DocumentKind] == [
        "application", "register", "session", "agreement", "oral-agreement", "followup",
        "case-file",
    ]
    assert DocumentKind("oral-agreement").title == "口头协议登记表"
    assert DocumentKind.CASE_FILE.title == "卷宗"
    assert all(k.title for k in DocumentKind)


def test_render_accepts_the_kind_word():
    assert render("register", written_case(), letterhead=LETTERHEAD,  # type: ignore[arg-type]
                  produced_at=PRODUCED_AT).code == rendered(DocumentKind.REGISTER).code


def test_long_text_flows_onto_more_pages_with_a_line_rule_that_holds(tmp_path: Path):
    # A statement long enough to run over pages; ten characters then a comma, repeated,
    # so a comma lands at every possible line position somewhere.
    long = "甲乙丙丁戊己庚辛壬癸，" * 400
    case = dataclasses.replace(
        written_case(), sessions=(dataclasses.replace(written_case().sessions[0],
                                                      applicant_statement=long),)
    )
    pdf = render(DocumentKind.SESSION, case, letterhead=LETTERHEAD, produced_at=PRODUCED_AT)
    assert pdf.pages >= 3
    reader = PdfReader(io.BytesIO(pdf.content))
    for page in reader.pages:
        for line in page.extract_text().splitlines():
            line = line.strip()
            assert not line.startswith(("，", "。", "；", "：")), line


def test_a_field_too_long_for_a_page_is_a_clear_error():
    from dataclasses import replace

    from mediation_desk.documents import DocumentKind, DocumentTooLong, render

    from .conftest import LETTERHEAD, PRODUCED_AT, written_case

    case = replace(written_case(), summary="漏水" * 2500)
    with pytest.raises(DocumentTooLong) as refused:
        render(DocumentKind.REGISTER, case, letterhead=LETTERHEAD, produced_at=PRODUCED_AT)
    assert "过长" in refused.value.message
