"""人民调解协议书 (治安调解协议书 for a public-security case): the written agreement.

Laid out as art. 29 of the People's Mediation Law asks: the parties' particulars, the
facts, the issues and each side's responsibility, the numbered terms (who performs,
what, how much, how, by when, where), the art. 33 clause on judicial confirmation, and
signature blocks with room for each party's signature and fingerprint, the mediator's
signature and the committee's seal.

N parties → N+1 copies in one PDF (a 治安调解协议书 has three, `copies_for`), each
starting on a new page, marked "第 k 份 共 n 份" and numbered on its own. A draft is
marked 草稿 across every page; a superseded version "已被第N版取代".

An agreement that could not be signed is not printed either: `check` runs the domain's
`validate_agreement` (terms present, a deadline wherever one is needed, every party of
the case named) and raises its `ValidationErrors`.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from mediation_desk.documents.base import (
    FRAME_WIDTH,
    Content,
    Fields,
    Letterhead,
    Section,
    copy_mark,
)
from mediation_desk.documents.parts import (
    BLANK_DATE,
    cn_date,
    heading,
    money_phrase,
    ordered_parties,
    para,
    paras,
    parties_block,
    party_keys,
    title,
)
from mediation_desk.documents.styles import CELL_PADDING, Styles, get_styles
from mediation_desk.domain.agreements import (
    JUDICIAL_CONFIRMATION_CLAUSE,
    AgreementDraft,
    AgreementKind,
    AgreementStatus,
    CaseParty,
    TermDraft,
    copies_for,
    validate_agreement,
)
from mediation_desk.domain.errors import NotFound
from mediation_desk.domain.vocabulary import DisputeKind, PartyType
from mediation_desk.services.dto import AgreementView, CaseDetail, TermView

TITLE = "人民调解协议书"
PUBLIC_SECURITY_TITLE = "治安调解协议书"
DRAFT_MARK = "草稿"

_NUMERALS = "一二三四五六七八九十"


def content(
    case: CaseDetail, *, letterhead: Letterhead, produced_at: dt.datetime, ref_id: int | None = None
) -> Content:
    chosen = pick(case, ref_id)
    check(case, chosen, produced_at=produced_at)
    copies = copies_for(len(case.parties), case.kind)
    sections = [section(case, chosen, letterhead=letterhead, produced_at=produced_at, copies=copies)]
    issuer = letterhead.station_name if case.kind is DisputeKind.PUBLIC_SECURITY else ""
    return Content(document_title(case, chosen), sections, issuer=issuer)


def pick(case: CaseDetail, ref_id: int | None) -> AgreementView:
    if ref_id is None:
        current = case.agreement
        if current is None or current.kind is not AgreementKind.WRITTEN:
            raise NotFound("本案尚无书面调解协议")
        return current
    for agreement in case.agreements:
        if agreement.id == ref_id:
            if agreement.kind is not AgreementKind.WRITTEN:
                raise NotFound("该协议为口头协议，请打印口头协议登记表")
            return agreement
    raise NotFound(f"本案没有编号为{ref_id}的调解协议")


def document_title(case: CaseDetail, agreement: AgreementView) -> str:
    name = PUBLIC_SECURITY_TITLE if case.kind is DisputeKind.PUBLIC_SECURITY else TITLE
    if agreement.status is AgreementStatus.DRAFT:
        return f"{name}（{DRAFT_MARK}）"
    if agreement.version > 1:
        return f"{name}（第{agreement.version}版）"
    return name


def reference_day(agreement: AgreementView, produced_at: dt.datetime) -> dt.date:
    """The day the agreement speaks from: ages are counted and deadlines checked on it.

    A signed agreement (in force or superseded) speaks from the day it was signed, so an
    old agreement whose deadlines have passed still prints as it was signed; a draft
    speaks from the day it is printed, as it would be signed now.
    """
    if agreement.status is AgreementStatus.DRAFT:
        return produced_at.date()
    return agreement.signed_on or agreement.created_at.date()


def check(case: CaseDetail, agreement: AgreementView, *, produced_at: dt.datetime) -> None:
    """Refuse, with the domain's own messages, an agreement that cannot be printed."""
    draft = AgreementDraft(
        kind=agreement.kind,
        party_ids=agreement.party_ids,
        facts=agreement.facts,
        issues=agreement.issues,
        responsibility=agreement.responsibility,
        terms=tuple(_term_draft(t) for t in agreement.terms),
        oral_content=agreement.oral_content,
        place=agreement.place,
    )
    validate_agreement(
        draft,
        case_parties=[CaseParty(p.id, p.name) for p in case.parties],
        today=reference_day(agreement, produced_at),
    )


