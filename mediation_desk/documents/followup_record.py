"""回访记录: the record of one follow-up visit that was made.

A ruled form: when, how, who visited whom, how far each term of the agreement has been
performed, how satisfied the parties are with the mediation and with the police
response (出警速度、处警态度、处置情况), whether the conflict is coming back, new risks,
the action taken, remarks and any grounds to reopen the case; signature lines for the
visitors and the person visited. Only done visits have a record.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mediation_desk.documents.base import FRAME_WIDTH, Content, Fields, Letterhead, Section
from mediation_desk.documents.parts import (
    cn_date,
    cn_datetime,
    form_table,
    para,
    signature_lines,
    title,
)
from mediation_desk.documents.styles import get_styles
from mediation_desk.domain.errors import NotFound
from mediation_desk.domain.followups import POLICE_ASPECTS, WHOLE_AGREEMENT, VisitStatus
from mediation_desk.services.dto import CaseDetail, VisitView

TITLE = "回访记录"

LABEL = 28 * mm
VALUE = FRAME_WIDTH / 2 - LABEL


def content(case: CaseDetail, *, letterhead: Letterhead, ref_id: int | None = None) -> Content:
    chosen = pick(case, ref_id)
    doc_title = TITLE if len(chosen) > 1 else f"{TITLE}（第{chosen[0].seq}次）"
    return Content(doc_title, [section(case, v) for v in chosen])


def done_visits(case: CaseDetail) -> list[VisitView]:
    return sorted(
        (v for v in case.visits if v.status is VisitStatus.DONE),
        key=lambda v: (v.visited_on or v.due_on, v.seq),
    )


def pick(case: CaseDetail, ref_id: int | None) -> list[VisitView]:
    if ref_id is None:
        done = done_visits(case)
        if not done:
            raise NotFound("本案尚无已完成的回访记录")
        return done
    for visit in case.visits:
        if visit.id == ref_id:
            if visit.status is not VisitStatus.DONE:
                raise NotFound(f"第{visit.seq}次回访{visit.status.label}，尚无回访记录")
            return [visit]
    raise NotFound(f"本案没有编号为{ref_id}的回访")


def term_labels(case: CaseDetail) -> dict[str, str]:
    """Term key -> "第1项 …": over every agreement version, since a visit made before a
    correction refers to the terms of its day."""
    labels: dict[str, str] = {WHOLE_AGREEMENT: "口头协议（整体）"}
    for agreement in case.agreements:
        for term in agreement.terms:
            labels[term.key] = term.label
    return labels


def section(case: CaseDetail, visit: VisitView) -> Section:
    styles = get_styles()
    fields = Fields()
    put = fields.put
    labels = term_labels(case)
    performance = "\n".join(
        put(f"履行情况：{labels.get(key, f'约定事项{key}')}",
            f"{labels.get(key, f'约定事项{key}')}：{how.label}")
        for key, how in visit.performance.items()
    ) or "（无约定事项）"
    police = "；".join(
        f"{label}：{visit.satisfaction_police[key].label}"
        for key, label in POLICE_ASPECTS
        if key in visit.satisfaction_police
    )
    returning = "是" if visit.conflict_returning else "否"
    if visit.conflict_signs:
        returning += "。迹象：" + put("矛盾反复迹象", visit.conflict_signs)
    reopen = put("重新调解依据", visit.reopen_grounds)
    if visit.reopened:
        reopen += ("\n" if reopen else "") + "已重新调解。"
    mediation = visit.satisfaction_mediation.label if visit.satisfaction_mediation else ""
    rows: list[list[object]] = [
        ["案号", put("案号", case.number), "回访次序", f"第{visit.seq}次"],
        ["回访日期", put("回访日期", cn_date(visit.visited_on)), "回访方式", put("回访方式", visit.way.label if visit.way else "")],
        ["回访对象", put("回访对象", visit.visited), "回访人", put("回访人", visit.visitors)],
        ["应回访日期", put("应回访日期", cn_date(visit.due_on)), "回访依据", put("回访依据", visit.basis)],
        ["协议履行情况", performance, "", ""],
        ["对调解工作满意度", put("对调解工作满意度", mediation), "", ""],
        ["对民警处警满意度", put("对民警处警满意度", police), "", ""],
        ["矛盾是否反复", put("矛盾是否反复", returning), "", ""],
        ["新的风险隐患", put("新的风险隐患", visit.new_risks) or "无", "", ""],
        ["采取措施", put("采取措施", visit.action) or "无", "", ""],
        ["备注", put("备注", visit.remarks), "", ""],
        ["重新调解依据", reopen or "无", "", ""],
        ["记录人", put("记录人", visit.recorded_by), "记录时间", put("记录时间", cn_datetime(visit.recorded_at))],
    ]
    spans = [((1, r), (3, r)) for r, cells in enumerate(rows) if cells[2] == ""]
    story: list[Flowable] = [
        title(TITLE, styles),
        para(f"（第{visit.seq}次回访）", styles.subtitle),
        form_table(
            rows, [LABEL, VALUE, LABEL, VALUE], styles, spans=spans, label_columns=(0, 2),
            room={10: 8 * mm},
        ),
        Spacer(0, 2 * mm),
        signature_lines(
            [("回访人", "签名"), ("被回访人", "签名或按指印")], styles, FRAME_WIDTH,
            date=cn_date(visit.visited_on),
        ),
    ]
    return Section(
        title=f"{TITLE}（第{visit.seq}次）", flowables=story, fields=fields,
        date=cn_date(visit.visited_on),
    )
