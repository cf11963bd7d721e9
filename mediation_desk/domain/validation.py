"""Field checks for what a mediator types at intake (DOMAIN §4), and masking for display.

Each `validate_*` / `parse_*` function returns the normalised value or raises
`ValidationError(field, message)`; the message is short, specific Simplified Chinese that
the dialog shows next to the field, so it says what is wrong and what to check — never a
regular expression or an English word. Every function takes a keyword-only `field` so a
caller validating, say, the second respondent's guardian can attach the message to
``"respondent.2.guardian_phone"``.

The UI calls these for instant feedback on focus-out and the services call them again
before saving, so they must be cheap and free of side effects. Pure standard library.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from mediation_desk.domain.errors import ValidationError

__all__ = [
    "MAX_AMOUNT",
    "MAX_PEOPLE",
    "age_on",
    "birth_date_from_id",
    "generate_id_check_char",
    "generate_uscc_check_char",
    "mask_id_number",
    "mask_phone",
    "parse_amount",
    "sex_from_id",
    "validate_id_number",
    "validate_landline",
    "validate_mobile",
    "validate_name",
    "validate_past_date",
    "validate_people_count",
    "validate_phone",
    "validate_uscc",
]

# GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_EARLIEST_DATE = dt.date(1900, 1, 1)

# GB 32100-2015: 31 characters (I, O, Z, S, V left out so they are not misread as
# 1, 0, 2, 5, U), MOD 31 over the first 17.
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# The DOMAIN §4 pattern, with the 11 digits captured so the +86 prefix can be dropped.
_MOBILE_RE = re.compile(r"^(?:\+?86)?(1[3-9][0-9]{9})$")
# Area codes are unambiguous by their second digit: 010 and 02x have three digits, every
# other (03xx-09xx) has four. Knowing that lets "01087654321" split as 010-87654321 rather
# than 0108-7654321 when it is typed without a separator.
_AREA = r"0(?:10|2[0-9]|[3-9][0-9]{2})"
_LANDLINE_RE = re.compile(
    rf"^(?:\(({_AREA})\)|({_AREA}))-?([0-9]{{7,8}})"
    rf"(?:(?:-?(?:转|分机|ext\.?|x|#)-?|-)([0-9]{{1,6}}))?$",
    re.IGNORECASE,
)

MAX_AMOUNT = Decimal("1000000000000")  # 1万亿元: anything larger is a typing slip
MAX_PEOPLE = 100_000
_CENT = Decimal("0.01")
# A sign before or after the currency mark ("-¥5", "¥-5"); thousands separators only in
# groups of three, so "12,34" is refused rather than silently read as 1234.
_AMOUNT_RE = re.compile(
    r"^(?P<sign>[+-]?)(?:¥|RMB|人民币)?(?P<sign2>[+-]?)"
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\.(?P<frac>[0-9]*))?元?$",
    re.IGNORECASE,
)

# Variants of the middle dot that IMEs produce; ethnic-minority names use U+00B7.
_MIDDLE_DOTS = "•・‧∙⋅･"
_NAME_PUNCTUATION = "·.-'"  # . - ' only matter in Latin-script names (O'Neil, Jean-Luc)
# CJK unified ideographs incl. Extensions A-H and the compatibility block.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACE_AROUND_DOT = re.compile(r"\s*·\s*")


def _nfkc(value: object) -> str:
    """Full-width digits, letters and spaces (common from Chinese IMEs) to ASCII."""
    return unicodedata.normalize("NFKC", "" if value is None else str(value)).strip()


def _no_spaces(value: object) -> str:
    return re.sub(r"\s+", "", _nfkc(value))


# ----------------------------------------------------------------- ID numbers
def generate_id_check_char(first17: str) -> str:
    """The GB 11643 check character ("0"-"9" or "X") for 17 ASCII digits."""
    if not re.fullmatch(r"[0-9]{17}", first17):
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def validate_id_number(
    value: str | None, *, field: str = "id_number", today: dt.date | None = None
) -> str:
    """An 18-character resident ID number; returned without spaces and with an upper-case X.

    Checks the shape, a region code starting 1-8, a real birth date between 1900-01-01 and
    `today`, and the check character. The right check character is deliberately not shown:
    a wrong one usually means another digit was mistyped, and "correcting" the last
    character would hide that.
    """
    text = _no_spaces(value).upper()
    if not text:
        raise ValidationError(field, "请填写身份证号")
    if len(text) == 15 and text.isascii() and text.isdigit():
        raise ValidationError(field, "这是旧版15位身份证号，请填写18位身份证号")
    if len(text) != 18:
        raise ValidationError(field, f"身份证号应为18位，当前为{len(text)}位")
    if not _ID_SHAPE.fullmatch(text):
        raise ValidationError(field, "身份证号前17位应为数字，最后一位为数字或X")
    if text[0] not in "12345678":
        raise ValidationError(field, "身份证号前6位地区码不正确，请核对证件")
    shown = f"{text[6:10]}-{text[10:12]}-{text[12:14]}"
    try:
        birth = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise ValidationError(field, f"身份证号中的出生日期 {shown} 不存在") from None
    if birth < _EARLIEST_DATE:
        raise ValidationError(field, f"身份证号中的出生日期 {shown} 早于1900年，请核对证件")
    if birth > (today or dt.date.today()):
        raise ValidationError(field, f"身份证号中的出生日期 {shown} 晚于今天，请核对证件")
    if generate_id_check_char(text[:17]) != text[17]:
        raise ValidationError(field, "身份证号校验位不正确，请核对证件")
    return text


def _id_digits(value: str, field: str) -> str:
    # Reading birth date or sex needs only the shape; callers normally validated already.
    text = _no_spaces(value).upper()
    if not _ID_SHAPE.fullmatch(text):
        raise ValidationError(field, "身份证号应为18位：前17位为数字，最后一位为数字或X")
    return text


def birth_date_from_id(value: str, *, field: str = "id_number") -> dt.date:
    """The birth date encoded in digits 7-14 of an 18-character ID number."""
    text = _id_digits(value, field)
    try:
        return dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        shown = f"{text[6:10]}-{text[10:12]}-{text[12:14]}"
        raise ValidationError(field, f"身份证号中的出生日期 {shown} 不存在") from None


def sex_from_id(value: str, *, field: str = "id_number") -> str:
    """The sex GB 11643 encodes in the 17th digit: "male" if odd, "female" if even."""
    return "male" if int(_id_digits(value, field)[16]) % 2 else "female"


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years (周岁) on the day `on`; someone born on 29 February turns a year
    older on 1 March in common years, the usual reading for legal age thresholds."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


# --------------------------------------------------------------------- phones
def _mobile_digits(text: str) -> str:
    """`text` without spaces, hyphens and a leading +86/86, for length messages."""
    compact = re.sub(r"[\s\-]", "", text)
    if compact.startswith("+86"):
        return compact[3:]
    if compact.startswith("86") and len(compact) > 11:
        return compact[2:]
    return compact


def validate_mobile(value: str | None, *, field: str = "phone") -> str:
    """A mainland mobile number, returned as 11 digits (spaces, hyphens, +86 removed)."""
    text = _nfkc(value)
    if not text:
        raise ValidationError(field, "请填写手机号")
    match = _MOBILE_RE.match(re.sub(r"[\s\-]", "", text))
    if match:
        return match.group(1)
    digits = _mobile_digits(text)
    if digits.isascii() and digits.isdigit() and digits.startswith("1"):
        if len(digits) != 11:
            raise ValidationError(field, f"手机号应为11位，当前为{len(digits)}位")
        raise ValidationError(field, "手机号第二位应为3到9，请核对")
    raise ValidationError(field, "手机号应为1开头的11位数字")


def _landline_parts(value: object) -> tuple[str, str, str] | None:
    text = _nfkc(value)
    text = re.sub(r"[—–‐‑−]", "-", text)  # dashes a word processor or IME may insert
    text = re.sub(r"\s+", "-", text)
    text = re.sub(r"-{2,}", "-", text)
    match = _LANDLINE_RE.match(text)
    if not match:
        return None
    bracketed, plain, number, extension = match.groups()
    return bracketed or plain, number, extension or ""


def validate_landline(value: str | None, *, field: str = "phone") -> str:
    """A landline with area code, returned as "0826-1234567" or "0826-1234567-123"."""
    text = _nfkc(value)
    if not text:
        raise ValidationError(field, "请填写固定电话")
    parts = _landline_parts(text)
    if parts is None:
        if re.fullmatch(r"[2-9][0-9]{6,7}", _no_spaces(text).replace("-", "")):
            raise ValidationError(field, "固定电话请加区号，如 0826-1234567")
        raise ValidationError(field, "固定电话格式不正确，应为“区号-号码”，如 0826-1234567")
    area, number, extension = parts
    return f"{area}-{number}" + (f"-{extension}" if extension else "")


def validate_phone(value: str | None, *, field: str = "phone") -> str:
    """A mobile number or a landline, whichever it is, normalised as those functions do."""
    text = _nfkc(value)
    if not text:
        raise ValidationError(field, "请填写联系电话")
    try:
        return validate_mobile(text, field=field)
    except ValidationError as error:
        mobile_error = error
    try:
        return validate_landline(text, field=field)
    except ValidationError as error:
        landline_error = error
    digits = _mobile_digits(text)
    if digits.isascii() and digits.isdigit() and digits.startswith("1"):
        # Clearly meant as a mobile number: the length (or second digit) is the problem.
        raise mobile_error
    if re.fullmatch(r"[2-9][0-9]{6,7}", digits):
        raise landline_error
    raise ValidationError(
        field, "电话号码格式不正确：手机号为1开头的11位数字，固定电话如 0826-1234567"
    )


# ------------------------------------------------------- unified credit codes
def generate_uscc_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a credit code."""
    if len(first17) != 17 or any(c not in _USCC_CHARS for c in first17):
        raise ValueError(f"expected 17 characters from {_USCC_CHARS}, got {first17!r}")
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def validate_uscc(value: str | None, *, field: str = "credit_code") -> str:
    """An 18-character unified social credit code, returned upper-case without spaces."""
    text = _no_spaces(value).upper()
    if not text:
        raise ValidationError(field, "请填写统一社会信用代码")
    if len(text) != 18:
        raise ValidationError(field, f"统一社会信用代码应为18位，当前为{len(text)}位")
    bad = sorted({c for c in text if c not in _USCC_CHARS})
    if bad:
        raise ValidationError(
            field,
            f"统一社会信用代码中不能有“{'、'.join(bad)}”（代码不使用字母 I、O、Z、S、V），请核对",
        )
    if generate_uscc_check_char(text[:17]) != text[17]:
        raise ValidationError(field, "统一社会信用代码校验位不正确，请核对营业执照")
    return text