def _term_draft(term: TermView) -> TermDraft:
    return TermDraft(
        content=term.content,
        way=term.way,
        obligor_party_id=term.obligor_party_id,
        amount=term.amount,
        deadline=term.deadline,
        place=term.place,
    )


def status_line(case: CaseDetail, agreement: AgreementView) -> str:
    """The marking under the title (and across the page for drafts and old versions)."""
    if agreement.status is AgreementStatus.DRAFT:
        return f"{DRAFT_MARK}（未经签字，不发生效力）"
    if agreement.status is AgreementStatus.SUPERSEDED:
        newer = next((a for a in case.agreements if a.supersedes_id == agreement.id), None)
        return f"已被第{newer.version}版取代" if newer else "已被更正版本取代"
    return ""


def section(
    case: CaseDetail,
    agreement: AgreementView,
    *,
    letterhead: Letterhead,
    produced_at: dt.datetime,
    copies: int,
    file_copy: bool = False,
) -> Section:
    """The agreement printed `copies` times; or, for the case file (`file_copy`), the
    file's own copy alone, marked as the last of `copies`."""
    styles = get_styles()
    n = copies
    fields = Fields()
    put = fields.put
    on = reference_day(agreement, produced_at)
    name = PUBLIC_SECURITY_TITLE if case.kind is DisputeKind.PUBLIC_SECURITY else TITLE
    status = status_line(case, agreement)
    story: list[Flowable] = [title(name, styles)]
    if agreement.version > 1:
        line = f"（第{put('协议版本', agreement.version)}版"
        if agreement.correction_reason:
            line += "，更正原因：" + put("更正原因", agreement.correction_reason)
        story.append(para(line + "）", styles.subtitle))
    if status:
        story.append(para(put("协议状态", status), styles.heading_for(status, styles.mark)))
    story.append(Spacer(0, 2 * mm))

    named = [p for p in ordered_parties(case.parties) if p.id in agreement.party_ids]
    story += parties_block(case, styles, fields, on=on, parties=named)

    for label, text in (
        ("纠纷主要事实", agreement.facts),
        ("争议事项", agreement.issues),
        ("各方责任", agreement.responsibility),
    ):
        story.append(heading(label, styles))
        story += paras(put(label, text), styles.body)

    story.append(heading("协议内容", styles))
    mediator = letterhead.committee_name
    story.append(para(f"经{mediator}主持调解，当事人自愿达成如下协议：", styles.body))
    for index, term in enumerate(agreement.terms, start=1):
        story.append(para(_term_text(term, index, fields), styles.body))
    story.append(para(JUDICIAL_CONFIRMATION_CLAUSE, styles.body))
    story.append(
        para(f"本协议一式{n}份，当事人各执一份，{mediator}存档一份，每份具有同等效力。",
             styles.body)
    )
    story.append(_signatures(case, agreement, fields, styles, letterhead, on))
    watermark = DRAFT_MARK if agreement.status is AgreementStatus.DRAFT else status
    return Section(
        title=name if agreement.version == 1 else f"{name}（第{agreement.version}版）",
        flowables=story,
        fields=fields,
        mark=copy_mark(n, n) if file_copy else "",
        watermark=watermark,
        date=cn_date(agreement.signed_on),
        copies=1 if file_copy else n,
    )


