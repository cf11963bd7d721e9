"""受理登记表: the acceptance register, one ruled form per case.

How the dispute came in, its category and dates, the parties, a summary, the tier it is
mediated at and by whom, and the acceptance decision (accepted, declined with the
reason, or still to be decided) with room for the signatures.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mediation_desk.documents.base import FRAME_WIDTH, Content, Fields, Letterhead, Section
from mediation_desk.documents.parts import (
    cn_date,
    cn_datetime,
    form_table,
    money_phrase,
    ordered_parties,
    party_keys,
    party_summary,
    title,
)
from mediation_desk.documents.styles import get_styles
from mediation_desk.domain.vocabulary import EventKind
from mediation_desk.services.dto import CaseDetail

TITLE = "受理登记表"

LABEL = 28 * mm
VALUE = FRAME_WIDTH / 2 - LABEL


def content(case: CaseDetail, *, letterhead: Letterhead, produced_at: dt.datetime) -> Content:
    return Content(TITLE, [section(case)])


def section(case: CaseDetail) -> Section:
    styles = get_styles()
    fields = Fields()
    put = fields.put
    keys = party_keys(case.parties)
    on = case.registered_at.date()
    parties = "\n".join(
        f"{keys[p.id][0]}：{party_summary(p, keys[p.id][1], fields, on=on)}"
        for p in ordered_parties(case.parties)
    )
    occurred = "，".join(
        x for x in (put("纠纷发生时间", cn_date(case.occurred_on)), put("纠纷发生地点", case.place)) if x
    )
    tier = case.row.tier
    tier_text = put("调解层级", f"{tier.short_label} {tier.label}")
    if case.tier_reason:
        tier_text += "\n确认理由：" + put("层级确认理由", case.tier_reason)

    rows: list[list[object]] = [
        ["案号", put("案号", case.number), "纠纷来源", put("纠纷来源", case.source.label)],
        ["纠纷类别", put("纠纷类别", case.row.category.label), "调解类型", put("调解类型", case.kind.label)],
        ["登记时间", put("登记时间", cn_datetime(case.registered_at)), "登记人", put("登记人", case.registered_by)],
        ["受理日期", put("受理日期", cn_date(case.row.accepted_on)), "风险等级", put("风险等级", case.row.risk.label + "色")],
        ["当事人", put("当事人", parties), "", ""],
        ["发生时间地点", occurred, "", ""],
        ["纠纷简要情况", put("纠纷简要情况", case.summary), "", ""],
        ["申请人请求", put("申请人请求", case.applicant_claims), "", ""],
        ["被申请人意见", put("被申请人意见", case.respondent_claims), "", ""],
        ["争议金额", put("争议金额", money_phrase(case.amount)), "涉及人数", put("涉及人数", f"{case.people_involved}人")],
        ["所属网格", put("所属网格", case.grid), "网格员", put("网格员", case.grid_worker)],
        ["社区民警", put("社区民警", case.community_officer), "调解员", put("调解员", case.mediator or case.row.mediator)],
        ["调解层级", tier_text, "", ""],
        ["受理意见", _decision(case, fields), "", ""],
    ]
    spans = [((1, r), (3, r)) for r, cells in enumerate(rows) if cells[2] == ""]
    story: list[Flowable] = [
        title(TITLE, styles),
        Spacer(0, 2 * mm),
        form_table(
            rows, [LABEL, VALUE, LABEL, VALUE], styles, spans=spans, label_columns=(0, 2),
            room={13: 6 * mm},
        ),
    ]
    return Section(title=TITLE, flowables=story, fields=fields, date=cn_date(on))


def _decision(case: CaseDetail, fields: Fields) -> str:
    decisions = [e for e in case.events if e.kind in (EventKind.ACCEPTED, EventKind.DECLINED)]
    if not decisions:
        text = "待审查"
    else:
        event = decisions[-1]
        verdict = "同意受理" if event.kind is EventKind.ACCEPTED else "不予受理"
        reason = fields.put("受理意见理由", event.reason)
        text = verdict + (f"。理由：{reason}" if reason else "")
        text += "\n承办人：" + fields.put("受理承办人", event.by)
        text += "　　日期：" + fields.put("受理日期（决定）", cn_date(event.at.date()))
    return text + "\n\n负责人（签名）："

