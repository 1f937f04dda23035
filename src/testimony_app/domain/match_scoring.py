"""The score of a mention against a registry entry, and the ranked suggestions made of it.

The rules and why they are built for precision are in :mod:`testimony_app.domain.matching`'s
docstring. Split from it (house rule: modules under ~600 lines); import from there.
"""

from __future__ import annotations

from collections.abc import Iterable

from testimony_app.domain.match_similarity import (
    _key_similarity,
    _name_key,
    dates_overlap,
    partial_names,
    place_similarity,
    text_agreement,
)
from testimony_app.domain.match_types import (
    PARTIAL_CAP,
    SHOW,
    UNNAMED_CAP,
    Candidate,
    Mention,
    Reason,
    Suggestion,
)
from testimony_app.domain.transliteration import rank_code as _rank_code
from testimony_app.domain.transliteration import rank_family

_LIFT_FROM = 0.85


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
    kept.sort(key=lambda s: (-s.score, -sum(r.code in _AGREEMENTS for r in s.factors), s.entry_id))
    return kept[:limit]


_AGREEMENTS = frozenset({"same_rank", "same_unit", "same_place", "dates_overlap"})
