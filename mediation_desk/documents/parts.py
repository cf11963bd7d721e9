"""Pieces several documents share: dates and money in Chinese, parties' particulars,
ruled form tables, signature blocks.

Every function that prints a value from the case takes a `Fields` and puts the value
through it, so the glyph check and the short code see it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from mediation_desk.documents.base import Fields
from mediation_desk.documents.linebreak import Para
from mediation_desk.documents.styles import Styles
from mediation_desk.domain.vocabulary import PartySide, PartyType
from mediation_desk.services.dto import CaseDetail, PartyView

BLANK_DATE = "　　　　年　　月　　日"


def esc(text: str) -> str:
    """Plain text as paragraph markup: XML escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines()) if text else ""


def para(text: str, style) -> Para:
    return Para(esc(text), style)


def paras(text: str, style) -> list[Para]:
    """One paragraph per line of `text` (a statement typed with line breaks)."""
    return [Para(escape(line.strip()), style) for line in text.splitlines() if line.strip()]


def cn_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def cn_datetime(at: dt.datetime | None) -> str:
    return f"{cn_date(at.date())} {at:%H:%M}" if at else ""


def yuan(amount: Decimal | None) -> str:
    return f"{amount:,.2f}元" if amount is not None else ""


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


def rmb_upper(amount: Decimal) -> str:
    """An amount in capital numerals as contracts write it: 壹仟贰佰元整, 叁拾元零伍角."""
    cents = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if cents < 0:
        raise ValueError("a negative amount has no capital form")
    whole, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = _upper_integer(whole) + "元" if whole else ""
    if jiao == 0 and fen == 0:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif whole:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    return text


def _upper_integer(n: int) -> str:
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    text = ""
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(text)
            continue
        if text and (zero_pending or group < 1000):
            text += "零"
        zero_pending = False
        part = ""
        digits = f"{group:04d}"
        for pos, digit in enumerate(digits):
            d = int(digit)
            if d:
                part += _DIGITS[d] + _SMALL_UNITS[3 - pos]
            elif part and any(int(x) for x in digits[pos + 1 :]) and not part.endswith("零"):
                part += "零"
        text += part + _BIG_UNITS[index]
    return text


def money_phrase(amount: Decimal | None) -> str:
    """"人民币1,200.00元（大写：壹仟贰佰元整）"."""
    if amount is None:
        return ""
    return f"人民币{yuan(amount)}（大写：{rmb_upper(amount)}）"


