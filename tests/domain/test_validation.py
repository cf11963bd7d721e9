"""Field validation and masking (DOMAIN §4): every accepted form, every message, no Qt."""

from __future__ import annotations

import ast
import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediation_desk.domain.errors as errors_module
import mediation_desk.domain.validation as validation_module
from mediation_desk.domain.errors import (
    ConcurrentModification,
    DomainError,
    IllegalTransition,
    NotFound,
    StorageError,
    ValidationError,
    ValidationErrors,
)
from mediation_desk.domain.validation import (
    MAX_AMOUNT,
    age_on,
    birth_date_from_id,
    generate_id_check_char,
    generate_uscc_check_char,
    mask_id_number,
    mask_phone,
    parse_amount,
    sex_from_id,
    validate_id_number,
    validate_landline,
    validate_mobile,
    validate_name,
    validate_past_date,
    validate_people_count,
    validate_phone,
    validate_uscc,
)

TODAY = dt.date(2026, 11, 20)
GOOD_ID = "11010519491231002X"
GOOD_USCC = "91350100M000100Y43"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
DIGITS = "0123456789"

# Hypothesis runs many examples per test; the autouse data-folder fixture in conftest is
# harmless to share between them.
PROPERTY = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def message_of(func, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        func(*args, **kwargs)
    return caught.value.message


def make_id(region: str, birth: dt.date, sequence: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{sequence}"
    return first17 + generate_id_check_char(first17)


# ------------------------------------------------------------------- purity
@pytest.mark.parametrize("module", [errors_module, validation_module])
def test_domain_modules_import_only_the_standard_library(module) -> None:
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    for name in imported:
        assert (
            name.split(".")[0] in sys.stdlib_module_names or name == "__future__"
        ) or name.startswith("mediation_desk.domain"), name


# ------------------------------------------------------------------- errors
def test_validation_error_carries_field_and_message() -> None:
    error = ValidationError("applicant.1.phone", "手机号应为11位数字")
    assert isinstance(error, DomainError)
    assert (error.field, error.message) == ("applicant.1.phone", "手机号应为11位数字")
    assert str(error) == "手机号应为11位数字"
    assert "applicant.1.phone" in repr(error)


def test_validation_errors_collects_fields() -> None:
    empty = ValidationErrors([])
    assert not empty
    assert empty.as_dict() == {}
    errors = ValidationErrors(
        [
            ValidationError("name", "请填写姓名"),
            ValidationError("phone", "请填写联系电话"),
            ValidationError("name", "second message for the same field"),
        ]
    )
    assert errors
    assert isinstance(errors, DomainError)
    assert len(errors) == 3
    assert [e.field for e in errors] == ["name", "phone", "name"]
    assert errors.as_dict() == {"name": "请填写姓名", "phone": "请填写联系电话"}
    assert "请填写姓名" in str(errors) and "请填写联系电话" in str(errors)


def test_validation_errors_str_follows_appended_errors() -> None:
    errors = ValidationErrors()
    errors.errors.append(ValidationError("amount", "金额不能为负数"))
    assert errors
    assert str(errors) == "金额不能为负数"


@pytest.mark.parametrize(
    "kind", ["locked", "read_only", "disk_full", "corrupt", "too_new", "other"]
)
def test_storage_error_kinds(kind: str) -> None:
    error = StorageError(kind, "数据库正被占用，请稍候再试", detail="database is locked")  # type: ignore[arg-type]
    assert isinstance(error, DomainError)
    assert (error.kind, error.message, error.detail) == (
        kind,
        "数据库正被占用，请稍候再试",
        "database is locked",
    )
    assert str(error) == "数据库正被占用，请稍候再试"


def test_storage_error_detail_is_optional_and_kind_is_checked() -> None:
    assert StorageError("other", "出错了").detail == ""
    with pytest.raises(ValueError):
        StorageError("lockd", "出错了")  # type: ignore[arg-type]


def test_other_domain_errors() -> None:
    refused = IllegalTransition("未达成协议的案件不能结案")
    assert refused.message == str(refused) == "未达成协议的案件不能结案"
    stale = ConcurrentModification("另一台电脑已修改此案件，请刷新后重试")
    assert stale.message == "另一台电脑已修改此案件，请刷新后重试"
    assert isinstance(NotFound("案件不存在"), DomainError)
    for cls in (IllegalTransition, ConcurrentModification, NotFound, StorageError):
        assert issubclass(cls, DomainError)


# --------------------------------------------------------------- ID numbers
@pytest.mark.parametrize(
    "typed",
    [
        GOOD_ID,
        "11010519491231002x",  # lower-case x
        "110105 19491231 002X",  # grouped as printed on some forms
        " 11010519491231002X\n",
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width from a Chinese IME
    ],
)
def test_valid_id_numbers_are_normalised(typed: str) -> None:
    assert validate_id_number(typed, today=TODAY) == GOOD_ID


def test_generated_ids_validate() -> None:
    for number in (
        make_id("510722", dt.date(1985, 6, 15), "123"),
        make_id("440305", dt.date(2000, 2, 29), "004"),
        make_id("810000", dt.date(1900, 1, 1), "000"),
    ):
        assert validate_id_number(number, today=TODAY) == number


def test_id_check_char_known_values() -> None:
    assert generate_id_check_char("11010519491231002") == "X"
    assert generate_id_check_char("11010519491231003") == "8"


@pytest.mark.parametrize("bad", ["1101051949123100", "1101051949123100２X3", "abc", "1" * 18])
def test_generate_id_check_char_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        generate_id_check_char(bad)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "请填写身份证号"),
        (None, "请填写身份证号"),
        ("   ", "请填写身份证号"),
        ("110105491231002", "这是旧版15位身份证号，请填写18位身份证号"),
        ("1101051949123100", "身份证号应为18位，当前为16位"),
        ("11010519491231002X1", "身份证号应为18位，当前为19位"),
        ("1101051949123100XX", "身份证号前17位应为数字，最后一位为数字或X"),
        ("11010519491231002Y", "身份证号前17位应为数字，最后一位为数字或X"),
        ("11O10519491231002X", "身份证号前17位应为数字，最后一位为数字或X"),
        ("01010519491231002X", "身份证号前6位地区码不正确，请核对证件"),
        ("91010519491231002X", "身份证号前6位地区码不正确，请核对证件"),
        (make_id("110105", dt.date(1990, 1, 1), "002")[:6] + "19900230" + "0021",
         "身份证号中的出生日期 1990-02-30 不存在"),
        ("110105199013010021", "身份证号中的出生日期 1990-13-01 不存在"),
        ("110105189912310021", "身份证号中的出生日期 1899-12-31 早于1900年，请核对证件"),
        (make_id("110105", dt.date(2026, 11, 21), "002"),
         "身份证号中的出生日期 2026-11-21 晚于今天，请核对证件"),
        ("110105194912310021", "身份证号校验位不正确，请核对证件"),
        ("11010519491231002 1", "身份证号校验位不正确，请核对证件"),
    ],
)  # fmt: skip
def test_id_number_messages(typed: str | None, message: str) -> None:
    assert message_of(validate_id_number, typed, today=TODAY) == message


