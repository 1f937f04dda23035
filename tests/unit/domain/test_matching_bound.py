"""The candidate index's count filter is a proof, not a heuristic: checked on random words.

``CandidateIndex`` skips every vocabulary word that shares fewer bigrams with the query than
``_min_shared_bigrams`` says a word alike enough must share. If that bound were wrong for
``_ratio`` (it was proved for difflib's matching blocks, then again for rapidfuzz's longest
common subsequence), the index would silently drop a true suggestion. Words from a small
alphabet make near-misses common, so the floor is exercised, not just far-apart pairs.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testimony_app.domain import matching

WORDS = st.text(alphabet="aehnosv", min_size=2, max_size=14)
FLOORS = st.sampled_from([0.5625, 0.6, 0.7, 0.8, 0.85 - 0.0005])


def shared_bigrams(a: str, b: str) -> int:
    ours, theirs = matching._bigrams(a), matching._bigrams(b)
    return sum((ours & theirs).values())


@pytest.mark.slow
@settings(max_examples=600, deadline=None)
@given(WORDS, WORDS, FLOORS)
def test_words_alike_enough_share_at_least_the_bound(a: str, b: str, floor: float) -> None:
    if matching._ratio(a, b) >= floor:
        assert shared_bigrams(a, b) >= matching._min_shared_bigrams(len(a) + len(b), floor)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(WORDS, st.lists(WORDS, min_size=1, max_size=30), FLOORS)
def test_the_index_finds_every_alike_word(word: str, vocabulary: list[str], floor: float) -> None:
    index = matching.CandidateIndex([])
    for i, other in enumerate(vocabulary):
        index._add_word(other, i)
    found = index._alike_words(word, floor)
    expected = {
        w for w in vocabulary if max(matching._ratio(word, w), matching._ratio(w, word)) >= floor
    }
    assert expected <= found


def test_the_bound_is_tight_somewhere() -> None:
    """A bound of zero everywhere would pass the tests above and filter nothing."""
    assert matching._min_shared_bigrams(14, 0.7) == 3
    assert matching._ratio("hasanov", "gasanov") >= 0.7
    assert shared_bigrams("hasanov", "gasanov") == 5
    assert matching._min_shared_bigrams(20, 0.8) > shared_bigrams("hasanovla", "gasanovxyz")
