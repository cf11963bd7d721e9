"""今日回访: the day's follow-up call sheet, landscape.

One row per visit due or overdue: the case, the parties with their phones in full (the
mediator calls them from this sheet), the due date and days overdue, the terms with
their deadlines and the case's open clocks, and blank columns to write down the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from mediation_desk.documents.base import (
    LANDSCAPE_FRAME_WIDTH,
    Content,
    Fields,
    Letterhead,
    Section,
)
from mediation_desk.documents.parts import cn_date, form_table, para, title
from mediation_desk.documents.styles import get_styles
from mediation_desk.services.dto import DueVisit

TITLE = "今日回访"

_WIDTHS_MM = (11, 40, 50, 24, 24, 50, 22, 24)


def content(visits: Sequence[DueVisit], *, day: dt.date, letterhead: Letterhead) -> Content:
    return Content(TITLE, [section(visits, day=day)], issuer=letterhead.station_name)


def section(visits: Sequence[DueVisit], *, day: dt.date) -> Section:
    styles = get_styles()
    fields = Fields()
    put = fields.put
    ordered = sorted(visits, key=lambda v: (-v.overdue_days, v.due, v.case_number, v.seq))
    overdue = sum(1 for v in ordered if v.overdue_days > 0)
    header = ["序号", "案号", "当事人及联系电话", "应回访日期", "回访依据", "约定事项及履行期限",
              "履行情况", "满意度及备注"]
    rows: list[list[object]] = [header]
    for n, visit in enumerate(ordered, start=1):
        key = f"第{n}行"
        case = "\n".join([
            put(f"{key}案号", visit.case_number),
            f"{put(f'{key}纠纷类别', visit.category.label)}　风险{put(f'{key}风险等级', visit.risk.label)}",
            f"第{visit.seq}次回访　调解员{put(f'{key}调解员', visit.mediator)}",
        ])
        contacts = []
        for i, contact in enumerate(visit.parties, start=1):
            line = f"{contact.side.label} {put(f'{key}当事人{i}', contact.name)}"
            if contact.phone:
                line += f" {put(f'{key}当事人{i}电话', contact.phone)}"
            if contact.agent_phone:
                line += f"\n　代理人 {put(f'{key}当事人{i}代理人电话', contact.agent_phone)}"
            if contact.guardian_phone:
                line += f"\n　监护人 {put(f'{key}当事人{i}监护人电话', contact.guardian_phone)}"
            contacts.append(line)
        due = put(f"{key}应回访日期", cn_date(visit.due))
        due += "\n" + ("今日到期" if visit.overdue_days <= 0 else f"已超期{visit.overdue_days}天")
        terms = []
        for term in visit.terms:
            line = put(f"{key}{term.label}", term.label)
            if term.deadline:
                line += f"，期限{cn_date(term.deadline)}"
            terms.append(line)
        for deadline in visit.deadlines:
            terms.append(put(f"{key}{deadline.label}", f"{deadline.label}：{cn_date(deadline.due)}，{deadline.text}"))
        rows.append([
            str(n), case, "\n".join(contacts), due, put(f"{key}回访依据", visit.basis),
            "\n".join(terms) or "无", "", "",
        ])
    if not ordered:
        rows.append(["", "今日没有到期或超期的回访。", "", "", "", "", "", ""])
    widths = [w * mm for w in _WIDTHS_MM]
    widths[-1] = LANDSCAPE_FRAME_WIDTH - sum(widths[:-1])
    spans = [((1, 1), (-1, 1))] if not ordered else []
    table = form_table(
        rows, widths, styles, label_columns=(), repeat_rows=1, spans=spans,
        room={r: 12 * mm for r in range(1, len(rows))} if ordered else None,
        extra=[("VALIGN", (0, 1), (-1, -1), "TOP")],
    )
    summary = f"{cn_date(day)}　共{len(ordered)}件，其中超期{overdue}件"
    story: list[Flowable] = [
        title(TITLE, styles),
        para(put("回访日期及件数", summary), styles.subtitle),
        table,
    ]
    return Section(title=TITLE, flowables=story, fields=fields, date=cn_date(day))
