"""Which registry entry a mention in a testimony may refer to, and how sure we are.

A testimony names people (perpetrators, co-detainees), places of detention and units, each
typed by whoever took the interview, in whichever script. :func:`mentions` lists them with a
stable *path* into the record (``acts[0].perpetrators[1]``) so that a link survives edits to
other parts of the record. :func:`suggest` ranks registry entries for one mention by a score
in ``[0, 1]`` with the reasons behind it, for a person to confirm or reject: nothing here
decides that two mentions are one person.

The score is built for precision, because a wrong link puts an innocent name beside an act of
torture: a name matches only as well as its *worst* matching word (so ``Elçin Həsənov`` does
not match ``Elçin Hüseynov`` on the strength of the first name), word similarity is squared
(near misses such as ``Məmmədov``/``Məhəmmədov`` fall well below the threshold), and a rank
that disagrees costs more than a rank that agrees earns. A *partial* name (a surname alone,
or initials for the first name: ``Гасанов``, ``E. Həsənov``) fits every Həsənov with that
initial, so it alone stays below :data:`STRONG` and needs the rank or the unit to agree (or
both place and dates) to get there. Mentions with no name (``"the captain"``) can at most
reach a moderate score from rank, unit, place and dates.

How these rules score on names whose truth is known, in three scripts, is measured in
``tests/unit/domain/test_matching_fixture.py`` and summarised in the organisation's guide.
"""

from __future__ import annotations

import datetime
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.fuzz import ratio as _indel_ratio

from testimony_app import words as _words
from testimony_app.domain.model import Testimony
from testimony_app.domain.transliteration import name_key, rank_family, skeleton, split_rank, words
from testimony_app.domain.transliteration import rank_code as _rank_code
from testimony_app.words import Message, Percent

KINDS = ("person", "place", "unit")
# A suggestion is shown from this score; the fixture's precision/recall use STRONG.
SHOW = 0.6
STRONG = 0.8
# A mention without a name never scores above this: it is a lead, not an identification.
UNNAMED_CAP = 0.7
# A partial name (surname only, or initials) scores at most this on the name; agreement
# (rank or unit +0.05, place +0.03, dates +0.02) is what can lift it to STRONG.
PARTIAL_CAP = 0.75
# An act's perpetrator with neither name nor rank, as corroboration results carry it (in the
# timeline's acts and as a row of the matrix). A fixed token rather than a name: each
# interface prints it in its own language (the GUI's "(not named)", the report's
# ``cr_not_named``), and the command line's JSON keeps it as is for scripts.
NOT_NAMED = "(not named)"
_DATE_SLACK_DAYS = 31
_LIFT_FROM = 0.85
_CODE = re.compile(r"(?<![\w])([^\W\d_]{0,3})[\s\-№#]*(\d{2,6})(?![\d])", re.UNICODE)


