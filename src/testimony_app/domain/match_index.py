"""Which registry entries could reach a score at all: the candidate index behind suggestions.

Scoring every entry for every mention grows with the registry; the index proves which entries
cannot reach the threshold and scores the rest with the same function, so the suggestions are
the same. Split from :mod:`testimony_app.domain.matching` (house rule: modules under ~600
lines), which re-exports :class:`CandidateIndex`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable

from testimony_app.domain.match_scoring import _LIFT_FROM, suggest
from testimony_app.domain.match_similarity import _codes, _content_words, _name_key, _ratio
from testimony_app.domain.match_types import SHOW, Candidate, Mention, Suggestion
from testimony_app.domain.transliteration import rank_code as _rank_code
from testimony_app.domain.transliteration import rank_family

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