def test_id_number_message_goes_to_the_given_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number("123", field="respondent.2.guardian_id_number", today=TODAY)
    assert caught.value.field == "respondent.2.guardian_id_number"


def test_id_number_check_message_does_not_reveal_the_right_character() -> None:
    message = message_of(validate_id_number, "110105194912310021", today=TODAY)
    assert "X" not in message


def test_id_number_born_today_is_accepted() -> None:
    number = make_id("510722", TODAY, "011")
    assert validate_id_number(number, today=TODAY) == number


def test_id_number_today_defaults_to_the_real_date() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert "晚于今天" in message_of(validate_id_number, make_id("510722", tomorrow, "011"))
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert validate_id_number(make_id("510722", yesterday, "011"))


def test_birth_date_and_sex_from_id() -> None:
    assert birth_date_from_id(GOOD_ID) == dt.date(1949, 12, 31)
    assert birth_date_from_id("11010519491231002x") == dt.date(1949, 12, 31)
    assert sex_from_id(GOOD_ID) == "female"  # 17th digit 2
    male = make_id("510722", dt.date(1985, 6, 15), "013")
    assert sex_from_id(male) == "male"
    assert sex_from_id(make_id("510722", dt.date(1985, 6, 15), "010")) == "female"


@pytest.mark.parametrize("func", [birth_date_from_id, sex_from_id])
def test_reading_a_malformed_id_raises_validation_error(func) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        func("12345", field="applicant.1.id_number")
    assert caught.value.field == "applicant.1.id_number"
    assert caught.value.message == "身份证号应为18位：前17位为数字，最后一位为数字或X"


