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

The rules live in four modules (house rule: modules under ~600 lines), all re-exported here,
the one name the rest of the program imports: :mod:`~testimony_app.domain.match_types` (the
values and thresholds), :mod:`~testimony_app.domain.match_similarity` (comparing names,
places, units and dates), :mod:`~testimony_app.domain.match_scoring` (:func:`score`,
:func:`suggest`), :mod:`~testimony_app.domain.match_index` (:class:`CandidateIndex`); the
registry's records are in :mod:`~testimony_app.domain.registry_records`.
"""

from __future__ import annotations

from testimony_app.domain.match_index import (
    INDEX_FROM,
    CandidateIndex,
    _bigrams,
    _min_shared_bigrams,
)
from testimony_app.domain.match_scoring import score, suggest
from testimony_app.domain.match_similarity import (
    _codes,
    _content_words,
    _key_similarity,
    _name_key,
    _ratio,
    date_filter_problems,
    date_range,
    dates_overlap,
    filter_date_range,
    key_similarity,
    name_similarity,
    partial_names,
    place_similarity,
    text_agreement,
)
from testimony_app.domain.match_types import (
    KINDS,
    NOT_NAMED,
    PARTIAL_CAP,
    REASON_CODES,
    SHOW,
    STRONG,
    UNNAMED_CAP,
    Candidate,
    Mention,
    Reason,
    Suggestion,
    candidate_from,
)
from testimony_app.domain.model import Testimony
from testimony_app.domain.registry_records import (
    LINK_STATUSES,
    CorroboratingAct,
    Corroboration,
    CorroborationItem,
    Entry,
    EntryDetail,
    Link,
    MentionSuggestions,
    Merge,
    witness_key,
)
from testimony_app.domain.transliteration import rank_code as _rank_code
from testimony_app.domain.transliteration import skeleton, split_rank

__all__ = [
    "INDEX_FROM",
    "KINDS",
    "LINK_STATUSES",
    "NOT_NAMED",
    "PARTIAL_CAP",
    "REASON_CODES",
    "SHOW",
    "STRONG",
    "UNNAMED_CAP",
    "Candidate",
    "CandidateIndex",
    "CorroboratingAct",
    "Corroboration",
    "CorroborationItem",
    "Entry",
    "EntryDetail",
    "Link",
    "Mention",
    "MentionSuggestions",
    "Merge",
    "Reason",
    "Suggestion",
    "_bigrams",
    "_min_shared_bigrams",
    "_ratio",
    "candidate_from",
    "clear_caches",
    "date_filter_problems",
    "date_range",
    "dates_overlap",
    "filter_date_range",
    "key_similarity",
    "mention_at",
    "mentions",
    "name_similarity",
    "partial_names",
    "place_similarity",
    "score",
    "suggest",
    "text_agreement",
    "witness_key",
]


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
