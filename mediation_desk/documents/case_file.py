"""卷宗: the case file, one PDF with continuous page numbers.

A cover (案号, parties, category, dates, result, mediator, retention period, total
pages), a contents list (卷内目录) giving the page each document starts on, then every
document of the case in order: application, acceptance register, session records, the
agreement(s) that were signed (the file's copy of each) or the oral agreement record,
and the follow-up visit records. The contents list and the cover's page total are
`Deferred`: filled in once the first layout pass knows the pages.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mediation_desk.documents import (
    agreement,
    application,
    followup_record,
    oral_agreement,
    register,
    session_record,
)
from mediation_desk.documents.base import (
    FRAME_WIDTH,
    Content,
    Deferred,
    Fields,
    Letterhead,
    PageLayout,
    Section,
)
from mediation_desk.documents.parts import (
    cn_date,
    form_table,
    ordered_parties,
    para,
    title,
)
from mediation_desk.documents.styles import get_styles
from mediation_desk.domain.agreements import AgreementKind, AgreementStatus, copies_for
from mediation_desk.domain.escalation import ReferralRoute, SettlementKind
from mediation_desk.domain.vocabulary import DisputeKind, PartySide
from mediation_desk.services.dto import AgreementView, CaseDetail

TITLE = "卷宗"
CONTENTS_TITLE = "卷内目录"
LONG_TERM = "长期"
SHORT_TERM = "短期"

_GROUP = "case-file"


def content(case: CaseDetail, *, letterhead: Letterhead, produced_at: dt.datetime) -> Content:
    documents = [application.section(case, letterhead=letterhead), register.section(case)]
    documents += [session_record.section(case, s) for s in sorted(case.sessions, key=lambda s: s.seq)]
    copies = copies_for(len(case.parties), case.kind)
    for filed in filed_agreements(case):
        if filed.kind is AgreementKind.WRITTEN:
            agreement.check(case, filed, produced_at=produced_at)
            # The file keeps the last copy, the committee's own.
            documents.append(
                agreement.section(case, filed, letterhead=letterhead, produced_at=produced_at,
                                  copies=copies, file_copy=True)
            )
        else:
            oral_agreement.check(case, filed)
            documents.append(oral_agreement.section(case, filed, letterhead=letterhead))
    documents += [followup_record.section(case, v) for v in followup_record.done_visits(case)]

    first = 2  # after the cover and the contents list
    sections = [
        _cover(case, letterhead, produced_at),
        _contents(documents, first),
        *documents,
    ]
    for section in sections:
        section.group = _GROUP
    return Content(file_title(case), sections)


def file_title(case: CaseDetail) -> str:
    kind = "治安调解" if case.kind is DisputeKind.PUBLIC_SECURITY else "人民调解"
    return f"{kind}{TITLE}"


def filed_agreements(case: CaseDetail) -> list[AgreementView]:
    """Every agreement version that was signed, oldest first (a superseded one stays in
    the file, marked as such); drafts never go in."""
    return [a for a in case.agreements if a.status is not AgreementStatus.DRAFT]


def retention(case: CaseDetail) -> str:
    """保管期限. Rule used here: 长期 when the dispute was settled by a signed written
    agreement, since that agreement founds rights (performance, judicial confirmation
    within 30 days, later enforcement) that may be relied on for years; 短期 for every
    other outcome (oral agreement, failed, declined, withdrawn, referred)."""
    signed = case.signed_agreement
    return LONG_TERM if signed is not None and signed.kind is AgreementKind.WRITTEN else SHORT_TERM


def _result(case: CaseDetail) -> str:
    text = case.row.state.label
    if case.settlement:
        try:
            text += f"（{SettlementKind(case.settlement).label}）"
        except ValueError:
            text += f"（{case.settlement}）"
    if case.referral_route:
        try:
            text += f"，告知途径：{ReferralRoute(case.referral_route).label}"
        except ValueError:
            text += f"，告知途径：{case.referral_route}"
    return text


def _cover(case: CaseDetail, letterhead: Letterhead, produced_at: dt.datetime) -> Section:
    styles = get_styles()
    fields = Fields()
    put = fields.put
    by_side = []
    for side in PartySide:
        names = "、".join(p.name for p in ordered_parties(case.parties) if p.side is side)
        if names:
            by_side.append(f"{side.label}：{put(f'{side.label}', names)}")
    rows: list[list[object]] = [
        ["案　　号", put("案号", case.number)],
        ["案　　由", put("案由", f"{case.row.category.label}纠纷")],
        ["当 事 人", "\n".join(by_side)],
        ["纠纷类别", put("纠纷类别", case.row.category.label)],
        ["登记日期", put("登记日期", cn_date(case.registered_at.date()))],
        ["受理日期", put("受理日期", cn_date(case.row.accepted_on))],
        ["结案日期", put("结案日期", cn_date(case.concluded_on))],
        ["调解结果", put("调解结果", _result(case))],
        ["调 解 员", put("调解员", case.mediator or case.row.mediator)],
        ["保管期限", put("保管期限", retention(case))],
        ["立卷日期", put("立卷日期", cn_date(produced_at.date()))],
    ]
    label_w = 32 * mm

    def table(layout: PageLayout | None) -> Flowable:
        total = f"{layout.pages}" if layout else ""
        return form_table(
            [*rows, ["本卷页数", f"共 {total} 页"]],
            [label_w, FRAME_WIDTH - label_w], styles,
            extra=[("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm)],
        )

    story: list[Flowable] = [
        Spacer(0, 10 * mm),
        para(put("调解组织", letterhead.committee_name), styles.subtitle),
        Spacer(0, 6 * mm),
        para(file_title(case), styles.cover_title),
        Spacer(0, 14 * mm),
        Deferred(table),
    ]
    return Section(title="卷宗封面", flowables=story, fields=fields,
                   date=cn_date(produced_at.date()))


def _contents(documents: list[Section], first: int) -> Section:
    styles = get_styles()
    fields = Fields()
    entries = [(d.title, d.date) for d in documents]
    for n, (name, date) in enumerate(entries, start=1):
        fields.put(f"目录第{n}项", f"{name} {date}")
    widths = [14 * mm, 78 * mm, 34 * mm, 16 * mm]
    widths.append(FRAME_WIDTH - sum(widths))

    def table(layout: PageLayout | None) -> Flowable:
        rows: list[list[object]] = [["序号", "文件名称", "日期", "页号", "页数"]]
        for n, (name, date) in enumerate(entries, start=1):
            index = first + n - 1
            page = str(layout.start_page(index)) if layout else ""
            count = str(layout.page_count(index)) if layout else ""
            center = styles.cell_center
            rows.append([para(str(n), center), name, para(date, center), para(page, center),
                         para(count, center)])
        return form_table(
            rows, widths, styles, label_columns=(), repeat_rows=1,
        )

    story: list[Flowable] = [title(CONTENTS_TITLE, styles), Spacer(0, 3 * mm), Deferred(table)]
    return Section(title=CONTENTS_TITLE, flowables=story, fields=fields)