@dataclass(frozen=True)
class Mention:
    """One name, place or unit as a testimony gives it."""

    path: str
    kind: str
    text: str
    role: str = ""
    rank: str = ""
    unit: str = ""
    place: str = ""
    dates: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """Plain data for storage beside a link (so suggestions need not re-read records)."""
        return {
            "path": self.path,
            "kind": self.kind,
            "text": self.text,
            "role": self.role,
            "rank": self.rank,
            "unit": self.unit,
            "place": self.place,
            "dates": list(self.dates),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Mention:
        """The inverse of :meth:`as_dict`, tolerant of missing keys."""
        raw_dates = data.get("dates", [])
        dates = tuple(str(d) for d in raw_dates) if isinstance(raw_dates, list) else ()
        return cls(
            path=str(data.get("path", "")),
            kind=str(data.get("kind", "person")),
            text=str(data.get("text", "")),
            role=str(data.get("role", "")),
            rank=str(data.get("rank", "")),
            unit=str(data.get("unit", "")),
            place=str(data.get("place", "")),
            dates=dates,
        )


@dataclass(frozen=True)
class Candidate:
    """What is known of a registry entry: its own fields plus its confirmed mentions."""

    entry_id: str
    kind: str
    name: str
    rank: str = ""
    unit: str = ""
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


#: Why a mention may be (or cannot be) an entry. Stable codes: the GUI translates them, the
#: command line's JSON carries them beside the English text, and scripts may rely on them.
REASON_CODES = (
    "name_alike",  # value: how alike the names are, in [0, 1]
    "partial_name",  # one side gives only a surname, one name, or initials
    "description_alike",  # value: how alike two place or unit descriptions are, in [0, 1]
    "same_rank",
    "different_rank",
    "same_unit",
    "different_unit",
    "same_place",
    "dates_overlap",
    "dates_far_apart",
    "no_name",
    "rank_or_unit_differ",
    "different_kind",
)

# The words of the reasons without a value, in the domain catalogue ("match.<code>").
_PLAIN_REASONS: dict[str, Message] = {
    "partial_name": Message("match.partial_name"),
    "same_rank": Message("match.same_rank"),
    "different_rank": Message("match.different_rank"),
    "same_unit": Message("match.same_unit"),
    "different_unit": Message("match.different_unit"),
    "same_place": Message("match.same_place"),
    "dates_overlap": Message("match.dates_overlap"),
    "dates_far_apart": Message("match.dates_far_apart"),
    "no_name": Message("match.no_name"),
    "rank_or_unit_differ": Message("match.rank_or_unit_differ"),
    "different_kind": Message("match.different_kind"),
}


@dataclass(frozen=True)
class Reason:
    """One reason behind a score, as a stable code (and a value where it has one).

    Structured rather than a sentence so that each interface language can say it in its own
    words: :attr:`message` has them (in the domain catalogue), :meth:`describe` is English.
    """

    code: str
    value: float | None = None

    @property
    def message(self) -> Message:
        """What a person reads (``name 87% alike``), as a message in every language."""
        share = Percent(self.value if self.value is not None else 0.0)
        if self.code == "name_alike":
            return Message("match.name_alike", share=share)
        if self.code == "description_alike":
            return Message("match.description_alike", share=share)
        return _PLAIN_REASONS.get(self.code) or Message("match.unknown", reason=self.code)

    def describe(self, lang: str = "en") -> str:
        """The reason in ``lang`` (``"name 87% alike"``); the JSON output keeps English."""
        return _words.text(self.message, lang)


@dataclass(frozen=True)
class Suggestion:
    """A ranked guess that a mention refers to an entry, with the reasons a person reads."""

    entry_id: str
    score: float
    factors: tuple[Reason, ...] = field(default=())

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons in English, as before they were structured (``--json`` prints these)."""
        return tuple(r.describe() for r in self.factors)

    @property
    def reason_codes(self) -> tuple[str, ...]:
        """The codes of :attr:`factors`, in order."""
        return tuple(r.code for r in self.factors)


# -- mentions ----------------------------------------------------------------------------


def mentions(t: Testimony) -> list[Mention]:
    """Every linkable mention in a testimony, in the order of the record."""
    found: list[Mention] = []
    for i, episode in enumerate(t.detentions):
        dates = tuple(d for d in (episode.start_date, episode.end_date) if d)
        if episode.place.strip():
            found.append(
                Mention(
                    f"detentions[{i}].place",
                    "place",
                    episode.place.strip(),
                    role="detention_place",
                    dates=dates,
                )
            )
    for i, act in enumerate(t.acts):
        dates = (act.date,) if act.date else ()
        if act.place.strip():
            found.append(
                Mention(
                    f"acts[{i}].place", "place", act.place.strip(), role="act_place", dates=dates
                )
            )
        for j, p in enumerate(act.perpetrators):
            rank, name = p.rank, p.name
            if not rank:
                code, rest = split_rank(name)
                if code:
                    rank, name = code, rest
            if name.strip() or rank.strip() or p.unit.strip():
                found.append(
                    Mention(
                        f"acts[{i}].perpetrators[{j}]",
                        "person",
                        name.strip(),
                        role="perpetrator",
                        rank=rank.strip(),
                        unit=p.unit.strip(),
                        place=act.place.strip(),
                        dates=dates,
                    )
                )
            if p.unit.strip():
                found.append(
                    Mention(
                        f"acts[{i}].perpetrators[{j}].unit",
                        "unit",
                        p.unit.strip(),
                        role="unit",
                        dates=dates,
                    )
                )
    for i, name in enumerate(t.sensitive_names):
        if name.strip():
            found.append(
                Mention(f"sensitive_names[{i}]", "person", name.strip(), role="co_detainee")
            )
    return found


def mention_at(t: Testimony, path: str) -> Mention | None:
    """The mention a stored link points at, or None when the record no longer has it."""
    for m in mentions(t):
        if m.path == path:
            return m
    return None


# -- similarity --------------------------------------------------------------------------


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


# -- scoring -----------------------------------------------------------------------------


def score(mention: Mention, candidate: Candidate) -> Suggestion:
    """How likely ``mention`` refers to ``candidate``, with reasons."""
    if mention.kind != candidate.kind:
        return Suggestion(candidate.entry_id, 0.0, (Reason("different_kind"),))
    if mention.kind == "person":
        return _score_person(mention, candidate)
    names = (candidate.name, *candidate.aliases)
    best = max((place_similarity(mention.text, n) for n in names if n), default=0.0)
    reasons = [Reason("description_alike", best)]
    if mention.kind == "place" and dates_overlap(mention.dates, candidate.dates):
        reasons.append(Reason("dates_overlap"))
        best = min(1.0, best + 0.03)
    return Suggestion(candidate.entry_id, round(best, 3), tuple(reasons))


def _name_score(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, float, bool]:
    """``(score on the name, how alike its words are, whether both names are whole)``;
    a partial name's score is capped at :data:`PARTIAL_CAP`. Ordered so that ``max`` picks
    the entry's best name: highest score, then most alike, then whole."""
    alike = _key_similarity(a, b)
    whole = not partial_names(a, b)
    return (alike if whole else min(alike, PARTIAL_CAP)), alike, whole


def _score_person(m: Mention, c: Candidate) -> Suggestion:
    reasons: list[Reason] = []
    mkey = _name_key(m.text)
    names = [n for n in (c.name, *c.aliases) if n]
    rank_a, rank_b = _rank_code(m.rank), _rank_code(c.rank)
    rank = None if not rank_a or not rank_b else rank_family(rank_a) == rank_family(rank_b)
    unit = text_agreement(m.unit, c.unit)
    place = (
        any(place_similarity(m.place, p) >= 0.5 for p in c.places) if m.place and c.places else None
    )
    dates = dates_overlap(m.dates, c.dates)
    if mkey and names:
        # Each of the entry's names: how alike its words are, and whether it is partial.
        # The best is the one scoring most on the name once partial names are capped.
        value, alike, whole = max(_name_score(mkey, _name_key(n)) for n in names)
        partial = not whole
        # Agreement only lifts a name that already nearly matches: two officers of one unit
        # with surnames a letter apart must not climb into the strong band together.
        lift = alike >= _LIFT_FROM
        reasons.append(Reason("name_alike", value))
        if partial:
            reasons.append(Reason("partial_name"))
        if rank is True and lift:
            value += 0.05
        elif rank is False:
            value -= 0.25
        if unit is True and lift:
            value += 0.05
        elif unit is False:
            value -= 0.1
        if place and lift:
            value += 0.03
        if dates and lift:
            value += 0.02
    else:
        if rank is False or unit is False:
            return Suggestion(c.entry_id, 0.0, (Reason("rank_or_unit_differ"),))
        value = 0.2 + 0.25 * bool(rank) + 0.25 * bool(unit) + 0.1 * bool(place) + 0.1 * bool(dates)
        value = min(value, UNNAMED_CAP)
        reasons.append(Reason("no_name"))
    if rank is not None:
        reasons.append(Reason("same_rank" if rank else "different_rank"))
    if unit is not None:
        reasons.append(Reason("same_unit" if unit else "different_unit"))
    if place:
        reasons.append(Reason("same_place"))
    if dates is not None:
        reasons.append(Reason("dates_overlap" if dates else "dates_far_apart"))
    return Suggestion(c.entry_id, round(max(0.0, min(1.0, value)), 3), tuple(reasons))


def suggest(
    mention: Mention, candidates: Iterable[Candidate], *, threshold: float = SHOW, limit: int = 5
) -> list[Suggestion]:
    """Entries ``mention`` may refer to, best first, scoring at least ``threshold``.

    Equal scores are ordered by how many things agree: two namesakes both score 1.0 on the
    name, and the one whose rank also agrees comes first.
    """
    scored = [score(mention, c) for c in candidates if c.kind == mention.kind]
    kept = [s for s in scored if s.score >= threshold]
    kept.sort(key=lambda s: (-s.score, -sum(r.code in _AGREEMENTS for r in s.factors),
                             s.entry_id))
    return kept[:limit]


_AGREEMENTS = frozenset({"same_rank", "same_unit", "same_place", "dates_overlap"})


# -- blocking ----------------------------------------------------------------------------

# The index proves its pruning only from this threshold up (an unnamed mention reaches 0.55
# on rank and place alone); below it, :meth:`CandidateIndex.suggest` scores everything.
INDEX_FROM = SHOW


def _bigrams(word: str) -> Counter[str]:
    return Counter(word[i : i + 2] for i in range(len(word) - 1))


def _pieces(text: str) -> frozenset[str]:
    """Unit numbers and longer words: a unit or place agrees with another only if they
    share one of these (see :func:`text_agreement` and :func:`place_similarity`)."""
    return _codes(text) | _content_words(text)


def _min_shared_bigrams(total: int, floor: float) -> int:
    """The fewest bigrams two words of ``total`` letters share when ``_ratio >= floor``.

    ``_ratio`` squares ``2M / total`` where ``M`` is the length of a longest common
    subsequence of words ``a`` and ``b``, so ``_ratio >= floor`` needs
    ``M >= sqrt(floor) * total / 2``. Take the ``M`` matched letters in order: ``M - 1``
    neighbouring pairs. A pair is a bigram of both words unless its letters are apart in
    ``a`` or apart in ``b``; each gap in ``a`` holds at least one of ``a``'s ``len(a) - M``
    unmatched letters, and likewise in ``b``. So at least
    ``(M - 1) - (len(a) - M) - (len(b) - M) = 3M - total - 1`` pairs are bigrams of both, at
    distinct positions in each word, and the multiset of shared bigrams counts them all.
    (The same bound held for difflib's matching blocks; ``test_matching_index.py`` checks the
    index against scoring every candidate.)
    """
    matched = math.ceil(math.sqrt(floor) * total / 2 - 1e-9)
    return 3 * matched - total - 1


class CandidateIndex:
    """Registry candidates blocked by pieces of their names, units and places.

    :func:`suggest` scores a mention against every candidate, which grows with the registry.
    The index scores only the candidates that could reach the threshold, and gives exactly
    the same suggestions (same scores, same order) for any threshold from
    :data:`INDEX_FROM`:

    * a *named* person reaches it only when some word of its name key is alike (``_ratio``
      at least ``min(threshold, 0.85)``, since agreement lifts only names from 0.85) to a
      word of a candidate's name. Name words are looked up in a vocabulary of distinct
      skeletons, by bigrams with a count filter (:func:`_min_shared_bigrams`), by initial,
      or, for the few very short words the filter cannot bound, by length; the survivors
      are checked with ``_ratio`` itself;
    * an *unnamed* mention (a rank, a unit, a place) reaches it only with rank and unit
      agreeing, or one of them plus place and dates: the candidates sharing a unit piece,
      and those of the same rank family sharing a place piece;
    * places and units are looked up by shared unit numbers and words.
    """

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates: tuple[Candidate, ...] = tuple(candidates)
        self._vocab: dict[str, set[int]] = defaultdict(set)  # name word -> candidates
        self._bigrams: dict[str, dict[str, int]] = defaultdict(dict)  # bigram -> word -> n
        self._by_length: dict[int, set[str]] = defaultdict(set)
        self._by_first: dict[str, set[str]] = defaultdict(set)
        self._nameless: list[int] = []  # persons without any name: scored as unnamed
        # Built on the first unnamed mention (most mentions have a name).
        self._by_unit: dict[str, set[int]] | None = None
        self._by_place: dict[str, set[int]] = defaultdict(set)  # person's places
        self._by_rank: dict[str, set[int]] = defaultdict(set)
        self._by_text: dict[tuple[str, str], set[int]] = defaultdict(set)  # places, units
        for i, c in enumerate(self.candidates):
            names = [n for n in (c.name, *c.aliases) if n]
            if c.kind != "person":
                for n in names:
                    for piece in _pieces(n):
                        self._by_text[(c.kind, piece)].add(i)
                continue
            if not names:
                self._nameless.append(i)
            for n in names:
                for word in _name_key(n):
                    self._add_word(word, i)

    def _unnamed_blocks(self) -> dict[str, set[int]]:
        if self._by_unit is None:
            by_unit: dict[str, set[int]] = defaultdict(set)
            for i, c in enumerate(self.candidates):
                if c.kind != "person":
                    continue
                for piece in _pieces(c.unit) if c.unit.strip() else ():
                    by_unit[piece].add(i)
                for place in c.places:
                    for piece in _pieces(place):
                        self._by_place[piece].add(i)
                code = _rank_code(c.rank)
                if code:
                    self._by_rank[rank_family(code)].add(i)
            self._by_unit = by_unit
        return self._by_unit

    def __len__(self) -> int:
        return len(self.candidates)

    def _add_word(self, word: str, i: int) -> None:
        if word not in self._vocab:
            self._by_length[len(word)].add(word)
            self._by_first[word[0]].add(word)
            for gram, n in _bigrams(word).items():
                self._bigrams[gram][word] = n
        self._vocab[word].add(i)

    def _alike_words(self, word: str, floor: float) -> set[str]:
        """Vocabulary words ``w`` with ``_ratio`` of ``word`` and ``w`` (either way round)
        at least ``floor`` (which is at most 0.85, the score of an agreeing initial)."""
        found = {word} if word in self._vocab else set()
        if len(word) == 1:
            return found | self._by_first.get(word, set())
        found |= {w for w in self._by_first.get(word[0], ()) if len(w) == 1}
        shared: Counter[str] = Counter()
        for gram, n in _bigrams(word).items():
            for other, m in self._bigrams.get(gram, {}).items():
                shared[other] += min(n, m)
        maybe = {
            w for w, n in shared.items() if n >= _min_shared_bigrams(len(word) + len(w), floor)
        }
        for length in range(2, 2 * len(word) + 4):  # lengths where the filter proves nothing
            if _min_shared_bigrams(len(word) + length, floor) <= 0:
                maybe |= self._by_length.get(length, set())
        found |= {w for w in maybe - found if max(_ratio(word, w), _ratio(w, word)) >= floor}
        return found

    def _pool(self, mention: Mention, threshold: float) -> set[int]:
        if mention.kind != "person":
            return {
                i
                for piece in _pieces(mention.text)
                for i in self._by_text.get((mention.kind, piece), ())
            }
        mkey = _name_key(mention.text)
        if mkey:
            floor = min(threshold, _LIFT_FROM) - 0.0005  # scores are rounded to 3 places
            pool: set[int] = set(self._nameless)
            for word in set(mkey):
                for other in self._alike_words(word, floor):
                    pool |= self._vocab[other]
            return pool
        pool = set()  # see the class docstring: rank and unit, or one of them, place, dates
        by_unit = self._unnamed_blocks()
        if mention.unit.strip():
            pool |= {i for piece in _pieces(mention.unit) for i in by_unit.get(piece, ())}
        code = _rank_code(mention.rank)
        if code and mention.place:
            same_rank = self._by_rank.get(rank_family(code), set())
            pool |= {
                i
                for piece in _pieces(mention.place)
                for i in self._by_place.get(piece, ())
                if i in same_rank
            }
        return pool

    def suggest(
        self,
        mention: Mention,
        *,
        threshold: float = SHOW,
        limit: int = 5,
        exclude: Collection[str] = (),
    ) -> list[Suggestion]:
        """As :func:`suggest` over the indexed candidates not in ``exclude`` (entry ids)."""
        pool: Iterable[Candidate] = self.candidates
        if threshold >= INDEX_FROM:
            pool = (self.candidates[i] for i in self._pool(mention, threshold))
        return suggest(
            mention,
            (c for c in pool if c.entry_id not in exclude),
            threshold=threshold,
            limit=limit,
        )


def candidate_from(mention: Mention, entry_id: str) -> Candidate:
    """A candidate standing for a single mention (for pairwise comparisons and new entries)."""
    return Candidate(
        entry_id=entry_id,
        kind=mention.kind,
        name=mention.text,
        rank=mention.rank,
        unit=mention.unit,
        places=(mention.place,) if mention.place else (),
        dates=mention.dates,
    )


# -- registry records (what storage returns and services hand to the GUI and CLI) ---------

LINK_STATUSES = ("suggested", "confirmed", "rejected")


@dataclass(frozen=True)
class Entry:
    """A person, place or unit in the registry."""

    id: str
    kind: str
    display_name: str
    rank: str
    unit: str
    notes: str
    created_at: str
    merged_into: str | None = None


@dataclass(frozen=True)
class Link:
    """A mention in one version of a record tied to an entry, and what a person said of it."""

    id: int
    entry_id: str
    record_id: str
    version: int
    mention_path: str
    mention: Mention
    status: str
    created_at: str


@dataclass(frozen=True)
class Merge:
    """One entry folded into another; ``moved_links`` are what an undo moves back."""

    id: int
    source_id: str
    target_id: str
    moved_links: tuple[int, ...]
    created_at: str
    undone_at: str


@dataclass(frozen=True)
class MentionSuggestions:
    """One mention of a record, the links it already has, and entries it may refer to."""

    mention: Mention
    links: tuple[Link, ...]
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True)
class EntryDetail:
    """An entry with its links and the merges that involve it."""

    entry: Entry
    links: tuple[Link, ...]
    merges: tuple[Merge, ...]


