"""The blocking index gives exactly the suggestions of the exhaustive scorer.

:class:`matching.CandidateIndex` scores a mention only against the entries that share a
piece of name, unit or place with it; these tests compare it with :func:`matching.suggest`
over every candidate, on the precision/recall fixture and on perturbed names near the
similarity boundary, where a pruning mistake would show.
"""

from __future__ import annotations

import random

import pytest

from testimony_app.domain import matching
from testimony_app.domain.matching import Candidate, CandidateIndex, Mention

from .test_matching_fixture import FIXTURE

THRESHOLDS = (matching.SHOW, 0.7, matching.STRONG, 0.9)

EXTRA_CANDIDATES = [
    Candidate("x-initials", "person", "E. Həsənov", rank="kapitan"),
    Candidate("x-initial-only", "person", "R. M."),
    Candidate("x-short", "person", "Ali Əli"),
    Candidate("x-unnamed-unit", "person", "kapitan Q-903", rank="kapitan",
              unit="Q-903 saylı hərbi hissə"),
    Candidate("x-unnamed-place", "person", "майор", rank="майор", places=("Tərtər, N245",),
              dates=("2017-05-20",)),
    Candidate("x-nameless", "person", "", rank="captain", unit="Unit Q-903"),
    Candidate("x-place", "place", "Q-903 hərbi hissəsi, Tərtər", dates=("2017-05",)),
    Candidate("x-place-ru", "place", "Часть Q-903, подвал"),
    Candidate("x-unit", "unit", "N245 hərbi hissə"),
]

EXTRA_MENTIONS = [
    Mention("u1", "person", "", rank="капитан", unit="часть Q-903"),
    Mention("u2", "person", "", rank="Maj.", place="Tartar, N245", dates=("2017-05-30",)),
    Mention("u3", "person", "", unit="Q-903", place="Tərtər", dates=("2017-05-21",)),
    Mention("u4", "person", "", rank="captain"),
    Mention("i1", "person", "E. Hasanov", rank="Capt."),
    Mention("i2", "person", "R."),
    Mention("s1", "person", "Ali"),
    Mention("p1", "place", "Unit Q-903, basement", dates=("2017-05-02",)),
    Mention("p2", "place", "Tərtər"),
    Mention("n1", "unit", "hərbi hissə N245"),
]


def _fixture() -> tuple[list[Mention], list[Candidate]]:
    mentions = [
        Mention(f"m{i}", "person", name, rank=rank, unit=unit, dates=(date,) if date else ())
        for i, (_, name, rank, unit, date) in enumerate(FIXTURE)
    ]
    candidates = [matching.candidate_from(m, f"e{i:02d}") for i, m in enumerate(mentions)]
    return mentions + EXTRA_MENTIONS, candidates + EXTRA_CANDIDATES


def _assert_same(mentions: list[Mention], candidates: list[Candidate]) -> int:
    index = CandidateIndex(candidates)
    shown = 0
    for mention in mentions:
        for threshold in THRESHOLDS:
            expected = matching.suggest(mention, candidates, threshold=threshold, limit=50)
            found = index.suggest(mention, threshold=threshold, limit=50)
            assert found == expected, (mention, threshold)
            assert index.suggest(mention, threshold=threshold) == expected[:5]
            shown += len(found)
    return shown


@pytest.mark.slow
def test_index_gives_the_exhaustive_suggestions_on_the_fixture() -> None:
    mentions, candidates = _fixture()
    assert _assert_same(mentions, candidates) > 100  # the comparison is not vacuous


@pytest.mark.slow
def test_index_top_result_is_the_true_entry_as_exhaustively() -> None:
    mentions, candidates = _fixture()
    index = CandidateIndex(candidates)
    for i, (group, *_) in enumerate(FIXTURE):
        others = [c.entry_id for c in candidates if c.entry_id != f"e{i:02d}"]
        found = index.suggest(mentions[i], threshold=matching.STRONG, limit=1,
                              exclude={f"e{i:02d}"})
        expected = matching.suggest(mentions[i], [c for c in candidates if c.entry_id in others],
                                    threshold=matching.STRONG, limit=1)
        assert found == expected
        if found and found[0].entry_id.startswith("e"):
            top = found[0]
            if FIXTURE[int(top.entry_id[1:])][0] != group:
                # Only a tie with a true entry may put another person first (a namesake
                # whom nothing in either mention tells apart), never a lower true score.
                same = [c for c in candidates if c.entry_id.startswith("e")
                        and c.entry_id in others and FIXTURE[int(c.entry_id[1:])][0] == group]
                best = max(matching.score(mentions[i], c).score for c in same)
                assert best == top.score, (mentions[i].text, top.entry_id)


def test_index_respects_exclusions() -> None:
    mentions, candidates = _fixture()
    index = CandidateIndex(candidates)
    everyone = {c.entry_id for c in candidates}
    for mention in mentions:
        assert index.suggest(mention, exclude=everyone) == []


def _perturb(rng: random.Random, word: str) -> str:
    letters = "abcdefghiklmnorstuvyzəçşğöü"
    chars = list(word)
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(3)
        at = rng.randrange(len(chars) + (op == 1))
        if op == 0 and chars:
            chars[min(at, len(chars) - 1)] = rng.choice(letters)
        elif op == 1:
            chars.insert(at, rng.choice(letters))
        elif len(chars) > 2:
            del chars[min(at, len(chars) - 1)]
    return "".join(chars)


@pytest.mark.slow
def test_index_matches_exhaustive_on_perturbed_names() -> None:
    """Names one to three edits from the fixture's, and very short ones, straddle the
    threshold: any candidate the blocking wrongly dropped would change the result."""
    rng = random.Random(903)
    base = [name for _, name, *_ in FIXTURE] + ["Ab Cd", "Ali Əli", "Li Bo", "E. X."]
    names = [" ".join(_perturb(rng, w) if rng.random() < 0.7 else w for w in name.split())
             for name in base for _ in range(4)]
    candidates = [Candidate(f"c{i:03d}", "person", n) for i, n in enumerate(names)]
    mentions = [Mention(f"q{i}", "person", n) for i, n in enumerate(names[::3] + base)]
    assert _assert_same(mentions, candidates) > 100
