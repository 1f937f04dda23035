"""Numbers, sizes, percentages and dates as English, Azerbaijani and Russian readers write them.

Why not Babel at run time: Babel carries the CLDR data of every locale (about 30 MB), and the
program speaks three languages. The few patterns those three need are copied here from CLDR;
``tests/unit/words/test_formats.py`` checks every function against Babel's CLDR output over
many values, so a copying mistake fails a test instead of reaching a reader.

The English forms are British (``5 March 2024``), as the window's ``en_GB`` locale writes them.
Russian and Azerbaijani month names come in two forms: the one used inside a date (Russian
genitive, ``5 марта``) and the one used on its own (``март 2024 г.``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN
from decimal import Decimal as _Decimal

LANGUAGES = ("en", "az", "ru")


@dataclass(frozen=True)
class _Locale:
    decimal: str
    group: str
    percent: str  # "{0}" replaced by the number
    months: tuple[str, ...]  # inside a date ("format" context)
    months_alone: tuple[str, ...]  # on their own ("stand-alone" context)
    long_date: str  # {d} {month} {y}
    month_year: str  # {month} {y}
    datetime: str  # {date} {time}
    bytes: tuple[str, ...]  # by plural category: one, few, many (Russian), other
    units: tuple[str, ...]  # kB, MB, GB, TB


_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_AZ_MONTHS = (
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
    "noyabr", "dekabr",
)  # fmt: skip
_RU_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
)  # fmt: skip
_RU_MONTHS_ALONE = (
    "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
    "октябрь", "ноябрь", "декабрь",
)  # fmt: skip

_NBSP = "\u00a0"

_LOCALES = {
    "en": _Locale(
        decimal=".",
        group=",",
        percent="{0}%",
        months=_EN_MONTHS,
        months_alone=_EN_MONTHS,
        long_date="{d} {month} {y}",
        month_year="{month} {y}",
        datetime="{date}, {time}",
        bytes=("byte", "bytes", "bytes", "bytes"),
        units=("kB", "MB", "GB", "TB"),
    ),
    "az": _Locale(
        decimal=",",
        group=".",
        percent="{0}%",
        months=_AZ_MONTHS,
        months_alone=_AZ_MONTHS,
        long_date="{d} {month} {y}",
        month_year="{month} {y}",
        datetime="{date} {time}",
        bytes=("bayt", "bayt", "bayt", "bayt"),
        units=("kB", "MB", "GB", "TB"),
    ),
    "ru": _Locale(
        decimal=",",
        group=_NBSP,
        percent="{0}" + _NBSP + "%",
        months=_RU_MONTHS,
        months_alone=_RU_MONTHS_ALONE,
        long_date="{d} {month} {y}\u202fг.",  # narrow no-break space, as CLDR
        month_year="{month} {y}\u202fг.",
        datetime="{date}, {time}",
        bytes=("байт", "байта", "байт", "байта"),
        units=("кБ", "МБ", "ГБ", "ТБ"),
    ),
}


def _locale(lang: str) -> _Locale:
    return _LOCALES.get(lang, _LOCALES["en"])


def integer(value: int, lang: str) -> str:
    """``1234567`` → ``1,234,567`` / ``1.234.567`` / ``1 234 567`` (no-break spaces)."""
    sign = "-" if value < 0 else ""
    digits = str(abs(value))
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return sign + _locale(lang).group.join(reversed(groups))


def decimal(value: float, lang: str, places: int = 1) -> str:
    """``value`` rounded to at most ``places`` decimals, trailing zeros dropped (``1,5``).

    Rounded as CLDR formatters round: half to even on the decimal digits as written
    (``14.65`` → ``14,6``), not on the binary float (which is a little above 14.65).
    """
    exact = _Decimal(repr(abs(value))).quantize(_Decimal(1).scaleb(-places), ROUND_HALF_EVEN)
    text = f"{exact:.{places}f}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    sign = "-" if value < 0 and (int(whole) or fraction) else ""
    out = sign + integer(int(whole), lang)
    return out + (_locale(lang).decimal + fraction if fraction else "")


def percent(fraction: float, lang: str) -> str:
    """``0.87`` → ``87%`` / ``87%`` / ``87 %``: whole percents, as the registry shows scores."""
    whole = int((_Decimal(repr(fraction)) * 100).quantize(_Decimal(1), ROUND_HALF_EVEN))
    return _locale(lang).percent.format(integer(whole, lang))


def size(count: int, lang: str) -> str:
    """A byte count a reader can picture, in decimal units: ``3 bytes``, ``240 kB``, ``1,5 MB``.

    Decimal (1 kB = 1000 bytes) because those are the units CLDR names in every language;
    below 100 of a unit one decimal is kept, above it none.
    """
    loc = _locale(lang)
    if count < 1000:
        return f"{integer(count, lang)} {_byte_word(count, lang)}"
    value = float(count)
    unit = ""
    for unit in loc.units:
        value /= 1000
        if _rounded(value) < 1000 or unit == loc.units[-1]:
            break
    places = 1 if _rounded(value) < 100 else 0
    return f"{decimal(value, lang, places)} {unit}"


def _rounded(value: float) -> float:
    places = 1 if value < 100 else 0
    exact = _Decimal(repr(value)).quantize(_Decimal(1).scaleb(-places), ROUND_HALF_EVEN)
    return float(exact)


def _byte_word(count: int, lang: str) -> str:
    # CLDR's long unit name, which follows the plural rules ("2 байта", "5 байт").
    forms = _locale(lang).bytes
    return forms[("one", "few", "many", "other").index(plural_category(count, lang))]


def plural_category(count: int, lang: str) -> str:
    """CLDR's plural category of a whole number: ``one`` or ``other``; Russian adds ``few``
    and ``many`` (1 день, 2 дня, 5 дней). The catalogues' ``Plural-Forms`` say the same."""
    if lang == "ru":
        if count % 10 == 1 and count % 100 != 11:
            return "one"
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return "few"
        return "many"
    return "one" if count == 1 else "other"