def test_birth_date_from_id_with_impossible_date() -> None:
    assert message_of(birth_date_from_id, "110105199002300021") == (
        "身份证号中的出生日期 1990-02-30 不存在"
    )


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (dt.date(2010, 11, 20), dt.date(2026, 11, 19), 15),
        (dt.date(2010, 11, 20), dt.date(2026, 11, 20), 16),
        (dt.date(2010, 11, 20), dt.date(2026, 11, 21), 16),
        (dt.date(2000, 2, 29), dt.date(2001, 2, 28), 0),
        (dt.date(2000, 2, 29), dt.date(2001, 3, 1), 1),
        (dt.date(2000, 2, 29), dt.date(2004, 2, 29), 4),
        (dt.date(1949, 12, 31), dt.date(1949, 12, 31), 0),
    ],
)
def test_age_on(birth: dt.date, on: dt.date, age: int) -> None:
    assert age_on(birth, on) == age


id_parts = st.tuples(
    st.sampled_from("12345678"),
    st.text(DIGITS, min_size=5, max_size=5),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    st.text(DIGITS, min_size=3, max_size=3),
)


@PROPERTY
@given(parts=id_parts, data=st.data())
def test_generated_id_validates_and_any_single_change_fails(parts, data) -> None:  # type: ignore[no-untyped-def]
    first, rest, birth, sequence = parts
    number = make_id(first + rest, birth, sequence)
    assert validate_id_number(number, today=TODAY) == number
    assert birth_date_from_id(number) == birth
    position = data.draw(st.integers(0, 17), label="position")
    allowed = DIGITS + "X" if position == 17 else DIGITS
    replacement = data.draw(
        st.sampled_from([c for c in allowed if c != number[position]]), label="replacement"
    )
    changed = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(ValidationError):
        validate_id_number(changed, today=TODAY)


# ------------------------------------------------------------------ mobiles
@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+8613812345678",
        "+86 138 1234 5678",
        "8613812345678",
        "１３８１２３４５６７８",
    ],
)
def test_valid_mobiles_are_normalised(typed: str) -> None:
    assert validate_mobile(typed) == "13812345678"


@pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
def test_every_mobile_prefix_3_to_9_is_accepted(prefix: str) -> None:
    assert validate_mobile(prefix + "012345678") == prefix + "012345678"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "请填写手机号"),
        (None, "请填写手机号"),
        ("1381234567", "手机号应为11位，当前为10位"),
        ("138123456789", "手机号应为11位，当前为12位"),
        ("+86 138 1234 567", "手机号应为11位，当前为10位"),
        ("12812345678", "手机号第二位应为3到9，请核对"),
        ("0826-1234567", "手机号应为1开头的11位数字"),
        ("138l2345678", "手机号应为1开头的11位数字"),
        ("phone", "手机号应为1开头的11位数字"),
    ],
)
def test_mobile_messages(typed: str | None, message: str) -> None:
    assert message_of(validate_mobile, typed) == message


