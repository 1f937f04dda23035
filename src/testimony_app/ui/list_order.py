"""Orders and filter masks of the list of testimonies, made once per list and kept.

Why this exists: at the organisation's scale the window lists 100,000 testimonies, and the
target for a filter or a sort is 50 ms (issue 19). Sorting 100,000 summaries with a Python key,
twice (the newest-update tie-break, then the column), cost 270-360 ms of CPU per click, and
building the list of shown rows another 15 ms. Here every per-row step runs inside C loops
(``map``, ``sorted`` with a list's ``__getitem__`` as key, ``itertools.compress``) over plain
lists of ints and bytes, and what does not change while the list stays the same is computed
once: a column's values, its keys (made once per *distinct* value, then ranked), and each
order asked for. The model then shows *positions* into the list, so no list of 100,000
summaries is rebuilt per click. Measured in ``docs/performance.md``.

Nothing here is Qt: the model (:mod:`testimony_app.ui.testimony_table`) says what a column's
key is; this module only makes and keeps the arrays.
"""

from __future__ import annotations

import operator
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Sequence
from itertools import chain, compress, repeat
from operator import attrgetter
from typing import Any

from testimony_app.domain.model import TestimonySummary

#: How many (column, direction) orders a list keeps: every column both ways (100,000
#: positions are 0.8 MB an order, next to ~100 MB of summaries).
KEPT_ORDERS = 14


class ListIndex:
    """Columns, ranks, orders and masks of one list of summaries (the list never changes).

    A column is kept as its distinct values and one code a row (bytes while it has at most
    256 distinct values, so that a filter's mask is one ``bytes.translate``).
    """

    def __init__(self, rows: Sequence[TestimonySummary]) -> None:
        self.rows = rows
        self._columns: dict[Hashable, tuple[list[Any], Sequence[int]]] = {}
        self._ranks: dict[Hashable, list[int]] = {}
        self._orders: OrderedDict[tuple[Hashable, bool], list[int]] = OrderedDict()
        self._masks: dict[Hashable, bytes] = {}
        self._values: dict[str, list[Any]] = {}
        self._newest: list[int] | None = None
        self._positions: dict[str, int] | None = None
        self._newest_rank: dict[int, int] | None = None  # position → place in newest_first

    def same_rows(self, rows: Sequence[TestimonySummary]) -> bool:
        """Whether ``rows`` are these very summaries in this order (the caches still hold)."""
        return len(rows) == len(self.rows) and all(map(operator.is_, rows, self.rows))

    def column(
        self, name: Hashable, value: Callable[[TestimonySummary], Any] | str
    ) -> tuple[list[Any], Sequence[int]]:
        """A column's distinct values and each row's code into them (an attribute name, or a
        function of the summary), kept."""
        column = self._columns.get(name)
        if column is None:
            getter = attrgetter(value) if isinstance(value, str) else value
            values = list(map(getter, self.rows))
            distinct = list(dict.fromkeys(values))
            code_of = dict(zip(distinct, range(len(distinct)), strict=True))
            codes: Sequence[int] = list(map(code_of.__getitem__, values))
            if len(distinct) <= 256:
                codes = bytes(codes)
            column = self._columns[name] = (distinct, codes)
        return column

    def ranks(
        self,
        name: Hashable,
        value: Callable[[TestimonySummary], Any] | str,
        key: Callable[[Any], Any],
    ) -> list[int]:
        """Every row's rank by ``key(value)``; equal keys share a rank.

        ``key`` runs once per distinct value: 100,000 rows share a few hundred places, a
        handful of languages, a few thousand dates.
        """
        ranks = self._ranks.get(name)
        if ranks is None:
            distinct, codes = self.column(name, value)
            keyed = sorted(zip(map(key, distinct), range(len(distinct)), strict=True))
            rank_of = [0] * len(distinct)
            rank, last = -1, _NOTHING
            for k, code in keyed:
                if k != last:
                    rank, last = rank + 1, k
                rank_of[code] = rank
            ranks = self._ranks[name] = list(map(rank_of.__getitem__, codes))
        return ranks

    def forget(self, name: Hashable) -> None:
        """Drop a column whose keys changed (the interface language did)."""
        self._columns.pop(name, None)
        self._ranks.pop(name, None)
        for kept in [k for k in self._orders if k[0] == name]:
            del self._orders[kept]

    def newest_first(self) -> list[int]:
        """Positions by last update, newest first: every sort's tie-break."""
        if self._newest is None:
            updated = list(map(attrgetter("updated_at"), self.rows))
            self._newest = sorted(range(len(self.rows)), key=updated.__getitem__, reverse=True)
        return self._newest

    def order(self, name: Hashable, ranks: list[int], reverse: bool) -> list[int]:
        """Positions sorted by ``ranks`` (descending if ``reverse``), newest first among
        equals, as a stable sort of the newest-first order gives. Kept, never changed.

        The other direction, when kept, gives this one without a sort: the same runs of
        equal ranks, in the opposite order.
        """
        wanted = (name, reverse)
        order = self._orders.get(wanted)
        if order is not None:
            self._orders.move_to_end(wanted)
            return order
        other = self._orders.get((name, not reverse))
        if other is not None:
            order = _runs_reversed(other, ranks)
        else:
            order = sorted(self.newest_first(), key=ranks.__getitem__, reverse=reverse)
        self._orders[wanted] = order
        while len(self._orders) > KEPT_ORDERS:
            self._orders.popitem(last=False)
        return order

    def where(
        self,
        name: Hashable,
        value: str | Callable[[TestimonySummary], Any],
        wanted: Hashable,
        test: Callable[[Any], object],
    ) -> bytes:
        """A mask (one byte a row, 1 or 0) of the rows whose value passes ``test``, kept
        under ``(name, wanted)``.

        ``test`` runs once per distinct value; the rows are a ``bytes.translate`` (or a C
        ``map``) of the column's codes.
        """
        mask = self._masks.get((name, wanted))
        if mask is None:
            distinct, codes = self.column(name, value)
            passing = bytes(1 if test(v) else 0 for v in distinct)
            if isinstance(codes, bytes):
                mask = codes.translate(passing.ljust(256, b"\0"))
            else:
                mask = bytes(map(passing.__getitem__, codes))
            self._masks[(name, wanted)] = mask
        return mask

    def containing(self, name: str, item: str) -> bytes:
        """A mask of the rows whose attribute ``name`` (a tuple, such as the methods) holds
        ``item``, kept. Tested row by row in C: 100,000 tuples are too many distinct values
        to code (hashing them cost more than the test)."""
        mask = self._masks.get((name, "containing", item))
        if mask is None:
            values = self._values.get(name)
            if values is None:
                values = self._values[name] = list(map(attrgetter(name), self.rows))
            mask = bytes(map(operator.contains, values, repeat(item)))
            self._masks[(name, "containing", item)] = mask
        return mask

    def kept(
        self, order: list[int], mask: bytes | None, ranks: list[int] | None, reverse: bool
    ) -> list[int]:
        """The positions of ``order`` that ``mask`` keeps, in order; ``order`` itself without
        a mask (orders are shared, and nobody changes one). ``order`` is what :meth:`order`
        made of ``ranks`` and ``reverse`` (``ranks`` ``None``: the list's own order).

        A mask that keeps few rows (a filter usually does) is read in sequence and the few
        kept are sorted as :meth:`order` sorts; reading the mask in the order's sequence
        jumps about memory, 10-45 ms for 100,000 rows on this machine.
        """
        if mask is None:
            return order
        if mask.count(1) * 4 > len(mask):
            return list(compress(order, map(mask.__getitem__, order)))
        few = list(compress(range(len(mask)), mask))
        if ranks is None:
            return few
        if self._newest_rank is None:
            newest = self.newest_first()
            self._newest_rank = dict(zip(newest, range(len(newest)), strict=True))
        few.sort(key=self._newest_rank.__getitem__)
        few.sort(key=ranks.__getitem__, reverse=reverse)
        return few

    def position(self, record_id: str) -> int:
        """Where ``record_id`` is in the list, or -1."""
        if self._positions is None:
            ids = list(map(attrgetter("id"), self.rows))
            self._positions = dict(zip(ids, range(len(ids)), strict=True))
        return self._positions.get(record_id, -1)