def _term_text(term: TermView, index: int, fields: Fields) -> str:
    put = fields.put
    key = f"第{index}项"
    numeral = _NUMERALS[index - 1] if index <= len(_NUMERALS) else str(index)
    parts = [
        "履行人：" + put(f"{key}履行人", term.obligor or "各方当事人"),
        "履行内容：" + put(f"{key}履行内容", term.content),
    ]
    if term.amount is not None:
        parts.append("金额：" + put(f"{key}金额", money_phrase(term.amount)))
    parts.append("履行方式：" + put(f"{key}履行方式", term.way.label))
    if term.way.needs_deadline:
        parts.append("履行期限：" + put(f"{key}履行期限", cn_date(term.deadline)) + "前")
    else:
        parts.append("履行期限：签订本协议时当场履行完毕")
    if term.place:
        parts.append("履行地点：" + put(f"{key}履行地点", term.place))
    return f"{numeral}、" + "；".join(parts) + "。"


def _signatures(
    case: CaseDetail,
    agreement: AgreementView,
    fields: Fields,
    styles: Styles,
    letterhead: Letterhead,
    on: dt.date,
) -> Flowable:
    """A ruled block: per party a row with room to sign and a box for the fingerprint,
    then the mediator's signature and the committee's seal with the date."""
    keys = party_keys(case.parties)
    rows: list[list[object]] = [[
        para("当事人", styles.cell_head),
        para("签名或盖章", styles.cell_head),
        para("按指印", styles.cell_head),
    ]]
    for party in ordered_parties(case.parties):
        if party.id not in agreement.party_ids:
            continue
        role = keys[party.id][0]
        who = f"{role}：{party.name}"
        if party.party_type is PartyType.ORGANISATION:
            who += "（盖章）\n法定代表人或委托代理人签名"
        elif party.guardian_name:
            who += f"\n监护人：{party.guardian_name}"
        elif party.agent_name:
            who += f"\n委托代理人：{party.agent_name}"
        rows.append([para(who, styles.cell), "", ""])
    label_w, print_w = 50 * mm, 32 * mm
    sign_w = FRAME_WIDTH - label_w - print_w
    # Room to sign and press a finger: at least 20 mm a row, more if the name needs it.
    heights: list[float | None] = [None]
    for row in rows[1:]:
        _, needed = row[0].wrap(label_w - 2 * CELL_PADDING, 1000)
        heights.append(max(20 * mm, needed + 2 * CELL_PADDING + 4 * mm))
    parties_table = Table(
        rows,
        colWidths=[label_w, sign_w, print_w],
        rowHeights=heights,
        style=styles.grid(("VALIGN", (0, 1), (0, -1), "MIDDLE")),
    )
    signed = agreement.status is not AgreementStatus.DRAFT and agreement.signed_on
    date = fields.put("签订日期", cn_date(on)) if signed else BLANK_DATE
    seal = [
        para(letterhead.committee_name, styles.body_right),
        para("（加盖人民调解委员会印章）", styles.body_right),
        Spacer(0, 18 * mm),
        para(date, styles.body_right),
    ]
    label = "人民调解员（签名）："
    label_w = stringWidth(label, styles.body_flush.fontName, styles.body_flush.fontSize) + 1 * mm
    mediator = Table(
        [[para(label, styles.body_flush), ""]],
        colWidths=[label_w, 36 * mm],
        style=styles.plain(("LINEBELOW", (1, 0), (1, 0), 0.5, "black")),
        hAlign="LEFT",
    )
    closing = Table(
        [[mediator, seal]],
        colWidths=[FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5],
        style=styles.plain(("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (0, 0), 8 * mm)),
    )
    return KeepTogether([
        Spacer(0, 4 * mm),
        para("当事人（签名、盖章或按指印）：", styles.body_flush),
        Spacer(0, 1 * mm),
        parties_table,
        Spacer(0, 6 * mm),
        closing,
    ])