def test_mobile_message_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_mobile("1", field="agent_phone")
    assert caught.value.field == "agent_phone"


@PROPERTY
@given(
    second=st.sampled_from("3456789"),
    rest=st.text(DIGITS, min_size=9, max_size=9),
    prefix=st.sampled_from(["", "86", "+86", "+86 "]),
    separator=st.sampled_from(["", " ", "-"]),
)
def test_formatted_mobiles_round_trip(second: str, rest: str, prefix: str, separator: str) -> None:
    number = f"1{second}{rest}"
    typed = prefix + separator.join([number[:3], number[3:7], number[7:]])
    assert validate_mobile(typed) == number
    assert validate_phone(typed) == number


# ---------------------------------------------------------------- landlines
@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("0826-1234567", "0826-1234567"),
        ("0826-12345678", "0826-12345678"),
        ("(0826)12345678", "0826-12345678"),
        ("(0826) 1234567", "0826-1234567"),
        ("（0826）1234567", "0826-1234567"),
        ("010 87654321", "010-87654321"),
        ("010-87654321", "010-87654321"),
        ("01087654321", "010-87654321"),  # 010 is a three-digit code, not 0108
        ("02012345678", "020-12345678"),
        ("08261234567", "0826-1234567"),
        ("0826-1234567-123", "0826-1234567-123"),
        ("0826-1234567转123", "0826-1234567-123"),
        ("0826 1234567 ext 8", "0826-1234567-8"),
        ("0826—1234567", "0826-1234567"),
        ("０８２６－１２３４５６７", "0826-1234567"),
    ],
)
def test_valid_landlines_are_normalised(typed: str, normalised: str) -> None:
    assert validate_landline(typed) == normalised
    assert validate_phone(typed) == normalised


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "请填写固定电话"),
        (None, "请填写固定电话"),
        ("2345678", "固定电话请加区号，如 0826-1234567"),
        ("8765 4321", "固定电话请加区号，如 0826-1234567"),
        ("0826-123", "固定电话格式不正确，应为“区号-号码”，如 0826-1234567"),
        ("0826-123456789", "固定电话格式不正确，应为“区号-号码”，如 0826-1234567"),
        ("13812345678", "固定电话格式不正确，应为“区号-号码”，如 0826-1234567"),
        ("08261234567123", "固定电话格式不正确，应为“区号-号码”，如 0826-1234567"),
    ],
)
def test_landline_messages(typed: str | None, message: str) -> None:
    assert message_of(validate_landline, typed) == message


# ------------------------------------------------------------------- phones
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "请填写联系电话"),
        (None, "请填写联系电话"),
        ("1381234567", "手机号应为11位，当前为10位"),
        ("138123456789", "手机号应为11位，当前为12位"),
        ("1234567", "手机号应为11位，当前为7位"),
        ("12812345678", "手机号第二位应为3到9，请核对"),
        ("2345678", "固定电话请加区号，如 0826-1234567"),
        ("0826-123", "电话号码格式不正确：手机号为1开头的11位数字，固定电话如 0826-1234567"),
        ("call me", "电话号码格式不正确：手机号为1开头的11位数字，固定电话如 0826-1234567"),
    ],
)
def test_phone_messages(typed: str | None, message: str) -> None:
    assert message_of(validate_phone, typed) == message


def test_phone_picks_mobile_or_landline() -> None:
    assert validate_phone("+86 138-1234-5678") == "13812345678"
    assert validate_phone("(0826)1234567") == "0826-1234567"
    with pytest.raises(ValidationError) as caught:
        validate_phone("12", field="guardian_phone")
    assert caught.value.field == "guardian_phone"


# --------------------------------------------------------------------- USCC
@pytest.mark.parametrize(
    "code", [GOOD_USCC, "91440300708461136T", "91110000600037341L", "91110108551385082Q"]
)
def test_valid_credit_codes(code: str) -> None:
    assert validate_uscc(code) == code