# ---------------------------------------------------------- dates and amounts
def validate_past_date(
    value: dt.date | None,
    *,
    field: str = "date",
    today: dt.date | None = None,
    required: bool = True,
) -> dt.date | None:
    """A date that has already happened (or is today); a datetime is cut to its date."""
    if value is None:
        if required:
            raise ValidationError(field, "请填写日期")
        return None
    if isinstance(value, dt.datetime):
        # datetime is a date subclass but cannot be compared with one.
        value = value.date()
    if not isinstance(value, dt.date):
        raise ValidationError(field, "日期格式不正确")
    if value > (today or dt.date.today()):
        raise ValidationError(field, "日期不能晚于今天")
    if value < _EARLIEST_DATE:
        raise ValidationError(field, "日期早于1900年，请核对")
    return value


def _amount_from_text(text: str, field: str) -> Decimal:
    text = re.sub(r"\s+", "", _nfkc(text)).replace("。", ".")  # 。 from a Chinese IME
    match = _AMOUNT_RE.match(text)
    if not match or not (match["int"] or match["frac"]) or (match["sign"] and match["sign2"]):
        raise ValidationError(field, "金额格式不正确")
    amount = Decimal(f"{match['int'].replace(',', '') or '0'}.{match['frac'] or '0'}")
    return -amount if "-" in (match["sign"], match["sign2"]) else amount


