"""The Chinese line-breaking rule (DOMAIN §7): no line starts with a closing mark.

Checked on the laid-out lines of the paragraph (`blPara`), not on the text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from mediation_desk.documents.fonts import register_fonts
from mediation_desk.documents.linebreak import CANNOT_END, CANNOT_START, Para, line_texts

SIZE = 10
CHAR = SIZE  # a CJK character is one em wide in this face


def style() -> ParagraphStyle:
    names = register_fonts()
    return ParagraphStyle("t", fontName=names.body, fontSize=SIZE, leading=14, wordWrap="CJK")


def lines(cls, text: str, chars_per_line: int) -> list[str]:
    paragraph = cls(text, style())
    paragraph.wrap(chars_per_line * CHAR + 0.5, 10_000)
    return line_texts(paragraph)


# Ten characters fill a line exactly, so each of ，；：？！》 would open the next line.
ENGINEERED = (
    "一二三四五六七八九十，一二三四五六七八九十；一二三四五六七八九十：一二三四五六七八九十？"
    "一二三四五六七八九十！一二三四五六七八九《书名》。"
)


def test_reportlab_alone_starts_lines_with_closing_marks():
    # Why `Para` exists: ReportLab 5.1's own CJK wrap lets these open a line.
    starts = [line[0] for line in lines(Paragraph, ENGINEERED, 10)[1:]]
    assert set(starts) & set("，；：？！")


def test_no_line_starts_with_a_closing_mark():
    laid_out = lines(Para, ENGINEERED, 10)
    assert "".join(laid_out) == ENGINEERED
    for line in laid_out[1:]:
        assert line[0] not in CANNOT_START, laid_out
    assert all(len(line) <= 10 for line in laid_out)


def test_the_domain_marks_are_all_covered():
    assert set("，。、；：？！）」』》") <= CANNOT_START
    assert set("（「『《“") <= CANNOT_END


def test_two_closing_marks_in_a_row_move_together():
    text = "一二三四五六七八九十」。后面的字"
    laid_out = lines(Para, text, 10)
    assert "".join(laid_out) == text
    assert all(line[0] not in CANNOT_START for line in laid_out)
    assert all(len(line) <= 10 for line in laid_out)


def test_an_opening_mark_does_not_end_a_line():
    text = "一二三四五六七八九《十一》二三"
    laid_out = lines(Para, text, 10)
    assert all(line[-1] not in CANNOT_END for line in laid_out[:-1]), laid_out


def test_numbers_stay_whole_when_the_line_allows():
    text = "身份证号码11010519491231002X，电话13808160001。"
    laid_out = lines(Para, text, 12)
    joined = "|".join(laid_out)
    assert "11010519491231002X" in laid_out[1] or "11010519491231002X" in laid_out[0], joined
    assert "13808160001" in "".join(x for x in laid_out if "13808160001" in x)


def test_markup_line_breaks_are_kept():
    laid_out = lines(Para, "第一行<br/>第二行，很短", 20)
    assert laid_out == ["第一行", "第二行，很短"]


def test_a_paragraph_split_across_pages_rejoins_without_spaces():
    paragraph = Para(ENGINEERED * 3, style())
    paragraph.wrap(10 * CHAR + 0.5, 10_000)
    first, second = paragraph.split(10 * CHAR + 0.5, 14 * 3)
    second.wrap(10 * CHAR + 0.5, 10_000)
    text = "".join(line_texts(first)) + "".join(line_texts(second))
    assert text == ENGINEERED * 3
    assert line_texts(second)[0][0] not in CANNOT_START


_CJK = st.sampled_from(list("调解协议书当事人申请被履行期限金额元"))
_MARKS = st.sampled_from(sorted((CANNOT_START | CANNOT_END) - set("<>&")))
_LATIN = st.sampled_from(list("0123456789AX "))


@settings(max_examples=150, deadline=None)
@given(
    text=st.lists(st.one_of(_CJK, _CJK, _CJK, _MARKS, _LATIN), min_size=1, max_size=120).map(
        "".join
    ),
    width=st.integers(min_value=3, max_value=30),
)
def test_rule_holds_for_any_text_and_width(text, width):
    text = text.replace("<", "").replace("&", "").replace(">", "")
    laid_out = lines(Para, text, width)
    assert "".join(laid_out).replace(" ", "") == text.replace(" ", "")
    for line in laid_out[1:]:
        assert line[0] not in CANNOT_START, laid_out