def test_credit_code_is_upper_cased_and_spaces_removed() -> None:
    assert validate_uscc(" 91350100m000100y43 ") == GOOD_USCC
    assert validate_uscc("9135 0100 M000 100Y 43") == GOOD_USCC


def test_uscc_check_char_known_value() -> None:
    assert generate_uscc_check_char(GOOD_USCC[:17]) == "3"


@pytest.mark.parametrize("bad", ["91350100M000100Y", "91350100M000100YO", "91350100m000100y4"])
def test_generate_uscc_check_char_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        generate_uscc_check_char(bad)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "请填写统一社会信用代码"),
        (None, "请填写统一社会信用代码"),
        ("9135010", "统一社会信用代码应为18位，当前为7位"),
        ("91350100M000100Y431", "统一社会信用代码应为18位，当前为19位"),
        ("91350100M0001O0Y43", "统一社会信用代码中不能有“O”（代码不使用字母 I、O、Z、S、V），请核对"),
        ("I1350100M000100S43", "统一社会信用代码中不能有“I、S”（代码不使用字母 I、O、Z、S、V），请核对"),
        ("91350100M000100Y44", "统一社会信用代码校验位不正确，请核对营业执照"),
    ],
)  # fmt: skip
def test_credit_code_messages(typed: str | None, message: str) -> None:
    assert message_of(validate_uscc, typed, field="respondent.1.credit_code") == message


@PROPERTY
@given(first17=st.text(USCC_CHARS, min_size=17, max_size=17), data=st.data())
def test_generated_uscc_validates_and_any_single_change_fails(first17: str, data) -> None:  # type: ignore[no-untyped-def]
    code = first17 + generate_uscc_check_char(first17)
    assert validate_uscc(code) == code
    position = data.draw(st.integers(0, 17), label="position")
    replacement = data.draw(
        st.sampled_from([c for c in USCC_CHARS if c != code[position]]), label="replacement"
    )
    with pytest.raises(ValidationError):
        validate_uscc(code[:position] + replacement + code[position + 1 :])


# -------------------------------------------------------------------- dates
def test_past_date_accepts_today_and_earlier() -> None:
    assert validate_past_date(TODAY, field="occurred_on", today=TODAY) == TODAY
    assert validate_past_date(dt.date(2001, 5, 1), field="occurred_on", today=TODAY) == dt.date(
        2001, 5, 1
    )


def test_past_date_cuts_a_datetime_to_its_date() -> None:
    moment = dt.datetime(2026, 11, 20, 23, 59)
    assert validate_past_date(moment, field="occurred_on", today=TODAY) == TODAY


@pytest.mark.parametrize(
    ("value", "required", "message"),
    [
        (None, True, "请填写日期"),
        (dt.date(2026, 11, 21), True, "日期不能晚于今天"),
        (dt.date(1899, 12, 31), True, "日期早于1900年，请核对"),
        ("2026-01-01", True, "日期格式不正确"),
    ],
)
def test_past_date_messages(value: object, required: bool, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_past_date(value, field="occurred_on", today=TODAY, required=required)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.message) == ("occurred_on", message)


def test_past_date_optional_and_default_today() -> None:
    assert validate_past_date(None, field="birth_date", required=False) is None
    assert validate_past_date(dt.date.today(), field="birth_date") == dt.date.today()
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert message_of(validate_past_date, tomorrow, field="birth_date") == "日期不能晚于今天"


