"""Field checks for what a mediator types (DOMAIN §4), with messages to show by the field.

Each `validate_*` returns the normalised value or raises `ValidationError(field, message)`
whose message is short, specific Simplified Chinese.  Pure standard library: the UI calls
these for instant feedback on focus-out, the services call them again before saving.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from mediation_desk.domain.errors import ValidationError

# GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# GB 32100-2015: 31 characters (no I, O, Z, S, V), MOD 31 over the first 17.
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

MOBILE_RE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
# Area code 0 + 2 or 3 digits, a 7- or 8-digit number, an optional extension.
_LANDLINE_RE = re.compile(r"^\(?(0\d{2,3})\)?-?(\d{7,8})(?:-(\d{1,6}))?$")
MAX_AMOUNT = Decimal("1000000000000")
_CENT = Decimal("0.01")


def _clean(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value or "")).strip()


# ----------------------------------------------------------------- ID numbers
def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


generate_id_check_char = id_check_char


def validate_id_number(
    value: str, *, field: str = "id_number", today: dt.date | None = None
) -> str:
    """An 18-character resident ID number: real birth date, right check character."""
    text = re.sub(r"\s+", "", _clean(value)).upper()
    if not text:
        raise ValidationError(field, "请填写身份证号")
    if len(text) != 18:
        raise ValidationError(field, f"身份证号应为18位，当前为{len(text)}位")
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise ValidationError(field, "身份证号只能由数字组成，最后一位可以是X")
    if text[0] not in "12345678":
        raise ValidationError(field, "身份证号的地区码不正确，请核对证件")
    try:
        birth = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        shown = f"{text[6:10]}-{text[10:12]}-{text[12:14]}"
        raise ValidationError(field, f"身份证号中的出生日期 {shown} 不存在") from None
    if birth < dt.date(1900, 1, 1):
        raise ValidationError(field, f"身份证号中的出生日期 {birth:%Y-%m-%d} 不合理")
    if birth > (today or dt.date.today()):
        raise ValidationError(field, f"身份证号中的出生日期 {birth:%Y-%m-%d} 晚于今天")
    if id_check_char(text[:17]) != text[17]:
        raise ValidationError(field, "身份证号校验位不正确，请核对证件")
    return text


def birth_date_from_id(value: str) -> dt.date:
    return dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def sex_from_id(value: str) -> str:
    """"male" or "female" from the 17th digit (odd is male)."""
    return "male" if int(value[16]) % 2 else "female"


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


# --------------------------------------------------------------------- phones
def _phone_text(value: str) -> str:
    return re.sub(r"[\s\u3000]", "", _clean(value))


def validate_mobile(value: str, *, field: str = "phone") -> str:
    text = _phone_text(value).replace("-", "")
    match = MOBILE_RE.match(text)
    if not match:
        digits = text.removeprefix("+86") if text.startswith("+86") else text
        if digits.isdigit() and digits.startswith("1") and len(digits) != 11:
            raise ValidationError(field, f"手机号应为11位，当前为{len(digits)}位")
        raise ValidationError(field, "手机号格式不正确（应为1开头的11位数字）")
    return match.group(1)


def validate_landline(value: str, *, field: str = "phone") -> str:
    text = _phone_text(value)
    match = _LANDLINE_RE.match(text.replace("(", "(").replace(")", ")"))
    if not match and text.isdigit() and text.startswith("0") and len(text) in (10, 11, 12):
        # Typed without a separator: try 3- then 4-digit area codes (010 / 0826).
        for cut in (3, 4):
            if 7 <= len(text) - cut <= 8 and (cut == 3 and text[1] in "12" or cut == 4):
                match = _LANDLINE_RE.match(f"{text[:cut]}-{text[cut:]}")
                if match:
                    break
    if not match:
        raise ValidationError(field, "固定电话格式不正确，应为“区号-号码”，如 0826-1234567")
    area, number, extension = match.groups()
    return f"{area}-{number}" + (f"-{extension}" if extension else "")


def validate_phone(value: str, *, field: str = "phone") -> str:
    """A mainland mobile number or a landline, whichever it is."""
    text = _phone_text(value)
    if not text:
        raise ValidationError(field, "请填写联系电话")
    compact = text.replace("-", "")
    if compact.startswith(("1", "+86", "86")) and not compact.startswith("0"):
        return validate_mobile(text, field=field)
    try:
        return validate_landline(text, field=field)
    except ValidationError:
        raise ValidationError(
            field, "电话号码格式不正确：手机号为11位数字，固定电话如 0826-1234567"
        ) from None


# ------------------------------------------------------- unified credit codes
def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


generate_uscc_check_char = uscc_check_char


def validate_uscc(value: str, *, field: str = "credit_code") -> str:
    """An 18-character unified social credit code (GB 32100-2015)."""
    text = re.sub(r"\s+", "", _clean(value)).upper()
    if not text:
        raise ValidationError(field, "请填写统一社会信用代码")
    if len(text) != 18:
        raise ValidationError(field, f"统一社会信用代码应为18位，当前为{len(text)}位")
    bad = sorted({c for c in text if c not in _USCC_CHARS})
    if bad:
        raise ValidationError(
            field, f"统一社会信用代码含有不允许的字符：{''.join(bad)}（不使用 I、O、Z、S、V）"
        )
    if uscc_check_char(text[:17]) != text[17]:
        raise ValidationError(field, "统一社会信用代码校验位不正确，请核对营业执照")
    return text


# ---------------------------------------------------------- dates and amounts
def validate_past_date(
    value: dt.date | None,
    *,
    field: str,
    today: dt.date | None = None,
    required: bool = True,
) -> dt.date | None:
    if value is None:
        if required:
            raise ValidationError(field, "请填写日期")
        return None
    if value > (today or dt.date.today()):
        raise ValidationError(field, "日期不能晚于今天")
    return value


def parse_amount(
    value: str | Decimal | int | float | None, *, field: str = "amount", required: bool = False
) -> Decimal | None:
    """An amount in yuan: ≥ 0, at most two decimals; "¥1,234.5" and full-width digits pass."""
    if value is None or (isinstance(value, str) and not _clean(value)):
        if required:
            raise ValidationError(field, "请填写金额")
        return None
    if isinstance(value, float):
        value = repr(value)
    text = _clean(value).replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    text = text.removesuffix("元").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(field, "金额格式不正确") from None
    if not amount.is_finite():
        raise ValidationError(field, "金额格式不正确")
    if amount < 0:
        raise ValidationError(field, "金额不能为负数")
    if amount != amount.quantize(_CENT, rounding=ROUND_HALF_UP):
        raise ValidationError(field, "金额最多保留两位小数")
    if amount >= MAX_AMOUNT:
        raise ValidationError(field, "金额过大，请核对")
    return amount.quantize(_CENT)


def validate_people_count(value: object, *, field: str = "people_involved") -> int:
    try:
        count = int(_clean(value)) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError(field, "人数应为整数") from None
    if count < 1:
        raise ValidationError(field, "涉及人数至少为1")
    if count > 100_000:
        raise ValidationError(field, "涉及人数过大，请核对")
    return count


# ---------------------------------------------------------------------- names
def _name_char_ok(ch: str) -> bool:
    if ch in "·• .-'":
        return True
    category = unicodedata.category(ch)
    return category.startswith("L") or category == "Mn"


def validate_name(value: str, *, field: str = "name", max_len: int = 50) -> str:
    """A person's name: Chinese (any CJK extension), ethnic-minority names with ·, Latin."""
    text = " ".join(_clean(value).split()).replace("•", "·")
    if not text:
        raise ValidationError(field, "请填写姓名")
    if len(text) > max_len:
        raise ValidationError(field, f"姓名最多{max_len}个字")
    bad = sorted({c for c in text if not _name_char_ok(c)})
    if bad:
        raise ValidationError(field, f"姓名中不能有这些字符：{' '.join(bad)}")
    return text


# -------------------------------------------------------------------- masking
def mask_id_number(value: str | None) -> str:
    """110105********002X: region and the last four stay visible (PIPL minimum display)."""
    if not value:
        return ""
    if len(value) == 18:
        return value[:6] + "*" * 8 + value[-4:]
    return "*" * max(len(value) - 4, 0) + value[-4:]


def mask_phone(value: str | None) -> str:
    if not value:
        return ""
    if MOBILE_RE.match(value):
        return value[:3] + "****" + value[-4:]
    if "-" in value and value.startswith("0"):
        area, _, rest = value.partition("-")
        return f"{area}-{'*' * max(len(rest) - 2, 0)}{rest[-2:]}"
    return "*" * max(len(value) - 4, 0) + value[-4:]
