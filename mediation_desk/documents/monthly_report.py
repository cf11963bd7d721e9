"""矛盾纠纷分析研判报告: the station's monthly analysis report (DOMAIN §10).

The month's figures against the previous month (环比) and the same month last year
(同比), two charts (disputes received and settled by category; how the month's
mediations ended), the figures by tier, the grid screening log's summary, the red and
orange disputes still open, and the leader's analysis (typed in, or a ruled box to
write in by hand).  Figures come in computed (`services.dto.MonthlyReport`); nothing
here counts anything.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from mediation_desk.documents.base import FRAME_WIDTH, Content, Fields, Letterhead, Section
from mediation_desk.documents.parts import cn_date, form_table, heading, para, paras, title
from mediation_desk.documents.styles import Styles, get_styles
from mediation_desk.domain.figures import FIGURE_LABELS, breakdown_key_label
from mediation_desk.domain.vocabulary import RiskGrade
from mediation_desk.services.dto import MonthlyReport, Stats

TITLE = "矛盾纠纷分析研判报告"

# Rows of the comparison table: (label, how to read the number from a Stats).
_ROWS = (
    "received", "mediated", "settled", "failed", "success_rate", "declined", "withdrawn",
    "referred", "performed", "judicial", "criminal", "group_prevented", "escalations",
    "recurrences", "followups_due", "followups_done", "followups_overdue", "amount",
)
_BLUE, _GREEN, _RED, _GREY, _AMBER = (colors.HexColor(c) for c in (
    "#4a78b5", "#3f9a5b", "#c0504d", "#9e9e9e", "#d9a441"))


def _value(stats: Stats, name: str) -> float | None:
    totals = stats.totals
    if name == "success_rate":
        return totals.success_rate
    if name == "amount":
        return float(totals.amount)
    if name == "escalations":
        return float(sum(n for pair, n in stats.escalations.items()
                         if int(pair[0]) < int(pair[-1])))
    if name in ("recurrences", "followups_due", "followups_done", "followups_overdue"):
        return float(getattr(stats, name))
    return float(getattr(totals, name))


def _show(name: str, value: float | None) -> str:
    if value is None:
        return "—"
    if name == "success_rate":
        return f"{value:.1f}%"
    if name == "amount":
        return f"{Decimal(str(value)):,.2f}"
    return f"{int(value):,}"


def _change(name: str, now: float | None, before: float | None) -> str:
    """环比/同比: a percentage change, percentage points for the success rate."""
    if now is None or before is None:
        return "—"
    if name == "success_rate":
        points = now - before
        return "持平" if abs(points) < 0.05 else f"{points:+.1f}个百分点"
    if before == 0:
        return "—" if now == 0 else "新增"
    change = 100 * (now - before) / before
    return "持平" if abs(change) < 0.05 else f"{change:+.1f}%"


def content(report: MonthlyReport, *, letterhead: Letterhead) -> Content:
    return Content(TITLE, [section(report, letterhead=letterhead)],
                   issuer=report.station or letterhead.station_name)


def section(report: MonthlyReport, *, letterhead: Letterhead) -> Section:
    styles = get_styles()
    fields = Fields()
    put = fields.put
    year, month = (int(x) for x in report.month.split("-"))
    station = put("派出所", report.station or letterhead.station_name)
    story: list[Flowable] = [
        title(TITLE, styles),
        para(f"{station}　{year}年{month}月", styles.subtitle),
    ]

    # 一、主要数据
    story.append(heading("一、本月主要数据", styles))
    header = ["项目", "本月", f"上月（{report.previous.date_from.month}月）", "环比",
              f"去年同月（{report.last_year.date_from.year}年）", "同比"]
    rows: list[list[object]] = [header]
    for name in _ROWS:
        now = _value(report.current, name)
        before = _value(report.previous, name)
        year_ago = _value(report.last_year, name)
        label = FIGURE_LABELS[name] if name != "escalations" else "升级"
        rows.append([label, put(f"本月{label}", _show(name, now)), _show(name, before),
                     _change(name, now, before), _show(name, year_ago),
                     _change(name, now, year_ago)])
    widths = [34 * mm] + [(FRAME_WIDTH - 34 * mm) / 5] * 5
    story.append(form_table(rows, widths, styles, repeat_rows=1,
                            extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    story.append(para(
        "注：调解成功率＝调解成功数÷（调解成功数＋调解不成数），按本月办结的纠纷计算；"
        "“—”表示无可比数据。", styles.small))

    # 二、图表
    story.append(CondPageBreak(95 * mm))
    story.append(heading("二、本月纠纷分类及调解结果", styles))
    story.append(_charts(report.current, styles, fields))

    # 三、分层级情况
    story.append(heading("三、三级联调分层级情况", styles))
    story.append(_breakdown_table(report.current, "tier", styles, fields))

    # 四、网格排查
    screening = report.screening
    story.append(heading("四、网格矛盾纠纷隐患排查情况", styles))
    risks = "、".join(f"{grade.label}色{screening.by_risk.get(grade, 0)}条" for grade in RiskGrade)
    story.append(para(put("排查情况", (
        f"本月网格员共排查登记矛盾纠纷隐患{screening.total}条，其中{risks}；"
        f"已移交有关部门或人员{screening.handed_over}条，已转为调解案件{screening.turned_into_cases}条。"
    )), styles.body))
    if screening.by_grid:
        grid_rows: list[list[object]] = [["网格", "排查登记（条）"]]
        for grid, count in screening.by_grid.items():
            grid_rows.append([put(f"网格{grid}", grid or "未填网格"), str(count)])
        story.append(form_table(grid_rows, [FRAME_WIDTH * 0.6, FRAME_WIDTH * 0.4], styles,
                                repeat_rows=1, extra=[("ALIGN", (1, 1), (1, -1), "RIGHT")]))

    # 五、红橙风险
    as_of = cn_date(report.as_of) if report.as_of else ""
    story.append(CondPageBreak(45 * mm))  # the heading with the first rows, not alone
    story.append(heading(f"五、尚未办结的红色、橙色风险纠纷（截至{as_of}）", styles))
    if report.open_risks:
        risk_rows: list[list[object]] = [
            ["案号", "当事人", "类别", "风险", "状态", "受理日期", "天数", "调解员"]]
        for n, case in enumerate(report.open_risks, start=1):
            key = f"风险纠纷{n}"
            risk_rows.append([
                put(f"{key}案号", case.number), put(f"{key}当事人", case.parties),
                case.category.label, case.risk.label, case.state.label,
                f"{case.accepted_on or case.registered_on:%Y-%m-%d}", str(case.days_open),
                put(f"{key}调解员", case.mediator),
            ])
        risk_widths = [34 * mm, 27 * mm, 16 * mm, 9 * mm, 15 * mm, 22.5 * mm, 12 * mm]
        risk_widths.append(FRAME_WIDTH - sum(risk_widths))
        red_rows = [r for r, case in enumerate(report.open_risks, start=1)
                    if case.risk is RiskGrade.RED]
        story.append(form_table(
            risk_rows, risk_widths, styles, repeat_rows=1, label_columns=(),
            extra=[("TEXTCOLOR", (3, r), (3, r), _RED) for r in red_rows]))
        left_out = report.open_risks_total - len(report.open_risks)
        if left_out > 0:
            story.append(para(f"另有{left_out}件未列出（按风险等级和登记先后列出前"
                              f"{len(report.open_risks)}件），请在案件列表中筛选查看。",
                              styles.small))
    else:
        story.append(para("无。", styles.body))

    # 六、研判分析
    story.append(CondPageBreak(60 * mm))
    story.append(heading("六、研判分析及下步工作", styles))
    if report.analysis:
        story.extend(paras(put("研判分析", report.analysis), styles.body))
    else:
        box = Table([[para("（由所领导填写）", styles.small)]], colWidths=[FRAME_WIDTH],
                    rowHeights=[70 * mm], style=styles.grid(("VALIGN", (0, 0), (-1, -1), "TOP")))
        story.append(box)
    story.append(Spacer(0, 6 * mm))
    story.append(KeepTogether([
        para("所领导（签名）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日", styles.body_right),
    ]))
    return Section(title=TITLE, flowables=story, fields=fields,
                   date=f"{year}年{month}月")


def _breakdown_table(stats: Stats, breakdown: str, styles: Styles, fields: Fields) -> Table:
    names = ("received", "mediated", "settled", "failed", "success_rate", "performed", "amount")
    rows: list[list[object]] = [["层级" if breakdown == "tier" else "分组",
                                 *[FIGURE_LABELS[n] for n in names]]]
    for shown, figures in stats.breakdowns[breakdown].items():
        label = fields.put(f"分组{shown}", breakdown_key_label(breakdown, shown))
        rows.append([label, *[figures.text(n) for n in names]])
    rows.append(["合计", *[stats.totals.text(n) for n in names]])
    # The amount needs the room of "1,234,567.00" on one line.
    rest = (FRAME_WIDTH - 30 * mm - 27 * mm) / (len(names) - 1)
    widths = [30 * mm] + [rest] * (len(names) - 1) + [27 * mm]
    return form_table(rows, widths, styles, repeat_rows=1,
                      extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT")])


def _charts(stats: Stats, styles: Styles, fields: Fields) -> Flowable:
    """Bars of received and settled by category, and a pie of how mediations ended."""
    font = styles.names.body
    by_category = stats.breakdowns["category"]
    labels = [fields.put(f"图表类别{key}", breakdown_key_label("category", key))
              for key in by_category]
    width, height = FRAME_WIDTH, 88 * mm
    drawing = Drawing(width, height)
    # The renderer starts every drawing in Helvetica unless told otherwise, which would
    # put an unembedded font in the PDF.
    drawing.initialFontName = font
    bars = VerticalBarChart()
    bars.x, bars.y = 12 * mm, 24 * mm
    bars.width, bars.height = width * 0.56, height - 34 * mm
    received = [f.received for f in by_category.values()] or [0]
    settled = [f.settled for f in by_category.values()] or [0]
    bars.data = [received, settled]
    bars.categoryAxis.categoryNames = labels or ["无"]
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = 7
    bars.categoryAxis.labels.angle = 45
    bars.categoryAxis.labels.boxAnchor = "ne"
    bars.categoryAxis.labels.dx = 2
    bars.categoryAxis.labels.dy = -2
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    bars.valueAxis.forceZero = True
    bars.bars[0].fillColor = _BLUE
    bars.bars[1].fillColor = _GREEN
    bars.barSpacing = 0.5
    bars.groupSpacing = 3
    drawing.add(bars)
    drawing.add(String(bars.x + bars.width / 2, height - 6 * mm, "按类别：受理数与调解成功数",
                       fontName=font, fontSize=9, textAnchor="middle"))
    legend = Legend()
    legend.x, legend.y = bars.x, height - 10 * mm
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 60
    legend.colorNamePairs = [(_BLUE, "受理数"), (_GREEN, "调解成功")]
    legend.dxTextSpace = 4
    legend.boxAnchor = "nw"
    legend.variColumn = True
    legend.dx = legend.dy = 6
    drawing.add(legend)

    totals = stats.totals
    outcomes = [("settled", _GREEN), ("failed", _RED), ("declined", _GREY),
                ("withdrawn", _AMBER)]
    shown = [(FIGURE_LABELS[n], getattr(totals, n), colour) for n, colour in outcomes
             if getattr(totals, n)]
    pie_x = bars.x + bars.width + 18 * mm
    drawing.add(String(pie_x + 22 * mm, height - 6 * mm, "本月调解结果",
                       fontName=font, fontSize=9, textAnchor="middle"))
    if shown:
        pie = Pie()
        pie.x, pie.y = pie_x, 30 * mm
        pie.width = pie.height = 44 * mm
        pie.data = [value for _label, value, _c in shown]
        pie.labels = None
        pie.sideLabels = False
        for i, (_label, _value, colour) in enumerate(shown):
            pie.slices[i].fillColor = colour
            pie.slices[i].strokeColor = colors.white
        drawing.add(pie)
        key = Legend()
        key.x, key.y = pie_x, 24 * mm
        key.fontName = font
        key.fontSize = 8
        key.columnMaximum = 4
        key.boxAnchor = "nw"
        key.dx = key.dy = 6
        key.colorNamePairs = [(c, f"{label} {value}件") for label, value, c in shown]
        drawing.add(key)
    else:
        drawing.add(String(pie_x + 22 * mm, height / 2, "本月无办结纠纷",
                           fontName=font, fontSize=9, textAnchor="middle"))
    return drawing