def _runs_reversed(order: list[int], ranks: list[int]) -> list[int]:
    """``order`` with its runs of equal rank in the opposite order, each run kept as is."""
    in_order = list(map(ranks.__getitem__, order))
    sizes = Counter(in_order)  # counted in C
    runs: list[list[int]] = []
    start = 0
    for rank in dict.fromkeys(in_order):  # each rank once, in the order's order
        end = start + sizes[rank]
        runs.append(order[start:end])
        start = end
    runs.reverse()
    return list(chain.from_iterable(runs))


def both(a: bytes | None, b: bytes) -> bytes:
    """Rows in both masks (``None``: every row)."""
    if a is None:
        return b
    return (int.from_bytes(a, "little") & int.from_bytes(b, "little")).to_bytes(len(a), "little")


def new_rows(shown: list[int], positions: Sequence[int]) -> list[int]:
    """Where each position is now shown, or -1.

    The view's persistent indexes are a few rows (the current one, once per column): a C
    search per distinct row; many rows build the inverse once.
    """
    distinct = dict.fromkeys(positions)
    if len(distinct) > 8:
        row_of = dict(zip(shown, range(len(shown)), strict=True))
        return [row_of.get(p, -1) for p in positions]
    for p in distinct:
        try:
            distinct[p] = shown.index(p)
        except ValueError:
            distinct[p] = -1
    return [distinct[p] for p in positions]  # type: ignore[misc]


_NOTHING = object()