def parse_amount(
    value: str | Decimal | int | float | None,
    *,
    field: str = "amount",
    required: bool = False,
) -> Decimal | None:
    """An amount in yuan as a Decimal with two places; None when left empty.

    Accepts what people type: "1,234.5", "¥1234", "１２３４", "500元". Must be ≥ 0, have
    at most two decimals (trailing zeros do not count) and not exceed `MAX_AMOUNT`.
    """
    if value is None or (isinstance(value, str) and not _nfkc(value)):
        if required:
            raise ValidationError(field, "请填写金额")
        return None
    if isinstance(value, bool):  # bool is an int; True yuan is never meant
        raise ValidationError(field, "金额格式不正确")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        # repr gives the shortest text that round-trips, so 0.1 becomes 0.1, not 0.1000…055
        try:
            amount = Decimal(repr(value))
        except InvalidOperation:
            raise ValidationError(field, "金额格式不正确") from None
    elif isinstance(value, str):
        amount = _amount_from_text(value, field)
    else:
        raise ValidationError(field, "金额格式不正确")
    if not amount.is_finite():
        raise ValidationError(field, "金额格式不正确")
    if amount < 0:
        raise ValidationError(field, "金额不能为负数")
    # Checked before quantize: a huge exponent would overflow the decimal context.
    if amount > MAX_AMOUNT:
        raise ValidationError(field, "金额过大（不能超过1万亿元），请核对")
    if amount != amount.quantize(_CENT):
        raise ValidationError(field, "金额最多保留两位小数")
    return abs(amount.quantize(_CENT))  # abs: no "-0.00" from a typed "-0"


