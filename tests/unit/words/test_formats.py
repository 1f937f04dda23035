"""The small run-time formatter agrees with Babel's CLDR data for English, Azerbaijani, Russian.

``words/formats.py`` copies a few CLDR patterns so that the program does not ship all of CLDR;
these tests compare it with Babel (a test dependency) over many values, so a copying mistake,
or a CLDR change we should follow, fails here.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from babel import Locale, dates, numbers, units
from hypothesis import given
from hypothesis import strategies as st

from testimony_app.words import formats

BABEL = {"en": "en_GB", "az": "az", "ru": "ru"}
LANGS = tuple(BABEL)


@pytest.mark.parametrize("lang", LANGS)
@given(value=st.integers(min_value=-10**12, max_value=10**12))
def test_integers_as_cldr_groups_them(lang: str, value: int) -> None:
    assert formats.integer(value, lang) == numbers.format_decimal(value, locale=BABEL[lang])


@pytest.mark.parametrize("lang", LANGS)
@given(value=st.decimals(min_value=-10**6, max_value=10**6, places=1, allow_nan=False))
def test_decimals_as_cldr_writes_them(lang: str, value: Decimal) -> None:
    expected = numbers.format_decimal(value, format="#,##0.#", locale=BABEL[lang])
    assert formats.decimal(float(value), lang) == expected


@pytest.mark.parametrize("lang", LANGS)
@given(fraction=st.integers(min_value=0, max_value=100))
def test_percent_as_cldr_writes_it(lang: str, fraction: int) -> None:
    value = fraction / 100
    assert formats.percent(value, lang) == numbers.format_percent(value, locale=BABEL[lang])


def test_percent_examples() -> None:
    assert formats.percent(0.87, "en") == "87%"
    assert formats.percent(0.87, "az") == "87%"
    assert formats.percent(0.87, "ru") == "87\u00a0%"


@pytest.mark.parametrize("lang", LANGS)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_long_dates_as_cldr_writes_them(lang: str, day: dt.date) -> None:
    assert formats.long_date(day, lang) == dates.format_date(day, "long", locale=BABEL[lang])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("month", range(1, 13))
def test_month_and_year_as_cldr_writes_them(lang: str, month: int) -> None:
    day = dt.date(2024, month, 1)
    assert formats.month_year(2024, month, lang) == dates.format_skeleton(
        "yMMMM", day, locale=BABEL[lang]
    )


def test_russian_months_inside_a_date_and_alone() -> None:
    assert formats.long_date(dt.date(2024, 3, 5), "ru") == "5 марта 2024\u202fг."
    assert formats.month_year(2024, 3, "ru") == "март 2024\u202fг."
    assert formats.long_date(dt.date(2024, 3, 5), "az") == "5 mart 2024"
    assert formats.long_date(dt.date(2024, 3, 5), "en") == "5 March 2024"


@pytest.mark.parametrize("lang", LANGS)
def test_date_and_time_joined_as_cldr_joins_them(lang: str) -> None:
    moment = dt.datetime(2024, 3, 5, 14, 5)
    glue = str(dates.get_datetime_format("long", locale=BABEL[lang]))  # a str, typed as either
    expected = glue.replace("{1}", dates.format_date(moment, "long", locale=BABEL[lang])).replace(
        "{0}", dates.format_time(moment, "HH:mm", locale=BABEL[lang])
    )
    assert formats.date_time(moment, lang) == expected


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("iso", ["2024-03-05", "2024-03", "2024", "early 2024", "2024-13"])
def test_partial_dates_stay_partial(lang: str, iso: str) -> None:
    text = formats.partial_date(iso, lang)
    if iso == "2024-03-05":
        assert text == formats.long_date(dt.date(2024, 3, 5), lang)
    elif iso == "2024-03":
        assert text == formats.month_year(2024, 3, lang)
        assert "5" not in text  # no day invented
    else:
        assert text == iso


_UNITS = ("digital-kilobyte", "digital-megabyte", "digital-gigabyte", "digital-terabyte")


@pytest.mark.parametrize("lang", LANGS)
@given(count=st.integers(min_value=0, max_value=10**15))
def test_sizes_in_cldr_units(lang: str, count: int) -> None:
    text = formats.size(count, lang)
    if count < 1000:
        expected = units.format_unit(count, "digital-byte", length="long", locale=BABEL[lang])
        if "digital-byte" in expected:  # Babel 2.16 (CLDR 45) lacks the Azerbaijani long name
            expected = units.format_unit(count, "digital-byte", length="short", locale=BABEL[lang])
    else:
        value, index = count / 1000, 0
        while _rounded(value) >= 1000 and index < len(_UNITS) - 1:
            value, index = value / 1000, index + 1
        pattern = "#,##0.#" if _rounded(value) < 100 else "#,##0"
        expected = units.format_unit(
            value, _UNITS[index], length="short", format=pattern, locale=BABEL[lang]
        )
    assert text == expected


def test_size_examples() -> None:
    assert formats.size(1, "en") == "1 byte"
    assert formats.size(2, "ru") == "2 байта"
    assert formats.size(5, "ru") == "5 байт"
    assert formats.size(1_500_000, "ru") == "1,5 МБ"
    assert formats.size(240_000, "az") == "240 kB"


@pytest.mark.parametrize("lang", LANGS)
def test_plural_categories_as_cldr(lang: str) -> None:
    rule = Locale.parse(BABEL[lang]).plural_form
    for n in range(0, 300):
        assert formats.plural_category(n, lang) == rule(n), n


def _rounded(value: float) -> float:
    """Babel's rounding: half to even on the decimal digits of ``repr(value)``."""
    places = "0.1" if value < 100 else "1"
    return float(Decimal(repr(value)).quantize(Decimal(places), ROUND_HALF_EVEN))


def test_rounding_is_on_the_written_digits() -> None:
    assert formats.decimal(14.65, "az") == "14,6"
    assert formats.decimal(14.75, "az") == "14,8"
    assert formats.size(14_650, "en") == "14.6 kB"
