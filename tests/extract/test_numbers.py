"""Printed numbers to exact values: Arabic and Chinese numerals, 万 and 亿 with decimals."""

from decimal import Decimal

import pytest

from yilao_yixiao.extract.numbers import format_decimal, parse_number


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("16.4亿", Decimal("1640000000")),
        ("12.59万", Decimal("125900")),
        ("0.07万", Decimal("700")),
        ("三万", Decimal("30000")),
        ("十二", Decimal("12")),
        ("两", Decimal("2")),
        ("两千", Decimal("2000")),
        ("一百零五", Decimal("105")),
        ("二十三", Decimal("23")),
        ("3.85", Decimal("3.85")),
    ],
)
def test_printed_numbers_have_exact_values(printed, value):
    assert parse_number(printed).value == value


def test_scaling_and_chinese_numerals_are_noted():
    assert parse_number("8.49万").note == "8.49万 = 84900"
    assert parse_number("两千").note == "Chinese numeral 两千 = 2000"
    assert parse_number("317").note is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("125900.00"), "125900"),
        (Decimal("25.60"), "25.6"),
        (Decimal("1E+3"), "1000"),
        (Decimal("-2.75"), "-2.75"),
    ],
)
def test_values_are_written_as_plain_digits(value, text):
    assert format_decimal(value) == text


def test_a_non_number_is_refused():
    with pytest.raises(ValueError, match="not a number"):
        parse_number("若干")