def validate_people_count(
    value: int | str | float | Decimal | None, *, field: str = "people_involved"
) -> int:
    """How many people a dispute involves: a whole number from 1 to `MAX_PEOPLE`."""
    if value is None or (isinstance(value, str) and not _nfkc(value)):
        raise ValidationError(field, "请填写涉及人数")
    count: int | None = None
    if isinstance(value, bool):  # bool is an int, but True people is never meant
        count = None
    elif isinstance(value, int):
        count = value
    elif isinstance(value, float):
        count = int(value) if value.is_integer() else None
    elif isinstance(value, Decimal):
        count = int(value) if value.is_finite() and value == value.to_integral_value() else None
    elif isinstance(value, str):
        text = _no_spaces(value).removesuffix("人")
        if re.fullmatch(r"-?[0-9]+", text):
            count = int(text)
    if count is None:
        raise ValidationError(field, "涉及人数应为整数")
    if count < 1:
        raise ValidationError(field, "涉及人数至少为1人")
    if count > MAX_PEOPLE:
        raise ValidationError(field, f"涉及人数不能超过{MAX_PEOPLE}人，请核对")
    return count


# ---------------------------------------------------------------------- names
def _name_text(value: object) -> str:
    # Not NFKC: that would swap CJK compatibility ideographs, which household registers
    # use for some rare name characters, for different code points. Only full-width
    # ASCII and the ideographic space are folded.
    raw = "" if value is None else str(value)
    chars = []
    for ch in raw:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        elif ch in _MIDDLE_DOTS:
            ch = "·"
        chars.append(ch)
    text = " ".join("".join(chars).split())
    text = _SPACE_AROUND_DOT.sub("·", text)
    # "张  三" is padded for alignment on paper forms; the name is 张三.
    return _SPACE_BETWEEN_CJK.sub("", text)


def _name_char_ok(ch: str) -> bool:
    if ch == " " or ch in _NAME_PUNCTUATION:
        return True
    category = unicodedata.category(ch)
    # L*: every script incl. CJK Extensions A-H; Mn/Mc: combining accents and ideographic
    # variation selectors; Co: private-use code points that registers use for 生僻字
    # not yet in Unicode.
    return category[0] == "L" or category in ("Mn", "Mc", "Co")


def validate_name(value: str | None, *, field: str = "name", max_len: int = 50) -> str:
    """A person's name: Chinese (any CJK extension), 维吾尔族 etc. names joined with "·",
    or Latin letters and spaces. Returned with spaces tidied and the dot as U+00B7."""
    text = _name_text(value)
    if not text:
        raise ValidationError(field, "请填写姓名")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in text):
        raise ValidationError(field, "姓名中含有看不见的控制字符，请删除后重新输入")
    if text.replace(" ", "").isdigit():
        raise ValidationError(field, "姓名不能是纯数字，证件号、电话请填在对应栏目")
    if any(ch.isdigit() for ch in text):
        raise ValidationError(field, "姓名中不能含有数字")
    bad = sorted({ch for ch in text if not _name_char_ok(ch)})
    if bad:
        raise ValidationError(field, f"姓名中不能有这些字符：{'、'.join(bad)}")
    if not any(
        unicodedata.category(ch)[0] == "L" or unicodedata.category(ch) == "Co" for ch in text
    ):
        # Only dots, hyphens or accents: nothing that reads as a name.
        raise ValidationError(field, "姓名中没有文字，请重新填写")
    if text.startswith("·") or text.endswith("·") or "··" in text:
        raise ValidationError(field, "姓名中的“·”应写在两部分之间，如 阿卜杜·热合曼")
    if len(text) > max_len:
        raise ValidationError(field, f"姓名最多{max_len}个字，当前为{len(text)}个字")
    return text


# -------------------------------------------------------------------- masking
def mask_id_number(value: str | None) -> str:
    """110105********002X: region and last four stay visible (PIPL minimum display);
    anything that is not 18 characters keeps only its last four."""
    if not value:
        return ""
    text = re.sub(r"\s+", "", value)
    if len(text) == 18:
        return text[:6] + "*" * 8 + text[-4:]
    return "*" * max(len(text) - 4, 0) + text[-4:]


def mask_phone(value: str | None) -> str:
    """138****5678 for a mobile, 0826-*****67 for a landline (extension kept: it names a
    switchboard line, not a person), the last four for anything else."""
    if not value:
        return ""
    match = _MOBILE_RE.match(re.sub(r"[\s\-]", "", _nfkc(value)))
    if match:
        mobile = match.group(1)
        return f"{mobile[:3]}****{mobile[-4:]}"
    parts = _landline_parts(value)
    if parts:
        area, number, extension = parts
        masked = f"{area}-{'*' * (len(number) - 2)}{number[-2:]}"
        return masked + (f"-{extension}" if extension else "")
    text = re.sub(r"\s+", "", value)
    return "*" * max(len(text) - 4, 0) + text[-4:]
