"""调解记录: the record of one mediation session, for the parties to sign.

When and where, at which tier, who mediated and who was present, what each side said,
the mediator's proposals, the outcome and the next date, then signature lines for every
party, the mediators and the recorder.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mediation_desk.documents.base import FRAME_WIDTH, Content, Fields, Letterhead, Section
from mediation_desk.documents.parts import (
    cn_date,
    form_table,
    heading,
    ordered_parties,
    para,
    paras,
    party_keys,
    signature_lines,
    title,
)
from mediation_desk.documents.styles import get_styles
from mediation_desk.domain.errors import NotFound
from mediation_desk.services.dto import CaseDetail, SessionView

TITLE = "调解记录"

WIDTHS = [26 * mm, 66 * mm, 22 * mm, FRAME_WIDTH - 114 * mm]


def content(case: CaseDetail, *, letterhead: Letterhead, ref_id: int | None = None) -> Content:
    chosen = pick(case, ref_id)
    heading_title = TITLE if len(chosen) > 1 else f"{TITLE}（第{chosen[0].seq}次）"
    return Content(heading_title, [section(case, s) for s in chosen])


def pick(case: CaseDetail, ref_id: int | None) -> list[SessionView]:
    if not case.sessions:
        raise NotFound("本案尚无调解记录")
    if ref_id is None:
        return sorted(case.sessions, key=lambda s: (s.seq, s.held_on))
    for session in case.sessions:
        if session.id == ref_id:
            return [session]
    raise NotFound(f"本案没有编号为{ref_id}的调解记录")


def section(case: CaseDetail, session: SessionView) -> Section:
    styles = get_styles()
    fields = Fields()
    put = fields.put
    when = put("调解日期", cn_date(session.held_on))
    times = "—".join(t for t in (session.start_time, session.end_time) if t)
    if times:
        when += " " + put("调解起止时间", times)
    team = "、".join(f"{p.name}（{p.role.label}）" for p in session.participants)
    tier = session.tier
    rows: list[list[object]] = [
        ["调解时间", when, "调解地点", put("调解地点", session.place)],
        ["调解层级", put("调解层级", f"{tier.short_label} {tier.label}"), "记录人", put("记录人", session.recorded_by)],
        ["调解人员", put("调解人员", team), "", ""],
        ["到场当事人", put("到场当事人", session.parties_present), "", ""],
        ["其他到场人员", put("其他到场人员", session.others_present) or "无", "", ""],
    ]
    spans = [((1, r), (3, r)) for r in (2, 3, 4)]
    story: list[Flowable] = [
        title(TITLE, styles),
        para(f"（第{session.seq}次调解）", styles.subtitle),
        form_table(rows, WIDTHS, styles, spans=spans, label_columns=(0, 2)),
        Spacer(0, 2 * mm),
    ]
    for label, text in (
        ("申请人陈述", session.applicant_statement),
        ("被申请人陈述", session.respondent_statement),
        ("调解意见及方案", session.proposals),
    ):
        story.append(heading(label, styles))
        story += paras(put(label, text), styles.body) or [para("无。", styles.body)]
    story.append(heading("调解结果", styles))
    outcome = put("调解结果", session.outcome_label or session.outcome)
    if session.next_on:
        outcome += "。下次调解时间：" + put("下次调解时间", cn_date(session.next_on))
    story.append(para(outcome + "。", styles.body))
    story.append(
        para("以上记录已向到场当事人宣读（或交其阅读），经确认无误。", styles.body)
    )

    keys = party_keys(case.parties)
    signers = [
        (f"{keys[p.id][0]} {put(f'{keys[p.id][1]}姓名', p.name)}", "")
        for p in ordered_parties(case.parties)
    ]
    signers += [("调解员", ""), ("记录人", "")]
    story.append(Spacer(0, 2 * mm))
    story.append(para("当事人签名或按指印，调解员、记录人签名：", styles.body_flush))
    story.append(signature_lines(signers, styles, FRAME_WIDTH, date=cn_date(session.held_on)))
    return Section(
        title=f"{TITLE}（第{session.seq}次）", flowables=story, fields=fields,
        date=cn_date(session.held_on),
    )
