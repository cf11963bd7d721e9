"""人民调解申请书: the application as taken at intake.

Who applies against whom (with their particulars), what happened, what the applicant
asks for, and the applicants' signature lines, dated the day the dispute was registered.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mediation_desk.documents.base import FRAME_WIDTH, Content, Fields, Letterhead, Section
from mediation_desk.documents.parts import (
    cn_date,
    heading,
    money_phrase,
    para,
    paras,
    parties_block,
    party_keys,
    signature_lines,
    title,
)
from mediation_desk.documents.styles import get_styles
from mediation_desk.domain.vocabulary import PartySide
from mediation_desk.services.dto import CaseDetail

TITLE = "人民调解申请书"


def content(case: CaseDetail, *, letterhead: Letterhead, produced_at: dt.datetime) -> Content:
    return Content(TITLE, [section(case, letterhead=letterhead)])


def section(case: CaseDetail, *, letterhead: Letterhead) -> Section:
    styles = get_styles()
    fields = Fields()
    put = fields.put
    on = case.registered_at.date()
    story: list[Flowable] = [title(TITLE, styles), Spacer(0, 2 * mm)]
    story += parties_block(case, styles, fields, on=on)

    story.append(heading("纠纷事实", styles))
    when_where = []
    if case.occurred_on:
        when_where.append("发生时间：" + put("纠纷发生时间", cn_date(case.occurred_on)))
    if case.place:
        when_where.append("发生地点：" + put("纠纷发生地点", case.place))
    if when_where:
        story.append(para("；".join(when_where) + "。", styles.body))
    story += paras(put("纠纷简要情况", case.summary), styles.body)
    if case.amount is not None:
        story.append(para("争议金额：" + put("争议金额", money_phrase(case.amount)) + "。", styles.body))

    story.append(heading("申请事项", styles))
    claims = put("申请人请求", case.applicant_claims) or "请求人民调解委员会依法调解。"
    story += paras(claims, styles.body)

    committee = letterhead.committee_name
    story.append(
        para(f"申请人自愿申请{committee}调解上述纠纷，所述情况属实。", styles.body)
    )
    story.append(para("此致", styles.body))
    story.append(para(committee, styles.body_flush))

    keys = party_keys(case.parties)
    applicants = [p for p in case.parties if p.side is PartySide.APPLICANT]
    signers = [(f"{keys[p.id][0]} {p.name}", "签名或按指印") for p in applicants]
    story.append(
        signature_lines(
            signers, styles, FRAME_WIDTH, date=put("申请日期", cn_date(on)), height=14 * mm
        )
    )
    return Section(title=TITLE, flowables=story, fields=fields, date=cn_date(on))