# ------------------------------------------------------------------ amounts
@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1,234.5", Decimal("1234.50")),
        ("1234.50", Decimal("1234.50")),
        ("¥1234", Decimal("1234.00")),
        ("￥1,234", Decimal("1234.00")),
        ("RMB 12", Decimal("12.00")),
        ("500元", Decimal("500.00")),
        ("１２３４", Decimal("1234.00")),
        ("１，２３４．５", Decimal("1234.50")),
        ("12。5", Decimal("12.50")),
        (" 0 ", Decimal("0.00")),
        ("-0", Decimal("0.00")),
        (".5", Decimal("0.50")),
        ("1.230", Decimal("1.23")),
        ("1 000 000", Decimal("1000000.00")),
        ("1000000000000", Decimal("1000000000000.00")),
        (Decimal("99.9"), Decimal("99.90")),
        (1500, Decimal("1500.00")),
        (0.1, Decimal("0.10")),
        (2.5, Decimal("2.50")),
    ],
)
def test_amounts_are_parsed(typed: object, amount: Decimal) -> None:
    result = parse_amount(typed)  # type: ignore[arg-type]
    assert result == amount
    assert result is not None and result.as_tuple().exponent == -2
    assert not result.is_signed()


def test_empty_amount() -> None:
    assert parse_amount(None) is None
    assert parse_amount("  ") is None
    assert message_of(parse_amount, None, required=True) == "请填写金额"
    assert message_of(parse_amount, "", required=True) == "请填写金额"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", "金额不能为负数"),
        ("¥-5", "金额不能为负数"),
        ("-¥5", "金额不能为负数"),
        (-1, "金额不能为负数"),
        (Decimal("-0.01"), "金额不能为负数"),
        ("1.234", "金额最多保留两位小数"),
        (0.125, "金额最多保留两位小数"),
        (Decimal("0.001"), "金额最多保留两位小数"),
        ("abc", "金额格式不正确"),
        ("12,34", "金额格式不正确"),
        ("1,2345", "金额格式不正确"),
        ("1.2.3", "金额格式不正确"),
        ("+-5", "金额格式不正确"),
        (".", "金额格式不正确"),
        ("1e3", "金额格式不正确"),
        ("NaN", "金额格式不正确"),
        (float("nan"), "金额格式不正确"),
        (float("inf"), "金额格式不正确"),
        (Decimal("Infinity"), "金额格式不正确"),
        (True, "金额格式不正确"),
        ([1], "金额格式不正确"),
        ("1000000000000.01", "金额过大（不能超过1万亿元），请核对"),
        (Decimal("1E+999999"), "金额过大（不能超过1万亿元），请核对"),
        (1e20, "金额过大（不能超过1万亿元），请核对"),
    ],
)
def test_amount_messages(typed: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(typed, field="settlement_amount")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.message) == ("settlement_amount", message)


@PROPERTY
@given(cents=st.integers(0, int(MAX_AMOUNT * 100)))
def test_formatted_amounts_round_trip(cents: int) -> None:
    amount = Decimal(cents) / 100
    assert parse_amount(f"¥{amount:,.2f}") == amount
    assert parse_amount(amount) == amount


# ------------------------------------------------------------------- people
@pytest.mark.parametrize(
    ("typed", "count"),
    [(1, 1), (2, 2), ("12", 12), (" 12 ", 12), ("１２人", 12), (100_000, 100_000), (3.0, 3),
     (Decimal("4"), 4)],
)  # fmt: skip
def test_people_counts(typed: object, count: int) -> None:
    assert validate_people_count(typed) == count  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (None, "请填写涉及人数"),
        ("", "请填写涉及人数"),
        (0, "涉及人数至少为1人"),
        ("-3", "涉及人数至少为1人"),
        (100_001, "涉及人数不能超过100000人，请核对"),
        (2.5, "涉及人数应为整数"),
        (float("inf"), "涉及人数应为整数"),
        (Decimal("NaN"), "涉及人数应为整数"),
        ("2.5", "涉及人数应为整数"),
        ("三", "涉及人数应为整数"),
        (True, "涉及人数应为整数"),
    ],
)
def test_people_count_messages(typed: object, message: str) -> None:
    assert message_of(validate_people_count, typed) == message
    with pytest.raises(ValidationError) as caught:
        validate_people_count(typed, field="workers")  # type: ignore[arg-type]
    assert caught.value.field == "workers"


