"""口头协议登记表: the record of an oral agreement (People's Mediation Law art. 28).

A ruled form: the parties, the dispute in brief, what was agreed, when it took effect,
where and before whom; marked 口头协议 so the file shows it for what it is. The domain's
`validate_agreement` is applied as for a written agreement (every party named, the
content recorded).
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
    ordered_parties,
    para,
    party_keys,
    party_particulars,
    signature_lines,
    title,
)
from mediation_desk.documents.styles import get_styles
from mediation_desk.domain.agreements import (
    AgreementDraft,
    AgreementKind,
    AgreementStatus,
    CaseParty,
    validate_agreement,
)
from mediation_desk.domain.errors import NotFound
from mediation_desk.services.dto import AgreementView, CaseDetail

TITLE = "口头协议登记表"
MARK = "口头协议"

LABEL = 28 * mm
VALUE = FRAME_WIDTH / 2 - LABEL


def content(
    case: CaseDetail, *, letterhead: Letterhead, produced_at: dt.datetime, ref_id: int | None = None
) -> Content:
    chosen = pick(case, ref_id)
    check(case, chosen)
    return Content(TITLE, [section(case, chosen, letterhead=letterhead)])


def pick(case: CaseDetail, ref_id: int | None) -> AgreementView:
    oral = [a for a in case.agreements if a.kind is AgreementKind.ORAL]
    if ref_id is None:
        current = case.agreement
        if current is not None and current.kind is AgreementKind.ORAL:
            return current
        if not oral:
            raise NotFound("本案尚无口头协议")
        return oral[-1]
    for agreement in case.agreements:
        if agreement.id == ref_id:
            if agreement.kind is not AgreementKind.ORAL:
                raise NotFound("该协议为书面调解协议，请打印人民调解协议书")
            return agreement
    raise NotFound(f"本案没有编号为{ref_id}的口头协议")


def check(case: CaseDetail, agreement: AgreementView) -> None:
    draft = AgreementDraft(
        kind=AgreementKind.ORAL,
        party_ids=agreement.party_ids,
        facts=agreement.facts,
        oral_content=agreement.oral_content,
        place=agreement.place,
    )
    validate_agreement(
        draft,
        case_parties=[CaseParty(p.id, p.name) for p in case.parties],
        today=agreement.signed_on or agreement.created_at.date(),
    )


def section(case: CaseDetail, agreement: AgreementView, *, letterhead: Letterhead) -> Section:
    styles = get_styles()
    fields = Fields()
    put = fields.put
    keys = party_keys(case.parties)
    effective = agreement.signed_on or agreement.created_at.date()
    parties = "\n".join(
        f"{keys[p.id][0]}：" + party_particulars(p, keys[p.id][1], fields, on=effective)
        for p in ordered_parties(case.parties)
        if p.id in agreement.party_ids
    )
    status = "" if agreement.status is AgreementStatus.SIGNED else agreement.status.label
    rows: list[list[object]] = [
        ["案号", put("案号", case.number), "纠纷类别", put("纠纷类别", case.row.category.label)],
        ["当事人", put("当事人", parties), "", ""],
        ["纠纷简要情况", put("纠纷简要情况", agreement.facts or case.summary), "", ""],
        ["口头协议内容", put("口头协议内容", agreement.oral_content), "", ""],
        ["协议生效时间", put("协议生效时间", cn_date(effective)), "调解地点", put("调解地点", agreement.place)],
        ["调解员", put("调解员", agreement.signed_by or case.mediator), "登记人", put("登记人", agreement.created_by)],
        ["登记时间", put("登记时间", cn_datetime(agreement.created_at)), "协议状态", put("协议状态", status or "已生效")],
        ["备注", f"本协议为{MARK}（《中华人民共和国人民调解法》第二十八条），由调解员记录在案。", "", ""],
    ]
    spans = [((1, r), (3, r)) for r, cells in enumerate(rows) if cells[2] == ""]
    story: list[Flowable] = [
        para(f"【{MARK}】", styles.mark),
        title(TITLE, styles),
        Spacer(0, 2 * mm),
        form_table(
            rows, [LABEL, VALUE, LABEL, VALUE], styles, spans=spans, label_columns=(0, 2),
            room={3: 12 * mm},
        ),
        signature_lines([("调解员", "签名"), ("登记人", "签名")], styles, FRAME_WIDTH,
                        issuer=letterhead.committee_name, date=cn_date(effective)),
    ]
    return Section(
        title=TITLE, flowables=story, fields=fields, date=cn_date(effective),
        watermark="" if agreement.status is AgreementStatus.SIGNED else agreement.status.label,
    )
