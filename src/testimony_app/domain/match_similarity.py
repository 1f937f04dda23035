"""How alike two names, places, units and dates are: the comparisons the scores are made of.

Names are compared word by word on their transliteration keys (any of the three scripts), units
and places by shared numbers and words, dates as ranges of days. Every function is pure; the
cached ones are emptied by :func:`testimony_app.domain.matching.clear_caches` when the vault
locks. Split from :mod:`testimony_app.domain.matching` (house rule: modules under ~600 lines),
which re-exports the public names.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz.fuzz import ratio as _indel_ratio

from testimony_app.domain.transliteration import name_key, skeleton, words

_DATE_SLACK_DAYS = 31
_CODE = re.compile(r"(?<![\w])([^\W\d_]{0,3})[\s\-№#]*(\d{2,6})(?![\d])", re.UNICODE)


@lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    """``(2 * LCS / (len(a) + len(b))) ** 2``, or 0 below 0.75 before squaring.

    rapidfuzz's ``ratio`` is the normalised InDel similarity, ``2 * LCS / total`` with ``LCS``
    the longest common subsequence (difflib's ``SequenceMatcher``, used before, counted greedy
    matching blocks, which are at most the LCS: on the 435 pairs of the registry fixture's 30
    skeleton words the two agree on 432, the other three lie far below 0.75, and the fixture's
    precision and recall did not move). Symmetric, and 60 to 200 times faster.
    :func:`_min_shared_bigrams` is proved for this definition.
    """
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:  # an initial agrees with a name it begins
        return 0.85 if a[0] == b[0] else 0.0
    similarity = _indel_ratio(a, b, score_cutoff=75.0) / 100.0
    return similarity**2


def key_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How alike two name keys are: the *worst* best-match of the shorter key's words.

    Word order does not matter (Russian puts the surname first). A key of one word against a
    longer one is discounted: ``Гасанов`` alone may be any Hasanov.
    """
    if not a or not b:
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    pool = list(long_)
    worst = 1.0
    for word in sorted(short, key=len, reverse=True):
        best, best_i = 0.0, -1
        for i, other in enumerate(pool):
            r = _ratio(word, other)
            if r > best:
                best, best_i = r, i
        if best_i < 0:
            return 0.0
        pool.pop(best_i)
        worst = min(worst, best)
    if all(len(w) == 1 for w in short):
        worst = min(worst, 0.5)  # initials alone identify nobody
    if len(short) == 1 and len(long_) > 1:
        worst *= 0.9
    return worst


_key_similarity = lru_cache(maxsize=65536)(key_similarity)
_name_key = lru_cache(maxsize=65536)(name_key)


def name_similarity(a: str, b: str) -> float:
    """Similarity of two personal names in any of the three scripts, in ``[0, 1]``."""
    return key_similarity(name_key(a), name_key(b))


def partial_names(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two name keys cannot identify one person by themselves: either gives fewer
    than two full words (a surname alone, one name, or initials with a surname)."""
    return min(sum(len(w) > 1 for w in a), sum(len(w) > 1 for w in b)) < 2


@lru_cache(maxsize=65536)
def _codes(text: str) -> frozenset[str]:
    """Unit numbers such as ``Q-903``, ``N 1234`` or ``№4``, as comparable keys."""
    found = _CODE.findall(text)
    return frozenset({skeleton(prefix) + digits for prefix, digits in found}) | {
        digits for _, digits in found
    }


@lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(skeleton(w) for w in words(re.sub(r"\([^)]*\)", " ", text)) if len(w) >= 4)


def text_agreement(a: str, b: str) -> bool | None:
    """Whether two unit or place descriptions agree (None when either is empty).

    A shared number (``Q-903``) decides; otherwise half the longer words coinciding counts
    as agreement, and anything less as *unknown* rather than disagreement: the same unit
    described in Azerbaijani and in Russian shares no words at all.
    """
    if not a.strip() or not b.strip():
        return None
    codes_a, codes_b = _codes(a), _codes(b)
    if codes_a and codes_b:
        return bool(codes_a & codes_b)
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return None
    return True if len(wa & wb) / min(len(wa), len(wb)) >= 0.5 else None


def place_similarity(a: str, b: str) -> float:
    """Similarity of two place descriptions: shared numbers and shared words."""
    codes_a, codes_b = _codes(a), _codes(b)
    wa, wb = _content_words(a), _content_words(b)
    words_score = len(wa & wb) / max(1, min(len(wa), len(wb))) if wa and wb else 0.0
    if codes_a and codes_b:
        return 0.5 + 0.5 * words_score if codes_a & codes_b else 0.2 * words_score
    return words_score * 0.9


@lru_cache(maxsize=16384)
def date_range(value: str) -> tuple[int, int] | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as an inclusive range of day ordinals."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = datetime.date(year, int(m.group(2)), int(m.group(3))).toordinal()
            return day, day
        if m.group(2):
            month = int(m.group(2))
            start = datetime.date(year, month, 1)
            end = datetime.date(year + month // 12, month % 12 + 1, 1)
            return start.toordinal(), end.toordinal() - 1
        return datetime.date(year, 1, 1).toordinal(), datetime.date(year, 12, 31).toordinal()
    except ValueError:
        return None


def dates_overlap(a: Iterable[str], b: Iterable[str], slack: int = _DATE_SLACK_DAYS) -> bool | None:
    """Whether any date of ``a`` falls within ``slack`` days of any date of ``b``."""
    ra = [r for r in (date_range(d) for d in a) if r]
    rb = [r for r in (date_range(d) for d in b) if r]
    if not ra or not rb:
        return None
    return any(x[0] - slack <= y[1] and y[0] - slack <= x[1] for x in ra for y in rb)


_FILTER_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def filter_date_range(value: str) -> tuple[int, int] | None:
    """A date typed as a filter, as the inclusive range of days it can mean; None if invalid.

    Only ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` in ASCII digits naming a real day, month or
    year. Stricter than :func:`date_range`, which reads dates already in records leniently: a
    filter typed ``2017-5`` must be refused rather than silently read as the whole of 2017.
    """
    text = value.strip()
    if not _FILTER_DATE.fullmatch(text):
        return None
    return date_range(text)


def date_filter_problems(date_from: str, date_to: str) -> tuple[str, ...]:
    """Why a period typed as a filter cannot be used; empty when it can.

    Either end may be empty (open). Codes: ``from_invalid``, ``to_invalid`` and
    ``from_after_to`` (the period would be empty: its start comes after every day of its end).
    """
    low = filter_date_range(date_from) if date_from.strip() else None
    high = filter_date_range(date_to) if date_to.strip() else None
    problems = []
    if date_from.strip() and low is None:
        problems.append("from_invalid")
    if date_to.strip() and high is None:
        problems.append("to_invalid")
    if low is not None and high is not None and low[0] > high[1]:
        problems.append("from_after_to")
    return tuple(problems)