def age_on(birth: dt.date | None, day: dt.date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def party_keys(parties: Sequence[PartyView]) -> dict[int, tuple[str, str]]:
    """party id -> (role as printed "申请人", unique field prefix "申请人2")."""
    result: dict[int, tuple[str, str]] = {}
    for side in PartySide:
        members = [p for p in parties if p.side is side]
        for n, party in enumerate(members, start=1):
            prefix = f"{side.label}{n}" if len(members) > 1 else side.label
            result[party.id] = (side.label, prefix)
    return result


def ordered_parties(parties: Iterable[PartyView]) -> list[PartyView]:
    """Applicants first, then respondents, each in the order they were entered."""
    parties = list(parties)
    return [p for p in parties if p.side is PartySide.APPLICANT] + [
        p for p in parties if p.side is PartySide.RESPONDENT
    ]


def party_particulars(party: PartyView, prefix: str, fields: Fields, *, on: dt.date) -> str:
    """The party's basic details as one sentence (People's Mediation Law art. 29)."""
    put = fields.put
    parts: list[str] = [put(f"{prefix}姓名" if _is_person(party) else f"{prefix}名称", party.name)]
    if _is_person(party):
        if party.sex is not None:
            parts.append(put(f"{prefix}性别", party.sex.label))
        age = age_on(party.birth_date, on)
        if age is not None:
            parts.append(put(f"{prefix}年龄", f"{age}岁"))
        if party.ethnicity:
            parts.append(put(f"{prefix}民族", party.ethnicity))
        if party.id_number:
            parts.append("公民身份号码" + put(f"{prefix}身份证号码", party.id_number))
        if party.occupation:
            parts.append("职业：" + put(f"{prefix}职业", party.occupation))
        if party.address:
            parts.append("住址：" + put(f"{prefix}住址", party.address))
    else:
        if party.credit_code:
            parts.append("统一社会信用代码" + put(f"{prefix}统一社会信用代码", party.credit_code))
        if party.legal_representative:
            parts.append("法定代表人：" + put(f"{prefix}法定代表人", party.legal_representative))
        if party.address:
            parts.append("住所地：" + put(f"{prefix}住所地", party.address))
    if party.phone:
        parts.append("联系电话" + put(f"{prefix}联系电话", party.phone))
    return "，".join(parts) + "。"


def representatives(party: PartyView, prefix: str, fields: Fields) -> list[str]:
    """Lines for the party's guardian and agent, if any."""
    put = fields.put
    lines = []
    if party.guardian_name:
        relation = put(f"{prefix}监护人关系", party.guardian_relation)
        line = "监护人：" + put(f"{prefix}监护人", party.guardian_name)
        if relation:
            line += f"（系{party.name}之{relation}）"
        if party.guardian_phone:
            line += "，联系电话" + put(f"{prefix}监护人电话", party.guardian_phone)
        lines.append(line + "。")
    if party.agent_name:
        line = "委托代理人：" + put(f"{prefix}委托代理人", party.agent_name)
        if party.agent_phone:
            line += "，联系电话" + put(f"{prefix}委托代理人电话", party.agent_phone)
        lines.append(line + "。")
    return lines


def parties_block(
    case: CaseDetail, styles: Styles, fields: Fields, *, on: dt.date,
    parties: Sequence[PartyView] | None = None,
) -> list[Flowable]:
    """"申请人：张三，男，…。" paragraphs, applicants first, with guardians and agents."""
    keys = party_keys(case.parties)
    story: list[Flowable] = []
    for party in ordered_parties(parties if parties is not None else case.parties):
        role, prefix = keys[party.id]
        text = f"{role}：" + party_particulars(party, prefix, fields, on=on)
        story.append(para(text, styles.body))
        for line in representatives(party, prefix, fields):
            story.append(para(line, styles.body))
    return story


def party_summary(party: PartyView, prefix: str, fields: Fields, *, on: dt.date) -> str:
    """A short one-line form for table cells: "张三（男，41岁，电话13800138000）"."""
    put = fields.put
    details = []
    if _is_person(party):
        if party.sex is not None:
            details.append(put(f"{prefix}性别", party.sex.label))
        age = age_on(party.birth_date, on)
        if age is not None:
            details.append(put(f"{prefix}年龄", f"{age}岁"))
    elif party.legal_representative:
        details.append("法定代表人" + put(f"{prefix}法定代表人", party.legal_representative))
    if party.phone:
        details.append("电话" + put(f"{prefix}联系电话", party.phone))
    name = put(f"{prefix}姓名" if _is_person(party) else f"{prefix}名称", party.name)
    return name + (f"（{'，'.join(details)}）" if details else "")


def _is_person(party: PartyView) -> bool:
    return party.party_type is PartyType.PERSON


def form_table(
    rows: list[list[object]], widths: Sequence[float], styles: Styles, *,
    spans: Sequence[tuple] = (), label_columns: Sequence[int] = (0,),
    room: dict[int, float] | None = None, repeat_rows: int = 0, extra: Sequence[tuple] = (),
) -> Table:
    """A ruled form. String cells become paragraphs (labels in the heading face), long
    rows split across pages inside a cell rather than overflowing. `room` gives rows
    blank space under their content to write in (row index -> height)."""
    data = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if isinstance(value, str):
                style = styles.cell_label if c in label_columns and r >= repeat_rows else styles.cell
                if r < repeat_rows:
                    style = styles.cell_head
                cells.append(para(value, style) if value else "")
            else:
                cells.append(value)
        data.append(cells)
    commands = [("SPAN", *span) for span in spans]
    for r, height in (room or {}).items():
        commands.append(("BOTTOMPADDING", (0, r), (-1, r), height))
    for column in label_columns:
        commands.append(("VALIGN", (column, repeat_rows), (column, -1), "MIDDLE"))
    table = Table(
        # A row is cut across pages only when a real piece of it (40 pt) fits; otherwise
        # it moves on whole, rather than leaving an empty sliver of ruled cells behind.
        data, colWidths=list(widths), repeatRows=repeat_rows, splitInRow=40,
        style=styles.grid(*commands, *extra), hAlign="CENTER",
    )
    return table


def signature_lines(
    entries: Sequence[tuple[str, str]], styles: Styles, width: float, *,
    date: str = "", issuer: str = "", height: float = 10 * mm,
) -> Flowable:
    """Signature lines: each entry is (who, what to do: "签名", "签名或按指印", or "").

    Each label sits on one line followed by a rule to sign on, with room above it; two
    to a row when the labels are short enough. `issuer` and `date` go under them on the
    right, as at the foot of a form.
    """
    labels = [f"{who}（{how}）：" if how else f"{who}：" for who, how in entries]
    style = styles.body_flush
    label_w = max(stringWidth(t, style.fontName, style.fontSize) for t in labels) + 1 * mm
    line_w = 42 * mm
    per_row = 2 if 2 * (label_w + line_w) + 8 * mm <= width else 1
    if per_row == 1:
        label_w = min(label_w, width - line_w)
    rows = []
    for i in range(0, len(labels), per_row):
        row: list[object] = []
        for j, label in enumerate(labels[i : i + per_row]):
            if j:
                row.append("")
            row += [para(label, style), ""]
        rows.append(row)
    widths = [label_w, line_w] if per_row == 1 else [label_w, line_w, 8 * mm, label_w, line_w]
    rules = [("LINEBELOW", (1, r), (1, r), 0.5, "black") for r in range(len(rows))]
    if per_row == 2:
        rules += [("LINEBELOW", (4, r), (4, r), 0.5, "black")
                  for r, row in enumerate(rows) if len(row) > 2]
    table = Table(
        rows, colWidths=widths, hAlign="LEFT",
        style=styles.plain(
            ("TOPPADDING", (0, 0), (-1, -1), height), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            *rules,
        ),
    )
    story: list[Flowable] = [Spacer(0, 2 * mm), table, Spacer(0, 3 * mm)]
    if issuer:
        story.append(para(issuer, styles.body_right))
    if date:
        story.append(para(date, styles.body_right))
    return KeepTogether(story)


def heading(text: str, styles: Styles) -> Para:
    return Para(esc(text), styles.heading_for(text))


def title(text: str, styles: Styles) -> Para:
    return Para(esc(text), styles.heading_for(text, styles.title))