@dataclass(frozen=True)
class CorroboratingAct:
    """One act in a corroborating testimony."""

    record_id: str
    act_index: int
    date: str
    place: str
    methods: tuple[str, ...]
    perpetrators: tuple[str, ...]


@dataclass(frozen=True)
class CorroborationItem:
    """One testimony that mentions the entry, identified so it can be cited as an annex."""

    record_id: str
    version: int
    content_sha256: str
    sealed: bool
    witness_key: str
    witness_label: str
    witness_name: str
    name_may_appear: bool
    mention_paths: tuple[str, ...]
    mention_texts: tuple[str, ...]
    interview_date: str
    acts: tuple[CorroboratingAct, ...]
    excerpt: str


@dataclass(frozen=True)
class Corroboration:
    """Everything the testimonies say about one entry, and how independent they are.

    ``independent_witnesses`` counts distinct witnesses, not records: the same witness
    interviewed twice (or under a name in one record and the same name in another script in
    the next) counts once, judged by the skeleton of their name or pseudonym. An act's
    perpetrator with neither name nor rank is :data:`NOT_NAMED`, in ``timeline`` and as a row
    of ``matrix``.
    """

    entry: Entry
    items: tuple[CorroborationItem, ...]
    independent_witnesses: int
    timeline: tuple[CorroboratingAct, ...]
    matrix: dict[str, dict[str, int]]
    date_from: str = ""
    date_to: str = ""
    place: str = ""


def witness_key(name: str, pseudonym: str, record_id: str) -> str:
    """Who gave a testimony, comparably across records and scripts."""
    key = name_key(name) or name_key(pseudonym)
    return " ".join(sorted(key)) if key else f"record:{record_id}"


def clear_caches() -> None:
    """Forget every memoised name, place and unit (called when the vault locks).

    The caches hold names from testimonies; a locked vault must not leave them in memory.
    """
    for cached in (
        _ratio,
        _key_similarity,
        _name_key,
        _codes,
        _content_words,
        date_range,
        skeleton,
        _rank_code,
    ):
        cached.cache_clear()