# -------------------------------------------------------------------- names
@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("张三", "张三"),
        ("  李四 ", "李四"),
        ("张  三", "张三"),  # padded for alignment on paper forms
        ("王\u3000五", "王五"),
        ("㛃", "㛃"),  # CJK Extension A
        ("陈𠈌", "陈𠈌"),  # CJK Extension B, outside the BMP
        ("阿卜杜·热合曼", "阿卜杜·热合曼"),
        ("阿卜杜 · 热合曼", "阿卜杜·热合曼"),
        ("阿卜杜•热合曼", "阿卜杜·热合曼"),
        ("阿卜杜・热合曼", "阿卜杜·热合曼"),
        ("John Smith", "John Smith"),
        ("John   Smith", "John Smith"),
        ("Ｊｏｈｎ", "John"),
        ("O'Neil", "O'Neil"),
        ("Jean-Luc", "Jean-Luc"),
        ("José", "José"),
        ("Jose\u0301", "Jose\u0301"),  # decomposed accent kept as typed
    ],
)
def test_valid_names(typed: str, name: str) -> None:
    assert validate_name(typed) == name


def test_name_keeps_cjk_compatibility_ideographs() -> None:
    # NFKC would turn U+F9xx into a different code point; registers rely on the exact one.
    assert validate_name("李\uf9e1") == "李\uf9e1"


def test_name_length_counts_characters_not_utf16_units() -> None:
    assert validate_name("𠈌" * 5, max_len=5) == "𠈌" * 5


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "请填写姓名"),
        (None, "请填写姓名"),
        ("   ", "请填写姓名"),
        ("12345", "姓名不能是纯数字，证件号、电话请填在对应栏目"),
        (GOOD_ID[:17], "姓名不能是纯数字，证件号、电话请填在对应栏目"),
        ("张3", "姓名中不能含有数字"),
        ("张\x07三", "姓名中含有看不见的控制字符，请删除后重新输入"),
        ("张\u200b三", "姓名中含有看不见的控制字符，请删除后重新输入"),
        ("张@三", "姓名中不能有这些字符：@"),
        ("张三（李四）", "姓名中不能有这些字符：(、)"),
        ("·", "姓名中没有文字，请重新填写"),
        ("·阿卜杜", "姓名中的“·”应写在两部分之间，如 阿卜杜·热合曼"),
        ("阿卜杜·", "姓名中的“·”应写在两部分之间，如 阿卜杜·热合曼"),
        ("阿卜杜··热合曼", "姓名中的“·”应写在两部分之间，如 阿卜杜·热合曼"),
        ("张" * 51, "姓名最多50个字，当前为51个字"),
    ],
)
def test_name_messages(typed: str | None, message: str) -> None:
    assert message_of(validate_name, typed) == message


def test_name_custom_limit_and_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_name("欧阳娜娜", field="agent_name", max_len=3)
    assert (caught.value.field, caught.value.message) == (
        "agent_name",
        "姓名最多3个字，当前为4个字",
    )


# ------------------------------------------------------------------ masking
@pytest.mark.parametrize(
    ("value", "masked"),
    [
        (GOOD_ID, "110105********002X"),
        ("110105 19491231 002X", "110105********002X"),
        ("110105491231002", "***********1002"),
        ("12345", "*2345"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(value: str | None, masked: str) -> None:
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138-1234-5678", "138****5678"),
        ("0826-1234567", "0826-*****67"),
        ("0826-12345678", "0826-******78"),
        ("010-87654321", "010-******21"),
        ("(0826)1234567", "0826-*****67"),
        ("0826-1234567-123", "0826-*****67-123"),
        ("12345", "*2345"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(value: str | None, masked: str) -> None:
    assert mask_phone(value) == masked


@PROPERTY
@given(parts=id_parts)
def test_masked_id_hides_the_birth_date(parts) -> None:  # type: ignore[no-untyped-def]
    first, rest, birth, sequence = parts
    number = make_id(first + rest, birth, sequence)
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[6:14] == "*" * 8
    assert (masked[:6], masked[14:]) == (number[:6], number[14:])
