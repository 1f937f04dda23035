"""The witness's details other than names, in every form a text writes them.

Each finder returns spans of a text, never rewrites it: :mod:`testimony_app.reports.redaction`
collects the spans of every rule first, so that the interviewer's review can list each one
with its context before anything is replaced.

* **Phone numbers** are compared by their digits, not by how they are written: "+994 50 123
  45 67", "0501234567", "(050) 123-45-67", "00994501234567" and the local "123-45-67" are one
  number. A run of digits in the text matches when, after an international ``00`` or a trunk
  ``0``/``8`` is dropped, it and the protected number end alike over at least seven digits.
* **E-mail addresses**, their local part, messenger handles and web addresses from the
  contact field, literally.
* **Identifiers** (an ID card, a passport, a prisoner number): each token with a digit, and
  each number in it, with or without the spaces, dashes and dots people put inside.
* **The date of birth** in figures (14.03.1990, 14/3/90, 1990-03-14) and in words in
  Azerbaijani, Russian and English, with the suffixes each language puts on the day and the
  year ("14 mart 1990-cı ildə", "14-го марта 1990 г.", "March 14th, 1990"). The day and month
  without the year are *doubtful* (they may be another date of the account); the year alone
  goes only beside a word for being born ("1990-cı ildə anadan olmuşam", "born in 1990").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from testimony_app.domain.redaction_review import DOUBT_DAY_MONTH

_B = r"(?<![^\W_])"   # no letter or digit before (an underscore separates, as in file names)
_E = r"(?![^\W_])"    # no letter or digit after


@dataclass(frozen=True)
class Span:
    """A piece of a text to hide: where, what kind, and why it is doubtful (if it is)."""

    start: int
    end: int
    kind: str
    doubt: str = ""


# -- phone numbers ------------------------------------------------------------------------------

_PHONE_IN_FIELD = re.compile(r"\+?\(?\d[\d \t\-().]{5,}\d")
_DIGITS = re.compile(r"\d+")
_GAP = re.compile(r"[ \t\u00a0\-().]{1,3}")
_MIN_PHONE = 7


def phone_numbers(text: str) -> list[str]:
    """The digits of every phone number written in a contact or identifier field."""
    out: list[str] = []
    for match in _PHONE_IN_FIELD.finditer(text):
        digits = "".join(ch for ch in match.group(0) if ch.isdigit())
        if len(digits) >= _MIN_PHONE:
            out.append(digits)
    return out


def _phone_forms(digits: str) -> set[str]:
    forms = {digits}
    if digits.startswith("00"):
        forms.add(digits[2:])
    if digits[:1] in ("0", "8"):
        forms.add(digits[1:])
    return forms


def same_phone(written: str, protected: str) -> bool:
    """True when the digits ``written`` in a text are a form of the ``protected`` number."""
    for a in _phone_forms(written):
        for b in _phone_forms(protected):
            if min(len(a), len(b)) >= _MIN_PHONE and (a.endswith(b) or b.endswith(a)):
                return True
    return False


def find_phones(text: str, protected: list[str]) -> Iterator[Span]:
    """Spans of ``text`` that write one of the ``protected`` numbers (digits only)."""
    if not protected:
        return
    groups = [(m.start(), m.end()) for m in _DIGITS.finditer(text)]
    chains: list[list[tuple[int, int]]] = []
    for group in groups:
        if chains and _GAP.fullmatch(text[chains[-1][-1][1]:group[0]]):
            chains[-1].append(group)
        else:
            chains.append([group])
    for chain in chains:
        i = 0
        while i < len(chain):
            best = -1
            for j in range(len(chain) - 1, i - 1, -1):
                digits = "".join(text[s:e] for s, e in chain[i:j + 1])
                if len(digits) >= _MIN_PHONE and any(same_phone(digits, p) for p in protected):
                    best = j
                    break
            if best < 0:
                i += 1
                continue
            start, end = chain[i][0], chain[best][1]
            while start > 0 and text[start - 1] in "+(":
                start -= 1
            yield Span(start, end, "phone")
            i = best + 1


# -- e-mail, handles, addresses -----------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{3,}")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:t\.me|wa\.me|fb\.com|facebook\.com|"
                  r"instagram\.com|vk\.com|ok\.ru)/\S+", re.IGNORECASE)


def contact_terms(text: str) -> list[str]:
    """E-mail addresses (and their local part), handles and web addresses in ``text``."""
    terms: list[str] = []
    for email in _EMAIL.findall(text):
        terms.append(email)
        local = email.split("@", 1)[0]
        if len(local) >= 5:
            terms.append(local)
    for handle in _HANDLE.findall(text):
        terms += [handle, handle[1:]]
    terms += [u.rstrip(".,;:)") for u in _URL.findall(text)]
    return terms


def literal_pattern(term: str) -> re.Pattern[str] | None:
    """``term`` as a whole word or phrase, case-insensitive, any run of spaces inside."""
    body = r"\s+".join(re.escape(p) for p in term.split())
    return re.compile(_B + body + _E, re.IGNORECASE) if body else None


def find(pattern: re.Pattern[str], text: str, kind: str) -> Iterator[Span]:
    """Every match of ``pattern`` in ``text`` as a span of ``kind``."""
    for m in pattern.finditer(text):
        yield Span(m.start(), m.end(), kind)


# -- identifiers ----------------------------------------------------------------------------------

_ID_SPLIT = re.compile(r"[\s,;:()\[\]«»\"]+")
_INNER = r"[\s\-./]?"


def identifier_tokens(text: str) -> list[str]:
    """The tokens of an identifier field that identify: each with a digit and at least four
    characters (a year alone is not one), and each number of five digits or more in them."""
    out: list[str] = []
    raws = [r.strip(".-/'’") for r in _ID_SPLIT.split(text)]
    for prefix, number in itertools.pairwise(raws):
        # "AZE 12345678" is also written "AZE12345678": the series goes with its number.
        if prefix.isalpha() and prefix.isupper() and len(prefix) <= 4 and number.isdigit():
            out.append(prefix + number)
    for raw in raws:
        token = raw
        digits = sum(ch.isdigit() for ch in token)
        if digits == 0 or len(token) < 4:
            continue
        if token.isdigit() and len(token) <= 4:
            continue
        out.append(token)
        for number in re.findall(r"\d{5,}", token):
            if number != token:
                out.append(number)
    return list(dict.fromkeys(out))


def identifier_pattern(token: str) -> re.Pattern[str] | None:
    """``token``, also with spaces, dashes or dots between its characters."""
    chars = [c for c in token if c.isalnum()]
    if len(chars) < 4:
        return None
    body = _INNER.join(re.escape(c) for c in chars)
    bound_b, bound_e = (r"(?<!\d)", r"(?!\d)") if token.isdigit() else (_B, _E)
    return re.compile(bound_b + body + bound_e, re.IGNORECASE)


# -- the date of birth ----------------------------------------------------------------------------

# Month names in the three languages, as stems that take the case endings ("fevralın",
# "февраля", "Feb.").
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("yanvar", "январ", "january", "jan", "янв"),
    2: ("fevral", "феврал", "february", "feb", "фев"),
    3: ("mart", "март", "march", "mar", "мар"),
    4: ("aprel", "апрел", "april", "apr", "апр"),
    5: ("may", "ма[йяю]", "mai"),
    6: ("iyun", "июн", "june", "jun"),
    7: ("iyul", "июл", "july", "jul"),
    8: ("avqust", "август", "august", "aug", "авг", "avq"),
    9: ("sentyabr", "сентябр", "september", "sept", "sep", "сент", "сен"),
    10: ("oktyabr", "октябр", "october", "oct", "окт"),
    11: ("noyabr", "ноябр", "november", "nov", "нояб", "ноя"),
    12: ("dekabr", "декабр", "december", "dec", "дек"),
}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The day's suffixes: "14-ü", "14-cü", "14th", "14-го", "14-е".
_DAY_SUFFIX = r"(?:\s?-?\s?(?:st|nd|rd|th|[ıiuü]|[cç][ıiuü]|н?ci|го|е|ое|ого))?"
# The year's: "1990-cı il(də|in)", "1990 г.", "1990 года/году", "1990-ci".
_YEAR_SUFFIX = (r"(?:\s?-?\s?(?:[cç][ıiuü]|ci|cı|cu|cü)(?:\s+il(?:[^\W\d_]*))?"
                r"|\s?г(?:\.|ода|оду|од)?(?![^\W_])|\s+il(?:[^\W\d_]*))?")
_BIRTH_WORDS = re.compile(
    r"anadan\s+ol|doğul|dünyaya\s+gəl|родил|рожд|г\.\s?р\.|born|birth|year\s+of\s+birth",
    re.IGNORECASE,
)
_BIRTH_WINDOW = 40


def _month(number: int) -> str:
    stems = _MONTHS[number]
    return "(?:" + "|".join(stems) + r")(?:[^\W\d_]*\.?)"


def _day(day: int) -> str:
    return rf"0?{day}" if day < 10 else str(day)


def _month_number(month: int) -> str:
    return rf"0?{month}" if month < 10 else str(month)


def _year(year: str) -> str:
    return rf"(?:{year}|{year[2:]})"


@dataclass(frozen=True)
class BirthDate:
    """The patterns for one date of birth, compiled once per record."""

    certain: tuple[re.Pattern[str], ...]
    doubtful: tuple[re.Pattern[str], ...]
    year: re.Pattern[str]

    @classmethod
    def parse(cls, value: str) -> BirthDate | None:
        """Patterns for an ISO date of birth (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``)."""
        m = _ISO.match(value.strip())
        if not m:
            return None
        year, month_s, day_s = m.groups()
        certain: list[str] = []
        doubtful: list[str] = []
        y_full = year + _YEAR_SUFFIX
        if month_s:
            month = int(month_s)
            mon = _month(month)
            num = _month_number(month)
            if day_s:
                d = _day(int(day_s))
                sep = r"\s?[./\-]\s?"
                certain += [
                    # 14.03.1990, 14/3/90, 14-03-1990 (and "14.03.1990-cı il")
                    rf"{d}{sep}{num}{sep}{_year(year)}{_YEAR_SUFFIX}",
                    # 1990-03-14, 1990.03.14; and the American 03/14/1990
                    rf"{year}{sep}{num}{sep}{d}",
                    rf"{num}{sep}{d}{sep}{year}",
                    # 14 mart 1990, 14-ü mart 1990-cı ildə, 14 марта 1990 г.
                    rf"{d}{_DAY_SUFFIX}\s+{mon}\s*,?\s+{y_full}",
                    # the 14th of March 1990
                    rf"{d}{_DAY_SUFFIX}\s+of\s+{mon}\s*,?\s+{y_full}",
                    # March 14, 1990 / March 14th 1990
                    rf"{mon}\s+{d}{_DAY_SUFFIX}\s*,?\s+{y_full}",
                    # 1990-cı il 14 mart, 1990-cı ilin 14 martında
                    rf"{y_full}\s*,?\s+{d}{_DAY_SUFFIX}\s+{mon}",
                    # 1990-cı ilin mart ayının 14-ü
                    rf"{y_full}\s+{mon}\s+(?:ay[^\W\d_]*\s+)?{d}{_DAY_SUFFIX}",
                ]
                doubtful += [
                    rf"{d}{_DAY_SUFFIX}\s+{mon}",
                    rf"{mon}\s+{d}{_DAY_SUFFIX}",
                ]
            else:
                certain += [rf"{mon}\s*,?\s+{y_full}", rf"{y_full}\s+{mon}",
                            rf"{num}\s?[./\-]\s?{year}", rf"{year}\s?[./\-]\s?{num}"]
        return cls(
            certain=tuple(re.compile(_B + p + _E, re.IGNORECASE) for p in certain),
            doubtful=tuple(re.compile(_B + p + _E, re.IGNORECASE) for p in doubtful),
            year=re.compile(_B + year + _YEAR_SUFFIX + _E, re.IGNORECASE),
        )

    def find(self, text: str) -> Iterator[Span]:
        """Every written form of the date in ``text`` (the year alone only beside a word
        for being born)."""
        for pattern in self.certain:
            for m in pattern.finditer(text):
                yield Span(m.start(), m.end(), "birth_date")
        for pattern in self.doubtful:
            for m in pattern.finditer(text):
                yield Span(m.start(), m.end(), "birth_date", DOUBT_DAY_MONTH)
        for m in self.year.finditer(text):
            window = text[max(0, m.start() - _BIRTH_WINDOW): m.end() + _BIRTH_WINDOW]
            if _BIRTH_WORDS.search(window):
                yield Span(m.start(), m.end(), "birth_date")


def date_variants(date: str) -> list[str]:
    """``1990-03-14`` also as ``14.03.1990``, ``14/03/1990`` and ``14-03-1990`` (for the list
    of terms a redacted file must not contain)."""
    m = _ISO.match(date.strip())
    if not m or not m.group(3):
        return [date] if date.strip() else []
    y, mo, d = m.groups()
    return [date, f"{d}.{mo}.{y}", f"{d}/{mo}/{y}", f"{d}-{mo}-{y}"]