def long_date(day: _dt.date, lang: str) -> str:
    """``5 March 2024`` / ``5 mart 2024`` / ``5 марта 2024 г.``"""
    loc = _locale(lang)
    return loc.long_date.format(d=day.day, month=loc.months[day.month - 1], y=day.year)


def month_year(year: int, month: int, lang: str) -> str:
    """``March 2024`` / ``mart 2024`` / ``март 2024 г.`` (a date known to the month only)."""
    loc = _locale(lang)
    return loc.month_year.format(month=loc.months_alone[month - 1], y=year)


def partial_date(iso: str, lang: str) -> str:
    """An ISO date that may be partial (``2024``, ``2024-03``, ``2024-03-05``) for a reader.

    A witness who remembers only "March 2024" must not see a day invented for them; anything
    that is not such a date is returned as written.
    """
    text = iso.strip()
    parts = text.split("-")
    try:
        if len(parts) == 3 and len(parts[0]) == 4:
            return long_date(_dt.date(int(parts[0]), int(parts[1]), int(parts[2])), lang)
        if len(parts) == 2 and len(parts[0]) == 4 and 1 <= int(parts[1]) <= 12:
            return month_year(int(parts[0]), int(parts[1]), lang)
    except ValueError:
        return text
    return text


def time_of_day(moment: _dt.time | _dt.datetime, lang: str) -> str:
    """``14:05`` in all three languages (24-hour clock)."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def date_time(moment: _dt.datetime, lang: str) -> str:
    """``5 March 2024 at 14:05`` / ``5 mart 2024, 14:05`` / ``5 марта 2024 г., 14:05``."""
    loc = _locale(lang)
    return loc.datetime.format(date=long_date(moment.date(), lang), time=time_of_day(moment, lang))
